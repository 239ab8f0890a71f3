/* tests/emu/test_mmu.c — stage 1 translation: walks, blocks, permissions,
 * access flag, TTBR1, faults and their syndromes, AT. */
#include <criterion/criterion.h>

#include "tests/emu/harness.h"

static Harness *h;

#define L0 0x40400000ull        /* level 0 table */
#define L1 0x40401000ull
#define L2 0x40402000ull
#define L3 0x40403000ull
#define PAGE_RW_EL1 0x703ull    /* page: AF, SH=11, AP=00, valid+page */
#define TABLE 3ull

static void map_setup(void)
{
    h = harness_new();
    /* VA 0x0000_0000_8000_0000 (L0[0] -> L1[2] -> L2[0] -> L3) maps, page by
     * page, onto HARNESS_DATA. */
    harness_write64(h, L0, L1 | TABLE);
    harness_write64(h, L1 + 2 * 8, L2 | TABLE);
    harness_write64(h, L2, L3 | TABLE);
    harness_write64(h, L3 + 0 * 8, HARNESS_DATA | PAGE_RW_EL1);              /* RW EL1 */
    harness_write64(h, L3 + 1 * 8, (HARNESS_DATA + 0x1000) | PAGE_RW_EL1 | (2u << 6)); /* RO */
    harness_write64(h, L3 + 2 * 8, (HARNESS_DATA + 0x2000) | (PAGE_RW_EL1 & ~0x400ull)); /* AF=0 */
    harness_write64(h, L3 + 3 * 8, (HARNESS_DATA + 0x3000) | PAGE_RW_EL1 | (1u << 6)); /* EL0 RW */
    /* L1[1]: a 1 GiB block identity-mapping RAM (code, vectors, data). */
    harness_write64(h, L1 + 1 * 8, 0x40000000ull | 0x701ull);
    h->cpu->sys.ttbr0_el1 = L0;
    h->cpu->sys.ttbr1_el1 = L0;
    h->cpu->sys.tcr_el1 = 16 | (16ull << 16) | (2ull << 30);   /* 48-bit, 4K both halves */
    h->cpu->sys.mair_el1 = 0xff;
    h->cpu->sys.sctlr_el1 |= 1;
    emu_tlb_flush(h->cpu);
    harness_write64(h, HARNESS_DATA, 0x1111);
    harness_write64(h, HARNESS_DATA + 0x1000, 0x2222);
}

static void teardown(void) { harness_free(h); }

TestSuite(mmu, .init = map_setup, .fini = teardown, .timeout = 10);

/* ldr x0, [x1] */
static uint64_t load(uint64_t va, bool *ok)
{
    harness_code(h, (uint32_t[]){ 0xf9400020 }, 1);
    emu_cpu_set_x(h->cpu, 1, va);
    emu_cpu_set_x(h->cpu, 0, 0xdead);
    harness_run(h, 1);
    *ok = emu_cpu_pc(h->cpu) == HARNESS_CODE + 4;
    return emu_cpu_x(h->cpu, 0);
}

/* str x2, [x1] */
static bool store(uint64_t va, uint64_t v)
{
    harness_code(h, (uint32_t[]){ 0xf9000022 }, 1);
    emu_cpu_set_x(h->cpu, 1, va);
    emu_cpu_set_x(h->cpu, 2, v);
    harness_run(h, 1);
    return emu_cpu_pc(h->cpu) == HARNESS_CODE + 4;
}

Test(mmu, four_level_walk_translates_pages)
{
    bool ok;
    cr_assert_eq(load(0x80000000ull + 8 * 0, &ok), 0x1111);
    cr_assert(ok);
    cr_assert_eq(load(0x80001000ull, &ok), 0x2222);
    cr_assert(ok);
}

Test(mmu, block_descriptor_maps_a_gigabyte)
{
    bool ok;
    cr_assert_eq(load(0x40000000ull + (HARNESS_DATA - 0x40000000ull), &ok), 0x1111);
    cr_assert(ok);
}

