/* replay/log.c — the event log of replay/FORMAT.md, version 2: writer and
 * reader. See log.h for the contracts. */
#include "replay/log.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

G_DEFINE_QUARK(rr-log-error-quark, rr_log_error)

/* On-disk sizes (FORMAT.md tables). */
#define HEADER_FIXED   96u          /* bytes before the command line */
#define HEADER_CRC     4u           /* the crc32c after the command line */
#define HEADER_CMD_MAX (UINT16_MAX - HEADER_FIXED - HEADER_CRC)
#define BLOCK_HEADER   24u
#define BLOCK_TARGET   (64u * 1024)         /* the writer's block size */
#define BLOCK_MAX      (1024u * 1024)       /* the largest payload a reader takes */
#define TRAILER        40u

static const uint8_t LOG_MAGIC[8] = { 0x89, 'R', 'W', 'L', '\r', '\n', 0x1a, '\n' };
static const uint8_t BLOCK_MAGIC[4] = { 'B', 'L', 'K', '1' };
static const uint8_t TRAILER_MAGIC[4] = { 'E', 'N', 'D', '1' };

_Static_assert(BLOCK_TARGET + 1 + RR_VARINT_MAX * 2 + RR_EVENT_NET_MAX <= BLOCK_MAX,
               "a full block plus the largest event fits a reader's block");

/* ---- Helpers ---- */

static void put_u16(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static void put_u32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = v >> (8 * i); }
static void put_u64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = v >> (8 * i); }
static uint16_t get_u16(const uint8_t *p) { return p[0] | (uint16_t)p[1] << 8; }

static uint32_t get_u32(const uint8_t *p)
{
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_u64(const uint8_t *p)
{
    return get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

size_t rr_varint_encode(uint64_t v, uint8_t out[RR_VARINT_MAX])
{
    size_t n = 0;
    while (v >= 0x80) {
        out[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (uint8_t)v;
    return n;
}

size_t rr_varint_decode(const uint8_t *p, size_t avail, uint64_t *v)
{
    uint64_t x = 0;
    for (size_t i = 0; i < RR_VARINT_MAX && i < avail; i++) {
        uint8_t b = p[i];
        if (i == RR_VARINT_MAX - 1 && b > 1)
            return 0;                       /* bits above 63 */
        x |= (uint64_t)(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) {
            if (b == 0 && i > 0)
                return 0;                   /* a redundant zero group */
            *v = x;
            return i + 1;
        }
    }
    return 0;                               /* runs past avail or past 10 bytes */
}

static uint32_t crc_table[256];

static void crc_table_init(void)
{
    static gsize done;
    if (g_once_init_enter(&done)) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c >> 1) ^ (0x82f63b78u & -(c & 1));
            crc_table[i] = c;
        }
        g_once_init_leave(&done, 1);
    }
}

uint32_t rr_crc32c(uint32_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    crc_table_init();
    crc = ~crc;
    for (size_t i = 0; i < len; i++)
        crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

const char *rr_event_kind_name(RrEventKind kind)
{
    switch (kind) {
    case RR_EVENT_SERIAL_IN:    return "serial-in";
    case RR_EVENT_NET_PACKET:   return "net-packet";
    case RR_EVENT_HOST_CLOCK:   return "host-clock";
    case RR_EVENT_ENTROPY:      return "entropy";
    case RR_EVENT_IDLE_WARP:    return "idle-warp";
    case RR_EVENT_HOST_REQUEST: return "host-request";
    case RR_EVENT_USER_STOP:    return "user-stop";
    case RR_EVENT_SYNC:         return "sync";
    case RR_EVENT_END:          return "end";
    case RR_EVENT_DEBUG_WRITE:  return "debug-write";
    }
    return NULL;
}

/* What is wrong with an event's payload values, or NULL: one definition of
 * a valid event for the writer (before it encodes) and the reader (after it
 * decodes). */
static const char *event_problem(const RrEvent *ev, uint32_t groups)
{
    switch (ev->kind) {
    case RR_EVENT_SERIAL_IN:
    case RR_EVENT_ENTROPY:
        if (ev->len < 1 || ev->len > RR_EVENT_SERIAL_MAX)
            return "byte count out of range 1..4096";
        return ev->bytes ? NULL : "no bytes";
    case RR_EVENT_DEBUG_WRITE:
        if (ev->space > RR_DEBUG_RAM)
            return "unknown debug write space";
        if (ev->len < 1 || ev->len > RR_EVENT_SERIAL_MAX)
            return "byte count out of range 1..4096";
        return ev->bytes ? NULL : "no bytes";
    case RR_EVENT_NET_PACKET:
        if (ev->len < 1 || ev->len > RR_EVENT_NET_MAX)
            return "frame length out of range 1..65536";
        return ev->bytes ? NULL : "no bytes";
    case RR_EVENT_HOST_CLOCK:
        return ev->source <= RR_CLOCK_SEMI_CLOCK ? NULL : "unknown clock source";
    case RR_EVENT_IDLE_WARP:
        return NULL;
    case RR_EVENT_HOST_REQUEST:
        return ev->request <= RR_REQUEST_HALT ? NULL : "unknown host request";
    case RR_EVENT_USER_STOP:
        return ev->reason <= RR_STOP_COMMAND ? NULL : "unknown stop reason";
    case RR_EVENT_SYNC:
        if (ev->n_groups != groups)
            return "group count differs from the header's sync groups";
        return ev->groups || groups == 0 ? NULL : "no groups";
    case RR_EVENT_END:
        if (ev->status > RR_END_USER_STOP)
            return "unknown end status";
        return ev->status == RR_END_POWER_OFF && ev->code != 0
            ? "power off with a nonzero code" : NULL;
    }
    return "unknown tag";
}

/* What is wrong with the header's sync fields, or NULL. */
static const char *sync_problem(uint64_t interval, uint32_t groups)
{
    if (groups < 1 || groups > RR_SYNC_GROUPS_MAX || (groups & (groups - 1)))
        return "sync groups is not a power of two from 1 to 4096";
    if (interval == 0)
        return "the sync interval is 0 (it must be at least 1 instruction)";
    if (interval % groups)
        return "sync groups does not divide the sync interval";
    return NULL;
}

/* ---- The writer ---- */

struct RrLogWriter {
    FILE *f;
    char *path;
    uint32_t groups;             /* G */
    GByteArray *payload;         /* the block being collected */
    uint32_t count;              /* its events */
    uint64_t block_base;         /* its base icount */
    uint64_t icount;             /* the last event's */
    bool ended;                  /* an END was appended */
    bool failed;                 /* a write failed: the file is unusable */
    uint64_t events, blocks;
    uint32_t log_crc;            /* over every block written */
    int64_t last_write_us, interval_us;
};

static bool write_bytes(RrLogWriter *w, const void *p, size_t n, GError **err)
{
    if (fwrite(p, 1, n, w->f) == n)
        return true;
    w->failed = true;
    g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "%s: cannot write the event log: %s",
                w->path, g_strerror(errno));
    return false;
}

static bool flush_file(RrLogWriter *w, GError **err)
{
    if (fflush(w->f) == 0)
        return true;
    w->failed = true;
    g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "%s: cannot write the event log: %s",
                w->path, g_strerror(errno));
    return false;
}

