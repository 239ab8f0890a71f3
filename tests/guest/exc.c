/* tests/guest/exc.c — synchronous exceptions taken to EL1 through the vector
 * table of start.S: an undefined instruction, SVC, BRK, HLT (not semihosting),
 * a trapped FP access, loads, stores and instruction fetches from an unmapped
 * address (external aborts), a branch to a misaligned PC, an MSR to a
 * read-only register, an unaligned exclusive load (alignment fault);
 * for each the vector, ESR_EL1, the return address relative to the faulting
 * instruction, FAR_EL1 where defined, and the handler's effect on the
 * registers. Also an unaligned ordinary access (allowed with the MMU off on
 * QEMU 7.2).
 *
 * The semihosting build exits with the number of exceptions taken. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

/* Beyond the 128 MiB of RAM: nothing is mapped there on the virt board. */
#define UNMAPPED 0x48000000ull

static volatile unsigned taken;
static volatile struct {
    uint64_t esr, elr, far, spsr_mode;
    unsigned vector;
} last;

/* Resume after the faulting instruction, or at x30 for a fetch abort (the
 * test branched there with BLR). x0 returns a marker so the test sees the
 * handler ran; x1 carries the SVC immediate doubled. */
static void hook(struct exc_frame *f, unsigned vector)
{
    uint64_t ec = f->esr >> 26;
    if (ec == 0x07) {                       /* FP access trap: re-enable FP */
        __asm__ volatile("msr cpacr_el1, %0\n\tisb" : : "r"(3ull << 20));
    }
    taken++;
    last.esr = f->esr;
    last.elr = f->elr;
    last.far = f->far;
    last.spsr_mode = f->spsr & 0x3ff;
    last.vector = vector;
    if (ec == 0x21 || ec == 0x20 || ec == 0x22)   /* instruction abort, PC alignment */
        f->elr = f->x[30];
    else if (ec != 0x15)                    /* SVC's ELR is already the next insn */
        f->elr += 4;
    f->x[0] = 0x5a5a;
    if (ec == 0x15)
        f->x[1] = (f->esr & 0xffff) * 2;
}

static void report(const char *what, uint64_t insn_addr, int far_valid)
{
    printf("%-22s vector %u esr %08" PRIx64 " elr %s%" PRId64 " spsr %03" PRIx64, what,
           last.vector, last.esr, last.elr >= insn_addr ? "insn+" : "insn-",
           (int64_t)(last.elr >= insn_addr ? last.elr - insn_addr : insn_addr - last.elr),
           last.spsr_mode);
    if (far_valid)
        printf(" far %#" PRIx64, last.far);
    printf("\n");
}

/* Each test: the faulting instruction is at label 1; its address is
 * returned in `at`. */
static void t_udf(void)
{
    uint64_t at, x0 = 0;
    __asm__ volatile("adr %0, 1f\n1:\tudf #0x1234" : "=&r"(at), "+r"(x0) : : "memory");
    report("udf #0x1234", at, 0);
}

static void t_svc(void)
{
    uint64_t at;
    register uint64_t x0 __asm__("x0") = 0;
    register uint64_t x1 __asm__("x1") = 0;
    __asm__ volatile("adr %2, 1f\n1:\tsvc #0x123" : "+r"(x0), "+r"(x1), "=&r"(at) : : "memory");
    uint64_t r0 = x0, r1 = x1;      /* register variables live only in the asm */
    report("svc #0x123", at, 0);
    printf("  handler set x0 %#" PRIx64 " x1 %#" PRIx64 "\n", r0, r1);
}

static void t_brk(void)
{
    uint64_t at;
    __asm__ volatile("adr %0, 1f\n1:\tbrk #7" : "=&r"(at) : : "x0", "memory");
    report("brk #7", at, 0);
}

static void t_hlt(void)
{
    uint64_t at;
    __asm__ volatile("adr %0, 1f\n1:\thlt #1" : "=&r"(at) : : "x0", "memory");
    report("hlt #1", at, 0);
}

