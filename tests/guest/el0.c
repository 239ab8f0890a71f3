/* tests/guest/el0.c — EL0 (user mode) and exception returns: small user
 * routines entered with ERET (SPSR = EL0t) that come back with SVC #0; what
 * EL0 may and may not do under the reset SCTLR_EL1/CNTKCTL_EL1/CPACR_EL1
 * and after changing them (EL1 registers, CTR_EL0, DC ZVA, DAIF, the
 * virtual counter, WFI, FP, SP alignment, BRK); and an illegal exception
 * return (to EL2, which does not exist). For each exception: the vector
 * (8: synchronous from a lower EL), ESR_EL1, SPSR's mode, and ELR as an
 * offset in the user routine. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

uint64_t run_user(void (*entry)(void), uint64_t arg);
extern char user_return[];

/* run_user(entry, arg): ERET to `entry` at EL0 with x0 = arg and SP_EL0 at
 * the top of user_stack; returns the x0 the routine passes to SVC #0. */
__asm__(".text\n"
        ".global run_user\n"
        "run_user:\n"
        "  adrp x2, user_ctx\n"
        "  add x2, x2, :lo12:user_ctx\n"
        "  stp x19, x20, [x2, #0]\n"
        "  stp x21, x22, [x2, #16]\n"
        "  stp x23, x24, [x2, #32]\n"
        "  stp x25, x26, [x2, #48]\n"
        "  stp x27, x28, [x2, #64]\n"
        "  stp x29, x30, [x2, #80]\n"
        "  mov x3, sp\n"
        "  str x3, [x2, #96]\n"
        "  msr elr_el1, x0\n"
        "  msr spsr_el1, xzr\n"
        "  adrp x3, user_stack + 8192\n"
        "  add x3, x3, :lo12:user_stack + 8192\n"
        "  msr sp_el0, x3\n"
        "  mov x0, x1\n"
        "  eret\n"
        ".global user_return\n"
        "user_return:\n"
        "  adrp x2, user_ctx\n"
        "  add x2, x2, :lo12:user_ctx\n"
        "  ldp x19, x20, [x2, #0]\n"
        "  ldp x21, x22, [x2, #16]\n"
        "  ldp x23, x24, [x2, #32]\n"
        "  ldp x25, x26, [x2, #48]\n"
        "  ldp x27, x28, [x2, #64]\n"
        "  ldp x29, x30, [x2, #80]\n"
        "  ldr x3, [x2, #96]\n"
        "  mov sp, x3\n"
        "  ret\n");

uint64_t user_ctx[13];
uint8_t user_stack[8192] __attribute__((aligned(16)));

/* User routines: each ends in SVC #0 with its result in x0. */
#define USER(name, body) \
    void name(void); \
    __asm__(".text\n.balign 4\n.global " #name "\n" #name ":\n" body "\n  svc #0\n");

USER(u_add, "  add x0, x0, #1")
USER(u_svc5, "  svc #5\n  add x0, x0, x1")
USER(u_sctlr, "  mrs x0, sctlr_el1")
USER(u_ctr, "  mrs x0, ctr_el0")
USER(u_dczva, "  mov x1, x0\n  dc zva, x1\n  ldr x0, [x1]")
USER(u_daif, "  mrs x0, daif")
USER(u_msr_daif, "  msr daifset, #2\n  mrs x0, daif")
USER(u_cntvct, "  mrs x1, cntvct_el0\n  mov x0, #1")
USER(u_wfi, "  wfi\n  mov x0, #2")
USER(u_fp, "  fmov d0, #1.5\n  fmov x0, d0")
/* QEMU does not check SP alignment (SCTLR_EL1.SA0): reads 8 bytes at 4
 * below the top of user_stack, the last half of which is zero. */
USER(u_sp_align, "  mov x9, sp\n  sub x1, x9, #4\n  mov sp, x1\n  mov w2, #0x5678\n  str w2, [x9, #-4]\n"
                 "  ldr w0, [sp]\n  mov sp, x9")
USER(u_brk, "  brk #0x42\n  mov x0, #3")
USER(u_hvc, "  hvc #0\n  mov x0, #4")
USER(u_eret, "  eret\n  mov x0, #5")
USER(u_el1_mem, "  ldr x0, [x0]")

static volatile unsigned taken;
static volatile uint64_t l_esr, l_elr, l_spsr, l_vector, l_entry;

static void hook(struct exc_frame *f, unsigned vector)
{
    uint64_t ec = f->esr >> 26;
    if (vector == 8 && ec == 0x15 && (f->esr & 0xffff) == 0) {
        f->elr = (uint64_t)user_return;         /* back to run_user's caller */
        f->spsr = 0x3c5;                        /* EL1h, DAIF masked */
        return;
    }
    taken++;
    l_esr = f->esr;
    l_elr = f->elr;
    l_spsr = f->spsr;
    l_vector = vector;
    if (ec == 0x15) {                           /* SVC #n: x1 = n * 10 */
        f->x[1] = (f->esr & 0xffff) * 10;
        return;
    }
    if (ec == 0x07) {                           /* FP trapped: allow EL0 too, retry */
        __asm__ volatile("msr cpacr_el1, %0\n\tisb" : : "r"(3ull << 20));
        return;
    }
    if (ec == 0x0e) {                           /* illegal state: clear PSTATE.IL */
        f->spsr &= ~(1ull << 20);
        f->x[0] = 0x111;
    }
    f->elr += 4;
}

static uint64_t entry_of(void (*fn)(void)) { return (uint64_t)fn; }

static void run(const char *what, void (*fn)(void), uint64_t arg)
{
    unsigned before = taken;
    uint64_t r = run_user(fn, arg);
    printf("%-26s x0 %#-10" PRIx64, what, r);
    if (taken != before)
        printf(" vector %" PRIu64 " esr %08" PRIx64 " spsr %#" PRIx64 " elr entry+%" PRIu64,
               l_vector, l_esr, l_spsr, l_elr - entry_of(fn));
    printf("\n");
}

static void sctlr_set(uint64_t set, uint64_t clear)
{
    uint64_t v;
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(v));
    v = (v | set) & ~clear;
    __asm__ volatile("msr sctlr_el1, %0\n\tisb" : : "r"(v));
}

