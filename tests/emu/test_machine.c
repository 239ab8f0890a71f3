/* tests/emu/test_machine.c — the virt board end to end: load, run, UART,
 * PSCI, semihosting, reset, errors. */
#include <criterion/criterion.h>
#include <elf.h>
#include <glib.h>

#include "emu/machine.h"
#include "tests/emu/testelf.h"

static char *dir;
static GString *serial, *console;
static EmuMachine *m;

static void serial_out(void *opaque, uint8_t b) { g_string_append_c(serial, (char)b); }
static void console_out(void *opaque, const uint8_t *buf, size_t len)
{
    g_string_append_len(console, (const char *)buf, (gssize)len);
}

static void setup(void)
{
    dir = g_dir_make_tmp("rewind-machine-XXXXXX", NULL);
    serial = g_string_new(NULL);
    console = g_string_new(NULL);
    m = NULL;
}

static void teardown(void)
{
    emu_machine_free(m);
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(dir);
    g_string_free(serial, true);
    g_string_free(console, true);
}

TestSuite(machine, .init = setup, .fini = teardown, .timeout = 20);

static void boot(const uint32_t *code, size_t n, uint64_t at, bool semihosting, bool no_reboot)
{
    g_autofree char *p = testelf_write(dir, "t.elf", EM_AARCH64, at, code, n * 4, 0);
    EmuMachineConfig cfg = { .semihosting = semihosting, .no_reboot = no_reboot,
                             .serial_out = serial_out, .console_out = console_out };
    GError *err = NULL;
    m = emu_machine_new(&cfg, &err);
    cr_assert_not_null(m);
    cr_assert(emu_machine_load_elf(m, p, &err));
}

/* movz x9, #0x0900, lsl #16; movz w10, #'A'; str w10, [x9]; movz w10, #'\n';
 * str w10, [x9]; movz x0, #0x8400, lsl #16; movk x0, #8; hvc #0 */
static const uint32_t uart_then_off[] = {
    0xd2a12009, 0x5280082a, 0xb900012a, 0x5280014a, 0xb900012a,
    0xd2b08000, 0xf2800100, 0xd4000002, 0x14000000,
};

Test(machine, uart_output_then_psci_system_off)
{
    boot(uart_then_off, G_N_ELEMENTS(uart_then_off), 0x40000000, false, false);
    cr_assert_eq(emu_machine_run(m, 1000), EMU_MACHINE_POWEROFF);
    cr_assert_str_eq(serial->str, "A\n");
    cr_assert_eq(emu_machine_icount(m), 8);
    cr_assert_eq(emu_machine_exit_status(m), 0);
}

/* movz x0, #0x18; adr x1, block; hlt #0xf000; b .; block: {0x20026, 5} */
static const uint32_t semihost_exit5[] = {
    0xd2800300, 0x10000061, 0xd45e0000, 0x14000000, 0x00020026, 0, 5, 0,
};

Test(machine, semihosting_exit_status)
{
    boot(semihost_exit5, G_N_ELEMENTS(semihost_exit5), 0x40000000, true, false);
    cr_assert_eq(emu_machine_run(m, 1000), EMU_MACHINE_EXIT);
    cr_assert_eq(emu_machine_exit_status(m), 5);
}

Test(machine, hlt_without_semihosting_is_undefined)
{
    boot(semihost_exit5, G_N_ELEMENTS(semihost_exit5), 0x40000000, false, false);
    /* No vector table: the UNDEFINED HLT vectors to 0x200, which is not
     * RAM, so the machine stops with an exception-loop error. */
    cr_assert_eq(emu_machine_run(m, 1000), EMU_MACHINE_ERROR);
    cr_assert(strstr(emu_machine_error(m), "exception loop") != NULL);
}

/* movz x0, #0x8400, lsl #16; movk x0, #9; hvc #0 (SYSTEM_RESET) */
static const uint32_t reset_loop[] = { 0xd2b08000, 0xf2800120, 0xd4000002 };

Test(machine, system_reset_reboots_and_time_goes_on)
{
    boot(reset_loop, G_N_ELEMENTS(reset_loop), 0x40000000, false, false);
    cr_assert_eq(emu_machine_run(m, 30), EMU_MACHINE_BUDGET);
    cr_assert_eq(emu_machine_icount(m), 30);
}

