/* tests/emu/test_a64_system.c — system registers, hints, barriers, DC ZVA. */
#include <criterion/criterion.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(a64_system, .init = setup, .fini = teardown, .timeout = 10);

Test(a64_system, mrs_midr_reads_cortex_a57)
{
    harness_code(h, (uint32_t[]){ 0xd5380000 /* mrs x0, midr_el1 */ }, 1);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x411fd070);
}

Test(a64_system, currentel_is_el1)
{
    harness_code(h, (uint32_t[]){ 0xd5384243 /* mrs x3, currentel */ }, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 4);
}

Test(a64_system, nzcv_round_trip)
{
    harness_code(h, (uint32_t[]){ 0xd51b4205 /* msr nzcv, x5 */, 0xd53b4204 /* mrs x4, nzcv */ }, 2);
    emu_cpu_set_x(h->cpu, 5, 0xffffffffffffffffull);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 4), 0xf0000000);
}

Test(a64_system, daifclr_unmasks_irq_and_irq_is_taken)
{
    harness_code(h, (uint32_t[]){ 0xd50342ff /* msr daifclr, #2 */, 0xd503201f, 0xd503201f }, 3);
    emu_cpu_set_irq(h->cpu, true);
    cr_assert_eq(harness_run(h, 2), 2);
    /* The IRQ is taken after the MSR, then "b ." runs at the vector. */
    cr_assert_eq(harness_elr(h), HARNESS_CODE + 4);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x280));
}

Test(a64_system, wfi_stops_with_reason)
{
    harness_code(h, (uint32_t[]){ 0xd503207f /* wfi */, 0xd503201f }, 2);
    cr_assert_eq(harness_run(h, 10), 1);
    cr_assert_eq(emu_cpu_stop_reason(h->cpu), EMU_STOP_WFI);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4);
}

Test(a64_system, dc_zva_zeroes_64_aligned_bytes)
{
    uint8_t ones[256];
    memset(ones, 0xff, sizeof ones);
    harness_write(h, HARNESS_DATA, ones, sizeof ones);
    harness_code(h, (uint32_t[]){ 0xd50b7426 /* dc zva, x6 */ }, 1);
    emu_cpu_set_x(h->cpu, 6, HARNESS_DATA + 64 + 13);
    cr_assert_eq(harness_run(h, 1), 1);
    uint8_t out[256];
    harness_read(h, HARNESS_DATA, out, sizeof out);
    for (unsigned i = 0; i < 256; i++)
        cr_assert_eq(out[i], i >= 64 && i < 128 ? 0 : 0xff, "byte %u", i);
}

Test(a64_system, unknown_sysreg_is_undefined)
{
    /* mrs x0, s3_4_c15_c0_0 (an EL2 implementation-defined register) */
    harness_code(h, (uint32_t[]){ 0xd53cf000 }, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_esr(h) >> 26, 0);
}

Test(a64_system, el0_cannot_read_el1_registers)
{
    harness_code(h, (uint32_t[]){ 0xd69f03e0 /* eret */, 0xd5380000 /* mrs x0, midr_el1 */ }, 2);
    h->cpu->sys.elr_el1 = HARNESS_CODE + 4;
    h->cpu->sys.spsr_el1 = 0;
    harness_run(h, 2);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x400));
    cr_assert_eq(harness_esr(h) >> 26, 0);
    cr_assert_eq(harness_elr(h), HARNESS_CODE + 4);
}

Test(a64_system, fp_access_traps_when_cpacr_disables_it)
{
    h->cpu->sys.cpacr_el1 = 0;
    harness_code(h, (uint32_t[]){ 0xd53b4400 /* mrs x0, fpcr */ }, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_esr(h), (0x07u << 26) | (1u << 25) | (1u << 24) | (0xeu << 20));
}

Test(a64_system, counter_defaults_to_icount)
{
    harness_code(h, (uint32_t[]){ 0xd503201f, 0xd503201f, 0xd53be040 /* mrs x0, cntvct_el0 */ }, 3);
    harness_run(h, 3);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 2);
}

