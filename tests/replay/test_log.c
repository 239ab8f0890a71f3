/* tests/replay/test_log.c — the event log of replay/FORMAT.md: CRC-32C,
 * varints, round trips of every kind, blocks, writer refusals, and a
 * reader that detects every truncation and every flipped byte. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>

#include "replay/log.h"
#include "tests/replay/testdir.h"

static char *dir;

static void setup(void) { dir = testdir_new("rr-log-XXXXXX"); }
static void teardown(void) { testdir_remove(dir); }

TestSuite(rr_log, .init = setup, .fini = teardown, .timeout = 30);

static char *path_in_dir(const char *name) { return g_build_filename(dir, name, NULL); }

static RrLogHeader header(uint64_t interval, uint32_t groups)
{
    RrLogHeader h = {
        .sync_interval = interval, .sync_groups = groups, .icount_shift = 2,
        .start_time_ns = 1700000000123456789ull, .command_line = "rewind record -o DIR prog.elf",
    };
    for (int i = 0; i < 32; i++)
        h.config_hash[i] = (uint8_t)(0xa0 + i);
    return h;
}

/* ---- Samples: every kind, boundary sizes ---- */

static uint8_t big[RR_EVENT_NET_MAX];
static uint32_t groups4[4] = { 0, 1, 0xdeadbeef, UINT32_MAX };

static void fill_big(void)
{
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7 + (i >> 8));
}

static RrEvent ev_serial(uint64_t ic, uint64_t port, size_t len)
{
    return (RrEvent){ .kind = RR_EVENT_SERIAL_IN, .icount = ic, .port = port, .bytes = big, .len = len };
}

static RrEvent ev_sync(uint64_t ic, const uint32_t *groups, uint32_t n)
{
    RrEvent e = { .kind = RR_EVENT_SYNC, .icount = ic, .cpu_hash = 0x0123456789abcdefull,
                  .ram_hash = UINT64_MAX - ic, .pages = ic / 7, .groups = groups, .n_groups = n };
    for (int i = 0; i < RR_SYNC_REGS; i++)
        e.regs[i] = (uint8_t)(ic + i * 3);
    return e;
}

/* Every kind with its extremes, with header groups 4. */
static size_t sample_events(RrEvent *out)
{
    size_t n = 0;
    fill_big();
    out[n++] = ev_serial(0, 0, 1);
    out[n++] = ev_serial(0, UINT64_MAX, RR_EVENT_SERIAL_MAX);
    out[n++] = (RrEvent){ .kind = RR_EVENT_NET_PACKET, .icount = 1, .adapter = 0, .bytes = big, .len = 1 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_NET_PACKET, .icount = 127, .adapter = 3, .bytes = big,
                          .len = RR_EVENT_NET_MAX };
    out[n++] = (RrEvent){ .kind = RR_EVENT_HOST_CLOCK, .icount = 128, .source = RR_CLOCK_RTC_SECONDS,
                          .value = 1700000000 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_HOST_CLOCK, .icount = 128, .source = RR_CLOCK_SEMI_TIME,
                          .value = 0 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_HOST_CLOCK, .icount = 300, .source = RR_CLOCK_SEMI_CLOCK,
                          .value = UINT64_MAX };
    out[n++] = (RrEvent){ .kind = RR_EVENT_ENTROPY, .icount = 301, .source = 0, .bytes = big + 5, .len = 1 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_ENTROPY, .icount = 302, .source = 9, .bytes = big + 9,
                          .len = RR_EVENT_ENTROPY_MAX };
    out[n++] = (RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 302, .ns = 0 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 303, .ns = UINT64_MAX };
    for (uint8_t q = 0; q <= RR_REQUEST_HALT; q++)
        out[n++] = (RrEvent){ .kind = RR_EVENT_HOST_REQUEST, .icount = 400 + q, .request = q };
    out[n++] = ev_sync(4096, groups4, 4);
    out[n++] = (RrEvent){ .kind = RR_EVENT_USER_STOP, .icount = 5000, .reason = RR_STOP_INTERRUPTED };
    out[n++] = (RrEvent){ .kind = RR_EVENT_USER_STOP, .icount = 5000, .reason = RR_STOP_COMMAND };
    out[n++] = ev_sync(1ull << 40, groups4, 4);
    out[n++] = (RrEvent){ .kind = RR_EVENT_DEBUG_WRITE, .icount = 1ull << 40,
                          .space = RR_DEBUG_REGISTER, .target = 33, .bytes = big, .len = 8 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_DEBUG_WRITE, .icount = (1ull << 40) + 1,
                          .space = RR_DEBUG_RAM, .target = UINT64_MAX - 4095, .bytes = big,
                          .len = 4096 };
    out[n++] = (RrEvent){ .kind = RR_EVENT_END, .icount = UINT64_MAX, .status = RR_END_SEMIHOST_EXIT,
                          .code = UINT64_MAX };
    return n;
}

static void assert_event_eq(const RrEvent *got, const RrEvent *want, size_t i)
{
    cr_assert_eq(got->kind, want->kind, "event %zu kind", i);
    cr_assert_eq(got->icount, want->icount, "event %zu icount", i);
    switch (want->kind) {
    case RR_EVENT_SERIAL_IN:
    case RR_EVENT_NET_PACKET:
    case RR_EVENT_ENTROPY:
        cr_assert_eq(got->port, want->kind == RR_EVENT_SERIAL_IN ? want->port : 0, "event %zu", i);
        cr_assert_eq(got->adapter, want->kind == RR_EVENT_NET_PACKET ? want->adapter : 0, "event %zu", i);
        cr_assert_eq(got->source, want->kind == RR_EVENT_ENTROPY ? want->source : 0, "event %zu", i);
        cr_assert_eq(got->len, want->len, "event %zu len", i);
        cr_assert(!memcmp(got->bytes, want->bytes, want->len), "event %zu bytes", i);
        break;
    case RR_EVENT_HOST_CLOCK:
        cr_assert_eq(got->source, want->source);
        cr_assert_eq(got->value, want->value);
        break;
    case RR_EVENT_IDLE_WARP:
        cr_assert_eq(got->ns, want->ns);
        break;
    case RR_EVENT_HOST_REQUEST:
        cr_assert_eq(got->request, want->request);
        break;
    case RR_EVENT_USER_STOP:
        cr_assert_eq(got->reason, want->reason);
        break;
    case RR_EVENT_SYNC:
        cr_assert_eq(got->cpu_hash, want->cpu_hash);
        cr_assert_eq(got->ram_hash, want->ram_hash);
        cr_assert_eq(got->pages, want->pages);
        cr_assert(!memcmp(got->regs, want->regs, RR_SYNC_REGS));
        cr_assert_eq(got->n_groups, want->n_groups);
        cr_assert(!memcmp(got->groups, want->groups, 4 * (size_t)want->n_groups));
        break;
    case RR_EVENT_END:
        cr_assert_eq(got->status, want->status);
        cr_assert_eq(got->code, want->code);
        break;
    case RR_EVENT_DEBUG_WRITE:
        cr_assert_eq(got->space, want->space, "event %zu", i);
        cr_assert_eq(got->target, want->target, "event %zu", i);
        cr_assert_eq(got->len, want->len, "event %zu len", i);
        cr_assert(!memcmp(got->bytes, want->bytes, want->len), "event %zu bytes", i);
        break;
    }
}

