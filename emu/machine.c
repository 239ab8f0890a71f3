/* emu/machine.c — the virt board. */
#include "emu/machine.h"

#include "emu/errors.h"
#include "emu/fdt.h"
#include "emu/loader.h"
#include "emu/psci.h"
#include "emu/semihost.h"

/* Virtual time: one instruction is one nanosecond; the counter ticks at
 * EMU_CNTFRQ_HZ (16 ns per tick). */
#define NS_PER_TICK (1000000000ull / EMU_CNTFRQ_HZ)

/* The room QEMU's virt reserves for its device tree. */
#define DTB_ROOM (1ull << 20)

struct EmuMachine {
    EmuMachineConfig cfg;
    EmuMem *mem;
    EmuCpu *cpu;
    EmuPl011 *uart;
    EmuSemihost semihost;
    char *elf_path;               /* reloaded on SYSTEM_RESET */
    EmuPsciRequest psci_request;
    bool exited;
    int exit_status;
    char *error;
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

static void semihost_exit(void *opaque, int status)
{
    EmuMachine *m = opaque;
    m->exited = true;
    m->exit_status = status;
    emu_cpu_request_stop(m->cpu, EMU_STOP_HALT);
}

static uint64_t counter(void *opaque, const EmuCpu *cpu)
{
    return emu_cpu_icount(cpu) / NS_PER_TICK;
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
    return emu_semihost_call(&m->semihost, cpu, counter(m, cpu), EMU_CNTFRQ_HZ);
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
        .counter = counter, .opaque = m,
    };
    m->cpu = emu_cpu_new(m->mem, &hooks);
    EmuPl011Hooks uh = { .output = uart_output, .opaque = m };
    m->uart = emu_pl011_new(&uh);
    if (!emu_mem_add_mmio(m->mem, EMU_VIRT_UART_BASE, EMU_PL011_SIZE, &emu_pl011_ops, m->uart,
                          "pl011"))
        g_assert_not_reached();
    m->semihost = (EmuSemihost){
        .output = semihost_output, .exit = semihost_exit, .opaque = m, .cmdline = c.cmdline,
    };
    return m;
}

void emu_machine_free(EmuMachine *m)
{
    if (!m)
        return;
    emu_cpu_free(m->cpu);
    emu_pl011_free(m->uart);
    emu_mem_free(m->mem);
    g_free(m->elf_path);
    g_free(m->error);
    g_free(m);
}

static bool load(EmuMachine *m, const char *path, GError **err)
{
    EmuImageInfo info;
    if (!emu_load_elf(m->mem, path, &info, err))
        return false;
    /* QEMU 7.2 puts the DTB at the start of RAM for an ELF image when the
     * image leaves room below itself for its 1 MiB DTB buffer, and nowhere
     * otherwise (measured: an ELF at 0x40200000 gets one at 0x40000000, an
     * ELF at 0x40080000 none); x0 stays 0 either way. */
    EmuFdtConfig fc = {
        .ram_base = EMU_VIRT_RAM_BASE, .ram_size = m->cfg.ram_size,
        .uart_base = EMU_VIRT_UART_BASE, .uart_spi = EMU_VIRT_UART_SPI,
    };
    size_t dtb_size;
    void *dtb = emu_fdt_build(&fc, &dtb_size);
    if (info.low >= EMU_VIRT_RAM_BASE + DTB_ROOM && dtb_size <= DTB_ROOM) {
        if (!emu_mem_write_phys(m->mem, EMU_VIRT_RAM_BASE, dtb, dtb_size))
            g_assert_not_reached();
    }
    g_free(dtb);
    emu_cpu_reset(m->cpu, info.entry);
    emu_pl011_reset(m->uart);
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
    return true;
}

EmuMachineEvent emu_machine_run(EmuMachine *m, uint64_t budget)
{
    uint64_t end = emu_cpu_icount(m->cpu) + budget;
    while (emu_cpu_icount(m->cpu) < end) {
        emu_cpu_run(m->cpu, end - emu_cpu_icount(m->cpu));
        switch (emu_cpu_stop_reason(m->cpu)) {
        case EMU_STOP_NONE:
            break;
        case EMU_STOP_WFI:
            /* No interrupt controller yet: nothing can wake the CPU, and a
             * WFI may complete at any time; go on after it. */
            break;
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
EmuCpu *emu_machine_cpu(EmuMachine *m) { return m->cpu; }
EmuMem *emu_machine_mem(EmuMachine *m) { return m->mem; }
EmuPl011 *emu_machine_uart(EmuMachine *m) { return m->uart; }
uint64_t emu_machine_icount(const EmuMachine *m) { return emu_cpu_icount(m->cpu); }
