/* emu/gic.h — a GICv2 (distributor + CPU interface) for one CPU, at QEMU
 * virt's addresses: distributor 0x08000000, CPU interface 0x08010000.
 *
 * Interrupt IDs: 0-15 SGIs, 16-31 PPIs (the generic timer: 27 virtual,
 * 30 non-secure physical), 32+ SPIs (the UART is SPI 1 = ID 33). Without
 * the Security Extensions, as QEMU's virt board has it with secure=off.
 * Device lines are level-sensitive inputs set through emu_gic_set_line();
 * the GIC drives the CPU's IRQ (group 0 and 1 alike: FIQ bypass is not
 * modelled) through the `irq` callback.
 */
#ifndef EMU_GIC_H
#define EMU_GIC_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/mem.h"

#define EMU_GIC_DIST_BASE 0x08000000ull
#define EMU_GIC_CPU_BASE  0x08010000ull
#define EMU_GIC_REGION    0x10000ull
#define EMU_GIC_NUM_IRQ   288          /* as QEMU's virt: 256 SPIs */
#define EMU_GIC_PPI(n)    (16 + (n))
#define EMU_GIC_SPI(n)    (32 + (n))

typedef struct EmuGic EmuGic;

/* Everything a snapshot saves (snapshots/FORMAT.md, section "gic"). */
typedef struct EmuGicState {
    uint32_t dist_ctlr, cpu_ctlr, pmr, bpr, abpr;
    uint8_t enabled[EMU_GIC_NUM_IRQ], latched[EMU_GIC_NUM_IRQ];
    uint8_t level[EMU_GIC_NUM_IRQ], active[EMU_GIC_NUM_IRQ];
    uint8_t priority[EMU_GIC_NUM_IRQ], group[EMU_GIC_NUM_IRQ];
    uint8_t edge[EMU_GIC_NUM_IRQ], targets[EMU_GIC_NUM_IRQ];
    /* Active interrupts, a stack of ids in acknowledge order. */
    uint32_t active_id[EMU_GIC_NUM_IRQ], nactive;
    bool irq_out;                 /* the CPU's IRQ line */
} EmuGicState;

typedef struct EmuGicHooks {
    void (*irq)(void *opaque, bool level);
    void *opaque;
} EmuGicHooks;

EmuGic *emu_gic_new(const EmuGicHooks *hooks);
void emu_gic_free(EmuGic *gic);
void emu_gic_reset(EmuGic *gic);

/* Drive a PPI or SPI input line (id 16..EMU_GIC_NUM_IRQ-1). */
void emu_gic_set_line(EmuGic *gic, unsigned id, bool level);

/* The saved state; and set it (the IRQ output follows). A state no
 * register write could produce (an active stack deeper than the number of
 * interrupts or holding an id out of range) is refused: false, nothing
 * changed. */
const EmuGicState *emu_gic_state(const EmuGic *gic);
bool emu_gic_set_state(EmuGic *gic, const EmuGicState *st) __attribute__((warn_unused_result));

/* MMIO callbacks; opaque is the EmuGic. */
extern const EmuMmioOps emu_gic_dist_ops;
extern const EmuMmioOps emu_gic_cpu_ops;

#endif
