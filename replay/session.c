/* replay/session.c — see session.h. */
#include "replay/session.h"

#include <inttypes.h>
#include <string.h>
#include <sys/random.h>

#include "emu/pl011.h"
#include "replay/internal.h"
#include "replay/statehash.h"
#include "snapshots/snapshot.h"

static void session_init(RrSession *s)
{
    s->ngroups = s->hdr.sync_groups;
    s->group_len = s->hdr.sync_interval / s->ngroups;
    s->next_group = s->group_len;
    s->fp = g_new0(uint32_t, s->ngroups);
    s->pending = g_byte_array_new();
    s->next_bytes = g_byte_array_new();
    s->next_groups = g_new0(uint32_t, s->ngroups);
    s->input_open = true;
    s->sleep = true;
}

RrSession *rr_session_record(const char *path, const RrLogHeader *hdr, GError **err)
{
    RrLogWriter *w = rr_log_writer_open(path, hdr, err);
    if (!w)
        return NULL;
    RrSession *s = g_new0(RrSession, 1);
    s->record = true;
    s->w = w;
    s->hdr = *hdr;
    session_init(s);
    return s;
}

static uint64_t icount(const RrSession *s);

static RrEvent *event_copy(const RrEvent *ev, uint32_t ngroups)
{
    RrEvent *c = g_memdup2(ev, sizeof *ev);
    c->bytes = ev->bytes && ev->len ? g_memdup2(ev->bytes, ev->len) : NULL;
    c->groups = ev->kind == RR_EVENT_SYNC ? g_memdup2(ev->groups, sizeof(uint32_t) * ngroups) : NULL;
    return c;
}

static void event_free(gpointer p)
{
    RrEvent *ev = p;
    g_free((void *)ev->bytes);
    g_free((void *)ev->groups);
    g_free(ev);
}

bool rr_session_load_all(RrSession *s, GError **err)
{
    g_assert(!s->record && s->m && !s->from_buffer);
    guint first = s->events->len ? s->events->len - 1 : 0;   /* s->next's copy */
    if (!s->have_next)
        first = s->events->len;
    while (!s->log_done) {
        if (!rr_session_advance(s, err))
            return false;
    }
    s->travel = true;
    s->from_buffer = true;
    snap_state_unref(s->start);
    s->start = NULL;
    s->ev_pos = first;
    return rr_session_advance(s, err);
}

guint rr_session_next_index(const RrSession *s)
{
    if (s->record)
        return s->events->len;           /* the next event written */
    return s->have_next ? s->ev_pos - 1 : s->ev_pos;
}

bool rr_session_restored(RrSession *s, guint ev, GError **err)
{
    g_assert(s->travel);
    uint64_t now = icount(s), n = s->hdr.sync_interval;
    g_clear_error(&s->div);
    s->ev_pos = ev;
    s->interval_start = now - now % n;
    s->group = (uint32_t)((now - s->interval_start) / s->group_len);
    s->next_group = (now / s->group_len + 1) * s->group_len;
    s->unchecked_until = s->interval_start + n;
    s->generation = emu_mem_new_generation(emu_machine_mem(s->m));
    return rr_session_advance(s, err);
}

/* Write an event (and keep a copy when travelling in the recording). */
static bool log_append(RrSession *s, const RrEvent *ev, GError **err)
{
    if (!rr_log_writer_append(s->w, ev, err))
        return false;
    if (s->travel)
        g_ptr_array_add(s->events, event_copy(ev, s->ngroups));
    return true;
}

void rr_session_record_travel(RrSession *s)
{
    g_assert(s->record && s->m && !s->travel);
    s->travel = true;
    s->events = g_ptr_array_new_with_free_func(event_free);
    s->ram = snap_ram_new(emu_machine_mem(s->m));
    s->live.fp = g_new0(uint32_t, s->ngroups);
    s->live.pending = g_byte_array_new();
}

