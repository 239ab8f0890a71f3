/* tests/emu/test_gic.c — GICv2 distributor and CPU interface. */
#include <criterion/criterion.h>

#include "emu/gic.h"

static EmuGic *g;
static bool irq;

static void set_irq(void *opaque, bool level) { irq = level; }

static void setup(void)
{
    irq = false;
    EmuGicHooks h = { set_irq, NULL };
    g = emu_gic_new(&h);
}

static void teardown(void) { emu_gic_free(g); }

TestSuite(gic, .init = setup, .fini = teardown, .timeout = 10);

static uint32_t dist_rd(uint64_t off)
{
    uint64_t v;
    cr_assert(emu_gic_dist_ops.read(g, off, 4, &v));
    return (uint32_t)v;
}
static void dist_wr(uint64_t off, uint32_t v) { cr_assert(emu_gic_dist_ops.write(g, off, 4, v)); }
static uint32_t cpu_rd(uint64_t off)
{
    uint64_t v;
    cr_assert(emu_gic_cpu_ops.read(g, off, 4, &v));
    return (uint32_t)v;
}
static void cpu_wr(uint64_t off, uint32_t v) { cr_assert(emu_gic_cpu_ops.write(g, off, 4, v)); }

/* Enable distributor and CPU interface, open the priority mask. */
static void enable_all(void)
{
    dist_wr(0x000, 1);
    cpu_wr(0x00, 1);
    cpu_wr(0x04, 0xff);
}

static void enable(unsigned id, uint8_t prio)
{
    dist_wr(0x100 + (id / 32) * 4, 1u << (id % 32));
    uint64_t v = prio;
    cr_assert(emu_gic_dist_ops.write(g, 0x400 + id, 1, v));
}

Test(gic, typer_reports_288_interrupts_one_cpu)
{
    cr_assert_eq(dist_rd(0x004), 8);
    cr_assert_eq(dist_rd(0xfe8) >> 4, 2);
}

Test(gic, level_ppi_raises_irq_and_acknowledges)
{
    enable_all();
    enable(27, 0xa0);
    emu_gic_set_line(g, 27, true);
    cr_assert(irq);
    cr_assert_eq(cpu_rd(0x18), 27);              /* HPPIR */
    cr_assert_eq(cpu_rd(0x0c), 27);              /* IAR */
    cr_assert_not(irq);                          /* active: not signalled again */
    cr_assert_eq(cpu_rd(0x14), 0xa0);            /* RPR */
    emu_gic_set_line(g, 27, false);
    cpu_wr(0x10, 27);                            /* EOIR */
    cr_assert_not(irq);
    cr_assert_eq(cpu_rd(0x0c), 1023);
}

Test(gic, level_line_still_high_after_eoi_signals_again)
{
    enable_all();
    enable(33, 0x80);
    emu_gic_set_line(g, 33, true);
    cr_assert_eq(cpu_rd(0x0c), 33);
    cpu_wr(0x10, 33);
    cr_assert(irq);
}

Test(gic, masked_by_priority_mask)
{
    enable_all();
    cpu_wr(0x04, 0x80);
    enable(40, 0x80);
    emu_gic_set_line(g, 40, true);
    cr_assert_not(irq);
    cr_assert_eq(cpu_rd(0x0c), 1023);
    cpu_wr(0x04, 0x88);
    cr_assert(irq);
}

Test(gic, disabled_distributor_signals_nothing)
{
    cpu_wr(0x00, 1);
    cpu_wr(0x04, 0xff);
    enable(40, 0);
    emu_gic_set_line(g, 40, true);
    cr_assert_not(irq);
    dist_wr(0x000, 1);
    cr_assert(irq);
}

Test(gic, higher_priority_preempts_active_one)
{
    enable_all();
    enable(40, 0x80);
    enable(41, 0x40);
    emu_gic_set_line(g, 40, true);
    cr_assert_eq(cpu_rd(0x0c), 40);
    emu_gic_set_line(g, 41, true);
    cr_assert(irq);
    cr_assert_eq(cpu_rd(0x0c), 41);
    cpu_wr(0x10, 41);
    cpu_wr(0x10, 40);
    cr_assert_eq(cpu_rd(0x14), 0xff);            /* idle */
}

Test(gic, equal_priority_does_not_preempt_and_lowest_id_wins)
{
    enable_all();
    enable(50, 0x80);
    enable(45, 0x80);
    emu_gic_set_line(g, 50, true);
    emu_gic_set_line(g, 45, true);
    cr_assert_eq(cpu_rd(0x0c), 45);
    cr_assert_not(irq);
}

Test(gic, software_generated_interrupt_to_self)
{
    enable_all();
    uint64_t prio = 0x10;
    cr_assert(emu_gic_dist_ops.write(g, 0x400 + 3, 1, prio));
    dist_wr(0xf00, (2u << 24) | 3);              /* SGIR: to self, ID 3 */
    cr_assert(irq);
    cr_assert_eq(cpu_rd(0x0c), 3);
}

Test(gic, edge_config_latches_rising_edge)
{
    enable_all();
    enable(60, 0x80);
    dist_wr(0xc00 + (60 / 16) * 4, 2u << ((60 % 16) * 2));
    emu_gic_set_line(g, 60, true);
    emu_gic_set_line(g, 60, false);
    cr_assert(irq);
    cr_assert_eq(cpu_rd(0x0c), 60);
    cpu_wr(0x10, 60);
    cr_assert_not(irq);
}

Test(gic, pending_and_enable_bits_read_back)
{
    enable(33, 0);
    cr_assert_eq(dist_rd(0x104), 2);
    dist_wr(0x204, 2);                           /* ISPENDR1: set 33 pending */
    cr_assert_eq(dist_rd(0x204), 2);
    dist_wr(0x284, 2);
    cr_assert_eq(dist_rd(0x204), 0);
    dist_wr(0x184, 2);
    cr_assert_eq(dist_rd(0x104), 0);
}
