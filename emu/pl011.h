/* emu/pl011.h — the Arm PrimeCell UART (PL011) as QEMU's virt board has it
 * at 0x09000000: a 16-byte receive FIFO (1 byte with LCR_H.FEN clear),
 * transmit that completes at once, and the interrupt status registers.
 *
 * Transmitted bytes go to the `output` callback. Received bytes arrive
 * through emu_pl011_receive(), called by the board between instruction
 * slices (never from inside a device access), so what the guest sees
 * depends only on the icount at which the board delivers them.
 */
#ifndef EMU_PL011_H
#define EMU_PL011_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/mem.h"

#define EMU_PL011_SIZE 0x1000

typedef struct EmuPl011 EmuPl011;

/* Everything a snapshot saves (snapshots/FORMAT.md, section "pl011"); a
 * new field there is a new section version. */
#define EMU_PL011_FIFO_DEPTH 16
typedef struct EmuPl011State {
    uint8_t fifo[EMU_PL011_FIFO_DEPTH];   /* receive FIFO, a ring */
    uint32_t head, count;
    uint32_t lcr_h, cr, ifls, imsc, ris, ilpr, ibrd, fbrd, dmacr;
    bool irq_level;                       /* the interrupt output */
} EmuPl011State;

typedef struct EmuPl011Hooks {
    void (*output)(void *opaque, uint8_t byte);
    void (*irq)(void *opaque, bool level);   /* may be NULL */
    void *opaque;
} EmuPl011Hooks;

EmuPl011 *emu_pl011_new(const EmuPl011Hooks *hooks);
void emu_pl011_free(EmuPl011 *uart);
void emu_pl011_reset(EmuPl011 *uart);

/* The saved state; and set it (the interrupt output follows). A state
 * that no register write could have produced (head or count past the
 * FIFO) is refused: returns false, changing nothing. */
const EmuPl011State *emu_pl011_state(const EmuPl011 *uart);
bool emu_pl011_set_state(EmuPl011 *uart, const EmuPl011State *st)
    __attribute__((warn_unused_result));

/* The MMIO callbacks; opaque is the EmuPl011. */
extern const EmuMmioOps emu_pl011_ops;

/* How many more bytes the receive FIFO accepts now. */
size_t emu_pl011_rx_space(const EmuPl011 *uart);
/* Queue up to `len` received bytes; returns how many were accepted. */
size_t emu_pl011_receive(EmuPl011 *uart, const uint8_t *buf, size_t len);

#endif
