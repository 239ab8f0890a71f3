/* emu/cpu.c — CPU lifetime, the run loop, exception entry, the decoded-code
 * cache and the memory slow paths.
 *
 * Decoded code: one EmuCodePage per 4 KiB physical page that has executed,
 * 1024 slots, each decoded lazily on first execution. A store to a code
 * page resets the slots it overwrites to "decode me", so no page is ever
 * freed under the run loop. Stale execution between the store and the next
 * re-decode cannot happen: the slot is reset before the loop reaches it.
 */
#include "emu/internal.h"

#include <glib.h>
#include <inttypes.h>

#define SLOTS (EMU_PAGE_SIZE / 4)

struct EmuCodePage {
    uint64_t pa;                 /* physical page base */
    EmuInsn insn[SLOTS];
    /* Right after the slots (EMU_MARK_ENTRY): 1 where execution entered
     * since the last emu_cpu_take_execs. */
    uint8_t entry[SLOTS];
    bool touched;                /* in EmuCodeCache.touched */
    bool rewritten;              /* code written since the last take */
};
G_STATIC_ASSERT(G_STRUCT_OFFSET(EmuCodePage, entry) ==
                G_STRUCT_OFFSET(EmuCodePage, insn) + sizeof(EmuInsn) * SLOTS);

struct EmuCodeCache {
    GHashTable *by_pa;           /* page base pa -> EmuCodePage* (owned) */
    EmuCodePage *cur;            /* page the run loop is executing */
    GPtrArray *touched;          /* pages entered or rewritten since the last take */
};

static EmuStep decode_lazy(EmuCpu *cpu, const EmuInsn *in);

/* ---- Lifetime ------------------------------------------------------------ */

static void cpu_mem_tlb_flush(void *opaque) { emu_tlb_flush(opaque); }
static void code_invalidate(EmuCpu *cpu, uint64_t pa, size_t len);
static void cpu_mem_code_written(void *opaque, uint64_t pa, size_t len)
{
    code_invalidate(opaque, pa, len);
}

EmuCpu *emu_cpu_new(EmuMem *mem, const EmuCpuHooks *hooks)
{
    EmuCpu *cpu = g_new0(EmuCpu, 1);
    cpu->mem = mem;
    if (hooks)
        cpu->hooks = *hooks;
    cpu->code = g_new0(struct EmuCodeCache, 1);
    cpu->code->by_pa = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL, g_free);
    cpu->code->touched = g_ptr_array_new();
    EmuMemHooks mh = { cpu_mem_tlb_flush, cpu_mem_code_written, cpu };
    emu_mem_set_hooks(mem, &mh);
    emu_cpu_reset(cpu, 0);
    return cpu;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void emu_cpu_set_debug(EmuCpu *cpu, const EmuDebugHooks *hooks, const uint64_t *bps, size_t nbp,
                       const EmuWatch *watches, size_t nwatch)
{
    cpu->debug = hooks ? *hooks : (EmuDebugHooks){ 0 };
    /* Slots decoded at the old and the new breakpoints decode again, with
     * or without their trampoline. */
    for (size_t i = 0; i < cpu->nbp; i++)
        code_invalidate(cpu, cpu->bps[i], 4);
    for (size_t i = 0; i < nbp; i++)
        code_invalidate(cpu, bps[i], 4);
    if (cpu->trampolines)
        g_array_set_size(cpu->trampolines, 0);
    g_free(cpu->bps);
    g_free(cpu->watches);
    cpu->bps = nbp ? g_memdup2(bps, nbp * sizeof *bps) : NULL;
    cpu->nbp = nbp;
    if (nbp)
        qsort(cpu->bps, nbp, sizeof *bps, cmp_u64);
    cpu->watches = nwatch ? g_memdup2(watches, nwatch * sizeof *watches) : NULL;
    cpu->nwatch = nwatch;
    emu_tlb_flush(cpu);          /* watched pages must take the slow path */
    emu_cpu_kick(cpu);
}

/* The first breakpoint at or above `va`, or UINT64_MAX. */
static uint64_t bp_at_or_above(const EmuCpu *cpu, uint64_t va)
{
    size_t lo = 0, hi = cpu->nbp;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cpu->bps[mid] < va)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cpu->nbp ? cpu->bps[lo] : UINT64_MAX;
}

/* Whether the 4 KiB page holding `va` holds part of a watched range. */
static bool page_watched(const EmuCpu *cpu, uint64_t va)
{
    uint64_t page = va & ~EMU_PAGE_MASK;
    for (size_t i = 0; i < cpu->nwatch; i++) {
        const EmuWatch *w = &cpu->watches[i];
        if (w->va < page + EMU_PAGE_SIZE && page < w->va + w->len)
            return true;
    }
    return false;
}

static void watch_check(EmuCpu *cpu, uint64_t va, unsigned size, bool write)
{
    for (size_t i = 0; i < cpu->nwatch; i++) {
        const EmuWatch *w = &cpu->watches[i];
        if ((write ? w->write : w->read) && w->va < va + size && va < w->va + w->len) {
            if (cpu->debug.watch)
                cpu->debug.watch(cpu->debug.opaque, cpu, va, size, write);
            return;
        }
    }
}

void emu_cpu_free(EmuCpu *cpu)
{
    if (!cpu)
        return;
    EmuMemHooks none = { 0 };
    emu_mem_set_hooks(cpu->mem, &none);
    g_hash_table_destroy(cpu->code->by_pa);
    g_ptr_array_free(cpu->code->touched, true);
    g_free(cpu->code);
    g_free(cpu->error_buf);
    g_free(cpu->bps);
    g_free(cpu->watches);
    if (cpu->trampolines)
        g_array_unref(cpu->trampolines);
    g_free(cpu);
}

