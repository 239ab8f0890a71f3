/* tests/emu/test_fdt.c — the generated device tree. */
#include <criterion/criterion.h>
#include <glib.h>
#include <libfdt.h>

#include "emu/fdt.h"

TestSuite(fdt, .timeout = 10);

/* Device tree cells are only 4-byte aligned. */
static uint64_t cell64(const void *p, unsigned i)
{
    fdt64_t v;
    memcpy(&v, (const char *)p + 8 * i, 8);
    return fdt64_to_cpu(v);
}

Test(fdt, describes_memory_uart_psci_and_chosen)
{
    EmuFdtConfig c = { .ram_base = 0x40000000, .ram_size = 128ull << 20,
                       .uart_base = 0x09000000, .uart_spi = 1, .bootargs = "console=ttyAMA0",
                       .rtc_base = 0x09010000, .rtc_spi = 2,
                       .initrd_start = 0x48000000, .initrd_end = 0x48100000 };
    size_t size;
    void *fdt = emu_fdt_build(&c, &size);
    cr_assert_eq(fdt_check_header(fdt), 0);
    cr_assert_eq(fdt_totalsize(fdt), size);

    int mem = fdt_path_offset(fdt, "/memory@40000000");
    cr_assert_geq(mem, 0);
    int len;
    const void *reg = fdt_getprop(fdt, mem, "reg", &len);
    cr_assert_eq(len, 16);
    cr_assert_eq(cell64(reg, 0), 0x40000000);
    cr_assert_eq(cell64(reg, 1), 128ull << 20);

    int uart = fdt_path_offset(fdt, "/pl011@9000000");
    cr_assert_geq(uart, 0);
    cr_assert_eq(fdt_node_check_compatible(fdt, uart, "arm,pl011"), 0);

    int rtc = fdt_path_offset(fdt, "/pl031@9010000");
    cr_assert_eq(fdt_node_check_compatible(fdt, rtc, "arm,pl031"), 0);

    int psci = fdt_path_offset(fdt, "/psci");
    cr_assert_str_eq(fdt_getprop(fdt, psci, "method", NULL), "hvc");

    int gic = fdt_path_offset(fdt, "/intc@8000000");
    cr_assert_geq(gic, 0);
    cr_assert_eq(fdt_node_check_compatible(fdt, gic, "arm,cortex-a15-gic"), 0);
    int timer = fdt_path_offset(fdt, "/timer");
    cr_assert_eq(fdt_node_check_compatible(fdt, timer, "arm,armv8-timer"), 0);
    const fdt32_t *tirq = fdt_getprop(fdt, timer, "interrupts", &len);
    cr_assert_eq(len, 48);
    cr_assert_eq(fdt32_to_cpu(tirq[7]), 11);       /* the virtual timer: PPI 11 */

    int chosen = fdt_path_offset(fdt, "/chosen");
    cr_assert_str_eq(fdt_getprop(fdt, chosen, "stdout-path", NULL), "/pl011@9000000");
    cr_assert_str_eq(fdt_getprop(fdt, chosen, "bootargs", NULL), "console=ttyAMA0");
    const void *start = fdt_getprop(fdt, chosen, "linux,initrd-start", NULL);
    cr_assert_eq(cell64(start, 0), 0x48000000);
    g_free(fdt);
}

Test(fdt, no_bootargs_when_none_given)
{
    EmuFdtConfig c = { .ram_base = 0x40000000, .ram_size = 1 << 20, .uart_base = 0x09000000 };
    size_t size;
    void *fdt = emu_fdt_build(&c, &size);
    int chosen = fdt_path_offset(fdt, "/chosen");
    cr_assert_null(fdt_getprop(fdt, chosen, "bootargs", NULL));
    cr_assert_null(fdt_getprop(fdt, chosen, "linux,initrd-start", NULL));
    g_free(fdt);
}

Test(fdt, seeds_go_to_chosen_as_qemu_puts_them)
{
    uint8_t seeds[EMU_FDT_SEED_BYTES];
    for (unsigned i = 0; i < sizeof seeds; i++)
        seeds[i] = (uint8_t)(i * 7 + 1);
    EmuFdtConfig c = { .ram_base = 0x40000000, .ram_size = 128ull << 20,
                       .uart_base = 0x09000000, .uart_spi = 1, .seeds = seeds };
    size_t size;
    void *fdt = emu_fdt_build(&c, &size);
    int chosen = fdt_path_offset(fdt, "/chosen");
    int len;
    const uint8_t *rng = fdt_getprop(fdt, chosen, "rng-seed", &len);
    cr_assert(rng && len == 32);
    cr_assert_arr_eq(rng, seeds, 32);
    const uint8_t *kaslr = fdt_getprop(fdt, chosen, "kaslr-seed", &len);
    cr_assert(kaslr && len == 8);
    cr_assert_arr_eq(kaslr, seeds + 32, 8);
    g_free(fdt);
    c.seeds = NULL;
    fdt = emu_fdt_build(&c, &size);
    cr_assert_null(fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "rng-seed", NULL));
    cr_assert_null(fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "kaslr-seed", NULL));
    g_free(fdt);
}
