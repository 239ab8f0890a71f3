/* tests/replay/test_logdump.c — `rewind log dump` and `rewind log check`
 * on small fixed logs: the exact human, JSON and summary text, salvage
 * notes, and what check refuses. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>

#include "replay/logdump.h"
#include "tests/replay/testdir.h"

static char *dir;

static void setup(void) { dir = testdir_new("rr-logdump-XXXXXX"); }
static void teardown(void) { testdir_remove(dir); }

TestSuite(rr_logdump, .init = setup, .fini = teardown, .timeout = 30);

static const uint8_t serial_bytes[] = { 'a', 'b', '\n', 0x01, '"', '\\', 0xff };
static const uint8_t entropy_bytes[] = { 0xde, 0xad, 0xbe, 0xef };
static uint8_t frame[70];
static const uint32_t groups[2] = { 0x11223344, 0x55667788 };

static RrEvent sync_at(uint64_t icount)
{
    RrEvent e = { .kind = RR_EVENT_SYNC, .icount = icount, .cpu_hash = 0x0123456789abcdefull,
                  .ram_hash = 0xfedcba9876543210ull + icount, .pages = icount / 32,
                  .groups = groups, .n_groups = 2 };
    for (int i = 0; i < RR_SYNC_REGS; i++)
        e.regs[i] = (uint8_t)i;
    return e;
}

/* The fixed log: every kind, three blocks. `variant` 1 drops the end
 * event, 2 moves the second sync off its interval. */
static char *write_log(const char *name, int variant)
{
    for (size_t i = 0; i < sizeof frame; i++)
        frame[i] = (uint8_t)i;
    char *path = g_build_filename(dir, name, NULL);
    RrLogHeader h = { .sync_interval = 64, .sync_groups = 2, .icount_shift = 0,
                      .start_time_ns = 1700000000123456789ull,
                      .command_line = "rewind record -o DIR prog.elf" };
    for (int i = 0; i < 32; i++)
        h.config_hash[i] = (uint8_t)i;
    GError *err = NULL;
    RrLogWriter *w = rr_log_writer_open(path, &h, &err);
    cr_assert_not_null(w);
    const RrEvent evs[] = {
        { .kind = RR_EVENT_SERIAL_IN, .icount = 3, .port = 0, .bytes = serial_bytes,
          .len = sizeof serial_bytes },
        { .kind = RR_EVENT_HOST_CLOCK, .icount = 3, .source = RR_CLOCK_RTC_SECONDS, .value = 1700000000 },
        sync_at(64),
        { .kind = RR_EVENT_IDLE_WARP, .icount = 70, .ns = 1000 },
        { .kind = RR_EVENT_ENTROPY, .icount = 100, .source = 1, .bytes = entropy_bytes, .len = 4 },
        { .kind = RR_EVENT_NET_PACKET, .icount = 101, .adapter = 2, .bytes = frame, .len = sizeof frame },
        { .kind = RR_EVENT_HOST_REQUEST, .icount = 120, .request = RR_REQUEST_RESET },
        sync_at(variant == 2 ? 129 : 128),
        { .kind = RR_EVENT_USER_STOP, .icount = 130, .reason = RR_STOP_INTERRUPTED },
        { .kind = RR_EVENT_END, .icount = 130, .status = RR_END_USER_STOP, .code = 0 },
    };
    size_t n = G_N_ELEMENTS(evs) - (variant == 1);
    for (size_t i = 0; i < n; i++) {
        cr_assert(rr_log_writer_append(w, &evs[i], &err), "%s", err ? err->message : "");
        if (i == 2 || i == 5)
            cr_assert(rr_log_writer_flush(w, &err));
    }
    cr_assert(rr_log_writer_close(w, 133, &err));
    return path;
}

/* Dump `path` in `mode` and return the text (g_free it). */
static char *dump(const char *path, RrLogReaderFlags flags, RrLogDumpMode mode, bool want_ok)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    GError *err = NULL;
    RrLogReader *r = rr_log_reader_open(path, flags, &err);
    cr_assert_not_null(r, "%s", err ? err->message : "");
    bool ok = rr_logdump_print(r, out, mode, &err);
    cr_assert_eq(ok, want_ok, "%s", err ? err->message : "");
    g_clear_error(&err);
    rr_log_reader_close(r);
    fclose(out);
    return text;
}