static bool check_not_failed(RrLogWriter *w, GError **err)
{
    if (!w->failed)
        return true;
    g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO,
                "%s: an earlier write failed; the log ends before it", w->path);
    return false;
}

RrLogWriter *rr_log_writer_open(const char *path, const RrLogHeader *hdr, GError **err)
{
    const char *problem = sync_problem(hdr->sync_interval, hdr->sync_groups);
    if (problem) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "%s: %s (interval %" PRIu64
                    ", groups %" PRIu32 ")", path, problem, hdr->sync_interval, hdr->sync_groups);
        return NULL;
    }
    if (hdr->flags) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "%s: header flags 0x%" PRIx32 " are not defined in format version %d",
                    path, hdr->flags, RR_LOG_VERSION);
        return NULL;
    }
    char *cmd = g_utf8_make_valid(hdr->command_line ? hdr->command_line : "", -1);
    size_t len = strlen(cmd);
    if (len > HEADER_CMD_MAX) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "%s: the command line is %zu bytes; the log header holds at most %u",
                    path, len, HEADER_CMD_MAX);
        g_free(cmd);
        return NULL;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "%s: cannot create the event log: %s",
                    path, g_strerror(errno));
        g_free(cmd);
        return NULL;
    }

    size_t total = HEADER_FIXED + len + HEADER_CRC;
    uint8_t *h = g_malloc0(total);
    memcpy(h, LOG_MAGIC, 8);
    put_u16(h + 8, RR_LOG_VERSION);
    put_u16(h + 10, (uint16_t)total);
    put_u32(h + 12, 0);
    memcpy(h + 16, hdr->config_hash, 32);
    put_u64(h + 48, hdr->sync_interval);
    put_u32(h + 56, hdr->sync_groups);
    put_u32(h + 60, hdr->icount_shift);
    put_u64(h + 64, hdr->start_time_ns);
    put_u32(h + 92, (uint32_t)len);
    memcpy(h + HEADER_FIXED, cmd, len);
    put_u32(h + HEADER_FIXED + len, rr_crc32c(0, h, HEADER_FIXED + len));
    g_free(cmd);

    RrLogWriter *w = g_new0(RrLogWriter, 1);
    w->f = f;
    w->path = g_strdup(path);
    w->groups = hdr->sync_groups;
    w->payload = g_byte_array_sized_new(BLOCK_TARGET + 1024);
    w->interval_us = G_USEC_PER_SEC;
    w->last_write_us = g_get_monotonic_time();
    bool ok = write_bytes(w, h, total, err) && flush_file(w, err);
    g_free(h);
    if (!ok) {
        GError *ignored = NULL;
        if (!rr_log_writer_close(w, 0, &ignored))
            g_error_free(ignored);
        return NULL;
    }
    return w;
}

