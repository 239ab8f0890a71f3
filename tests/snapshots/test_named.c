/* tests/snapshots/test_named.c — snapshots/named: savevm/loadvm/delvm on
 * real guest programs (tests/guest/, found in REWIND_GUEST_DIR or
 * build/guest). A snapshot loaded brings back the state hash of its save
 * and the run goes on to the same end, also in a fresh machine after the
 * file was closed; the file passes `qemu-img check` and `qemu-img snapshot
 * -l` lists our names and icounts; replacing and deleting keep it so; a
 * disk's data stays; a damaged vmstate, an unknown name, another machine's
 * state or a file that is not qcow2 give one clear error each and leave
 * the machine as it was. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "replay/statehash.h"
#include "snapshots/named.h"
#include "tests/replay/machinehash.h"
#include "snapshots/qcow2.h"
#include "snapshots/stream.h"
#include "snapshots/vmstate.h"
#include "tests/replay/testdir.h"

#define QEMU_IMG "/usr/bin/qemu-img"

static char *dir;

static void setup(void) { dir = testdir_new("rewind-named-XXXXXX"); }
static void teardown(void) { testdir_remove(dir); }

TestSuite(snap_named, .init = setup, .fini = teardown, .timeout = 120);

/* ---- Running guests (as tests/snapshots/test_snapshot.c) ---- */

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
    const char *gdir = g_getenv("REWIND_GUEST_DIR");
    char *path = g_strdup_printf("%s/%s.elf", gdir ? gdir : "build/guest", name);
    cr_assert(g_file_test(path, G_FILE_TEST_EXISTS), "%s: no such guest (make unit builds it; "
              "REWIND_GUEST_DIR names where, default build/guest)", path);
    return path;
}

static void run_init_ram(Run *r, const char *guest, const char *input, uint64_t ram_size)
{
    memset(r, 0, sizeof *r);
    r->out = g_string_new(NULL);
    EmuMachineConfig cfg = { .serial_out = serial_out, .console_out = console_out,
                             .host_seconds = fixed_clock, .ram_size = ram_size, .opaque = r };
    GError *err = NULL;
    r->m = emu_machine_new(&cfg, &err);
    g_autofree char *elf = guest_path(guest);
    cr_assert(r->m && emu_machine_load_elf(r->m, elf, &err), "%s", err ? err->message : "");
    if (input) {
        g_autofree char *path = g_strdup_printf("tests/guest/%s", input), *data = NULL;
        gsize len;
        cr_assert(g_file_get_contents(path, &data, &len, &err), "%s", err ? err->message : "");
        r->input = g_bytes_new(data, len);
    }
}

static void run_init(Run *r, const char *guest, const char *input)
{
    run_init_ram(r, guest, input, 0);
}

static void run_deinit(Run *r)
{
    emu_machine_free(r->m);
    g_string_free(r->out, true);
    if (r->input)
        g_bytes_unref(r->input);
}

/* Run to `until` instructions or the end, in slices of 1000, handing the
 * UART what it takes at each slice's start. Returns the last event. */
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
            continue;
        if (ev != EMU_MACHINE_BUDGET)
            break;
    }
    return ev;
}

static void hash(Run *r, RrStateHash *h) { machine_hash(r->m, h); }

/* The devices' and CPU's state (no RAM), to compare whole. */
static GBytes *devices(EmuMachine *m)
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

/* ---- Files and tools ---- */

static const char *in_dir(const char *name)
{
    static GPtrArray *keep;
    if (!keep)
        keep = g_ptr_array_new_with_free_func(g_free);
    char *p = g_build_filename(dir, name, NULL);
    g_ptr_array_add(keep, p);
    return p;
}

/* Run a program (NULL-terminated arguments): its exit status, with its
 * stdout and stderr together in *out (g_free). */