static const char HUMAN[] =
    "# format     version 2, flags 0\n"
    "# config     000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
    "# sync       every 64 instructions, 2 groups\n"
    "# icount     shift 0\n"
    "# started    2023-11-14 22:13:20 UTC\n"
    "# command    rewind record -o DIR prog.elf\n"
    "icount 3  serial-in  port 0  \"ab\\n\\x01\\\"\\\\\\xff\"\n"
    "icount 3  host-clock  rtc-seconds  1700000000\n"
    "icount 64  sync  cpu 0123456789abcdef  ram fedcba9876543250  pages 2  groups 2\n"
    "icount 70  idle-warp  1000 ns\n"
    "icount 100  entropy  source 1  4 bytes  deadbeef\n"
    "icount 101  net-packet  adapter 2  70 bytes  "
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f...\n"
    "icount 120  host-request  reset\n"
    "icount 128  sync  cpu 0123456789abcdef  ram fedcba9876543290  pages 4  groups 2\n"
    "icount 130  user-stop  interrupted\n"
    "icount 130  end  user-stop  code 0\n"
    "# end: 10 events in 3 blocks, final icount 133, trailer verified\n";

Test(rr_logdump, human_dump_is_one_line_per_event)
{
    char *path = write_log("events.rwl", 0);
    char *text = dump(path, RR_LOG_STRICT, RR_LOGDUMP_HUMAN, true);
    cr_assert_str_eq(text, HUMAN);
    g_free(text);
    g_free(path);
}

static const char REGS_HEX[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
    "4041424344";

Test(rr_logdump, json_dump_is_one_object_per_line)
{
    char *path = write_log("events.rwl", 0);
    char *text = dump(path, RR_LOG_STRICT, RR_LOGDUMP_JSON, true);
    char *frame_hex = g_malloc(2 * sizeof frame + 1);
    for (size_t i = 0; i < sizeof frame; i++)
        sprintf(frame_hex + 2 * i, "%02x", frame[i]);
    char *want = g_strconcat(
        "{\"icount\":3,\"kind\":\"serial-in\",\"port\":0,\"bytes\":\"61620a01225cff\"}\n"
        "{\"icount\":3,\"kind\":\"host-clock\",\"source\":\"rtc-seconds\",\"value\":1700000000}\n"
        "{\"icount\":64,\"kind\":\"sync\",\"cpu\":\"0123456789abcdef\",\"ram\":\"fedcba9876543250\","
        "\"pages\":2,\"regs\":\"", REGS_HEX, "\",\"groups\":[\"11223344\",\"55667788\"]}\n"
        "{\"icount\":70,\"kind\":\"idle-warp\",\"ns\":1000}\n"
        "{\"icount\":100,\"kind\":\"entropy\",\"source\":1,\"bytes\":\"deadbeef\"}\n"
        "{\"icount\":101,\"kind\":\"net-packet\",\"adapter\":2,\"bytes\":\"", frame_hex, "\"}\n"
        "{\"icount\":120,\"kind\":\"host-request\",\"request\":\"reset\"}\n"
        "{\"icount\":128,\"kind\":\"sync\",\"cpu\":\"0123456789abcdef\",\"ram\":\"fedcba9876543290\","
        "\"pages\":4,\"regs\":\"", REGS_HEX, "\",\"groups\":[\"11223344\",\"55667788\"]}\n"
        "{\"icount\":130,\"kind\":\"user-stop\",\"reason\":\"interrupted\"}\n"
        "{\"icount\":130,\"kind\":\"end\",\"status\":\"user-stop\",\"code\":0}\n", NULL);
    cr_assert_str_eq(text, want);
    g_free(want);
    g_free(frame_hex);
    g_free(text);
    g_free(path);
}

Test(rr_logdump, summary_counts_events_and_bytes_per_kind)
{
    char *path = write_log("events.rwl", 0);
    char *text = dump(path, RR_LOG_STRICT, RR_LOGDUMP_SUMMARY, true);
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    char *want = g_strdup_printf(
        "format     version 2, flags 0\n"
        "config     000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
        "sync       every 64 instructions, 2 groups\n"
        "icount     shift 0\n"
        "started    2023-11-14 22:13:20 UTC\n"
        "command    rewind record -o DIR prog.elf\n"
        "kind                 events        bytes\n"
        "serial-in                 1           11\n"
        "net-packet                1           74\n"
        "host-clock                1           11\n"
        "entropy                   1            8\n"
        "idle-warp                 1            4\n"
        "host-request              1            3\n"
        "user-stop                 1            3\n"
        "sync                      2          192\n"
        "end                       1            4\n"
        "debug-write               0            0\n"
        "total                    10          310\n"
        "blocks         3\n"
        "final icount   133\n"
        "log bytes      %" PRIu64 "\n"
        "instructions   %.2f per byte of log\n"
        "trailer        verified\n", (uint64_t)st.st_size, 133.0 / st.st_size);
    cr_assert_str_eq(text, want);
    /* header, 3 block headers, the events, the trailer */
    cr_assert_eq(st.st_size, 129 + 3 * 24 + 310 + 40);
    g_free(want);
    g_free(text);
    g_free(path);
}

static char *truncated_copy(const char *path, const char *name, size_t cut)
{
    char *data;
    gsize len;
    cr_assert(g_file_get_contents(path, &data, &len, NULL));
    char *copy = g_build_filename(dir, name, NULL);
    cr_assert(g_file_set_contents(copy, data, (gssize)(len - cut), NULL));
    g_free(data);
    return copy;
}

Test(rr_logdump, salvaged_dumps_name_the_left_out_tail)
{
    char *path = write_log("events.rwl", 0);
    char *cut = truncated_copy(path, "cut.rwl", 40 + 5);   /* the trailer and 5 bytes */

    char *text = dump(cut, RR_LOG_SALVAGE, RR_LOGDUMP_HUMAN, true);
    cr_assert(strstr(text, "icount 101  net-packet"), "%s", text);
    cr_assert_null(strstr(text, "icount 120"), "%s", text);
    char *line = g_strdup_printf("# salvaged: 6 events in 2 blocks, to icount 101; left out: "
                                 "%s: truncated: ends at offset ", cut);
    cr_assert(strstr(text, line), "%s", text);
    g_free(line);
    g_free(text);

    text = dump(cut, RR_LOG_SALVAGE, RR_LOGDUMP_JSON, true);
    cr_assert(g_str_has_suffix(text, "replays the 2 complete blocks)\"}\n"), "%s", text);
    cr_assert(strstr(text, "\n{\"salvaged\":\""), "%s", text);
    g_free(text);

    text = dump(cut, RR_LOG_SALVAGE, RR_LOGDUMP_SUMMARY, true);
    cr_assert(strstr(text, "total                     6"), "%s", text);
    cr_assert(strstr(text, "final icount   101 (the last event's: no trailer)\n"), "%s", text);
    cr_assert(strstr(text, "salvaged       "), "%s", text);
    g_free(text);

    text = dump(cut, RR_LOG_STRICT, RR_LOGDUMP_HUMAN, false);
    cr_assert(strstr(text, "icount 101  net-packet"), "what was read is printed");
    cr_assert_null(strstr(text, "# end"));
    g_free(text);
    g_free(cut);
    g_free(path);
}

/* Run check on `path`: its verdict line, and whether it passed. */
static char *check(const char *path, bool want_ok, GError **errp)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    GError *err = NULL;
    bool ok = rr_logdump_check(path, out, &err);
    fclose(out);
    cr_assert_eq(ok, want_ok, "%s", text);
    cr_assert_eq(err != NULL, !want_ok);
    if (errp)
        *errp = err;
    else
        g_clear_error(&err);
    cr_assert(g_str_has_suffix(text, "\n") && strchr(text, '\n') == text + len - 1,
              "one line: %s", text);
    return text;
}