void rr_log_writer_set_block_interval(RrLogWriter *w, int64_t usec)
{
    w->interval_us = usec;
}

static void append_varint(GByteArray *b, uint64_t v)
{
    uint8_t buf[RR_VARINT_MAX];
    g_byte_array_append(b, buf, rr_varint_encode(v, buf));
}

static void append_u64(GByteArray *b, uint64_t v)
{
    uint8_t buf[8];
    put_u64(buf, v);
    g_byte_array_append(b, buf, 8);
}

static void encode_event(GByteArray *b, const RrEvent *ev, uint64_t delta)
{
    uint8_t tag = ev->kind;
    g_byte_array_append(b, &tag, 1);
    append_varint(b, delta);
    switch (ev->kind) {
    case RR_EVENT_SERIAL_IN:
    case RR_EVENT_NET_PACKET:
    case RR_EVENT_ENTROPY:
    case RR_EVENT_DEBUG_WRITE:
        if (ev->kind == RR_EVENT_DEBUG_WRITE) {
            g_byte_array_append(b, &ev->space, 1);
            append_varint(b, ev->target);
        } else {
            append_varint(b, ev->kind == RR_EVENT_SERIAL_IN ? ev->port
                             : ev->kind == RR_EVENT_NET_PACKET ? ev->adapter : ev->source);
        }
        append_varint(b, ev->len);
        g_byte_array_append(b, ev->bytes, ev->len);
        break;
    case RR_EVENT_HOST_CLOCK:
        append_varint(b, ev->source);
        append_u64(b, ev->value);
        break;
    case RR_EVENT_IDLE_WARP:
        append_varint(b, ev->ns);
        break;
    case RR_EVENT_HOST_REQUEST:
        g_byte_array_append(b, &ev->request, 1);
        break;
    case RR_EVENT_USER_STOP:
        g_byte_array_append(b, &ev->reason, 1);
        break;
    case RR_EVENT_SYNC:
        append_u64(b, ev->cpu_hash);
        append_u64(b, ev->ram_hash);
        append_varint(b, ev->pages);
        g_byte_array_append(b, ev->regs, RR_SYNC_REGS);
        for (uint32_t g = 0; g < ev->n_groups; g++) {
            uint8_t buf[4];
            put_u32(buf, ev->groups[g]);
            g_byte_array_append(b, buf, 4);
        }
        break;
    case RR_EVENT_END:
        g_byte_array_append(b, &ev->status, 1);
        append_varint(b, ev->code);
        break;
    }
}

bool rr_log_writer_append(RrLogWriter *w, const RrEvent *ev, GError **err)
{
    if (!check_not_failed(w, err))
        return false;
    const char *name = rr_event_kind_name(ev->kind);
    const char *problem = event_problem(ev, w->groups);
    if (!problem && ev->icount < w->icount)
        problem = "icount below the previous event's";
    if (!problem && w->ended)
        problem = "the log already has its end event";
    if (problem) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "%s: cannot log %s event (tag 0x%02x) at icount %" PRIu64 ": %s"
                    " (previous event at icount %" PRIu64 ")",
                    w->path, name ? name : "an unknown", (unsigned)ev->kind, ev->icount,
                    problem, w->icount);
        return false;
    }
    if (w->count == 0)
        w->block_base = w->icount;
    encode_event(w->payload, ev, ev->icount - w->icount);
    w->count++;
    w->events++;
    w->icount = ev->icount;
    w->ended = ev->kind == RR_EVENT_END;
    if (w->payload->len >= BLOCK_TARGET
        || g_get_monotonic_time() - w->last_write_us >= w->interval_us)
        return rr_log_writer_flush(w, err);
    return true;
}

