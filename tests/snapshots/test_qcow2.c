/* tests/snapshots/test_qcow2.c — snapshots/qcow2: images we write pass
 * qemu-img check and read right in qemu-io; images qemu-img makes read
 * right here; snapshots keep their view and vmstate; damaged images give
 * one clear error each, never a crash. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "snapshots/qcow2.h"
#include "tests/replay/testdir.h"

#define QEMU_IMG "/usr/bin/qemu-img"
#define QEMU_IO  "/usr/bin/qemu-io"
#define MiB (1024u * 1024)

static char *dir;

static void setup(void) { dir = testdir_new("qcow2-XXXXXX"); }
static void teardown(void) { testdir_remove(dir); }

TestSuite(qcow2, .init = setup, .fini = teardown, .timeout = 120);

/* ---- Helpers ---- */

/* A path in the test's directory; the strings live until the test ends. */
static const char *in_dir(const char *name)
{
    static GPtrArray *keep;
    if (!keep)
        keep = g_ptr_array_new_with_free_func(g_free);
    char *p = g_build_filename(dir, name, NULL);
    g_ptr_array_add(keep, p);
    return p;
}

/* Run a program (NULL-terminated arguments); its exit status, and its
 * stdout and stderr together in *out (g_free) if out is not NULL. */
static int run(char **out, const char *prog, ...)
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
    if (out)
        *out = g_strconcat(so, se, NULL);
    g_free(so);
    g_free(se);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void assert_check_clean(const char *path)
{
    char *out;
    int rc = run(&out, QEMU_IMG, "check", path, NULL);
    cr_assert(rc == 0 && strstr(out, "No errors were found"), "qemu-img check %s (exit %d):\n%s", path, rc, out);
    g_free(out);
}

/* qemu-io command on an image; asserts it succeeds and verifies. */
static void assert_qemu_io(const char *path, const char *fmt, const char *cmd)
{
    char *out;
    int rc = run(&out, QEMU_IO, "-f", fmt, "-c", cmd, path, NULL);
    cr_assert(rc == 0 && !strstr(out, "failed") && !strstr(out, "error"), "qemu-io -c '%s' %s (exit %d):\n%s",
              cmd, path, rc, out);
    g_free(out);
}

static void qemu_img_create(const char *path, const char *size, const char *extra_opt)
{
    char *out;
    int rc = extra_opt ? run(&out, QEMU_IMG, "create", "-f", "qcow2", "-o", extra_opt, path, size, NULL)
                       : run(&out, QEMU_IMG, "create", "-f", "qcow2", path, size, NULL);
    cr_assert_eq(rc, 0, "qemu-img create %s: %s", path, out);
    g_free(out);
}

static SnapQcow2 *create(const char *path, uint64_t size, uint32_t cluster_size)
{
    GError *err = NULL;
    SnapQcow2CreateOptions o = { .size = size, .cluster_size = cluster_size };
    SnapQcow2 *q = snap_qcow2_create(path, &o, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    return q;
}

static SnapQcow2 *open_ok(const char *path, SnapQcow2OpenFlags flags)
{
    GError *err = NULL;
    SnapQcow2 *q = snap_qcow2_open(path, flags, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    return q;
}

static void close_ok(SnapQcow2 *q)
{
    GError *err = NULL;
    cr_assert(snap_qcow2_close(q, &err), "%s", err ? err->message : "");
}

static void write_ok(SnapQcow2 *q, uint64_t off, const void *buf, size_t len)
{
    GError *err = NULL;
    cr_assert(snap_qcow2_write(q, off, buf, len, &err), "write %zu at %#" PRIx64 ": %s", len, off,
              err ? err->message : "");
}

static void fill_ok(SnapQcow2 *q, uint64_t off, uint8_t byte, size_t len)
{
    uint8_t *b = g_malloc(len);
    memset(b, byte, len);
    write_ok(q, off, b, len);
    g_free(b);
}

/* Asserts the disk holds `byte` over [off, off+len). */
static void assert_bytes(SnapQcow2 *q, uint64_t off, uint8_t byte, size_t len)
{
    GError *err = NULL;
    uint8_t *b = g_malloc(len);
    cr_assert(snap_qcow2_read(q, off, b, len, &err), "read: %s", err ? err->message : "");
    for (size_t i = 0; i < len; i++)
        cr_assert_eq(b[i], byte, "byte %#" PRIx64 " is %#x, not %#x", off + i, b[i], byte);
    g_free(b);
}

static void snapshot_ok(SnapQcow2 *q, const char *name, int64_t icount, const void *vm, size_t vm_len)
{
    GError *err = NULL;
    SnapQcow2SnapshotParams p = { .name = name, .icount = icount, .vm_clock_ns = 1500000000ull,
                                  .vmstate = vm, .vmstate_len = vm_len };
    cr_assert(snap_qcow2_snapshot_create(q, &p, &err), "snapshot %s: %s", name, err ? err->message : "");
}

static size_t find_ok(SnapQcow2 *q, const char *name)
{
    size_t i;
    cr_assert(snap_qcow2_snapshot_find(q, name, &i), "no snapshot %s", name);
    return i;
}

static uint8_t *pattern(size_t len, unsigned seed)
{
    uint8_t *b = g_malloc(len);
    for (size_t i = 0; i < len; i++)
        b[i] = (uint8_t)(i * 131 + seed + (i >> 9));
    return b;
}

static void assert_vmstate(SnapQcow2 *q, const char *name, const uint8_t *want, size_t len)
{
    GError *err = NULL;
    size_t i = find_ok(q, name);
    cr_assert_eq(snap_qcow2_snapshot_get(q, i)->vm_state_size, len);
    uint8_t *got = g_malloc(len + 1);
    cr_assert(snap_qcow2_vmstate_read(q, i, 0, got, len, &err), "%s", err ? err->message : "");
    cr_assert(!memcmp(got, want, len), "vmstate of %s differs", name);
    g_free(got);
}

/* ---- Patching files ---- */

static void patch(const char *path, uint64_t off, const void *p, size_t len)
{
    FILE *f = fopen(path, "r+b");
    cr_assert_not_null(f);
    cr_assert_eq(fseeko(f, (off_t)off, SEEK_SET), 0);
    cr_assert_eq(fwrite(p, 1, len, f), len);
    fclose(f);
}

static void patch_be32(const char *path, uint64_t off, uint32_t v)
{
    uint8_t b[4] = { v >> 24, v >> 16, v >> 8, v };
    patch(path, off, b, 4);
}

static void patch_be64(const char *path, uint64_t off, uint64_t v)
{
    patch_be32(path, off, (uint32_t)(v >> 32));
    patch_be32(path, off + 4, (uint32_t)v);
}

static uint64_t peek_be64(const char *path, uint64_t off)
{
    uint8_t b[8] = { 0 };
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    cr_assert_eq(fseeko(f, (off_t)off, SEEK_SET), 0);
    cr_assert_eq(fread(b, 1, 8, f), 8u);
    fclose(f);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | b[i];
    return v;
}

/* Opening `path` (read-only) fails with a CORRUPT-or-other SNAP_QCOW2_ERROR
 * naming the file and containing `want`. */
static void assert_open_fails(const char *path, SnapQcow2OpenFlags flags, const char *want)
{
    GError *err = NULL;
    SnapQcow2 *q = snap_qcow2_open(path, flags, &err);
    cr_assert_null(q, "opened a damaged image");
    cr_assert_not_null(err);
    cr_assert_eq(err->domain, SNAP_QCOW2_ERROR);
    cr_assert(strstr(err->message, path), "the message names no file: %s", err->message);
    cr_assert(strstr(err->message, want), "expected \"%s\" in: %s", want, err->message);
    g_error_free(err);
}

/* ---- Images we write ---- */

Test(qcow2, created_image_passes_qemu_img_check)
{
    const char *p = in_dir("new.qcow2");
    close_ok(create(p, 64 * MiB, 0));
    assert_check_clean(p);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "info", p, NULL), 0);
    cr_assert(strstr(out, "67108864 bytes") && strstr(out, "cluster_size: 65536") && strstr(out, "compat: 1.1"),
              "%s", out);
    g_free(out);
}

