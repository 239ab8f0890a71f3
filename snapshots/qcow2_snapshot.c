/* snapshots/qcow2_snapshot.c — the snapshot table and internal snapshots:
 * create, list, read vmstate, revert, delete. See qcow2.h.
 *
 * Snapshot table entry (qcow2.rst, "Snapshots"), big-endian, padded to a
 * multiple of 8; entries follow each other from snapshots_offset:
 *
 *    0  u64 l1_table_offset     20  u32 date_nsec
 *    8  u32 l1_size             24  u64 vm_clock_nsec
 *   12  u16 id_len              32  u32 vm_state_size (ignored when the
 *   14  u16 name_len                    extra data has the 64-bit one)
 *   16  u32 date_sec            36  u32 extra_data_size
 *   40  extra data: u64 vm_state_size, u64 disk_size, u64 icount (-1:
 *       none), then anything later versions add (kept as read)
 *   ..  id, name (not NUL-terminated), zero padding
 *
 * A snapshot's L1 table maps its disk and, from L1 index
 * qcow2_vm_index(disk_size) on, its vmstate. We write the vmstate into
 * clusters of the snapshot's own (the active L1 never maps them), so
 * taking a snapshot leaves nothing behind in the active view.
 */
#include "snapshots/qcow2_int.h"

#include <inttypes.h>
#include <string.h>

#define ENTRY_FIXED  40u
#define EXTRA_OURS   24u       /* vm_state_size, disk_size, icount */

void qcow2_snapshots_free(Qcow2Snap *s, uint32_t n)
{
    for (uint32_t i = 0; s && i < n; i++) {
        g_free(s[i].id);
        g_free(s[i].name);
        g_free(s[i].extra);
    }
    g_free(s);
}

/* Check and read one entry at *pos, advancing it. */
static bool read_entry(SnapQcow2 *q, uint32_t i, uint64_t *pos, Qcow2Snap *s, GError **err)
{
    uint8_t h[ENTRY_FIXED];
    uint64_t at = *pos;
    char *what = g_strdup_printf("snapshot table entry %u", i);
    bool ok = qcow2_read(q, at, h, sizeof h, what, err);
    g_free(what);
    if (!ok)
        return false;
    s->l1_offset = get_be64(h);
    s->l1_size = get_be32(h + 8);
    uint16_t id_len = get_be16(h + 12), name_len = get_be16(h + 14);
    s->info.date_sec = get_be32(h + 16);
    s->info.date_nsec = get_be32(h + 20);
    s->info.vm_clock_ns = get_be64(h + 24);
    s->info.vm_state_size = get_be32(h + 32);
    uint32_t extra = get_be32(h + 36);
    if (extra > MAX_SNAPSHOT_EXTRA) {
        qcow2_damaged(q, err, at + 36, "snapshot %u has %u bytes of extra data, above the limit of %u", i, extra,
                  MAX_SNAPSHOT_EXTRA);
        return false;
    }
    uint64_t var = (uint64_t)extra + id_len + name_len;
    uint8_t *v = g_malloc(var + 1);
    if (!qcow2_read(q, at + ENTRY_FIXED, v, var, "snapshot table entry", err)) {
        g_free(v);
        return false;
    }
    s->info.disk_size = q->size;
    s->info.icount = SNAP_QCOW2_NO_ICOUNT;
    if (extra >= 8)
        s->info.vm_state_size = get_be64(v);
    if (extra >= 16)
        s->info.disk_size = get_be64(v + 8);
    if (extra >= 24)
        s->info.icount = (int64_t)get_be64(v + 16);
    if (extra > EXTRA_OURS) {
        s->extra_size = extra - EXTRA_OURS;
        s->extra = g_memdup2(v + EXTRA_OURS, s->extra_size);
    }
    s->id = g_strndup((const char *)v + extra, id_len);
    s->name = g_strndup((const char *)v + extra + id_len, name_len);
    s->info.id = s->id;
    s->info.name = s->name;
    g_free(v);
    *pos = at + ((ENTRY_FIXED + var + 7) & ~7ull);

    uint64_t vm_index = qcow2_vm_index(q, MIN(s->info.disk_size, 1ull << 62));
    uint64_t per_l1 = q->cs * q->l2_entries;
    if (s->l1_offset & (q->cs - 1)) {
        qcow2_damaged(q, err, at, "snapshot %u's L1 table offset %#" PRIx64 " is not aligned to the cluster size",
                  i, s->l1_offset);
        return false;
    }
    if ((uint64_t)s->l1_size * 8 > MAX_L1_BYTES) {
        qcow2_damaged(q, err, at + 8, "snapshot %u's L1 table of %u entries is above 32 MiB", i, s->l1_size);
        return false;
    }
    if (s->l1_size && (s->l1_offset >= q->file_size || (uint64_t)s->l1_size * 8 > q->file_size - s->l1_offset)) {
        qcow2_damaged(q, err, at, "snapshot %u's L1 table (%u entries at %#" PRIx64 ") is past the end of the file "
                  "(%" PRIu64 " bytes)", i, s->l1_size, s->l1_offset, q->file_size);
        return false;
    }
    if (s->info.disk_size > (1ull << 62) || vm_index > s->l1_size ||
        s->info.vm_state_size / per_l1 + (s->info.vm_state_size % per_l1 != 0) > s->l1_size - vm_index) {
        qcow2_damaged(q, err, at + 8, "snapshot %u's L1 table (%u entries) does not map its disk (%" PRIu64
                  " bytes) and vmstate (%" PRIu64 " bytes)", i, s->l1_size, s->info.disk_size,
                  s->info.vm_state_size);
        return false;
    }
    return true;
}

