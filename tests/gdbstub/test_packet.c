/* tests/gdbstub/test_packet.c — the gdb packet framing state machine and
 * encoder: checksums, escapes, run-lengths, every byte value, any chunking,
 * oversized and malformed packets, interrupts and acks between packets,
 * skipped garbage, and random streams that never crash it or get more than
 * the maximum out of it. */
#include <criterion/criterion.h>
#include <string.h>

#include "gdbstub/packet.h"

TestSuite(gdb_packet, .timeout = 30);

/* ---- Helpers ---- */

typedef struct Seen {
    GdbPacketEventKind kind;
    GByteArray *payload;         /* PACKET only */
} Seen;

typedef struct Events {
    GArray *list;                /* of Seen */
} Events;

static Events events_new(void) { return (Events){ g_array_new(false, true, sizeof(Seen)) }; }

static void events_free(Events *e)
{
    for (guint i = 0; i < e->list->len; i++) {
        Seen *s = &g_array_index(e->list, Seen, i);
        if (s->payload)
            g_byte_array_unref(s->payload);
    }
    g_array_free(e->list, true);
}

static Seen *event_at(Events *e, guint i)
{
    cr_assert_lt(i, e->list->len, "event %u of %u", i, e->list->len);
    return &g_array_index(e->list, Seen, i);
}

/* Feed `len` bytes in chunks of `chunk` bytes (0: all at once) and collect
 * the events, checking the feed contract on the way. */
static void feed(GdbPacketParser *p, const void *data, size_t len, size_t chunk, Events *out)
{
    const uint8_t *b = data;
    while (len > 0) {
        size_t c = chunk == 0 || chunk > len ? len : chunk;
        while (c > 0) {
            GdbPacketEvent ev;
            size_t n = gdb_packet_parser_feed(p, b, c, &ev);
            cr_assert(n >= 1 && n <= c, "feed took %zu of %zu", n, c);
            if (ev.kind == GDB_PACKET_EV_NONE)
                cr_assert_eq(n, c, "no event, yet %zu of %zu bytes left", c - n, c);
            b += n, c -= n, len -= n;
            if (ev.kind == GDB_PACKET_EV_NONE)
                continue;
            Seen s = { .kind = ev.kind };
            if (ev.kind == GDB_PACKET_EV_PACKET) {
                cr_assert_leq(ev.len, gdb_packet_parser_max(p));
                cr_assert_eq(ev.payload[ev.len], '\0');
                s.payload = g_byte_array_new();
                g_byte_array_append(s.payload, (const guint8 *)ev.payload, (guint)ev.len);
            } else {
                cr_assert_null(ev.payload);
                cr_assert_eq(ev.len, 0);
            }
            g_array_append_val(out->list, s);
        }
    }
}

static void feed_str(GdbPacketParser *p, const char *s, Events *out) { feed(p, s, strlen(s), 0, out); }

/* "$" data "#" and the right checksum, data taken as raw wire bytes. */
static char *frame_raw(const char *data)
{
    return g_strdup_printf("$%s#%02x", data, gdb_packet_checksum(data, strlen(data)));
}

static void assert_payload(Seen *s, const void *want, size_t len)
{
    cr_assert_eq(s->kind, GDB_PACKET_EV_PACKET, "got %s", gdb_packet_event_kind_name(s->kind));
    cr_assert_eq(s->payload->len, len, "payload %u bytes, want %zu", s->payload->len, len);
    if (len > 0)                        /* an empty GByteArray's data is NULL */
        cr_assert_arr_eq(s->payload->data, want, len);
}

static uint64_t rng_state;
static uint64_t rnd(void)             /* xorshift64*: fast, and the same run every time */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}
static size_t rnd_below(size_t n) { return (size_t)(rnd() % n); }

/* ---- Checksums and encoding ---- */

Test(gdb_packet, checksum_is_the_modulo_256_sum)
{
    cr_assert_eq(gdb_packet_checksum("OK", 2), 0x9a);
    cr_assert_eq(gdb_packet_checksum("", 0), 0);
    uint8_t ff[3] = { 0xff, 0xff, 0x03 };
    cr_assert_eq(gdb_packet_checksum(ff, 3), 0x01);
}