void emu_cpu_reset(EmuCpu *cpu, uint64_t entry)
{
    memset(cpu->x, 0, sizeof cpu->x);
    memset(cpu->v, 0, sizeof cpu->v);
    cpu->sp = 0;
    cpu->pc = entry;
    cpu->nzcv = 0;
    cpu->pstate = PSTATE_DAIF | (1u << 2) | 1u;  /* EL1h */
    cpu->fpcr = cpu->fpsr = 0;
    cpu->excl_valid = false;
    cpu->stop = EMU_STOP_NONE;
    cpu->error = NULL;
    cpu->exit_request = false;
    emu_sysregs_reset(cpu);
    emu_tlb_flush(cpu);
}

/* ---- TLBs ---------------------------------------------------------------- */

void emu_tlb_flush(EmuCpu *cpu)
{
    for (unsigned i = 0; i < EMU_TLB_SIZE; i++)
        cpu->tlb_read[i].tag = cpu->tlb_write[i].tag = EMU_TLB_INVALID;
    for (unsigned i = 0; i < EMU_CODE_TLB_SIZE; i++)
        cpu->ctlb[i].tag = EMU_TLB_INVALID;
}

/* Point the TLB entry for `va` at the host page holding it (for writes,
 * with the page's write marks). */
static void tlb_fill(EmuTlbEntry *tlb, uint64_t va, const uint8_t *page)
{
    EmuTlbEntry *e = &tlb[(va >> 12) & (EMU_TLB_SIZE - 1)];
    e->tag = va >> 12;
    e->addend = (uintptr_t)page - (va & ~EMU_PAGE_MASK);
}

static void tlb_fill_write(EmuCpu *cpu, uint64_t va, uint64_t pa, uint8_t *page)
{
    EmuTlbWriteEntry *e = &cpu->tlb_write[(va >> 12) & (EMU_TLB_SIZE - 1)];
    e->tag = va >> 12;
    e->addend = (uintptr_t)page - (va & ~EMU_PAGE_MASK);
    e->marks = emu_mem_write_marks(cpu->mem, pa);
}

static EmuStep data_abort(EmuCpu *cpu, uint64_t va, bool write, unsigned fsc)
{
    unsigned ec = cpu_el(cpu) ? EC_DABT_CUR : EC_DABT_LOWER;
    return emu_raise_abort(cpu, ec, (write ? 1u << 6 : 0) | fsc, va);
}

bool emu_check_align(EmuCpu *cpu, uint64_t va, unsigned align, bool write)
{
    if (likely((va & (align - 1)) == 0))
        return true;
    data_abort(cpu, va, write, FSC_ALIGNMENT);
    return false;
}

static bool sctlr_align_check(EmuCpu *cpu, uint64_t va, unsigned size, bool write)
{
    if (!(cpu->sys.sctlr_el1 & 2))      /* SCTLR_EL1.A */
        return true;
    return emu_check_align(cpu, va, size, write);
}

bool emu_load_slow(EmuCpu *cpu, uint64_t va, unsigned size, uint64_t *val)
{
    if (!sctlr_align_check(cpu, va, size, false))
        return false;
    if ((va & EMU_PAGE_MASK) + size > EMU_PAGE_SIZE) {
        uint64_t v = 0, b;
        for (unsigned i = 0; i < size; i++) {
            if (!emu_load8(cpu, va + i, &b))
                return false;
            v |= b << (8 * i);
        }
        *val = v;
        return true;
    }
    uint64_t pa;
    if (!emu_mmu_translate(cpu, va, EMU_ACC_READ, &pa))
        return false;
    if (unlikely(cpu->nwatch))
        watch_check(cpu, va, size, false);
    const uint8_t *page = emu_mem_page_for_read(cpu->mem, pa);
    if (page) {
        /* With SCTLR_EL1.A set every access takes this path, which checks
         * alignment: no TLB entry; nor for a watched page. */
        if (!(cpu->sys.sctlr_el1 & 2) && !(cpu->nwatch && page_watched(cpu, va)))
            tlb_fill(cpu->tlb_read, va, page);
        uint64_t v = 0;
        memcpy(&v, page + (pa & EMU_PAGE_MASK), size);
        *val = v;
        return true;
    }
    emu_cpu_kick(cpu);          /* a device may have changed an IRQ line */
    if (emu_mem_read_bus(cpu->mem, pa, size, val))
        return true;
    /* QEMU reports an external abort on a load at the access's size-aligned
     * address. */
    data_abort(cpu, va & ~(uint64_t)(size - 1), false, FSC_SYNC_EXTERNAL);
    return false;
}

bool emu_store_slow(EmuCpu *cpu, uint64_t va, unsigned size, uint64_t val)
{
    if (!sctlr_align_check(cpu, va, size, true))
        return false;
    if ((va & EMU_PAGE_MASK) + size > EMU_PAGE_SIZE) {
        if (!emu_probe_write(cpu, va, size))
            return false;
        for (unsigned i = 0; i < size; i++)
            if (!emu_store8(cpu, va + i, val >> (8 * i)))
                return false;
        return true;
    }
    uint64_t pa;
    if (!emu_mmu_translate(cpu, va, EMU_ACC_WRITE, &pa))
        return false;
    if (unlikely(cpu->nwatch))
        watch_check(cpu, va, size, true);
    uint8_t *page = emu_mem_page_for_write(cpu->mem, pa);
    if (page) {
        if (emu_mem_is_code(cpu->mem, pa)) {
            code_invalidate(cpu, pa, size);  /* no TLB entry: every store checks */
        } else if (!(cpu->sys.sctlr_el1 & 2) && !(cpu->nwatch && page_watched(cpu, va))) {
            tlb_fill_write(cpu, va, pa, page);
        }
        memcpy(page + (pa & EMU_PAGE_MASK), &val, size);
        emu_mem_mark_written(cpu->mem, pa, size);
        return true;
    }
    emu_cpu_kick(cpu);
    if (emu_mem_write_bus(cpu->mem, pa, size, val))
        return true;
    /* Stores report the exact address (loads the size-aligned one), as
     * QEMU 7.2 does. */
    data_abort(cpu, va, true, FSC_SYNC_EXTERNAL);
    return false;
}

