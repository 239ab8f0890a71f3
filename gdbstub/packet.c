/* gdbstub/packet.c — the framing state machine and the packet encoder of
 * the gdb remote serial protocol. See packet.h for the contracts.
 *
 * States and the bytes that leave them ('$' in any payload state starts a
 * new packet; '#' in any payload state goes to CSUM_HI):
 *
 *   IDLE ---'$'---> DATA ---'}'---> ESCAPE ---c---> DATA   (c ^ 0x20)
 *    |  \            |  ----'*'---> REPEAT ---n---> DATA   (n - 29 more)
 *    |   '%'         '#'
 *    |    v          v
 *    |  NOTIFY     CSUM_HI ---h---> CSUM_LO ---l---> IDLE  (event)
 *    |    |'#'
 *    |    v
 *    |  NOTIFY_HI ---> NOTIFY_LO ---> IDLE                 (dropped)
 *    '--- 0x03 '+' '-' ---> IDLE (event); anything else skipped
 */
#include "gdbstub/packet.h"

#include <assert.h>
#include <string.h>

typedef enum ParseState {
    IDLE,
    DATA,
    ESCAPE,                     /* after '}' */
    REPEAT,                     /* after '*': the count comes next */
    CSUM_HI,
    CSUM_LO,
    NOTIFY,                     /* inside a '%' notification */
    NOTIFY_HI,
    NOTIFY_LO,
} ParseState;

struct GdbPacketParser {
    ParseState state;
    bool ack;
    size_t max;
    char *buf;                  /* max + 1 bytes: the decoded payload and a NUL */
    size_t len;                 /* decoded bytes in buf */
    size_t raw;                 /* raw data bytes between '$' and '#' so far */
    uint8_t sum;                /* of the raw data bytes */
    uint8_t csum;               /* the high checksum digit's value */
    bool csum_bad;              /* a checksum digit is not hex */
    bool overflow;              /* over max: nothing more is stored */
    bool malformed;
    GdbPacketStats stats;
};

GdbPacketParser *gdb_packet_parser_new(size_t max)
{
    if (max == 0)
        max = GDB_PACKET_SIZE_DEFAULT;
    assert(max <= GDB_PACKET_SIZE_LIMIT);
    GdbPacketParser *p = g_new0(GdbPacketParser, 1);
    p->max = max;
    p->buf = g_malloc(max + 1);
    p->ack = true;
    p->state = IDLE;
    return p;
}

void gdb_packet_parser_free(GdbPacketParser *p)
{
    if (!p)
        return;
    g_free(p->buf);
    g_free(p);
}

void gdb_packet_parser_reset(GdbPacketParser *p)
{
    p->state = IDLE;
    p->ack = true;
}

void gdb_packet_parser_set_ack_mode(GdbPacketParser *p, bool ack) { p->ack = ack; }
bool gdb_packet_parser_ack_mode(const GdbPacketParser *p) { return p->ack; }
size_t gdb_packet_parser_max(const GdbPacketParser *p) { return p->max; }
void gdb_packet_parser_stats(const GdbPacketParser *p, GdbPacketStats *out) { *out = p->stats; }

char gdb_packet_parser_ack_reply(const GdbPacketParser *p, const GdbPacketEvent *ev)
{
    if (!p->ack)
        return 0;
    switch (ev->kind) {
    case GDB_PACKET_EV_PACKET:
    case GDB_PACKET_EV_MALFORMED:
    case GDB_PACKET_EV_TOO_LONG:
        return '+';
    case GDB_PACKET_EV_BAD_CHECKSUM:
        return '-';
    default:
        return 0;
    }
}

