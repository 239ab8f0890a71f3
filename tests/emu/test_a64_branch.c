/* tests/emu/test_a64_branch.c — branches and exception generation. */
#include <criterion/criterion.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(a64_branch, .init = setup, .fini = teardown, .timeout = 10);

Test(a64_branch, b_skips_forward)
{
    harness_code(h, (uint32_t[]){
        0x14000002,   /* b 8 */
        0xd503201f,   /* nop */
        0xd503201f,   /* nop */
    }, 3);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 8);
}

Test(a64_branch, bl_links_return_address)
{
    harness_code(h, (uint32_t[]){ 0xd503201f, 0x94000001 /* bl +4 */ }, 2);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 30), HARNESS_CODE + 8);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 8);
}

Test(a64_branch, b_eq_follows_z_flag)
{
    harness_code(h, (uint32_t[]){ 0x54000040 /* b.eq +8 */ }, 1);
    emu_cpu_set_pstate(h->cpu, emu_cpu_pstate(h->cpu) & ~PSTATE_NZCV);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE);
    emu_cpu_set_pstate(h->cpu, emu_cpu_pstate(h->cpu) | PSTATE_Z);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 8);
}

Test(a64_branch, condition_table_matches_definitions)
{
    for (unsigned n = 0; n < 16; n++) {
        bool N = n & 8, Z = n & 4, C = n & 2, V = n & 1;
        bool expect[8] = { Z, C, N, V, C && !Z, N == V, !Z && N == V, true };
        for (unsigned c = 0; c < 16; c++) {
            bool e = c >= 14 ? true : (expect[c >> 1] ^ (c & 1));
            cr_assert_eq(emu_cond_holds(n << 28, c), e, "cond %u nzcv %x", c, n);
        }
    }
}

Test(a64_branch, cbz_and_tbnz)
{
    harness_code(h, (uint32_t[]){
        0xb4000040,   /* cbz x0, +8 */
        0xd503201f,
        0x37180041,   /* tbnz w1, #3, +8 */
        0xd503201f,
        0xd503201f,
    }, 5);
    emu_cpu_set_x(h->cpu, 0, 0);
    emu_cpu_set_x(h->cpu, 1, 8);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 16);
}

Test(a64_branch, br_and_ret)
{
    harness_code(h, (uint32_t[]){ 0xd61f0040 /* br x2 */ }, 1);
    emu_cpu_set_x(h->cpu, 2, HARNESS_CODE + 0x100);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 0x100);
    harness_code(h, (uint32_t[]){ 0xd65f03c0 /* ret */ }, 1);
    emu_cpu_set_x(h->cpu, 30, HARNESS_CODE + 0x40);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 0x40);
}

Test(a64_branch, svc_retires_and_enters_vector)
{
    harness_code(h, (uint32_t[]){ 0xd4000841 /* svc #0x42 */ }, 1);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));   /* current EL, SP_ELx */
    cr_assert_eq(harness_elr(h), HARNESS_CODE + 4);
    cr_assert_eq(harness_esr(h), (0x15u << 26) | (1u << 25) | 0x42);
    cr_assert_eq(emu_cpu_icount(h->cpu), 1);
}

Test(a64_branch, brk_does_not_retire)
{
    harness_code(h, (uint32_t[]){ 0xd42000e0 /* brk #7 */ }, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_elr(h), HARNESS_CODE);
    cr_assert_eq(harness_esr(h), (0x3cu << 26) | (1u << 25) | 7);
}

Test(a64_branch, hvc_without_board_is_undefined)
{
    harness_code(h, (uint32_t[]){ 0xd4000002 /* hvc #0 */ }, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_esr(h) >> 26, 0);
}

Test(a64_branch, unallocated_encoding_is_undefined)
{
    harness_code(h, (uint32_t[]){ 0x00000000 /* udf #0 */ }, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_esr(h), 1u << 25);
    cr_assert_eq(harness_elr(h), HARNESS_CODE);
}

Test(a64_branch, eret_returns_to_el0_with_spsr)
{
    harness_code(h, (uint32_t[]){ 0xd69f03e0 /* eret */ }, 1);
    h->cpu->sys.elr_el1 = HARNESS_CODE + 0x80;
    h->cpu->sys.spsr_el1 = PSTATE_N | 0;   /* EL0t, interrupts unmasked */
    h->cpu->sys.sp_el0 = 0x40800000;
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 0x80);
    cr_assert_eq(emu_cpu_pstate(h->cpu), PSTATE_N);
    cr_assert_eq(emu_cpu_sp(h->cpu), 0x40800000);
}

Test(a64_branch, svc_from_el0_uses_lower_el_vector)
{
    harness_code(h, (uint32_t[]){ 0xd69f03e0 /* eret */, 0xd4000001 /* svc #0 */ }, 2);
    h->cpu->sys.elr_el1 = HARNESS_CODE + 4;
    h->cpu->sys.spsr_el1 = 0;
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x400));
    cr_assert_eq(h->cpu->sys.spsr_el1, 0);
    cr_assert_eq(emu_cpu_sp(h->cpu), HARNESS_STACK);
}

Test(a64_branch, budget_stops_exactly)
{
    /* a tight loop: b . */
    harness_code(h, (uint32_t[]){ 0x14000000 }, 1);
    cr_assert_eq(harness_run(h, 12345), 12345);
    cr_assert_eq(emu_cpu_icount(h->cpu), 12345);
}

Test(a64_branch, misaligned_pc_faults)
{
    harness_code(h, (uint32_t[]){ 0xd61f0040 /* br x2 */ }, 1);
    emu_cpu_set_x(h->cpu, 2, HARNESS_CODE + 0x102);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_esr(h) >> 26, 0x22);
    cr_assert_eq(harness_elr(h), HARNESS_CODE + 0x102);
    cr_assert_eq(h->cpu->sys.far_el1, HARNESS_CODE + 0x102);
}

Test(a64_branch, exception_loop_stops_with_error)
{
    /* A vector table of UDFs: every exception faults again at once. */
    uint32_t zeros[0x200] = { 0 };
    harness_write(h, HARNESS_VBAR, zeros, sizeof zeros);
    harness_code(h, (uint32_t[]){ 0x00000000 }, 1);
    cr_assert_eq(harness_run(h, 1000), 0);
    cr_assert_eq(emu_cpu_stop_reason(h->cpu), EMU_STOP_ERROR);
    cr_assert(strstr(emu_cpu_error(h->cpu), "exception loop") != NULL);
}