Test(machine, system_reset_with_no_reboot_powers_off)
{
    boot(reset_loop, G_N_ELEMENTS(reset_loop), 0x40000000, false, true);
    cr_assert_eq(emu_machine_run(m, 30), EMU_MACHINE_POWEROFF);
    cr_assert_eq(emu_machine_icount(m), 3);
}

Test(machine, dtb_placed_at_ram_base_when_program_leaves_room)
{
    boot(uart_then_off, G_N_ELEMENTS(uart_then_off), 0x40200000, false, false);
    uint32_t magic;
    cr_assert(emu_mem_read_phys(emu_machine_mem(m), 0x40000000, &magic, 4));
    cr_assert_eq(magic, 0xedfe0dd0);   /* 0xd00dfeed, big-endian */
    cr_assert_eq(emu_cpu_pc(emu_machine_cpu(m)), 0x40200000);
}

Test(machine, no_dtb_when_program_is_at_ram_base)
{
    boot(uart_then_off, G_N_ELEMENTS(uart_then_off), 0x40080000, false, false);
    uint32_t magic;
    cr_assert(emu_mem_read_phys(emu_machine_mem(m), 0x40000000, &magic, 4));
    cr_assert_eq(magic, 0);
}

Test(machine, bad_memory_size_is_refused)
{
    EmuMachineConfig cfg = { .ram_size = 12345 };
    GError *err = NULL;
    cr_assert_null(emu_machine_new(&cfg, &err));
    cr_assert(strstr(err->message, "multiple of 4 KiB") != NULL);
    g_error_free(err);
}

/* The generic timer through the GIC: enable the distributor, the CPU
 * interface and PPI 27, arm CNTV for 100 ticks, unmask IRQs, WFI. The IRQ
 * vector (VBAR + 0x280) powers off. With nothing else running, WFI skips
 * virtual time straight to the deadline.
 *
 *   movz x1, #0x0800, lsl #16   ; GICD
 *   movz w2, #1
 *   str w2, [x1]                ; GICD_CTLR = 1
 *   movz w2, #0x0800, lsl #16   ; 1 << 27
 *   str w2, [x1, #0x100]        ; ISENABLER0
 *   movz x1, #0x0801, lsl #16   ; GICC
 *   movz w2, #1
 *   str w2, [x1]                ; GICC_CTLR = 1
 *   movz w2, #0xff
 *   str w2, [x1, #4]            ; GICC_PMR
 *   movz x0, #0x4000, lsl #16
 *   add x0, x0, #0x800
 *   msr vbar_el1, x0            ; vectors at 0x40000800
 *   movz x0, #100
 *   msr cntv_tval_el0, x0
 *   movz x0, #1
 *   msr cntv_ctl_el0, x0
 *   msr daifclr, #2
 *   wfi
 *   b .
 */
static const uint32_t timer_guest[] = {
    0xd2a10001, 0x52800022, 0xb9000022, 0x52a10002, 0xb9010022,
    0xd2a10021, 0x52800022, 0xb9000022, 0x52801fe2, 0xb9000422,
    0xd2a80000, 0x91200000, 0xd518c000, 0xd2800c80, 0xd51be300,
    0xd2800020, 0xd51be320, 0xd50342ff, 0xd503207f, 0x14000000,
};
/* At 0x40000800 + 0x280: the IRQ handler reads GICC_IAR into w3, powers off.
 *   movz x1, #0x0801, lsl #16; ldr w3, [x1, #0xc];
 *   movz x0, #0x8400, lsl #16; movk x0, #8; hvc #0 */
static const uint32_t irq_handler[] = { 0xd2a10021, 0xb9400c23, 0xd2b08000, 0xf2800100, 0xd4000002 };

Test(machine, timer_interrupt_wakes_wfi_at_its_deadline)
{
    uint32_t image[0x300] = { 0 };
    memcpy(image, timer_guest, sizeof timer_guest);
    memcpy(image + (0x800 + 0x280) / 4, irq_handler, sizeof irq_handler);
    boot(image, G_N_ELEMENTS(image), 0x40000000, false, false);
    cr_assert_eq(emu_machine_run(m, 10000), EMU_MACHINE_POWEROFF);
    EmuCpu *cpu = emu_machine_cpu(m);
    cr_assert_eq(emu_cpu_x(cpu, 3), 27);                 /* IAR: the virtual timer */
    cr_assert_eq(emu_machine_icount(m), 19 + 5);         /* WFI retired, then the handler */
}
