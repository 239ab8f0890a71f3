/* emu/gic.c — GICv2, per the Arm Generic Interrupt Controller Architecture
 * Specification v2.0 (IHI 0048B), for one CPU and no Security Extensions.
 *
 * Distributor (offsets):              CPU interface (offsets):
 *   0x000 CTLR   0x004 TYPER            0x00 CTLR  0x04 PMR   0x08 BPR
 *   0x008 IIDR   0x080 IGROUPRn         0x0c IAR   0x10 EOIR  0x14 RPR
 *   0x100 ISENABLERn 0x180 ICENABLERn   0x18 HPPIR 0x1c ABPR  0x20 AIAR
 *   0x200 ISPENDRn   0x280 ICPENDRn     0x24 AEOIR 0x28 AHPPIR
 *   0x300 ISACTIVERn 0x380 ICACTIVERn   0xd0 APR0  0xfc IIDR
 *   0x400 IPRIORITYRn (bytes)           0x1000 DIR
 *   0x800 ITARGETSRn (bytes)  0xc00 ICFGRn  0xf00 SGIR
 *   0xf10 CPENDSGIRn  0xf20 SPENDSGIRn  0xfd0..0xffc IDs
 *
 * State per interrupt: enabled, pending (a latch for edge-triggered and
 * software-set pending; the input level for level-sensitive), active,
 * priority (8 bits, of which the top 5 are implemented, as QEMU), group,
 * edge/level config.
 */
#include "emu/gic.h"

#include <glib.h>
#include <string.h>

#define NIRQ EMU_GIC_NUM_IRQ
#define SPURIOUS 1023
#define PRIO_MASK 0xf8u          /* 5 priority bits */
#define IDLE_PRIORITY 0x100u     /* running priority with nothing active */

struct EmuGic {
    EmuGicState s;                /* saved in snapshots */
    EmuGicHooks hooks;            /* never saved */
};

EmuGic *emu_gic_new(const EmuGicHooks *hooks)
{
    EmuGic *g = g_new0(EmuGic, 1);
    g->hooks = *hooks;
    emu_gic_reset(g);
    return g;
}

void emu_gic_free(EmuGic *gic)
{
    g_free(gic);
}

static bool pending(const EmuGic *g, unsigned id)
{
    return g->s.latched[id] || (!g->s.edge[id] && g->s.level[id]);
}

static unsigned running_priority(const EmuGic *g)
{
    return g->s.nactive ? g->s.priority[g->s.active_id[g->s.nactive - 1]] & PRIO_MASK : IDLE_PRIORITY;
}

/* The highest-priority pending, enabled, inactive interrupt (lowest ID on
 * ties), or SPURIOUS. */
static unsigned highest_pending(const EmuGic *g)
{
    unsigned best = SPURIOUS, best_prio = 0x100;
    if (!(g->s.dist_ctlr & 3))
        return SPURIOUS;
    for (unsigned id = 0; id < NIRQ; id++) {
        if (!g->s.enabled[id] || g->s.active[id] || !pending(g, id))
            continue;
        if (!(g->s.dist_ctlr & (1u << (g->s.group[id] & 1))))
            continue;
        unsigned p = g->s.priority[id] & PRIO_MASK;
        if (p < best_prio) {
            best_prio = p;
            best = id;
        }
    }
    return best;
}

/* Group priority under the binary point: preemption compares only the
 * bits above BPR. */
static unsigned group_priority(const EmuGic *g, unsigned prio)
{
    unsigned bpr = g->s.bpr < 2 ? 2 : g->s.bpr;     /* minimum BPR with 5 priority bits */
    return prio & (0xffu << (bpr + 1)) & 0xff;
}

static void update(EmuGic *g)
{
    bool out = false;
    unsigned id = highest_pending(g);
    if (id != SPURIOUS && (g->s.cpu_ctlr & 3)) {
        unsigned p = g->s.priority[id] & PRIO_MASK;
        unsigned run = running_priority(g);
        out = p < (g->s.pmr & PRIO_MASK) &&
              (run == IDLE_PRIORITY || group_priority(g, p) < group_priority(g, run));
    }
    if (out != g->s.irq_out) {
        g->s.irq_out = out;
        g->hooks.irq(g->hooks.opaque, out);
    }
}

void emu_gic_reset(EmuGic *g)
{
    EmuGicHooks h = g->hooks;
    bool was = g->s.irq_out;
    memset(g, 0, sizeof *g);
    g->hooks = h;
    for (unsigned id = 0; id < 16; id++) {
        g->s.enabled[id] = 1;                /* SGIs are always enabled */
        g->s.edge[id] = 1;
    }
    for (unsigned id = 0; id < 32; id++)
        g->s.targets[id] = 1;
    g->s.irq_out = was;
    update(g);
}

