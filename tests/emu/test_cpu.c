/* tests/emu/test_cpu.c — the run loop and the memory slow paths. */
#include <criterion/criterion.h>
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