Test(a64_system, self_modifying_store_redecodes)
{
    /* str w1, [x2]; (patched slot) */
    harness_code(h, (uint32_t[]){ 0xb9000041, 0xd503201f }, 2);
    emu_cpu_set_x(h->cpu, 2, HARNESS_CODE + 4);
    emu_cpu_set_x(h->cpu, 1, 0x91000400);   /* add x0, x0, #1 */
    emu_cpu_set_x(h->cpu, 0, 0);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 1);
}

Test(a64_system, fpcr_and_fpsr_keep_the_bits_qemu_keeps)
{
    /* msr fpcr, x1; mrs x2, fpcr; msr fpsr, x1; mrs x3, fpsr
     * Expected values measured with qemu-aarch64 -cpu cortex-a57. */
    harness_code(h, (uint32_t[]){ 0xd51b4401, 0xd53b4402, 0xd51b4421, 0xd53b4423 }, 4);
    emu_cpu_set_x(h->cpu, 1, ~0ull);
    cr_assert_eq(harness_run(h, 4), 4);
    cr_assert_eq(emu_cpu_x(h->cpu, 2), 0x07f70000);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0xf800009f);
}

Test(a64_system, wfi_at_el0_traps_unless_ntwi)
{
    harness_code(h, (uint32_t[]){ 0xd69f03e0 /* eret */, 0xd503207f /* wfi */ }, 2);
    h->cpu->sys.elr_el1 = HARNESS_CODE + 4;
    h->cpu->sys.spsr_el1 = 0;
    h->cpu->sys.sctlr_el1 &= ~(1ull << 16);
    harness_run(h, 2);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x400));
    cr_assert_eq(harness_esr(h), (0x01u << 26) | (1u << 25) | (1u << 24) | (0xeu << 20));
}

Test(a64_system, trapped_mrs_syndrome_says_read)
{
    /* EL0 reads CTR_EL0 with SCTLR_EL1.UCT clear: EC 0x18, Direction 1.
     * QEMU reports 0x6232c001 for mrs x0, ctr_el0. */
    harness_code(h, (uint32_t[]){ 0xd69f03e0 /* eret */, 0xd53b0020 /* mrs x0, ctr_el0 */ }, 2);
    h->cpu->sys.elr_el1 = HARNESS_CODE + 4;
    h->cpu->sys.spsr_el1 = 0;
    h->cpu->sys.sctlr_el1 &= ~(1ull << 15);
    harness_run(h, 2);
    cr_assert_eq(harness_esr(h), 0x6232c001);
}

Test(a64_system, sctlr_a_checks_alignment_even_on_a_hot_page)
{
    /* ldr x0, [x1] twice: aligned (fills the TLB when A is clear), then
     * misaligned with SCTLR_EL1.A set. */
    harness_code(h, (uint32_t[]){ 0xf9400020, 0xf9400040 /* ldr x0, [x2] */ }, 2);
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA);
    emu_cpu_set_x(h->cpu, 2, HARNESS_DATA + 4);
    h->cpu->sys.sctlr_el1 |= 2;
    emu_tlb_flush(h->cpu);
    harness_run(h, 2);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_esr(h), (0x25u << 26) | (1u << 25) | 0x21);
    cr_assert_eq(harness_elr(h), HARNESS_CODE + 4);
}

Test(a64_system, id_registers_advertise_what_rewind_implements)
{
    /* mrs x0, id_aa64pfr0_el1; mrs x1, id_aa64dfr0_el1; mrs x2, id_aa64mmfr0_el1;
     * mrs x3, id_aa64isar0_el1 */
    harness_code(h, (uint32_t[]){ 0xd5380400, 0xd5380501, 0xd5380702, 0xd5380603 }, 4);
    cr_assert_eq(harness_run(h, 4), 4);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x11);         /* EL0, EL1: AArch64 only; FP, AdvSIMD */
    cr_assert_eq(emu_cpu_x(h->cpu, 1), 0x6);          /* ARMv8 debug, no PMU */
    cr_assert_eq(emu_cpu_x(h->cpu, 2), 0x25);         /* 48-bit PA, 16-bit ASID, 4K/64K */
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0x11120);      /* as QEMU: AES+PMULL, SHA1, SHA256, CRC32 */
}
