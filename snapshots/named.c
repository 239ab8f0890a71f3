/* snapshots/named.c — see named.h, and FORMAT.md ("Named snapshots in
 * qcow2") for what goes where.
 *
 * The vmstate area of a snapshot we write (vm_state_size bytes):
 *
 *   0        the vmstate, V bytes, with its ram section (FORMAT.md)
 *   V        trailer, TRAILER_LEN bytes, little-endian:
 *              +0  8   magic "RWNDSUM1"
 *              +8  u64 V
 *              +16 32  SHA-256 of the V vmstate bytes
 *
 * The vmstate format has no checksum of its own (in memory it needs none);
 * on disk a flipped bit in a RAM page would otherwise load silently.
 */
#include "snapshots/named.h"

#include <stdio.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include "snapshots/qcow2.h"
#include "snapshots/stream.h"
#include "snapshots/vmstate.h"

static const char trailer_magic[8] = { 'R', 'W', 'N', 'D', 'S', 'U', 'M', '1' };
#define SHA256_LEN 32
#define TRAILER_LEN (8 + 8 + SHA256_LEN)
_Static_assert(TRAILER_LEN == 48, "FORMAT.md gives the trailer 48 bytes");

/* Upper bound of everything but RAM pages in a vmstate: the header, the
 * fixed sections with their heads, the ram section's head and the end
 * marker come to under 5 KiB. */
#define VMSTATE_FIXED_MAX (64u * 1024)
#define PAGE_RECORD (8 + EMU_PAGE_SIZE)

struct SnapNamed {
    SnapQcow2 *q;
    char *path;
};

/* ---- Opening and closing ---------------------------------------------- */

SnapNamed *snap_named_open(const char *path, uint64_t create_size, GError **err)
{
    SnapQcow2 *q;
    if (create_size && !g_file_test(path, G_FILE_TEST_EXISTS)) {
        SnapQcow2CreateOptions o = { .size = create_size };
        q = snap_qcow2_create(path, &o, err);
    } else {
        q = snap_qcow2_open(path, SNAP_QCOW2_READ_WRITE, err);
    }
    if (!q) {
        g_prefix_error(err, "named snapshots: ");
        return NULL;
    }
    SnapNamed *n = g_new0(SnapNamed, 1);
    n->q = q;
    n->path = g_strdup(path);
    return n;
}

bool snap_named_close(SnapNamed *n, GError **err)
{
    if (!n)
        return true;
    bool ok = snap_qcow2_close(n->q, err);
    g_free(n->path);
    g_free(n);
    return ok;
}

void snap_named_free(SnapNamed *n)
{
    if (!n)
        return;
    snap_qcow2_free(n->q);
    g_free(n->path);
    g_free(n);
}

const char *snap_named_path(const SnapNamed *n) { return n->path; }

/* ---- Listing ---------------------------------------------------------- */

size_t snap_named_count(const SnapNamed *n) { return snap_qcow2_snapshot_count(n->q); }

void snap_named_info(const SnapNamed *n, size_t index, SnapNamedInfo *out)
{
    g_assert(index < snap_qcow2_snapshot_count(n->q));
    const SnapQcow2Snapshot *s = snap_qcow2_snapshot_get(n->q, index);
    *out = (SnapNamedInfo){
        .id = s->id, .name = s->name, .icount = s->icount, .vm_clock_ns = s->vm_clock_ns,
        .vmstate_size = s->vm_state_size,
        .date_ns = (uint64_t)s->date_sec * G_GUINT64_CONSTANT(1000000000) + s->date_nsec,
    };
}

/* A size as QEMU's size_to_str prints it: "0 B", "512 B", "2.13 MiB". */
static char *size_str(uint64_t v)
{
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    if (v < 1000)
        return g_strdup_printf("%" PRIu64 " B", v);
    double d = (double)v;
    size_t u = 0;
    d /= 1024;
    while (d >= 1000 && u + 1 < G_N_ELEMENTS(units)) {
        d /= 1024;
        u++;
    }
    return g_strdup_printf("%0.3g %s", d, units[u]);
}