Test(gdb_packet, encode_frames_with_lowercase_checksum)
{
    GString *s = g_string_new("keep");
    gdb_packet_encode(s, "OK", 2, GDB_PACKET_PLAIN);
    cr_assert_str_eq(s->str, "keep$OK#9a");
    g_string_truncate(s, 0);
    gdb_packet_encode(s, "", 0, GDB_PACKET_PLAIN);
    cr_assert_str_eq(s->str, "$#00");
    g_string_free(s, true);
}

Test(gdb_packet, encode_escapes_the_four_special_bytes)
{
    GString *s = g_string_new(NULL);
    gdb_packet_encode(s, "a#$}*b", 6, GDB_PACKET_PLAIN);
    const char *data = "a}\x03}\x04}]}\x0a" "b";
    char *want = frame_raw(data);
    cr_assert_str_eq(s->str, want);
    g_free(want);
    g_string_free(s, true);
}

Test(gdb_packet, encode_rle_never_uses_hash_or_dollar_counts)
{
    /* 1 + 6 and 1 + 7 copies would be counts '#' and '$': five more, then
     * the rest plainly. */
    GString *s = g_string_new(NULL);
    gdb_packet_encode(s, "0000000", 7, GDB_PACKET_RLE);
    char *want = frame_raw("0*\"0");
    cr_assert_str_eq(s->str, want);
    g_free(want);
    g_string_truncate(s, 0);
    gdb_packet_encode(s, "000", 3, GDB_PACKET_RLE);     /* too short to gain */
    cr_assert_str_eq(s->str, "$000#90");
    g_string_truncate(s, 0);
    gdb_packet_encode(s, "0000", 4, GDB_PACKET_RLE);    /* the manual's "0* " */
    want = frame_raw("0* ");
    cr_assert_str_eq(s->str, want);
    g_free(want);
    g_string_free(s, true);
}

/* Every byte value, alone and in a run, each way of encoding, each way of
 * feeding: the payload comes back exactly. */
Test(gdb_packet, every_byte_value_round_trips)
{
    GdbPacketParser *p = gdb_packet_parser_new(0);
    uint8_t all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (uint8_t)i;
    for (int flags = 0; flags < 2; flags++) {
        for (size_t chunk = 0; chunk <= 3; chunk++) {
            GString *wire = g_string_new(NULL);
            gdb_packet_encode(wire, all, sizeof all, flags);
            for (int v = 0; v < 256; v++) {
                uint8_t one[200];
                memset(one, v, sizeof one);
                gdb_packet_encode(wire, one, 1, flags);
                gdb_packet_encode(wire, one, sizeof one, flags);
            }
            Events e = events_new();
            feed(p, wire->str, wire->len, chunk, &e);
            cr_assert_eq(e.list->len, 1 + 2 * 256);
            assert_payload(event_at(&e, 0), all, sizeof all);
            for (int v = 0; v < 256; v++) {
                uint8_t one[200];
                memset(one, v, sizeof one);
                assert_payload(event_at(&e, 1 + 2 * v), one, 1);
                assert_payload(event_at(&e, 2 + 2 * v), one, sizeof one);
            }
            events_free(&e);
            g_string_free(wire, true);
        }
    }
    gdb_packet_parser_free(p);
}

/* Many random packets, with acks, interrupts and garbage between them, cut
 * at random places: the same events as fed whole. */
