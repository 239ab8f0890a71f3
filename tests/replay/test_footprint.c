/* tests/replay/test_footprint.c — the index of what stretches of a
 * recording wrote and ran: coverage, and where the last touch can be. */
#include <criterion/criterion.h>
#include <glib.h>

#include "replay/footprint.h"

#define PAGE 0x40003000ull

/* A stretch [from, to) that wrote granule `g` of PAGE (none if g < 0) and
 * ran word `w` of PAGE (none if w < 0). */
static void add(RrFootprint *f, uint64_t from, uint64_t to, int g, int w)
{
    EmuPageWrites *pw = NULL;
    EmuPageExecs *px = NULL;
    if (g >= 0) {
        pw = g_new0(EmuPageWrites, 1);
        pw->pa = PAGE;
        pw->granules[g / 64] |= 1ull << (g % 64);
    }
    if (w >= 0) {
        px = g_new0(EmuPageExecs, 1);
        px->pa = PAGE;
        px->slots[w / 64] |= 1ull << (w % 64);
    }
    rr_footprint_add(f, from, to, pw, g >= 0, px, w >= 0);
}

Test(footprint, coverage_needs_every_part_known)
{
    RrFootprint *f = rr_footprint_new();
    add(f, 0, 100, -1, -1);
    add(f, 100, 200, -1, -1);
    add(f, 300, 400, -1, -1);
    cr_assert(rr_footprint_known(f, 0, 200));
    cr_assert(rr_footprint_known(f, 50, 150));
    cr_assert_not(rr_footprint_known(f, 150, 350));
    /* Overlapping stretches (a part replayed again) cover too. */
    add(f, 150, 320, -1, -1);
    cr_assert(rr_footprint_known(f, 0, 400));
    cr_assert_gt(rr_footprint_bytes(f), 0);
    rr_footprint_free(f);
}

Test(footprint, a_write_is_seen_to_the_granule)
{
    RrFootprint *f = rr_footprint_new();
    add(f, 0, 100, 15, -1);          /* bytes 120..127 */
    add(f, 100, 200, 16, -1);        /* bytes 128..135 */
    RrTouch t = { .pa = PAGE + 120, .len = 8 };
    cr_assert_not(rr_footprint_none(f, 0, 200, &t));
    cr_assert(rr_footprint_none(f, 100, 200, &t));
    RrTouch wide = { .pa = PAGE + 127, .len = 2 };   /* spans both granules */
    cr_assert_not(rr_footprint_none(f, 100, 200, &wide));
    RrTouch other = { .pa = PAGE + 0x800, .len = 8 };
    cr_assert(rr_footprint_none(f, 0, 200, &other));
    /* Not known: never "none". */
    cr_assert_not(rr_footprint_none(f, 0, 300, &other));
    RrTouch empty = { .pa = PAGE, .len = 0 };
    cr_assert_not(rr_footprint_none(f, 0, 100, &empty));
    rr_footprint_free(f);
}

Test(footprint, the_last_touch_is_narrowed_to_one_stretch)
{
    RrFootprint *f = rr_footprint_new();
    add(f, 0, 100, 3, 7);
    add(f, 100, 200, -1, -1);
    add(f, 200, 300, 4, 8);
    add(f, 300, 400, -1, -1);
    uint64_t lo, hi;
    RrTouch w3 = { .pa = PAGE + 24, .len = 8 };
    rr_footprint_last(f, 0, 400, &w3, 1, &lo, &hi);
    cr_assert(lo == 0 && hi == 100, "[%lu, %lu)", (unsigned long)lo, (unsigned long)hi);
    RrTouch x8 = { .pa = PAGE + 32, .exec = true };
    rr_footprint_last(f, 0, 400, &x8, 1, &lo, &hi);
    cr_assert(lo == 200 && hi == 300);
    /* Two touches: the later one's stretch, and the earlier's start. */
    RrTouch both[2] = { w3, x8 };
    rr_footprint_last(f, 0, 400, both, 2, &lo, &hi);
    cr_assert(lo == 0 && hi == 300);
    /* Untouched: nowhere. */
    RrTouch x9 = { .pa = PAGE + 36, .exec = true };
    rr_footprint_last(f, 0, 400, &x9, 1, &lo, &hi);
    cr_assert(lo == 0 && hi == 0);
    /* An unknown part before the known clear ones: all of it may hold it. */
    rr_footprint_last(f, 0, 500, &x9, 1, &lo, &hi);
    cr_assert(lo == 0 && hi == 500);
    RrTouch late = { .pa = PAGE + 24, .len = 8 };
    rr_footprint_last(f, 150, 400, &late, 1, &lo, &hi);
    cr_assert(lo == 150 && hi == 150);
    rr_footprint_free(f);
}

/* Over its budget, the index merges neighbours (what they did is kept:
 * the last touch is found, in a longer stretch), then forgets the oldest. */
Test(footprint, a_budget_merges_neighbours_then_forgets_the_oldest)
{
    RrFootprint *f = rr_footprint_new();
    for (int i = 0; i < 8; i++)
        add(f, 100 * i, 100 * (i + 1), i == 2 ? 3 : 40 + i, i == 5 ? 7 : -1);
    size_t all = rr_footprint_bytes(f);
    rr_footprint_set_budget(f, all * 6 / 10);     /* every pair merged once */
    cr_assert_leq(rr_footprint_bytes(f), all * 6 / 10);
    cr_assert(rr_footprint_known(f, 0, 800));
    uint64_t lo, hi;
    RrTouch w3 = { .pa = PAGE + 24, .len = 8 };
    rr_footprint_last(f, 0, 800, &w3, 1, &lo, &hi);
    cr_assert(lo == 200 && hi == 400, "[%lu, %lu)", (unsigned long)lo, (unsigned long)hi);
    RrTouch x7 = { .pa = PAGE + 28, .exec = true };
    rr_footprint_last(f, 0, 800, &x7, 1, &lo, &hi);
    cr_assert(lo == 400 && hi == 600, "[%lu, %lu)", (unsigned long)lo, (unsigned long)hi);
    RrTouch w47 = { .pa = PAGE + 47 * 8, .len = 8 };    /* the last stretch's write */
    rr_footprint_last(f, 0, 800, &w47, 1, &lo, &hi);
    cr_assert(lo == 600 && hi == 800, "[%lu, %lu)", (unsigned long)lo, (unsigned long)hi);
    /* Granules stay apart: 4 (byte 32) was never written. */
    RrTouch w4 = { .pa = PAGE + 32, .len = 8 };
    cr_assert(rr_footprint_none(f, 0, 800, &w4));
    /* Down to one stretch, then to nothing known. */
    rr_footprint_set_budget(f, 1);
    cr_assert_eq(rr_footprint_bytes(f), 0);
    cr_assert_not(rr_footprint_known(f, 0, 100));
    rr_footprint_free(f);
}
