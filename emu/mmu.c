/* emu/mmu.c — stage 1 address translation for EL1&0 (VMSAv8-64), as an
 * ARMv8.0 Cortex-A57 does it: 4 KiB and 64 KiB granules, TTBR0/TTBR1 by
 * VA[55], TCR_EL1.TxSZ/EPDx/TGx/TBIx, 48-bit output addresses, block and
 * page descriptors, hierarchical APTable/UXNTable/PXNTable, AP[2:1],
 * UXN/PXN, SCTLR_EL1.WXN, the access flag (no hardware update in v8.0).
 * Memory attributes (MAIR) and shareability do not change what an
 * interpreter without caches computes, so they are not looked at.
 *
 * Descriptor (levels 0-3, 4 KiB granule):
 *
 *   63 62:61  60  59  58:55 54  53  52  51:48 47:12  11  10  9:8 7:6  5  4:2 1 0
 *   NST APTbl UXT PXT  sw  UXN PXN Cont  res0  OA   nG  AF  SH  AP  NS Attr T V
 *   (table descriptors carry NSTable..PXNTable; block/page ones UXN..AttrIndx)
 *
 * Faults are reported with the fault status codes of the Arm ARM:
 * address size 0b0000LL, translation 0b0001LL, access flag 0b0010LL,
 * permission 0b0011LL, synchronous external abort on a walk 0b0101LL,
 * where LL is the level.
 */
#include "emu/internal.h"

#define PA_BITS 48
#define PA_MASK ((1ull << PA_BITS) - 1)

enum { FSC_ADDR_SIZE = 0x00, FSC_TRANSLATION = 0x04, FSC_ACCESS_FLAG = 0x08,
       FSC_PERMISSION = 0x0c, FSC_WALK_EXTERNAL = 0x14 };

/* What a walk found: the output address and attributes, or a fault. */
typedef struct Walk {
    uint64_t pa;
    unsigned attr_index, sh;        /* AttrIndx and SH of the final descriptor */
    bool device_flat;               /* MMU off: data is Device-nGnRnE */
    unsigned fsc, level;            /* fsc != 0xff: the fault */
} Walk;

#define NO_FAULT 0xffu

static bool fault(EmuCpu *cpu, uint64_t va, EmuAccess acc, unsigned fsc, unsigned level)
{
    bool fetch = acc == EMU_ACC_FETCH, lower = cpu_el(cpu) == 0;
    unsigned ec = fetch ? (lower ? EC_IABT_LOWER : EC_IABT_CUR)
                        : (lower ? EC_DABT_LOWER : EC_DABT_CUR);
    uint32_t iss = (fsc | (level & 3)) | (acc == EMU_ACC_WRITE ? 1u << 6 : 0);
    emu_raise_abort(cpu, ec, iss, va);
    return false;
}

static bool walk_fail(Walk *w, unsigned fsc, unsigned level)
{
    w->fsc = fsc;
    w->level = level;
    return false;
}

/* Translate `va` for access `acc` at exception level `el`. Returns false
 * with w->fsc/level set on a fault. */
