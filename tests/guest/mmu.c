/* tests/guest/mmu.c — stage 1 translation at EL1 with 4 KiB pages: builds
 * page tables (39-bit VAs on both TTBR0 and TTBR1), turns the MMU and caches
 * on, and checks what the program sees through them: aliases (the same
 * page at two VAs, a 1 GiB block through TTBR1), translation, access-flag
 * and permission faults (ESR, FAR relative to the faulting VA), execute-never,
 * a TLBI making a changed entry visible, alignment on Device memory, the
 * AT instruction's PAR_EL1, and ordinary C code (printf, memcpy) running
 * with the MMU on.
 *
 * Map (VA = PA unless said):
 *   0x00000000 1 GiB  Device-nGnRnE, execute-never (UART, GIC)
 *   0x40000000 2 MiB blocks of Normal write-back memory (the RAM) except
 *   0x47000000 one 2 MiB range of 4 KiB pages, TEST below
 *   0x80000000 1 GiB  alias of the RAM, Normal, execute-never
 *   0xffffffffc0000000 (TTBR1) 1 GiB alias of the RAM
 * TEST pages: 0 RW, 1 read-only, 2 invalid, 3 access flag clear, 4 RW
 * executable (code copied in), 5 Device, 6 alias of page 0; others RW. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

#define TEST_VA   0x47000000ull
#define PAGE      4096ull
#define ALIAS_LO  0x80000000ull
#define ALIAS_HI  0xffffffffc0000000ull
#define RAM       0x40000000ull

/* Descriptor bits. */
#define D_BLOCK   1ull
#define D_TABLE   3ull
#define D_PAGE    3ull
#define ATTR(i)   ((uint64_t)(i) << 2)
#define AP_RO     (2ull << 6)
#define SH_INNER  (3ull << 8)
#define AF        (1ull << 10)
#define PXN       (1ull << 53)
#define UXN       (1ull << 54)
#define NORMAL    (ATTR(1) | SH_INNER | AF)
#define DEVICE    (ATTR(0) | AF | PXN | UXN)

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2[512] __attribute__((aligned(4096)));
static uint64_t l3[512] __attribute__((aligned(4096)));
static uint64_t l1_hi[512] __attribute__((aligned(4096)));

static volatile unsigned taken;
static volatile uint64_t last_esr, last_far;

static void hook(struct exc_frame *f, unsigned vector)
{
    (void)vector;
    taken++;
    last_esr = f->esr;
    last_far = f->far;
    uint64_t ec = f->esr >> 26;
    if (ec == 0x21 || ec == 0x20)           /* instruction abort: back to the caller */
        f->elr = f->x[30];
    else
        f->elr += 4;
    f->x[0] = 0xdead;
}

static void tlbi_all(void)
{
    __asm__ volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
}

static void build_tables(void)
{
    l1[0] = 0x00000000ull | D_BLOCK | DEVICE;
    l1[1] = (uint64_t)l2 | D_TABLE;
    l1[2] = RAM | D_BLOCK | NORMAL | PXN | UXN;
    for (unsigned i = 0; i < 64; i++)
        l2[i] = (RAM + i * 0x200000ull) | D_BLOCK | NORMAL;
    l2[(TEST_VA - RAM) >> 21] = (uint64_t)l3 | D_TABLE;
    for (unsigned i = 0; i < 512; i++)
        l3[i] = (TEST_VA + i * PAGE) | D_PAGE | NORMAL | PXN;
    l3[1] |= AP_RO;
    l3[2] = 0;
    l3[3] &= ~AF;
    l3[4] &= ~PXN;
    l3[5] = (TEST_VA + 5 * PAGE) | D_PAGE | DEVICE;
    l3[6] = TEST_VA | D_PAGE | NORMAL | PXN;
    l1_hi[511] = RAM | D_BLOCK | NORMAL;
}

static void mmu_on(void)
{
    uint64_t mair = 0x00ull | (0xffull << 8) | (0x44ull << 16);
    uint64_t tcr = 25ull                    /* T0SZ: 39-bit VAs */
                 | (1ull << 8) | (1ull << 10) | (3ull << 12)    /* WBWA, inner shareable */
                 | (25ull << 16)            /* T1SZ */
                 | (1ull << 24) | (1ull << 26) | (3ull << 28)
                 | (2ull << 30)             /* TG1: 4 KiB */
                 | (2ull << 32);            /* IPS: 40 bits */
    __asm__ volatile("msr mair_el1, %0\n\tmsr tcr_el1, %1\n\tmsr ttbr0_el1, %2\n\t"
                     "msr ttbr1_el1, %3\n\tisb" : : "r"(mair), "r"(tcr), "r"(l1), "r"(l1_hi));
    tlbi_all();
    uint64_t sctlr;
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
    sctlr |= (1ull << 0) | (1ull << 2) | (1ull << 12);  /* M, C, I */
    __asm__ volatile("dsb sy\n\tmsr sctlr_el1, %0\n\tisb" : : "r"(sctlr) : "memory");
}

/* A load or store that may fault: returns the loaded value, or 0xdead with
 * last_esr/last_far set. */
