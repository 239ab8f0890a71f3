/* tests/snapshots/test_snapshot.c — whole-machine snapshots on real guest
 * programs (tests/guest/, found in REWIND_GUEST_DIR, which `make unit`
 * sets, or build/guest): taken mid-run, the run goes on to its end, the snapshot is
 * restored, and the state hash equals the one at the snapshot and the
 * second run's output, end and final state equal the first's. The guests
 * between them drive every device: the GIC and the generic timer (sched,
 * irq), the UART's receive FIFO and interrupt (irq, echo), the RTC (rtc),
 * semihosting (loop-O2-semi). The same through a persisted vmstate with
 * RAM, loaded into a fresh machine. */
#include <criterion/criterion.h>
#include <glib.h>
#include <string.h>

#include "replay/statehash.h"
#include "snapshots/snapshot.h"
#include "snapshots/vmstate.h"
#include "tests/replay/machinehash.h"
#include "tests/replay/testdir.h"

typedef struct Run {
    EmuMachine *m;
    GString *out;
    GBytes *input;               /* fed to the UART as it takes it */
    size_t fed;
} Run;

static void serial_out(void *opaque, uint8_t byte)
{
    g_string_append_c(((Run *)opaque)->out, (char)byte);
}

static void console_out(void *opaque, const uint8_t *buf, size_t len)
{
    g_string_append_len(((Run *)opaque)->out, (const char *)buf, (gssize)len);
}

static uint64_t fixed_clock(void *opaque) { return 1700000000; }

static char *guest_path(const char *name)
{
    const char *dir = g_getenv("REWIND_GUEST_DIR");
    char *path = g_strdup_printf("%s/%s.elf", dir ? dir : "build/guest", name);
    cr_assert(g_file_test(path, G_FILE_TEST_EXISTS), "%s: no such guest (make unit builds it; "
              "REWIND_GUEST_DIR names where, default build/guest)", path);
    return path;
}

static char *input_path(const char *file)
{
    return g_strdup_printf("tests/guest/%s", file);
}

static void run_init(Run *r, const char *guest, const char *input, bool semihosting)
{
    memset(r, 0, sizeof *r);
    r->out = g_string_new(NULL);
    EmuMachineConfig cfg = { .serial_out = serial_out, .console_out = console_out,
                             .host_seconds = fixed_clock, .semihosting = semihosting,
                             .opaque = r };
    GError *err = NULL;
    r->m = emu_machine_new(&cfg, &err);
    g_autofree char *elf = guest_path(guest);
    cr_assert(r->m && emu_machine_load_elf(r->m, elf, &err), "%s", err ? err->message : "");
    if (input) {
        g_autofree char *path = input_path(input), *data = NULL;
        gsize len;
        cr_assert(g_file_get_contents(path, &data, &len, &err), "%s", err ? err->message : "");
        r->input = g_bytes_new(data, len);
    }
}

static void run_deinit(Run *r)
{
    emu_machine_free(r->m);
    g_string_free(r->out, true);
    if (r->input)
        g_bytes_unref(r->input);
}

/* Run to `until` instructions or the end, in slices of 1000, handing the
 * UART what it takes at each slice's start (so at the same icounts every
 * time). Returns the machine's last event. */
static EmuMachineEvent run_to(Run *r, uint64_t until)
{
    EmuMachineEvent ev = EMU_MACHINE_BUDGET;
    while (emu_machine_icount(r->m) < until) {
        if (r->input && r->fed < g_bytes_get_size(r->input)) {
            size_t len;
            const uint8_t *in = g_bytes_get_data(r->input, &len);
            r->fed += emu_pl011_receive(emu_machine_uart(r->m), in + r->fed, len - r->fed);
        }
        uint64_t left = until - emu_machine_icount(r->m);
        ev = emu_machine_run(r->m, left < 1000 ? left : 1000);
        if (ev == EMU_MACHINE_IDLE && r->input && r->fed < g_bytes_get_size(r->input))
            continue;                    /* waits for input still to come */
        if (ev != EMU_MACHINE_BUDGET)
            break;
    }
    return ev;
}

static void hash(Run *r, RrStateHash *h) { machine_hash(r->m, h); }

static GBytes *vmstate(EmuMachine *m)
{
    SnapStream *s = snap_stream_new_writer();
    snap_vmstate_save(m, s, false);
    GError *err = NULL;
    GBytes *b = snap_stream_steal(s, &err);
    snap_stream_free(s);
    cr_assert(b, "%s", err ? err->message : "");
    return b;
}

static void assert_same_hash(const RrStateHash *a, const RrStateHash *b, const char *what)
{
    cr_assert(a->cpu == b->cpu && a->ram == b->ram && a->pages == b->pages,
              "%s: cpu %016lx/%016lx ram %016lx/%016lx pages %lu/%lu", what,
              (unsigned long)a->cpu, (unsigned long)b->cpu, (unsigned long)a->ram,
              (unsigned long)b->ram, (unsigned long)a->pages, (unsigned long)b->pages);
}

