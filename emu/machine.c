/* emu/machine.c — the virt board. */
#include "emu/machine.h"

#include "emu/errors.h"
#include "emu/fdt.h"
#include "emu/gic.h"
#include "emu/loader.h"
#include "emu/pl031.h"
#include "emu/psci.h"
#include "emu/semihost.h"

/* Virtual time in nanoseconds is (icount << icount_shift) + idle_ns, where
 * idle_ns is the time skipped while the CPU waited in WFI. The generic
 * timer counts at EMU_CNTFRQ_HZ: 16 ns per tick. */
#define NS_PER_TICK (1000000000ull / EMU_CNTFRQ_HZ)
#define NO_DEADLINE UINT64_MAX

/* Generic timer interrupts (PPIs), as QEMU's virt wires them. */
static const unsigned timer_ppi[2] = {
    [EMU_TIMER_PHYS] = EMU_GIC_PPI(14),   /* non-secure physical: INTID 30 */
    [EMU_TIMER_VIRT] = EMU_GIC_PPI(11),   /* virtual: INTID 27 */
};

/* The room QEMU's virt reserves for its device tree. */
#define DTB_ROOM (1ull << 20)

struct EmuMachine {
    EmuMachineConfig cfg;
    EmuMem *mem;
    EmuCpu *cpu;
    EmuPl011 *uart;
    EmuGic *gic;
    EmuPl031 *rtc;
    EmuSemihost semihost;
    char *semihost_cmdline;       /* the program's path, then -append's words */
    uint64_t idle_ns;             /* virtual time skipped in WFI */
    uint64_t timer_deadline;      /* icount of the next timer or RTC event */
    char *elf_path;               /* reloaded on SYSTEM_RESET */
    EmuPsciRequest psci_request;
    bool exited;
    int exit_status;
    char *error;
    char *warning;                /* from loading the program, or NULL */
};

static void uart_output(void *opaque, uint8_t byte)
{
    EmuMachine *m = opaque;
    if (m->cfg.serial_out)
        m->cfg.serial_out(m->cfg.opaque, byte);
}

static void semihost_output(void *opaque, const uint8_t *buf, size_t len)
{
    EmuMachine *m = opaque;
    if (m->cfg.console_out)
        m->cfg.console_out(m->cfg.opaque, buf, len);
}

/* ":tt" opened for write is QEMU's stdout, which -serial stdio shares. */
static void semihost_stdout(void *opaque, const uint8_t *buf, size_t len)
{
    EmuMachine *m = opaque;
    if (m->cfg.semihost_stdout) {
        m->cfg.semihost_stdout(m->cfg.opaque, buf, len);
        return;
    }
    for (size_t i = 0; i < len && m->cfg.serial_out; i++)
        m->cfg.serial_out(m->cfg.opaque, buf[i]);
}

static void semihost_exit(void *opaque, int status)
{
    EmuMachine *m = opaque;
    m->exited = true;
    m->exit_status = status;
    emu_cpu_request_stop(m->cpu, EMU_STOP_HALT);
}

static uint64_t now_ns(const EmuMachine *m)
{
    return (emu_cpu_icount(m->cpu) << m->cfg.icount_shift) + m->idle_ns;
}

static uint64_t counter(void *opaque, const EmuCpu *cpu)
{
    return now_ns(opaque) / NS_PER_TICK;
}

static uint64_t icount_at_ns(const EmuMachine *m, uint64_t ns);

/* Drive the timer PPIs from CNTx_CTL/CVAL and the counter, and compute
 * the icount at which the next one fires (NO_DEADLINE if none can). */
static void timers_update(EmuMachine *m)
{
    uint64_t ticks = now_ns(m) / NS_PER_TICK;
    m->timer_deadline = NO_DEADLINE;
    for (EmuTimerId t = EMU_TIMER_PHYS; t <= EMU_TIMER_VIRT; t++) {
        uint64_t ctl, cval;
        emu_cpu_timer_regs(m->cpu, t, &ctl, &cval);
        bool enabled = (ctl & 1) && !(ctl & 2);
        bool fired = enabled && ticks >= cval;
        emu_gic_set_line(m->gic, timer_ppi[t], fired);
        if (!enabled || fired || cval > UINT64_MAX / NS_PER_TICK)
            continue;
        uint64_t at = icount_at_ns(m, cval * NS_PER_TICK);
        if (at < m->timer_deadline)
            m->timer_deadline = at;
    }
}

/* The first icount whose virtual time reaches `ns` (> now). */
static uint64_t icount_at_ns(const EmuMachine *m, uint64_t ns)
{
    uint64_t step = 1ull << m->cfg.icount_shift;
    return emu_cpu_icount(m->cpu) + (ns - now_ns(m) + step - 1) / step;
}