static void t_fp_trap(void)
{
    uint64_t at;
    __asm__ volatile("msr cpacr_el1, xzr\n\tisb\n\tadr %0, 1f\n1:\tfmov d0, xzr"
                     : "=&r"(at) : : "x0", "v0", "memory");
    report("fmov, FP disabled", at, 0);
}

static void t_load_unmapped(void)
{
    uint64_t at, v = 0x77;
    __asm__ volatile("adr %0, 1f\n1:\tldr %1, [%2]" : "=&r"(at), "+r"(v) : "r"(UNMAPPED) : "x0", "memory");
    report("ldr unmapped", at, 1);
    printf("  destination register after the abort %#" PRIx64 "\n", v);
}

static void t_store_unmapped(void)
{
    uint64_t at;
    __asm__ volatile("adr %0, 1f\n1:\tstrb wzr, [%1, #5]" : "=&r"(at) : "r"(UNMAPPED) : "x0", "memory");
    report("strb unmapped", at, 1);
}

static void t_pair_unmapped(void)
{
    uint64_t at, a = 1, b = 2;
    __asm__ volatile("adr %0, 1f\n1:\tldp %1, %2, [%3, #-8]"
                     : "=&r"(at), "+r"(a), "+r"(b) : "r"(UNMAPPED) : "x0", "memory");
    report("ldp across RAM end", at, 1);
    printf("  registers after the abort %#" PRIx64 " %#" PRIx64 "\n", a, b);
}

static void t_fetch_unmapped(void)
{
    __asm__ volatile("blr %0" : : "r"(UNMAPPED) : "x0", "x30", "memory");
    report("fetch unmapped", UNMAPPED, 1);
}

static void t_pc_unaligned(void)
{
    __asm__ volatile("blr %0" : : "r"((uint64_t)t_udf + 2) : "x0", "x30", "memory");
    report("branch to pc+2", (uint64_t)t_udf + 2, 0);
    printf("  far - target %#" PRIx64 "\n", last.far - ((uint64_t)t_udf + 2));
}

static void t_msr_readonly(void)
{
    uint64_t at;
    __asm__ volatile("adr %0, 1f\n1:\tmsr s3_0_c0_c0_0, xzr" : "=&r"(at) : : "x0", "memory");
    report("msr midr_el1 (ro)", at, 0);
}

static void t_exclusive_unaligned(void)
{
    static uint64_t words[2];
    uint64_t at, v = 0;
    __asm__ volatile("adr %0, 1f\n1:\tldxr %1, [%2]"
                     : "=&r"(at), "+r"(v) : "r"((char *)words + 4) : "x0", "memory");
    report("ldxr unaligned", at, 0);
    printf("  far - address %#" PRIx64 "\n", last.far - (uint64_t)((char *)words + 4));
}

static void t_unaligned_plain(void)
{
    static uint8_t bytes[32];
    for (int i = 0; i < 32; i++)
        bytes[i] = (uint8_t)(i * 17 + 1);
    uint64_t v;
    unsigned before = taken;
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(bytes + 3) : "memory");
    printf("unaligned ldr          %#" PRIx64 " (exceptions %u)\n", v, taken - before);
}

int main(void)
{
    guest_set_exception_hook(hook);
    t_udf();
    t_svc();
    t_brk();
    t_hlt();
    t_fp_trap();
    t_load_unmapped();
    t_store_unmapped();
    t_pair_unmapped();
    t_fetch_unmapped();
    t_pc_unaligned();
    t_msr_readonly();
    t_exclusive_unaligned();
    t_unaligned_plain();
    /* An SVC in a loop: the handler's frame round trip keeps every
     * register. */
    uint64_t sum = 0;
    for (unsigned i = 0; i < 100; i++) {
        register uint64_t x0 __asm__("x0") = i;
        register uint64_t x1 __asm__("x1") = 0;
        __asm__ volatile("svc #9" : "+r"(x0), "+r"(x1) : : "memory");
        sum += x0 + x1 + i;
    }
    printf("100 svc: sum %" PRIu64 "\n", sum);
    guest_set_exception_hook(NULL);
    unsigned n = taken;
    printf("exceptions taken %u\n", n);
    printf("exc: %s\n", n == 112 ? "ok" : "FAIL");
    return (int)n;
}