bool rr_log_writer_flush(RrLogWriter *w, GError **err)
{
    if (!check_not_failed(w, err))
        return false;
    if (w->count == 0)
        return true;
    uint8_t h[BLOCK_HEADER];
    memcpy(h, BLOCK_MAGIC, 4);
    put_u32(h + 4, w->payload->len);
    put_u64(h + 8, w->block_base);
    put_u32(h + 16, w->count);
    put_u32(h + 20, rr_crc32c(rr_crc32c(0, h, 20), w->payload->data, w->payload->len));
    if (!write_bytes(w, h, sizeof h, err) || !write_bytes(w, w->payload->data, w->payload->len, err)
        || !flush_file(w, err))
        return false;
    w->log_crc = rr_crc32c(rr_crc32c(w->log_crc, h, sizeof h), w->payload->data, w->payload->len);
    w->blocks++;
    w->count = 0;
    g_byte_array_set_size(w->payload, 0);
    w->last_write_us = g_get_monotonic_time();
    return true;
}

bool rr_log_writer_close(RrLogWriter *w, uint64_t final_icount, GError **err)
{
    bool ok = rr_log_writer_flush(w, err);
    if (ok && final_icount < w->icount) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "%s: final icount %" PRIu64 " is below the last event's, %" PRIu64
                    "; the log is left without a trailer", w->path, final_icount, w->icount);
        ok = false;
    }
    if (ok) {
        uint8_t t[TRAILER];
        memcpy(t, TRAILER_MAGIC, 4);
        put_u32(t + 4, 0);
        put_u64(t + 8, final_icount);
        put_u64(t + 16, w->events);
        put_u64(t + 24, w->blocks);
        put_u32(t + 32, rr_crc32c(0, t, 32));
        put_u32(t + 36, w->log_crc);
        ok = write_bytes(w, t, sizeof t, err);
    }
    if (fclose(w->f) != 0 && ok) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "%s: cannot write the event log: %s",
                    w->path, g_strerror(errno));
        ok = false;
    }
    g_byte_array_unref(w->payload);
    g_free(w->path);
    g_free(w);
    return ok;
}

/* ---- The reader ---- */

typedef enum ReaderState { READING, DONE, FAILED } ReaderState;

struct RrLogReader {
    FILE *f;
    char *path;
    RrLogReaderFlags flags;
    RrLogHeader hdr;
    char *command_line;
    ReaderState state;
    GError *failure;             /* FAILED: what next() reports again */
    char *salvage_note;
    uint64_t offset;             /* file offset of the next block or the trailer */

    uint8_t *block;              /* the current block's payload, checked */
    size_t block_cap;
    uint32_t block_len;
    uint64_t block_offset;       /* its file offset */
    size_t pos;                  /* next event in it */
    uint32_t left;               /* events not yet returned from it */

    uint64_t icount;             /* the last event's (returned or checked) */
    bool ended;                  /* an END was met */
    uint64_t events, blocks;
    uint32_t log_crc;
    bool sealed;
    uint64_t final_icount, file_bytes;
    uint32_t *groups;            /* G decoded sync groups */
};

const RrLogHeader *rr_log_reader_header(const RrLogReader *r) { return &r->hdr; }
const char *rr_log_reader_path(const RrLogReader *r) { return r->path; }

void rr_log_reader_stats(const RrLogReader *r, RrLogStats *out)
{
    *out = (RrLogStats){
        .events = r->events, .blocks = r->blocks, .icount = r->icount, .offset = r->offset,
        .sealed = r->sealed, .final_icount = r->final_icount, .file_bytes = r->file_bytes,
        .salvage_note = r->salvage_note,
    };
}

void rr_log_reader_close(RrLogReader *r)
{
    if (!r)
        return;
    if (r->f)
        fclose(r->f);
    if (r->failure)
        g_error_free(r->failure);
    g_free(r->salvage_note);
    g_free(r->block);
    g_free(r->groups);
    g_free(r->command_line);
    g_free(r->path);
    g_free(r);
}

/* Read up to n bytes; returns how many (short only at end of file), or
 * -1 with *err set on a read error. */