Test(qcow2, create_refuses_an_existing_file_and_bad_options)
{
    const char *p = in_dir("x.qcow2");
    close_ok(create(p, MiB, 0));
    GError *err = NULL;
    SnapQcow2CreateOptions o = { .size = MiB };
    cr_assert_null(snap_qcow2_create(p, &o, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_IO);
    g_clear_error(&err);
    o.cluster_size = 1000;
    cr_assert_null(snap_qcow2_create(in_dir("y.qcow2"), &o, &err));
    cr_assert(strstr(err->message, "power of two"), "%s", err->message);
    g_clear_error(&err);
    o = (SnapQcow2CreateOptions){ .size = MiB, .backing_file = "x.qcow2" };
    cr_assert_null(snap_qcow2_create(in_dir("z.qcow2"), &o, &err));
    cr_assert(strstr(err->message, "backing format"), "%s", err->message);
    g_clear_error(&err);
}

Test(qcow2, data_we_write_reads_back_here_and_in_qemu_io)
{
    const char *p = in_dir("data.qcow2");
    SnapQcow2 *q = create(p, 64 * MiB, 0);
    fill_ok(q, 0, 0xab, 64 * 1024);
    fill_ok(q, MiB + 100, 0x5c, 3 * 65536);           /* crosses clusters, partial at both ends */
    fill_ok(q, 64 * MiB - 512, 0x77, 512);             /* the last sector */
    fill_ok(q, MiB + 200, 0x11, 10);                   /* rewrite in place */
    assert_bytes(q, 0, 0xab, 64 * 1024);
    assert_bytes(q, 64 * 1024, 0, MiB + 100 - 64 * 1024);
    assert_bytes(q, MiB + 100, 0x5c, 100);
    assert_bytes(q, MiB + 200, 0x11, 10);
    assert_bytes(q, MiB + 210, 0x5c, 3 * 65536 - 110);
    assert_bytes(q, 64 * MiB - 512, 0x77, 512);
    close_ok(q);
    assert_check_clean(p);
    assert_qemu_io(p, "qcow2", "read -P 0xab 0 64k");
    assert_qemu_io(p, "qcow2", "read -P 0x5c 1048676 100");
    assert_qemu_io(p, "qcow2", "read -P 0x11 1048776 10");
    assert_qemu_io(p, "qcow2", "read -P 0x00 65536 983140");
    assert_qemu_io(p, "qcow2", "read -P 0x77 67108352 512");

    q = open_ok(p, SNAP_QCOW2_READ_ONLY);
    assert_bytes(q, MiB + 100, 0x5c, 100);
    GError *err = NULL;
    uint8_t b[1] = { 0 };
    cr_assert(!snap_qcow2_write(q, 0, b, 1, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_READ_ONLY);
    g_clear_error(&err);
    cr_assert(!snap_qcow2_read(q, 64 * MiB - 1, b, 2, &err), "read past the disk");
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_INVALID);
    g_clear_error(&err);
    close_ok(q);
}

Test(qcow2, refcount_table_grows_with_the_file)
{
    /* 512-byte clusters: one refcount block counts 256 clusters, the first
     * table of one cluster 64 blocks (8 MiB of file); write 12 MiB. */
    const char *p = in_dir("grow.qcow2");
    SnapQcow2 *q = create(p, 16 * MiB, 512);
    uint8_t *b = pattern(MiB, 7);
    for (unsigned i = 0; i < 12; i++) {
        b[0] = (uint8_t)i;
        write_ok(q, (uint64_t)i * MiB, b, MiB);
    }
    close_ok(q);
    assert_check_clean(p);
    cr_assert_neq(peek_be64(p, 48), 512u, "the refcount table did not move");
    q = open_ok(p, SNAP_QCOW2_READ_ONLY);
    uint8_t *got = g_malloc(MiB);
    GError *err = NULL;
    cr_assert(snap_qcow2_read(q, 11 * MiB, got, MiB, &err), "%s", err ? err->message : "");
    b[0] = 11;
    cr_assert(!memcmp(got, b, MiB));
    close_ok(q);
    assert_qemu_io(p, "qcow2", "read -P 0x00 12M 4M");
    g_free(b);
    g_free(got);
}

Test(qcow2, sub_byte_and_wide_refcounts)
{
    const char *widths[] = { "refcount_bits=1", "refcount_bits=4", "refcount_bits=64" };
    for (size_t k = 0; k < G_N_ELEMENTS(widths); k++) {
        char name[32];
        g_snprintf(name, sizeof name, "rc%zu.qcow2", k);
        const char *p = in_dir(name);
        qemu_img_create(p, "4M", widths[k]);
        SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_WRITE);
        fill_ok(q, 0, 0x42, 3 * 65536 + 5);
        fill_ok(q, 2 * MiB, 0x43, 100);
        close_ok(q);
        assert_check_clean(p);
        assert_qemu_io(p, "qcow2", "read -P 0x42 0 196613");
        assert_qemu_io(p, "qcow2", "read -P 0x43 2M 100");
    }
}