Test(gdb_packet, random_splits_give_the_same_events)
{
    rng_state = 0x1234567;
    static const uint8_t special[] = { '#', '$', '}', '*', 0x03, '+', '-', '%', 0, 0xff };
    for (int round = 0; round < 50; round++) {
        GString *wire = g_string_new(NULL);
        GPtrArray *want = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
        GArray *kinds = g_array_new(false, false, sizeof(int));
        for (int k = 0; k < 40; k++) {
            switch (rnd_below(6)) {
            case 0: g_string_append_c(wire, '+'); g_array_append_val(kinds, (int){ GDB_PACKET_EV_ACK }); continue;
            case 1: g_string_append_c(wire, 0x03); g_array_append_val(kinds, (int){ GDB_PACKET_EV_INTERRUPT }); continue;
            case 2: g_string_append(wire, "\r\nxyz"); continue;                  /* skipped */
            default: break;
            }
            GByteArray *pl = g_byte_array_new();
            size_t n = rnd_below(300);
            for (size_t i = 0; i < n; i++) {
                uint8_t c = rnd_below(4) == 0 ? special[rnd_below(sizeof special)] : (uint8_t)rnd();
                size_t run = rnd_below(8) == 0 ? rnd_below(120) : 1;
                for (size_t r = 0; r < run && pl->len < 2000; r++)
                    g_byte_array_append(pl, &c, 1);
            }
            gdb_packet_encode(wire, pl->data, pl->len, rnd_below(2) ? GDB_PACKET_RLE : GDB_PACKET_PLAIN);
            g_ptr_array_add(want, pl);
            g_array_append_val(kinds, (int){ GDB_PACKET_EV_PACKET });
        }
        GdbPacketParser *p = gdb_packet_parser_new(0);
        Events e = events_new();
        size_t off = 0;
        while (off < wire->len) {                    /* random cuts, 1 byte to 4 KiB */
            size_t c = 1 + rnd_below(rnd_below(2) ? 8 : 4096);
            if (c > wire->len - off)
                c = wire->len - off;
            feed(p, wire->str + off, c, 0, &e);
            off += c;
        }
        cr_assert_eq(e.list->len, kinds->len);
        guint pk = 0;
        for (guint i = 0; i < kinds->len; i++) {
            Seen *s = event_at(&e, i);
            cr_assert_eq(s->kind, g_array_index(kinds, int, i), "round %d event %u", round, i);
            if (s->kind == GDB_PACKET_EV_PACKET) {
                GByteArray *w = g_ptr_array_index(want, pk++);
                assert_payload(s, w->data, w->len);
            }
        }
        events_free(&e);
        gdb_packet_parser_free(p);
        g_array_free(kinds, true);
        g_ptr_array_free(want, true);
        g_string_free(wire, true);
    }
}

/* ---- Decoding, case by case ---- */

typedef struct WireCase {
    const char *name;
    const char *wire;            /* NULL-free wire bytes */
    GdbPacketEventKind kind;     /* the first event */
    const char *payload;         /* for PACKET */
} WireCase;

static const WireCase cases[] = {
    { "plain", "$OK#9a", GDB_PACKET_EV_PACKET, "OK" },
    { "uppercase checksum", "$OK#9A", GDB_PACKET_EV_PACKET, "OK" },
    { "empty", "$#00", GDB_PACKET_EV_PACKET, "" },
    { "wrong checksum", "$OK#9b", GDB_PACKET_EV_BAD_CHECKSUM, NULL },
    { "checksum not hex", "$OK#zz", GDB_PACKET_EV_BAD_CHECKSUM, NULL },
    { "checksum half hex", "$OK#9-", GDB_PACKET_EV_BAD_CHECKSUM, NULL },
    { "escape", "$a}\x03" "b#43", GDB_PACKET_EV_PACKET, "a#b" },
    { "rle: 0* is four zeros", "$0* #7a", GDB_PACKET_EV_PACKET, "0000" },
    { "rle: count '\"' is five more", "$x*\"#c4", GDB_PACKET_EV_PACKET, "xxxxxx" },
    { "rle of an escaped byte", "$}]*!#25", GDB_PACKET_EV_PACKET, "}}}}}" },
    { "rle twice", "$a* * #f5", GDB_PACKET_EV_PACKET, "aaaaaaa" },
    { "rle with nothing before", "$* #4a", GDB_PACKET_EV_MALFORMED, NULL },
    { "rle count below ' '", "$a*\x1f#aa", GDB_PACKET_EV_MALFORMED, NULL },
    { "rle count above '~'", "$a*\x7f#0a", GDB_PACKET_EV_MALFORMED, NULL },
    { "escape cut by '#'", "$a}#de", GDB_PACKET_EV_MALFORMED, NULL },
    { "rle cut by '#'", "$a*#8b", GDB_PACKET_EV_MALFORMED, NULL },
    { "malformed with a bad checksum", "$a*#00", GDB_PACKET_EV_BAD_CHECKSUM, NULL },
    { "0x03 inside a packet is data", "$\x03#03", GDB_PACKET_EV_PACKET, "\x03" },
    { "+ - % inside a packet are data", "$+-%#7d", GDB_PACKET_EV_PACKET, "+-%" },
    { "ack", "+", GDB_PACKET_EV_ACK, NULL },
    { "nack", "-", GDB_PACKET_EV_NACK, NULL },
    { "interrupt", "\x03", GDB_PACKET_EV_INTERRUPT, NULL },
    { "garbage before", "\r\nhello\xff$OK#9a", GDB_PACKET_EV_PACKET, "OK" },
    { "a '$' abandons the packet so far", "$m0,4$OK#9a", GDB_PACKET_EV_PACKET, "OK" },
    { "a notification is skipped whole", "%Stop:T05;+-\x03#00$OK#9a", GDB_PACKET_EV_PACKET, "OK" },
    { "a '$' ends a notification", "%Stop$OK#9a", GDB_PACKET_EV_PACKET, "OK" },
};

