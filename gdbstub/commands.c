/* gdbstub/commands.c — see commands.h. */
#include "gdbstub/commands.h"

#include <inttypes.h>
#include <string.h>

#include "gdbstub/packet.h"
#include "gdbstub/tdesc.h"

struct GdbCommands {
    GdbTarget *target;
    bool (*interrupted)(void *opaque);
    void *interrupt_opaque;
    GdbStop last;                /* why the target stopped last ('?') */
};

GdbCommands *gdb_commands_new(GdbTarget *target)
{
    GdbCommands *c = g_new0(GdbCommands, 1);
    c->target = target;
    c->last.why = GDB_STOP_STEP;
    return c;
}

void gdb_commands_free(GdbCommands *c)
{
    if (!c)
        return;
    g_free(c->last.error);
    g_free(c);
}

void gdb_commands_set_interrupt(GdbCommands *c, bool (*interrupted)(void *opaque), void *opaque)
{
    c->interrupted = interrupted;
    c->interrupt_opaque = opaque;
}

/* ---- Helpers ------------------------------------------------------------ */

static void hex_bytes(GString *out, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++)
        g_string_append_printf(out, "%02x", p[i]);
}

/* `n` bytes of hex digits at *s into out; false if they are not there. */
static bool unhex(const char **s, const char *end, uint8_t *out, size_t n)
{
    const char *p = *s;
    if ((size_t)(end - p) < 2 * n)
        return false;
    for (size_t i = 0; i < n; i++, p += 2) {
        if (!g_ascii_isxdigit(p[0]) || !g_ascii_isxdigit(p[1]))
            return false;
        out[i] = (uint8_t)(g_ascii_xdigit_value(p[0]) << 4 | g_ascii_xdigit_value(p[1]));
    }
    *s = p;
    return true;
}

/* A hex number at *s, up to a character not a hex digit; false if none. */
static bool hex_u64(const char **s, const char *end, uint64_t *v)
{
    const char *p = *s;
    uint64_t x = 0;
    int digits = 0;
    while (p < end && g_ascii_isxdigit(*p) && digits < 16) {
        x = x << 4 | (uint64_t)g_ascii_xdigit_value(*p++);
        digits++;
    }
    if (!digits || (p < end && g_ascii_isxdigit(*p)))
        return false;            /* none, or more than 64 bits */
    *s = p;
    *v = x;
    return true;
}

static bool expect(const char **s, const char *end, char ch)
{
    if (*s >= end || **s != ch)
        return false;
    (*s)++;
    return true;
}

static void stop_reply(GdbCommands *c, const GdbStop *stop, GString *reply)
{
    switch (stop->why) {
    case GDB_STOP_INTERRUPT:
        g_string_append(reply, "T02");
        break;
    case GDB_STOP_ERROR:
        g_string_append(reply, "E01");
        return;
    case GDB_STOP_POINT:
        g_string_append(reply, "T05");
        switch (stop->point) {
        case GDB_SW_BREAK: g_string_append(reply, "swbreak:;"); break;
        case GDB_HW_BREAK: g_string_append(reply, "hwbreak:;"); break;
        case GDB_WATCH_WRITE: g_string_append_printf(reply, "watch:%" PRIx64 ";", stop->addr); break;
        case GDB_WATCH_READ: g_string_append_printf(reply, "rwatch:%" PRIx64 ";", stop->addr); break;
        case GDB_WATCH_ACCESS: g_string_append_printf(reply, "awatch:%" PRIx64 ";", stop->addr); break;
        }
        break;
    case GDB_STOP_BEGIN:
        g_string_append(reply, "T05replaylog:begin;");
        break;
    case GDB_STOP_END:
        g_string_append(reply, "T05replaylog:end;");
        break;
    default:
        g_string_append(reply, "T05");
        break;
    }
    g_string_append(reply, "thread:1;");
}

static void resume(GdbCommands *c, bool reverse, bool step, GString *reply)
{
    g_free(c->last.error);
    gdb_target_resume(c->target, reverse, step, c->interrupted, c->interrupt_opaque, &c->last);
    if (c->last.why == GDB_STOP_ERROR)
        g_printerr("rewind: gdb stub: %s\n", c->last.error);
    stop_reply(c, &c->last, reply);
}