static bool probe(EmuCpu *cpu, uint64_t va, unsigned len, EmuAccess acc)
{
    /* Every page the range touches must translate and exist. */
    uint64_t end = va + len - 1;
    for (uint64_t p = va & ~EMU_PAGE_MASK; ; p += EMU_PAGE_SIZE) {
        uint64_t a = p < va ? va : p, pa;
        if (!emu_mmu_translate(cpu, a, acc, &pa))
            return false;
        if (!emu_mem_page_for_read(cpu->mem, pa) && !emu_mem_find_mmio(cpu->mem, pa)) {
            data_abort(cpu, a, acc == EMU_ACC_WRITE, FSC_SYNC_EXTERNAL);
            return false;
        }
        if ((end & ~EMU_PAGE_MASK) == p)
            return true;
    }
}

bool emu_probe_write(EmuCpu *cpu, uint64_t va, unsigned len) { return probe(cpu, va, len, EMU_ACC_WRITE); }
bool emu_probe_read(EmuCpu *cpu, uint64_t va, unsigned len) { return probe(cpu, va, len, EMU_ACC_READ); }

/* Debugger and firmware access: RAM only (a device read could have side
 * effects), page by page, no exception taken. */
static bool virt_access(EmuCpu *cpu, uint64_t va, void *buf, size_t len, bool write)
{
    EmuExc saved = cpu->exc;
    uint8_t *p = buf;
    bool ok = true;
    while (len && ok) {
        size_t n = MIN(len, EMU_PAGE_SIZE - (va & EMU_PAGE_MASK));
        uint64_t pa;
        ok = emu_mmu_translate(cpu, va, write ? EMU_ACC_WRITE : EMU_ACC_READ, &pa) &&
             (write ? emu_mem_write_phys(cpu->mem, pa, p, n) : emu_mem_read_phys(cpu->mem, pa, p, n));
        va += n, p += n, len -= n;
    }
    cpu->exc = saved;
    return ok;
}

bool emu_cpu_translate(EmuCpu *cpu, uint64_t va, bool write, uint64_t *pa)
{
    EmuExc saved = cpu->exc;
    bool ok = emu_mmu_translate(cpu, va, write ? EMU_ACC_WRITE : EMU_ACC_READ, pa);
    cpu->exc = saved;
    return ok;
}

bool emu_cpu_read_virt(EmuCpu *cpu, uint64_t va, void *buf, size_t len)
{
    return virt_access(cpu, va, buf, len, false);
}

bool emu_cpu_write_virt(EmuCpu *cpu, uint64_t va, const void *buf, size_t len)
{
    return virt_access(cpu, va, (void *)buf, len, true);
}

/* ---- Decoded code ---------------------------------------------------------- */

static EmuCodePage *code_page_get(EmuCpu *cpu, uint64_t pa_page)
{
    EmuCodePage *p = g_hash_table_lookup(cpu->code->by_pa, &pa_page);
    if (p)
        return p;
    p = g_new0(EmuCodePage, 1);
    p->pa = pa_page;
    for (unsigned i = 0; i < SLOTS; i++)
        p->insn[i] = (EmuInsn){ .fn = decode_lazy };
    g_hash_table_insert(cpu->code->by_pa, &p->pa, p);
    /* Stores to this page must now take the slow path. */
    emu_mem_mark_code(cpu->mem, pa_page);
    for (unsigned i = 0; i < EMU_TLB_SIZE; i++)
        cpu->tlb_write[i].tag = EMU_TLB_INVALID;
    return p;
}

static void touch(EmuCpu *cpu, EmuCodePage *p)
{
    if (!p->touched) {
        p->touched = true;
        g_ptr_array_add(cpu->code->touched, p);
    }
}

static void code_invalidate(EmuCpu *cpu, uint64_t pa, size_t len)
{
    while (len) {
        uint64_t key = pa & ~EMU_PAGE_MASK;
        size_t off = pa & EMU_PAGE_MASK;
        size_t n = MIN(len, EMU_PAGE_SIZE - off);
        EmuCodePage *p = g_hash_table_lookup(cpu->code->by_pa, &key);
        if (p) {
            p->rewritten = true;
            touch(cpu, p);
            /* From the slot before: it may be a compare fused with a
             * B.cond in the first slot written (emu_a64_dp_fuse_bcond). */
            for (size_t s = off / 4 ? off / 4 - 1 : 0; s <= (off + n - 1) / 4; s++)
                p->insn[s] = (EmuInsn){ .fn = decode_lazy };
        }
        pa += n, len -= n;
    }
}

/* Whether execution never goes on to the next word after `raw`: B, BL
 * and the unconditional branches to a register (BR, BLR, RET, ERET...).
 * A call's return lands on an entry of its own. */
