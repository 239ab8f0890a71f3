/* tests/guest/id.c — the identification and reset-value system registers a
 * program sees at EL1 on `virt -cpu cortex-a57`, one per line, so that a
 * difference in what the CPU advertises is reported by name; then whether
 * the optional instructions the ID registers speak of (AES, SHA1, SHA256,
 * PMULL) execute or are UNDEFINED. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

#define SHOW(reg) do { \
        uint64_t v; \
        __asm__ volatile("mrs %0, " #reg : "=r"(v)); \
        printf("%-18s %#" PRIx64 "\n", #reg, v); \
    } while (0)

static volatile unsigned undefs;

static void hook(struct exc_frame *f, unsigned vector)
{
    (void)vector;
    if ((f->esr >> 26) != 0) {
        printf("unexpected esr %#" PRIx64 "\n", f->esr);
        guest_poweroff();
    }
    undefs++;
    f->elr += 4;
}

/* Runs one instruction given as a word, on v0/v1/v2 holding fixed values;
 * prints the low 64 bits of v0 after it or "undefined". */
#define PROBE(name, word) do { \
        unsigned before_ = undefs; \
        uint64_t r_; \
        __asm__ volatile("movi v0.16b, #0x11\n\tmovi v1.16b, #0x5a\n\tmovi v2.16b, #0xc3\n\t" \
                         ".inst " #word "\n\tfmov %0, d0" : "=r"(r_) : : "v0", "v1", "v2"); \
        if (undefs != before_) \
            printf("%-18s undefined\n", name); \
        else \
            printf("%-18s %#" PRIx64 "\n", name, r_); \
    } while (0)

/* An implementation-defined or unallocated register: its value or
 * "undefined". */
#define SYSREG(name, enc) do { \
        unsigned before_ = undefs; \
        uint64_t r_ = 0; \
        __asm__ volatile("mrs %0, " #enc : "+r"(r_)); \
        if (undefs != before_) \
            printf("%-18s undefined\n", name); \
        else \
            printf("%-18s %#" PRIx64 "\n", name, r_); \
    } while (0)

int main(void)
{
    uint64_t el;
    __asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
    printf("%-18s %" PRIu64 "\n", "CurrentEL", el >> 2);
    SHOW(midr_el1);
    SHOW(mpidr_el1);
    SHOW(revidr_el1);
    /* ID_AA64PFR0, ID_AA64DFR0 and ID_AA64MMFR0 are left out on purpose:
     * rewind advertises only what it implements (AArch64-only EL0/EL1, no
     * PMU or hardware breakpoints, no mixed-endian), where QEMU's
     * cortex-a57 advertises AArch32, a PMU and big-endian support. Their
     * values are checked by tests/emu/test_a64_system.c. */
    SHOW(id_aa64pfr1_el1);
    SHOW(id_aa64isar0_el1);
    SHOW(id_aa64isar1_el1);
    SHOW(id_aa64mmfr1_el1);
    SHOW(id_aa64mmfr2_el1);
    SHOW(ctr_el0);
    SHOW(dczid_el0);
    SHOW(clidr_el1);
    SHOW(sctlr_el1);
    SHOW(tcr_el1);
    SHOW(mair_el1);
    SHOW(cntfrq_el0);
    SHOW(cntkctl_el1);
    SHOW(cntv_ctl_el0);
    SHOW(daif);
    SHOW(nzcv);
    SHOW(spsel);
    SHOW(fpcr);
    SHOW(fpsr);
    guest_set_exception_hook(hook);
    SYSREG("l2ctlr_el1", s3_1_c11_c0_2);
    SYSREG("cpuectlr_el1", s3_1_c15_c2_1);
    SYSREG("s3_0_c15_c15_7", s3_0_c15_c15_7);
    PROBE("aese", 0x4e284820);              /* aese v0.16b, v1.16b */
    PROBE("aesmc", 0x4e286820);             /* aesmc v0.16b, v1.16b */
    PROBE("sha1h", 0x5e280820);             /* sha1h s0, s1 */
    PROBE("sha256h", 0x5e024020);           /* sha256h q0, q1, v2.4s */
    PROBE("pmull 1q", 0x0ee2e020);          /* pmull v0.1q, v1.1d, v2.1d */
    guest_set_exception_hook(NULL);
    printf("id: ok\n");
    return 0;
}