static ssize_t read_some(RrLogReader *r, void *buf, size_t n, GError **err)
{
    size_t got = fread(buf, 1, n, r->f);
    if (got < n && ferror(r->f)) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "%s: cannot read at offset %" PRIu64
                    ": %s", r->path, r->offset, g_strerror(errno));
        return -1;
    }
    return (ssize_t)got;
}

static bool header_fail(RrLogReader *r, GError **err, int code, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

static bool header_fail(RrLogReader *r, GError **err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(err, RR_LOG_ERROR, code, "%s: %s", r->path, msg);
    g_free(msg);
    return false;
}

static bool read_header(RrLogReader *r, GError **err)
{
    uint8_t fixed[HEADER_FIXED];
    ssize_t n = read_some(r, fixed, sizeof fixed, err);
    if (n < 0)
        return false;
    if (n == 0)
        return header_fail(r, err, RR_LOG_ERROR_NOT_LOG, "empty file, not a rewind log");
    if (memcmp(fixed, LOG_MAGIC, MIN((size_t)n, sizeof LOG_MAGIC)))
        return header_fail(r, err, RR_LOG_ERROR_NOT_LOG, "not a rewind log (bad magic)");
    if (n >= 10 && (get_u16(fixed + 8) < RR_LOG_VERSION_MIN || get_u16(fixed + 8) > RR_LOG_VERSION))
        return header_fail(r, err, RR_LOG_ERROR_VERSION,
                           "written by format version %u; this rewind reads versions %d to %d",
                           get_u16(fixed + 8), RR_LOG_VERSION_MIN, RR_LOG_VERSION);
    if ((size_t)n < sizeof fixed)
        return header_fail(r, err, RR_LOG_ERROR_TRUNCATED,
                           "truncated: ends at offset %zd inside the header; the recorder "
                           "was stopped before it wrote the header, nothing can be replayed", n);
    uint32_t cmd_len = get_u32(fixed + 92);
    uint16_t hdr_len = get_u16(fixed + 10);
    if (cmd_len > HEADER_CMD_MAX || hdr_len != HEADER_FIXED + cmd_len + HEADER_CRC)
        return header_fail(r, err, RR_LOG_ERROR_DAMAGED,
                           "header at offset 0 is damaged (header length %u, command line "
                           "length %" PRIu32 "); the log cannot be replayed", hdr_len, cmd_len);

    uint8_t *rest = g_malloc(cmd_len + HEADER_CRC);
    n = read_some(r, rest, cmd_len + HEADER_CRC, err);
    bool ok = n >= 0;
    if (ok && (size_t)n < cmd_len + HEADER_CRC)
        ok = header_fail(r, err, RR_LOG_ERROR_TRUNCATED,
                         "truncated: ends at offset %zu inside the header; the recorder "
                         "was stopped before it wrote the header, nothing can be replayed",
                         HEADER_FIXED + (size_t)n);
    if (ok && rr_crc32c(rr_crc32c(0, fixed, sizeof fixed), rest, cmd_len)
              != get_u32(rest + cmd_len))
        ok = header_fail(r, err, RR_LOG_ERROR_DAMAGED,
                         "header at offset 0 is damaged (checksum mismatch); the log "
                         "cannot be replayed");
    if (ok && get_u32(fixed + 12))
        ok = header_fail(r, err, RR_LOG_ERROR_VERSION,
                         "header flags 0x%" PRIx32 " has bits this rewind does not know "
                         "(a newer rewind wrote it?); this rewind reads version %d, flags 0",
                         get_u32(fixed + 12), RR_LOG_VERSION);
    for (int i = 72; ok && i < 92; i++)
        if (fixed[i])
            ok = header_fail(r, err, RR_LOG_ERROR_VERSION,
                             "header byte %d, reserved in version %d, is not zero "
                             "(a newer rewind wrote it?)", i, RR_LOG_VERSION);
    const char *problem = ok ? sync_problem(get_u64(fixed + 48), get_u32(fixed + 56)) : NULL;
    if (problem)
        ok = header_fail(r, err, RR_LOG_ERROR_DAMAGED,
                         "header at offset 0 is damaged (%s); the log cannot be replayed",
                         problem);
    if (ok && !g_utf8_validate_len((const char *)rest, cmd_len, NULL))
        ok = header_fail(r, err, RR_LOG_ERROR_DAMAGED,
                         "header at offset 0 is damaged (the command line is not UTF-8); "
                         "the log cannot be replayed");
    if (ok) {
        r->hdr.version = get_u16(fixed + 8);
        r->hdr.flags = 0;
        memcpy(r->hdr.config_hash, fixed + 16, 32);
        r->hdr.sync_interval = get_u64(fixed + 48);
        r->hdr.sync_groups = get_u32(fixed + 56);
        r->hdr.icount_shift = get_u32(fixed + 60);
        r->hdr.start_time_ns = get_u64(fixed + 64);
        r->command_line = g_strndup((const char *)rest, cmd_len);
        r->hdr.command_line = r->command_line;
        r->groups = g_new0(uint32_t, r->hdr.sync_groups);
        r->offset = hdr_len;
    }
    g_free(rest);
    return ok;
}

static RrLogReader *reader_start(FILE *f, const char *path, RrLogReaderFlags flags, GError **err)
{
    if (!f) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "%s: cannot open the event log: %s",
                    path, g_strerror(errno));
        return NULL;
    }
    RrLogReader *r = g_new0(RrLogReader, 1);
    r->f = f;
    r->path = g_strdup(path);
    r->flags = flags;
    if (!read_header(r, err)) {
        rr_log_reader_close(r);
        return NULL;
    }
    return r;
}

