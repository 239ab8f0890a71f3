/* tests/emu/test_pl031.c — the PL031 RTC: host base read once, virtual
 * seconds, load, match interrupt. */
#include <criterion/criterion.h>

#include "emu/pl031.h"

static EmuPl031 *r;
static uint64_t host_now, virt_ns;
static unsigned host_reads;
static bool irq;

static uint64_t host_seconds(void *o) { host_reads++; return host_now; }
static uint64_t now_ns(void *o) { return virt_ns; }
static void set_irq(void *o, bool level) { irq = level; }

static void setup(void)
{
    host_now = 1700000000;
    virt_ns = 0;
    host_reads = 0;
    irq = false;
    EmuPl031Hooks h = { host_seconds, now_ns, set_irq, NULL };
    r = emu_pl031_new(&h);
}

static void teardown(void) { emu_pl031_free(r); }

TestSuite(pl031, .init = setup, .fini = teardown, .timeout = 10);

static uint32_t rd(uint64_t off)
{
    uint64_t v;
    cr_assert(emu_pl031_ops.read(r, off, 4, &v));
    return (uint32_t)v;
}

static void wr(uint64_t off, uint32_t v) { cr_assert(emu_pl031_ops.write(r, off, 4, v)); }

Test(pl031, reads_host_clock_once_then_counts_virtual_seconds)
{
    cr_assert_eq(host_reads, 0);
    virt_ns = 3500000000ull;             /* 3.5 s of virtual time before the first read */
    cr_assert_eq(rd(0x000), 1700000000);
    host_now = 1;                        /* the host clock is not read again */
    virt_ns += 2000000000ull;
    cr_assert_eq(rd(0x000), 1700000002);
    cr_assert_eq(host_reads, 1);
}

Test(pl031, load_sets_the_time)
{
    wr(0x008, 1000);
    virt_ns = 5000000000ull;
    cr_assert_eq(rd(0x000), 1005);
    cr_assert_eq(host_reads, 0);
}

Test(pl031, match_raises_masked_interrupt)
{
    wr(0x008, 100);
    wr(0x004, 103);
    wr(0x010, 1);
    cr_assert_eq(emu_pl031_next_event_ns(r), 3000000000ull);
    virt_ns = 3000000000ull;
    emu_pl031_update(r);
    cr_assert(irq);
    cr_assert_eq(rd(0x018), 1);
    wr(0x01c, 1);
    cr_assert_not(irq);
}

Test(pl031, ids_and_control)
{
    cr_assert_eq(rd(0x00c), 1);
    cr_assert_eq(rd(0xfe0), 0x31);
    cr_assert_eq(rd(0xffc), 0xb1);
}