static int run_prog(char **out, const char *prog, ...)
{
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)prog);
    va_list ap;
    va_start(ap, prog);
    const char *a;
    while ((a = va_arg(ap, const char *)))
        g_ptr_array_add(argv, (char *)a);
    va_end(ap);
    g_ptr_array_add(argv, NULL);
    char *so = NULL, *se = NULL;
    int status = -1;
    GError *err = NULL;
    bool ok = g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &so, &se,
                           &status, &err);
    cr_assert(ok, "cannot run %s: %s", prog, err ? err->message : "");
    g_ptr_array_free(argv, true);
    *out = g_strconcat(so, se, NULL);
    g_free(so);
    g_free(se);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void assert_check_clean(const char *path)
{
    char *out;
    int rc = run_prog(&out, QEMU_IMG, "check", path, NULL);
    cr_assert(rc == 0 && strstr(out, "No errors were found"), "qemu-img check %s (exit %d):\n%s", path, rc, out);
    g_free(out);
}

/* `qemu-img snapshot -l`: its output (g_free), and its rows' TAG and
 * ICOUNT columns (the last; -1 when empty) in names/icounts (up to 8). */
static char *qemu_list(const char *path, char **names, int64_t *icounts, size_t *n)
{
    char *out;
    int rc = run_prog(&out, QEMU_IMG, "snapshot", "-l", path, NULL);
    cr_assert_eq(rc, 0, "qemu-img snapshot -l %s:\n%s", path, out);
    *n = 0;
    char **lines = g_strsplit(out, "\n", -1);
    for (char **l = lines; *l; l++) {
        if (!g_ascii_isdigit((*l)[0]))
            continue;                       /* "Snapshot list:", the header */
        cr_assert_lt(*n, 8);
        char **f = g_strsplit_set(*l, " ", -1);
        GPtrArray *w = g_ptr_array_new();
        for (char **p = f; *p; p++)
            if (**p)
                g_ptr_array_add(w, *p);
        /* ID TAG SIZE UNIT DATE TIME CLOCK [ICOUNT] */
        cr_assert(w->len == 7 || w->len == 8, "unexpected row: %s", *l);
        names[*n] = g_strdup(w->pdata[1]);
        icounts[*n] = w->len == 8 ? g_ascii_strtoll(w->pdata[7], NULL, 10) : -1;
        (*n)++;
        g_ptr_array_free(w, true);
        g_strfreev(f);
    }
    g_strfreev(lines);
    return out;
}

static SnapNamed *open_ok(const char *path, uint64_t create_size)
{
    GError *err = NULL;
    SnapNamed *n = snap_named_open(path, create_size, &err);
    cr_assert_not_null(n, "%s", err ? err->message : "");
    return n;
}

static void close_ok(SnapNamed *n)
{
    GError *err = NULL;
    cr_assert(snap_named_close(n, &err), "%s", err ? err->message : "");
}

static void save_ok(SnapNamed *n, const char *name, EmuMachine *m)
{
    GError *err = NULL;
    cr_assert(snap_named_save(n, name, m, &err), "%s", err ? err->message : "");
}

static void load_ok(SnapNamed *n, const char *name, EmuMachine *m)
{
    GError *err = NULL;
    cr_assert(snap_named_load(n, name, m, &err), "%s", err ? err->message : "");
}

/* A load that must fail with `code` of `domain`, its message holding each
 * of the NULL-terminated strings, and leave the machine as it was. */
static void assert_load_fails(SnapNamed *n, const char *name, Run *r, GQuark domain, int code, ...)
{
    RrStateHash h0, h1;
    hash(r, &h0);
    GBytes *d0 = devices(r->m);
    GError *err = NULL;
    cr_assert_not(snap_named_load(n, name, r->m, &err), "loading \"%s\" worked", name);
    cr_assert_not_null(err);
    cr_assert(err->domain == domain && err->code == code, "\"%s\": error %s/%d: %s", name,
              g_quark_to_string(err->domain), err->code, err->message);
    va_list ap;
    va_start(ap, code);
    const char *want;
    while ((want = va_arg(ap, const char *)))
        cr_assert(strstr(err->message, want), "\"%s\": no \"%s\" in the error: %s", name, want, err->message);
    va_end(ap);
    cr_log_info("loadvm %s: %s", name, err->message);
    g_error_free(err);
    hash(r, &h1);
    assert_same_hash(&h0, &h1, "after a failed load");
    GBytes *d1 = devices(r->m);
    cr_assert(g_bytes_equal(d0, d1), "device state changed by a failed load");
    g_bytes_unref(d0);
    g_bytes_unref(d1);
}

