/* gdbstub/packet.h — framing of the gdb remote serial protocol: a state
 * machine that turns the bytes gdb sends into events, and the encoder of
 * the stub's own packets. Below it sits gdbstub/transport.h (bytes in and
 * out); above it the command table, which sees only events.
 *
 * On the wire (gdb manual, "Remote Protocol", "Overview"):
 *
 *   packet       = '$' data '#' hex hex        hex hex: the modulo-256 sum of
 *                                              the raw data bytes, in hex
 *   data byte    = any byte but '$' '#'
 *   '}' c        = the byte c ^ 0x20          (escape: '#' '$' '}' '*')
 *   x '*' n      = x, then n - 29 more x      (run-length; n is ' '..'~')
 *   notification = '%' data '#' hex hex       (stub to gdb only: skipped)
 *   '+' / '-'    = acknowledgment / request to retransmit
 *   0x03         = interrupt (Ctrl-C), outside a packet
 *
 * The parser is fed bytes as they arrive, in any chunking, and hands out
 * one event at a time. Anything else between packets is skipped. A '$'
 * inside a packet abandons the packet so far and starts a new one (gdb
 * itself resynchronises this way). '#' always ends the data, also right
 * after a '}' or '*' (the packet is then malformed).
 *
 * The parser never buffers more than its maximum payload: the raw data
 * between '$' and '#' and the decoded payload are each limited to `max`
 * bytes (the PacketSize the stub advertises); a longer packet is read to
 * its end, dropped and reported.
 *
 * Acknowledgment mode is the parser's state too (see
 * gdb_packet_parser_set_ack_mode): it never writes anything itself, but
 * gdb_packet_parser_ack_reply() says which byte the caller owes gdb for an
 * event, so the ack rules live in one place.
 */
#ifndef GDBSTUB_PACKET_H
#define GDBSTUB_PACKET_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The PacketSize the stub advertises in qSupported, and a parser's
 * default maximum payload. */
#define GDB_PACKET_SIZE_DEFAULT 16384u
/* The largest maximum a parser takes. */
#define GDB_PACKET_SIZE_LIMIT   (16u * 1024 * 1024)

typedef enum GdbPacketEventKind {
    GDB_PACKET_EV_NONE,          /* the bytes fed so far complete nothing */
    GDB_PACKET_EV_PACKET,        /* a packet, checksum verified: payload, len */
    GDB_PACKET_EV_BAD_CHECKSUM,  /* the checksum is wrong or not two hex digits */
    GDB_PACKET_EV_MALFORMED,     /* checksum right, but a '*' with nothing before
                                    it or a count outside ' '..'~', or a '}' or
                                    '*' cut short by the '#' */
    GDB_PACKET_EV_TOO_LONG,      /* checksum right, but over the maximum: dropped */
    GDB_PACKET_EV_INTERRUPT,     /* 0x03 between packets */
    GDB_PACKET_EV_ACK,           /* '+' between packets */
    GDB_PACKET_EV_NACK,          /* '-' between packets: resend the last packet */
} GdbPacketEventKind;

typedef struct GdbPacketEvent {
    GdbPacketEventKind kind;
    /* PACKET only: the decoded payload (escapes and run-lengths undone),
     * followed by a NUL that is not counted in len (the payload itself may
     * hold NULs: binary 'X' data). It points into the parser and stays
     * valid until the next gdb_packet_parser_feed() or _free(). NULL and 0
     * for the other kinds. */
    const char *payload;
    size_t len;
} GdbPacketEvent;

/* Counters since the parser was made, for `monitor` output and tests. */
typedef struct GdbPacketStats {
    uint64_t packets;            /* PACKET events */
    uint64_t bad_checksum;       /* BAD_CHECKSUM events */
    uint64_t malformed;          /* MALFORMED events */
    uint64_t too_long;           /* TOO_LONG events */
    uint64_t abandoned;          /* packets cut off by a '$' (no event) */
    uint64_t skipped;            /* bytes skipped between packets, including
                                    whole '%' notifications */
} GdbPacketStats;

typedef struct GdbPacketParser GdbPacketParser;

/* A parser in acknowledgment mode, waiting for a packet, that takes
 * payloads up to `max` bytes (1..GDB_PACKET_SIZE_LIMIT; 0 means
 * GDB_PACKET_SIZE_DEFAULT). */
GdbPacketParser *gdb_packet_parser_new(size_t max);
void gdb_packet_parser_free(GdbPacketParser *p);

/* Forget any partial packet (a new connection); the ack mode returns to
 * acknowledgment, the counters stay. */
void gdb_packet_parser_reset(GdbPacketParser *p);

/* Feed the `len` bytes at `data` (the caller's). The parser takes bytes up
 * to and including the one that completes an event, and stops there:
 * returns how many it took (at least 1 when len > 0) and sets *ev, to
 * GDB_PACKET_EV_NONE if it took all `len` bytes without completing one.
 * Feed the rest again:
 *
 *     while (len > 0) {
 *         size_t n = gdb_packet_parser_feed(p, data, len, &ev);
 *         data += n, len -= n;
 *         if (ev.kind != GDB_PACKET_EV_NONE)
 *             handle(&ev);
 *     }
 *
 * Any bytes are accepted: malformed input yields events or is skipped. */
size_t gdb_packet_parser_feed(GdbPacketParser *p, const void *data, size_t len,
                              GdbPacketEvent *ev);

/* Acknowledgment mode (true, the protocol's start) or no-ack mode (false,
 * after QStartNoAckMode). The caller switches after it has acked the
 * QStartNoAckMode packet and sent its "OK"; gdb acks that "OK" with a
 * last '+', which arrives as an ACK event to ignore. */
void gdb_packet_parser_set_ack_mode(GdbPacketParser *p, bool ack);
bool gdb_packet_parser_ack_mode(const GdbPacketParser *p);

/* The byte the caller sends gdb for `ev` before anything else, or 0 for
 * none. In ack mode: '+' for PACKET, MALFORMED and TOO_LONG (received
 * intact; the command layer then replies with an error packet to the last
 * two), '-' for BAD_CHECKSUM (gdb resends). In no-ack mode, and for
 * INTERRUPT, ACK and NACK: 0. */
char gdb_packet_parser_ack_reply(const GdbPacketParser *p, const GdbPacketEvent *ev);

size_t gdb_packet_parser_max(const GdbPacketParser *p);
void gdb_packet_parser_stats(const GdbPacketParser *p, GdbPacketStats *out);

/* ---- Encoding ---- */

typedef enum GdbPacketEncodeFlags {
    GDB_PACKET_PLAIN = 0,
    /* Run-length encode runs of 4 or more identical bytes that need no
     * escape (counts never '#' or '$', at most 97 more per '*'). */
    GDB_PACKET_RLE = 1 << 0,
} GdbPacketEncodeFlags;

/* Append "$" data "#" checksum for the `len` bytes at `payload` (the
 * caller's; any byte values) to `out`: '#', '$', '}' and '*' escaped as
 * '}' c ^ 0x20, the checksum as two lowercase hex digits. */
void gdb_packet_encode(GString *out, const void *payload, size_t len,
                       GdbPacketEncodeFlags flags);

/* The modulo-256 sum of `len` bytes. */
uint8_t gdb_packet_checksum(const void *data, size_t len);

/* "packet", "bad-checksum", ...; NULL for a value not in the enum. */
const char *gdb_packet_event_kind_name(GdbPacketEventKind kind);

#endif