/* ---- Commands -------------------------------------------------------------- */

typedef GdbAction (*Handler)(GdbCommands *c, const char *args, const char *end, GString *reply);

static GdbAction q_supported(GdbCommands *c, const char *a, const char *e, GString *r)
{
    g_string_append_printf(r, "PacketSize=%x;qXfer:features:read+;ReverseStep+;ReverseContinue+;"
                           "swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+",
                           GDB_PACKET_SIZE_DEFAULT);
    return GDB_ACTION_REPLY;
}

static GdbAction q_xfer_features(GdbCommands *c, const char *a, const char *e, GString *r)
{
    /* target.xml:OFFSET,LENGTH */
    const char *name = "target.xml:";
    uint64_t off, len;
    if ((size_t)(e - a) < strlen(name) || strncmp(a, name, strlen(name))) {
        g_string_append(r, "E00");                       /* no such annex */
        return GDB_ACTION_REPLY;
    }
    a += strlen(name);
    if (!hex_u64(&a, e, &off) || !expect(&a, e, ',') || !hex_u64(&a, e, &len) || a != e) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    const char *xml = gdb_tdesc_xml();
    size_t total = strlen(xml);
    if (off >= total) {
        g_string_append(r, "l");
        return GDB_ACTION_REPLY;
    }
    size_t n = MIN(len, MIN((uint64_t)(total - off), (uint64_t)GDB_PACKET_SIZE_DEFAULT - 16));
    g_string_append_c(r, off + n < total ? 'm' : 'l');
    g_string_append_len(r, xml + off, (gssize)n);
    return GDB_ACTION_REPLY;
}

static GdbAction reply_text(GString *r, const char *text)
{
    g_string_append(r, text);
    return GDB_ACTION_REPLY;
}

static GdbAction q_attached(GdbCommands *c, const char *a, const char *e, GString *r) { return reply_text(r, "1"); }
static GdbAction q_current(GdbCommands *c, const char *a, const char *e, GString *r) { return reply_text(r, "QC1"); }
static GdbAction q_first_thread(GdbCommands *c, const char *a, const char *e, GString *r) { return reply_text(r, "m1"); }
static GdbAction q_next_thread(GdbCommands *c, const char *a, const char *e, GString *r) { return reply_text(r, "l"); }
static GdbAction q_symbol(GdbCommands *c, const char *a, const char *e, GString *r) { return reply_text(r, "OK"); }
static GdbAction ok(GdbCommands *c, const char *a, const char *e, GString *r) { return reply_text(r, "OK"); }
static GdbAction empty(GdbCommands *c, const char *a, const char *e, GString *r) { return GDB_ACTION_REPLY; }

static GdbAction no_ack(GdbCommands *c, const char *a, const char *e, GString *r)
{
    g_string_append(r, "OK");
    return GDB_ACTION_REPLY_NOACK;
}

static GdbAction q_rcmd(GdbCommands *c, const char *a, const char *e, GString *r)
{
    /* The command, hex-encoded; the output goes back hex-encoded too. */
    size_t n = (size_t)(e - a);
    g_autofree char *cmd = g_malloc(n / 2 + 1);
    if (n % 2 || !unhex(&a, e, (uint8_t *)cmd, n / 2) || memchr(cmd, 0, n / 2)) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    cmd[n / 2] = 0;
    g_autofree char *out = gdb_target_monitor(c->target, cmd);
    hex_bytes(r, out, strlen(out));
    return GDB_ACTION_REPLY;
}

static GdbAction why_stopped(GdbCommands *c, const char *a, const char *e, GString *r)
{
    stop_reply(c, &c->last, r);
    return GDB_ACTION_REPLY;
}

static GdbAction read_regs(GdbCommands *c, const char *a, const char *e, GString *r)
{
    EmuCpu *cpu = emu_machine_cpu(gdb_target_machine(c->target));
    for (unsigned n = 0; n < GDB_REG_COUNT; n++) {
        uint8_t v[16];
        gdb_reg_read(cpu, n, v);
        hex_bytes(r, v, gdb_reg_size(n));
    }
    return GDB_ACTION_REPLY;
}