/* ---- Images qemu-img makes ---- */

Test(qcow2, qemu_written_data_reads_back)
{
    const char *p = in_dir("q.qcow2");
    qemu_img_create(p, "8M", NULL);
    assert_qemu_io(p, "qcow2", "write -P 0xab 0 64k");
    assert_qemu_io(p, "qcow2", "write -P 0x12 100k 4k");
    assert_qemu_io(p, "qcow2", "write -z 1M 64k");
    SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_ONLY);
    cr_assert_eq(snap_qcow2_size(q), 8 * MiB);
    cr_assert_eq(snap_qcow2_cluster_size(q), 65536);
    cr_assert_null(snap_qcow2_backing_file(q));
    assert_bytes(q, 0, 0xab, 65536);
    assert_bytes(q, 65536, 0, 100 * 1024 - 65536);
    assert_bytes(q, 100 * 1024, 0x12, 4096);
    assert_bytes(q, MiB, 0, 65536);
    assert_bytes(q, 2 * MiB, 0, 65536);
    close_ok(q);

    q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    fill_ok(q, 100 * 1024 + 4000, 0x34, 200);
    close_ok(q);
    assert_check_clean(p);
    assert_qemu_io(p, "qcow2", "read -P 0x12 100k 4000");
    assert_qemu_io(p, "qcow2", "read -P 0x34 106400 200");
}

Test(qcow2, qcow2_backing_file_reads_through_and_stays_untouched)
{
    const char *base = in_dir("base.qcow2"), *top = in_dir("top.qcow2");
    qemu_img_create(base, "1M", NULL);
    assert_qemu_io(base, "qcow2", "write -P 0x11 0 128k");
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "create", "-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2", top, NULL), 0,
                 "%s", out);
    g_free(out);
    SnapQcow2 *q = open_ok(top, SNAP_QCOW2_READ_WRITE);
    cr_assert_str_eq(snap_qcow2_backing_file(q), "base.qcow2");
    cr_assert_str_eq(snap_qcow2_backing_format(q), "qcow2");
    assert_bytes(q, 0, 0x11, 128 * 1024);
    assert_bytes(q, 128 * 1024, 0, 64 * 1024);
    fill_ok(q, 65536 + 10, 0x22, 100);                 /* copies the rest of the cluster from base */
    assert_bytes(q, 65536, 0x11, 10);
    assert_bytes(q, 65536 + 10, 0x22, 100);
    assert_bytes(q, 65536 + 110, 0x11, 65536 - 110);
    close_ok(q);
    assert_check_clean(top);
    assert_check_clean(base);
    assert_qemu_io(top, "qcow2", "read -P 0x11 65536 10");
    assert_qemu_io(top, "qcow2", "read -P 0x22 65546 100");
    assert_qemu_io(top, "qcow2", "read -P 0x11 65646 65426");
    assert_qemu_io(base, "qcow2", "read -P 0x11 0 128k");
}

Test(qcow2, raw_backing_file_reads_through)
{
    const char *raw = in_dir("base.raw"), *top = in_dir("top.qcow2");
    uint8_t *b = g_malloc(100000);
    memset(b, 0x33, 100000);
    cr_assert(g_file_set_contents(raw, (char *)b, 100000, NULL));
    g_free(b);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "create", "-f", "qcow2", "-b", raw, "-F", "raw", top, "1M", NULL), 0, "%s",
                 out);
    g_free(out);
    SnapQcow2 *q = open_ok(top, SNAP_QCOW2_READ_WRITE);
    assert_bytes(q, 0, 0x33, 100000);
    assert_bytes(q, 100000, 0, MiB - 100000);           /* past the raw file: zeros */
    fill_ok(q, 99990, 0x44, 20);
    assert_bytes(q, 65536, 0x33, 99990 - 65536);
    assert_bytes(q, 100010, 0, 2 * 65536 - 100010);
    close_ok(q);
    assert_check_clean(top);
    assert_qemu_io(top, "qcow2", "read -P 0x44 99990 20");
    assert_qemu_io(top, "qcow2", "read -P 0x33 0 99990");
}

