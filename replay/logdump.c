/* replay/logdump.c — printing and checking an event log (logdump.h). */
#include "replay/logdump.h"

#include <inttypes.h>
#include <string.h>

#include "emu/cpu.h"

#define HUMAN_HEX_MAX 64         /* bytes of a frame or entropy shown per human line */

static const char *clock_name(uint64_t source)
{
    static const char *const names[] = { "rtc-seconds", "semi-time", "semi-clock" };
    return source < G_N_ELEMENTS(names) ? names[source] : "?";
}

static const char *request_name(uint8_t request)
{
    static const char *const names[] = { "shutdown", "reset", "halt" };
    return request < G_N_ELEMENTS(names) ? names[request] : "?";
}

static const char *reason_name(uint8_t reason)
{
    static const char *const names[] = { "interrupted", "stop-command" };
    return reason < G_N_ELEMENTS(names) ? names[reason] : "?";
}

static const char *status_name(uint8_t status)
{
    static const char *const names[] = { "power-off", "semihosting-exit", "emulation-error",
                                         "user-stop" };
    return status < G_N_ELEMENTS(names) ? names[status] : "?";
}

static void put_hex(FILE *out, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%02x", p[i]);
}

/* A C-style quoted string: printable ASCII as is, \n \r \t \\ \" and \xHH. */
static void put_quoted(FILE *out, const uint8_t *p, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        switch (c) {
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\\': fputs("\\\\", out); break;
        case '"':  fputs("\\\"", out); break;
        default:
            if (c >= 0x20 && c < 0x7f)
                fputc(c, out);
            else
                fprintf(out, "\\x%02x", c);
        }
    }
    fputc('"', out);
}

static void human_bytes(FILE *out, const RrEvent *ev)
{
    fprintf(out, "  %zu bytes  ", ev->len);
    put_hex(out, ev->bytes, MIN(ev->len, HUMAN_HEX_MAX));
    if (ev->len > HUMAN_HEX_MAX)
        fputs("...", out);
}

static void print_human(FILE *out, const RrEvent *ev)
{
    fprintf(out, "icount %" PRIu64 "  %s", ev->icount, rr_event_kind_name(ev->kind));
    switch (ev->kind) {
    case RR_EVENT_SERIAL_IN:
        fprintf(out, "  port %" PRIu64 "  ", ev->port);
        put_quoted(out, ev->bytes, ev->len);
        break;
    case RR_EVENT_NET_PACKET:
        fprintf(out, "  adapter %" PRIu64, ev->adapter);
        human_bytes(out, ev);
        break;
    case RR_EVENT_HOST_CLOCK:
        fprintf(out, "  %s  %" PRIu64, clock_name(ev->source), ev->value);
        break;
    case RR_EVENT_ENTROPY:
        fprintf(out, "  source %" PRIu64, ev->source);
        human_bytes(out, ev);
        break;
    case RR_EVENT_IDLE_WARP:
        fprintf(out, "  %" PRIu64 " ns", ev->ns);
        break;
    case RR_EVENT_HOST_REQUEST:
        fprintf(out, "  %s", request_name(ev->request));
        break;
    case RR_EVENT_USER_STOP:
        fprintf(out, "  %s", reason_name(ev->reason));
        break;
    case RR_EVENT_SYNC:
        fprintf(out, "  cpu %016" PRIx64 "  ram %016" PRIx64 "  pages %" PRIu64 "  groups %" PRIu32,
                ev->cpu_hash, ev->ram_hash, ev->pages, ev->n_groups);
        break;
    case RR_EVENT_END:
        fprintf(out, "  %s  code %" PRIu64, status_name(ev->status), ev->code);
        break;
    case RR_EVENT_DEBUG_WRITE:
        if (ev->space == RR_DEBUG_REGISTER) {
            char buf[16];
            const char *name = emu_cpu_state_reg_name(ev->target, buf);
            fprintf(out, "  register %s", name ? name : "?");
        } else {
            fprintf(out, "  ram 0x%" PRIx64, ev->target);
        }
        human_bytes(out, ev);
        break;
    }
    fputc('\n', out);
}

/* A JSON string of text that may hold anything: \uXXXX for controls. */
static void put_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static void json_bytes(FILE *out, const RrEvent *ev)
{
    fputs(",\"bytes\":\"", out);
    put_hex(out, ev->bytes, ev->len);
    fputc('"', out);
}