bool rr_session_leave_live(RrSession *s, GError **err)
{
    g_assert(s->record && s->travel);
    if (!rr_log_writer_flush(s->w, err))
        return false;
    s->live.away = true;
    s->live.next_group = s->next_group;
    s->live.interval_start = s->interval_start;
    s->live.group = s->group;
    s->live.generation = s->generation;
    memcpy(s->live.fp, s->fp, sizeof(uint32_t) * s->ngroups);
    g_byte_array_set_size(s->live.pending, 0);
    g_byte_array_append(s->live.pending, s->pending->data, s->pending->len);
    s->live.input_open = s->input_open;
    s->live.idle = s->idle;
    g_free(s->live.stamps);
    s->live.stamps = emu_mem_stamps(emu_machine_mem(s->m));
    s->record = false;
    s->from_buffer = true;
    s->log_done = true;
    return true;
}

void rr_session_resume_live(RrSession *s)
{
    g_assert(!s->record && s->live.away);
    s->live.away = false;
    s->record = true;
    s->from_buffer = false;
    s->have_next = false;
    g_clear_error(&s->div);
    s->next_group = s->live.next_group;
    s->interval_start = s->live.interval_start;
    s->group = s->live.group;
    s->generation = s->live.generation;
    memcpy(s->fp, s->live.fp, sizeof(uint32_t) * s->ngroups);
    g_byte_array_set_size(s->pending, 0);
    g_byte_array_append(s->pending, s->live.pending->data, s->live.pending->len);
    s->input_open = s->live.input_open;
    s->idle = s->live.idle;
    s->unchecked_until = 0;
    emu_mem_set_stamps(emu_machine_mem(s->m), s->live.stamps);
}

/* Replay: a new interval starts here (at the attach, and after each sync
 * event); every RR_SNAPSHOT_INTERVALS, the machine as it is is kept, with
 * the events from the next one on. */
static void interval_begin(RrSession *s)
{
    if (s->travel || (s->start && ++s->intervals < RR_SNAPSHOT_INTERVALS))
        return;
    s->intervals = 0;
    snap_state_unref(s->start);
    s->start = snap_state_take(s->ram, s->m);
    g_ptr_array_set_size(s->events, 0);
    if (s->have_next)
        g_ptr_array_add(s->events, event_copy(&s->next, s->ngroups));
}

/* Read the next event into s->next (copying what the reader lends). */
bool rr_session_advance(RrSession *s, GError **err)
{
    if (s->from_buffer) {
        s->have_next = s->ev_pos < s->events->len;
        if (s->have_next)
            s->next = *(RrEvent *)g_ptr_array_index(s->events, s->ev_pos++);
        return true;
    }
    RrEvent ev;
    int rc = rr_log_reader_next(s->r, &ev, err);
    if (rc < 0)
        return false;
    s->have_next = rc == 1;
    if (!s->have_next) {
        s->log_done = true;
        return true;
    }
    s->next = ev;
    if (ev.bytes && ev.len) {
        g_byte_array_set_size(s->next_bytes, 0);
        g_byte_array_append(s->next_bytes, ev.bytes, (guint)ev.len);
        s->next.bytes = s->next_bytes->data;
    }
    if (ev.kind == RR_EVENT_SYNC) {
        memcpy(s->next_groups, ev.groups, sizeof(uint32_t) * s->ngroups);
        s->next.groups = s->next_groups;
    }
    s->last_icount = ev.icount;
    if (s->m && s->events)
        g_ptr_array_add(s->events, event_copy(&s->next, s->ngroups));
    return true;
}

RrSession *rr_session_replay(const char *path, RrLogReaderFlags flags, GError **err)
{
    RrLogReader *r = rr_log_reader_open(path, flags, err);
    if (!r)
        return NULL;
    RrSession *s = g_new0(RrSession, 1);
    s->r = r;
    s->hdr = *rr_log_reader_header(r);
    session_init(s);
    s->events = g_ptr_array_new_with_free_func(event_free);
    if (!rr_session_advance(s, err)) {
        rr_session_free(s);
        return NULL;
    }
    return s;
}

/* A recording not finished: the blocks written stay readable, with no
 * trailer (the log reads as truncated; --salvage replays it). */
static void close_unsealed(RrLogWriter *w)
{
    GError *e = NULL;
    if (!rr_log_writer_close(w, 0, &e))
        g_clear_error(&e);
}