Test(gdb_packet, wire_cases)
{
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const WireCase *c = &cases[i];
        for (size_t chunk = 0; chunk <= 1; chunk++) {
            GdbPacketParser *p = gdb_packet_parser_new(0);
            Events e = events_new();
            feed(p, c->wire, strlen(c->wire), chunk, &e);
            cr_assert_eq(e.list->len, 1, "%s: %u events", c->name, e.list->len);
            Seen *s = event_at(&e, 0);
            cr_assert_eq(s->kind, c->kind, "%s: %s, want %s", c->name,
                         gdb_packet_event_kind_name(s->kind), gdb_packet_event_kind_name(c->kind));
            if (c->payload)
                assert_payload(s, c->payload, strlen(c->payload));
            /* And the parser is ready for the next packet. */
            feed_str(p, "$OK#9a", &e);
            cr_assert_eq(e.list->len, 2, "%s: no packet after it", c->name);
            assert_payload(event_at(&e, 1), "OK", 2);
            events_free(&e);
            gdb_packet_parser_free(p);
        }
    }
}

Test(gdb_packet, nul_bytes_in_the_payload)
{
    static const uint8_t data[] = { 'X', '0', ',', '2', ':', 0, 0xff };
    GString *w = g_string_new("$");
    g_string_append_len(w, (const char *)data, sizeof data);
    g_string_append_printf(w, "#%02x", gdb_packet_checksum(data, sizeof data));
    GdbPacketParser *p = gdb_packet_parser_new(0);
    Events e = events_new();
    feed(p, w->str, w->len, 0, &e);
    assert_payload(event_at(&e, 0), data, sizeof data);
    events_free(&e);
    g_string_free(w, true);
    gdb_packet_parser_free(p);
}

Test(gdb_packet, interrupts_between_packets)
{
    GdbPacketParser *p = gdb_packet_parser_new(0);
    Events e = events_new();
    feed_str(p, "$c#63\x03\x03+$g#67-", &e);
    cr_assert_eq(e.list->len, 6);
    assert_payload(event_at(&e, 0), "c", 1);
    cr_assert_eq(event_at(&e, 1)->kind, GDB_PACKET_EV_INTERRUPT);
    cr_assert_eq(event_at(&e, 2)->kind, GDB_PACKET_EV_INTERRUPT);
    cr_assert_eq(event_at(&e, 3)->kind, GDB_PACKET_EV_ACK);
    assert_payload(event_at(&e, 4), "g", 1);
    cr_assert_eq(event_at(&e, 5)->kind, GDB_PACKET_EV_NACK);
    events_free(&e);
    gdb_packet_parser_free(p);
}

Test(gdb_packet, garbage_is_counted_and_skipped)
{
    GdbPacketParser *p = gdb_packet_parser_new(0);
    Events e = events_new();
    feed_str(p, "junk\n%Stop:T05#12$OK#9a$ab$OK#9a", &e);
    cr_assert_eq(e.list->len, 2);
    GdbPacketStats st;
    gdb_packet_parser_stats(p, &st);
    cr_assert_eq(st.packets, 2);
    cr_assert_eq(st.skipped, 5 + 12);
    cr_assert_eq(st.abandoned, 1);
    events_free(&e);
    gdb_packet_parser_free(p);
}

