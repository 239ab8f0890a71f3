/* emu/pl031.h — the Arm PrimeCell RTC (PL031) at 0x09010000 on QEMU's
 * virt board: a seconds counter, a match register and one interrupt.
 *
 * The counter is a base read once from the host clock (the only
 * non-deterministic input: it goes through the `host_seconds` hook, which
 * the board routes through record/replay) plus the virtual time elapsed
 * since, from the `now_ns` hook. The base is read on the guest's first
 * access, so a guest that never looks at the RTC reads no host clock.
 */
#ifndef EMU_PL031_H
#define EMU_PL031_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/mem.h"

#define EMU_PL031_SIZE 0x1000

typedef struct EmuPl031 EmuPl031;

/* Everything a snapshot saves (snapshots/FORMAT.md, section "pl031"). */
typedef struct EmuPl031State {
    bool have_base;              /* the host clock was read (once) */
    int64_t offset;              /* DR = offset + now_ns / 1e9 */
    uint32_t mr, imsc, ris;
    bool irq_level;
} EmuPl031State;

typedef struct EmuPl031Hooks {
    uint64_t (*host_seconds)(void *opaque);   /* seconds since the epoch */
    uint64_t (*now_ns)(void *opaque);         /* virtual time */
    void (*irq)(void *opaque, bool level);    /* may be NULL */
    void *opaque;
} EmuPl031Hooks;

EmuPl031 *emu_pl031_new(const EmuPl031Hooks *hooks);
void emu_pl031_free(EmuPl031 *rtc);
void emu_pl031_reset(EmuPl031 *rtc);

/* Virtual time (ns) at which the match interrupt will fire, or UINT64_MAX.
 * The board calls emu_pl031_update() at that time. */
uint64_t emu_pl031_next_event_ns(const EmuPl031 *rtc);
void emu_pl031_update(EmuPl031 *rtc);

/* The saved state; and set it (the interrupt output follows). */
const EmuPl031State *emu_pl031_state(const EmuPl031 *rtc);
void emu_pl031_set_state(EmuPl031 *rtc, const EmuPl031State *st);

extern const EmuMmioOps emu_pl031_ops;

#endif