static void append_ok(RrLogWriter *w, const RrEvent *ev)
{
    GError *err = NULL;
    cr_assert(rr_log_writer_append(w, ev, &err), "%s", err ? err->message : "");
}

static void flush_ok(RrLogWriter *w)
{
    GError *err = NULL;
    cr_assert(rr_log_writer_flush(w, &err), "%s", err ? err->message : "");
}

static void close_ok(RrLogWriter *w, uint64_t final)
{
    GError *err = NULL;
    cr_assert(rr_log_writer_close(w, final, &err), "%s", err ? err->message : "");
}

static RrLogWriter *open_ok(const char *path, const RrLogHeader *h)
{
    GError *err = NULL;
    RrLogWriter *w = rr_log_writer_open(path, h, &err);
    cr_assert_not_null(w, "%s", err ? err->message : "");
    return w;
}

static RrLogReader *reader_ok(const char *path, RrLogReaderFlags flags)
{
    GError *err = NULL;
    RrLogReader *r = rr_log_reader_open(path, flags, &err);
    cr_assert_not_null(r, "%s", err ? err->message : "");
    return r;
}

/* Read everything; every event must be want[i]; returns the count, the
 * final result of next() in *ret and its error (caller frees) in *err. */
static size_t read_all(RrLogReader *r, const RrEvent *want, size_t n_want, int *ret, GError **err)
{
    size_t n = 0;
    RrEvent ev;
    while ((*ret = rr_log_reader_next(r, &ev, err)) == 1) {
        cr_assert_lt(n, n_want, "more events than written");
        assert_event_eq(&ev, &want[n], n);
        n++;
    }
    return n;
}

static uint64_t file_size(const char *path)
{
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    return (uint64_t)st.st_size;
}

static GBytes *slurp(const char *path)
{
    char *data;
    gsize len;
    cr_assert(g_file_get_contents(path, &data, &len, NULL));
    return g_bytes_new_take(data, len);
}

static void spit(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");               /* not g_file_set_contents: no fsync */
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
}

/* ---- CRC, hash, varints ---- */

Test(rr_log, crc32c_known_answer_and_continuation)
{
    cr_assert_eq(rr_crc32c(0, "123456789", 9), 0xe3069283u);
    cr_assert_eq(rr_crc32c(rr_crc32c(0, "1234", 4), "56789", 5), 0xe3069283u);
    cr_assert_eq(rr_crc32c(0, "", 0), 0);
    uint8_t zeros[32] = { 0 };
    cr_assert_eq(rr_crc32c(0, zeros, 32), 0x8a9136aau);   /* RFC 3720 B.4 */
}

