/* tests/replay/test_statehash.c — sync-event state hashes. */
#include <criterion/criterion.h>

#include "replay/statehash.h"
#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(statehash, .init = setup, .fini = teardown, .timeout = 10);

Test(statehash, statehash_known_answers_from_format_md)
{
    /* Computed from FORMAT.md's definition by an independent script. */
    cr_assert_eq(rr_statehash("abcdefgh", 8), 0x7f0b5c63267b9e88ull);
    cr_assert_eq(rr_statehash("", 0), 0xca009717f87d8879ull);
    static const uint8_t zeros[16];
    cr_assert_eq(rr_statehash(zeros, sizeof zeros), 0xdec17fada9daacb8ull);
}

static void collect(void *opaque, size_t reg)
{
    GString *s = opaque;
    char buf[16];
    g_string_append_printf(s, "%s%s", s->len ? " " : "", emu_cpu_state_reg_name(reg, buf));
}

Test(statehash, a_changed_register_changes_the_hash_and_is_named)
{
    uint32_t gen = emu_mem_new_generation(h->mem);
    RrStateHash a, b;
    rr_state_hash(h->cpu, h->mem, gen, &a);
    rr_state_hash(h->cpu, h->mem, gen, &b);
    cr_assert_eq(memcmp(&a, &b, sizeof a), 0);
    cr_assert_eq(a.pages, 0);

    emu_cpu_set_x(h->cpu, 5, 1);
    emu_cpu_set_v(h->cpu, 3, (uint64_t[]){ 0, 1 });
    rr_state_hash(h->cpu, h->mem, gen, &b);
    cr_assert_neq(a.cpu, b.cpu);
    cr_assert_eq(a.ram, b.ram);
    GString *names = g_string_new(NULL);
    cr_assert_eq(rr_state_hash_diff(&a, &b, collect, names), 2);
    cr_assert_str_eq(names->str, "x5 v3");
    g_string_free(names, true);

    /* A system register is in the CPU hash, though not named. */
    emu_cpu_set_x(h->cpu, 5, 0);
    emu_cpu_set_v(h->cpu, 3, (uint64_t[]){ 0, 0 });
    rr_state_hash(h->cpu, h->mem, gen, &b);
    cr_assert_eq(a.cpu, b.cpu);
    h->cpu->sys.tpidr_el1 = 7;
    rr_state_hash(h->cpu, h->mem, gen, &b);
    cr_assert_neq(a.cpu, b.cpu);
    cr_assert_eq(rr_state_hash_diff(&a, &b, NULL, NULL), 0);
}

Test(statehash, ram_hash_covers_the_pages_written_since)
{
    uint32_t gen = emu_mem_new_generation(h->mem);
    RrStateHash a, b, c;
    rr_state_hash(h->cpu, h->mem, gen, &a);
    uint8_t byte = 1;
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_DATA + 100, &byte, 1));
    rr_state_hash(h->cpu, h->mem, gen, &b);
    cr_assert_eq(b.pages, 1);
    cr_assert_neq(a.ram, b.ram);
    byte = 2;
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_DATA + 100, &byte, 1));
    rr_state_hash(h->cpu, h->mem, gen, &c);
    cr_assert_eq(c.pages, 1);
    cr_assert_neq(b.ram, c.ram);
    cr_assert_eq(b.cpu, c.cpu);
    /* A later generation starts empty again. */
    gen = emu_mem_new_generation(h->mem);
    rr_state_hash(h->cpu, h->mem, gen, &c);
    cr_assert_eq(c.pages, 0);
    cr_assert_eq(c.ram, a.ram);
}

Test(statehash, group_fingerprint_covers_general_registers_pc_and_pstate)
{
    uint32_t f0 = rr_group_fingerprint(h->cpu);
    emu_cpu_set_v(h->cpu, 0, (uint64_t[]){ 1, 1 });
    cr_assert_eq(rr_group_fingerprint(h->cpu), f0);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE + 4);
    cr_assert_neq(rr_group_fingerprint(h->cpu), f0);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE);
    emu_cpu_set_x(h->cpu, 30, 9);
    cr_assert_neq(rr_group_fingerprint(h->cpu), f0);
}