Test(qcow2, our_overlay_on_a_qemu_base)
{
    const char *base = in_dir("base.qcow2"), *top = in_dir("top.qcow2");
    qemu_img_create(base, "2M", NULL);
    assert_qemu_io(base, "qcow2", "write -P 0x66 1M 64k");
    GError *err = NULL;
    SnapQcow2CreateOptions o = { .size = 2 * MiB, .backing_file = "base.qcow2", .backing_format = "qcow2" };
    SnapQcow2 *q = snap_qcow2_create(top, &o, &err);
    cr_assert_not_null(q, "%s", err ? err->message : "");
    assert_bytes(q, MiB, 0x66, 65536);
    fill_ok(q, MiB + 512, 0x67, 512);
    close_ok(q);
    assert_check_clean(top);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "info", top, NULL), 0);
    cr_assert(strstr(out, "backing file: base.qcow2") && strstr(out, "backing file format: qcow2"), "%s", out);
    g_free(out);
    assert_qemu_io(top, "qcow2", "read -P 0x66 1M 512");
    assert_qemu_io(top, "qcow2", "read -P 0x67 1049088 512");

    o.backing_file = "missing.qcow2";
    cr_assert_null(snap_qcow2_create(in_dir("bad.qcow2"), &o, &err));
    cr_assert(strstr(err->message, "missing.qcow2"), "%s", err->message);
    g_clear_error(&err);
}

Test(qcow2, qemu_made_snapshots_list_and_delete)
{
    const char *p = in_dir("s.qcow2");
    qemu_img_create(p, "4M", NULL);
    assert_qemu_io(p, "qcow2", "write -P 0x01 0 64k");
    cr_assert_eq(run(NULL, QEMU_IMG, "snapshot", "-c", "first", p, NULL), 0);
    assert_qemu_io(p, "qcow2", "write -P 0x02 0 64k");
    cr_assert_eq(run(NULL, QEMU_IMG, "snapshot", "-c", "second", p, NULL), 0);
    SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    cr_assert_eq(snap_qcow2_snapshot_count(q), 2);
    const SnapQcow2Snapshot *s = snap_qcow2_snapshot_get(q, 0);
    cr_assert_str_eq(s->name, "first");
    cr_assert_str_eq(s->id, "1");
    cr_assert_eq(s->vm_state_size, 0);
    cr_assert_eq(s->disk_size, 4 * MiB);
    cr_assert_str_eq(snap_qcow2_snapshot_get(q, 1)->name, "second");
    cr_assert_eq(find_ok(q, "second"), 1);
    size_t i;
    cr_assert(!snap_qcow2_snapshot_find(q, "third", &i));

    GError *err = NULL;
    cr_assert(snap_qcow2_snapshot_delete(q, find_ok(q, "first"), &err), "%s", err ? err->message : "");
    fill_ok(q, 0, 0x03, 100);
    close_ok(q);
    assert_check_clean(p);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "snapshot", "-l", p, NULL), 0);
    cr_assert(strstr(out, "second") && !strstr(out, "first"), "%s", out);
    g_free(out);
    /* QEMU sees the surviving snapshot's disk as it was. */
    const char *raw = in_dir("second.raw");
    cr_assert_eq(run(&out, QEMU_IMG, "convert", "-l", "snapshot.name=second", "-O", "raw", p, raw, NULL), 0,
                 "%s", out);
    g_free(out);
    assert_qemu_io(raw, "raw", "read -P 0x02 0 64k");
    assert_qemu_io(p, "qcow2", "read -P 0x03 0 100");
    assert_qemu_io(p, "qcow2", "read -P 0x02 100 65436");
}

/* ---- Our snapshots ---- */

Test(qcow2, snapshots_list_in_qemu_img_with_icount)
{
    const char *p = in_dir("snap.qcow2");
    SnapQcow2 *q = create(p, 64 * MiB, 0);
    fill_ok(q, 0, 0xaa, 65536);
    uint8_t *vm = pattern(100 * 1024, 1);
    snapshot_ok(q, "boot", 123456789, vm, 100 * 1024);
    snapshot_ok(q, "later", 987654321012ll, NULL, 0);
    snapshot_ok(q, "noicount", SNAP_QCOW2_NO_ICOUNT, vm, 10);
    close_ok(q);
    assert_check_clean(p);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "snapshot", "-l", p, NULL), 0);
    cr_assert(strstr(out, "ICOUNT"), "%s", out);
    cr_assert(strstr(out, "boot") && strstr(out, "123456789"), "%s", out);
    cr_assert(strstr(out, "later") && strstr(out, "987654321012"), "%s", out);
    cr_assert(strstr(out, "noicount"), "%s", out);
    cr_assert(strstr(out, "100 KiB"), "the vmstate size: %s", out);
    g_free(out);

    q = open_ok(p, SNAP_QCOW2_READ_ONLY);
    cr_assert_eq(snap_qcow2_snapshot_count(q), 3);
    const SnapQcow2Snapshot *s = snap_qcow2_snapshot_get(q, 0);
    cr_assert_str_eq(s->id, "1");
    cr_assert_eq(s->icount, 123456789);
    cr_assert_eq(s->vm_clock_ns, 1500000000ull);
    cr_assert_eq(s->disk_size, 64 * MiB);
    cr_assert_gt(s->date_sec, 1600000000u);
    cr_assert_str_eq(snap_qcow2_snapshot_get(q, 1)->id, "2");
    cr_assert_eq(snap_qcow2_snapshot_get(q, 2)->icount, SNAP_QCOW2_NO_ICOUNT);
    assert_vmstate(q, "boot", vm, 100 * 1024);
    assert_vmstate(q, "noicount", vm, 10);
    GError *err = NULL;
    uint8_t mid[1000];
    cr_assert(snap_qcow2_vmstate_read(q, 0, 70000, mid, sizeof mid, &err));
    cr_assert(!memcmp(mid, vm + 70000, sizeof mid));
    cr_assert(!snap_qcow2_vmstate_read(q, 0, 100 * 1024 - 10, mid, 11, &err), "read past the vmstate");
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_INVALID);
    g_clear_error(&err);
    close_ok(q);
    g_free(vm);
}