/* ---- Limits ---- */

Test(gdb_packet, oversized_packets_are_dropped_and_the_next_parses)
{
    GdbPacketParser *p = gdb_packet_parser_new(16);
    Events e = events_new();
    char *exact = frame_raw("0123456789abcdef");        /* 16: fits */
    char *over = frame_raw("0123456789abcdefg");        /* 17 */
    char *rle = frame_raw("0*~");                       /* 1 + 97 decoded */
    char *esc = frame_raw("}]}]}]}]}]}]}]}]}]");         /* 18 raw, 9 decoded */
    char *over_bad = g_strdup("$0123456789abcdefg#00");
    feed_str(p, exact, &e);
    feed_str(p, over, &e);
    feed_str(p, "$OK#9a", &e);
    feed_str(p, rle, &e);
    feed_str(p, esc, &e);
    feed_str(p, over_bad, &e);
    feed_str(p, "$OK#9a", &e);
    cr_assert_eq(e.list->len, 7);
    assert_payload(event_at(&e, 0), "0123456789abcdef", 16);
    cr_assert_eq(event_at(&e, 1)->kind, GDB_PACKET_EV_TOO_LONG);
    assert_payload(event_at(&e, 2), "OK", 2);
    cr_assert_eq(event_at(&e, 3)->kind, GDB_PACKET_EV_TOO_LONG);
    cr_assert_eq(event_at(&e, 4)->kind, GDB_PACKET_EV_TOO_LONG);
    cr_assert_eq(event_at(&e, 5)->kind, GDB_PACKET_EV_BAD_CHECKSUM);
    assert_payload(event_at(&e, 6), "OK", 2);
    GdbPacketStats st;
    gdb_packet_parser_stats(p, &st);
    cr_assert_eq(st.too_long, 3);
    events_free(&e);
    g_free(exact), g_free(over), g_free(rle), g_free(esc), g_free(over_bad);
    gdb_packet_parser_free(p);
}

/* A packet that never ends holds no more than the maximum. */
Test(gdb_packet, an_endless_packet_stays_bounded)
{
    GdbPacketParser *p = gdb_packet_parser_new(0);
    uint8_t junk[65536];
    memset(junk, 'a', sizeof junk);
    Events e = events_new();
    feed(p, "$", 1, 0, &e);
    for (int i = 0; i < 256; i++)                         /* 16 MiB */
        feed(p, junk, sizeof junk, 0, &e);
    cr_assert_eq(e.list->len, 0);
    feed_str(p, "#00", &e);
    cr_assert_eq(event_at(&e, 0)->kind, GDB_PACKET_EV_TOO_LONG);  /* 16 Mi 'a' sum to 0 */
    events_free(&e);
    gdb_packet_parser_free(p);
}

/* ---- Acknowledgment ---- */

