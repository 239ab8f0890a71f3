/* tests/emu/test_cpu.c — the run loop and the memory slow paths. */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <glib.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(cpu, .init = setup, .fini = teardown, .timeout = 10);

Test(cpu, external_abort_reports_size_aligned_address_as_qemu)
{
    /* ldr w16, [x1] at an unmapped, misaligned address */
    harness_code(h, (uint32_t[]){ 0xb9400030 }, 1);
    emu_cpu_set_x(h->cpu, 1, 0x1470007ffull);
    harness_run(h, 1);
    cr_assert_eq(harness_esr(h), (0x25u << 26) | (1u << 25) | 0x10);
    cr_assert_eq(h->cpu->sys.far_el1, 0x1470007fcull);
}

Test(cpu, icount_is_exact_inside_a_block)
{
    /* Eight NOPs then mrs x0, cntvct_el0 (the counter defaults to icount). */
    uint32_t code[9];
    for (unsigned i = 0; i < 8; i++)
        code[i] = 0xd503201f;
    code[8] = 0xd53be040;
    harness_code(h, code, 9);
    cr_assert_eq(harness_run(h, 9), 9);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 8);
}

Test(cpu, budget_split_anywhere_gives_the_same_state)
{
    /* add x0, x0, #1; b.ne back over a countdown: run 1000 at once vs in
     * uneven slices. sub x1, x1, #1; add x0, x0, #3; cbnz x1, -8 */
    uint32_t code[] = { 0xd1000421, 0x91000c00, 0xb5ffffc1, 0x14000000 };
    harness_code(h, code, 4);
    emu_cpu_set_x(h->cpu, 1, 300);
    cr_assert_eq(harness_run(h, 1000), 1000);
    uint64_t x0 = emu_cpu_x(h->cpu, 0), pc = emu_cpu_pc(h->cpu);
    harness_code(h, code, 4);
    emu_cpu_set_x(h->cpu, 0, 0);
    emu_cpu_set_x(h->cpu, 1, 300);
    uint64_t done = 0;
    for (uint64_t step = 1; done < 1000; step = step * 3 % 17 + 1)
        done += harness_run(h, MIN(step, 1000 - done));
    cr_assert_eq(emu_cpu_x(h->cpu, 0), x0);
    cr_assert_eq(emu_cpu_pc(h->cpu), pc);
}

Test(cpu, external_abort_on_store_reports_exact_address_as_qemu)
{
    /* strh w5, [x1] at an unmapped, misaligned address */
    harness_code(h, (uint32_t[]){ 0x79000025 }, 1);
    emu_cpu_set_x(h->cpu, 1, 0x24700084dull);
    harness_run(h, 1);
    cr_assert_eq(harness_esr(h), (0x25u << 26) | (1u << 25) | (1u << 6) | 0x10);
    cr_assert_eq(h->cpu->sys.far_el1, 0x24700084dull);
}

/* Fused compare and branch (a64_dp.c, next_or_bcond): a CMP followed by
 * B.cond runs as one handler; every way of reaching or changing the pair
 * must behave as the two instructions do. */
static const uint32_t count_to_5[] = {
    0x91000400,   /* loop: add x0, x0, #1 */
    0xf100141f,   /*       cmp x0, #5 */
    0x54ffffc1,   /*       b.ne loop */
    0x14000000,   /*       b . */
};

Test(cpu, fused_compare_and_branch_loops_as_unfused)
{
    harness_code(h, count_to_5, 4);
    cr_assert_eq(harness_run(h, 15), 15);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 5);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 12);
    cr_assert_eq((emu_cpu_pstate(h->cpu) & 0xf0000000u), 0x60000000u);   /* Z, C: 5 - 5 */
}

Test(cpu, fused_compare_and_branch_stops_between_the_two)
{
    /* Budgets ending after the CMP leave pc on the B.cond, flags set. */
    harness_code(h, count_to_5, 4);
    for (uint64_t n = 2; n <= 14; n += 3) {
        harness_code(h, count_to_5, 4);
        emu_cpu_set_x(h->cpu, 0, 0);
        cr_assert_eq(harness_run(h, n), n);
        cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 8, "budget %" PRIu64, n);
        cr_assert_eq(emu_cpu_icount(h->cpu) % 3, 2);
        /* ...and going on from there ends as one run does. */
        cr_assert_eq(harness_run(h, 15 - n), 15 - n);
        cr_assert_eq(emu_cpu_x(h->cpu, 0), 5);
        cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 12);
    }
}

Test(cpu, fused_compare_and_branch_entered_at_the_branch)
{
    /* Run the pair once fused, then jump straight to the B.cond with
     * flags that say "taken". */
    harness_code(h, count_to_5, 4);
    emu_cpu_set_x(h->cpu, 0, 4);
    cr_assert_eq(harness_run(h, 3), 3);                 /* falls through */
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 12);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE + 8);
    h->cpu->nzcv = 0x80000000u;                         /* N: ne holds */
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE);
}