static bool ends_flow(uint32_t raw)
{
    return (raw & 0x7c000000u) == 0x14000000u || (raw & 0xfe000000u) == 0xd6000000u;
}

static int cmp_page_pa(gconstpointer a, gconstpointer b)
{
    const EmuCodePage *x = *(EmuCodePage *const *)a, *y = *(EmuCodePage *const *)b;
    return x->pa < y->pa ? -1 : x->pa > y->pa;
}

size_t emu_cpu_take_execs(EmuCpu *cpu, EmuPageExecs **out)
{
    GPtrArray *touched = cpu->code->touched;
    g_ptr_array_sort(touched, cmp_page_pa);
    size_t n = 0;
    EmuPageExecs *x = touched->len ? g_new0(EmuPageExecs, touched->len) : NULL;
    for (guint k = 0; k < touched->len; k++) {
        EmuCodePage *p = g_ptr_array_index(touched, k);
        EmuPageExecs *e = &x[n];
        e->pa = p->pa;
        bool any = false;
        if (p->rewritten) {
            /* Code changed under the entries: any of it may have run. */
            memset(e->slots, 0xff, sizeof e->slots);
            any = true;
        } else {
            /* From each entry on to the first word that cannot fall through. */
            const uint8_t *words = emu_mem_page_for_read(cpu->mem, p->pa);
            for (unsigned i = 0; i < SLOTS; i++) {
                if (!p->entry[i])
                    continue;
                any = true;
                for (unsigned j = i; j < SLOTS; j++) {
                    if (e->slots[j / 64] >> (j % 64) & 1)
                        break;           /* walked on from an earlier entry */
                    e->slots[j / 64] |= (uint64_t)1 << (j % 64);
                    uint32_t raw;
                    memcpy(&raw, words + 4 * j, 4);
                    if (ends_flow(raw))
                        break;
                }
            }
        }
        memset(p->entry, 0, sizeof p->entry);
        p->touched = p->rewritten = false;
        n += any;
    }
    g_ptr_array_set_size(touched, 0);
    if (!n) {
        g_free(x);
        x = NULL;
    }
    *out = x;
    return n;
}

/* ---- Breakpoints in decoded code ------------------------------------------ *
 *
 * With the MMU off (virtual addresses are physical), a breakpoint costs
 * nothing elsewhere: the decoded slot at its address gets a trampoline,
 * which every way into the slot runs (the block loop, a threaded continue,
 * a chained jump), so chaining stays on. With the MMU on, the run loop
 * checks at block starts instead (emu_cpu_run), and trampolines stay
 * silent. */

typedef struct Trampoline {
    const EmuInsn *slot;
    EmuInsnFn orig;
} Trampoline;

static EmuStep op_breakpoint(EmuCpu *cpu, const EmuInsn *in)
{
    EmuInsnFn orig = NULL;
    for (guint i = 0; cpu->trampolines && i < cpu->trampolines->len; i++)
        if (g_array_index(cpu->trampolines, Trampoline, i).slot == in)
            orig = g_array_index(cpu->trampolines, Trampoline, i).orig;
    g_assert(orig);
    if (!(cpu->sys.sctlr_el1 & 1) && cpu->debug.breakpoint) {
        cpu->debug.breakpoint(cpu->debug.opaque, cpu, cpu->pc);
        if (cpu->stop != EMU_STOP_NONE)
            return EMU_HALT_HERE;
    }
    return orig(cpu, in);
}

static void decode_slot(EmuCpu *cpu, const uint8_t *page, EmuCodePage *p, EmuInsn *slot)
{
    uint32_t raw;
    memcpy(&raw, page + (size_t)(slot - p->insn) * 4, 4);
    emu_a64_decode(raw, slot);
    if (unlikely(cpu->nbp) &&
        bp_at_or_above(cpu, p->pa + (uint64_t)(slot - p->insn) * 4) ==
            p->pa + (uint64_t)(slot - p->insn) * 4) {
        if (!cpu->trampolines)
            cpu->trampolines = g_array_new(false, false, sizeof(Trampoline));
        guint i = 0;
        while (i < cpu->trampolines->len &&
               g_array_index(cpu->trampolines, Trampoline, i).slot != slot)
            i++;
        Trampoline t = { slot, slot->fn };
        if (i < cpu->trampolines->len)
            g_array_index(cpu->trampolines, Trampoline, i) = t;
        else
            g_array_append_val(cpu->trampolines, t);
        slot->fn = op_breakpoint;
    }
}

/* The slot's first execution: read the word, decode it in place, run it.
 * A compare followed by B.cond in the same page gets its fused handler
 * (a64_dp.c); the B.cond's slot is decoded now for it to read. */
static EmuStep decode_lazy(EmuCpu *cpu, const EmuInsn *in)
{
    EmuCodePage *p = cpu->code->cur;
    EmuInsn *slot = (EmuInsn *)in;
    const uint8_t *page = emu_mem_page_for_read(cpu->mem, p->pa);
    decode_slot(cpu, page, p, slot);
    EmuInsnFn fused = emu_a64_dp_fuse_bcond(slot->fn);
    if (fused && slot + 1 < p->insn + SLOTS) {
        if (slot[1].fn == decode_lazy)
            decode_slot(cpu, page, p, slot + 1);
        if (slot[1].fn == emu_a64_bcond)
            slot->fn = fused;
    }
    return slot->fn(cpu, slot);
}