RrLogReader *rr_log_reader_open(const char *path, RrLogReaderFlags flags, GError **err)
{
    return reader_start(fopen(path, "rb"), path, flags, err);
}

RrLogReader *rr_log_reader_open_memory(const void *data, size_t len, const char *name,
                                       RrLogReaderFlags flags, GError **err)
{
    static uint8_t nothing;      /* glibc's fmemopen() takes size 0, not NULL */
    FILE *f = fmemopen(len ? (void *)data : &nothing, len, "rb");
    return reader_start(f, name, flags, err);
}

/* Decode one event at p (avail bytes left in the block) following an event
 * at icount `prev`, into *ev (bytes and groups point into p and
 * r->groups). Returns its length, or 0 with *why set. */
static size_t decode_event(RrLogReader *r, const uint8_t *p, size_t avail, uint64_t prev,
                           RrEvent *ev, const char **why)
{
    size_t at = 1, n;
    uint64_t delta, len, unit;
    *ev = (RrEvent){ .kind = p[0] };
    if (!rr_event_kind_name(ev->kind) || (ev->kind == RR_EVENT_DEBUG_WRITE && r->hdr.version < 2)) {
        *why = "unknown tag";
        return 0;
    }
#define VARINT(dst) \
    do { \
        if (!(n = rr_varint_decode(p + at, avail - at, &(dst)))) { \
            *why = "a varint is malformed or runs past the block"; \
            return 0; \
        } \
        at += n; \
    } while (0)
#define NEED(k) \
    do { \
        if (avail - at < (k)) { \
            *why = "the payload runs past the block"; \
            return 0; \
        } \
    } while (0)

    VARINT(delta);
    if (delta > UINT64_MAX - prev) {
        *why = "the icount overflows";
        return 0;
    }
    ev->icount = prev + delta;
    switch (ev->kind) {
    case RR_EVENT_SERIAL_IN:
    case RR_EVENT_NET_PACKET:
    case RR_EVENT_ENTROPY:
    case RR_EVENT_DEBUG_WRITE:
        if (ev->kind == RR_EVENT_DEBUG_WRITE) {
            NEED(1);
            ev->space = p[at++];
            VARINT(ev->target);
        } else {
            VARINT(unit);
            if (ev->kind == RR_EVENT_SERIAL_IN)
                ev->port = unit;
            else if (ev->kind == RR_EVENT_NET_PACKET)
                ev->adapter = unit;
            else
                ev->source = unit;
        }
        VARINT(len);
        if (len > RR_EVENT_NET_MAX) {
            *why = "byte count out of range";
            return 0;
        }
        NEED(len);
        ev->bytes = p + at;
        ev->len = len;
        at += len;
        break;
    case RR_EVENT_HOST_CLOCK:
        VARINT(ev->source);
        NEED(8);
        ev->value = get_u64(p + at);
        at += 8;
        break;
    case RR_EVENT_IDLE_WARP:
        VARINT(ev->ns);
        break;
    case RR_EVENT_HOST_REQUEST:
        NEED(1);
        ev->request = p[at++];
        break;
    case RR_EVENT_USER_STOP:
        NEED(1);
        ev->reason = p[at++];
        break;
    case RR_EVENT_SYNC:
        NEED(16);
        ev->cpu_hash = get_u64(p + at);
        ev->ram_hash = get_u64(p + at + 8);
        at += 16;
        VARINT(ev->pages);
        NEED(RR_SYNC_REGS);
        memcpy(ev->regs, p + at, RR_SYNC_REGS);
        at += RR_SYNC_REGS;
        NEED(4 * (size_t)r->hdr.sync_groups);
        for (uint32_t g = 0; g < r->hdr.sync_groups; g++, at += 4)
            r->groups[g] = get_u32(p + at);
        ev->groups = r->groups;
        ev->n_groups = r->hdr.sync_groups;
        break;
    case RR_EVENT_END:
        NEED(1);
        ev->status = p[at++];
        VARINT(ev->code);
        break;
    }
#undef VARINT
#undef NEED
    if ((*why = event_problem(ev, r->hdr.sync_groups)))
        return 0;
    ev->size = at;
    return at;
}