static GdbAction read_reg(GdbCommands *c, const char *a, const char *e, GString *r)
{
    uint64_t n;
    uint8_t v[16];
    if (!hex_u64(&a, e, &n) || a != e || n >= GDB_REG_COUNT) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    gdb_reg_read(emu_machine_cpu(gdb_target_machine(c->target)), (unsigned)n, v);
    hex_bytes(r, v, gdb_reg_size((unsigned)n));
    return GDB_ACTION_REPLY;
}

/* Writes (G, P, M, X) change the machine only while recording, at its
 * frontier, where they are logged (target.h); elsewhere E01: a replay
 * cannot be changed. */

/* P n=VALUE */
static GdbAction write_reg(GdbCommands *c, const char *a, const char *e, GString *r)
{
    uint64_t n;
    uint8_t v[16];
    size_t size;
    if (!hex_u64(&a, e, &n) || !expect(&a, e, '=') || n >= GDB_REG_COUNT ||
        (size = gdb_reg_size((unsigned)n)) == 0 || !unhex(&a, e, v, size) || a != e ||
        !gdb_target_write_reg(c->target, (unsigned)n, v, size))
        return reply_text(r, "E01");
    return reply_text(r, "OK");
}

/* G: every register, in order; those that differ are written. */
static GdbAction write_regs(GdbCommands *c, const char *a, const char *e, GString *r)
{
    EmuCpu *cpu = emu_machine_cpu(gdb_target_machine(c->target));
    uint8_t all[GDB_REG_COUNT][16];
    for (unsigned n = 0; n < GDB_REG_COUNT; n++)
        if (!unhex(&a, e, all[n], gdb_reg_size(n)))
            return reply_text(r, "E01");
    if (a != e)
        return reply_text(r, "E01");
    for (unsigned n = 0; n < GDB_REG_COUNT; n++) {
        uint8_t now[16];
        gdb_reg_read(cpu, n, now);
        if (memcmp(now, all[n], gdb_reg_size(n)) &&
            !gdb_target_write_reg(c->target, n, all[n], gdb_reg_size(n)))
            return reply_text(r, "E01");
    }
    return reply_text(r, "OK");
}

/* M addr,len:HEX and X addr,len:BINARY */
static GdbAction write_mem_packet(GdbCommands *c, const char *a, const char *e, GString *r,
                                  bool binary)
{
    uint64_t addr, len;
    if (!hex_u64(&a, e, &addr) || !expect(&a, e, ',') || !hex_u64(&a, e, &len) ||
        !expect(&a, e, ':') || len > GDB_PACKET_SIZE_DEFAULT)
        return reply_text(r, "E01");
    g_autofree uint8_t *buf = g_malloc(len ? len : 1);
    if (binary) {
        if ((uint64_t)(e - a) != len)
            return reply_text(r, "E01");
        memcpy(buf, a, len);
    } else if (!unhex(&a, e, buf, len) || a != e) {
        return reply_text(r, "E01");
    }
    if (len && !gdb_target_write_mem(c->target, addr, buf, len))
        return reply_text(r, "E01");
    return reply_text(r, "OK");
}

static GdbAction write_mem_hex(GdbCommands *c, const char *a, const char *e, GString *r)
{
    return write_mem_packet(c, a, e, r, false);
}

static GdbAction write_mem_bin(GdbCommands *c, const char *a, const char *e, GString *r)
{
    return write_mem_packet(c, a, e, r, true);
}

static GdbAction read_mem(GdbCommands *c, const char *a, const char *e, GString *r)
{
    uint64_t addr, len;
    if (!hex_u64(&a, e, &addr) || !expect(&a, e, ',') || !hex_u64(&a, e, &len) || a != e ||
        len > GDB_PACKET_SIZE_DEFAULT / 2) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    g_autofree uint8_t *buf = g_malloc(len ? len : 1);
    if (len && !gdb_target_read_mem(c->target, addr, buf, len)) {
        g_string_append(r, "E14");                       /* EFAULT */
        return GDB_ACTION_REPLY;
    }
    hex_bytes(r, buf, len);
    return GDB_ACTION_REPLY;
}