Test(rr_log, varint_round_trips_edge_values)
{
    static const struct { uint64_t v; size_t len; } cases[] = {
        { 0, 1 }, { 1, 1 }, { 127, 1 }, { 128, 2 }, { 16383, 2 }, { 16384, 3 },
        { UINT32_MAX, 5 }, { (1ull << 63) - 1, 9 }, { 1ull << 63, 10 }, { UINT64_MAX, 10 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        uint8_t buf[RR_VARINT_MAX];
        uint64_t back = 1234;
        size_t n = rr_varint_encode(cases[i].v, buf);
        cr_assert_eq(n, cases[i].len, "%" PRIu64, cases[i].v);
        cr_assert_eq(rr_varint_decode(buf, n, &back), n);
        cr_assert_eq(back, cases[i].v);
        cr_assert_eq(rr_varint_decode(buf, n - 1, &back), 0, "short input");
    }
    uint8_t b128[] = { 0x80, 0x01 }, bmax[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
    uint8_t b263[] = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 };
    uint8_t enc[RR_VARINT_MAX];
    cr_assert_eq(rr_varint_encode(128, enc), 2);
    cr_assert(!memcmp(enc, b128, 2));
    cr_assert(!memcmp(enc, b128, rr_varint_encode(128, enc)));
    cr_assert_eq(rr_varint_encode(UINT64_MAX, enc), 10);
    cr_assert(!memcmp(enc, bmax, 10));
    cr_assert_eq(rr_varint_encode(1ull << 63, enc), 10);
    cr_assert(!memcmp(enc, b263, 10));
}

Test(rr_log, varint_rejects_overlong_oversized_and_short)
{
    uint64_t v;
    uint8_t zero_group[] = { 0x80, 0x00 };
    uint8_t one_padded[] = { 0x81, 0x80, 0x00 };
    uint8_t tenth_two[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02 };
    uint8_t eleven[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x81, 0x00 };
    uint8_t open_end[] = { 0x80 };
    cr_assert_eq(rr_varint_decode(zero_group, 2, &v), 0);
    cr_assert_eq(rr_varint_decode(one_padded, 3, &v), 0);
    cr_assert_eq(rr_varint_decode(tenth_two, 10, &v), 0);
    cr_assert_eq(rr_varint_decode(eleven, 11, &v), 0);
    cr_assert_eq(rr_varint_decode(open_end, 1, &v), 0);
    cr_assert_eq(rr_varint_decode(open_end, 0, &v), 0);
    uint8_t single_zero[] = { 0x00, 0xff };
    cr_assert_eq(rr_varint_decode(single_zero, 2, &v), 1);
    cr_assert_eq(v, 0);
}

/* ---- Round trips ---- */

Test(rr_log, every_kind_round_trips_with_boundary_sizes)
{
    RrEvent evs[32];
    size_t n = sample_events(evs);
    char *path = path_in_dir("events.rwl");
    RrLogHeader h = header(4096, 4);
    RrLogWriter *w = open_ok(path, &h);
    for (size_t i = 0; i < n; i++)
        append_ok(w, &evs[i]);
    close_ok(w, UINT64_MAX);

    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    const RrLogHeader *rh = rr_log_reader_header(r);
    cr_assert_eq(rh->version, 2);
    cr_assert_eq(rh->flags, 0);
    cr_assert(!memcmp(rh->config_hash, h.config_hash, 32));
    cr_assert_eq(rh->sync_interval, 4096);
    cr_assert_eq(rh->sync_groups, 4);
    cr_assert_eq(rh->icount_shift, 2);
    cr_assert_eq(rh->start_time_ns, h.start_time_ns);
    cr_assert_str_eq(rh->command_line, h.command_line);
    cr_assert_str_eq(rr_log_reader_path(r), path);

    int ret;
    GError *err = NULL;
    cr_assert_eq(read_all(r, evs, n, &ret, &err), n);
    cr_assert_eq(ret, 0, "%s", err ? err->message : "");
    RrEvent ev;
    cr_assert_eq(rr_log_reader_next(r, &ev, &err), 0, "the end stays the end");

    RrLogStats st;
    rr_log_reader_stats(r, &st);
    cr_assert(st.sealed);
    cr_assert_eq(st.events, n);
    cr_assert_eq(st.blocks, 2, "the 64 KiB frame filled the first block");
    cr_assert_eq(st.final_icount, UINT64_MAX);
    cr_assert_eq(st.icount, UINT64_MAX);
    cr_assert_eq(st.file_bytes, file_size(path));
    cr_assert_null(st.salvage_note);
    rr_log_reader_close(r);
    g_free(path);
}

Test(rr_log, sync_groups_one_and_4096)
{
    static uint32_t g4096[4096];
    for (uint32_t i = 0; i < 4096; i++)
        g4096[i] = i * 2654435761u;
    static const uint32_t g1[1] = { 42 };
    for (int pass = 0; pass < 2; pass++) {
        uint32_t groups = pass ? 4096 : 1;
        char *path = path_in_dir(pass ? "g4096.rwl" : "g1.rwl");
        RrLogHeader h = header(1 << 20, groups);
        RrLogWriter *w = open_ok(path, &h);
        RrEvent evs[3] = { ev_sync(1 << 20, pass ? g4096 : g1, groups),
                           ev_sync(2 << 20, pass ? g4096 : g1, groups),
                           ev_sync(3 << 20, pass ? g4096 : g1, groups) };
        for (int i = 0; i < 3; i++)
            append_ok(w, &evs[i]);
        close_ok(w, 3 << 20);
        RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
        int ret;
        GError *err = NULL;
        cr_assert_eq(read_all(r, evs, 3, &ret, &err), 3);
        cr_assert_eq(ret, 0);
        rr_log_reader_close(r);
        g_free(path);
    }
}

Test(rr_log, empty_log_has_header_and_trailer_only)
{
    char *path = path_in_dir("empty.rwl");
    RrLogHeader h = header(1, 1);
    h.command_line = NULL;
    close_ok(open_ok(path, &h), 77);
    cr_assert_eq(file_size(path), 100 + 40);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    cr_assert_str_eq(rr_log_reader_header(r)->command_line, "");
    RrEvent ev;
    cr_assert_eq(rr_log_reader_next(r, &ev, NULL), 0);
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    cr_assert(st.sealed);
    cr_assert_eq(st.final_icount, 77);
    cr_assert_eq(st.blocks, 0);
    rr_log_reader_close(r);
    g_free(path);
}

Test(rr_log, header_layout_matches_format_md)
{
    char *path = path_in_dir("hdr.rwl");
    RrLogHeader h = header(4096, 4);
    h.command_line = "ab";
    close_ok(open_ok(path, &h), 0);
    GBytes *b = slurp(path);
    const uint8_t *p = g_bytes_get_data(b, NULL);
    static const uint8_t magic[8] = { 0x89, 0x52, 0x57, 0x4c, 0x0d, 0x0a, 0x1a, 0x0a };
    cr_assert(!memcmp(p, magic, 8));
    cr_assert_eq(p[8] | p[9] << 8, 2);
    cr_assert_eq(p[10] | p[11] << 8, 102, "header length counts the command line and the CRC");
    cr_assert_eq(p[16], 0xa0);
    cr_assert_eq(p[48] | p[49] << 8, 4096);
    cr_assert_eq(p[56], 4);
    cr_assert_eq(p[60], 2);
    cr_assert_eq(p[92], 2);
    cr_assert(!memcmp(p + 96, "ab", 2));
    uint32_t crc = p[98] | p[99] << 8 | p[100] << 16 | (uint32_t)p[101] << 24;
    cr_assert_eq(crc, rr_crc32c(0, p, 98));
    cr_assert(!memcmp(p + 102, "END1", 4));
    g_bytes_unref(b);
    g_free(path);
}

Test(rr_log, non_utf8_command_line_is_made_valid)
{
    char *path = path_in_dir("utf.rwl");
    RrLogHeader h = header(4096, 4);
    h.command_line = "rewind record \xff.elf";
    close_ok(open_ok(path, &h), 0);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    cr_assert(g_utf8_validate(rr_log_reader_header(r)->command_line, -1, NULL));
    cr_assert(g_str_has_prefix(rr_log_reader_header(r)->command_line, "rewind record "));
    rr_log_reader_close(r);
    g_free(path);
}

/* ---- Blocks ---- */

Test(rr_log, many_events_split_into_blocks_by_size_and_flush)
{
    enum { N = 600 };
    static RrEvent evs[N];
    fill_big();
    char *path = path_in_dir("many.rwl");
    RrLogHeader h = header(4096, 4);
    RrLogWriter *w = open_ok(path, &h);
    uint64_t sizes[8];
    int flushes = 0;
    for (int i = 0; i < N; i++) {
        evs[i] = ev_serial((uint64_t)i * 1000, i % 3, 1 + (i * 37) % 1500);
        evs[i].kind = i % 2 ? RR_EVENT_NET_PACKET : RR_EVENT_SERIAL_IN;
        evs[i].adapter = evs[i].port;
        append_ok(w, &evs[i]);
        if (i == 10 || i == 11 || i == 300) {
            flush_ok(w);
            flush_ok(w);                     /* nothing collected: no block */
            sizes[flushes++] = file_size(path);
        }
    }
    /* event 11 alone: tag, delta 1000 (2 bytes), adapter, length 408 (2), frame */
    cr_assert_eq(sizes[0] + 24 + 1 + 2 + 1 + 2 + 408, sizes[1]);
    close_ok(w, N * 1000);

    /* 600 events of ~750 bytes: ~450 KB, so 7 blocks by size plus 3 by flush. */
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    int ret;
    GError *err = NULL;
    cr_assert_eq(read_all(r, evs, N, &ret, &err), N);
    cr_assert_eq(ret, 0, "%s", err ? err->message : "");
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    cr_assert_geq(st.blocks, 9);
    cr_assert_leq(st.blocks, 11);
    rr_log_reader_close(r);

    /* Walk the blocks: none holds much more than 64 KiB. */
    GBytes *b = slurp(path);
    gsize len;
    const uint8_t *p = g_bytes_get_data(b, &len);
    size_t off = p[10] | p[11] << 8;
    uint64_t blocks = 0;
    while (!memcmp(p + off, "BLK1", 4)) {
        uint32_t plen = p[off + 4] | p[off + 5] << 8 | p[off + 6] << 16;
        cr_assert_lt(plen, 64 * 1024 + 1600);
        off += 24 + plen;
        blocks++;
    }
    cr_assert_eq(blocks, st.blocks);
    cr_assert_eq(off + 40, len);
    g_bytes_unref(b);
    g_free(path);
}

Test(rr_log, block_interval_zero_writes_a_block_per_append)
{
    char *path = path_in_dir("timed.rwl");
    RrLogHeader h = header(4096, 4);
    RrLogWriter *w = open_ok(path, &h);
    RrEvent evs[5];
    fill_big();
    append_ok(w, &(RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 1, .ns = 5 });
    uint64_t after_one = file_size(path);
    cr_assert_eq(after_one, 100 + 29, "the default second has not passed: nothing written");
    rr_log_writer_set_block_interval(w, 0);
    for (int i = 0; i < 5; i++) {
        evs[i] = ev_serial(10 + i, 0, 3);
        append_ok(w, &evs[i]);
        cr_assert_gt(file_size(path), after_one, "the event is in the file at once");
        after_one = file_size(path);
    }
    close_ok(w, 20);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    RrEvent ev;
    cr_assert_eq(rr_log_reader_next(r, &ev, NULL), 1);
    cr_assert_eq(ev.kind, RR_EVENT_IDLE_WARP);
    int ret;
    cr_assert_eq(read_all(r, evs, 5, &ret, NULL), 5);
    cr_assert_eq(ret, 0);
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    cr_assert_eq(st.blocks, 5, "the first block holds the warp and event 0");
    rr_log_reader_close(r);
    g_free(path);
}

/* ---- Writer refusals ---- */

static void refused(RrLogWriter *w, RrEvent ev, const char *needle)
{
    GError *err = NULL;
    cr_assert(!rr_log_writer_append(w, &ev, &err), "accepted: %s", needle);
    cr_assert_not_null(err);
    cr_assert_eq(err->code, RR_LOG_ERROR_INVALID);
    cr_assert(strstr(err->message, needle), "%s", err->message);
    g_clear_error(&err);
}

Test(rr_log, writer_refuses_out_of_range_events)
{
    char *path = path_in_dir("refuse.rwl");
    RrLogHeader h = header(4096, 4);
    RrLogWriter *w = open_ok(path, &h);
    fill_big();
    append_ok(w, &(RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 100, .ns = 1 });
    refused(w, (RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 99 }, "below the previous");
    refused(w, ev_serial(100, 0, 0), "1..4096");
    refused(w, ev_serial(100, 0, 4097), "1..4096");
    refused(w, (RrEvent){ .kind = RR_EVENT_ENTROPY, .icount = 100, .bytes = big, .len = 4097 }, "1..4096");
    refused(w, (RrEvent){ .kind = RR_EVENT_NET_PACKET, .icount = 100, .bytes = big, .len = 65537 }, "1..65536");
    refused(w, (RrEvent){ .kind = RR_EVENT_NET_PACKET, .icount = 100, .len = 5 }, "no bytes");
    refused(w, (RrEvent){ .kind = RR_EVENT_HOST_CLOCK, .icount = 100, .source = 3 }, "clock source");
    refused(w, (RrEvent){ .kind = RR_EVENT_HOST_REQUEST, .icount = 100, .request = 3 }, "request");
    refused(w, (RrEvent){ .kind = RR_EVENT_USER_STOP, .icount = 100, .reason = 2 }, "reason");
    refused(w, (RrEvent){ .kind = RR_EVENT_END, .icount = 100, .status = 4 }, "status");
    refused(w, (RrEvent){ .kind = RR_EVENT_END, .icount = 100, .status = 0, .code = 1 }, "power off");
    refused(w, ev_sync(4096, groups4, 3), "group count");
    refused(w, (RrEvent){ .kind = RR_EVENT_DEBUG_WRITE, .icount = 100, .space = 2, .bytes = big,
                          .len = 8 }, "space");
    refused(w, (RrEvent){ .kind = RR_EVENT_DEBUG_WRITE, .icount = 100, .bytes = big, .len = 4097 },
            "1..4096");
    refused(w, (RrEvent){ .kind = 0x0b, .icount = 100 }, "unknown tag");
    refused(w, (RrEvent){ .kind = 0, .icount = 100 }, "unknown tag");
    append_ok(w, &(RrEvent){ .kind = RR_EVENT_END, .icount = 100, .status = RR_END_POWER_OFF });
    refused(w, (RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 100 }, "end event");

    /* Nothing refused reached the log. */
    close_ok(w, 100);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    RrEvent ev;
    cr_assert_eq(rr_log_reader_next(r, &ev, NULL), 1);
    cr_assert_eq(ev.kind, RR_EVENT_IDLE_WARP);
    cr_assert_eq(rr_log_reader_next(r, &ev, NULL), 1);
    cr_assert_eq(ev.kind, RR_EVENT_END);
    cr_assert_eq(rr_log_reader_next(r, &ev, NULL), 0);
    rr_log_reader_close(r);
    g_free(path);
}

Test(rr_log, writer_refuses_bad_headers)
{
    char *path = path_in_dir("bad.rwl");
    static const struct { uint64_t n; uint32_t g; } bad[] = {
        { 4096, 0 }, { 4096, 3 }, { 8192, 8192 }, { 4098, 4 }, { 100, 128 }, { 0, 1 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        GError *err = NULL;
        RrLogHeader h = header(bad[i].n, bad[i].g);
        cr_assert_null(rr_log_writer_open(path, &h, &err), "case %zu", i);
        cr_assert_eq(err->code, RR_LOG_ERROR_INVALID);
        g_clear_error(&err);
    }
    GError *err = NULL;
    RrLogHeader h = header(4096, 4);
    h.flags = 1;
    cr_assert_null(rr_log_writer_open(path, &h, &err));
    g_clear_error(&err);
    char *long_cmd = g_strnfill(65436, 'x');
    h = header(4096, 4);
    h.command_line = long_cmd;
    cr_assert_null(rr_log_writer_open(path, &h, &err));
    cr_assert(strstr(err->message, "command line"), "%s", err->message);
    g_clear_error(&err);
    long_cmd[65435] = 0;                       /* the longest that fits */
    close_ok(open_ok(path, &h), 0);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    cr_assert_eq(strlen(rr_log_reader_header(r)->command_line), 65435);
    rr_log_reader_close(r);
    g_free(long_cmd);
    char *nodir = g_build_filename(dir, "missing", "x.rwl", NULL);
    h.command_line = "";
    cr_assert_null(rr_log_writer_open(nodir, &h, &err));
    cr_assert_eq(err->code, RR_LOG_ERROR_IO);
    g_clear_error(&err);
    g_free(nodir);
    g_free(path);
}

Test(rr_log, close_with_final_icount_below_last_event_leaves_no_trailer)
{
    char *path = path_in_dir("close.rwl");
    RrLogHeader h = header(4096, 4);
    RrLogWriter *w = open_ok(path, &h);
    append_ok(w, &(RrEvent){ .kind = RR_EVENT_IDLE_WARP, .icount = 50, .ns = 1 });
    flush_ok(w);
    GError *err = NULL;
    cr_assert(!rr_log_writer_close(w, 49, &err));
    cr_assert_eq(err->code, RR_LOG_ERROR_INVALID);
    g_clear_error(&err);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    RrEvent ev;
    cr_assert_eq(rr_log_reader_next(r, &ev, &err), 1);
    cr_assert_eq(rr_log_reader_next(r, &ev, &err), -1);
    cr_assert_eq(err->code, RR_LOG_ERROR_TRUNCATED);
    g_clear_error(&err);
    cr_assert_eq(rr_log_reader_next(r, &ev, &err), -1, "the error stays");
    cr_assert_eq(err->code, RR_LOG_ERROR_TRUNCATED);
    g_clear_error(&err);
    rr_log_reader_close(r);
    g_free(path);
}

/* ---- A small multi-block log, then every truncation and every flip ---- */

typedef struct SmallLog {
    RrEvent evs[16];
    size_t n;
    uint64_t block_end[8];         /* file size after each block */
    size_t events_before[8];       /* events in the blocks up to it */
    size_t blocks;
    GBytes *bytes;
} SmallLog;

static uint32_t small_groups[2] = { 0x11223344, 0x55667788 };

static void small_log(SmallLog *s, const char *path)
{
    fill_big();
    RrLogHeader h = header(64, 2);
    h.command_line = "rec";
    RrLogWriter *w = open_ok(path, &h);
    s->n = 0;
    s->blocks = 0;
    const RrEvent all[] = {
        ev_serial(3, 0, 2),
        { .kind = RR_EVENT_HOST_CLOCK, .icount = 3, .source = 0, .value = 1700000000 }, /* block 1 */
        ev_sync(64, small_groups, 2),                                                   /* block 2 */
        { .kind = RR_EVENT_IDLE_WARP, .icount = 70, .ns = 1000 },
        { .kind = RR_EVENT_ENTROPY, .icount = 200, .source = 1, .bytes = big, .len = 4 },
        { .kind = RR_EVENT_USER_STOP, .icount = 201, .reason = 0 },                     /* block 3 */
        { .kind = RR_EVENT_END, .icount = 201, .status = RR_END_USER_STOP, .code = 0 }, /* block 4 */
    };
    const int flush_after[] = { 1, 2, 5, 6 };
    size_t f = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
        s->evs[s->n++] = all[i];
        append_ok(w, &all[i]);
        if (f < G_N_ELEMENTS(flush_after) && (int)i == flush_after[f]) {
            flush_ok(w);
            s->block_end[s->blocks] = file_size(path);
            s->events_before[s->blocks++] = i + 1;
            f++;
        }
    }
    close_ok(w, 205);
    s->bytes = slurp(path);
}

static size_t complete_events(const SmallLog *s, uint64_t len)
{
    size_t n = 0;
    for (size_t b = 0; b < s->blocks; b++)
        if (s->block_end[b] <= len)
            n = s->events_before[b];
    return n;
}

Test(rr_log, truncation_at_every_offset_is_reported_or_salvaged)
{
    SmallLog s;
    char *full = path_in_dir("full.rwl"), *cut = path_in_dir("cut.rwl");
    small_log(&s, full);
    gsize total;
    const uint8_t *p = g_bytes_get_data(s.bytes, &total);
    size_t hdr_len = p[10] | p[11] << 8;
    cr_assert_eq(hdr_len, 103);
    cr_assert_eq(s.blocks, 4);

    for (size_t len = 0; len < total; len++) {
        GError *err = NULL;
        RrLogReader *r = rr_log_reader_open_memory(p, len, cut, RR_LOG_STRICT, &err);
        if (len < hdr_len) {
            cr_assert_null(r, "len %zu", len);
            cr_assert_eq(err->code, len ? RR_LOG_ERROR_TRUNCATED : RR_LOG_ERROR_NOT_LOG,
                         "len %zu: %s", len, err->message);
            g_clear_error(&err);
            r = rr_log_reader_open_memory(p, len, cut, RR_LOG_SALVAGE, &err);
            cr_assert_null(r, "no salvage without a header");
            g_clear_error(&err);
            continue;
        }
        cr_assert_not_null(r, "len %zu: %s", len, err ? err->message : "");
        int ret;
        size_t got = read_all(r, s.evs, s.n, &ret, &err);
        cr_assert_eq(ret, -1, "len %zu", len);
        cr_assert_eq(err->code, RR_LOG_ERROR_TRUNCATED, "len %zu: %s", len, err->message);
        char *needle = g_strdup_printf("truncated: ends at offset %zu ", len);
        cr_assert(strstr(err->message, needle), "len %zu: %s", len, err->message);
        cr_assert(strstr(err->message, "--salvage"), "%s", err->message);
        cr_assert(g_str_has_prefix(err->message, cut), "%s", err->message);
        g_free(needle);
        cr_assert_eq(got, complete_events(&s, len), "len %zu", len);
        g_clear_error(&err);
        rr_log_reader_close(r);

        r = rr_log_reader_open_memory(p, len, cut, RR_LOG_SALVAGE, &err);
        cr_assert_not_null(r);
        got = read_all(r, s.evs, s.n, &ret, &err);
        cr_assert_eq(ret, 0, "len %zu: %s", len, err ? err->message : "");
        cr_assert_eq(got, complete_events(&s, len), "len %zu", len);
        RrLogStats st;
        rr_log_reader_stats(r, &st);
        cr_assert_not_null(st.salvage_note);
        cr_assert(strstr(st.salvage_note, "truncated"), "%s", st.salvage_note);
        cr_assert(!st.sealed);
        cr_assert_eq(st.events, got);
        cr_assert_leq(st.offset, len);
        rr_log_reader_close(r);
    }
    g_bytes_unref(s.bytes);
    g_free(full);
    g_free(cut);
}

/* Read `path` in `flags`: every event returned must be the one written;
 * returns the final result of next() (or -2 if open failed). */
static int read_flipped(const SmallLog *s, const uint8_t *data, size_t len, const char *path,
                        RrLogReaderFlags flags, size_t at)
{
    GError *err = NULL;
    RrLogReader *r = rr_log_reader_open_memory(data, len, path, flags, &err);
    if (!r) {
        cr_assert_not_null(err);
        cr_assert(strchr(err->message, '\n') == NULL, "one line");
        g_clear_error(&err);
        return -2;
    }
    int ret;
    read_all(r, s->evs, s->n, &ret, &err);
    if (ret < 0) {
        cr_assert_not_null(err, "byte %zu", at);
        cr_assert(g_str_has_prefix(err->message, path));
        cr_assert(strstr(err->message, "offset "), "byte %zu: %s", at, err->message);
        g_clear_error(&err);
    }
    rr_log_reader_close(r);
    return ret;
}

Test(rr_log, a_flipped_byte_anywhere_is_detected)
{
    SmallLog s;
    char *full = path_in_dir("full.rwl"), *bad = path_in_dir("bad.rwl");
    small_log(&s, full);
    gsize total;
    const uint8_t *p = g_bytes_get_data(s.bytes, &total);
    uint8_t *copy = g_memdup2(p, total);
    static const uint8_t flips[] = { 0x01, 0x80, 0xff };
    for (size_t at = 0; at < total; at++) {
        for (size_t k = 0; k < G_N_ELEMENTS(flips); k++) {
            copy[at] ^= flips[k];
            int ret = read_flipped(&s, copy, total, bad, RR_LOG_STRICT, at);
            cr_assert(ret < 0, "byte %zu ^ 0x%02x went unnoticed", at, flips[k]);
            read_flipped(&s, copy, total, bad, RR_LOG_SALVAGE, at);
            copy[at] ^= flips[k];
        }
    }
    g_free(copy);
    g_bytes_unref(s.bytes);
    g_free(full);
    g_free(bad);
}

Test(rr_log, salvage_stops_before_a_damaged_block)
{
    SmallLog s;
    char *full = path_in_dir("full.rwl"), *bad = path_in_dir("bad.rwl");
    small_log(&s, full);
    gsize total;
    const uint8_t *orig = g_bytes_get_data(s.bytes, &total);
    uint8_t *copy = g_memdup2(orig, total);
    copy[s.block_end[1] + 30] ^= 0x10;         /* inside block 3's payload */
    spit(bad, copy, total);

    GError *err = NULL;
    RrLogReader *r = reader_ok(bad, RR_LOG_STRICT);
    int ret;
    cr_assert_eq(read_all(r, s.evs, s.n, &ret, &err), s.events_before[1]);
    cr_assert_eq(ret, -1);
    cr_assert_eq(err->code, RR_LOG_ERROR_DAMAGED);
    char *want = g_strdup_printf("%s: block at offset %" PRIu64 " (events from icount 64) is "
                                 "damaged (checksum mismatch); rewind replay --salvage stops "
                                 "before it", bad, s.block_end[1]);
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_clear_error(&err);
    rr_log_reader_close(r);

    r = reader_ok(bad, RR_LOG_SALVAGE);
    cr_assert_eq(read_all(r, s.evs, s.n, &ret, &err), s.events_before[1]);
    cr_assert_eq(ret, 0);
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    cr_assert_eq(st.blocks, 2);
    cr_assert_eq(st.icount, 64);
    cr_assert_eq(st.offset, s.block_end[1]);
    cr_assert(strstr(st.salvage_note, "checksum mismatch"), "%s", st.salvage_note);
    rr_log_reader_close(r);
    g_free(copy);
    g_bytes_unref(s.bytes);
    g_free(full);
    g_free(bad);
}

/* ---- Headers the reader refuses ---- */

static GError *open_error(const char *path)
{
    GError *err = NULL;
    RrLogReader *r = rr_log_reader_open(path, RR_LOG_SALVAGE, &err);
    cr_assert_null(r);
    cr_assert_not_null(err);
    return err;
}

Test(rr_log, reader_refuses_other_versions_flags_and_files)
{
    SmallLog s;
    char *full = path_in_dir("full.rwl"), *bad = path_in_dir("bad.rwl");
    small_log(&s, full);
    gsize total;
    const uint8_t *orig = g_bytes_get_data(s.bytes, &total);
    uint8_t *copy = g_memdup2(orig, total);
    size_t hdr_len = copy[10];

    copy[8] = 3;
    spit(bad, copy, total);
    GError *err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_VERSION);
    char *want = g_strdup_printf("%s: written by format version 3; this rewind reads versions 1 to 2",
                                 bad);
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_clear_error(&err);
    copy[8] = 0;
    spit(bad, copy, total);
    err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_VERSION);
    g_clear_error(&err);
    copy[8] = 2;

    copy[14] = 0x04;                           /* flags bit 16, header CRC redone */
    uint32_t crc = rr_crc32c(0, copy, hdr_len - 4);
    memcpy(copy + hdr_len - 4, &crc, 4);
    spit(bad, copy, total);
    err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_VERSION);
    cr_assert(strstr(err->message, "flags 0x40000"), "%s", err->message);
    g_clear_error(&err);
    copy[14] = 0;

    copy[80] = 1;                              /* a reserved byte */
    crc = rr_crc32c(0, copy, hdr_len - 4);
    memcpy(copy + hdr_len - 4, &crc, 4);
    spit(bad, copy, total);
    err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_VERSION);
    g_clear_error(&err);
    copy[80] = 0;

    copy[56] = 3;                              /* G = 3, CRC redone */
    crc = rr_crc32c(0, copy, hdr_len - 4);
    memcpy(copy + hdr_len - 4, &crc, 4);
    spit(bad, copy, total);
    err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_DAMAGED);
    cr_assert(strstr(err->message, "power of two"), "%s", err->message);
    g_clear_error(&err);

    spit(bad, "\x7f" "ELF\x02\x01\x01", 7);
    err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_NOT_LOG);
    want = g_strdup_printf("%s: not a rewind log (bad magic)", bad);
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_clear_error(&err);

    spit(bad, "", 0);
    err = open_error(bad);
    cr_assert_eq(err->code, RR_LOG_ERROR_NOT_LOG);
    g_clear_error(&err);

    char *none = path_in_dir("none.rwl");
    err = open_error(none);
    cr_assert_eq(err->code, RR_LOG_ERROR_IO);
    g_clear_error(&err);
    g_free(none);
    g_free(copy);
    g_bytes_unref(s.bytes);
    g_free(full);
    g_free(bad);
}