/* Fail (or, salvaging, end) the stream at the current block or trailer. */
static int stop(RrLogReader *r, GError **err, int code, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static int stop(RrLogReader *r, GError **err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if ((r->flags & RR_LOG_SALVAGE) && code != RR_LOG_ERROR_IO) {
        r->salvage_note = g_strdup_printf("%s: %s", r->path, msg);
        r->state = DONE;
        g_free(msg);
        return 0;
    }
    r->failure = g_error_new(RR_LOG_ERROR, code, "%s: %s", r->path, msg);
    r->state = FAILED;
    g_free(msg);
    g_propagate_error(err, g_error_copy(r->failure));
    return -1;
}

static int truncated(RrLogReader *r, GError **err, uint64_t end, const char *where)
{
    return stop(r, err, RR_LOG_ERROR_TRUNCATED,
                "truncated: ends at offset %" PRIu64 " %s, after icount %" PRIu64 "; the "
                "recorder was stopped before closing the log (rewind replay --salvage "
                "replays the %" PRIu64 " complete blocks)", end, where, r->icount, r->blocks);
}

static int damaged_block(RrLogReader *r, GError **err, uint64_t base, const char *what)
{
    return stop(r, err, RR_LOG_ERROR_DAMAGED,
                "block at offset %" PRIu64 " (events from icount %" PRIu64 ") is damaged "
                "(%s); rewind replay --salvage stops before it", r->offset, base, what);
}

static int read_fail(RrLogReader *r, GError **err, GError *io)
{
    r->failure = io;
    r->state = FAILED;
    g_propagate_error(err, g_error_copy(io));
    return -1;
}

/* At the trailer (its magic in t[0..3]): check it and the end of file. */
static int read_trailer(RrLogReader *r, uint8_t t[TRAILER], GError **err)
{
    GError *io = NULL;
    ssize_t n = read_some(r, t + 4, TRAILER - 4, &io);
    if (n < 0)
        return read_fail(r, err, io);
    if ((size_t)n < TRAILER - 4)
        return truncated(r, err, r->offset + 4 + n, "inside the trailer");
    if (get_u32(t + 4) != 0 || rr_crc32c(0, t, 32) != get_u32(t + 32))
        return stop(r, err, RR_LOG_ERROR_DAMAGED,
                    "trailer at offset %" PRIu64 " is damaged (checksum mismatch), after "
                    "icount %" PRIu64 "; rewind replay --salvage replays the %" PRIu64
                    " blocks before it", r->offset, r->icount, r->blocks);
    uint64_t final = get_u64(t + 8), events = get_u64(t + 16), blocks = get_u64(t + 24);
    const char *what = NULL;
    if (events != r->events)
        what = "its event count differs from the blocks'";
    else if (blocks != r->blocks)
        what = "its block count differs from the file's";
    else if (final < r->icount)
        what = "its final icount is below the last event's";
    else if (get_u32(t + 36) != r->log_crc)
        what = "the whole-log checksum differs";
    if (what)
        return stop(r, err, RR_LOG_ERROR_DAMAGED,
                    "trailer at offset %" PRIu64 " does not match the log (%s), after icount %"
                    PRIu64 "; rewind replay --salvage replays the %" PRIu64 " blocks before it",
                    r->offset, what, r->icount, r->blocks);
    uint8_t extra;
    n = read_some(r, &extra, 1, &io);
    if (n < 0)
        return read_fail(r, err, io);
    if (n > 0)
        return stop(r, err, RR_LOG_ERROR_DAMAGED,
                    "unexpected bytes after the trailer at offset %" PRIu64 ", after icount %"
                    PRIu64 "; rewind replay --salvage replays the %" PRIu64 " blocks before it",
                    r->offset, r->icount, r->blocks);
    r->sealed = true;
    r->final_icount = final;
    r->file_bytes = r->offset + TRAILER;
    r->state = DONE;
    return 0;
}

/* Read, check and make current the next block. Returns 1 with a block
 * holding at least one event, 0 at the (verified) trailer or a salvaged
 * end, -1 with *err set. */
static int load_block(RrLogReader *r, GError **err)
{
    uint8_t h[TRAILER];          /* a block header or the trailer */
    GError *io = NULL;
    ssize_t n = read_some(r, h, 4, &io);
    if (n < 0)
        return read_fail(r, err, io);
    if (n == 0)
        return truncated(r, err, r->offset, "where a block or the trailer should start");
    if (n < 4)
        return truncated(r, err, r->offset + n, "inside a block");
    if (!memcmp(h, TRAILER_MAGIC, 4))
        return read_trailer(r, h, err);
    if (memcmp(h, BLOCK_MAGIC, 4))
        return damaged_block(r, err, r->icount, "bad block magic");
    n = read_some(r, h + 4, BLOCK_HEADER - 4, &io);
    if (n < 0)
        return read_fail(r, err, io);
    if ((size_t)n < BLOCK_HEADER - 4)
        return truncated(r, err, r->offset + 4 + n, "inside a block");
    uint32_t len = get_u32(h + 4), count = get_u32(h + 16);
    uint64_t base = get_u64(h + 8);
    if (len < 1 || len > BLOCK_MAX)
        return damaged_block(r, err, r->icount, "payload length out of range");
    if (len > r->block_cap) {
        r->block_cap = MAX(len, 64 * 1024);
        r->block = g_realloc(r->block, r->block_cap);
    }
    n = read_some(r, r->block, len, &io);
    if (n < 0)
        return read_fail(r, err, io);
    if ((size_t)n < len)
        return truncated(r, err, r->offset + BLOCK_HEADER + n, "inside a block");
    if (rr_crc32c(rr_crc32c(0, h, 20), r->block, len) != get_u32(h + 20))
        return damaged_block(r, err, r->icount, "checksum mismatch");
    if (base != r->icount) {
        char *what = g_strdup_printf("events out of order: its base icount is %" PRIu64
                                     ", the log had reached %" PRIu64, base, r->icount);
        int ret = damaged_block(r, err, r->icount, what);
        g_free(what);
        return ret;
    }

    /* Check every event before handing out any. */
    uint64_t icount = base;
    bool ended = r->ended;
    size_t pos = 0;
    for (uint32_t i = 0; i < count || pos < len; i++) {
        RrEvent ev;
        const char *why = NULL;
        size_t size = 0;
        if (i >= count)
            why = "more events than its count";
        else if (pos >= len)
            why = "fewer events than its count";
        else if (ended)
            why = "an event after the end event";
        else
            size = decode_event(r, r->block + pos, len - pos, icount, &ev, &why);
        if (!size) {
            char *what = g_strdup_printf("event %" PRIu32 " at offset %" PRIu64 ": %s", i,
                                         r->offset + BLOCK_HEADER + pos, why);
            int ret = damaged_block(r, err, base, what);
            g_free(what);
            return ret;
        }
        pos += size;
        icount = ev.icount;
        ended = ev.kind == RR_EVENT_END;
    }
    r->log_crc = rr_crc32c(rr_crc32c(r->log_crc, h, BLOCK_HEADER), r->block, len);
    r->block_len = len;
    r->block_offset = r->offset;
    r->pos = 0;
    r->left = count;
    r->blocks++;
    r->offset += BLOCK_HEADER + len;
    return 1;
}

int rr_log_reader_next(RrLogReader *r, RrEvent *out, GError **err)
{
    while (r->state == READING && r->left == 0) {
        int ret = load_block(r, err);
        if (ret <= 0)
            return ret;
    }
    if (r->state == DONE)
        return 0;
    if (r->state == FAILED) {
        g_propagate_error(err, g_error_copy(r->failure));
        return -1;
    }
    const char *why = NULL;
    size_t size = decode_event(r, r->block + r->pos, r->block_len - r->pos, r->icount, out, &why);
    g_assert(size);              /* load_block checked it */
    r->pos += size;
    r->left--;
    r->events++;
    r->icount = out->icount;
    r->ended = out->kind == RR_EVENT_END;
    return 1;
}