/* QEMU's reading of our layout: `qemu-img snapshot -a` copies the whole
 * snapshot L1 table, vmstate entries too, into the active one; with the
 * snapshot deleted and the disk grown past the vmstate offset (the disk
 * size rounded up to what one L1 entry maps: 512 MiB here), qemu-io reads
 * the vmstate as disk data. */
Test(qcow2, vmstate_is_where_qemu_looks_for_it)
{
    const char *p = in_dir("where.qcow2");
    SnapQcow2 *q = create(p, MiB, 0);
    fill_ok(q, 0, 0xd1, 4096);
    uint8_t *vm = g_malloc(200000);
    memset(vm, 0x5e, 200000);
    snapshot_ok(q, "vm", 7, vm, 200000);
    close_ok(q);
    g_free(vm);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "snapshot", "-a", "vm", p, NULL), 0, "%s", out);
    g_free(out);
    cr_assert_eq(run(&out, QEMU_IMG, "snapshot", "-d", "vm", p, NULL), 0, "%s", out);
    g_free(out);
    assert_check_clean(p);
    cr_assert_eq(run(&out, QEMU_IMG, "resize", p, "1G", NULL), 0, "%s", out);
    g_free(out);
    assert_qemu_io(p, "qcow2", "read -P 0x5e 512M 200000");
    assert_qemu_io(p, "qcow2", "read -P 0x00 537070912 1000");
    assert_qemu_io(p, "qcow2", "read -P 0xd1 0 4096");
}

Test(qcow2, write_snapshot_overwrite_keeps_the_snapshot_view)
{
    const char *p = in_dir("cow.qcow2");
    SnapQcow2 *q = create(p, 8 * MiB, 0);
    fill_ok(q, 0, 0xaa, 3 * 65536);
    uint8_t *vm = pattern(300000, 2);
    snapshot_ok(q, "s1", 1000, vm, 300000);
    fill_ok(q, 65536 + 1000, 0xbb, 2000);                /* COW of L2 table and cluster */
    fill_ok(q, 4 * MiB, 0xcc, 65536);                    /* a fresh cluster in the shared L2 */
    assert_vmstate(q, "s1", vm, 300000);
    assert_bytes(q, 65536 + 1000, 0xbb, 2000);
    assert_bytes(q, 65536 + 3000, 0xaa, 65536 - 3000);
    close_ok(q);
    assert_check_clean(p);

    const char *raw = in_dir("s1.raw");
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "convert", "-l", "snapshot.name=s1", "-O", "raw", p, raw, NULL), 0, "%s", out);
    g_free(out);
    assert_qemu_io(raw, "raw", "read -P 0xaa 0 192k");
    assert_qemu_io(raw, "raw", "read -P 0x00 4M 64k");
    assert_qemu_io(p, "qcow2", "read -P 0xbb 66536 2000");
    assert_qemu_io(p, "qcow2", "read -P 0xcc 4M 64k");

    /* A second snapshot over a shared table, then deletes in both orders. */
    q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    uint8_t vm2[5] = { 1, 2, 3, 4, 5 };
    snapshot_ok(q, "s2", 2000, vm2, sizeof vm2);
    fill_ok(q, 0, 0xdd, 10);
    GError *err = NULL;
    cr_assert(snap_qcow2_snapshot_delete(q, find_ok(q, "s1"), &err), "%s", err ? err->message : "");
    assert_vmstate(q, "s2", vm2, sizeof vm2);
    close_ok(q);
    assert_check_clean(p);
    q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    cr_assert(snap_qcow2_snapshot_delete(q, find_ok(q, "s2"), &err), "%s", err ? err->message : "");
    cr_assert_eq(snap_qcow2_snapshot_count(q), 0);
    fill_ok(q, 0, 0xee, 65536);                          /* in place again: refcounts are 1 */
    close_ok(q);
    assert_check_clean(p);
    assert_qemu_io(p, "qcow2", "read -P 0xee 0 64k");
    assert_qemu_io(p, "qcow2", "read -P 0xbb 66536 2000");
    g_free(vm);
}

Test(qcow2, revert_restores_the_disk)
{
    const char *p = in_dir("rev.qcow2");
    SnapQcow2 *q = create(p, 4 * MiB, 0);
    fill_ok(q, 0, 0xa1, 65536);
    snapshot_ok(q, "a", 1, "vm", 2);
    fill_ok(q, 0, 0xb2, 100);
    fill_ok(q, 2 * MiB, 0xb3, 100);
    GError *err = NULL;
    cr_assert(snap_qcow2_snapshot_revert(q, find_ok(q, "a"), &err), "%s", err ? err->message : "");
    assert_bytes(q, 0, 0xa1, 65536);
    assert_bytes(q, 2 * MiB, 0, 100);
    close_ok(q);
    assert_check_clean(p);
    q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    fill_ok(q, 10, 0xc4, 10);                            /* the reverted view is shared: COW */
    cr_assert(snap_qcow2_snapshot_revert(q, 0, &err), "%s", err ? err->message : "");
    assert_bytes(q, 0, 0xa1, 65536);
    assert_vmstate(q, "a", (const uint8_t *)"vm", 2);
    close_ok(q);
    assert_check_clean(p);
    assert_qemu_io(p, "qcow2", "read -P 0xa1 0 64k");
}