/* ---- Blocks with valid checksums but wrong contents (a buggy writer) ---- */

typedef struct Crafted {
    GByteArray *b;
    uint32_t log_crc;
    uint64_t blocks, events, icount;
} Crafted;

static Crafted craft_start(void)
{
    char *path = path_in_dir("base.rwl");
    RrLogHeader h = header(64, 2);
    h.command_line = "";
    close_ok(open_ok(path, &h), 0);
    GBytes *bytes = slurp(path);
    gsize len;
    const uint8_t *p = g_bytes_get_data(bytes, &len);
    Crafted c = { .b = g_byte_array_new() };
    g_byte_array_append(c.b, p, len - 40);    /* the header */
    g_bytes_unref(bytes);
    g_free(path);
    return c;
}

static void craft_block(Crafted *c, uint64_t base, uint32_t count, const void *payload, uint32_t len)
{
    uint8_t h[24];
    memcpy(h, "BLK1", 4);
    memcpy(h + 4, &len, 4);
    memcpy(h + 8, &base, 8);
    memcpy(h + 16, &count, 4);
    uint32_t crc = rr_crc32c(rr_crc32c(0, h, 20), payload, len);
    memcpy(h + 20, &crc, 4);
    g_byte_array_append(c->b, h, 24);
    g_byte_array_append(c->b, payload, len);
    c->log_crc = rr_crc32c(rr_crc32c(c->log_crc, h, 24), payload, len);
    c->blocks++;
    c->events += count;
}

