/* gdbstub/server.c — see server.h. */
#include "gdbstub/server.h"

#include <stdio.h>
#include <string.h>

#include "gdbstub/commands.h"
#include "gdbstub/packet.h"
#include "gdbstub/transport.h"

struct GdbServer {
    GdbTransport *tr;
    GdbPacketParser *parser;
    GdbCommands *cmds;
    GString *last;               /* the last packet sent, for a '-' */
    GByteArray *pending;         /* bytes read while the target ran, not yet parsed */
    bool gone;                   /* the client went away while the target ran */
    /* gdb_server_set_once: serve one client, give up waiting when `stop` says */
    bool once, served;
    bool (*stop)(void *opaque);
    void *stop_opaque;
};

void gdb_server_set_once(GdbServer *s, bool (*stop)(void *opaque), void *opaque)
{
    s->once = true;
    s->stop = stop;
    s->stop_opaque = opaque;
}

/* While the target runs: anything from gdb? A 0x03 interrupts; the rest
 * waits for the loop. */
static bool interrupted(void *opaque)
{
    GdbServer *s = opaque;
    uint8_t buf[256];
    size_t n = 0;
    GError *err = NULL;
    GdbTransportEvent ev = gdb_transport_poll(s->tr, 0, buf, sizeof buf, &n, &err);
    g_clear_error(&err);
    if (ev == GDB_TRANSPORT_DISCONNECTED || ev == GDB_TRANSPORT_FAILED) {
        s->gone = true;
        return true;
    }
    if (ev != GDB_TRANSPORT_DATA)
        return false;
    bool intr = memchr(buf, 0x03, n) != NULL;
    for (size_t i = 0; i < n; i++)
        if (buf[i] != 0x03)
            g_byte_array_append(s->pending, &buf[i], 1);
    return intr;
}

GdbServer *gdb_server_new(const char *spec, GdbTarget *target, GError **err)
{
    GdbTransport *tr = gdb_transport_listen(spec, err);
    if (!tr)
        return NULL;
    GdbServer *s = g_new0(GdbServer, 1);
    s->tr = tr;
    s->parser = gdb_packet_parser_new(GDB_PACKET_SIZE_DEFAULT);
    s->cmds = gdb_commands_new(target);
    gdb_commands_set_interrupt(s->cmds, interrupted, s);
    s->last = g_string_new(NULL);
    s->pending = g_byte_array_new();
    return s;
}

void gdb_server_free(GdbServer *s)
{
    if (!s)
        return;
    gdb_transport_free(s->tr);
    gdb_packet_parser_free(s->parser);
    gdb_commands_free(s->cmds);
    g_string_free(s->last, true);
    g_byte_array_unref(s->pending);
    g_free(s);
}

const char *gdb_server_address(const GdbServer *s) { return gdb_transport_address(s->tr); }

static void send_packet(GdbServer *s, const char *payload, size_t len)
{
    g_string_truncate(s->last, 0);
    gdb_packet_encode(s->last, payload, len, GDB_PACKET_PLAIN);
    GError *err = NULL;
    if (!gdb_transport_write(s->tr, s->last->str, s->last->len, &err))
        g_clear_error(&err);     /* the client is gone: the loop sees it */
}

/* One event of the packet layer; false when gdb killed the session (or,
 * serving once, detached). */
static bool handle(GdbServer *s, const GdbPacketEvent *ev)
{
    char ack = gdb_packet_parser_ack_reply(s->parser, ev);
    GError *err = NULL;
    if (ack && !gdb_transport_write(s->tr, &ack, 1, &err))
        g_clear_error(&err);
    switch (ev->kind) {
    case GDB_PACKET_EV_PACKET: {
        g_autoptr(GString) reply = g_string_new(NULL);
        GdbAction a = gdb_commands_handle(s->cmds, ev->payload, ev->len, reply);
        if (a == GDB_ACTION_KILL)
            return false;
        if (s->gone)
            return true;         /* it left while the target ran */
        send_packet(s, reply->str, reply->len);
        if (a == GDB_ACTION_REPLY_NOACK)
            gdb_packet_parser_set_ack_mode(s->parser, false);
        if (a == GDB_ACTION_DETACH) {
            gdb_transport_disconnect(s->tr);
            return !s->once;     /* one client only: done */
        }
        return true;
    }
    case GDB_PACKET_EV_MALFORMED:
    case GDB_PACKET_EV_TOO_LONG:
        send_packet(s, "E01", 3);
        return true;
    case GDB_PACKET_EV_NACK:
        if (s->last->len && !gdb_transport_write(s->tr, s->last->str, s->last->len, &err))
            g_clear_error(&err);
        return true;
    case GDB_PACKET_EV_INTERRUPT: {
        /* Ctrl-C while stopped: say so again. */
        static const char stopped[] = "T02thread:1;";
        send_packet(s, stopped, sizeof stopped - 1);
        return true;
    }
    default:
        return true;
    }
}

/* Feed bytes; false when gdb killed the session. */
static bool feed(GdbServer *s, const uint8_t *data, size_t len)
{
    while (len > 0) {
        GdbPacketEvent ev;
        size_t n = gdb_packet_parser_feed(s->parser, data, len, &ev);
        data += n, len -= n;
        if (ev.kind != GDB_PACKET_EV_NONE && !handle(s, &ev))
            return false;
    }
    return true;
}

bool gdb_server_run(GdbServer *s, GError **err)
{
    uint8_t buf[4096];
    for (;;) {
        if (s->pending->len) {
            g_autoptr(GByteArray) p = s->pending;
            s->pending = g_byte_array_new();
            if (!feed(s, p->data, p->len))
                return true;
            continue;
        }
        size_t n = 0;
        GdbTransportEvent ev = gdb_transport_poll(s->tr, s->once ? 100 : 1000, buf, sizeof buf,
                                                  &n, err);
        switch (ev) {
        case GDB_TRANSPORT_CONNECTED:
            gdb_packet_parser_reset(s->parser);
            gdb_packet_parser_set_ack_mode(s->parser, true);
            s->gone = false;
            s->served = true;
            fprintf(stderr, "rewind: gdb connected\n");
            break;
        case GDB_TRANSPORT_DISCONNECTED:
            if (s->once) {
                fprintf(stderr, "rewind: gdb disconnected\n");
                return true;
            }
            fprintf(stderr, "rewind: gdb disconnected; waiting for another on %s\n",
                    gdb_server_address(s));
            break;
        case GDB_TRANSPORT_DATA:
            if (!feed(s, buf, n))
                return true;
            break;
        case GDB_TRANSPORT_FAILED:
            return false;
        default:
            if (s->once && !s->served && s->stop && s->stop(s->stop_opaque))
                return true;     /* no one came, and waiting was called off */
            break;
        }
    }
}