/* Device events: the timers, then the RTC's match. */
static void events_update(EmuMachine *m)
{
    timers_update(m);
    emu_pl031_update(m->rtc);
    uint64_t rtc_ns = emu_pl031_next_event_ns(m->rtc);
    if (rtc_ns != UINT64_MAX && rtc_ns > now_ns(m)) {
        uint64_t at = icount_at_ns(m, rtc_ns);
        if (at < m->timer_deadline)
            m->timer_deadline = at;
    }
}

static void timer_changed(void *opaque, EmuCpu *cpu)
{
    EmuMachine *m = opaque;
    events_update(m);
    if (m->timer_deadline != NO_DEADLINE)
        emu_cpu_limit_run(cpu, m->timer_deadline);
}

static void gic_irq(void *opaque, bool level)
{
    EmuMachine *m = opaque;
    emu_cpu_set_irq(m->cpu, level);
}

static void rtc_irq(void *opaque, bool level)
{
    EmuMachine *m = opaque;
    emu_gic_set_line(m->gic, EMU_GIC_SPI(EMU_VIRT_RTC_SPI), level);
}

static uint64_t rtc_now_ns(void *opaque)
{
    return now_ns(opaque);
}

static uint64_t rtc_host_seconds(void *opaque)
{
    EmuMachine *m = opaque;
    return m->cfg.host_seconds ? m->cfg.host_seconds(m->cfg.opaque) : 0;
}

static void uart_irq(void *opaque, bool level)
{
    EmuMachine *m = opaque;
    emu_gic_set_line(m->gic, EMU_GIC_SPI(EMU_VIRT_UART_SPI), level);
}

static bool firmware_call(void *opaque, EmuCpu *cpu, uint16_t imm)
{
    EmuMachine *m = opaque;
    EmuPsciRequest req;
    if (!emu_psci_call(cpu, &req))
        return false;
    if (req != EMU_PSCI_NONE) {
        m->psci_request = req;
        emu_cpu_request_stop(cpu, EMU_STOP_HALT);
    }
    return true;
}

static bool semihost_call(void *opaque, EmuCpu *cpu)
{
    EmuMachine *m = opaque;
    if (!m->cfg.semihosting)
        return false;
    /* Clocks in nanoseconds of virtual time: QEMU's SYS_TICKFREQ is 1 GHz. */
    return emu_semihost_call(&m->semihost, cpu, now_ns(m), 1000000000);
}

EmuMachine *emu_machine_new(const EmuMachineConfig *cfg, GError **err)
{
    EmuMachineConfig c = *cfg;
    if (!c.ram_size)
        c.ram_size = EMU_DEFAULT_RAM;
    if (c.ram_size & EMU_PAGE_MASK || c.ram_size > (255ull << 30)) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                    "memory size %" G_GUINT64_FORMAT " bytes: must be a multiple of 4 KiB and at "
                    "most 255 GiB (the virt board's RAM window)", c.ram_size);
        return NULL;
    }
    EmuMachine *m = g_new0(EmuMachine, 1);
    m->cfg = c;
    m->mem = emu_mem_new(EMU_VIRT_RAM_BASE, c.ram_size);
    EmuCpuHooks hooks = {
        .hvc = firmware_call, .smc = firmware_call, .semihost = semihost_call,
        .counter = counter, .timer_changed = timer_changed, .opaque = m,
    };
    m->cpu = emu_cpu_new(m->mem, &hooks);
    EmuGicHooks gh = { .irq = gic_irq, .opaque = m };
    m->gic = emu_gic_new(&gh);
    EmuPl011Hooks uh = { .output = uart_output, .irq = uart_irq, .opaque = m };
    m->uart = emu_pl011_new(&uh);
    EmuPl031Hooks rh = { .host_seconds = rtc_host_seconds, .now_ns = rtc_now_ns, .irq = rtc_irq,
                         .opaque = m };
    m->rtc = emu_pl031_new(&rh);
    if (!emu_mem_add_mmio(m->mem, EMU_VIRT_UART_BASE, EMU_PL011_SIZE, &emu_pl011_ops, m->uart,
                          "pl011") ||
        !emu_mem_add_mmio(m->mem, EMU_VIRT_RTC_BASE, EMU_PL031_SIZE, &emu_pl031_ops, m->rtc,
                          "pl031") ||
        !emu_mem_add_mmio(m->mem, EMU_GIC_DIST_BASE, EMU_GIC_REGION, &emu_gic_dist_ops, m->gic,
                          "gic-dist") ||
        !emu_mem_add_mmio(m->mem, EMU_GIC_CPU_BASE, EMU_GIC_REGION, &emu_gic_cpu_ops, m->gic,
                          "gic-cpu"))
        g_assert_not_reached();
    m->timer_deadline = NO_DEADLINE;
    m->semihost = (EmuSemihost){
        .output = semihost_output, .stdout_output = semihost_stdout, .exit = semihost_exit,
        .seconds = rtc_host_seconds, .opaque = m,
    };
    return m;
}