/* The code page for cpu->pc, or NULL with cpu->exc set (instruction abort). */
static EmuCodePage *fetch_page(EmuCpu *cpu)
{
    uint64_t vpage = cpu->pc >> EMU_PAGE_BITS;
    EmuCodeTlbEntry *e = &cpu->ctlb[vpage & (EMU_CODE_TLB_SIZE - 1)];
    if (likely(e->tag == vpage))
        return e->page;
    uint64_t pa;
    if (!emu_mmu_translate(cpu, cpu->pc, EMU_ACC_FETCH, &pa))
        return NULL;
    if (!emu_mem_page_for_read(cpu->mem, pa)) {
        emu_raise_abort(cpu, cpu_el(cpu) ? EC_IABT_CUR : EC_IABT_LOWER,
                        FSC_SYNC_EXTERNAL, cpu->pc);
        return NULL;
    }
    e->tag = vpage;
    e->page = code_page_get(cpu, pa & ~EMU_PAGE_MASK);
    return e->page;
}

/* ---- Exceptions ------------------------------------------------------------ */

EmuStep emu_raise(EmuCpu *cpu, unsigned ec, uint32_t iss)
{
    cpu->exc.esr = (ec << 26) | (1u << 25) | (iss & 0x1ffffff);
    cpu->exc.far_valid = false;
    return EMU_EXCEPTION;
}

EmuStep emu_raise_abort(EmuCpu *cpu, unsigned ec, uint32_t iss, uint64_t far)
{
    emu_raise(cpu, ec, iss);
    cpu->exc.far = far;
    cpu->exc.far_valid = true;
    return EMU_EXCEPTION;
}

EmuStep emu_undef(EmuCpu *cpu)
{
    return emu_raise(cpu, EC_UNKNOWN, 0);
}

bool emu_fp_enabled_slow(EmuCpu *cpu)
{
    unsigned fpen = (cpu->sys.cpacr_el1 >> 20) & 3;
    if (fpen == 3 || (fpen == 1 && cpu_el(cpu) == 1))
        return true;
    /* ISS: CV = 1, COND = 0xe, as for every A64 trapped instruction. */
    emu_raise(cpu, EC_FP_ACCESS, (1u << 24) | (0xeu << 20));
    return false;
}

void emu_set_el_sp(EmuCpu *cpu, unsigned el, unsigned spsel)
{
    if (cpu->pstate & 1)
        cpu->sys.sp_el1 = cpu->sp;
    else
        cpu->sys.sp_el0 = cpu->sp;
    if (el == 0)
        spsel = 0;
    unsigned old_el = cpu_el(cpu);
    cpu->pstate = (cpu->pstate & ~PSTATE_M) | (el << 2) | spsel;
    cpu->sp = spsel ? cpu->sys.sp_el1 : cpu->sys.sp_el0;
    /* The TLBs hold translations checked for one EL's permissions. */
    if (el != old_el && (cpu->sys.sctlr_el1 & 1))
        emu_tlb_flush(cpu);
}

void emu_exception_enter(EmuCpu *cpu, uint32_t esr, uint64_t far, bool far_valid,
                         uint64_t ret, unsigned vec)
{
    unsigned from_el = cpu_el(cpu);
    uint64_t base = from_el == 0 ? 0x400 : (cpu->pstate & 1) ? 0x200 : 0;
    cpu->sys.spsr_el1 = emu_cpu_pstate(cpu);
    cpu->sys.elr_el1 = ret;
    if (vec == VEC_SYNC) {
        cpu->sys.esr_el1 = esr;
        if (far_valid)
            cpu->sys.far_el1 = far;
    }
    emu_set_el_sp(cpu, 1, 1);
    cpu->pstate = (cpu->pstate & ~(PSTATE_SS | PSTATE_IL)) | PSTATE_DAIF;
    cpu->excl_valid = false;
    cpu->pc = (cpu->sys.vbar_el1 & ~0x7ffull) + base + vec;
}

static void take_sync(EmuCpu *cpu, uint64_t ret)
{
    emu_exception_enter(cpu, cpu->exc.esr, cpu->exc.far, cpu->exc.far_valid, ret, VEC_SYNC);
}

/* Take a pending, unmasked interrupt. Returns true if one was taken. */
static bool take_interrupt(EmuCpu *cpu)
{
    if (cpu->fiq_line && !(cpu->pstate & PSTATE_F)) {
        emu_exception_enter(cpu, 0, 0, false, cpu->pc, VEC_FIQ);
        return true;
    }
    if (cpu->irq_line && !(cpu->pstate & PSTATE_I)) {
        emu_exception_enter(cpu, 0, 0, false, cpu->pc, VEC_IRQ);
        return true;
    }
    return false;
}

/* ---- The run loop ------------------------------------------------------------ */

/* Consecutive exceptions without a retired instruction in between before
 * the CPU gives up: the state has reached a fixed point (a vector table
 * that faults on its own first instruction) and would never progress. */
#define EXCEPTION_LOOP_LIMIT 64

typedef struct Storm {
    unsigned count;              /* exceptions since an instruction retired */
    uint64_t icount;             /* icount at the last exception */
} Storm;

static bool exception_loop(EmuCpu *cpu, Storm *storm)
{
    if (cpu->icount != storm->icount)
        storm->count = 0;
    storm->icount = cpu->icount;
    if (++storm->count < EXCEPTION_LOOP_LIMIT)
        return false;
    g_free(cpu->error_buf);
    cpu->error_buf = g_strdup_printf(
        "exception loop at icount %" PRIu64 ": %d exceptions in a row without an "
        "instruction retiring (pc 0x%" PRIx64 ", ESR_EL1 0x%08" PRIx64 ", VBAR_EL1 0x%" PRIx64
        "); the guest's vector table is missing or faults",
        cpu->icount, EXCEPTION_LOOP_LIMIT, cpu->pc, cpu->sys.esr_el1, cpu->sys.vbar_el1);
    cpu->error = cpu->error_buf;
    cpu->stop = EMU_STOP_ERROR;
    return true;
}