static void craft_trailer(Crafted *c, uint64_t final, uint64_t events, uint64_t blocks)
{
    uint8_t t[40] = { 'E', 'N', 'D', '1' };
    memcpy(t + 8, &final, 8);
    memcpy(t + 16, &events, 8);
    memcpy(t + 24, &blocks, 8);
    uint32_t crc = rr_crc32c(0, t, 32);
    memcpy(t + 32, &crc, 4);
    memcpy(t + 36, &c->log_crc, 4);
    g_byte_array_append(c->b, t, 40);
}

/* Write the crafted log and read it strictly: `good` events, then an
 * error of `code` whose message holds `needle`. Frees c. */
static void craft_expect(Crafted *c, size_t good, int code, const char *needle)
{
    char *path = path_in_dir("crafted.rwl");
    spit(path, c->b->data, c->b->len);
    g_byte_array_unref(c->b);
    RrLogReader *r = reader_ok(path, RR_LOG_STRICT);
    RrEvent ev;
    GError *err = NULL;
    size_t n = 0;
    int ret;
    while ((ret = rr_log_reader_next(r, &ev, &err)) == 1)
        n++;
    cr_assert_eq(n, good, "%s", needle);
    if (code < 0) {
        cr_assert_eq(ret, 0, "%s: %s", needle, err ? err->message : "");
    } else {
        cr_assert_eq(ret, -1, "%s", needle);
        cr_assert_eq(err->code, code, "%s", err->message);
        cr_assert(strstr(err->message, needle), "want \"%s\" in: %s", needle, err->message);
        g_clear_error(&err);
    }
    rr_log_reader_close(r);
    g_free(path);
}