/* ---- Tests ---- */

/* savevm at X, run to the end, loadvm: the state at X, and the same run
 * to the same end. */
Test(snap_named, load_brings_back_the_saved_state_and_the_same_run)
{
    const uint64_t at = 3000000;
    const char *path = in_dir(SNAP_NAMED_FILE);
    Run r;
    run_init(&r, "sched-O2-uart", NULL);
    cr_assert_eq(run_to(&r, at), EMU_MACHINE_BUDGET);
    RrStateHash h0, h1, h2;
    hash(&r, &h0);
    GBytes *d0 = devices(r.m);
    size_t out0 = r.out->len;

    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    gint64 t0 = g_get_monotonic_time();
    save_ok(n, "mid", r.m);
    gint64 t1 = g_get_monotonic_time();
    cr_assert_eq(snap_named_count(n), 1);
    SnapNamedInfo info;
    snap_named_info(n, 0, &info);
    cr_assert_str_eq(info.name, "mid");
    cr_assert_eq(info.icount, (int64_t)at);
    cr_assert_geq(info.vm_clock_ns, at);
    uint64_t now_ns = (uint64_t)g_get_real_time() * 1000;
    cr_assert(info.date_ns <= now_ns && info.date_ns + 60 * G_GUINT64_CONSTANT(1000000000) > now_ns);
    cr_assert_gt(info.vmstate_size, (uint64_t)h0.pages * EMU_PAGE_SIZE);

    EmuMachineEvent end1 = run_to(&r, UINT64_MAX);
    uint64_t icount1 = emu_machine_icount(r.m);
    g_autofree char *out1 = g_strdup(r.out->str);
    hash(&r, &h1);
    cr_assert(end1 == EMU_MACHINE_POWEROFF || end1 == EMU_MACHINE_EXIT, "event %d", end1);
    cr_assert(strstr(out1, ": ok"), "the guest did not finish well:\n%s", out1);

    gint64 t2 = g_get_monotonic_time();
    load_ok(n, "mid", r.m);
    gint64 t3 = g_get_monotonic_time();
    cr_assert_eq(emu_machine_icount(r.m), at);
    hash(&r, &h2);
    assert_same_hash(&h0, &h2, "state after loadvm");
    GBytes *d2 = devices(r.m);
    cr_assert(g_bytes_equal(d0, d2), "device state differs after loadvm");

    g_string_truncate(r.out, out0);
    cr_assert_eq(run_to(&r, UINT64_MAX), end1);
    cr_assert_eq(emu_machine_icount(r.m), icount1);
    cr_assert_str_eq(r.out->str, out1);
    hash(&r, &h2);
    assert_same_hash(&h1, &h2, "final state after loadvm and rerun");
    close_ok(n);

    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    cr_log_info("sched-O2-uart at icount %" PRIu64 ": %" PRIu64 " RAM pages, vmstate %" PRIu64 " bytes, file %lld "
                "bytes; savevm %.1f ms, loadvm %.1f ms", at, (uint64_t)h0.pages, info.vmstate_size,
                (long long)st.st_size, (t1 - t0) / 1000.0, (t3 - t2) / 1000.0);
    assert_check_clean(path);
    g_bytes_unref(d0);
    g_bytes_unref(d2);
    run_deinit(&r);
}

/* Closed, opened again (create_size 0: it must exist) and loaded into a
 * machine that never ran: it continues as the original does. */
Test(snap_named, persists_into_a_fresh_machine)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    Run a, b;
    run_init(&a, "irq-O2-uart", "irq.in");
    cr_assert_eq(run_to(&a, 70000), EMU_MACHINE_BUDGET);
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    save_ok(n, "irq", a.m);
    close_ok(n);
    RrStateHash ha, hb;
    hash(&a, &ha);

    run_init(&b, "irq-O2-uart", "irq.in");
    cr_assert(emu_mem_write_phys(emu_machine_mem(b.m), 0x47000000, "junk", 4));   /* must be zeroed */
    n = open_ok(path, 0);
    load_ok(n, "irq", b.m);
    close_ok(n);
    hash(&b, &hb);
    assert_same_hash(&ha, &hb, "loaded state");
    b.fed = a.fed;
    EmuMachineEvent ea = run_to(&a, UINT64_MAX), eb = run_to(&b, UINT64_MAX);
    cr_assert_eq(ea, eb);
    cr_assert_eq(emu_machine_icount(a.m), emu_machine_icount(b.m));
    cr_assert(b.out->len > 0 && g_str_has_suffix(a.out->str, b.out->str), "a:\n%s\nb:\n%s", a.out->str,
              b.out->str);
    hash(&a, &ha);
    hash(&b, &hb);
    assert_same_hash(&ha, &hb, "final state");
    run_deinit(&a);
    run_deinit(&b);
}