void rr_session_free(RrSession *s)
{
    if (!s)
        return;
    if (s->w)
        close_unsealed(s->w);
    rr_log_reader_close(s->r);
    g_free(s->fp);
    g_free(s->next_groups);
    g_byte_array_unref(s->pending);
    g_byte_array_unref(s->next_bytes);
    g_clear_error(&s->div);
    snap_state_unref(s->start);
    snap_ram_free(s->ram);
    g_free(s->live.fp);
    g_free(s->live.stamps);
    if (s->live.pending)
        g_byte_array_unref(s->live.pending);
    if (s->events)
        g_ptr_array_unref(s->events);
    if (s->digests)
        g_array_unref(s->digests);
    g_free(s);
}

bool rr_session_recording(const RrSession *s) { return s->record; }
void rr_session_set_sleep(RrSession *s, bool sleep) { s->sleep = sleep; }
const RrLogHeader *rr_session_header(const RrSession *s) { return &s->hdr; }

void rr_session_attach(RrSession *s, EmuMachine *m)
{
    s->m = m;
    s->generation = emu_mem_new_generation(emu_machine_mem(m));
    s->interval_start = emu_machine_icount(m);
    if (!s->record) {
        s->ram = snap_ram_new(emu_machine_mem(m));
        interval_begin(s);
    }
}

/* Before the attach, the program is being loaded: nothing has run. */
static uint64_t icount(const RrSession *s) { return s->m ? emu_machine_icount(s->m) : 0; }

static void diverged(RrSession *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void diverged(RrSession *s, const char *fmt, ...)
{
    if (s->div)
        return;
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(&s->div, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                "replay diverged from the recording at icount %" PRIu64 ": %s", icount(s), msg);
}

/* Move a divergence found by a check or a machine hook into *err; whether
 * there was one. */
static bool take_divergence(RrSession *s, GError **err)
{
    if (!s->div)
        return false;
    GError *e = s->div;
    s->div = NULL;
    if (!s->record && !s->digests && e->domain == RR_LOG_ERROR &&
        e->code == RR_LOG_ERROR_INVALID) {
        g_autoptr(GString) report = g_string_new(e->message);
        rr_diverge_locate(s, icount(s), NULL, report);
        g_free(e->message);
        e->message = g_strdup(report->str);
    }
    g_propagate_error(err, e);
    return true;
}

static const char *kind_name(const RrEvent *ev)
{
    return rr_event_kind_name(ev->kind);
}

uint64_t rr_session_host_seconds(RrSession *s)
{
    uint64_t now = icount(s);
    if (s->record) {
        uint64_t v = (uint64_t)(g_get_real_time() / G_USEC_PER_SEC);
        RrEvent ev = { .kind = RR_EVENT_HOST_CLOCK, .icount = now,
                       .source = RR_CLOCK_RTC_SECONDS, .value = v };
        GError *err = NULL;
        if (!log_append(s, &ev, &err))
            g_propagate_error(&s->div, err);
        return v;
    }
    if (!s->have_next || s->next.kind != RR_EVENT_HOST_CLOCK || s->next.icount != now) {
        if (s->have_next)
            diverged(s, "the guest read the host clock; the recording has %s at icount %" PRIu64
                     " next", kind_name(&s->next), s->next.icount);
        else
            diverged(s, "the guest read the host clock after the last recorded event");
        return 0;
    }
    uint64_t v = s->next.value;
    GError *err = NULL;
    if (!rr_session_advance(s, &err))
        g_propagate_error(&s->div, err);
    return v;
}

void rr_host_random(uint8_t *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = getrandom(buf + got, len - got, 0);
        if (n <= 0) {                    /* no getrandom: glib's generator */
            for (; got < len; got++)
                buf[got] = (uint8_t)g_random_int();
            break;
        }
        got += (size_t)n;
    }
}

void rr_session_entropy(RrSession *s, uint8_t *buf, size_t len)
{
    uint64_t now = icount(s);
    if (s->record) {
        rr_host_random(buf, len);
        RrEvent ev = { .kind = RR_EVENT_ENTROPY, .icount = now,
                       .source = RR_ENTROPY_DEVICE_TREE, .bytes = buf, .len = len };
        GError *err = NULL;
        if (!log_append(s, &ev, &err))
            g_propagate_error(&s->div, err);
        return;
    }
    memset(buf, 0, len);
    if (!s->have_next || s->next.kind != RR_EVENT_ENTROPY || s->next.icount != now ||
        s->next.len != len) {
        if (s->have_next)
            diverged(s, "the machine asked for %zu random bytes; the recording has %s at icount %"
                     PRIu64 " next", len, kind_name(&s->next), s->next.icount);
        else
            diverged(s, "the machine asked for random bytes after the last recorded event");
        return;
    }
    memcpy(buf, s->next.bytes, len);
    GError *err = NULL;
    if (!rr_session_advance(s, &err))
        g_propagate_error(&s->div, err);
}