bool qcow2_snapshots_open(SnapQcow2 *q, GError **err)
{
    uint32_t n = q->nb_snapshots;
    if (!n)
        return true;
    if (n > MAX_SNAPSHOTS) {
        qcow2_damaged(q, err, HDR_NB_SNAPSHOTS, "%u snapshots, above the limit of %u", n, MAX_SNAPSHOTS);
        return false;
    }
    if (q->snapshots_offset & (q->cs - 1)) {
        qcow2_damaged(q, err, HDR_SNAPSHOTS_OFFSET, "the snapshot table offset %#" PRIx64 " is not aligned to the "
                  "cluster size", q->snapshots_offset);
        return false;
    }
    if (q->snapshots_offset == 0 || q->snapshots_offset >= q->file_size ||
        (uint64_t)n * ENTRY_FIXED > q->file_size - q->snapshots_offset) {
        qcow2_damaged(q, err, HDR_SNAPSHOTS_OFFSET, "the snapshot table (%u entries at %#" PRIx64 ") is past the "
                  "end of the file (%" PRIu64 " bytes)", n, q->snapshots_offset, q->file_size);
        return false;
    }
    Qcow2Snap *s = g_new0(Qcow2Snap, n);
    uint64_t pos = q->snapshots_offset;
    for (uint32_t i = 0; i < n; i++) {
        if (!read_entry(q, i, &pos, &s[i], err)) {
            qcow2_snapshots_free(s, i + 1);
            return false;
        }
        if (pos - q->snapshots_offset > MAX_SNAPSHOT_TABLE) {
            qcow2_damaged(q, err, HDR_NB_SNAPSHOTS, "the snapshot table is larger than 64 MiB");
            qcow2_snapshots_free(s, i + 1);
            return false;
        }
    }
    q->snaps = s;
    q->snapshots_bytes = pos - q->snapshots_offset;
    return true;
}

/* Write table `s` (n entries) to a new place, point the header at it and
 * free the old one. On success q owns s; on failure the caller does. */
