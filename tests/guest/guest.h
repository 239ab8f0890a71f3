/* tests/guest/guest.h — what the guest programs share: the exception frame
 * built by start.S, the exception hook, the console glue and small helpers.
 *
 * A guest is linked with one console: io_uart.c (stdio on the PL011 at
 * 0x09000000, exit through PSCI SYSTEM_OFF, so the exit status is lost) or
 * io_semi.c with picolibc's --oslib=semihost (stdio and exit status through
 * Arm semihosting). Output must be deterministic: never print addresses that
 * depend on the optimization level, counters or uninitialized memory.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>

/* Saved by start.S on every exception; restored (x0..x30, elr, spsr, and
 * q0..q31, fpcr, fpsr when fp_saved) when guest_exception returns. The FP
 * registers are saved only if EL1 could use them (CPACR_EL1.FPEN). */
struct exc_frame {
    uint64_t x[31];
    uint64_t sp;        /* SP before the exception (read-only) */
    uint64_t elr, spsr, esr, far;
    __uint128_t q[32];
    uint64_t fpcr, fpsr;
    uint64_t fp_saved;  /* 1: q, fpcr, fpsr hold the interrupted values */
    uint64_t pad;
};

/* Vector index: 0..3 current EL with SP_EL0, 4..7 current EL with SP_ELx,
 * 8..11 lower EL AArch64, 12..15 lower EL AArch32; within each group
 * synchronous, IRQ, FIQ, SError. */
typedef void (*exc_hook_fn)(struct exc_frame *f, unsigned vector);

/* Install the hook called for every exception (NULL: the default, which
 * prints the frame and exits with status 99). */
void guest_set_exception_hook(exc_hook_fn fn);
void guest_exception(struct exc_frame *f, unsigned vector);

/* Console: set up by the console file before main (a constructor). */
int guest_uart_getc(void);      /* blocking read of one byte */
void guest_uart_putc(int c);

/* Power off now (PSCI SYSTEM_OFF); never returns. */
void guest_poweroff(void) __attribute__((noreturn));

/* FNV-1a, 64-bit, over a buffer, chained from `h`. */
static inline uint64_t fnv1a(uint64_t h, const void *p, unsigned long n)
{
    const unsigned char *b = p;
    for (unsigned long i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
    }
    return h;
}
#define FNV_INIT 0xcbf29ce484222325ull

/* Keep the compiler from folding a value known at compile time, so the
 * instruction under test runs at every optimization level. */
#define OPAQUE(v) ({ __auto_type _o = (v); __asm__ volatile("" : "+r"(_o)); _o; })
/* The same for float and double (in an FP/SIMD register). */
#define OPAQUEF(v) ({ __auto_type _o = (v); __asm__ volatile("" : "+w"(_o)); _o; })

#endif