Test(qcow2, vmstate_spans_many_l2_tables)
{
    /* 512-byte clusters: an L2 table maps 32 KiB, so 200 KiB of vmstate
     * needs 7 of them. */
    const char *p = in_dir("vm.qcow2");
    SnapQcow2 *q = create(p, 100 * 1024, 512);
    fill_ok(q, 0, 0x5a, 100 * 1024);
    uint8_t *vm = pattern(200 * 1024 + 3, 9);
    snapshot_ok(q, "big", 77, vm, 200 * 1024 + 3);
    fill_ok(q, 0, 0x5b, 100 * 1024);
    assert_vmstate(q, "big", vm, 200 * 1024 + 3);
    close_ok(q);
    assert_check_clean(p);
    q = open_ok(p, SNAP_QCOW2_READ_ONLY);
    assert_vmstate(q, "big", vm, 200 * 1024 + 3);
    close_ok(q);
    g_free(vm);
}

Test(qcow2, snapshot_names_and_ids_are_unique)
{
    const char *p = in_dir("u.qcow2");
    SnapQcow2 *q = create(p, MiB, 0);
    snapshot_ok(q, "one", 0, NULL, 0);
    GError *err = NULL;
    SnapQcow2SnapshotParams sp = { .name = "one", .icount = 5 };
    cr_assert(!snap_qcow2_snapshot_create(q, &sp, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_EXISTS);
    cr_assert(strstr(err->message, "\"one\""), "%s", err->message);
    g_clear_error(&err);
    sp = (SnapQcow2SnapshotParams){ .name = "two", .id = "1" };
    cr_assert(!snap_qcow2_snapshot_create(q, &sp, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_EXISTS);
    g_clear_error(&err);
    sp = (SnapQcow2SnapshotParams){ .name = "" };
    cr_assert(!snap_qcow2_snapshot_create(q, &sp, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_INVALID);
    g_clear_error(&err);
    cr_assert(!snap_qcow2_snapshot_delete(q, 5, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_NOT_FOUND);
    g_clear_error(&err);
    close_ok(q);
    assert_check_clean(p);
}

Test(qcow2, refcount_overflow_is_refused_and_changes_nothing)
{
    const char *p = in_dir("rc1.qcow2");
    qemu_img_create(p, "1M", "refcount_bits=1");
    SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    fill_ok(q, 0, 0x42, 65536);
    GError *err = NULL;
    SnapQcow2SnapshotParams sp = { .name = "s", .icount = 1 };
    cr_assert(!snap_qcow2_snapshot_create(q, &sp, &err));
    cr_assert(strstr(err->message, "refcount overflow") && strstr(err->message, p), "%s", err->message);
    g_clear_error(&err);
    cr_assert_eq(snap_qcow2_snapshot_count(q), 0);
    close_ok(q);
    assert_check_clean(p);
}

Test(qcow2, version_2_images_read_write_and_snapshot)
{
    const char *p = in_dir("v2.qcow2");
    qemu_img_create(p, "2M", "compat=0.10");
    assert_qemu_io(p, "qcow2", "write -P 0x21 0 64k");
    SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    assert_bytes(q, 0, 0x21, 65536);
    snapshot_ok(q, "old", 42, "state", 5);
    fill_ok(q, 100, 0x22, 100);
    assert_vmstate(q, "old", (const uint8_t *)"state", 5);
    close_ok(q);
    assert_check_clean(p);
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "snapshot", "-l", p, NULL), 0);
    cr_assert(strstr(out, "old") && strstr(out, "42"), "%s", out);
    g_free(out);
    assert_qemu_io(p, "qcow2", "read -P 0x22 100 100");
}

/* Compressed clusters are refused on read and overwrite, but their
 * refcounts (several share a host cluster) are kept right by snapshots. */
Test(qcow2, compressed_clusters_are_refused_but_counted)
{
    const char *src = in_dir("src.qcow2"), *p = in_dir("z.qcow2");
    qemu_img_create(src, "1M", NULL);
    assert_qemu_io(src, "qcow2", "write -P 0x61 0 192k");
    char *out;
    cr_assert_eq(run(&out, QEMU_IMG, "convert", "-c", "-O", "qcow2", src, p, NULL), 0, "%s", out);
    g_free(out);
    SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_WRITE);
    GError *err = NULL;
    uint8_t b[16];
    cr_assert(!snap_qcow2_read(q, 0, b, sizeof b, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_UNSUPPORTED);
    cr_assert(strstr(err->message, "compressed"), "%s", err->message);
    g_clear_error(&err);
    cr_assert(!snap_qcow2_write(q, 65536, b, sizeof b, &err));
    cr_assert_eq(err->code, SNAP_QCOW2_ERROR_UNSUPPORTED);
    g_clear_error(&err);
    fill_ok(q, 512 * 1024, 0x62, 100);
    snapshot_ok(q, "c", 3, "x", 1);
    snapshot_ok(q, "d", 4, NULL, 0);
    cr_assert(snap_qcow2_snapshot_delete(q, find_ok(q, "c"), &err), "%s", err ? err->message : "");
    close_ok(q);
    assert_check_clean(p);
    assert_qemu_io(p, "qcow2", "read -P 0x61 0 192k");
    assert_qemu_io(p, "qcow2", "read -P 0x62 512k 100");
}

/* The offset of `name` in the image's feature name table. */
static uint64_t feature_name_at(const char *path, const char *name)
{
    char *c;
    gsize len;
    cr_assert(g_file_get_contents(path, &c, &len, NULL));
    uint64_t at = 0;
    for (gsize i = 0; i + strlen(name) < MIN(len, 65536) && !at; i++)
        if (!memcmp(c + i, name, strlen(name)))
            at = i;
    g_free(c);
    cr_assert_neq(at, 0, "no feature named %s", name);
    return at;
}

Test(qcow2, refusal_names_the_feature_from_the_image_s_table)
{
    const char *p = in_dir("fn.qcow2");
    qemu_img_create(p, "1M", NULL);
    uint64_t at = feature_name_at(p, "compression type");
    uint8_t entry[48] = { 0, 13 };                          /* incompatible, bit 13 */
    memcpy(entry + 2, "frobnicated clusters", 20);
    patch(p, at - 2, entry, sizeof entry);
    close_ok(open_ok(p, SNAP_QCOW2_READ_ONLY));
    patch_be64(p, 72, 1ull << 13);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "incompatible feature bit 13 (frobnicated clusters)");
}

/* ---- Damaged images ---- */

/* A qemu-img image with one L2 table (data at 0) and one snapshot. */
static const char *damaged_base(const char *name)
{
    const char *p = in_dir(name);
    qemu_img_create(p, "4M", NULL);
    assert_qemu_io(p, "qcow2", "write -P 0xab 0 64k");
    cr_assert_eq(run(NULL, QEMU_IMG, "snapshot", "-c", "snap", p, NULL), 0);
    return p;
}

Test(qcow2, damaged_truncated_header)
{
    const char *p = damaged_base("t.qcow2");
    cr_assert_eq(truncate(p, 50), 0);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "truncated");
}