static bool write_table(SnapQcow2 *q, Qcow2Snap *s, uint32_t n, GError **err)
{
    GByteArray *b = g_byte_array_new();
    for (uint32_t i = 0; i < n; i++) {
        size_t id_len = strlen(s[i].id), name_len = strlen(s[i].name);
        uint32_t extra = EXTRA_OURS + s[i].extra_size;
        size_t len = (ENTRY_FIXED + extra + id_len + name_len + 7) & ~7ull, at = b->len;
        g_byte_array_set_size(b, at + len);
        uint8_t *e = b->data + at;
        memset(e, 0, len);
        put_be64(e, s[i].l1_offset);
        put_be32(e + 8, s[i].l1_size);
        put_be16(e + 12, (uint16_t)id_len);
        put_be16(e + 14, (uint16_t)name_len);
        put_be32(e + 16, s[i].info.date_sec);
        put_be32(e + 20, s[i].info.date_nsec);
        put_be64(e + 24, s[i].info.vm_clock_ns);
        put_be32(e + 32, (uint32_t)MIN(s[i].info.vm_state_size, UINT32_MAX));
        put_be32(e + 36, extra);
        put_be64(e + 40, s[i].info.vm_state_size);
        put_be64(e + 48, s[i].info.disk_size);
        put_be64(e + 56, (uint64_t)s[i].info.icount);
        if (s[i].extra_size)
            memcpy(e + 64, s[i].extra, s[i].extra_size);
        memcpy(e + ENTRY_FIXED + extra, s[i].id, id_len);
        memcpy(e + ENTRY_FIXED + extra + id_len, s[i].name, name_len);
    }
    uint64_t off = 0, clusters = (b->len + q->cs - 1) / q->cs;
    bool ok = !n || (qcow2_alloc(q, clusters, &off, err) && qcow2_write(q, off, b->data, b->len, err) &&
                     qcow2_write_zeros(q, off + b->len, clusters * q->cs - b->len, err));
    uint8_t h[12];
    put_be32(h, n);
    put_be64(h + 4, off);
    ok = ok && qcow2_write(q, HDR_NB_SNAPSHOTS, h, 12, err);
    uint64_t len = b->len;
    g_byte_array_free(b, true);
    if (!ok)
        return false;
    uint64_t old = q->snapshots_offset, old_len = q->nb_snapshots ? q->snapshots_bytes : 0;
    qcow2_snapshots_free(q->snaps, q->nb_snapshots);
    q->snaps = s;
    q->nb_snapshots = n;
    q->snapshots_offset = off;
    q->snapshots_bytes = len;
    return !old_len || qcow2_refcount_add(q, old, old_len, -1, err);
}

/* A copy of the table, with room for one more entry. The strings are
 * duplicated, so freeing either leaves the other intact. */
static Qcow2Snap *copy_table(const SnapQcow2 *q, uint32_t skip)
{
    Qcow2Snap *s = g_new0(Qcow2Snap, q->nb_snapshots + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < q->nb_snapshots; i++) {
        if (i == skip)
            continue;
        s[n] = q->snaps[i];
        s[n].id = g_strdup(q->snaps[i].id);
        s[n].name = g_strdup(q->snaps[i].name);
        s[n].extra = g_memdup2(q->snaps[i].extra, q->snaps[i].extra_size);
        s[n].info.id = s[n].id;
        s[n].info.name = s[n].name;
        n++;
    }
    return s;
}

static bool load_l1(SnapQcow2 *q, const Qcow2Snap *s, uint64_t **l1, GError **err)
{
    uint8_t *b = g_malloc((size_t)s->l1_size * 8 + 1);
    *l1 = g_new0(uint64_t, (size_t)s->l1_size + 1);
    bool ok = qcow2_read(q, s->l1_offset, b, (size_t)s->l1_size * 8, "snapshot L1 table", err);
    for (uint32_t k = 0; ok && k < s->l1_size; k++) {
        (*l1)[k] = get_be64(b + k * 8);
        ok = qcow2_check_l1_entry(q, (*l1)[k], s->l1_offset + (uint64_t)k * 8, err);
    }
    g_free(b);
    if (!ok) {
        g_free(*l1);
        *l1 = NULL;
    }
    return ok;
}

static bool check_index(const SnapQcow2 *q, size_t index, bool write, GError **err)
{
    if (index >= q->nb_snapshots) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_NOT_FOUND, "no snapshot number %zu (the image has %u)", index,
               q->nb_snapshots);
        return false;
    }
    if (write && !q->writable) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_READ_ONLY, "the image is open read-only");
        return false;
    }
    return true;
}

/* ---- Public ---- */

size_t snap_qcow2_snapshot_count(const SnapQcow2 *q) { return q->nb_snapshots; }

const SnapQcow2Snapshot *snap_qcow2_snapshot_get(const SnapQcow2 *q, size_t index)
{
    return index < q->nb_snapshots ? &q->snaps[index].info : NULL;
}

bool snap_qcow2_snapshot_find(const SnapQcow2 *q, const char *name, size_t *index)
{
    for (uint32_t i = 0; i < q->nb_snapshots; i++)
        if (!strcmp(q->snaps[i].name, name)) {
            *index = i;
            return true;
        }
    return false;
}

static char *next_id(const SnapQcow2 *q)
{
    uint64_t max = 0;
    for (uint32_t i = 0; i < q->nb_snapshots; i++) {
        char *end;
        uint64_t v = g_ascii_strtoull(q->snaps[i].id, &end, 10);
        if (*q->snaps[i].id && !*end && v > max && v < UINT64_MAX)
            max = v;
    }
    return g_strdup_printf("%" PRIu64, max + 1);
}