/* Take a snapshot at `at`, run to the end, restore, run to the end again. */
static void round_trip(const char *guest, const char *input, bool semihosting, uint64_t at)
{
    Run r;
    run_init(&r, guest, input, semihosting);
    SnapRam *ram = snap_ram_new(emu_machine_mem(r.m));
    cr_assert_eq(run_to(&r, at), EMU_MACHINE_BUDGET, "%s ended before icount %lu", guest,
                 (unsigned long)at);
    RrStateHash h0, h1, h2;
    hash(&r, &h0);
    GBytes *dev0 = vmstate(r.m);
    SnapState *snap = snap_state_take(ram, r.m);
    size_t fed0 = r.fed, out0 = r.out->len;

    EmuMachineEvent end1 = run_to(&r, UINT64_MAX);
    uint64_t icount1 = emu_machine_icount(r.m);
    g_autofree char *out1 = g_strdup(r.out->str);
    hash(&r, &h1);
    cr_assert(end1 == EMU_MACHINE_POWEROFF || end1 == EMU_MACHINE_EXIT, "%s: event %d", guest, end1);
    cr_assert(strstr(out1, ": ok"), "%s did not finish well:\n%s", guest, out1);

    GError *err = NULL;
    cr_assert(snap_state_restore(ram, r.m, snap, &err), "%s", err ? err->message : "");
    cr_assert_eq(emu_machine_icount(r.m), at);
    hash(&r, &h2);
    assert_same_hash(&h0, &h2, "state after restore");
    GBytes *dev2 = vmstate(r.m);
    cr_assert(g_bytes_equal(dev0, dev2), "%s: device state differs after restore", guest);

    r.fed = fed0;
    g_string_truncate(r.out, out0);
    EmuMachineEvent end2 = run_to(&r, UINT64_MAX);
    cr_assert_eq(end2, end1);
    cr_assert_eq(emu_machine_icount(r.m), icount1);
    cr_assert_str_eq(r.out->str, out1);
    hash(&r, &h2);
    assert_same_hash(&h1, &h2, "final state after restore and rerun");

    g_bytes_unref(dev0);
    g_bytes_unref(dev2);
    snap_state_unref(snap);
    snap_ram_free(ram);
    run_deinit(&r);
}

TestSuite(snapshot, .timeout = 60);

Test(snapshot, sched_timer_and_gic) { round_trip("sched-O2-uart", NULL, false, 3000000); }
Test(snapshot, irq_uart_sgi_timer) { round_trip("irq-O2-uart", "irq.in", false, 60000); }
Test(snapshot, echo_uart_fifo) { round_trip("echo-O2-uart", "echo.in", false, 40000); }
Test(snapshot, rtc) { round_trip("rtc-O2-uart", NULL, false, 20000); }
Test(snapshot, semihosting) { round_trip("loop-O2-semi", NULL, true, 1000000); }

/* Snapshots taken one after another share what they did not write; going
 * back restores only what differs. */
Test(snapshot, chain_of_snapshots_each_restores_exactly)
{
    Run r;
    run_init(&r, "sched-O2-uart", NULL, false);
    SnapRam *ram = snap_ram_new(emu_machine_mem(r.m));
    SnapState *snaps[6];
    RrStateHash hashes[6];
    for (int i = 0; i < 6; i++) {
        cr_assert_eq(run_to(&r, 500000 * (uint64_t)(i + 1)), EMU_MACHINE_BUDGET);
        snaps[i] = snap_state_take(ram, r.m);
        hash(&r, &hashes[i]);
    }
    /* After the first, each holds only the pages written since the last. */
    for (int i = 1; i < 6; i++)
        cr_assert_lt(snap_state_own_bytes(snaps[i]), 64 * 4096u,
                     "snapshot %d holds %zu bytes", i, snap_state_own_bytes(snaps[i]));
    GError *err = NULL;
    const int order[] = { 2, 5, 0, 3, 3, 1, 4 };
    for (size_t k = 0; k < G_N_ELEMENTS(order); k++) {
        int i = order[k];
        cr_assert(snap_state_restore(ram, r.m, snaps[i], &err), "%s", err ? err->message : "");
        RrStateHash h;
        hash(&r, &h);
        assert_same_hash(&hashes[i], &h, "restored snapshot");
        run_to(&r, emu_machine_icount(r.m) + 12345);     /* disturb, then go elsewhere */
    }
    for (int i = 0; i < 6; i++)
        snap_state_unref(snaps[i]);
    snap_ram_free(ram);
    run_deinit(&r);
}

/* Persisted with RAM, loaded into a machine that never ran: it continues
 * as the original does. */
Test(snapshot, vmstate_with_ram_into_a_fresh_machine)
{
    char *dir = testdir_new("rewind-vmstate-XXXXXX");
    g_autofree char *path = g_build_filename(dir, "state.vm", NULL);
    Run a, b;
    run_init(&a, "irq-O2-uart", "irq.in", false);
    cr_assert_eq(run_to(&a, 70000), EMU_MACHINE_BUDGET);
    GError *err = NULL;
    SnapStream *s = snap_stream_new_file_writer(path, &err);
    cr_assert(s, "%s", err ? err->message : "");
    snap_vmstate_save(a.m, s, true);
    cr_assert(snap_stream_finish(s, &err), "%s", err ? err->message : "");
    snap_stream_free(s);
    RrStateHash ha, hb;
    hash(&a, &ha);

    run_init(&b, "irq-O2-uart", "irq.in", false);
    /* Some RAM of b's own, which the load must zero. */
    cr_assert(emu_mem_write_phys(emu_machine_mem(b.m), 0x47000000, "junk", 4));
    s = snap_stream_new_file_reader(path, &err);
    cr_assert(s, "%s", err ? err->message : "");
    cr_assert(snap_vmstate_load(b.m, s, &err), "%s", err ? err->message : "");
    snap_stream_free(s);
    hash(&b, &hb);
    assert_same_hash(&ha, &hb, "loaded state");
    b.fed = a.fed;
    run_to(&a, UINT64_MAX);
    run_to(&b, UINT64_MAX);
    cr_assert_eq(emu_machine_icount(a.m), emu_machine_icount(b.m));
    cr_assert(g_str_has_suffix(a.out->str, b.out->str) && b.out->len > 0);
    hash(&a, &ha);
    hash(&b, &hb);
    assert_same_hash(&ha, &hb, "final state");
    run_deinit(&a);
    run_deinit(&b);
    testdir_remove(dir);
}