int main(void)
{
    static uint64_t zva_buf[64] __attribute__((aligned(256)));
    for (unsigned i = 0; i < 64; i++)
        zva_buf[i] = ~0ull;
    guest_set_exception_hook(hook);

    run("add", u_add, 41);
    run("svc #5", u_svc5, 7);
    run("mrs sctlr_el1", u_sctlr, 0);
    run("mrs ctr_el0 (UCT=0)", u_ctr, 0);
    run("dc zva (DZE=0)", u_dczva, (uint64_t)&zva_buf[8]);
    run("mrs daif (UMA=0)", u_daif, 0);
    run("mrs cntvct (EL0VCTEN=0)", u_cntvct, 0);
    __asm__ volatile("msr cpacr_el1, %0\n\tisb" : : "r"(1ull << 20));
    run("fmov (FPEN=01)", u_fp, 0);
    run("brk", u_brk, 0);
    run("hvc", u_hvc, 0);
    run("eret", u_eret, 0);
    run("sp misaligned (SA0=1)", u_sp_align, 0);
    run("ldr from EL1 data", u_el1_mem, (uint64_t)&zva_buf[1]);

    /* Let EL0 in: UCT, DZE, UMA; counter; FP; untrapped WFI stays trapped
     * (nTWI cleared: WFI at EL0 traps). */
    sctlr_set((1ull << 15) | (1ull << 14) | (1ull << 9), (1ull << 16) | (1ull << 4));
    __asm__ volatile("msr cntkctl_el1, %0\n\tisb" : : "r"(2ull));
    run("mrs ctr_el0 (UCT=1)", u_ctr, 0);
    run("dc zva (DZE=1)", u_dczva, (uint64_t)&zva_buf[8]);
    run("mrs daif (UMA=1)", u_daif, 0);
    run("msr daifset (UMA=1)", u_msr_daif, 0);
    run("mrs cntvct (EL0VCTEN=1)", u_cntvct, 0);
    run("sp misaligned (SA0=0)", u_sp_align, 0);
    unsigned zeros = 0;
    for (unsigned i = 0; i < 64; i++)
        zeros += zva_buf[i] == 0;
    printf("dc zva zeroed %u doublewords\n", zeros);

    /* An illegal exception return: ERET to EL2h, absent here. The ERET
     * lands at ELR with PSTATE.IL set, so the instruction there (the nop)
     * takes an Illegal Execution state exception; the handler clears IL,
     * sets x0 and skips it. */
    uint64_t x0 = 0;
    unsigned before = taken;
    __asm__ volatile("adr x1, 1f\n\tmsr elr_el1, x1\n\tmov x1, #0x3c9\n\tmsr spsr_el1, x1\n\t"
                     "mov x0, #0x222\n\teret\n1:\tnop\n\tmov %0, x0"
                     : "=r"(x0) : : "x0", "x1", "memory");
    printf("eret to EL2h               x0 %#" PRIx64 " exceptions %u esr %08" PRIx64
           " spsr %#" PRIx64 "\n", x0, taken - before, l_esr, l_spsr);

    /* Last: an emulator that does not trap it sleeps forever here. */
    run("wfi (nTWI=0)", u_wfi, 0);

    guest_set_exception_hook(NULL);
    printf("exceptions taken %u\n", taken);
    printf("el0: %s\n", taken == 12 ? "ok" : "FAIL");
    return 0;
}