/* Write the vmstate into fresh clusters and L2 tables; the L2 tables go
 * into l1[first ...]. */
static bool write_vmstate(SnapQcow2 *q, const uint8_t *p, size_t len, uint64_t *l1, uint64_t first,
                          GError **err)
{
    uint8_t *l2 = g_malloc(q->cs), *last = g_malloc0(q->cs);
    bool ok = true;
    for (uint64_t j = first; ok && len; j++) {
        memset(l2, 0, q->cs);
        for (uint64_t k = 0; ok && len && k < q->l2_entries; k++) {
            size_t n = (size_t)MIN((uint64_t)len, q->cs);
            uint64_t off;
            if (n < q->cs)
                memcpy(last, p, n);
            ok = qcow2_alloc_write(q, n < q->cs ? last : p, &off, err);
            put_be64(l2 + k * 8, off);
            p += n;
            len -= n;
        }
        ok = ok && qcow2_alloc_write(q, l2, &l1[j], err);
    }
    g_free(l2);
    g_free(last);
    return ok;
}

static bool check_params(SnapQcow2 *q, const SnapQcow2SnapshotParams *p, GError **err)
{
    const char *why = NULL;
    if (!q->writable) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_READ_ONLY, "the image is open read-only");
        return false;
    }
    if (!p->name || !*p->name || strlen(p->name) > UINT16_MAX)
        why = "a snapshot name must be 1 to 65535 bytes";
    else if (p->id && (!*p->id || strlen(p->id) > UINT16_MAX))
        why = "a snapshot id must be 1 to 65535 bytes";
    else if (p->icount < SNAP_QCOW2_NO_ICOUNT)
        why = "the icount must be -1 (none) or at least 0";
    else if (p->vmstate_len && !p->vmstate)
        why = "vmstate bytes are missing";
    else if (q->nb_snapshots >= MAX_SNAPSHOTS)
        why = "the image has the most snapshots qcow2 allows (65536)";
    else if (qcow2_vm_index(q, q->size) + qcow2_vm_index(q, p->vmstate_len) > MAX_L1_BYTES / 8)
        why = "the vmstate is too large for this image's cluster size";
    if (why) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_INVALID, "%s", why);
        return false;
    }
    size_t i;
    if (snap_qcow2_snapshot_find(q, p->name, &i)) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_EXISTS, "a snapshot named \"%s\" exists (id %s); delete it first",
               p->name, q->snaps[i].id);
        return false;
    }
    for (i = 0; p->id && i < q->nb_snapshots; i++)
        if (!strcmp(q->snaps[i].id, p->id)) {
            qcow2_fail(q, err, SNAP_QCOW2_ERROR_EXISTS, "a snapshot with id %s exists", p->id);
            return false;
        }
    return true;
}

bool snap_qcow2_snapshot_create(SnapQcow2 *q, const SnapQcow2SnapshotParams *p, GError **err)
{
    if (!check_params(q, p, err))
        return false;
    uint64_t vm_index = qcow2_vm_index(q, q->size), n_disk = MIN(q->l1_size, vm_index);
    uint64_t n = vm_index + qcow2_vm_index(q, p->vmstate_len);

    /* The disk view: one more reference to every L2 table and cluster the
     * active table reaches, whose COPIED flags therefore clear. */
    if (!qcow2_update_refcounts(q, q->l1, (uint32_t)n_disk, q->l1_offset, +1, true, err))
        return false;
    uint64_t *l1 = g_new0(uint64_t, n + 1);
    for (uint64_t k = 0; k < n_disk; k++)
        l1[k] = q->l1[k] & ~OFLAG_COPIED;
    uint64_t bytes = n * 8, clusters = (bytes + q->cs - 1) / q->cs, l1_off = 0;
    uint8_t *b = g_malloc0(clusters * q->cs + 1);
    bool ok = write_vmstate(q, p->vmstate, p->vmstate_len, l1, vm_index, err);
    for (uint64_t k = 0; k < n; k++)
        put_be64(b + k * 8, l1[k]);
    ok = ok && (!clusters || (qcow2_alloc(q, clusters, &l1_off, err) &&
                              qcow2_write(q, l1_off, b, clusters * q->cs, err)));
    g_free(b);
    g_free(l1);
    if (!ok)
        return false;

    uint64_t date = p->date_ns ? p->date_ns : (uint64_t)g_get_real_time() * 1000;
    Qcow2Snap *s = copy_table(q, UINT32_MAX);
    Qcow2Snap *e = &s[q->nb_snapshots];
    e->id = p->id ? g_strdup(p->id) : next_id(q);
    e->name = g_strdup(p->name);
    e->l1_offset = l1_off;
    e->l1_size = (uint32_t)n;
    e->info = (SnapQcow2Snapshot){
        .id = e->id, .name = e->name,
        .date_sec = (uint32_t)(date / 1000000000u), .date_nsec = (uint32_t)(date % 1000000000u),
        .vm_clock_ns = p->vm_clock_ns, .icount = p->icount,
        .vm_state_size = p->vmstate_len, .disk_size = q->size,
    };
    if (!write_table(q, s, q->nb_snapshots + 1, err)) {
        qcow2_snapshots_free(s, q->nb_snapshots + 1);
        return false;
    }
    return true;
}

