/* tests/snapshots/test_pages.c — RAM shared copy-on-write with snapshots:
 * a capture copies only the pages written since the last capture or
 * restore, a restore rewrites only the pages that differ, and every
 * snapshot reads back exactly what RAM held when it was taken. */
#include <criterion/criterion.h>
#include <glib.h>
#include <string.h>

#include "snapshots/pages.h"

#define BASE 0x40000000ull
#define NPAGES 256

static void fill(EmuMem *mem, size_t page, uint8_t v)
{
    uint8_t buf[EMU_PAGE_SIZE];
    memset(buf, v, sizeof buf);
    cr_assert(emu_mem_write_phys(mem, BASE + page * EMU_PAGE_SIZE, buf, sizeof buf));
}

/* RAM equals `want` (a byte per page, 0: all zero). */
static void assert_ram(EmuMem *mem, const uint8_t want[NPAGES])
{
    for (size_t p = 0; p < NPAGES; p++) {
        const uint8_t *d = emu_mem_page_for_read(mem, BASE + p * EMU_PAGE_SIZE);
        for (size_t k = 0; k < EMU_PAGE_SIZE; k += 511)
            cr_assert_eq(d[k], want[p], "page %zu byte %zu: %u, want %u", p, k, d[k], want[p]);
    }
}

Test(snap_pages, capture_copies_what_was_written_and_restore_what_differs)
{
    EmuMem *mem = emu_mem_new(BASE, NPAGES * EMU_PAGE_SIZE);
    SnapRam *ram = snap_ram_new(mem);
    uint8_t state[3][NPAGES] = { { 0 } };
    fill(mem, 3, 0x33), fill(mem, 7, 0x77);
    state[0][3] = 0x33, state[0][7] = 0x77;
    SnapPages *s0 = snap_ram_capture(ram);
    cr_assert_eq(snap_pages_own_bytes(s0) / EMU_PAGE_SIZE, 2);

    memcpy(state[1], state[0], NPAGES);
    fill(mem, 7, 0x78), fill(mem, 100, 0x64);
    state[1][7] = 0x78, state[1][100] = 0x64;
    SnapPages *s1 = snap_ram_capture(ram);
    cr_assert_eq(snap_pages_own_bytes(s1) / EMU_PAGE_SIZE, 2, "only pages 7 and 100 are new");
    cr_assert_eq(snap_pages_data(s1, 3), snap_pages_data(s0, 3), "page 3 is shared");

    memcpy(state[2], state[1], NPAGES);
    fill(mem, 3, 0), fill(mem, 200, 0xc8);
    state[2][3] = 0, state[2][200] = 0xc8;
    SnapPages *s2 = snap_ram_capture(ram);

    fill(mem, 50, 0x50);                             /* not in any snapshot */
    cr_assert_eq(snap_ram_restore(ram, s0), 5, "pages 3, 7, 50, 100, 200 differ from s0");
    assert_ram(mem, state[0]);
    cr_assert_eq(snap_ram_restore(ram, s0), 0, "nothing differs from itself");
    cr_assert_eq(snap_ram_restore(ram, s2), 4, "pages 3, 7, 100, 200 differ from s2");
    assert_ram(mem, state[2]);
    fill(mem, 7, 0x11);
    cr_assert_eq(snap_ram_restore(ram, s1), 3, "pages 3, 7, 200 differ from s1");
    assert_ram(mem, state[1]);

    /* A snapshot outlives those it shares with. */
    snap_pages_unref(s0);
    snap_pages_unref(s1);
    fill(mem, 9, 0x99);
    snap_ram_restore(ram, s2);
    assert_ram(mem, state[2]);
    snap_pages_unref(s2);
    snap_ram_free(ram);
    emu_mem_free(mem);
}

/* Random writes, a capture after each burst, then every snapshot restored
 * in a random order reads back exactly. */
Test(snap_pages, random_bursts_restore_exactly)
{
    EmuMem *mem = emu_mem_new(BASE, NPAGES * EMU_PAGE_SIZE);
    SnapRam *ram = snap_ram_new(mem);
    enum { SNAPS = 20 };
    SnapPages *snaps[SNAPS];
    uint8_t state[SNAPS][NPAGES];
    uint8_t now[NPAGES] = { 0 };
    GRand *rng = g_rand_new_with_seed(7);
    for (int s = 0; s < SNAPS; s++) {
        for (int k = g_rand_int_range(rng, 0, 30); k > 0; k--) {
            size_t p = (size_t)g_rand_int_range(rng, 0, NPAGES);
            now[p] = (uint8_t)g_rand_int_range(rng, 0, 256);
            fill(mem, p, now[p]);
        }
        snaps[s] = snap_ram_capture(ram);
        memcpy(state[s], now, NPAGES);
    }
    for (int k = 0; k < 100; k++) {
        int s = g_rand_int_range(rng, 0, SNAPS);
        snap_ram_restore(ram, snaps[s]);
        assert_ram(mem, state[s]);
        size_t p = (size_t)g_rand_int_range(rng, 0, NPAGES);
        fill(mem, p, 0xee);
    }
    for (int s = 0; s < SNAPS; s++)
        snap_pages_unref(snaps[s]);
    g_rand_free(rng);
    snap_ram_free(ram);
    emu_mem_free(mem);
}