Test(gdb_packet, ack_replies_follow_the_mode)
{
    GdbPacketParser *p = gdb_packet_parser_new(0);
    GdbPacketEvent ev = { .kind = GDB_PACKET_EV_PACKET };
    cr_assert(gdb_packet_parser_ack_mode(p));
    cr_assert_eq(gdb_packet_parser_ack_reply(p, &ev), '+');
    ev.kind = GDB_PACKET_EV_BAD_CHECKSUM;
    cr_assert_eq(gdb_packet_parser_ack_reply(p, &ev), '-');
    ev.kind = GDB_PACKET_EV_TOO_LONG;
    cr_assert_eq(gdb_packet_parser_ack_reply(p, &ev), '+');
    ev.kind = GDB_PACKET_EV_MALFORMED;
    cr_assert_eq(gdb_packet_parser_ack_reply(p, &ev), '+');
    GdbPacketEventKind silent[] = { GDB_PACKET_EV_NONE, GDB_PACKET_EV_ACK, GDB_PACKET_EV_NACK,
                                    GDB_PACKET_EV_INTERRUPT };
    for (size_t i = 0; i < G_N_ELEMENTS(silent); i++) {
        ev.kind = silent[i];
        cr_assert_eq(gdb_packet_parser_ack_reply(p, &ev), 0);
    }

    gdb_packet_parser_set_ack_mode(p, false);                /* QStartNoAckMode */
    for (int k = GDB_PACKET_EV_NONE; k <= GDB_PACKET_EV_NACK; k++) {
        ev.kind = k;
        cr_assert_eq(gdb_packet_parser_ack_reply(p, &ev), 0);
    }
    /* Parsing is the same in either mode. */
    Events e = events_new();
    feed_str(p, "$OK#9a$OK#00+", &e);
    cr_assert_eq(event_at(&e, 0)->kind, GDB_PACKET_EV_PACKET);
    cr_assert_eq(event_at(&e, 1)->kind, GDB_PACKET_EV_BAD_CHECKSUM);
    cr_assert_eq(event_at(&e, 2)->kind, GDB_PACKET_EV_ACK);
    events_free(&e);

    e = events_new();
    feed(p, "$par", 4, 0, &e);
    gdb_packet_parser_reset(p);                               /* a new connection */
    cr_assert(gdb_packet_parser_ack_mode(p));
    feed_str(p, "tial#00$OK#9a", &e);
    cr_assert_eq(e.list->len, 1);
    assert_payload(event_at(&e, 0), "OK", 2);
    events_free(&e);
    gdb_packet_parser_free(p);
}

Test(gdb_packet, kind_names)
{
    cr_assert_str_eq(gdb_packet_event_kind_name(GDB_PACKET_EV_BAD_CHECKSUM), "bad-checksum");
    cr_assert_str_eq(gdb_packet_event_kind_name(GDB_PACKET_EV_INTERRUPT), "interrupt");
    cr_assert_null(gdb_packet_event_kind_name((GdbPacketEventKind)99));
}

/* ---- Robustness ---- */

/* A few hundred thousand random streams over the bytes that matter, fed in
 * random chunks to a small parser: no crash (ASan and UBSan watch in
 * unit-asan), every feed keeps its contract, no payload over the maximum.
 * Every 64th stream then gets a good packet, which must come out. */
Test(gdb_packet, random_streams_never_break_it)
{
    static const uint8_t alphabet[] = { '$', '#', '}', '*', '+', '-', '%', 0x03, '0', '9',
                                        'a', 'f', 'F', ' ', '~', 0x7f, 0, 0xff, 'x', '"' };
    rng_state = 0xfeedface;
    GdbPacketParser *p = gdb_packet_parser_new(32);
    uint8_t stream[96];
    uint64_t events = 0;
    for (int round = 0; round < 300000; round++) {
        size_t n = 1 + rnd_below(sizeof stream);
        for (size_t i = 0; i < n; i++)
            stream[i] = rnd_below(8) ? alphabet[rnd_below(sizeof alphabet)] : (uint8_t)rnd();
        size_t off = 0;
        while (off < n) {
            size_t c = 1 + rnd_below(n - off);
            while (c > 0) {
                GdbPacketEvent ev;
                size_t took = gdb_packet_parser_feed(p, stream + off, c, &ev);
                if (took < 1 || took > c || (ev.kind == GDB_PACKET_EV_NONE && took != c))
                    cr_assert_fail("round %d: feed took %zu of %zu", round, took, c);
                if (ev.kind == GDB_PACKET_EV_PACKET && (ev.len > 32 || ev.payload[ev.len] != 0))
                    cr_assert_fail("round %d: payload of %zu bytes", round, ev.len);
                events += ev.kind != GDB_PACKET_EV_NONE;
                off += took, c -= took;
            }
        }
        if (round % 64 == 0) {
            /* A '#' and two digits end any packet in progress, then ours. */
            Events e = events_new();
            feed_str(p, "#00$OK#9a", &e);
            cr_assert_geq(e.list->len, 1);
            assert_payload(event_at(&e, e.list->len - 1), "OK", 2);
            events_free(&e);
        }
    }
    cr_assert_gt(events, 100000);
    gdb_packet_parser_free(p);
}