/* Z/z TYPE,ADDR,KIND */
static GdbAction point(GdbCommands *c, const char *a, const char *e, GString *r, bool insert)
{
    uint64_t type, addr, kind;
    if (!hex_u64(&a, e, &type) || !expect(&a, e, ',') || !hex_u64(&a, e, &addr) ||
        !expect(&a, e, ',') || !hex_u64(&a, e, &kind)) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    if (type > GDB_WATCH_ACCESS)
        return GDB_ACTION_REPLY;                         /* not supported: empty */
    bool done = insert ? gdb_target_insert(c->target, (GdbPoint)type, addr, kind)
                       : gdb_target_remove(c->target, (GdbPoint)type, addr, kind);
    g_string_append(r, done ? "OK" : "E01");
    return GDB_ACTION_REPLY;
}

static GdbAction insert_point(GdbCommands *c, const char *a, const char *e, GString *r) { return point(c, a, e, r, true); }
static GdbAction remove_point(GdbCommands *c, const char *a, const char *e, GString *r) { return point(c, a, e, r, false); }

/* c [ADDR], s [ADDR]: resuming elsewhere than here is not supported. */
static GdbAction run_here(GdbCommands *c, const char *a, const char *e, GString *r, bool reverse,
                          bool step)
{
    if (a != e) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    resume(c, reverse, step, r);
    return GDB_ACTION_REPLY;
}

static GdbAction cont(GdbCommands *c, const char *a, const char *e, GString *r) { return run_here(c, a, e, r, false, false); }
static GdbAction step(GdbCommands *c, const char *a, const char *e, GString *r) { return run_here(c, a, e, r, false, true); }
static GdbAction rev_cont(GdbCommands *c, const char *a, const char *e, GString *r) { return run_here(c, a, e, r, true, false); }
static GdbAction rev_step(GdbCommands *c, const char *a, const char *e, GString *r) { return run_here(c, a, e, r, true, true); }

static GdbAction vcont_query(GdbCommands *c, const char *a, const char *e, GString *r)
{
    return reply_text(r, "vCont;c;C;s;S");
}

/* vCont;ACTION[:THREAD][;ACTION...]: one thread, so the first action. */
static GdbAction vcont(GdbCommands *c, const char *a, const char *e, GString *r)
{
    if (a == e || (*a != 'c' && *a != 'C' && *a != 's' && *a != 'S')) {
        g_string_append(r, "E01");
        return GDB_ACTION_REPLY;
    }
    resume(c, false, *a == 's' || *a == 'S', r);
    return GDB_ACTION_REPLY;
}

static GdbAction kill_session(GdbCommands *c, const char *a, const char *e, GString *r) { return GDB_ACTION_KILL; }

static GdbAction detach(GdbCommands *c, const char *a, const char *e, GString *r)
{
    g_string_append(r, "OK");
    return GDB_ACTION_DETACH;
}

/* Longest prefixes first where one is a prefix of another. */
static const struct {
    const char *prefix;
    Handler fn;
} commands[] = {
    { "qSupported", q_supported },
    { "qXfer:features:read:", q_xfer_features },
    { "qAttached", q_attached },
    { "qC", q_current },
    { "qfThreadInfo", q_first_thread },
    { "qsThreadInfo", q_next_thread },
    { "qSymbol", q_symbol },
    { "qRcmd,", q_rcmd },
    { "QStartNoAckMode", no_ack },
    { "vCont?", vcont_query },
    { "vCont;", vcont },
    { "vMustReplyEmpty", empty },
    { "bc", rev_cont },
    { "bs", rev_step },
    { "?", why_stopped },
    { "g", read_regs },
    { "G", write_regs },
    { "p", read_reg },
    { "P", write_reg },
    { "m", read_mem },
    { "M", write_mem_hex },
    { "X", write_mem_bin },
    { "Z", insert_point },
    { "z", remove_point },
    { "c", cont },
    { "s", step },
    { "H", ok },
    { "T", ok },
    { "k", kill_session },
    { "D", detach },
};

GdbAction gdb_commands_handle(GdbCommands *c, const char *payload, size_t len, GString *reply)
{
    const char *end = payload + len;
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        size_t n = strlen(commands[i].prefix);
        if (len >= n && !memcmp(payload, commands[i].prefix, n))
            return commands[i].fn(c, payload + n, end, reply);
    }
    return GDB_ACTION_REPLY;                             /* unknown: empty reply */
}
