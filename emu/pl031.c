/* emu/pl031.c — PL031 RTC. Register map (offsets, 32-bit):
 *
 *   0x000 DR    current time in seconds (read only)
 *   0x004 MR    match: raises the interrupt when DR reaches it
 *   0x008 LR    load: sets DR
 *   0x00c CR    start (bit 0; reads 1: the counter always runs, as QEMU)
 *   0x010 IMSC  0x014 RIS  0x018 MIS  0x01c ICR
 *   0xfe0..0xffc peripheral and PrimeCell IDs
 *
 * DR = offset + virtual seconds, where offset is set from the host clock
 * on first access and by writes to LR.
 */
#include "emu/pl031.h"

#include <glib.h>

#define NS_PER_S 1000000000ull

struct EmuPl031 {
    EmuPl031State s;             /* saved in snapshots */
    EmuPl031Hooks hooks;         /* never saved */
};

static const uint8_t ids[8] = { 0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

EmuPl031 *emu_pl031_new(const EmuPl031Hooks *hooks)
{
    EmuPl031 *r = g_new0(EmuPl031, 1);
    r->hooks = *hooks;
    return r;
}

void emu_pl031_free(EmuPl031 *rtc)
{
    g_free(rtc);
}

const EmuPl031State *emu_pl031_state(const EmuPl031 *r) { return &r->s; }

void emu_pl031_set_state(EmuPl031 *r, const EmuPl031State *st)
{
    r->s = *st;
    if (r->hooks.irq)
        r->hooks.irq(r->hooks.opaque, r->s.irq_level);
}

void emu_pl031_reset(EmuPl031 *r)
{
    r->s.have_base = false;
    r->s.offset = 0;
    r->s.mr = r->s.imsc = r->s.ris = 0;
    if (r->s.irq_level && r->hooks.irq)
        r->hooks.irq(r->hooks.opaque, false);
    r->s.irq_level = false;
}

static uint64_t seconds(const EmuPl031 *r)
{
    return r->hooks.now_ns(r->hooks.opaque) / NS_PER_S;
}

static uint32_t dr(EmuPl031 *r)
{
    if (!r->s.have_base) {
        r->s.have_base = true;
        r->s.offset = (int64_t)r->hooks.host_seconds(r->hooks.opaque) - (int64_t)seconds(r);
    }
    return (uint32_t)(r->s.offset + (int64_t)seconds(r));
}

static void update_irq(EmuPl031 *r)
{
    bool level = (r->s.ris & r->s.imsc & 1) != 0;
    if (level != r->s.irq_level) {
        r->s.irq_level = level;
        if (r->hooks.irq)
            r->hooks.irq(r->hooks.opaque, level);
    }
}

void emu_pl031_update(EmuPl031 *r)
{
    if (r->s.have_base && dr(r) == r->s.mr)
        r->s.ris |= 1;
    update_irq(r);
}

uint64_t emu_pl031_next_event_ns(const EmuPl031 *r)
{
    if (!r->s.have_base || !(r->s.imsc & 1))
        return UINT64_MAX;
    uint64_t now_s = seconds(r);
    uint32_t now_dr = (uint32_t)(r->s.offset + (int64_t)now_s);
    uint32_t ahead = r->s.mr - now_dr;             /* wraps like the 32-bit counter */
    if (ahead == 0)
        return UINT64_MAX;                       /* already matched this second */
    return (now_s + ahead) * NS_PER_S;
}

static bool rtc_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    EmuPl031 *r = opaque;
    uint32_t v;
    switch (off) {
    case 0x000: v = dr(r); break;
    case 0x004: v = r->s.mr; break;
    case 0x008: v = dr(r); break;
    case 0x00c: v = 1; break;
    case 0x010: v = r->s.imsc; break;
    case 0x014: v = r->s.ris; break;
    case 0x018: v = r->s.ris & r->s.imsc; break;
    default:
        v = off >= 0xfe0 && off < 0x1000 && !(off & 3) ? ids[(off - 0xfe0) >> 2] : 0;
        break;
    }
    *val = v;
    return true;
}

static bool rtc_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    EmuPl031 *r = opaque;
    uint32_t v = (uint32_t)val;
    switch (off) {
    case 0x004: r->s.mr = v; dr(r); emu_pl031_update(r); break;
    case 0x008:
        r->s.have_base = true;
        r->s.offset = (int64_t)v - (int64_t)seconds(r);
        emu_pl031_update(r);
        break;
    case 0x010: r->s.imsc = v & 1; dr(r); update_irq(r); break;
    case 0x01c: r->s.ris &= ~v; update_irq(r); break;
    default: break;
    }
    return true;
}

const EmuMmioOps emu_pl031_ops = { rtc_read, rtc_write };