/* qemu-img accepts the file and lists our names with our icounts, also
 * after a replace and a delete; our listing reads as its. */
Test(snap_named, qemu_img_checks_and_lists_our_icounts)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    Run r;
    run_init(&r, "sched-O2-uart", NULL);
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    cr_assert_eq(snap_named_count(n), 0);
    g_autofree char *empty = snap_named_format_list(n);
    cr_assert_str_eq(empty, "There is no snapshot available.\n");
    const uint64_t at[] = { 100000, 400000, 900000 };
    const char *names[] = { "boot", "later", "third" };
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(run_to(&r, at[i]), EMU_MACHINE_BUDGET);
        save_ok(n, names[i], r.m);
    }
    g_autofree char *ours = snap_named_format_list(n);
    close_ok(n);
    assert_check_clean(path);
    char *tags[8];
    int64_t icounts[8];
    size_t count;
    g_autofree char *out = qemu_list(path, tags, icounts, &count);
    cr_assert_eq(count, 3, "%s", out);
    for (size_t i = 0; i < 3; i++) {
        cr_assert_str_eq(tags[i], names[i], "%s", out);
        cr_assert_eq(icounts[i], (int64_t)at[i], "%s", out);
        g_free(tags[i]);
    }
    cr_assert(g_str_has_suffix(out, ours), "qemu-img:\n%s\nours:\n%s", out, ours);
    cr_log_info("qemu-img snapshot -l:\n%s", out);

    /* Replace "boot" at a later icount, delete "later". */
    n = open_ok(path, 0);
    cr_assert_eq(run_to(&r, 1500000), EMU_MACHINE_BUDGET);
    RrStateHash h;
    hash(&r, &h);
    save_ok(n, "boot", r.m);
    GError *err = NULL;
    cr_assert(snap_named_delete(n, "later", &err), "%s", err ? err->message : "");
    cr_assert_eq(snap_named_count(n), 2);
    close_ok(n);
    assert_check_clean(path);
    g_autofree char *out2 = qemu_list(path, tags, icounts, &count);
    cr_assert_eq(count, 2, "%s", out2);
    cr_assert_str_eq(tags[0], "third", "%s", out2);
    cr_assert_eq(icounts[0], 900000, "%s", out2);
    cr_assert_str_eq(tags[1], "boot", "%s", out2);
    cr_assert_eq(icounts[1], 1500000, "%s", out2);
    for (size_t i = 0; i < count; i++)
        g_free(tags[i]);

    /* The replaced one is the new state; by id (QEMU's "1", "2", ...) too. */
    n = open_ok(path, 0);
    run_to(&r, 2000000);
    load_ok(n, "boot", r.m);
    RrStateHash h2;
    hash(&r, &h2);
    assert_same_hash(&h, &h2, "replaced snapshot");
    SnapNamedInfo info;
    snap_named_info(n, 0, &info);
    load_ok(n, info.id, r.m);
    cr_assert_eq(emu_machine_icount(r.m), 900000);
    /* Deleting the last leaves an image qemu-img still accepts. */
    cr_assert(snap_named_delete(n, "boot", &err), "%s", err ? err->message : "");
    cr_assert(snap_named_delete(n, "third", &err), "%s", err ? err->message : "");
    cr_assert_not(snap_named_delete(n, "third", &err));
    cr_assert(err && err->code == SNAP_QCOW2_ERROR_NOT_FOUND && strstr(err->message, "there are none"),
              "%s", err ? err->message : "");
    g_clear_error(&err);
    close_ok(n);
    assert_check_clean(path);
    g_autofree char *out3 = qemu_list(path, tags, icounts, &count);
    cr_assert_eq(count, 0, "%s", out3);
    run_deinit(&r);
}