Test(qcow2, damaged_truncated_after_the_header)
{
    const char *p = damaged_base("t.qcow2");
    cr_assert_eq(truncate(p, 65536 + 100), 0);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "past the end of the file");
}

Test(qcow2, damaged_empty_file)
{
    const char *p = in_dir("empty.qcow2");
    cr_assert(g_file_set_contents(p, "", 0, NULL));
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "not a qcow2 image");
}

Test(qcow2, damaged_flipped_magic)
{
    const char *p = damaged_base("m.qcow2");
    patch(p, 0, "QFJ", 3);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "not a qcow2 image");
}

Test(qcow2, damaged_unknown_version)
{
    const char *p = damaged_base("v.qcow2");
    patch_be32(p, 4, 4);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "version 4");
}

Test(qcow2, unknown_incompatible_feature_is_refused)
{
    const char *p = damaged_base("f.qcow2");
    patch_be64(p, 72, 1ull << 9);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "incompatible feature bit 9");
    patch_be64(p, 72, 1ull << 4);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "extended L2 entries");
}

Test(qcow2, dirty_image_opens_read_only_only)
{
    const char *p = damaged_base("d.qcow2");
    patch_be64(p, 72, 1);
    assert_open_fails(p, SNAP_QCOW2_READ_WRITE, "qemu-img check -r all");
    close_ok(open_ok(p, SNAP_QCOW2_READ_ONLY));
}

Test(qcow2, damaged_l1_offset_past_eof)
{
    const char *p = damaged_base("l1.qcow2");
    patch_be64(p, 40, 1ull << 40);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "offset 0x28: the L1 table");
}

Test(qcow2, damaged_l1_offset_misaligned)
{
    const char *p = damaged_base("l1a.qcow2");
    patch_be64(p, 40, peek_be64(p, 40) + 8);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "not aligned");
}

Test(qcow2, damaged_misaligned_l2_offset)
{
    const char *p = damaged_base("l2.qcow2");
    uint64_t l1 = peek_be64(p, 40), e = peek_be64(p, l1);
    cr_assert_neq(e, 0);
    patch_be64(p, l1, e + 512);
    char want[64];
    g_snprintf(want, sizeof want, "offset %#" PRIx64 ": L2 table offset", l1);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, want);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "not aligned");
}

Test(qcow2, damaged_l2_entry_past_eof)
{
    const char *p = damaged_base("l2e.qcow2");
    uint64_t l2 = peek_be64(p, peek_be64(p, 40)) & 0x00fffffffffffe00ull;
    patch_be64(p, l2, (1ull << 63) | (1ull << 45));
    SnapQcow2 *q = open_ok(p, SNAP_QCOW2_READ_ONLY);       /* L2 tables are checked on use */
    GError *err = NULL;
    uint8_t b[16];
    cr_assert(!snap_qcow2_read(q, 0, b, sizeof b, &err));
    cr_assert(strstr(err->message, "data cluster offset 0x200000000000 is past the end of the file"), "%s",
              err->message);
    g_clear_error(&err);
    close_ok(q);
}

Test(qcow2, damaged_refcount_table_offset)
{
    const char *p = damaged_base("rt.qcow2");
    uint64_t rt = peek_be64(p, 48);
    patch_be64(p, 48, 0x12345);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "refcount table offset 0x12345 is not aligned");
    patch_be64(p, 48, 1ull << 50);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "the refcount table (1 clusters at 0x4000000000000) is past the end");
    patch_be64(p, 48, rt);
    patch_be32(p, 56, 0x40000000);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "8 MiB");
}

Test(qcow2, damaged_refcount_block_offset)
{
    const char *p = damaged_base("rb.qcow2");
    patch_be64(p, peek_be64(p, 48), 1ull << 42);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "refcount block offset 0x40000000000 is past the end");
}

Test(qcow2, damaged_snapshot_table_truncated)
{
    const char *p = damaged_base("st.qcow2");
    uint64_t st = peek_be64(p, 64);
    cr_assert_eq(truncate(p, (off_t)st + 20), 0);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "snapshot table");
}

Test(qcow2, damaged_snapshot_table_out_of_range)
{
    const char *p = damaged_base("sn.qcow2");
    uint64_t st = peek_be64(p, 64);
    patch_be64(p, 64, 1ull << 44);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "offset 0x40: the snapshot table");
    patch_be64(p, 64, st);
    patch_be32(p, 60, 5000);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "the snapshot table (5000 entries");
    patch_be32(p, 60, 1000000);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "above the limit");
    patch_be32(p, 60, 1);
    patch_be64(p, st, 1ull << 41);                          /* the snapshot's L1 table */
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "snapshot 0's L1 table");
    patch_be64(p, st, 0);
    patch_be32(p, st + 36, 0xffffff00);                     /* extra data size */
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "extra data");
}