bool snap_qcow2_vmstate_read(SnapQcow2 *q, size_t index, uint64_t offset, void *buf, size_t len,
                             GError **err)
{
    if (!check_index(q, index, false, err))
        return false;
    const Qcow2Snap *s = &q->snaps[index];
    if (offset > s->info.vm_state_size || len > s->info.vm_state_size - offset) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_INVALID, "%zu bytes at %#" PRIx64 " are not inside the vmstate of "
               "snapshot \"%s\" (%" PRIu64 " bytes)", len, offset, s->name, s->info.vm_state_size);
        return false;
    }
    uint64_t *l1;
    if (!load_l1(q, s, &l1, err))
        return false;
    uint64_t base = qcow2_vm_index(q, s->info.disk_size) * q->cs * q->l2_entries;
    bool ok = qcow2_read_through(q, l1, s->l1_size, s->l1_offset, base + offset, buf, len, false, err);
    g_free(l1);
    return ok;
}

bool snap_qcow2_snapshot_revert(SnapQcow2 *q, size_t index, GError **err)
{
    if (!check_index(q, index, true, err))
        return false;
    const Qcow2Snap *s = &q->snaps[index];
    uint64_t *sl1;
    if (!load_l1(q, s, &sl1, err))
        return false;
    uint32_t n = (uint32_t)qcow2_vm_index(q, s->info.disk_size);
    uint64_t *l1 = g_new0(uint64_t, (size_t)n + 1);
    for (uint32_t k = 0; k < MIN(n, s->l1_size); k++)
        l1[k] = sl1[k] & ~OFLAG_COPIED;
    g_free(sl1);
    /* The snapshot's disk gains a reference from the active table before
     * the old active table's are dropped. */
    if (!qcow2_update_refcounts(q, l1, n, s->l1_offset, +1, false, err)) {
        g_free(l1);
        return false;
    }
    uint64_t *old = g_memdup2(q->l1, (size_t)q->l1_size * 8 + 8);
    uint32_t old_n = q->l1_size;
    uint64_t old_at = q->l1_offset;
    bool ok = qcow2_l1_replace(q, l1, n, s->info.disk_size, err) &&
              qcow2_update_refcounts(q, old, old_n, old_at, -1, false, err) &&
              qcow2_update_refcounts(q, q->l1, q->l1_size, q->l1_offset, 0, true, err);
    g_free(old);
    return ok;
}

bool snap_qcow2_snapshot_delete(SnapQcow2 *q, size_t index, GError **err)
{
    if (!check_index(q, index, true, err))
        return false;
    uint64_t *l1;
    if (!load_l1(q, &q->snaps[index], &l1, err))
        return false;
    uint64_t l1_off = q->snaps[index].l1_offset;
    uint32_t l1_size = q->snaps[index].l1_size;
    /* Out of the table first: a failure later only leaks clusters. */
    Qcow2Snap *s = copy_table(q, (uint32_t)index);
    if (!write_table(q, s, q->nb_snapshots - 1, err)) {
        qcow2_snapshots_free(s, q->nb_snapshots - 1);
        g_free(l1);
        return false;
    }
    bool ok = qcow2_update_refcounts(q, l1, l1_size, l1_off, -1, false, err) &&
              qcow2_refcount_add(q, l1_off, (uint64_t)l1_size * 8, -1, err) &&
              qcow2_update_refcounts(q, q->l1, q->l1_size, q->l1_offset, 0, true, err);
    g_free(l1);
    return ok;
}