uint64_t emu_cpu_run(EmuCpu *cpu, uint64_t budget)
{
    const uint64_t first = cpu->icount;
    Storm storm = { 0, UINT64_MAX };
    cpu->run_end = first + budget;
    cpu->stop = EMU_STOP_NONE;
    cpu->exit_request = false;
    while (cpu->icount < cpu->run_end && cpu->stop == EMU_STOP_NONE) {
        const uint64_t last = cpu->run_end;
        cpu->chain_end = last > SLOTS ? last - SLOTS + 1 : 0;
        take_interrupt(cpu);
        if (unlikely(cpu->pstate & PSTATE_IL)) {   /* after an illegal ERET */
            emu_raise(cpu, EC_ILLEGAL_STATE, 0);
            take_sync(cpu, cpu->pc);
            if (exception_loop(cpu, &storm))
                break;
            continue;
        }
        if (unlikely(cpu->pc & 3)) {
            emu_raise_abort(cpu, EC_PC_ALIGN, 0, cpu->pc);
            take_sync(cpu, cpu->pc);
            if (exception_loop(cpu, &storm))
                break;
            continue;
        }
        EmuCodePage *page = fetch_page(cpu);
        if (!page) {
            take_sync(cpu, cpu->pc);
            if (exception_loop(cpu, &storm))
                break;
            continue;
        }
        cpu->code->cur = page;
        cpu->page_end = &page->insn[SLOTS];
        touch(cpu, page);
        uint64_t pc = cpu->pc;
        const uint64_t vpage = pc >> EMU_PAGE_BITS;
        unsigned idx = (pc & EMU_PAGE_MASK) >> 2;
        page->entry[idx] = 1;
        const EmuInsn *in = &page->insn[idx];
        cpu->block_end = in + MIN((uint64_t)(SLOTS - idx), last - cpu->icount);
        /* A page with a breakpoint runs block by block from here, where
         * breakpoints are seen: no chained branches inside it (EMU_JUMP
         * and the same-page path below never leave the page). */
        bool bp_page = false;
        if (unlikely(cpu->nbp) && (cpu->sys.sctlr_el1 & 1)) {
            bp_page = (bp_at_or_above(cpu, pc & ~EMU_PAGE_MASK) >> EMU_PAGE_BITS) == vpage;
            if (bp_page)
                cpu->chain_end = 0;
        }
        if (unlikely(bp_page)) {
            /* A breakpoint here is reported before the instruction runs;
             * the block ends before the next one in this page. */
            uint64_t bp = bp_at_or_above(cpu, pc);
            if (bp == pc) {
                if (cpu->debug.breakpoint)
                    cpu->debug.breakpoint(cpu->debug.opaque, cpu, pc);
                if (cpu->stop != EMU_STOP_NONE)
                    break;
                bp = bp_at_or_above(cpu, pc + 4);
            }
            if ((bp >> EMU_PAGE_BITS) == vpage && &page->insn[(bp & EMU_PAGE_MASK) >> 2] < cpu->block_end)
                cpu->block_end = &page->insn[(bp & EMU_PAGE_MASK) >> 2];
        }
        /* Within a block, icount = cpu->icount + (pc - block_pc) / 4:
         * emu_cpu_icount() is exact from inside a handler or a hook. */
        cpu->block_pc = pc;
        cpu->in_block = true;
        for (;;) {
            cpu->pc = pc;
            EmuStep r = in->fn(cpu, in);
            /* A threaded chain may have advanced: cpu->pc is the
             * instruction that returned r. */
            pc = cpu->pc;
            in = &page->insn[(pc & EMU_PAGE_MASK) >> 2];
            if (likely(r == EMU_NEXT)) {
                pc += 4;
                if (++in == cpu->block_end) {
                    cpu->pc = pc;
                    cpu->icount += (pc - cpu->block_pc) >> 2;
                    break;
                }
                continue;
            }
            cpu->icount += (pc - cpu->block_pc) >> 2;
            if (r == EMU_HALT_HERE)
                break;                   /* before this instruction, as asked */
            if (r == EMU_EXCEPTION) {
                take_sync(cpu, pc);
                exception_loop(cpu, &storm);
                break;
            }
            cpu->icount++;
            if (r == EMU_EXCEPTION_RETIRED) {
                take_sync(cpu, pc + 4);
                break;
            }
            pc = cpu->pc = cpu->next_pc;
            if (r == EMU_EXIT || cpu->exit_request || cpu->icount >= last)
                break;
            /* EMU_BRANCH: stay in this page if we can (not with a
             * breakpoint in it: the run loop looks for them). */
            if ((pc >> EMU_PAGE_BITS) != vpage || (pc & 3) || bp_page)
                break;
            idx = (pc & EMU_PAGE_MASK) >> 2;
            in = &page->insn[idx];
            page->entry[idx] = 1;
            cpu->block_end = in + MIN((uint64_t)(SLOTS - idx), last - cpu->icount);
            cpu->block_pc = pc;
        }
        cpu->in_block = false;
        cpu->exit_request = false;
    }
    return cpu->icount - first;
}

EmuStop emu_cpu_stop_reason(const EmuCpu *cpu) { return cpu->stop; }

void emu_cpu_limit_run(EmuCpu *cpu, uint64_t icount)
{
    if (icount < cpu->run_end) {
        cpu->run_end = icount;
        emu_cpu_kick(cpu);
    }
}