void emu_machine_free(EmuMachine *m)
{
    if (!m)
        return;
    emu_cpu_free(m->cpu);
    emu_pl011_free(m->uart);
    emu_gic_free(m->gic);
    emu_pl031_free(m->rtc);
    emu_mem_free(m->mem);
    g_free(m->elf_path);
    g_free(m->semihost_cmdline);
    g_free(m->error);
    g_free(m->warning);
    g_free(m);
}

static bool load(EmuMachine *m, const char *path, GError **err)
{
    EmuImageInfo info;
    if (!emu_load_elf(m->mem, path, &info, err))
        return false;
    g_free(m->warning);
    m->warning = info.warning;
    /* QEMU 7.2 puts the DTB at the start of RAM for an ELF image when the
     * image leaves room below itself for its 1 MiB DTB buffer, and nowhere
     * otherwise (measured: an ELF at 0x40200000 gets one at 0x40000000, an
     * ELF at 0x40080000 none); x0 stays 0 either way. */
    uint64_t used[2][2] = { { info.low, info.high } };
    unsigned n_used = 1;
    if (info.low >= EMU_VIRT_RAM_BASE + DTB_ROOM) {
        /* The seeds are random bytes from the host: asked for only when a
         * device tree is placed (so a recording holds them only then). */
        uint8_t seeds[EMU_FDT_SEED_BYTES];
        if (m->cfg.entropy)
            m->cfg.entropy(m->cfg.opaque, seeds, sizeof seeds);
        EmuFdtConfig fc = {
            .ram_base = EMU_VIRT_RAM_BASE, .ram_size = m->cfg.ram_size,
            .uart_base = EMU_VIRT_UART_BASE, .uart_spi = EMU_VIRT_UART_SPI,
            .rtc_base = EMU_VIRT_RTC_BASE, .rtc_spi = EMU_VIRT_RTC_SPI,
            .seeds = m->cfg.entropy ? seeds : NULL,
        };
        size_t dtb_size;
        void *dtb = emu_fdt_build(&fc, &dtb_size);
        g_assert(dtb_size <= DTB_ROOM);
        if (!emu_mem_write_phys(m->mem, EMU_VIRT_RAM_BASE, dtb, dtb_size))
            g_assert_not_reached();
        g_free(dtb);
        /* SYS_HEAPINFO: the largest gap in RAM between the image and the
         * DTB (QEMU's DTB blob is DTB_ROOM long). */
        used[n_used][0] = EMU_VIRT_RAM_BASE, used[n_used++][1] = EMU_VIRT_RAM_BASE + DTB_ROOM;
    }
    emu_semihost_set_heap(&m->semihost, EMU_VIRT_RAM_BASE, m->cfg.ram_size,
                          (const uint64_t (*)[2])used, n_used);
    emu_cpu_reset(m->cpu, info.entry);
    emu_pl011_reset(m->uart);
    emu_gic_reset(m->gic);
    emu_pl031_reset(m->rtc);
    events_update(m);
    m->psci_request = EMU_PSCI_NONE;
    m->exited = false;
    return true;
}

bool emu_machine_load_elf(EmuMachine *m, const char *path, GError **err)
{
    if (!load(m, path, err))
        return false;
    g_free(m->elf_path);
    m->elf_path = g_strdup(path);
    /* SYS_GET_CMDLINE as QEMU builds it: the path, then -append's words
     * (split at spaces) each after one space. */
    GString *cmd = g_string_new(path);
    gchar **words = g_strsplit(m->cfg.cmdline ? m->cfg.cmdline : "", " ", -1);
    for (gchar **w = words; *w; w++)
        if (**w)
            g_string_append_printf(cmd, " %s", *w);
    g_strfreev(words);
    g_free(m->semihost_cmdline);
    m->semihost_cmdline = g_string_free(cmd, false);
    m->semihost.cmdline = m->semihost_cmdline;
    return true;
}

uint64_t emu_machine_wait_ns(const EmuMachine *m)
{
    if (m->timer_deadline == NO_DEADLINE)
        return 0;
    /* The deadline is an icount; idle time makes that instant come now. */
    return (m->timer_deadline - emu_cpu_icount(m->cpu)) << m->cfg.icount_shift;
}

void emu_machine_idle(EmuMachine *m, uint64_t ns)
{
    m->idle_ns += MIN(ns, emu_machine_wait_ns(m));
    events_update(m);
}