static void print_json(FILE *out, const RrEvent *ev)
{
    fprintf(out, "{\"icount\":%" PRIu64 ",\"kind\":\"%s\"", ev->icount,
            rr_event_kind_name(ev->kind));
    switch (ev->kind) {
    case RR_EVENT_SERIAL_IN:
        fprintf(out, ",\"port\":%" PRIu64, ev->port);
        json_bytes(out, ev);
        break;
    case RR_EVENT_NET_PACKET:
        fprintf(out, ",\"adapter\":%" PRIu64, ev->adapter);
        json_bytes(out, ev);
        break;
    case RR_EVENT_HOST_CLOCK:
        fprintf(out, ",\"source\":\"%s\",\"value\":%" PRIu64, clock_name(ev->source), ev->value);
        break;
    case RR_EVENT_ENTROPY:
        fprintf(out, ",\"source\":%" PRIu64, ev->source);
        json_bytes(out, ev);
        break;
    case RR_EVENT_IDLE_WARP:
        fprintf(out, ",\"ns\":%" PRIu64, ev->ns);
        break;
    case RR_EVENT_HOST_REQUEST:
        fprintf(out, ",\"request\":\"%s\"", request_name(ev->request));
        break;
    case RR_EVENT_USER_STOP:
        fprintf(out, ",\"reason\":\"%s\"", reason_name(ev->reason));
        break;
    case RR_EVENT_SYNC:
        fprintf(out, ",\"cpu\":\"%016" PRIx64 "\",\"ram\":\"%016" PRIx64 "\",\"pages\":%" PRIu64
                ",\"regs\":\"", ev->cpu_hash, ev->ram_hash, ev->pages);
        put_hex(out, ev->regs, RR_SYNC_REGS);
        fputs("\",\"groups\":[", out);
        for (uint32_t g = 0; g < ev->n_groups; g++)
            fprintf(out, "%s\"%08" PRIx32 "\"", g ? "," : "", ev->groups[g]);
        fputc(']', out);
        break;
    case RR_EVENT_END:
        fprintf(out, ",\"status\":\"%s\",\"code\":%" PRIu64, status_name(ev->status), ev->code);
        break;
    case RR_EVENT_DEBUG_WRITE:
        fprintf(out, ",\"space\":\"%s\",\"target\":%" PRIu64,
                ev->space == RR_DEBUG_REGISTER ? "register" : "ram", ev->target);
        json_bytes(out, ev);
        break;
    }
    fputs("}\n", out);
}

static char *start_time(uint64_t ns)
{
    GDateTime *t = g_date_time_new_from_unix_utc((gint64)(ns / 1000000000u));
    if (!t)
        return g_strdup_printf("%" PRIu64 " ns since the epoch", ns);
    char *s = g_date_time_format(t, "%Y-%m-%d %H:%M:%S UTC");
    g_date_time_unref(t);
    return s;
}

static void print_header(FILE *out, const RrLogHeader *h, const char *prefix)
{
    char *started = start_time(h->start_time_ns);
    fprintf(out, "%sformat     version %u, flags %" PRIu32 "\n", prefix, h->version, h->flags);
    fprintf(out, "%sconfig     ", prefix);
    put_hex(out, h->config_hash, sizeof h->config_hash);
    fprintf(out, "\n%ssync       every %" PRIu64 " instructions, %" PRIu32 " groups\n",
            prefix, h->sync_interval, h->sync_groups);
    fprintf(out, "%sicount     shift %" PRIu32 "\n", prefix, h->icount_shift);
    fprintf(out, "%sstarted    %s\n", prefix, started);
    fprintf(out, "%scommand    %s\n", prefix, h->command_line);
    g_free(started);
}

/* Totals per kind, for the summary. */
typedef struct KindTotals {
    uint64_t events[RR_EVENT_KIND_LAST + 1];
    uint64_t bytes[RR_EVENT_KIND_LAST + 1];
} KindTotals;

static void print_summary(FILE *out, const RrLogReader *r, const KindTotals *t)
{
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    print_header(out, rr_log_reader_header(r), "");
    fprintf(out, "%-14s %12s %12s\n", "kind", "events", "bytes");
    uint64_t events = 0, bytes = 0;
    for (int k = RR_EVENT_KIND_FIRST; k <= RR_EVENT_KIND_LAST; k++) {
        fprintf(out, "%-14s %12" PRIu64 " %12" PRIu64 "\n", rr_event_kind_name(k),
                t->events[k], t->bytes[k]);
        events += t->events[k];
        bytes += t->bytes[k];
    }
    fprintf(out, "%-14s %12" PRIu64 " %12" PRIu64 "\n", "total", events, bytes);
    uint64_t icount = st.sealed ? st.final_icount : st.icount;
    uint64_t file = st.sealed ? st.file_bytes : st.offset;
    fprintf(out, "blocks         %" PRIu64 "\n", st.blocks);
    fprintf(out, "final icount   %" PRIu64 "%s\n", icount,
            st.sealed ? "" : " (the last event's: no trailer)");
    fprintf(out, "log bytes      %" PRIu64 "\n", file);
    fprintf(out, "instructions   %.2f per byte of log\n", file ? (double)icount / file : 0.0);
    if (st.sealed)
        fputs("trailer        verified\n", out);
    else
        fprintf(out, "salvaged       %s\n", st.salvage_note ? st.salvage_note : "");
}