static uint64_t load(uint64_t va)
{
    register uint64_t x0 __asm__("x0") = va;
    __asm__ volatile("ldr x0, [x0]" : "+r"(x0) : : "memory");
    return x0;
}
static uint64_t store(uint64_t va, uint64_t v)
{
    register uint64_t x0 __asm__("x0") = va;
    __asm__ volatile("str %1, [x0]\n\tmov x0, #0" : "+r"(x0) : "r"(v) : "memory");
    return x0;
}
static uint64_t load_unaligned(uint64_t va)
{
    register uint64_t x0 __asm__("x0") = va;
    __asm__ volatile("ldr w0, [x0, #2]" : "+r"(x0) : : "memory");
    return x0;
}
static uint64_t call(uint64_t va)
{
    register uint64_t x0 __asm__("x0") = 1;
    __asm__ volatile("blr %1" : "+r"(x0) : "r"(va) : "x1", "x2", "x30", "memory");
    return x0;
}
static uint64_t at_s1e1r(uint64_t va)
{
    uint64_t par;
    __asm__ volatile("at s1e1r, %1\n\tisb\n\tmrs %0, par_el1" : "=r"(par) : "r"(va));
    return par;
}
static uint64_t at_s1e1w(uint64_t va)
{
    uint64_t par;
    __asm__ volatile("at s1e1w, %1\n\tisb\n\tmrs %0, par_el1" : "=r"(par) : "r"(va));
    return par;
}

static void show(const char *what, uint64_t result, unsigned before, uint64_t va)
{
    printf("%-28s -> %#-18" PRIx64, what, result);
    if (taken != before)
        printf(" fault esr %08" PRIx64 " far va%+" PRId64, last_esr, (int64_t)(last_far - va));
    printf("\n");
}

#define TRY(what, expr, va) do { unsigned b_ = taken; uint64_t r_ = (expr); show(what, r_, b_, va); } while (0)

int main(void)
{
    guest_set_exception_hook(hook);
    build_tables();
    /* Page contents before the MMU goes on (physical addresses). */
    for (unsigned p = 0; p < 8; p++)
        *(volatile uint64_t *)(TEST_VA + p * PAGE) = 0x1111111111111111ull * p + 0x0102;
    mmu_on();
    uint64_t sctlr;
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
    printf("mmu on: sctlr %#" PRIx64 "\n", sctlr);

    uint64_t p0 = TEST_VA, p1 = TEST_VA + PAGE, p2 = TEST_VA + 2 * PAGE, p3 = TEST_VA + 3 * PAGE;
    uint64_t p4 = TEST_VA + 4 * PAGE, p5 = TEST_VA + 5 * PAGE, p6 = TEST_VA + 6 * PAGE;
    TRY("load page 0", load(p0), p0);
    TRY("store page 0", store(p0 + 8, 0xabcdef), p0 + 8);
    TRY("load page 6 (alias of 0)", load(p6 + 8), p6 + 8);
    TRY("load low alias of page 0", load(ALIAS_LO + (p0 - RAM) + 8), 0);
    TRY("load TTBR1 alias of page 0", load(ALIAS_HI + (p0 - RAM) + 8), 0);
    TRY("load page 1 (read-only)", load(p1), p1);
    TRY("store page 1 (read-only)", store(p1 + 16, 1), p1 + 16);
    TRY("load page 2 (invalid)", load(p2 + 24), p2 + 24);
    TRY("store page 2 (invalid)", store(p2 + 32, 1), p2 + 32);
    TRY("load page 3 (AF clear)", load(p3), p3);
    TRY("load page 5 (device)", load(p5), p5);
    TRY("unaligned load normal", load_unaligned(p0 + 7), p0 + 9);
    TRY("unaligned load device", load_unaligned(p5 + 1), p5 + 3);
    TRY("load beyond 39-bit VA", load(1ull << 40), 1ull << 40);
    TRY("load invalid L2 entry", load(RAM + 0x8000000ull + 64), RAM + 0x8000000ull + 64);

    /* Code on page 4: mov x0, #42; ret. */
    static const uint32_t code[] = { 0xd2800540, 0xd65f03c0 };
    memcpy((void *)p4, code, sizeof code);
    __asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb" : : "r"(p4) : "memory");
    TRY("call page 4 (executable)", call(p4), p4);
    TRY("call page 0 (PXN)", call(p0), p0);
    TRY("call low alias (PXN)", call(ALIAS_LO + (p4 - RAM)), ALIAS_LO + (p4 - RAM));
    TRY("call TTBR1 alias", call(ALIAS_HI + (p4 - RAM)), 0);
    /* Make page 4 execute-never: visible after TLBI. */
    l3[4] |= PXN;
    tlbi_all();
    TRY("call page 4 after PXN+TLBI", call(p4), p4);
    /* Give page 2 a mapping: visible after TLBI. */
    l3[2] = (TEST_VA + 7 * PAGE) | D_PAGE | NORMAL | PXN;
    tlbi_all();
    TRY("load page 2 (now page 7)", load(p2), p2);

    TRY("at s1e1r page 0", at_s1e1r(p0), 0);
    TRY("at s1e1w page 1 (ro)", at_s1e1w(p1), 0);
    TRY("at s1e1r page 3 (AF)", at_s1e1r(p3), 0);
    TRY("at s1e1r page 5 (device)", at_s1e1r(p5), 0);
    TRY("at s1e1r TTBR1 alias", at_s1e1r(ALIAS_HI + 0x1234), 0);
    TRY("at s1e1r beyond VA range", at_s1e1r(1ull << 40), 0);

    /* C with the MMU on: copy through the aliases and hash. */
    static uint8_t buf[3 * 4096];
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 7 + 3);
    uint8_t *hi = (uint8_t *)(ALIAS_HI + ((uint64_t)buf - RAM));
    memcpy((void *)(ALIAS_LO + (p0 + 64 - RAM)), hi + 5, 1000);
    printf("hash through aliases %016" PRIx64 "\n", fnv1a(FNV_INIT, (void *)(p6 + 64), 1000));

    printf("faults taken %u\n", taken);
    guest_set_exception_hook(NULL);
    printf("mmu: %s\n", taken == 9 ? "ok" : "FAIL");
    return 0;
}