/* WFI with no interrupt pending: skip virtual time to the next timer event
 * (the CPU sleeps until then). Returns false if nothing on the board can
 * wake it: only host input could. */
static bool idle_until_timer(EmuMachine *m)
{
    if (m->timer_deadline == NO_DEADLINE)
        return false;
    emu_machine_idle(m, emu_machine_wait_ns(m));
    return true;
}

EmuMachineEvent emu_machine_run(EmuMachine *m, uint64_t budget)
{
    uint64_t end = emu_cpu_icount(m->cpu) + budget;
    while (emu_cpu_icount(m->cpu) < end) {
        uint64_t now = emu_cpu_icount(m->cpu);
        uint64_t stop_at = MIN(end, m->timer_deadline);
        if (stop_at > now)
            emu_cpu_run(m->cpu, stop_at - now);
        if (emu_cpu_icount(m->cpu) >= m->timer_deadline)
            events_update(m);
        switch (emu_cpu_stop_reason(m->cpu)) {
        case EMU_STOP_NONE:
            break;
        case EMU_STOP_WFI:
            if (m->cfg.idle_returns && m->timer_deadline != NO_DEADLINE)
                return EMU_MACHINE_WAIT;
            if (!idle_until_timer(m))
                return EMU_MACHINE_IDLE;
            break;
        case EMU_STOP_DEBUG:
            return EMU_MACHINE_BUDGET;   /* a debug hook asked: stopped early */
        case EMU_STOP_ERROR:
            g_free(m->error);
            m->error = g_strdup(emu_cpu_error(m->cpu));
            return EMU_MACHINE_ERROR;
        case EMU_STOP_HALT:
            if (m->exited)
                return EMU_MACHINE_EXIT;
            if (m->psci_request == EMU_PSCI_SYSTEM_RESET && !m->cfg.no_reboot) {
                GError *err = NULL;
                if (!load(m, m->elf_path, &err)) {
                    g_free(m->error);
                    m->error = g_strdup_printf("system reset: reloading failed: %s", err->message);
                    g_error_free(err);
                    return EMU_MACHINE_ERROR;
                }
                break;
            }
            return EMU_MACHINE_POWEROFF;
        }
    }
    return EMU_MACHINE_BUDGET;
}

int emu_machine_exit_status(const EmuMachine *m) { return m->exited ? m->exit_status : 0; }
const char *emu_machine_error(const EmuMachine *m) { return m->error; }
const char *emu_machine_warning(const EmuMachine *m) { return m->warning; }
_Static_assert(EMU_BOARD_HANDLES == EMU_SEMIHOST_HANDLES, "every semihosting handle is saved");

void emu_machine_board_state(const EmuMachine *m, EmuBoardState *out)
{
    *out = (EmuBoardState){
        .idle_ns = m->idle_ns, .psci_request = m->psci_request, .exited = m->exited,
        .exit_status = m->exit_status, .semihost_errno = m->semihost.last_errno,
    };
    for (unsigned i = 0; i < EMU_BOARD_HANDLES; i++) {
        out->handle_kind[i] = m->semihost.handles[i].kind;
        out->handle_offset[i] = m->semihost.handles[i].offset;
    }
}

static void set_handles(EmuSemihost *sh, const EmuBoardState *st)
{
    for (unsigned i = 0; i < EMU_BOARD_HANDLES; i++) {
        sh->handles[i].kind = st->handle_kind[i];
        sh->handles[i].offset = st->handle_offset[i];
    }
}

bool emu_machine_board_state_valid(const EmuBoardState *st)
{
    EmuSemihost sh = { 0 };
    set_handles(&sh, st);
    return emu_semihost_handles_valid(&sh) && st->psci_request <= EMU_PSCI_SYSTEM_RESET;
}

void emu_machine_set_board_state(EmuMachine *m, const EmuBoardState *st)
{
    g_assert(emu_machine_board_state_valid(st));
    set_handles(&m->semihost, st);
    m->semihost.last_errno = st->semihost_errno;
    m->idle_ns = st->idle_ns;
    m->psci_request = st->psci_request;
    m->exited = st->exited;
    m->exit_status = st->exit_status;
}

void emu_machine_state_loaded(EmuMachine *m)
{
    events_update(m);
}

EmuCpu *emu_machine_cpu(EmuMachine *m) { return m->cpu; }
EmuGic *emu_machine_gic(EmuMachine *m) { return m->gic; }
EmuPl031 *emu_machine_rtc(EmuMachine *m) { return m->rtc; }
EmuMem *emu_machine_mem(EmuMachine *m) { return m->mem; }
EmuPl011 *emu_machine_uart(EmuMachine *m) { return m->uart; }
uint64_t emu_machine_icount(const EmuMachine *m) { return emu_cpu_icount(m->cpu); }