/* Names of the registers whose digests differ, joined. */
static void name_reg(void *opaque, size_t reg)
{
    GString *names = opaque;
    char buf[16];
    g_string_append_printf(names, "%s%s", names->len ? ", " : "", emu_cpu_state_reg_name(reg, buf));
}

/* At a group boundary: the fingerprint; at the interval's end, the sync
 * event (written, or read and compared). */
void rr_session_note_digest(RrSession *s)
{
    RrStateHash h;
    EmuCpu *cpu = emu_machine_cpu(s->m);
    rr_state_hash(cpu, emu_machine_mem(s->m), s->digest_generation, &h);
    RrDigest d = { .icount = icount(s), .fingerprint = rr_group_fingerprint(cpu),
                   .cpu = h.cpu, .ram = h.ram };
    g_array_append_val(s->digests, d);
}

static bool group_boundary(RrSession *s, GError **err)
{
    if (s->digests) {                    /* re-executing: note, go on */
        rr_session_note_digest(s);
        s->group++;
        s->next_group += s->group_len;
        return true;
    }
    s->fp[s->group++] = rr_group_fingerprint(emu_machine_cpu(s->m));
    s->next_group += s->group_len;
    if (s->group < s->ngroups)
        return true;
    s->group = 0;
    EmuMem *mem = emu_machine_mem(s->m);
    RrStateHash h;
    rr_state_hash(emu_machine_cpu(s->m), mem, s->generation, &h);
    uint64_t now = icount(s), start = s->interval_start;
    s->generation = emu_mem_new_generation(mem);
    s->interval_start = now;
    if (!s->record && now <= s->unchecked_until) {
        /* Restored inside this interval: its start was not seen. */
        if (s->have_next && s->next.kind == RR_EVENT_SYNC && s->next.icount == now)
            return rr_session_advance(s, err);
        return true;
    }
    if (s->record) {
        RrEvent ev = { .kind = RR_EVENT_SYNC, .icount = now, .cpu_hash = h.cpu, .ram_hash = h.ram,
                       .pages = h.pages, .groups = s->fp, .n_groups = s->ngroups };
        memcpy(ev.regs, h.regs, sizeof ev.regs);
        return log_append(s, &ev, err);
    }
    if (!s->have_next || s->next.kind != RR_EVENT_SYNC || s->next.icount != now) {
        if (s->have_next && s->next.kind != RR_EVENT_SYNC && s->next.icount <= now)
            diverged(s, "the recording has %s at icount %" PRIu64 " before this sync point",
                     kind_name(&s->next), s->next.icount);
        else if (s->have_next || !s->log_done)
            diverged(s, "the recording has no sync event here (next: %s at icount %" PRIu64 ")",
                     s->have_next ? kind_name(&s->next) : "nothing", s->have_next ? s->next.icount : 0);
        /* No divergence: a salvaged log ended, nothing to compare. */
        return !take_divergence(s, err);
    }
    const RrEvent *rec = &s->next;
    if (rec->cpu_hash != h.cpu || rec->ram_hash != h.ram || rec->pages != h.pages) {
        RrStateHash want = { .cpu = rec->cpu_hash };
        memcpy(want.regs, rec->regs, sizeof want.regs);
        g_autoptr(GString) regs = g_string_new(NULL);
        rr_state_hash_diff(&want, &h, name_reg, regs);
        uint32_t g = 0;
        while (g < s->ngroups && rec->groups[g] == s->fp[g])
            g++;
        g_autoptr(GString) what = g_string_new(NULL);
        if (rec->cpu_hash != h.cpu)
            g_string_append_printf(what, "CPU state differs (%s)",
                                   regs->len ? regs->str : "system registers or the exclusive monitor");
        if (rec->ram_hash != h.ram || rec->pages != h.pages)
            g_string_append_printf(what, "%sRAM differs (%" PRIu64 " pages written, %" PRIu64
                                   " recorded)", what->len ? "; " : "", h.pages, rec->pages);
        if (g < s->ngroups)
            g_string_append_printf(what, "; it first left the recording between icount %" PRIu64
                                   " and %" PRIu64, start + g * s->group_len,
                                   start + (g + 1) * s->group_len);
        g_autoptr(GString) report = g_string_new(NULL);
        g_string_printf(report, "replay diverged from the recording in the interval from icount %"
                        PRIu64 " to %" PRIu64 ": %s", start, now, what->str);
        s->interval_start = start;           /* the interval to re-execute */
        rr_diverge_locate(s, now, rec, report);
        g_set_error_literal(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, report->str);
        return false;
    }
    if (!rr_session_advance(s, err))
        return false;
    interval_begin(s);
    return true;
}

