/* bench/ticks.c — the timer guest of run-rrlog.sh: a periodic tick from the
 * EL1 virtual timer (PPI 27 through the GICv2, every 1 ms of virtual time:
 * 62,500 counts at CNTFRQ 62.5 MHz) counted by the IRQ handler, while the
 * guest does a fixed amount of work (about 1e9 instructions of hashing in
 * WORK_CHUNKS chunks) and, after each chunk, sleeps in WFI until
 * WAIT_TICKS more ticks have come, so idle time is recorded too.
 *
 * Output: the work's checksum and the ticks waited out in WFI are the same
 * on every emulator; how many ticks came in all depends on how fast virtual
 * time runs (QEMU's -icount shift=auto ties it to the host), so that count
 * is printed alone on a line starting "ticks: count", which run-rrlog.sh
 * leaves out when it compares outputs. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

#define GICD 0x08000000ul
#define GICC 0x08010000ul
#define GICD_CTLR       0x000
#define GICD_ISENABLER  0x100
#define GICD_IPRIORITYR 0x400
#define GICC_CTLR 0x000
#define GICC_PMR  0x004
#define GICC_IAR  0x00c
#define GICC_EOIR 0x010

#define INTID_VTIMER 27
#define PERIOD       62500u         /* 1 ms at 62.5 MHz */
#define WORK_CHUNKS  4
#define WORK_ROUNDS  620            /* per chunk: ~1e9 instructions in all */
#define WAIT_TICKS   100            /* per chunk, in WFI */

static inline volatile uint32_t *r32(uintptr_t a) { return (volatile uint32_t *)a; }

static volatile unsigned ticks, other_irqs;
static uint64_t next_cval;

static uint64_t cntvct(void)
{
    uint64_t v;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v));
    return v;
}

/* Next tick PERIOD after the last one; if that is already past (the guest
 * was slow to take it), PERIOD from now, so ticks never pile up. */
static void timer_rearm(void)
{
    uint64_t now = cntvct();
    next_cval += PERIOD;
    if (next_cval <= now)
        next_cval = now + PERIOD;
    __asm__ volatile("msr cntv_cval_el0, %0\n\tisb" : : "r"(next_cval));
}

static void hook(struct exc_frame *f, unsigned vector)
{
    if (vector != 5) {          /* only IRQs from EL1 with SP_EL1 expected */
        printf("unexpected vector %u esr %#" PRIx64 "\n", vector, f->esr);
        guest_poweroff();
    }
    uint32_t iar = *r32(GICC + GICC_IAR);
    uint32_t id = iar & 0x3ff;
    if (id == 1023)
        return;
    if (id == INTID_VTIMER) {
        ticks++;
        timer_rearm();
    } else {
        other_irqs++;
    }
    *r32(GICC + GICC_EOIR) = iar;
}

static void irq_on(void) { __asm__ volatile("msr daifclr, #2\n\tisb" ::: "memory"); }
static void irq_off(void) { __asm__ volatile("msr daifset, #2" ::: "memory"); }

/* Sleep in WFI until `n` more ticks have come. The test and the WFI run
 * with IRQs masked (a pending interrupt still ends WFI), so a tick between
 * them is not lost. */
static void wait_ticks(unsigned n)
{
    unsigned until = ticks + n;
    irq_off();
    while ((int)(ticks - until) < 0) {
        __asm__ volatile("wfi" ::: "memory");
        irq_on();
        irq_off();
    }
    irq_on();
}

static uint64_t buf[8192];

/* FNV-1a over a 64 KiB buffer rewritten by xorshift each round. */
static uint64_t work(uint64_t h, unsigned rounds)
{
    uint64_t x = h | 1;
    for (unsigned r = 0; r < rounds; r++) {
        h = fnv1a(h, buf, sizeof buf);
        for (unsigned i = 0; i < sizeof buf / sizeof buf[0]; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            buf[i] ^= x + h;
        }
    }
    return h ^ x;
}

int main(void)
{
    guest_set_exception_hook(hook);
    *r32(GICD + GICD_CTLR) = 1;
    *r32(GICC + GICC_PMR) = 0xf0;
    *r32(GICC + GICC_CTLR) = 1;
    ((volatile uint8_t *)(GICD + GICD_IPRIORITYR))[INTID_VTIMER] = 0x80;
    *r32(GICD + GICD_ISENABLER) = 1u << INTID_VTIMER;

    next_cval = cntvct();
    timer_rearm();
    __asm__ volatile("msr cntv_ctl_el0, %0\n\tisb" : : "r"(1ull));
    irq_on();

    uint64_t h = FNV_INIT;
    unsigned waited = 0;
    for (unsigned c = 0; c < WORK_CHUNKS; c++) {
        h = work(h, WORK_ROUNDS);
        printf("ticks: work %u %016" PRIx64 "\n", c, h);
        wait_ticks(WAIT_TICKS);
        waited += WAIT_TICKS;
    }

    irq_off();
    __asm__ volatile("msr cntv_ctl_el0, xzr\n\tisb");
    guest_set_exception_hook(NULL);
    unsigned n = ticks;
    printf("ticks: waited %u ticks in WFI, other interrupts %u\n", waited, other_irqs);
    printf("ticks: count %u\n", n);
    int ok = n >= waited && other_irqs == 0;
    printf("ticks: %s\n", ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