static bool walk(EmuCpu *cpu, uint64_t va, EmuAccess acc, unsigned el, Walk *w)
{
    const EmuSysregs *s = &cpu->sys;
    *w = (Walk){ .fsc = NO_FAULT };
    if (!(s->sctlr_el1 & 1)) {
        /* MMU off: flat, for the 48-bit physical address range. */
        if (va >> PA_BITS)
            return walk_fail(w, FSC_ADDR_SIZE, 0);
        w->pa = va;
        w->device_flat = true;
        return true;
    }
    uint64_t tcr = s->tcr_el1;
    bool upper = (va >> 55) & 1;
    unsigned tsz = upper ? (tcr >> 16) & 63 : tcr & 63;
    bool epd = upper ? (tcr >> 23) & 1 : (tcr >> 7) & 1;
    bool tbi = acc != EMU_ACC_FETCH && (upper ? (tcr >> 38) & 1 : (tcr >> 37) & 1);
    unsigned tg = upper ? (tcr >> 30) & 3 : (tcr >> 14) & 3;
    /* Granule: 4 KiB or 64 KiB (16 KiB is not implemented by the A57). */
    unsigned gbits = upper ? (tg == 3 ? 16 : 12) : (tg == 1 ? 16 : 12);
    if (tsz < 16)
        tsz = 16;                       /* 48-bit VA at most */
    if (tsz > 39)
        tsz = 39;
    unsigned in_bits = 64 - tsz;
    /* The bits above the input range must all equal VA[55] (ignoring the
     * top byte when TBI applies). */
    uint64_t top = tbi ? (va << 8) >> 8 | (upper ? 0xff00000000000000ull : 0) : va;
    uint64_t hi = top >> in_bits;
    uint64_t want = upper ? (~0ull >> in_bits) : 0;
    if (hi != want || epd)
        return walk_fail(w, FSC_TRANSLATION, 0);

    unsigned stride = gbits - 3;
    unsigned levels = (in_bits - gbits + stride - 1) / stride;
    unsigned level = 4 - levels;
    uint64_t table = (upper ? s->ttbr1_el1 : s->ttbr0_el1) & PA_MASK & ~((1ull << gbits) - 1);
    if (gbits == 12)
        table &= ~0xfffull;
    bool ap_el0_denied = false, ap_ro = false, uxn = false, pxn = false;
    for (;; level++) {
        unsigned shift = gbits + stride * (3 - level);
        unsigned idx_bits = level == 4 - levels ? in_bits - shift : stride;
        uint64_t idx = (va >> shift) & ((1ull << idx_bits) - 1);
        uint64_t desc;
        if (!emu_mem_read_phys(cpu->mem, table + idx * 8, &desc, 8))
            return walk_fail(w, FSC_WALK_EXTERNAL, level);
        bool valid = desc & 1, is_table = (desc >> 1) & 1;
        if (!valid || (level == 3 && !is_table) ||
            (!is_table && (level == 0 || (gbits == 16 && level == 1))))
            return walk_fail(w, FSC_TRANSLATION, level);
        if (is_table && level < 3) {
            uint64_t next = desc & PA_MASK & ~((1ull << gbits) - 1);
            if (desc & ~PA_MASK & 0x000f000000000000ull)
                return walk_fail(w, FSC_ADDR_SIZE, level);
            /* Hierarchical permissions. */
            unsigned aptable = (desc >> 61) & 3;
            ap_el0_denied |= aptable & 1;
            ap_ro |= aptable >> 1;
            uxn |= (desc >> 60) & 1;
            pxn |= (desc >> 59) & 1;
            table = next;
            continue;
        }
        /* Block or page. */
        uint64_t oa = desc & PA_MASK & ~((1ull << shift) - 1);
        if (desc & 0x000f000000000000ull)
            return walk_fail(w, FSC_ADDR_SIZE, level);
        if (!((desc >> 10) & 1))
            return walk_fail(w, FSC_ACCESS_FLAG, level);
        unsigned ap = (desc >> 6) & 3;    /* AP[2:1] */
        bool el0_ok = (ap & 1) && !ap_el0_denied;
        bool ro = (ap & 2) || ap_ro;
        bool el0 = el == 0;
        bool readable = el0 ? el0_ok : true;
        bool writable = readable && !ro;
        bool el0_writable = el0_ok && !ro;
        bool xn = el0 ? (uxn || ((desc >> 54) & 1))
                      : (pxn || ((desc >> 53) & 1) || el0_writable);
        if ((s->sctlr_el1 & (1u << 19)) && writable)     /* WXN */
            xn = true;
        bool ok = acc == EMU_ACC_READ ? readable : acc == EMU_ACC_WRITE ? writable : !xn;
        if (!ok)
            return walk_fail(w, FSC_PERMISSION, level);
        w->pa = oa | (va & ((1ull << shift) - 1));
        w->attr_index = (desc >> 2) & 7;
        w->sh = (desc >> 8) & 3;
        return true;
    }
}

bool emu_mmu_translate(EmuCpu *cpu, uint64_t va, EmuAccess acc, uint64_t *pa)
{
    Walk w;
    if (!walk(cpu, va, acc, cpu_el(cpu), &w))
        return fault(cpu, va, acc, w.fsc, w.level);
    *pa = w.pa;
    return true;
}

/* PAR_EL1 after AT, in the 64-bit format:
 *   success: ATTR[63:56] PA[47:12] RES1[11] NS[9] SH[8:7] F[0]=0
 *   fault:   RES1[11] S[9] PTW[8] FST[6:1] F[0]=1 */
uint64_t emu_mmu_at(EmuCpu *cpu, uint64_t va, bool write, unsigned el)
{
    Walk w;
    if (!walk(cpu, va, write ? EMU_ACC_WRITE : EMU_ACC_READ, el, &w))
        return (1u << 11) | ((uint64_t)(w.fsc | w.level) << 1) | 1;
    uint64_t attr = w.device_flat ? 0x00 : (cpu->sys.mair_el1 >> (8 * w.attr_index)) & 0xff;
    unsigned sh = w.device_flat ? 2 : w.sh;
    return (attr << 56) | (w.pa & 0x0000fffffffff000ull) | (1u << 11) | (1u << 9) | (sh << 7);
}