bool rr_session_user_stop(RrSession *s, RrStopReason reason, GError **err)
{
    g_assert(s->record);
    RrEvent ev = { .kind = RR_EVENT_USER_STOP, .icount = icount(s), .reason = (uint8_t)reason };
    return log_append(s, &ev, err);
}

/* A debug write, done to the machine: false if it cannot be. */
static bool apply_debug_write(RrSession *s, RrDebugSpace space, uint64_t target,
                              const uint8_t *bytes, size_t len)
{
    if (space == RR_DEBUG_REGISTER)
        return emu_cpu_set_state_reg(emu_machine_cpu(s->m), target, bytes, len);
    return emu_mem_write_phys(emu_machine_mem(s->m), target, bytes, len);
}

bool rr_session_debug_write(RrSession *s, RrDebugSpace space, uint64_t target, const void *bytes,
                            size_t len, GError **err)
{
    if (!s->record) {
        g_set_error_literal(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                            "a replay cannot change the machine: it would no longer be the "
                            "recording (change it while recording)");
        return false;
    }
    if (len < 1 || len > RR_EVENT_SERIAL_MAX) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "a debug write of %zu bytes: 1 to 4096 at a time", len);
        return false;
    }
    /* A sync due here is taken first, as a replay meets it before the
     * write (rr_session_run: boundary, then inputs). */
    if (icount(s) == s->next_group && !group_boundary(s, err))
        return false;
    uint8_t old[RR_EVENT_SERIAL_MAX];
    if (space == RR_DEBUG_RAM && !emu_mem_read_phys(emu_machine_mem(s->m), target, old, len)) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "0x%" PRIx64 "..0x%" PRIx64 " is not RAM", target, target + len - 1);
        return false;
    }
    if (!apply_debug_write(s, space, target, bytes, len)) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "there is no register %" PRIu64
                    " of %zu bytes", target, len);
        return false;
    }
    RrEvent ev = { .kind = RR_EVENT_DEBUG_WRITE, .icount = icount(s), .space = (uint8_t)space,
                   .target = target, .bytes = bytes, .len = len };
    return log_append(s, &ev, err);
}

/* Record: take what the host has for the serial port into the UART and log
 * what it accepted. */
static bool record_input(RrSession *s, const RrSessionIo *io, GError **err)
{
    bool block = s->idle && !s->pending->len;
    /* Before waiting for the host, however long: the log on disk holds
     * everything so far (a recorder killed while it waits loses nothing). */
    if (block && !rr_log_writer_flush(s->w, err))
        return false;
    if (s->input_open && io && io->poll_serial && s->pending->len < RR_EVENT_SERIAL_MAX) {
        uint8_t buf[RR_EVENT_SERIAL_MAX];
        long n = io->poll_serial(io->opaque, buf, sizeof buf - s->pending->len, block);
        if (n < 0)
            s->input_open = false;
        else if (n > 0)
            g_byte_array_append(s->pending, buf, (guint)n);
    }
    s->idle = false;
    if (!s->pending->len)
        return true;
    size_t took = emu_pl011_receive(emu_machine_uart(s->m), s->pending->data, s->pending->len);
    if (!took)
        return true;
    RrEvent ev = { .kind = RR_EVENT_SERIAL_IN, .icount = icount(s),
                   .bytes = s->pending->data, .len = took };
    bool ok = log_append(s, &ev, err);
    g_byte_array_remove_range(s->pending, 0, (guint)took);
    return ok;
}

/* Replay: deliver the recorded inputs due now; a recorded event the replay
 * went past is a divergence. */