static int hex_value(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void packet_start(GdbPacketParser *p)
{
    p->state = DATA;
    p->len = 0;
    p->raw = 0;
    p->sum = 0;
    p->csum_bad = false;
    p->overflow = false;
    p->malformed = false;
}

/* Append `count` copies of c to the decoded payload, or mark the packet
 * oversized if they do not fit. */
static void put_bytes(GdbPacketParser *p, uint8_t c, size_t count)
{
    if (p->overflow)
        return;
    if (count > p->max - p->len) {
        p->overflow = true;
        return;
    }
    memset(p->buf + p->len, c, count);
    p->len += count;
}

/* The event that ends a packet, its checksum digits read. */
static void packet_end(GdbPacketParser *p, uint8_t lo_digit, GdbPacketEvent *ev)
{
    int lo = hex_value(lo_digit);
    p->state = IDLE;
    if (p->csum_bad || lo < 0 || (uint8_t)(p->csum << 4 | lo) != p->sum) {
        ev->kind = GDB_PACKET_EV_BAD_CHECKSUM;
        p->stats.bad_checksum++;
    } else if (p->overflow) {
        ev->kind = GDB_PACKET_EV_TOO_LONG;
        p->stats.too_long++;
    } else if (p->malformed) {
        ev->kind = GDB_PACKET_EV_MALFORMED;
        p->stats.malformed++;
    } else {
        p->buf[p->len] = '\0';
        ev->kind = GDB_PACKET_EV_PACKET;
        ev->payload = p->buf;
        ev->len = p->len;
        p->stats.packets++;
    }
}

/* One byte inside a packet's data (DATA, ESCAPE or REPEAT). */
static void data_byte(GdbPacketParser *p, uint8_t c)
{
    if (c == '$') {                     /* resynchronise on a new packet */
        p->stats.abandoned++;
        packet_start(p);
        return;
    }
    if (c == '#') {
        if (p->state != DATA)
            p->malformed = true;        /* '}' or '*' with nothing after it */
        p->state = CSUM_HI;
        return;
    }
    p->sum += c;
    if (p->raw < p->max)
        p->raw++;
    else
        p->overflow = true;
    switch (p->state) {
    case DATA:
        if (c == '}')
            p->state = ESCAPE;
        else if (c == '*')
            p->state = REPEAT;
        else
            put_bytes(p, c, 1);
        break;
    case ESCAPE:
        put_bytes(p, c ^ 0x20, 1);
        p->state = DATA;
        break;
    case REPEAT:
        if (c < ' ' || c > '~' || p->len == 0)
            p->malformed = true;
        else
            put_bytes(p, (uint8_t)p->buf[p->len - 1], c - 29u);
        p->state = DATA;
        break;
    default:
        assert(false);
    }
}

size_t gdb_packet_parser_feed(GdbPacketParser *p, const void *data, size_t len,
                              GdbPacketEvent *ev)
{
    const uint8_t *b = data;
    *ev = (GdbPacketEvent){ .kind = GDB_PACKET_EV_NONE };
    for (size_t i = 0; i < len; i++) {
        uint8_t c = b[i];
        switch (p->state) {
        case IDLE:
            switch (c) {
            case '$': packet_start(p); break;
            case '%': p->state = NOTIFY; p->stats.skipped++; break;
            case 0x03: ev->kind = GDB_PACKET_EV_INTERRUPT; return i + 1;
            case '+':  ev->kind = GDB_PACKET_EV_ACK; return i + 1;
            case '-':  ev->kind = GDB_PACKET_EV_NACK; return i + 1;
            default:   p->stats.skipped++; break;
            }
            break;
        case DATA:
        case ESCAPE:
        case REPEAT:
            data_byte(p, c);
            break;
        case CSUM_HI: {
            int hi = hex_value(c);
            p->csum_bad = hi < 0;
            p->csum = hi < 0 ? 0 : (uint8_t)hi;
            p->state = CSUM_LO;
            break;
        }
        case CSUM_LO:
            packet_end(p, c, ev);
            return i + 1;
        case NOTIFY:
            if (c == '$') {
                packet_start(p);
                break;
            }
            p->stats.skipped++;
            if (c == '#')
                p->state = NOTIFY_HI;
            break;
        case NOTIFY_HI:
            p->stats.skipped++;
            p->state = NOTIFY_LO;
            break;
        case NOTIFY_LO:
            p->stats.skipped++;
            p->state = IDLE;
            break;
        }
    }
    return len;
}

/* ---- Encoding ---- */

uint8_t gdb_packet_checksum(const void *data, size_t len)
{
    const uint8_t *b = data;
    uint8_t sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += b[i];
    return sum;
}

static bool needs_escape(uint8_t c)
{
    return c == '#' || c == '$' || c == '}' || c == '*';
}

void gdb_packet_encode(GString *out, const void *payload, size_t len,
                       GdbPacketEncodeFlags flags)
{
    static const char hex[] = "0123456789abcdef";
    const uint8_t *b = payload;
    size_t start = out->len;
    g_string_append_c(out, '$');
    for (size_t i = 0; i < len; i++) {
        uint8_t c = b[i];
        if (needs_escape(c)) {
            g_string_append_c(out, '}');
            g_string_append_c(out, (char)(c ^ 0x20));
            continue;
        }
        g_string_append_c(out, (char)c);
        if (!(flags & GDB_PACKET_RLE))
            continue;
        /* More copies of c after this one, as many as one count can say. */
        size_t more = 0;
        while (more < '~' - 29u && i + 1 + more < len && b[i + 1 + more] == c)
            more++;
        while (more + 29 == '#' || more + 29 == '$')
            more--;
        if (more >= 3) {                /* "c*n" is shorter than c c c c */
            g_string_append_c(out, '*');
            g_string_append_c(out, (char)(more + 29));
            i += more;
        }
    }
    uint8_t sum = gdb_packet_checksum(out->str + start + 1, out->len - start - 1);
    g_string_append_c(out, '#');
    g_string_append_c(out, hex[sum >> 4]);
    g_string_append_c(out, hex[sum & 15]);
}

const char *gdb_packet_event_kind_name(GdbPacketEventKind kind)
{
    switch (kind) {
    case GDB_PACKET_EV_NONE:         return "none";
    case GDB_PACKET_EV_PACKET:       return "packet";
    case GDB_PACKET_EV_BAD_CHECKSUM: return "bad-checksum";
    case GDB_PACKET_EV_MALFORMED:    return "malformed";
    case GDB_PACKET_EV_TOO_LONG:     return "too-long";
    case GDB_PACKET_EV_INTERRUPT:    return "interrupt";
    case GDB_PACKET_EV_ACK:          return "ack";
    case GDB_PACKET_EV_NACK:         return "nack";
    }
    return NULL;
}