void emu_cpu_timer_regs(const EmuCpu *cpu, EmuTimerId t, uint64_t *ctl, uint64_t *cval)
{
    *ctl = t == EMU_TIMER_VIRT ? cpu->sys.cntv_ctl_el0 : cpu->sys.cntp_ctl_el0;
    *cval = t == EMU_TIMER_VIRT ? cpu->sys.cntv_cval_el0 : cpu->sys.cntp_cval_el0;
}

void emu_cpu_request_stop(EmuCpu *cpu, EmuStop reason)
{
    cpu->stop = reason;
    emu_cpu_kick(cpu);
    /* From inside a block (a device or a hook called by the instruction
     * running): its block ends right after it, so that the run stops at
     * the next instruction, not at the end of the block. */
    if (cpu->in_block) {
        const EmuInsn *next = &cpu->code->cur->insn[((cpu->pc & EMU_PAGE_MASK) >> 2) + 1];
        if (next < cpu->block_end)
            cpu->block_end = next;
    }
}

const char *emu_cpu_error(const EmuCpu *cpu)
{
    return cpu->stop == EMU_STOP_ERROR ? cpu->error : NULL;
}

void emu_cpu_set_irq(EmuCpu *cpu, bool level) { cpu->irq_line = level; emu_cpu_kick(cpu); }
void emu_cpu_set_fiq(EmuCpu *cpu, bool level) { cpu->fiq_line = level; emu_cpu_kick(cpu); }

/* ---- Register access ----------------------------------------------------------- */

uint64_t emu_cpu_icount(const EmuCpu *cpu)
{
    return cpu->in_block ? cpu->icount + ((cpu->pc - cpu->block_pc) >> 2) : cpu->icount;
}
uint64_t emu_cpu_x(const EmuCpu *cpu, unsigned n) { return n < 32 ? cpu->x[n] : 0; }
void emu_cpu_set_x(EmuCpu *cpu, unsigned n, uint64_t value) { if (n < 31) cpu->x[n] = value; }
uint64_t emu_cpu_sp(const EmuCpu *cpu) { return cpu->sp; }
void emu_cpu_set_sp(EmuCpu *cpu, uint64_t value) { cpu->sp = value; }
uint64_t emu_cpu_pc(const EmuCpu *cpu) { return cpu->pc; }
void emu_cpu_set_pc(EmuCpu *cpu, uint64_t value) { cpu->pc = value; }
uint32_t emu_cpu_pstate(const EmuCpu *cpu) { return cpu->nzcv | cpu->pstate; }
uint64_t emu_cpu_mmu_switches(const EmuCpu *cpu) { return cpu->mmu_switches; }
bool emu_cpu_mmu_enabled(const EmuCpu *cpu) { return cpu->sys.sctlr_el1 & 1; }

void emu_cpu_set_pstate(EmuCpu *cpu, uint32_t spsr)
{
    cpu->nzcv = spsr & PSTATE_NZCV;
    emu_set_el_sp(cpu, (spsr >> 2) & 3 ? 1 : 0, spsr & 1);
    cpu->pstate = (cpu->pstate & PSTATE_M) | (spsr & (PSTATE_DAIF | PSTATE_IL | PSTATE_SS));
    emu_tlb_flush(cpu);
}

void emu_cpu_v(const EmuCpu *cpu, unsigned n, uint64_t out[2])
{
    out[0] = cpu->v[n & 31].d[0];
    out[1] = cpu->v[n & 31].d[1];
}

void emu_cpu_set_v(EmuCpu *cpu, unsigned n, const uint64_t in[2])
{
    cpu->v[n & 31].d[0] = in[0];
    cpu->v[n & 31].d[1] = in[1];
}

uint32_t emu_cpu_fpsr(const EmuCpu *cpu) { return cpu->fpsr; }
uint32_t emu_cpu_fpcr(const EmuCpu *cpu) { return cpu->fpcr; }
void emu_cpu_set_fpsr(EmuCpu *cpu, uint32_t v) { cpu->fpsr = v; }
void emu_cpu_set_fpcr(EmuCpu *cpu, uint32_t v) { cpu->fpcr = v; }

/* ---- The architectural state, register by register ------------------------------ *
 *
 * The order of replay/FORMAT.md: X0..X30, SP_EL0, SP_EL1, PC, PSTATE, FPCR,
 * FPSR, V0..V31 (the sync event's per-register digest), then the EL1
 * system registers in EmuSysregs order and the exclusive monitor. */

#define SYSREG(name) { #name, offsetof(EmuSysregs, name) }
static const struct { const char *name; size_t off; } sysregs[] = {
    SYSREG(sctlr_el1), SYSREG(actlr_el1), SYSREG(cpacr_el1), SYSREG(ttbr0_el1),
    SYSREG(ttbr1_el1), SYSREG(tcr_el1), SYSREG(mair_el1), SYSREG(amair_el1),
    SYSREG(vbar_el1), SYSREG(esr_el1), SYSREG(far_el1), SYSREG(elr_el1),
    SYSREG(spsr_el1), SYSREG(par_el1), SYSREG(afsr0_el1), SYSREG(afsr1_el1),
    SYSREG(contextidr_el1), SYSREG(tpidr_el0), SYSREG(tpidr_el1), SYSREG(tpidrro_el0),
    SYSREG(mdscr_el1), SYSREG(oslsr_el1), SYSREG(osdlr_el1), SYSREG(mdccint_el1),
    SYSREG(cntkctl_el1), SYSREG(cntv_ctl_el0), SYSREG(cntv_cval_el0), SYSREG(cntp_ctl_el0),
    SYSREG(cntp_cval_el0), SYSREG(csselr_el1),
};
#undef SYSREG
/* Every EmuSysregs field is listed above, but the two banked SPs, which
 * come first as SP_EL0 and SP_EL1: a new field must be added there. */