static bool replay_input(RrSession *s, GError **err)
{
    uint64_t now = icount(s);
    while (s->have_next && s->next.icount <= now) {
        const RrEvent *n = &s->next;
        if (n->kind == RR_EVENT_SYNC || n->kind == RR_EVENT_END)
            break;                       /* group_boundary and finish check those */
        if (n->icount < now) {
            diverged(s, "the recording has %s at icount %" PRIu64 ", which the replay passed",
                     kind_name(n), n->icount);
            return false;
        }
        if (n->kind == RR_EVENT_HOST_CLOCK || n->kind == RR_EVENT_IDLE_WARP)
            break;                       /* taken during the next run */
        if (n->kind == RR_EVENT_SERIAL_IN) {
            size_t took = emu_pl011_receive(emu_machine_uart(s->m), n->bytes, n->len);
            if (took != n->len) {
                diverged(s, "the UART took %zu of the %zu recorded input bytes", took, n->len);
                return false;
            }
        } else if (n->kind == RR_EVENT_DEBUG_WRITE) {
            if (!apply_debug_write(s, n->space, n->target, n->bytes, n->len)) {
                diverged(s, "the recording's debug write to %s 0x%" PRIx64 " cannot be done "
                         "on this machine", n->space == RR_DEBUG_REGISTER ? "register" : "RAM",
                         n->target);
                return false;
            }
        } else if (n->kind != RR_EVENT_USER_STOP) {
            diverged(s, "the recording has a %s event, which this machine does not take",
                     kind_name(n));
            return false;
        }
        if (!rr_session_advance(s, err))
            return false;
    }
    return true;
}

/* WFI with a timer armed: record lets real time pass (or all of it at once
 * with sleep off) and logs the warp; replay takes it from the log. */
static bool idle(RrSession *s, const RrSessionIo *io, GError **err)
{
    uint64_t want = emu_machine_wait_ns(s->m), ns = want;
    if (s->record) {
        if (s->sleep && io && io->wait) {
            if (!rr_log_writer_flush(s->w, err))
                return false;
            uint64_t passed = io->wait(io->opaque, want);   /* once: MIN evaluates twice */
            ns = MIN(passed, want);
        }
        emu_machine_idle(s->m, ns);
        RrEvent ev = { .kind = RR_EVENT_IDLE_WARP, .icount = icount(s), .ns = ns };
        return log_append(s, &ev, err);
    }
    if (!s->have_next || s->next.kind != RR_EVENT_IDLE_WARP || s->next.icount != icount(s)) {
        diverged(s, "the guest waits in WFI; the recording has %s next",
                 s->have_next ? kind_name(&s->next) : "nothing");
        take_divergence(s, err);
        return false;
    }
    emu_machine_idle(s->m, s->next.ns);
    return rr_session_advance(s, err);
}