Test(snap_named, open_creates_only_when_asked)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    GError *err = NULL;
    cr_assert_null(snap_named_open(path, 0, &err));
    cr_assert(err && strstr(err->message, path), "%s", err ? err->message : "");
    g_clear_error(&err);
    cr_assert_not(g_file_test(path, G_FILE_TEST_EXISTS));
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    cr_assert_str_eq(snap_named_path(n), path);
    close_ok(n);
    assert_check_clean(path);
    char *out;
    cr_assert_eq(run_prog(&out, QEMU_IMG, "info", path, NULL), 0, "%s", out);
    cr_assert(strstr(out, "virtual size: 1 MiB"), "%s", out);
    g_free(out);
    snap_named_free(open_ok(path, SNAP_NAMED_EMPTY_SIZE));     /* exists: opened, not created */
}

/* An image with data on its disk (the future disk overlay): saving and
 * deleting leave that data as it was. */
Test(snap_named, disk_data_stays)
{
    const char *path = in_dir("disk.qcow2");
    GError *err = NULL;
    SnapQcow2CreateOptions o = { .size = 4u << 20 };
    SnapQcow2 *q = snap_qcow2_create(path, &o, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    uint8_t data[3 * 65536];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i * 7 + 1);
    cr_assert(snap_qcow2_write(q, 65536, data, sizeof data, &err), "%s", err ? err->message : "");
    cr_assert(snap_qcow2_close(q, &err), "%s", err ? err->message : "");

    Run r;
    run_init(&r, "sched-O2-uart", NULL);
    run_to(&r, 200000);
    SnapNamed *n = open_ok(path, 0);
    save_ok(n, "a", r.m);
    save_ok(n, "a", r.m);
    save_ok(n, "b", r.m);
    cr_assert(snap_named_delete(n, "a", &err), "%s", err ? err->message : "");
    close_ok(n);
    assert_check_clean(path);

    q = snap_qcow2_open(path, SNAP_QCOW2_READ_ONLY, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    cr_assert_eq(snap_qcow2_size(q), 4u << 20);
    uint8_t back[sizeof data];
    cr_assert(snap_qcow2_read(q, 65536, back, sizeof back, &err), "%s", err ? err->message : "");
    cr_assert(memcmp(back, data, sizeof data) == 0, "the disk's data changed");
    snap_qcow2_free(q);
    run_deinit(&r);
}

Test(snap_named, unknown_name_lists_what_there_is)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    Run r;
    run_init(&r, "sched-O2-uart", NULL);
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    assert_load_fails(n, "nope", &r, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_NOT_FOUND, path, "\"nope\"",
                      "there are none", NULL);
    run_to(&r, 50000);
    save_ok(n, "one", r.m);
    run_to(&r, 60000);
    save_ok(n, "two", r.m);
    run_to(&r, 70000);
    assert_load_fails(n, "three", &r, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_NOT_FOUND, path, "\"three\"",
                      "\"one\" (icount 50000)", "\"two\" (icount 60000)", NULL);
    GError *err = NULL;
    cr_assert_not(snap_named_delete(n, "three", &err));
    cr_assert(err && err->code == SNAP_QCOW2_ERROR_NOT_FOUND, "%s", err ? err->message : "");
    g_clear_error(&err);
    cr_assert_not(snap_named_save(n, "", r.m, &err));
    cr_assert(err && err->code == SNAP_QCOW2_ERROR_INVALID, "%s", err ? err->message : "");
    g_clear_error(&err);
    cr_assert_eq(snap_named_count(n), 2);
    close_ok(n);
    run_deinit(&r);
}