_Static_assert(sizeof(EmuSysregs) == (sizeof sysregs / sizeof sysregs[0] + 2) * 8,
               "EmuSysregs has a field the state list does not name");

enum {
    REG_X0 = 0, REG_SP_EL0 = 31, REG_SP_EL1, REG_PC, REG_PSTATE, REG_FPCR, REG_FPSR,
    REG_V0, REG_SYS0 = REG_V0 + 32, REG_MONITOR = REG_SYS0 + sizeof sysregs / sizeof sysregs[0],
    REG_COUNT,
};

size_t emu_cpu_state_reg_count(void) { return REG_COUNT; }

const char *emu_cpu_state_reg_name(size_t i, char buf[16])
{
    if (i < REG_SP_EL0)
        g_snprintf(buf, 16, "x%zu", i);
    else if (i >= REG_V0 && i < REG_SYS0)
        g_snprintf(buf, 16, "v%zu", i - REG_V0);
    else if (i >= REG_SYS0 && i < REG_MONITOR)
        return sysregs[i - REG_SYS0].name;
    else {
        static const char *const names[] = { "sp_el0", "sp_el1", "pc", "pstate", "fpcr", "fpsr" };
        if (i == REG_MONITOR)
            return "exclusive monitor";
        if (i >= REG_COUNT)
            return NULL;
        return names[i - REG_SP_EL0];
    }
    return buf;
}

size_t emu_cpu_state_reg(const EmuCpu *cpu, size_t i, uint8_t out[32])
{
    uint64_t v[4] = { 0 };
    size_t n = 8;
    bool on_el1_sp = cpu->pstate & 1;
    if (i < REG_SP_EL0)
        v[0] = cpu->x[i];
    else if (i == REG_SP_EL0)
        v[0] = on_el1_sp ? cpu->sys.sp_el0 : cpu->sp;
    else if (i == REG_SP_EL1)
        v[0] = on_el1_sp ? cpu->sp : cpu->sys.sp_el1;
    else if (i == REG_PC)
        v[0] = cpu->pc;
    else if (i == REG_PSTATE)
        v[0] = emu_cpu_pstate(cpu);
    else if (i == REG_FPCR)
        v[0] = cpu->fpcr;
    else if (i == REG_FPSR)
        v[0] = cpu->fpsr;
    else if (i < REG_SYS0) {
        v[0] = cpu->v[i - REG_V0].d[0];
        v[1] = cpu->v[i - REG_V0].d[1];
        n = 16;
    } else if (i < REG_MONITOR) {
        memcpy(&v[0], (const uint8_t *)&cpu->sys + sysregs[i - REG_SYS0].off, 8);
    } else if (i == REG_MONITOR) {
        /* Valid flag, address, the two values of a pair: all zero when
         * the monitor is open, whatever stale values it holds. */
        if (cpu->excl_valid) {
            v[0] = 1;
            v[1] = cpu->excl_addr;
            v[2] = cpu->excl_val[0];
            v[3] = cpu->excl_val[1];
        }
        n = 32;
    } else {
        return 0;
    }
    for (size_t k = 0; k < n; k++)     /* little-endian on every host */
        out[k] = (uint8_t)(v[k / 8] >> (8 * (k % 8)));
    return n;
}

bool emu_cpu_set_state_reg(EmuCpu *cpu, size_t i, const uint8_t *in, size_t len)
{
    uint8_t cur[32];
    if (i >= REG_COUNT || emu_cpu_state_reg(cpu, i, cur) != len)
        return false;
    uint64_t v[4] = { 0 };
    for (size_t k = 0; k < len; k++)
        v[k / 8] |= (uint64_t)in[k] << (8 * (k % 8));
    bool on_el1_sp = cpu->pstate & 1;
    if (i < REG_SP_EL0)
        cpu->x[i] = v[0];
    else if (i == REG_SP_EL0)
        *(on_el1_sp ? &cpu->sys.sp_el0 : &cpu->sp) = v[0];
    else if (i == REG_SP_EL1)
        *(on_el1_sp ? &cpu->sp : &cpu->sys.sp_el1) = v[0];
    else if (i == REG_PC)
        cpu->pc = v[0];
    else if (i == REG_PSTATE)
        emu_cpu_set_pstate(cpu, (uint32_t)v[0]);
    else if (i == REG_FPCR)
        cpu->fpcr = (uint32_t)v[0];
    else if (i == REG_FPSR)
        cpu->fpsr = (uint32_t)v[0];
    else if (i < REG_SYS0) {
        cpu->v[i - REG_V0].d[0] = v[0];
        cpu->v[i - REG_V0].d[1] = v[1];
    } else if (i < REG_MONITOR) {
        memcpy((uint8_t *)&cpu->sys + sysregs[i - REG_SYS0].off, &v[0], 8);
    } else {
        cpu->excl_valid = v[0] & 1;
        cpu->excl_addr = v[1];
        cpu->excl_val[0] = v[2];
        cpu->excl_val[1] = v[3];
    }
    emu_tlb_flush(cpu);
    return true;
}

void emu_cpu_set_icount(EmuCpu *cpu, uint64_t icount)
{
    g_assert(!cpu->in_block);
    cpu->icount = icount;
    cpu->stop = EMU_STOP_NONE;
    cpu->error = NULL;
    cpu->exit_request = false;
    emu_tlb_flush(cpu);
}