char *snap_named_format_list(const SnapNamed *n)
{
    size_t count = snap_named_count(n);
    if (!count)
        return g_strdup("There is no snapshot available.\n");
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "%-10s%-17s%8s%20s%13s%11s\n", "ID", "TAG", "VM SIZE", "DATE",
                           "VM CLOCK", "ICOUNT");
    for (size_t i = 0; i < count; i++) {
        SnapNamedInfo s;
        snap_named_info(n, i, &s);
        time_t t = (time_t)(s.date_ns / 1000000000);
        struct tm tm;
        char date[32] = "";
        if (localtime_r(&t, &tm))
            strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &tm);
        uint64_t secs = s.vm_clock_ns / 1000000000;
        char clock[48], icount[24] = "";
        snprintf(clock, sizeof clock, "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64 ".%03" PRIu64, secs / 3600,
                 secs / 60 % 60, secs % 60, s.vm_clock_ns / 1000000 % 1000);
        if (s.icount >= 0)
            snprintf(icount, sizeof icount, "%" PRId64, s.icount);
        g_autofree char *size = size_str(s.vmstate_size);
        g_string_append_printf(out, "%-9s %-16s %8s%20s%13s%11s\n", s.id, s.name, size, date, clock, icount);
    }
    return g_string_free(out, false);
}

/* The snapshot called `name`, else the one whose id is `name`. On failure
 * the error lists what there is. */
static bool find(SnapNamed *n, const char *name, size_t *index, GError **err)
{
    if (snap_qcow2_snapshot_find(n->q, name, index))
        return true;
    size_t count = snap_named_count(n);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(snap_qcow2_snapshot_get(n->q, i)->id, name) == 0) {
            *index = i;
            return true;
        }
    }
    GString *have = g_string_new(NULL);
    for (size_t i = 0; i < count; i++) {
        const SnapQcow2Snapshot *s = snap_qcow2_snapshot_get(n->q, i);
        g_string_append_printf(have, "%s\"%s\"", i ? ", " : "", s->name);
        if (s->icount >= 0)
            g_string_append_printf(have, " (icount %" PRId64 ")", s->icount);
    }
    g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_NOT_FOUND, "%s: no snapshot \"%s\"; %s%s", n->path,
                name, count ? "there are " : "there are none (savevm NAME takes one)", have->str);
    g_string_free(have, true);
    return false;
}

/* ---- savevm ----------------------------------------------------------- */

static void put_le64(uint8_t *p, uint64_t v)
{
    for (unsigned k = 0; k < 8; k++)
        p[k] = (uint8_t)(v >> (8 * k));
}

static uint64_t get_le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (unsigned k = 0; k < 8; k++)
        v |= (uint64_t)p[k] << (8 * k);
    return v;
}

static void sha256(const uint8_t *data, size_t len, uint8_t out[SHA256_LEN])
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(c, data, (gssize)len);
    gsize n = SHA256_LEN;
    g_checksum_get_digest(c, out, &n);
    g_assert(n == SHA256_LEN);
    g_checksum_free(c);
}

bool snap_named_save(SnapNamed *n, const char *name, EmuMachine *m, GError **err)
{
    if (!name || !*name) {
        g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_INVALID, "%s: a snapshot needs a name", n->path);
        return false;
    }
    SnapStream *s = snap_stream_new_writer();
    snap_vmstate_save(m, s, true);
    GBytes *b = snap_stream_steal(s, err);
    snap_stream_free(s);
    if (!b) {
        g_prefix_error(err, "%s: snapshot \"%s\": ", n->path, name);
        return false;
    }
    gsize len;
    uint8_t *area = g_bytes_unref_to_data(b, &len);
    area = g_realloc(area, len + TRAILER_LEN);
    memcpy(area + len, trailer_magic, 8);
    put_le64(area + len + 8, len);
    sha256(area, len, area + len + 16);

    EmuBoardState board;
    emu_machine_board_state(m, &board);
    uint64_t icount = emu_machine_icount(m);
    /* Virtual time is icount << icount_shift + idle time; the board does
     * not tell its shift, so this is exact for shift 0 (the default). */
    SnapQcow2SnapshotParams p = {
        .name = name, .icount = (int64_t)icount, .vm_clock_ns = icount + board.idle_ns,
        .date_ns = (uint64_t)g_get_real_time() * 1000, .vmstate = area, .vmstate_len = len + TRAILER_LEN,
    };
    size_t old;
    bool ok = true;
    while (ok && snap_qcow2_snapshot_find(n->q, name, &old))
        ok = snap_qcow2_snapshot_delete(n->q, old, err);
    ok = ok && snap_qcow2_snapshot_create(n->q, &p, err) && snap_qcow2_flush(n->q, err);
    if (!ok)
        g_prefix_error(err, "savevm \"%s\": ", name);
    g_free(area);
    return ok;
}

/* ---- loadvm ----------------------------------------------------------- */

