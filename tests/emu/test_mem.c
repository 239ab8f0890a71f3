/* tests/emu/test_mem.c — guest memory: write generations. */
#include <criterion/criterion.h>
#include <glib.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(mem, .init = setup, .fini = teardown, .timeout = 10);

/* The pages written since `gen`, as a string of page numbers relative to
 * HARNESS_DATA ("0 2"), for compact assertions. */
static char *written_since(uint32_t gen)
{
    uint64_t *pages;
    size_t n = emu_mem_written_since(h->mem, gen, &pages);
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        if (pages[i] < HARNESS_DATA)
            continue;               /* code and vectors */
        g_string_append_printf(s, "%s%llu", s->len ? " " : "",
                               (unsigned long long)((pages[i] - HARNESS_DATA) >> 12));
    }
    g_free(pages);
    return g_string_free(s, false);
}

Test(mem, generations_see_cpu_stores_through_the_tlb)
{
    /* str x1, [x2]; str x1, [x2]; (the second hits the TLB) */
    harness_code(h, (uint32_t[]){ 0xf9000041, 0xf9000041 }, 2);
    emu_cpu_set_x(h->cpu, 2, HARNESS_DATA + 0x2000);
    uint32_t g1 = emu_mem_new_generation(h->mem);
    cr_assert_eq(harness_run(h, 2), 2);
    char *s = written_since(g1);
    cr_assert_str_eq(s, "2");
    g_free(s);

    /* A new generation: the same store, now through a TLB entry filled in
     * the previous one, must still be seen; page 2 is not in the new
     * generation until then. */
    uint32_t g2 = emu_mem_new_generation(h->mem);
    cr_assert_eq(g2, g1 + 1);
    s = written_since(g2);
    cr_assert_str_eq(s, "");
    g_free(s);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE);
    cr_assert_eq(harness_run(h, 1), 1);  /* page 2 again */
    s = written_since(g2);
    cr_assert_str_eq(s, "2");
    g_free(s);
    emu_cpu_set_x(h->cpu, 2, HARNESS_DATA);
    cr_assert_eq(harness_run(h, 1), 1);  /* and page 0 */
    s = written_since(g2);              /* in address order */
    cr_assert_str_eq(s, "0 2");
    g_free(s);
}

Test(mem, generations_see_host_writes_and_skip_reads)
{
    uint32_t g = emu_mem_new_generation(h->mem);
    uint64_t v = 42;
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_DATA + 0x5ff8, &v, sizeof v));
    cr_assert(emu_mem_read_phys(h->mem, HARNESS_DATA + 0x7000, &v, 8));
    /* A write straddling two pages stamps both. */
    uint8_t buf[16] = { 0 };
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_DATA + 0x8ff8, buf, sizeof buf));
    char *s = written_since(g);
    cr_assert_str_eq(s, "5 8 9");
    g_free(s);
}

/* ---- Write marks, to the 8-byte granule ---------------------------------- */

/* The granules marked in the page of HARNESS_DATA, as "g g ..." */
static char *granules_taken(void)
{
    EmuPageWrites *w;
    size_t n = emu_mem_take_writes(h->mem, &w);
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        if (w[i].pa != HARNESS_DATA)
            continue;
        for (unsigned g = 0; g < EMU_GRANULES; g++)
            if (w[i].granules[g / 64] >> (g % 64) & 1)
                g_string_append_printf(s, "%s%u", s->len ? " " : "", g);
    }
    g_free(w);
    return g_string_free(s, false);
}

Test(mem, write_marks_name_the_granules_each_store_touched)
{
    emu_mem_track_writes(h->mem, true);
    /* str x1,[x2]; stur x1,[x2,#17]; strb w1,[x2,#39]; stp x1,x1,[x2,#64];
     * str x1,[x2] again (through the TLB) */
    harness_code(h, (uint32_t[]){ 0xf9000041, 0xf8011041, 0x39009c41, 0xa9040441, 0xf9000041 }, 5);
    emu_cpu_set_x(h->cpu, 2, HARNESS_DATA);
    cr_assert_eq(harness_run(h, 5), 5);
    char *s = granules_taken();
    cr_assert_str_eq(s, "0 2 3 4 8 9");
    g_free(s);
    /* Taken: the next take starts empty, and sees later stores, also
     * those that hit the TLB filled before the take. */
    s = granules_taken();
    cr_assert_str_eq(s, "");
    g_free(s);
    harness_code(h, (uint32_t[]){ 0xf9000041 }, 1);
    emu_cpu_set_x(h->cpu, 2, HARNESS_DATA + 0x100);
    cr_assert_eq(harness_run(h, 1), 1);
    s = granules_taken();
    cr_assert_str_eq(s, "32");
    g_free(s);
    /* A debugger's or a loader's write marks what it wrote. */
    uint8_t buf[20] = { 0 };
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_DATA + 4, buf, sizeof buf));
    s = granules_taken();
    cr_assert_str_eq(s, "0 1 2");
    g_free(s);
    /* Off: nothing is kept. */
    emu_mem_track_writes(h->mem, false);
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_DATA, buf, 8));
    s = granules_taken();
    cr_assert_str_eq(s, "");
    g_free(s);
}