Test(rr_logdump, check_passes_a_sound_log)
{
    char *path = write_log("events.rwl", 0);
    char *text = check(path, true, NULL);
    char *want = g_strdup_printf("%s: ok: format version 2, 10 events (2 sync) in 3 blocks, "
                                 "final icount 133, trailer verified\n", path);
    cr_assert_str_eq(text, want);
    g_free(want);
    g_free(text);
    g_free(path);
}

Test(rr_logdump, check_fails_what_the_format_forbids)
{
    GError *err = NULL;
    char *path = write_log("noend.rwl", 1);
    char *text = check(path, false, &err);
    cr_assert(strstr(text, "FAILED after 9 events in 3 blocks (icount 130)"), "%s", text);
    cr_assert(strstr(err->message, "no end event"), "%s", err->message);
    g_clear_error(&err);
    g_free(text);
    g_free(path);

    path = write_log("offsync.rwl", 2);
    text = check(path, false, &err);
    cr_assert(strstr(err->message, "sync event off the sync interval"), "%s", err->message);
    cr_assert(strstr(err->message, "icount 129"), "%s", err->message);
    g_clear_error(&err);
    g_free(text);
    g_free(path);

    path = write_log("good.rwl", 0);
    char *cut = truncated_copy(path, "cut.rwl", 1);
    text = check(cut, false, &err);
    cr_assert_eq(err->code, RR_LOG_ERROR_TRUNCATED);
    cr_assert(strstr(text, "FAILED"), "%s", text);
    g_clear_error(&err);
    g_free(text);
    g_free(cut);
    g_free(path);

    char *junk = g_build_filename(dir, "junk.rwl", NULL);
    cr_assert(g_file_set_contents(junk, "hello world", -1, NULL));
    text = check(junk, false, &err);
    cr_assert_eq(err->code, RR_LOG_ERROR_NOT_LOG);
    char *want = g_strdup_printf("%s: FAILED: %s: not a rewind log (bad magic)\n", junk, junk);
    cr_assert_str_eq(text, want);
    g_free(want);
    g_clear_error(&err);
    g_free(text);
    g_free(junk);
}