const EmuGicState *emu_gic_state(const EmuGic *g) { return &g->s; }

bool emu_gic_set_state(EmuGic *g, const EmuGicState *st)
{
    if (st->nactive > NIRQ)
        return false;
    for (unsigned i = 0; i < st->nactive; i++)
        if (st->active_id[i] >= NIRQ)
            return false;
    g->s = *st;
    g->hooks.irq(g->hooks.opaque, g->s.irq_out);
    return true;
}

void emu_gic_set_line(EmuGic *g, unsigned id, bool level)
{
    if (id < 16 || id >= NIRQ)
        return;
    if (g->s.edge[id] && level && !g->s.level[id])
        g->s.latched[id] = 1;                /* rising edge */
    g->s.level[id] = level;
    update(g);
}

/* ---- Distributor ---------------------------------------------------------- */

/* Bit-per-interrupt registers: returns 32 bits for interrupts base..+31. */
static uint32_t get_bits(const uint8_t *a, unsigned base)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 32 && base + i < NIRQ; i++)
        v |= (uint32_t)(a[base + i] & 1) << i;
    return v;
}

static void set_bits(uint8_t *a, unsigned base, uint32_t v, uint8_t to)
{
    for (unsigned i = 0; i < 32 && base + i < NIRQ; i++)
        if (v & (1u << i))
            a[base + i] = to;
}

static uint32_t pending_bits(const EmuGic *g, unsigned base)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 32 && base + i < NIRQ; i++)
        v |= (uint32_t)pending(g, base + i) << i;
    return v;
}

static bool dist_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    EmuGic *g = opaque;
    uint32_t v = 0;
    if (off >= 0x400 && off < 0x400 + NIRQ) {              /* IPRIORITYR, any width */
        for (unsigned i = 0; i < size && off + i < 0x400 + NIRQ; i++)
            v |= (uint32_t)(g->s.priority[off - 0x400 + i] & PRIO_MASK) << (8 * i);
        *val = v;
        return true;
    }
    if (off >= 0x800 && off < 0x800 + NIRQ) {              /* ITARGETSR */
        for (unsigned i = 0; i < size && off + i < 0x800 + NIRQ; i++)
            v |= (uint32_t)g->s.targets[off - 0x800 + i] << (8 * i);
        *val = v;
        return true;
    }
    if (size != 4)
        return false;
    unsigned base = (unsigned)(off & 0x7f) * 8;
    switch (off & ~0x7full) {
    case 0x080: v = get_bits(g->s.group, base); break;
    case 0x100: case 0x180: v = get_bits(g->s.enabled, base); break;
    case 0x200: case 0x280: v = pending_bits(g, base); break;
    case 0x300: case 0x380: v = get_bits(g->s.active, base); break;
    case 0xc00: case 0xc80: {
        unsigned first = (unsigned)(off - 0xc00) * 4;
        for (unsigned i = 0; i < 16 && first + i < NIRQ; i++)
            v |= (uint32_t)(g->s.edge[first + i] ? 2 : 0) << (2 * i);
        break;
    }
    default:
        switch (off) {
        case 0x000: v = g->s.dist_ctlr; break;
        case 0x004: v = (NIRQ / 32 - 1); break;            /* ITLinesNumber, 1 CPU */
        case 0x008: v = 0x0100143b; break;                  /* Arm, GICv2 */
        case 0xfe8: v = 0x2b; break;                        /* PIDR2: ArchRev 2 */
        case 0xfd0: v = 0x04; break;
        case 0xfe0: v = 0x90; break;
        case 0xfe4: v = 0xb4; break;
        case 0xfec: v = 0x00; break;
        case 0xff0: v = 0x0d; break;
        case 0xff4: v = 0xf0; break;
        case 0xff8: v = 0x05; break;
        case 0xffc: v = 0xb1; break;
        default: v = 0; break;                              /* reserved: RAZ */
        }
    }
    *val = v;
    return true;
}