/* A good block: idle warps at icounts 5 and 7. */
static const uint8_t two_warps[] = { 0x05, 5, 1, 0x05, 2, 1 };

Test(rr_log, crafted_logs_check_what_the_checksums_cannot)
{
    Crafted c = craft_start();
    craft_block(&c, 0, 2, two_warps, sizeof two_warps);
    craft_trailer(&c, 7, 2, 1);
    craft_expect(&c, 2, -1, "the crafted reference log reads");

    static const struct { const char *name; uint8_t payload[16]; uint32_t len, count; } cases[] = {
        { "unknown tag", { 0x0b, 0 }, 2, 1 },
        { "unknown tag", { 0x00, 0 }, 2, 1 },
        { "varint", { 0x05, 0x80, 0x00, 1 }, 4, 1 },
        { "varint", { 0x05, 0, 0x80 }, 3, 1 },
        { "runs past the block", { 0x01, 0, 0, 5, 'a', 'b' }, 6, 1 },
        { "out of range", { 0x01, 0, 0, 0 }, 4, 1 },
        { "out of range", { 0x02, 0, 0, 0x81, 0x80, 0x04, 'a' }, 7, 1 },
        { "runs past the block", { 0x03, 0, 0, 1, 2, 3 }, 6, 1 },
        { "runs past the block", { 0x06, 0 }, 2, 1 },
        { "request", { 0x06, 0, 7 }, 3, 1 },
        { "reason", { 0x07, 0, 2 }, 3, 1 },
        { "status", { 0x09, 0, 4, 0 }, 4, 1 },
        { "power off", { 0x09, 0, 0, 1 }, 4, 1 },
        { "clock source", { 0x03, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0 }, 11, 1 },
        { "runs past the block", { 0x08, 0, 1, 2, 3 }, 5, 1 },
        { "fewer events than its count", { 0x05, 5, 1 }, 3, 2 },
        { "more events than its count", { 0x05, 5, 1, 0x05, 2, 1 }, 6, 1 },
        { "more events than its count", { 0x05, 5, 1 }, 3, 0 },
        { "after the end event", { 0x09, 0, 1, 0, 0x05, 0, 1 }, 7, 2 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        c = craft_start();
        craft_block(&c, 0, cases[i].count, cases[i].payload, cases[i].len);
        craft_trailer(&c, 7, cases[i].count, 1);
        craft_expect(&c, 0, RR_LOG_ERROR_DAMAGED, cases[i].name);
    }

    /* A debug write: read in a version 2 log, an unknown tag in version 1. */
    static const uint8_t debug_write[] = { 0x0a, 3, 0, 33, 1, 0x2a };
    c = craft_start();
    craft_block(&c, 0, 1, debug_write, sizeof debug_write);
    craft_trailer(&c, 3, 1, 1);
    craft_expect(&c, 1, -1, "a debug write in version 2");
    c = craft_start();
    c.b->data[8] = 1;
    size_t hlen = c.b->data[10] | c.b->data[11] << 8;
    uint32_t hcrc = rr_crc32c(0, c.b->data, hlen - 4);
    memcpy(c.b->data + hlen - 4, &hcrc, 4);
    craft_block(&c, 0, 1, debug_write, sizeof debug_write);
    craft_trailer(&c, 3, 1, 1);
    craft_expect(&c, 0, RR_LOG_ERROR_DAMAGED, "unknown tag");

    /* An icount that overflows. */
    uint8_t over[] = { 0x05, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0,
                       0x05, 1, 0 };
    c = craft_start();
    craft_block(&c, 0, 2, over, sizeof over);
    craft_expect(&c, 0, RR_LOG_ERROR_DAMAGED, "overflows");

    /* A second block whose base is not where the first ended. */
    c = craft_start();
    craft_block(&c, 0, 2, two_warps, sizeof two_warps);
    craft_block(&c, 6, 2, two_warps, sizeof two_warps);
    craft_expect(&c, 2, RR_LOG_ERROR_DAMAGED, "out of order");

    /* An end event in one block, anything in the next. */
    uint8_t end[] = { 0x09, 7, 1, 0 };
    c = craft_start();
    craft_block(&c, 0, 1, end, sizeof end);
    craft_block(&c, 7, 2, two_warps, sizeof two_warps);
    craft_expect(&c, 1, RR_LOG_ERROR_DAMAGED, "after the end event");

    /* Payload lengths 0 and 1 MiB + 1. */
    c = craft_start();
    craft_block(&c, 0, 0, "", 0);
    craft_expect(&c, 0, RR_LOG_ERROR_DAMAGED, "payload length out of range");
    c = craft_start();
    uint8_t *huge = g_malloc0((1 << 20) + 1);
    craft_block(&c, 0, 1, huge, (1 << 20) + 1);
    g_free(huge);
    craft_expect(&c, 0, RR_LOG_ERROR_DAMAGED, "payload length out of range");

    /* Neither a block nor the trailer. */
    c = craft_start();
    craft_block(&c, 0, 2, two_warps, sizeof two_warps);
    g_byte_array_append(c.b, (const uint8_t *)"BLK2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 30);
    craft_expect(&c, 2, RR_LOG_ERROR_DAMAGED, "bad block magic");
}

Test(rr_log, trailer_must_agree_with_the_blocks)
{
    static const struct { uint64_t final, events, blocks; const char *needle; } cases[] = {
        { 7, 3, 1, "event count" },
        { 7, 2, 2, "block count" },
        { 6, 2, 1, "final icount" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        Crafted c = craft_start();
        craft_block(&c, 0, 2, two_warps, sizeof two_warps);
        craft_trailer(&c, cases[i].final, cases[i].events, cases[i].blocks);
        craft_expect(&c, 2, RR_LOG_ERROR_DAMAGED, cases[i].needle);
    }
    Crafted c = craft_start();
    craft_block(&c, 0, 2, two_warps, sizeof two_warps);
    c.log_crc ^= 1;
    craft_trailer(&c, 7, 2, 1);
    craft_expect(&c, 2, RR_LOG_ERROR_DAMAGED, "whole-log checksum");

    c = craft_start();
    craft_block(&c, 0, 2, two_warps, sizeof two_warps);
    craft_trailer(&c, 7, 2, 1);
    g_byte_array_append(c.b, (const uint8_t *)"x", 1);
    craft_expect(&c, 2, RR_LOG_ERROR_DAMAGED, "after the trailer");
}