/* The vmstate area of snapshot `name`, read through the qcow2 API. */
static GBytes *area_of(const char *path, const char *name)
{
    GError *err = NULL;
    SnapQcow2 *q = snap_qcow2_open(path, SNAP_QCOW2_READ_ONLY, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    size_t i;
    cr_assert(snap_qcow2_snapshot_find(q, name, &i));
    uint64_t len = snap_qcow2_snapshot_get(q, i)->vm_state_size;
    uint8_t *buf = g_malloc(len);
    cr_assert(snap_qcow2_vmstate_read(q, i, 0, buf, len, &err), "%s", err ? err->message : "");
    snap_qcow2_free(q);
    return g_bytes_new_take(buf, len);
}

/* A snapshot `name` holding `area` as its vmstate, written past our API. */
static void plant(const char *path, const char *name, int64_t icount, const void *area, size_t len)
{
    GError *err = NULL;
    SnapQcow2 *q = snap_qcow2_open(path, SNAP_QCOW2_READ_WRITE, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    SnapQcow2SnapshotParams p = { .name = name, .icount = icount, .vmstate = area, .vmstate_len = len };
    cr_assert(snap_qcow2_snapshot_create(q, &p, &err), "%s", err ? err->message : "");
    cr_assert(snap_qcow2_close(q, &err), "%s", err ? err->message : "");
}

/* Re-seal a changed vmstate (the trailer's SHA-256), so that the vmstate
 * reader, not the checksum, meets what is wrong. */
static void reseal(uint8_t *area, size_t len)
{
    size_t v = len - 48;
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(c, area, (gssize)v);
    gsize n = 32;
    g_checksum_get_digest(c, area + v + 16, &n);
    g_checksum_free(c);
}

Test(snap_named, damaged_or_foreign_vmstate_is_refused_and_changes_nothing)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    Run r;
    run_init(&r, "sched-O2-uart", NULL);
    run_to(&r, 300000);
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    save_ok(n, "good", r.m);
    close_ok(n);
    GBytes *good = area_of(path, "good");
    size_t len;
    const uint8_t *g = g_bytes_get_data(good, &len);
    uint8_t *bad = g_memdup2(g, len);

    /* A byte of a RAM page flipped: only the checksum can tell. */
    bad[len / 2] ^= 0x10;
    plant(path, "flipped", 300000, bad, len);
    /* Valid checksum, but the header's magic wrong, or a section version. */
    memcpy(bad, g, len);
    bad[0] = 'X';
    reseal(bad, len);
    plant(path, "magic", 300000, bad, len);
    memcpy(bad, g, len);
    bad[16 + 1 + 3] = 7;                  /* the cpu section's version */
    reseal(bad, len);
    plant(path, "version", 300000, bad, len);
    /* Cut short, its trailer lost; and a state that is not ours. */
    plant(path, "short", 300000, g, len - 100);
    uint8_t qemu[100] = "QEVM\0\0\0\3";          /* QEMU's own vmstate begins so */
    plant(path, "qemu", 300000, qemu, sizeof qemu);
    g_free(bad);

    char *out;
    cr_assert_eq(run_prog(&out, QEMU_IMG, "snapshot", "-c", "diskonly", path, NULL), 0, "%s", out);
    g_free(out);
    assert_check_clean(path);

    run_to(&r, 500000);                   /* elsewhere: a load would show */
    n = open_ok(path, 0);
    assert_load_fails(n, "flipped", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"flipped\"", "checksum", NULL);
    assert_load_fails(n, "magic", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"magic\"", "no RWNDVMST magic", NULL);
    assert_load_fails(n, "version", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"version\"", "cpu", NULL);
    assert_load_fails(n, "short", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"short\"", "trailer", NULL);
    assert_load_fails(n, "qemu", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"qemu\"", "not a state rewind saved",
                      NULL);
    assert_load_fails(n, "diskonly", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"diskonly\"",
                      "no machine state", NULL);
    /* The good one still loads. */
    load_ok(n, "good", r.m);
    cr_assert_eq(emu_machine_icount(r.m), 300000);
    close_ok(n);
    g_bytes_unref(good);

    /* Another machine's state: more RAM here. */
    Run big;
    run_init_ram(&big, "sched-O2-uart", NULL, 256ull << 20);
    run_to(&big, 1000);
    n = open_ok(path, 0);
    assert_load_fails(n, "good", &big, SNAP_ERROR, SNAP_ERROR_MISMATCH, path, "\"good\"", "128 MiB",
                      "256 MiB", NULL);
    close_ok(n);
    run_deinit(&big);
    run_deinit(&r);
}

/* A byte flipped in the file itself, inside the vmstate's clusters (found
 * by the vmstate's magic). */
Test(snap_named, flipped_byte_in_the_file)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    Run r;
    run_init(&r, "irq-O2-uart", "irq.in");
    run_to(&r, 50000);
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    save_ok(n, "s", r.m);
    close_ok(n);
    g_autofree char *data = NULL;
    gsize len;
    GError *err = NULL;
    cr_assert(g_file_get_contents(path, &data, &len, &err), "%s", err ? err->message : "");
    size_t magic = 0;
    while (magic + 8 <= len && memcmp(data + magic, "RWNDVMST", 8) != 0)
        magic++;
    cr_assert_lt(magic + 8, len, "no vmstate in the file");
    size_t at = magic + 8000;                         /* a RAM page, same cluster */
    cr_assert_lt(at, len);
    data[at] ^= 1;
    cr_assert(g_file_set_contents(path, data, (gssize)len, &err), "%s", err ? err->message : "");
    assert_check_clean(path);

    run_to(&r, 80000);
    n = open_ok(path, 0);
    assert_load_fails(n, "s", &r, SNAP_ERROR, SNAP_ERROR_CORRUPT, path, "\"s\"", "checksum", NULL);
    close_ok(n);
    run_deinit(&r);
}