static bool dist_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    EmuGic *g = opaque;
    uint32_t v = (uint32_t)val;
    if (off >= 0x400 && off < 0x400 + NIRQ) {
        for (unsigned i = 0; i < size && off + i < 0x400 + NIRQ; i++)
            g->s.priority[off - 0x400 + i] = (uint8_t)(v >> (8 * i)) & PRIO_MASK;
        update(g);
        return true;
    }
    if (off >= 0x800 && off < 0x800 + NIRQ) {
        for (unsigned i = 0; i < size && off + i < 0x800 + NIRQ; i++)
            if (off - 0x800 + i >= 32)                      /* SGI/PPI targets are RO */
                g->s.targets[off - 0x800 + i] = (uint8_t)(v >> (8 * i)) & 1;
        return true;
    }
    if (size != 4)
        return false;
    unsigned base = (unsigned)(off & 0x7f) * 8;
    switch (off & ~0x7full) {
    case 0x080: for (unsigned i = 0; i < 32 && base + i < NIRQ; i++) g->s.group[base + i] = (v >> i) & 1; break;
    case 0x100: set_bits(g->s.enabled, base, v, 1); break;
    case 0x180: set_bits(g->s.enabled, base < 16 ? 16 : base, base < 16 ? v >> 16 << 16 : v, 0); break;
    case 0x200: set_bits(g->s.latched, base, base < 16 ? v & 0xffff0000u : v, 1); break;
    case 0x280: set_bits(g->s.latched, base, base < 16 ? v & 0xffff0000u : v, 0); break;
    case 0x300: set_bits(g->s.active, base, v, 1); break;
    case 0x380: set_bits(g->s.active, base, v, 0); break;
    case 0xc00: case 0xc80: {
        unsigned first = (unsigned)(off - 0xc00) * 4;
        for (unsigned i = 0; i < 16 && first + i < NIRQ; i++)
            if (first + i >= 32)                            /* SGI/PPI config is RO */
                g->s.edge[first + i] = (v >> (2 * i + 1)) & 1;
        break;
    }
    default:
        switch (off) {
        case 0x000: g->s.dist_ctlr = v & 3; break;
        case 0xf00: {                                       /* SGIR */
            unsigned filter = (v >> 24) & 3, id = v & 15;
            if (filter == 0 ? (v >> 16) & 1 : filter == 2)  /* to this CPU */
                g->s.latched[id] = 1;
            break;
        }
        case 0xf10: case 0xf14: case 0xf18: case 0xf1c:     /* CPENDSGIR */
        case 0xf20: case 0xf24: case 0xf28: case 0xf2c:     /* SPENDSGIR */
            for (unsigned i = 0; i < 4; i++)
                if (v & (1u << (8 * i)))
                    g->s.latched[(off & 0xc) + i] = off >= 0xf20;
            break;
        default: break;                                     /* RO or reserved: WI */
        }
    }
    update(g);
    return true;
}

/* ---- CPU interface --------------------------------------------------------- */

static unsigned acknowledge(EmuGic *g)
{
    unsigned id = highest_pending(g);
    if (id == SPURIOUS || (g->s.priority[id] & PRIO_MASK) >= (g->s.pmr & PRIO_MASK))
        return SPURIOUS;
    g->s.latched[id] = 0;
    g->s.active[id] = 1;
    g->s.active_id[g->s.nactive++] = id;
    update(g);
    return id;                                   /* CPUID field 0 for SGIs from CPU 0 */
}

static void end_of_interrupt(EmuGic *g, unsigned id)
{
    if (id >= NIRQ)
        return;
    /* Drop the priority of `id` wherever it is on the stack, deactivate. */
    for (unsigned i = g->s.nactive; i-- > 0;) {
        if (g->s.active_id[i] == id) {
            memmove(&g->s.active_id[i], &g->s.active_id[i + 1],
                    (g->s.nactive - i - 1) * sizeof g->s.active_id[0]);
            g->s.nactive--;
            break;
        }
    }
    g->s.active[id] = 0;
    update(g);
}

static bool cpu_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    EmuGic *g = opaque;
    if (size != 4)
        return false;
    uint32_t v = 0;
    switch (off) {
    case 0x00: v = g->s.cpu_ctlr; break;
    case 0x04: v = g->s.pmr; break;
    case 0x08: v = g->s.bpr; break;
    case 0x0c: case 0x20: v = acknowledge(g); break;
    case 0x14: v = g->s.nactive ? running_priority(g) : 0xff; break;   /* idle reads 0xff */
    case 0x18: case 0x28: v = highest_pending(g); break;
    case 0x1c: v = g->s.abpr; break;
    case 0xfc: v = 0x0202143b; break;            /* GICv2, Arm */
    default: v = 0; break;
    }
    *val = v;
    return true;
}

static bool cpu_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    EmuGic *g = opaque;
    if (size != 4)
        return false;
    uint32_t v = (uint32_t)val;
    switch (off) {
    case 0x00: g->s.cpu_ctlr = v & 3; break;
    case 0x04: g->s.pmr = v & PRIO_MASK; break;
    case 0x08: g->s.bpr = v & 7; break;
    case 0x10: case 0x24: end_of_interrupt(g, v & 0x3ff); return true;
    case 0x1c: g->s.abpr = v & 7; break;
    case 0x1000: break;                          /* DIR: EOImode 0, nothing to do */
    default: break;
    }
    update(g);
    return true;
}

const EmuMmioOps emu_gic_dist_ops = { dist_read, dist_write };
const EmuMmioOps emu_gic_cpu_ops = { cpu_read, cpu_write };
