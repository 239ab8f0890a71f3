/* tests/guest/sched.c — a miniature preemptive kernel: three EL0 tasks
 * (integer hashing, a double-precision recurrence, SIMD byte sums) switched
 * by the virtual timer's interrupt (taken from EL0: vector 9) and by a
 * yield system call. A context switch swaps the whole exception frame
 * (general, FP/SIMD registers, FPCR/FPSR, ELR, SPSR) and SP_EL0. Tasks
 * write through a system call into their own buffers, printed when all
 * have exited, so the output does not depend on where preemption struck;
 * only whether it happened at all is printed. */
#include <arm_neon.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

#define GICD 0x08000000ul
#define GICC 0x08010000ul
#define NTASK 3
#define SLICE_TICKS 3000            /* 48 us at 62.5 MHz */

enum { SYS_EXIT, SYS_YIELD, SYS_PUTC };

struct task {
    struct exc_frame frame;
    uint64_t sp_el0;
    int done;
    uint64_t result;
    char out[256];
    unsigned out_n;
};

static struct task tasks[NTASK];
static struct exc_frame kernel_frame;
static unsigned current, preemptions, yields, alive;
static uint8_t stacks[NTASK][16384] __attribute__((aligned(16)));

static inline volatile uint32_t *r32(uintptr_t a) { return (volatile uint32_t *)a; }

static void timer_arm(void)
{
    __asm__ volatile("msr cntv_tval_el0, %0\n\tmsr cntv_ctl_el0, %1\n\tisb"
                     : : "r"((uint64_t)SLICE_TICKS), "r"(1ull));
}

static long sys(long n, long a)
{
    register long x0 __asm__("x0") = a;
    register long x8 __asm__("x8") = n;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
    return x0;
}

static void uputs(const char *s)
{
    while (*s)
        sys(SYS_PUTC, *s++);
}

static void uhex(uint64_t v)
{
    for (int i = 60; i >= 0; i -= 4)
        sys(SYS_PUTC, "0123456789abcdef"[(v >> i) & 15]);
}

/* The tasks: each a function of its argument, at EL0. */
static void task_int(long arg)
{
    uint64_t h = FNV_INIT ^ (uint64_t)arg;
    for (unsigned i = 0; i < 400000; i++) {
        h ^= i;
        h *= 0x100000001b3ull;
        h = (h << 7) | (h >> 57);
        if ((i & 0xffff) == 0)
            sys(SYS_YIELD, 0);
    }
    uputs("int ");
    uhex(h);
    sys(SYS_EXIT, (long)(h & 0xffff));
}

static void task_fp(long arg)
{
    double x = 0.25 + (double)arg / 1000, s = 0;
    for (unsigned i = 0; i < 300000; i++) {
        x = 3.9 * x * (1.0 - x);
        s += x * x - 0.5;
    }
    uint64_t bits;
    memcpy(&bits, &s, 8);
    uputs("fp ");
    uhex(bits);
    sys(SYS_EXIT, 1);
}

static void task_simd(long arg)
{
    uint8_t buf[256];
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 13 + arg);
    uint32x4_t acc = vdupq_n_u32(0);
    for (unsigned r = 0; r < 6000; r++) {
        for (unsigned i = 0; i < sizeof buf; i += 16) {
            uint8x16_t v = vld1q_u8(buf + i);
            v = veorq_u8(v, vdupq_n_u8((uint8_t)r));
            acc = vpadalq_u16(acc, vpaddlq_u8(v));
            vst1q_u8(buf + i, vrev64q_u8(v));
        }
    }
    uputs("simd ");
    uhex(vaddvq_u32(acc));
    sys(SYS_EXIT, 2);
}

static void (*const entries[NTASK])(long) = { task_int, task_fp, task_simd };

static void load(struct exc_frame *f, unsigned t)
{
    *f = tasks[t].frame;
    __asm__ volatile("msr sp_el0, %0" : : "r"(tasks[t].sp_el0));
    current = t;
}

static void save(struct exc_frame *f)
{
    tasks[current].frame = *f;
    __asm__ volatile("mrs %0, sp_el0" : "=r"(tasks[current].sp_el0));
}

/* Next runnable task after the current one, or -1. */
static int next_task(void)
{
    for (unsigned k = 1; k <= NTASK; k++) {
        unsigned t = (current + k) % NTASK;
        if (!tasks[t].done)
            return (int)t;
    }
    return -1;
}

static void hook(struct exc_frame *f, unsigned vector)
{
    uint64_t ec = f->esr >> 26;
    if (vector == 4 && ec == 0x15) {            /* the kernel starts the tasks */
        kernel_frame = *f;
        timer_arm();
        load(f, 0);
        return;
    }
    if (vector == 9) {                          /* timer interrupt from EL0 */
        uint32_t iar = *r32(GICC + 0x00c);
        *r32(GICC + 0x010) = iar;
        if ((iar & 0x3ff) != 27)
            return;
        preemptions++;
        timer_arm();
        save(f);
        load(f, (unsigned)next_task());
        return;
    }
    if (vector != 8 || ec != 0x15) {
        printf("unexpected vector %u esr %#" PRIx64 " elr %#" PRIx64 "\n", vector, f->esr, f->elr);
        guest_poweroff();
    }
    struct task *t = &tasks[current];
    switch (f->x[8]) {
    case SYS_PUTC:
        if (t->out_n < sizeof t->out - 1)
            t->out[t->out_n++] = (char)f->x[0];
        return;
    case SYS_YIELD:
        yields++;
        save(f);
        load(f, (unsigned)next_task());
        return;
    case SYS_EXIT: {
        t->done = 1;
        t->result = f->x[0];
        alive--;
        int n = next_task();
        if (n < 0) {                            /* all done: back to the kernel */
            __asm__ volatile("msr cntv_ctl_el0, xzr\n\tisb");
            *f = kernel_frame;
        } else {
            load(f, (unsigned)n);
        }
        return;
    }
    }
}

int main(void)
{
    *r32(GICD + 0x000) = 1;
    *r32(GICC + 0x004) = 0xf0;
    *r32(GICC + 0x000) = 1;
    ((volatile uint8_t *)(GICD + 0x400))[27] = 0x80;
    *r32(GICD + 0x100) = 1u << 27;

    for (unsigned t = 0; t < NTASK; t++) {
        memset(&tasks[t].frame, 0, sizeof tasks[t].frame);
        tasks[t].frame.elr = (uint64_t)entries[t];
        tasks[t].frame.spsr = 0;                /* EL0t, interrupts unmasked */
        tasks[t].frame.x[0] = 7 * t + 1;
        tasks[t].frame.fp_saved = 1;            /* start with zeroed FP state */
        tasks[t].sp_el0 = (uint64_t)(stacks[t] + sizeof stacks[t]);
    }
    alive = NTASK;
    guest_set_exception_hook(hook);
    __asm__ volatile("svc #0" ::: "memory");   /* runs until every task exits */
    guest_set_exception_hook(NULL);

    for (unsigned t = 0; t < NTASK; t++) {
        tasks[t].out[tasks[t].out_n] = 0;
        printf("task %u: exit %" PRIu64 ", wrote \"%s\"\n", t, tasks[t].result, tasks[t].out);
    }
    printf("yields %u, preempted %s\n", yields, preemptions ? "yes" : "no");
    int ok = alive == 0 && preemptions > 0 && yields == 7;
    printf("sched: %s\n", ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