RrRunStatus rr_session_run(RrSession *s, const RrSessionIo *io, RrSessionResult *res,
                           GError **err)
{
    if (take_divergence(s, err))         /* found while the program was loaded */
        return RR_RUN_ERROR;
    uint64_t now = icount(s);
    if (now == s->next_group && !group_boundary(s, err))
        return RR_RUN_ERROR;
    /* A user stop comes after the sync due at the same icount, as replay
     * meets them. */
    if (s->record && io && io->stop_requested && io->stop_requested(io->opaque)) {
        RrEvent ev = { .kind = RR_EVENT_USER_STOP, .icount = now, .reason = RR_STOP_INTERRUPTED };
        if (!log_append(s, &ev, err))
            return RR_RUN_ERROR;
        *res = (RrSessionResult){ .event = EMU_MACHINE_BUDGET, .icount = now };
        return RR_RUN_DONE;
    }
    if (s->record ? !record_input(s, io, err) : !replay_input(s, err)) {
        take_divergence(s, err);
        return RR_RUN_ERROR;
    }

    uint64_t stop = MIN(s->next_group, now + SLICE);
    if (s->stop_cap)
        stop = MIN(stop, s->stop_cap);
    if (!s->record && !s->have_next && !s->travel) {
        /* A salvaged log: every recorded event is delivered; stop here. */
        *res = (RrSessionResult){ .event = EMU_MACHINE_BUDGET, .icount = now };
        return RR_RUN_DONE;
    }
    if (!s->record && s->have_next) {
        const RrEvent *n = &s->next;
        if (n->kind == RR_EVENT_HOST_CLOCK || n->kind == RR_EVENT_IDLE_WARP)
            stop = MIN(stop, n->icount + 1);    /* met by the instruction at n->icount */
        else if (n->kind == RR_EVENT_END)       /* a power off retires its instruction */
            stop = MIN(stop, n->icount + (n->status == RR_END_USER_STOP ? 0 : 1));
        else if (n->kind != RR_EVENT_SYNC)
            stop = MIN(stop, n->icount);
    }
    EmuMachineEvent ev = EMU_MACHINE_BUDGET;
    if (stop > now)
        ev = emu_machine_run(s->m, stop - now);
    if (io && io->flush_output)
        io->flush_output(io->opaque);
    if (take_divergence(s, err))
        return RR_RUN_ERROR;
    now = icount(s);
    res->event = ev;
    res->icount = now;
    res->exit_status = ev == EMU_MACHINE_EXIT ? emu_machine_exit_status(s->m) : 0;
    switch (ev) {
    case EMU_MACHINE_BUDGET:
        if (!s->record && s->have_next && s->next.kind == RR_EVENT_END && now == s->next.icount &&
            s->next.status == RR_END_USER_STOP)
            return RR_RUN_DONE;          /* the recording was stopped here */
        return RR_RUN_MORE;
    case EMU_MACHINE_IDLE:
        if (s->record && (s->input_open || s->pending->len)) {
            s->idle = true;
            return RR_RUN_MORE;
        }
        if (!s->record && s->have_next && s->next.kind == RR_EVENT_SERIAL_IN) {
            if (s->next.icount == now)
                return RR_RUN_MORE;          /* delivered by the next call */
            /* Nothing can move the machine to where the input was
             * recorded: say so rather than wait for it. */
            diverged(s, "the guest waits for input (WFI, no timer armed), but the recording's "
                     "next input is at icount %" PRIu64, s->next.icount);
            take_divergence(s, err);
            return RR_RUN_ERROR;
        }
        return RR_RUN_DONE;
    case EMU_MACHINE_WAIT:
        return idle(s, io, err) ? RR_RUN_MORE : RR_RUN_ERROR;
    default:
        return RR_RUN_DONE;
    }
}

static RrEndStatus end_status(const RrSessionResult *res)
{
    switch (res->event) {
    case EMU_MACHINE_POWEROFF: return RR_END_POWER_OFF;
    case EMU_MACHINE_EXIT: return RR_END_SEMIHOST_EXIT;
    case EMU_MACHINE_BUDGET: return RR_END_USER_STOP;
    default: return RR_END_EMULATION_ERROR;
    }
}

bool rr_session_finish(RrSession *s, const RrSessionResult *res, GError **err)
{
    RrEndStatus st = end_status(res);
    uint64_t code = res->event == EMU_MACHINE_EXIT ? (uint64_t)(uint32_t)res->exit_status : 0;
    if (s->record) {
        RrEvent ev = { .kind = RR_EVENT_END, .icount = res->icount, .status = (uint8_t)st,
                       .code = code };
        if (!log_append(s, &ev, err)) {
            close_unsealed(s->w);
            s->w = NULL;
            return false;
        }
        bool ok = rr_log_writer_close(s->w, res->icount, err);
        s->w = NULL;
        return ok;
    }
    if (!s->have_next) {
        if (s->log_done && res->icount >= s->last_icount)
            return true;                 /* a salvaged log, replayed to its end */
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "replay ended at icount %" PRIu64 " with no end event read", res->icount);
        return false;
    }
    if (s->next.kind != RR_EVENT_END || s->next.icount != res->icount || s->next.status != st ||
        s->next.code != code) {
        if (s->next.kind == RR_EVENT_END)
            g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                        "replay diverged: it ended at icount %" PRIu64 " (status %d, code %" PRIu64
                        "); the recording ended at icount %" PRIu64 " (status %d, code %" PRIu64 ")",
                        res->icount, (int)st, code, s->next.icount, (int)s->next.status, s->next.code);
        else
            g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                        "replay diverged: it ended at icount %" PRIu64 " but the recording has %s "
                        "at icount %" PRIu64 " still to come", res->icount, kind_name(&s->next),
                        s->next.icount);
        return false;
    }
    if (!rr_session_advance(s, err))
        return false;
    return true;
}