Test(qcow2, damaged_absurd_sizes)
{
    const char *p = damaged_base("abs.qcow2");
    uint32_t l1 = (uint32_t)(peek_be64(p, 36) >> 32);
    patch_be32(p, 36, 0x7fffffff);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "above 32 MiB");
    patch_be32(p, 36, 0);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "too few for the virtual size");
    patch_be32(p, 36, l1);
    patch_be64(p, 24, 1ull << 63);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "virtual size");
    patch_be64(p, 24, 4 * MiB);
    patch_be32(p, 20, 40);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "cluster_bits 40");
    patch_be32(p, 20, 16);
    patch_be32(p, 100, 1 << 30);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "header_length");
    patch_be32(p, 100, 112);
    patch_be32(p, 96, 7);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "refcount_order 7");
    patch_be32(p, 96, 4);
    patch_be32(p, 16, 5000);                                /* backing name length, no offset: ignored */
    patch_be64(p, 8, 65000);
    assert_open_fails(p, SNAP_QCOW2_READ_ONLY, "backing file name");
}

/* Every byte of a small image flipped in turn: opening, reading the whole
 * disk, every vmstate, never crashes or reads out of bounds (ASan run). */
Test(qcow2, every_flipped_byte_is_survived)
{
    const char *p = in_dir("small.qcow2"), *f = in_dir("flip.qcow2");
    SnapQcow2 *q = create(p, 64 * 1024, 512);
    fill_ok(q, 0, 0x12, 3000);
    uint8_t *vm = pattern(2000, 3);
    snapshot_ok(q, "x", 5, vm, 2000);
    fill_ok(q, 1000, 0x34, 600);
    close_ok(q);
    char *orig;
    gsize len;
    cr_assert(g_file_get_contents(p, &orig, &len, NULL));
    cr_assert(g_file_set_contents(f, orig, (gssize)len, NULL));
    int fd = open(f, O_RDWR);
    cr_assert_geq(fd, 0);
    uint8_t *disk = g_malloc(64 * 1024), *vmb = g_malloc(4096);
    unsigned opened = 0;
    for (gsize i = 0; i < len; i++) {
        if (i)
            cr_assert_eq(pwrite(fd, orig + i - 1, 1, (off_t)i - 1), 1);
        uint8_t flipped = (uint8_t)(orig[i] ^ 0xa5);
        cr_assert_eq(pwrite(fd, &flipped, 1, (off_t)i), 1);
        GError *err = NULL;
        q = snap_qcow2_open(f, SNAP_QCOW2_READ_ONLY, &err);
        if (!q) {
            cr_assert(err && err->domain == SNAP_QCOW2_ERROR && strstr(err->message, f));
            g_error_free(err);
            continue;
        }
        opened++;
        if (!snap_qcow2_read(q, 0, disk, 64 * 1024, &err))
            g_clear_error(&err);
        for (size_t s = 0; s < snap_qcow2_snapshot_count(q); s++) {
            uint64_t n = MIN(snap_qcow2_snapshot_get(q, s)->vm_state_size, 4096);
            if (!snap_qcow2_vmstate_read(q, s, 0, vmb, n, &err))
                g_clear_error(&err);
        }
        snap_qcow2_free(q);
    }
    cr_assert_gt(opened, 0);
    close(fd);
    g_free(orig);
    g_free(disk);
    g_free(vmb);
    g_free(vm);
}

/* The same with the image open read-write: a write, a snapshot with
 * vmstate and its deletion on each damaged variant fail cleanly or work. */
Test(qcow2, every_flipped_byte_is_survived_read_write)
{
    const char *p = in_dir("small.qcow2"), *f = in_dir("flip.qcow2");
    SnapQcow2 *q = create(p, 64 * 1024, 512);
    fill_ok(q, 0, 0x12, 3000);
    uint8_t *vm = pattern(2000, 3);
    snapshot_ok(q, "x", 5, vm, 2000);
    fill_ok(q, 1000, 0x34, 600);
    close_ok(q);
    char *orig;
    gsize len;
    cr_assert(g_file_get_contents(p, &orig, &len, NULL));
    cr_assert(g_file_set_contents(f, orig, (gssize)len, NULL));
    int fd = open(f, O_RDWR);
    cr_assert_geq(fd, 0);
    unsigned worked = 0;
    for (gsize i = 0; i < len; i++) {
        cr_assert_eq(ftruncate(fd, (off_t)len), 0);
        cr_assert_eq(pwrite(fd, orig, len, 0), (ssize_t)len);
        uint8_t flipped = (uint8_t)(orig[i] ^ 0x5a);
        cr_assert_eq(pwrite(fd, &flipped, 1, (off_t)i), 1);
        GError *err = NULL;
        q = snap_qcow2_open(f, SNAP_QCOW2_READ_WRITE, &err);
        if (!q) {
            cr_assert(err && err->domain == SNAP_QCOW2_ERROR && strstr(err->message, f));
            g_error_free(err);
            continue;
        }
        SnapQcow2SnapshotParams sp = { .name = "y", .icount = 9, .vmstate = vm, .vmstate_len = 1500 };
        uint8_t b[700];
        size_t k;
        bool ok = snap_qcow2_write(q, 700, vm, 700, &err) &&
                  snap_qcow2_snapshot_create(q, &sp, &err) &&
                  snap_qcow2_write(q, 40000, vm, 700, &err) &&
                  snap_qcow2_read(q, 700, b, 700, &err) &&
                  snap_qcow2_snapshot_find(q, "y", &k) &&
                  snap_qcow2_vmstate_read(q, k, 0, b, 700, &err) &&
                  snap_qcow2_snapshot_delete(q, k, &err);
        if (ok)
            worked++;
        else if (err) {
            cr_assert(err->domain == SNAP_QCOW2_ERROR && strstr(err->message, f), "%s", err->message);
            g_clear_error(&err);
        }
        snap_qcow2_free(q);
    }
    cr_assert_gt(worked, 0);
    close(fd);
    g_free(orig);
    g_free(vm);
}
