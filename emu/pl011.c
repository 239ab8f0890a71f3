/* emu/pl011.c — PL011 UART. Register map (offsets, 32-bit):
 *
 *   0x000 DR     data: write transmits, read pops the receive FIFO
 *   0x004 RSR    receive status / error clear (always 0)
 *   0x018 FR     flags: RXFE(4) TXFF(5) RXFF(6) TXFE(7)
 *   0x020 ILPR   0x024 IBRD   0x028 FBRD   0x02c LCR_H (FEN = bit 4)
 *   0x030 CR     0x034 IFLS   0x038 IMSC   0x03c RIS   0x040 MIS
 *   0x044 ICR    0x048 DMACR
 *   0xfe0..0xffc peripheral and PrimeCell IDs
 *
 * Interrupts: RXIS (bit 4) while the FIFO holds at least the trigger level
 * (one byte when the FIFO is off), RTIS (bit 6) on any byte received, TXIS
 * (bit 5) always, since transmission completes at once — as QEMU does.
 */
#include "emu/pl011.h"

#include <glib.h>

#define FIFO_DEPTH 16

#define INT_RX  (1u << 4)
#define INT_TX  (1u << 5)
#define INT_RT  (1u << 6)

_Static_assert(FIFO_DEPTH == EMU_PL011_FIFO_DEPTH, "the saved FIFO is the FIFO");

struct EmuPl011 {
    EmuPl011State s;              /* saved in snapshots */
    EmuPl011Hooks hooks;          /* never saved */
};

static const uint8_t ids[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

EmuPl011 *emu_pl011_new(const EmuPl011Hooks *hooks)
{
    EmuPl011 *u = g_new0(EmuPl011, 1);
    u->hooks = *hooks;
    emu_pl011_reset(u);
    return u;
}

void emu_pl011_free(EmuPl011 *uart)
{
    g_free(uart);
}

static unsigned fifo_capacity(const EmuPl011 *u)
{
    return (u->s.lcr_h & 0x10) ? FIFO_DEPTH : 1;
}

static void update_irq(EmuPl011 *u)
{
    bool level = (u->s.ris & u->s.imsc) != 0;
    if (level != u->s.irq_level) {
        u->s.irq_level = level;
        if (u->hooks.irq)
            u->hooks.irq(u->hooks.opaque, level);
    }
}

const EmuPl011State *emu_pl011_state(const EmuPl011 *u) { return &u->s; }

bool emu_pl011_set_state(EmuPl011 *u, const EmuPl011State *st)
{
    if (st->head >= FIFO_DEPTH || st->count > FIFO_DEPTH)
        return false;
    u->s = *st;
    if (u->hooks.irq)
        u->hooks.irq(u->hooks.opaque, u->s.irq_level);
    return true;
}

void emu_pl011_reset(EmuPl011 *u)
{
    u->s.head = u->s.count = 0;
    u->s.lcr_h = u->s.imsc = u->s.ilpr = u->s.ibrd = u->s.fbrd = u->s.dmacr = 0;
    u->s.cr = 0x300;          /* TXE | RXE */
    u->s.ifls = 0x12;
    u->s.ris = INT_TX;
    u->s.irq_level = false;
    update_irq(u);
}

size_t emu_pl011_rx_space(const EmuPl011 *u)
{
    return fifo_capacity(u) - u->s.count;
}

/* The receive interrupt fires once the FIFO reaches the trigger level
 * selected by IFLS (1/8 .. 7/8 of 16), or on any byte with the FIFO off. */
static void update_rx_status(EmuPl011 *u)
{
    static const unsigned level[8] = { 2, 4, 8, 12, 14, 16, 16, 16 };
    unsigned trigger = (u->s.lcr_h & 0x10) ? level[(u->s.ifls >> 3) & 7] : 1;
    if (u->s.count >= trigger)
        u->s.ris |= INT_RX;
    else
        u->s.ris &= ~INT_RX;
}

size_t emu_pl011_receive(EmuPl011 *u, const uint8_t *buf, size_t len)
{
    size_t n = 0;
    while (n < len && u->s.count < fifo_capacity(u)) {
        u->s.fifo[(u->s.head + u->s.count) % FIFO_DEPTH] = buf[n++];
        u->s.count++;
    }
    if (n) {
        u->s.ris |= INT_RT;
        update_rx_status(u);
        update_irq(u);
    }
    return n;
}

static bool pl011_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    EmuPl011 *u = opaque;
    uint32_t v = 0;
    switch (off) {
    case 0x000:
        if (u->s.count) {
            v = u->s.fifo[u->s.head];
            u->s.head = (u->s.head + 1) % FIFO_DEPTH;
            u->s.count--;
        }
        if (!u->s.count)
            u->s.ris &= ~INT_RT;
        update_rx_status(u);
        update_irq(u);
        break;
    case 0x004: v = 0; break;
    case 0x018:
        v = 0x80;                                   /* TXFE */
        if (!u->s.count)
            v |= 0x10;                              /* RXFE */
        if (u->s.count == fifo_capacity(u))
            v |= 0x40;                              /* RXFF */
        break;
    case 0x020: v = u->s.ilpr; break;
    case 0x024: v = u->s.ibrd; break;
    case 0x028: v = u->s.fbrd; break;
    case 0x02c: v = u->s.lcr_h; break;
    case 0x030: v = u->s.cr; break;
    case 0x034: v = u->s.ifls; break;
    case 0x038: v = u->s.imsc; break;
    case 0x03c: v = u->s.ris; break;
    case 0x040: v = u->s.ris & u->s.imsc; break;
    case 0x048: v = u->s.dmacr; break;
    default:
        if (off >= 0xfe0 && off < 0x1000 && (off & 3) == 0)
            v = ids[(off - 0xfe0) >> 2];
        else
            v = 0;                                  /* reserved: RAZ, as QEMU */
        break;
    }
    *val = v;
    return true;
}

static bool pl011_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    EmuPl011 *u = opaque;
    uint32_t v = (uint32_t)val;
    switch (off) {
    case 0x000:
        u->hooks.output(u->hooks.opaque, (uint8_t)v);
        u->s.ris |= INT_TX;
        break;
    case 0x004: break;
    case 0x020: u->s.ilpr = v; break;
    case 0x024: u->s.ibrd = v; break;
    case 0x028: u->s.fbrd = v; break;
    case 0x02c:
        /* Turning the FIFO off keeps what fits in one byte. */
        if ((u->s.lcr_h & 0x10) && !(v & 0x10) && u->s.count > 1)
            u->s.count = 1;
        u->s.lcr_h = v;
        update_rx_status(u);
        break;
    case 0x030: u->s.cr = v; break;
    case 0x034: u->s.ifls = v; update_rx_status(u); break;
    case 0x038: u->s.imsc = v; break;
    case 0x044: u->s.ris &= ~v; update_rx_status(u); break;
    case 0x048: u->s.dmacr = v; break;
    default: break;                                 /* WI, as QEMU */
    }
    update_irq(u);
    return true;
}

const EmuMmioOps emu_pl011_ops = { pl011_read, pl011_write };