Test(mmu, unmapped_address_is_a_level_fault)
{
    bool ok;
    load(0x80004000ull, &ok);                     /* L3[4] invalid */
    cr_assert_not(ok);
    cr_assert_eq(harness_esr(h), (0x25u << 26) | (1u << 25) | 0x07);   /* translation, level 3 */
    cr_assert_eq(h->cpu->sys.far_el1, 0x80004000ull);
    load(0x0000800000000000ull - 0x1000, &ok);    /* L0[255] invalid */
    cr_assert_eq(harness_esr(h) & 0x3f, 0x04);    /* translation, level 0 */
}

Test(mmu, read_only_page_faults_on_write)
{
    cr_assert_not(store(0x80001000ull, 5));
    cr_assert_eq(harness_esr(h), (0x25u << 26) | (1u << 25) | (1u << 6) | 0x0f);
    uint64_t v = harness_read64(h, HARNESS_DATA + 0x1000);
    cr_assert_eq(v, 0x2222);
}

Test(mmu, access_flag_clear_faults)
{
    bool ok;
    load(0x80002000ull, &ok);
    cr_assert_not(ok);
    cr_assert_eq(harness_esr(h) & 0x3f, 0x0b);    /* access flag, level 3 */
}

Test(mmu, ttbr1_serves_the_upper_half)
{
    bool ok;
    cr_assert_eq(load(0xffff000080000000ull, &ok), 0x1111);
    cr_assert(ok);
}

Test(mmu, non_canonical_address_faults)
{
    bool ok;
    load(0x00f0000080000000ull, &ok);
    cr_assert_not(ok);
    cr_assert_eq(harness_esr(h) & 0x3f, 0x04);
}

Test(mmu, at_reports_par)
{
    /* at s1e1r, x1 */
    harness_code(h, (uint32_t[]){ 0xd5087801 }, 1);
    emu_cpu_set_x(h->cpu, 1, 0x80000123ull);
    harness_run(h, 1);
    cr_assert_eq(h->cpu->sys.par_el1, 0xff00000000000000ull | HARNESS_DATA | 0xb80);
    /* at s1e1w on the read-only page: permission fault level 3 */
    harness_code(h, (uint32_t[]){ 0xd5087821 }, 1);
    emu_cpu_set_x(h->cpu, 1, 0x80001000ull);
    harness_run(h, 1);
    cr_assert_eq(h->cpu->sys.par_el1, 0x81f);
}

Test(mmu, el0_sees_only_el0_pages)
{
    /* eret to EL0 at CODE+4, then ldr x0, [x1] on an EL1-only page. */
    harness_code(h, (uint32_t[]){ 0xd69f03e0, 0xf9400020 }, 2);
    h->cpu->sys.elr_el1 = HARNESS_CODE + 4;
    h->cpu->sys.spsr_el1 = 0;
    emu_cpu_set_x(h->cpu, 1, 0x80000000ull);
    /* The block with the code must be readable (executable) at EL0 and not
     * EL0-writable, or EL1 could not execute from it. */
    harness_write64(h, L1 + 1 * 8, 0x40000000ull | 0x7c1ull);   /* AP=11: read-only at EL0 and EL1 */
    emu_tlb_flush(h->cpu);
    harness_run(h, 2);
    cr_assert_eq(harness_esr(h), (0x24u << 26) | (1u << 25) | 0x0f);   /* from EL0, permission L3 */
    /* The EL0 read-write page is readable from EL0. */
    harness_code(h, (uint32_t[]){ 0xd69f03e0, 0xf9400020 }, 2);
    emu_cpu_set_pstate(h->cpu, 0x3c5);
    h->cpu->sys.spsr_el1 = 0;
    harness_write64(h, HARNESS_DATA + 0x3000, 0x3333);
    emu_cpu_set_x(h->cpu, 1, 0x80003000ull);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x3333);
}