Test(cpu, store_to_a_fused_branch_redecodes_the_pair)
{
    /* str w1, [x2] overwrites the B.cond after the pair has run fused:
     * the CMP must then be followed by the new instruction. */
    uint32_t code[] = {
        0xf100041f,   /* cmp x0, #1 */
        0x54000040,   /* b.eq +8 */
        0xb9000041,   /* str w1, [x2] */
        0x14000000,   /* b . */
    };
    harness_code(h, code, 4);
    emu_cpu_set_x(h->cpu, 0, 1);
    cr_assert_eq(harness_run(h, 2), 2);                 /* fused, taken */
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 12);
    /* Now from the start with x0 = 0: not taken, the store patches the
     * B.cond into add x0, x0, #7; run the CMP again and the new word. */
    emu_cpu_set_pc(h->cpu, HARNESS_CODE);
    emu_cpu_set_x(h->cpu, 0, 0);
    emu_cpu_set_x(h->cpu, 1, 0x91001c00);               /* add x0, x0, #7 */
    emu_cpu_set_x(h->cpu, 2, HARNESS_CODE + 4);
    cr_assert_eq(harness_run(h, 3), 3);                 /* cmp, b.eq, str */
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 12);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE);
    cr_assert_eq(harness_run(h, 2), 2);                 /* cmp, add */
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 7);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 8);
}

Test(cpu, state_registers_in_the_log_format_order)
{
    char buf[16];
    cr_assert_eq(emu_cpu_state_reg_count(), 100);   /* 69 + 30 EL1 registers + monitor */
    cr_assert_str_eq(emu_cpu_state_reg_name(0, buf), "x0");
    cr_assert_str_eq(emu_cpu_state_reg_name(30, buf), "x30");
    cr_assert_str_eq(emu_cpu_state_reg_name(31, buf), "sp_el0");
    cr_assert_str_eq(emu_cpu_state_reg_name(33, buf), "pc");
    cr_assert_str_eq(emu_cpu_state_reg_name(36, buf), "fpsr");
    cr_assert_str_eq(emu_cpu_state_reg_name(37, buf), "v0");
    cr_assert_str_eq(emu_cpu_state_reg_name(68, buf), "v31");
    cr_assert_str_eq(emu_cpu_state_reg_name(69, buf), "sctlr_el1");
    cr_assert_str_eq(emu_cpu_state_reg_name(99, buf), "exclusive monitor");
    cr_assert_null(emu_cpu_state_reg_name(100, buf));

    uint8_t out[32];
    emu_cpu_set_x(h->cpu, 5, 0x1122334455667788ull);
    cr_assert_eq(emu_cpu_state_reg(h->cpu, 5, out), 8);
    cr_assert_eq(out[0], 0x88);
    cr_assert_eq(out[7], 0x11);
    /* EL1h: the live SP is SP_EL1. */
    cr_assert_eq(emu_cpu_state_reg(h->cpu, 32, out), 8);
    uint64_t sp;
    memcpy(&sp, out, 8);
    cr_assert_eq(sp, HARNESS_STACK);
    emu_cpu_set_v(h->cpu, 3, (uint64_t[]){ 1, 2 });
    cr_assert_eq(emu_cpu_state_reg(h->cpu, 37 + 3, out), 16);
    cr_assert_eq(out[0], 1);
    cr_assert_eq(out[8], 2);
    /* The monitor reads as zeros when open, whatever it last held. */
    h->cpu->excl_addr = 0x1234;
    cr_assert_eq(emu_cpu_state_reg(h->cpu, 99, out), 32);
    for (unsigned k = 0; k < 32; k++)
        cr_assert_eq(out[k], 0);
    cr_assert_eq(emu_cpu_state_reg(h->cpu, 100, out), 0);
}

/* The words taken as run since the last take, in the code page, as
 * "first-last ..." ranges of word indexes. */
static char *execs_taken(Harness *hh)
{
    EmuPageExecs *x;
    size_t n = emu_cpu_take_execs(hh->cpu, &x);
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        if (x[i].pa != HARNESS_CODE)
            continue;
        for (unsigned w = 0; w < 1024; w++) {
            if (!(x[i].slots[w / 64] >> (w % 64) & 1))
                continue;
            unsigned e = w;
            while (e + 1 < 1024 && (x[i].slots[(e + 1) / 64] >> ((e + 1) % 64) & 1))
                e++;
            g_string_append_printf(s, "%s%u-%u", s->len ? " " : "", w, e);
            w = e;
        }
    }
    g_free(x);
    return g_string_free(s, false);
}

/* What ran: from each entry to the first word that cannot fall through,
 * a conditional branch counting as falling through; nothing of a call's
 * body beyond its return, nothing after an unconditional branch. */
Test(cpu, takes_of_what_ran_cover_each_entry_up_to_an_unconditional_branch)
{
    /*  0 mov x0,#3        1 bl 5           2 subs x0,x0,#1   3 b.ne 1
     *  4 b .               5 ret            6 nop (never)      7 nop (never) */
    harness_code(h, (uint32_t[]){ 0xd2800060, 0x94000004, 0xf1000400, 0x54ffffc1,
                                  0x14000000, 0xd65f03c0, 0xd503201f, 0xd503201f }, 8);
    cr_assert_eq(harness_run(h, 20), 20);
    char *s = execs_taken(h);
    cr_assert_str_eq(s, "0-5");
    g_free(s);
    /* Parked at "b .": only it runs now. */
    cr_assert_eq(harness_run(h, 5), 5);
    s = execs_taken(h);
    cr_assert_str_eq(s, "4-4");
    g_free(s);
    /* Code rewritten under its marks counts whole. */
    harness_write64(h, HARNESS_CODE + 24, 0xd503201fd503201full);
    s = execs_taken(h);
    cr_assert_str_eq(s, "0-1023");
    g_free(s);
}
