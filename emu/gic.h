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

typedef struct EmuGicHooks {
    void (*irq)(void *opaque, bool level);
    void *opaque;
} EmuGicHooks;

EmuGic *emu_gic_new(const EmuGicHooks *hooks);
void emu_gic_free(EmuGic *gic);
void emu_gic_reset(EmuGic *gic);

/* Drive a PPI or SPI input line (id 16..EMU_GIC_NUM_IRQ-1). */
void emu_gic_set_line(EmuGic *gic, unsigned id, bool level);

/* MMIO callbacks; opaque is the EmuGic. */
extern const EmuMmioOps emu_gic_dist_ops;
extern const EmuMmioOps emu_gic_cpu_ops;

#endif
