/* tests/gdbstub/fuzz_packet.c — libFuzzer target for gdbstub/packet.c
 * (make fuzz-packet; tests/gdbstub/gdbstub-tests.mk builds it with clang
 * -fsanitize=fuzzer,address,undefined). For each input:
 *
 *   1. The input is a byte stream from gdb. The first byte picks the
 *      parser's maximum (1..255, or the default), the second seeds the
 *      chunking. It is fed once in one piece and once in pseudo-random
 *      chunks: every feed keeps its contract (takes 1..len bytes, stops only
 *      after an event, no payload over the maximum, a NUL after each) and
 *      both feedings give the same events with the same payloads.
 *   2. The input is a payload: encoded plainly and with run-lengths, each
 *      decodes to exactly one packet equal to it.
 *
 * Any violation aborts, which libFuzzer reports with the input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/packet.h"

#define MAX_EVENTS 4096
#define ROUND_TRIP_MAX 65536    /* payloads this long or shorter go round trip */

typedef struct Trace {
    size_t n;
    GdbPacketEventKind kind[MAX_EVENTS];
    size_t len[MAX_EVENTS];
    uint32_t hash[MAX_EVENTS];  /* FNV-1a of the payload */
} Trace;

static Trace whole, chunked;

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_packet: %s\n", what);
    abort();
}

static uint32_t fnv1a(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 16777619u;
    return h;
}

static void record(GdbPacketParser *p, const GdbPacketEvent *ev, Trace *t)
{
    if (ev->kind == GDB_PACKET_EV_PACKET) {
        if (!ev->payload || ev->len > gdb_packet_parser_max(p) || ev->payload[ev->len] != '\0')
            fail("a payload over the maximum or without its NUL");
    } else if (ev->payload || ev->len) {
        fail("a payload on an event that has none");
    }
    if (t->n < MAX_EVENTS) {
        t->kind[t->n] = ev->kind;
        t->len[t->n] = ev->len;
        t->hash[t->n] = ev->payload ? fnv1a(ev->payload, ev->len) : 0;
    }
    t->n++;
}

static void feed(GdbPacketParser *p, const uint8_t *data, size_t len, size_t chunk, Trace *t)
{
    size_t took;
    GdbPacketEvent ev;
    for (; len > 0; data += took, len -= took) {
        size_t c = chunk < len ? chunk : len;
        took = gdb_packet_parser_feed(p, data, c, &ev);
        if (took < 1 || took > c)
            fail("feed took no bytes, or more than it was given");
        if (ev.kind == GDB_PACKET_EV_NONE && took != c)
            fail("feed stopped without an event");
        if (ev.kind != GDB_PACKET_EV_NONE)
            record(p, &ev, t);
    }
}

static void round_trip(GdbPacketParser *p, const uint8_t *data, size_t size, GdbPacketEncodeFlags f)
{
    GString *wire = g_string_new(NULL);
    gdb_packet_encode(wire, data, size, f);
    if (wire->len > 2 * size + 4)
        fail("an encoding longer than every byte escaped");
    gdb_packet_parser_reset(p);
    GdbPacketEvent ev;
    size_t took = gdb_packet_parser_feed(p, wire->str, wire->len, &ev);
    if (took != wire->len || ev.kind != GDB_PACKET_EV_PACKET || ev.len != size ||
        (size && memcmp(ev.payload, data, size) != 0))
        fail("an encoded payload did not decode to itself");
    g_string_free(wire, true);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static GdbPacketParser *big;
    if (!big)
        big = gdb_packet_parser_new(2 * ROUND_TRIP_MAX + 4);
    if (size <= ROUND_TRIP_MAX) {
        round_trip(big, data, size, GDB_PACKET_PLAIN);
        round_trip(big, data, size, GDB_PACKET_RLE);
    }
    if (size < 2)
        return 0;

    size_t max = data[0] ? data[0] : GDB_PACKET_SIZE_DEFAULT;
    uint32_t seed = data[1] | 1u;
    GdbPacketParser *p = gdb_packet_parser_new(max);
    whole.n = chunked.n = 0;
    feed(p, data, size, size, &whole);
    gdb_packet_parser_free(p);

    p = gdb_packet_parser_new(max);
    for (size_t off = 0; off < size;) {
        seed = seed * 1103515245u + 12345u;
        size_t c = 1 + (seed >> 16) % 17;
        if (c > size - off)
            c = size - off;
        feed(p, data + off, c, c, &chunked);
        off += c;
    }
    gdb_packet_parser_free(p);

    if (whole.n != chunked.n)
        fail("chunking changed the number of events");
    for (size_t i = 0; i < whole.n && i < MAX_EVENTS; i++)
        if (whole.kind[i] != chunked.kind[i] || whole.len[i] != chunked.len[i] ||
            whole.hash[i] != chunked.hash[i])
            fail("chunking changed an event");
    return 0;
}
