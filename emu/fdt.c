/* emu/fdt.c — device tree for the virt board, in the shape of the one QEMU
 * generates (see shared/reference/minimal.dts): PSCI, memory, one CPU, the
 * GICv2, the arch timer, the UART and its clock, the RTC, /chosen. Nodes for
 * devices that the board does not have yet are left out. */
#include "emu/fdt.h"

#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#define PHANDLE_CLK 1
#define PHANDLE_GIC 2

static void prop_reg(void *fdt, const char *name, uint64_t addr, uint64_t size)
{
    fdt64_t cells[2] = { cpu_to_fdt64(addr), cpu_to_fdt64(size) };
    fdt_property(fdt, name, cells, sizeof cells);
}

static void prop_strings(void *fdt, const char *name, const char *const *list, unsigned n)
{
    char buf[256];
    size_t len = 0;
    for (unsigned i = 0; i < n; i++) {
        size_t l = strlen(list[i]) + 1;
        g_assert(len + l <= sizeof buf);
        memcpy(buf + len, list[i], l);
        len += l;
    }
    fdt_property(fdt, name, buf, (int)len);
}

void *emu_fdt_build(const EmuFdtConfig *cfg, size_t *size)
{
    size_t cap = 16384;
    void *fdt = g_malloc0(cap);
    char name[64];
    /* libfdt's sequential writer: every call below fits in `cap`; any
     * failure is a programming error, checked once by fdt_finish. */
    fdt_create(fdt, (int)cap);
    fdt_finish_reservemap(fdt);
    fdt_begin_node(fdt, "");
    fdt_property_u32(fdt, "#address-cells", 2);
    fdt_property_u32(fdt, "#size-cells", 2);
    fdt_property_string(fdt, "compatible", "linux,dummy-virt");
    fdt_property_string(fdt, "model", "rewind-virt");
    fdt_property_u32(fdt, "interrupt-parent", PHANDLE_GIC);

    fdt_begin_node(fdt, "psci");
    static const char *const psci_compat[] = { "arm,psci-1.0", "arm,psci-0.2", "arm,psci" };
    prop_strings(fdt, "compatible", psci_compat, 3);
    fdt_property_string(fdt, "method", "hvc");
    fdt_property_u32(fdt, "cpu_suspend", 0xc4000001);
    fdt_property_u32(fdt, "cpu_off", 0x84000002);
    fdt_property_u32(fdt, "cpu_on", 0xc4000003);
    fdt_property_u32(fdt, "migrate", 0xc4000005);
    fdt_end_node(fdt);

    snprintf(name, sizeof name, "memory@%" G_GINT64_MODIFIER "x", cfg->ram_base);
    fdt_begin_node(fdt, name);
    fdt_property_string(fdt, "device_type", "memory");
    prop_reg(fdt, "reg", cfg->ram_base, cfg->ram_size);
    fdt_end_node(fdt);

    fdt_begin_node(fdt, "cpus");
    fdt_property_u32(fdt, "#address-cells", 1);
    fdt_property_u32(fdt, "#size-cells", 0);
    fdt_begin_node(fdt, "cpu@0");
    fdt_property_string(fdt, "device_type", "cpu");
    fdt_property_string(fdt, "compatible", "arm,cortex-a57");
    fdt_property_u32(fdt, "reg", 0);
    fdt_property_string(fdt, "enable-method", "psci");
    fdt_end_node(fdt);
    fdt_end_node(fdt);

    /* GICv2: distributor, then CPU interface. */
    fdt_begin_node(fdt, "intc@8000000");
    fdt_property_string(fdt, "compatible", "arm,cortex-a15-gic");
    fdt_property_u32(fdt, "#interrupt-cells", 3);
    fdt_property(fdt, "interrupt-controller", NULL, 0);
    fdt64_t gic_reg[4] = { cpu_to_fdt64(0x08000000), cpu_to_fdt64(0x10000),
                           cpu_to_fdt64(0x08010000), cpu_to_fdt64(0x10000) };
    fdt_property(fdt, "reg", gic_reg, sizeof gic_reg);
    fdt_property_u32(fdt, "phandle", PHANDLE_GIC);
    fdt_end_node(fdt);

    /* Timer PPIs: secure 13, non-secure 14, virtual 11, hypervisor 10;
     * level-high, CPU mask 1 (flags 0x104). */
    fdt_begin_node(fdt, "timer");
    static const char *const timer_compat[] = { "arm,armv8-timer", "arm,armv7-timer" };
    prop_strings(fdt, "compatible", timer_compat, 2);
    fdt32_t tirq[12];
    static const unsigned ppis[4] = { 13, 14, 11, 10 };
    for (unsigned i = 0; i < 4; i++) {
        tirq[3 * i] = cpu_to_fdt32(1);
        tirq[3 * i + 1] = cpu_to_fdt32(ppis[i]);
        tirq[3 * i + 2] = cpu_to_fdt32(0x104);
    }
    fdt_property(fdt, "interrupts", tirq, sizeof tirq);
    fdt_property(fdt, "always-on", NULL, 0);
    fdt_end_node(fdt);

    fdt_begin_node(fdt, "apb-pclk");
    fdt_property_string(fdt, "compatible", "fixed-clock");
    fdt_property_u32(fdt, "#clock-cells", 0);
    fdt_property_u32(fdt, "clock-frequency", 24000000);
    fdt_property_string(fdt, "clock-output-names", "clk24mhz");
    fdt_property_u32(fdt, "phandle", PHANDLE_CLK);
    fdt_end_node(fdt);

    char uart_path[64];
    snprintf(uart_path, sizeof uart_path, "/pl011@%" G_GINT64_MODIFIER "x", cfg->uart_base);
    fdt_begin_node(fdt, uart_path + 1);
    static const char *const uart_compat[] = { "arm,pl011", "arm,primecell" };
    prop_strings(fdt, "compatible", uart_compat, 2);
    prop_reg(fdt, "reg", cfg->uart_base, 0x1000);
    fdt32_t irq[3] = { cpu_to_fdt32(0), cpu_to_fdt32(cfg->uart_spi), cpu_to_fdt32(4) };
    fdt_property(fdt, "interrupts", irq, sizeof irq);
    fdt32_t clocks[2] = { cpu_to_fdt32(PHANDLE_CLK), cpu_to_fdt32(PHANDLE_CLK) };
    fdt_property(fdt, "clocks", clocks, sizeof clocks);
    static const char *const clock_names[] = { "uartclk", "apb_pclk" };
    prop_strings(fdt, "clock-names", clock_names, 2);
    fdt_end_node(fdt);

    if (cfg->rtc_base) {
        snprintf(name, sizeof name, "pl031@%" G_GINT64_MODIFIER "x", cfg->rtc_base);
        fdt_begin_node(fdt, name);
        static const char *const rtc_compat[] = { "arm,pl031", "arm,primecell" };
        prop_strings(fdt, "compatible", rtc_compat, 2);
        prop_reg(fdt, "reg", cfg->rtc_base, 0x1000);
        fdt32_t rirq[3] = { cpu_to_fdt32(0), cpu_to_fdt32(cfg->rtc_spi), cpu_to_fdt32(4) };
        fdt_property(fdt, "interrupts", rirq, sizeof rirq);
        fdt_property_u32(fdt, "clocks", PHANDLE_CLK);
        fdt_property_string(fdt, "clock-names", "apb_pclk");
        fdt_end_node(fdt);
    }

    fdt_begin_node(fdt, "chosen");
    fdt_property_string(fdt, "stdout-path", uart_path);
    if (cfg->bootargs)
        fdt_property_string(fdt, "bootargs", cfg->bootargs);
    if (cfg->initrd_end) {
        fdt_property_u64(fdt, "linux,initrd-start", cfg->initrd_start);
        fdt_property_u64(fdt, "linux,initrd-end", cfg->initrd_end);
    }
    if (cfg->seeds) {
        fdt_property(fdt, "rng-seed", cfg->seeds, 32);
        fdt_property(fdt, "kaslr-seed", cfg->seeds + 32, 8);
    }
    fdt_end_node(fdt);

    fdt_end_node(fdt);
    int rc = fdt_finish(fdt);
    g_assert(rc == 0);
    fdt_pack(fdt);
    *size = fdt_totalsize(fdt);
    return fdt;
}