/* Read the vmstate area of snapshot `index` and check its trailer. Returns
 * the area (g_free) with *len the vmstate's length in it, or NULL. */
static uint8_t *read_area(SnapNamed *n, size_t index, EmuMachine *m, size_t *len, GError **err)
{
    const SnapQcow2Snapshot *s = snap_qcow2_snapshot_get(n->q, index);
    uint64_t size = s->vm_state_size;
    if (size == 0) {
        g_set_error(err, SNAP_ERROR, SNAP_ERROR_CORRUPT, "%s: snapshot \"%s\" holds no machine state (a "
                    "disk-only snapshot, as `qemu-img snapshot -c` takes)", n->path, s->name);
        return NULL;
    }
    uint64_t ram = emu_mem_ram_size(emu_machine_mem(m));
    uint64_t max = VMSTATE_FIXED_MAX + ram / EMU_PAGE_SIZE * PAGE_RECORD + TRAILER_LEN;
    if (size > max || size > SIZE_MAX) {
        g_set_error(err, SNAP_ERROR, SNAP_ERROR_MISMATCH, "%s: snapshot \"%s\" has %" PRIu64 " bytes of "
                    "machine state, more than a machine with %" PRIu64 " MiB of RAM can have (%" PRIu64
                    "): taken with a larger -m, or damaged", n->path, s->name, size, ram >> 20, max);
        return NULL;
    }
    if (size < TRAILER_LEN) {
        g_set_error(err, SNAP_ERROR, SNAP_ERROR_CORRUPT, "%s: snapshot \"%s\" has %" PRIu64 " bytes of "
                    "machine state, too few for a rewind vmstate (taken by QEMU?)", n->path, s->name, size);
        return NULL;
    }
    uint8_t *area = g_try_malloc(size);
    if (!area) {
        g_set_error(err, SNAP_ERROR, SNAP_ERROR_IO, "%s: snapshot \"%s\": no memory for its %" PRIu64
                    " bytes of machine state", n->path, s->name, size);
        return NULL;
    }
    if (!snap_qcow2_vmstate_read(n->q, index, 0, area, size, err)) {
        g_prefix_error(err, "loadvm \"%s\": ", s->name);
        g_free(area);
        return NULL;
    }
    const uint8_t *t = area + size - TRAILER_LEN;
    uint64_t v = get_le64(t + 8);
    const char *why = NULL;
    uint8_t sum[SHA256_LEN];
    if (memcmp(t, trailer_magic, 8) != 0)
        why = "has no rewind checksum trailer at its end: not a state rewind saved (taken by QEMU?), "
              "or damaged";
    else if (v != size - TRAILER_LEN)
        why = "has a checksum trailer giving another length: damaged";
    else if (sha256(area, v, sum), memcmp(sum, t + 16, SHA256_LEN) != 0)
        why = "does not match its checksum: the file is damaged (its other snapshots may still load; "
              "`qemu-img check` the file)";
    if (why) {
        g_set_error(err, SNAP_ERROR, SNAP_ERROR_CORRUPT, "%s: snapshot \"%s\": its machine state (%" PRIu64
                    " bytes, trailer at vmstate offset %" PRIu64 ") %s", n->path, s->name, size,
                    size - TRAILER_LEN, why);
        g_free(area);
        return NULL;
    }
    *len = (size_t)v;
    return area;
}

bool snap_named_load(SnapNamed *n, const char *name, EmuMachine *m, GError **err)
{
    size_t index, len;
    if (!find(n, name, &index, err))
        return false;
    uint8_t *area = read_area(n, index, m, &len, err);
    if (!area)
        return false;
    const SnapQcow2Snapshot *s = snap_qcow2_snapshot_get(n->q, index);
    g_autofree char *what = g_strdup_printf("%s: snapshot \"%s\"'s vmstate", n->path, s->name);
    SnapStream *r = snap_stream_new_reader(area, len, what);
    bool ok = snap_vmstate_load(m, r, err);
    snap_stream_free(r);
    g_free(area);
    return ok;
}

/* ---- delvm ------------------------------------------------------------ */

bool snap_named_delete(SnapNamed *n, const char *name, GError **err)
{
    size_t index;
    if (!find(n, name, &index, err))
        return false;
    if (!snap_qcow2_snapshot_delete(n->q, index, err) || !snap_qcow2_flush(n->q, err)) {
        g_prefix_error(err, "delvm \"%s\": ", name);
        return false;
    }
    return true;
}