bool rr_logdump_print(RrLogReader *r, FILE *out, RrLogDumpMode mode, GError **err)
{
    KindTotals totals = { { 0 }, { 0 } };
    if (mode == RR_LOGDUMP_HUMAN)
        print_header(out, rr_log_reader_header(r), "# ");
    RrEvent ev;
    int ret;
    while ((ret = rr_log_reader_next(r, &ev, err)) == 1) {
        if (mode == RR_LOGDUMP_HUMAN)
            print_human(out, &ev);
        else if (mode == RR_LOGDUMP_JSON)
            print_json(out, &ev);
        totals.events[ev.kind]++;
        totals.bytes[ev.kind] += ev.size;
    }
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    if (ret == 0 && mode == RR_LOGDUMP_HUMAN) {
        if (st.sealed)
            fprintf(out, "# end: %" PRIu64 " events in %" PRIu64 " blocks, final icount %"
                    PRIu64 ", trailer verified\n", st.events, st.blocks, st.final_icount);
        else
            fprintf(out, "# salvaged: %" PRIu64 " events in %" PRIu64 " blocks, to icount %"
                    PRIu64 "; left out: %s\n", st.events, st.blocks, st.icount, st.salvage_note);
    } else if (ret == 0 && mode == RR_LOGDUMP_JSON && !st.sealed) {
        fputs("{\"salvaged\":", out);
        put_json_string(out, st.salvage_note ? st.salvage_note : "");
        fputs("}\n", out);
    } else if (mode == RR_LOGDUMP_SUMMARY && ret == 0) {
        print_summary(out, r, &totals);
    }
    return ret == 0;
}

/* What FORMAT.md asks beyond what the reader checks, event by event. */
typedef struct Soundness {
    uint64_t interval;
    uint64_t next_sync;          /* the icount the next sync event is due at */
    uint64_t syncs;
    bool user_stop, ended;
} Soundness;

static const char *unsound(Soundness *s, const RrEvent *ev)
{
    if (ev->kind == RR_EVENT_SYNC) {
        if (s->interval == 0)
            return "a sync event, but the header's sync interval is 0";
        if (ev->icount != s->next_sync)
            return "a sync event off the sync interval (or one missing before it)";
        s->syncs++;
        s->next_sync += s->interval;
    } else if (ev->kind == RR_EVENT_USER_STOP) {
        s->user_stop = true;
    } else if (ev->kind == RR_EVENT_END) {
        s->ended = true;
        if (ev->status == RR_END_USER_STOP && !s->user_stop)
            return "an end event for a user stop without a user-stop event";
    }
    return NULL;
}

bool rr_logdump_check(const char *path, FILE *out, GError **err)
{
    GError *local = NULL;
    RrLogReader *r = rr_log_reader_open(path, RR_LOG_STRICT, &local);
    if (!r) {
        fprintf(out, "%s: FAILED: %s\n", path, local->message);
        g_propagate_error(err, local);
        return false;
    }
    uint64_t interval = rr_log_reader_header(r)->sync_interval;
    Soundness s = { .interval = interval, .next_sync = interval };
    RrEvent ev;
    int ret;
    while ((ret = rr_log_reader_next(r, &ev, &local)) == 1) {
        const char *why = unsound(&s, &ev);
        if (why) {
            local = g_error_new(RR_LOG_ERROR, RR_LOG_ERROR_DAMAGED, "%s: %s at icount %"
                                PRIu64, path, why, ev.icount);
            ret = -1;
            break;
        }
    }
    if (ret == 0 && !s.ended)
        local = g_error_new(RR_LOG_ERROR, RR_LOG_ERROR_DAMAGED,
                            "%s: the log is sealed but has no end event", path);
    RrLogStats st;
    rr_log_reader_stats(r, &st);
    bool ok = local == NULL;
    if (!ok) {
        fprintf(out, "%s: FAILED after %" PRIu64 " events in %" PRIu64 " blocks (icount %"
                PRIu64 "): %s\n", path, st.events, st.blocks, st.icount, local->message);
        g_propagate_error(err, local);
    } else {
        fprintf(out, "%s: ok: format version %u, %" PRIu64 " events (%" PRIu64 " sync) in %"
                PRIu64 " blocks, final icount %" PRIu64 ", trailer verified\n", path,
                rr_log_reader_header(r)->version, st.events, s.syncs, st.blocks,
                st.final_icount);
    }
    rr_log_reader_close(r);
    return ok;
}