Test(snap_named, a_file_that_is_not_qcow2)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    GError *err = NULL;
    cr_assert(g_file_set_contents(path, "not an image, just text\n", -1, &err));
    for (int create = 0; create < 2; create++) {
        cr_assert_null(snap_named_open(path, create ? SNAP_NAMED_EMPTY_SIZE : 0, &err));
        cr_assert(err && err->domain == SNAP_QCOW2_ERROR && strstr(err->message, path),
                  "%s", err ? err->message : "");
        cr_log_info("%s", err->message);
        g_clear_error(&err);
    }
    g_autofree char *data = NULL;
    cr_assert(g_file_get_contents(path, &data, NULL, &err));
    cr_assert_str_eq(data, "not an image, just text\n");      /* left alone */
}

/* Many RAM pages (a booted kernel's worth): saved and loaded into a fresh
 * machine exactly, with the figures logged. */
Test(snap_named, a_large_ram_state_round_trips)
{
    const char *path = in_dir(SNAP_NAMED_FILE);
    const size_t pages = 8192;                        /* 32 MiB */
    Run a, b;
    run_init(&a, "sched-O2-uart", NULL);
    run_to(&a, 100000);
    EmuMem *mem = emu_machine_mem(a.m);
    uint64_t x = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < pages; i++) {
        uint64_t page[EMU_PAGE_SIZE / 8];
        for (size_t k = 0; k < G_N_ELEMENTS(page); k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            page[k] = x;
        }
        cr_assert(emu_mem_write_phys(mem, 0x44000000 + i * EMU_PAGE_SIZE, page, sizeof page));
    }
    RrStateHash ha, hb;
    hash(&a, &ha);
    SnapNamed *n = open_ok(path, SNAP_NAMED_EMPTY_SIZE);
    gint64 t0 = g_get_monotonic_time();
    save_ok(n, "big", a.m);
    gint64 t1 = g_get_monotonic_time();
    close_ok(n);

    run_init(&b, "sched-O2-uart", NULL);
    n = open_ok(path, 0);
    gint64 t2 = g_get_monotonic_time();
    load_ok(n, "big", b.m);
    gint64 t3 = g_get_monotonic_time();
    SnapNamedInfo info;
    snap_named_info(n, 0, &info);
    close_ok(n);
    hash(&b, &hb);
    assert_same_hash(&ha, &hb, "loaded state");
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    cr_log_info("%" PRIu64 " RAM pages: vmstate %" PRIu64 " bytes, file %lld bytes; savevm %.1f ms, loadvm "
                "%.1f ms", (uint64_t)ha.pages, info.vmstate_size, (long long)st.st_size, (t1 - t0) / 1000.0,
                (t3 - t2) / 1000.0);
    assert_check_clean(path);
    run_to(&a, UINT64_MAX);
    run_to(&b, UINT64_MAX);
    cr_assert_eq(emu_machine_icount(a.m), emu_machine_icount(b.m));
    run_deinit(&a);
    run_deinit(&b);
}
