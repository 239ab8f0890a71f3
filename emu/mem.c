/* emu/mem.c — guest physical memory: paged RAM and MMIO regions. */
#include "emu/mem.h"

#include <glib.h>
#include <string.h>

#define PAGE_CODE  0x01u  /* decoded instructions are cached from this page */

struct EmuMem {
    uint64_t ram_base, ram_size;
    size_t npages;
    uint8_t **pages;       /* NULL: never written, reads as zeros */
    uint8_t *flags;        /* PAGE_* per page */
    uint32_t *written;     /* per page: the generation of its last write, 0 never */
    uint32_t generation;   /* the current write generation, from 1 */
    /* Write tracking: per page the marks of the current take (NULL: none
     * written), the pages that have them, and where marks go untracked. */
    bool tracking;
    uint8_t **marks;
    GArray *marked;        /* size_t page indexes */
    uint8_t scratch[EMU_GRANULES];
    GArray *mmio;          /* EmuMmio, sorted by base */
    EmuMemHooks hooks;
};

static const uint8_t zero_page[EMU_PAGE_SIZE] __attribute__((aligned(4096)));

EmuMem *emu_mem_new(uint64_t ram_base, uint64_t ram_size)
{
    g_assert(ram_size && (ram_size & EMU_PAGE_MASK) == 0);
    g_assert((ram_base & EMU_PAGE_MASK) == 0);
    EmuMem *mem = g_new0(EmuMem, 1);
    mem->ram_base = ram_base;
    mem->ram_size = ram_size;
    mem->npages = ram_size >> EMU_PAGE_BITS;
    mem->pages = g_new0(uint8_t *, mem->npages);
    mem->flags = g_new0(uint8_t, mem->npages);
    mem->written = g_new0(uint32_t, mem->npages);
    mem->generation = 1;
    mem->mmio = g_array_new(false, true, sizeof(EmuMmio));
    mem->marks = g_new0(uint8_t *, mem->npages);
    mem->marked = g_array_new(false, false, sizeof(size_t));
    return mem;
}

void emu_mem_free(EmuMem *mem)
{
    if (!mem)
        return;
    for (size_t i = 0; i < mem->npages; i++)
        g_free(mem->pages[i]);
    g_free(mem->pages);
    g_free(mem->flags);
    g_free(mem->written);
    for (guint k = 0; k < mem->marked->len; k++)
        g_free(mem->marks[g_array_index(mem->marked, size_t, k)]);
    g_free(mem->marks);
    g_array_free(mem->marked, true);
    g_array_free(mem->mmio, true);
    g_free(mem);
}

uint64_t emu_mem_ram_base(const EmuMem *mem) { return mem->ram_base; }
uint64_t emu_mem_ram_size(const EmuMem *mem) { return mem->ram_size; }

void emu_mem_set_hooks(EmuMem *mem, const EmuMemHooks *hooks)
{
    mem->hooks = *hooks;
}

static bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

bool emu_mem_add_mmio(EmuMem *mem, uint64_t base, uint64_t size,
                      const EmuMmioOps *ops, void *opaque, const char *name)
{
    if (!size || base + size < base)
        return false;
    if (ranges_overlap(base, size, mem->ram_base, mem->ram_size))
        return false;
    guint at = 0;
    for (; at < mem->mmio->len; at++) {
        const EmuMmio *r = &g_array_index(mem->mmio, EmuMmio, at);
        if (ranges_overlap(base, size, r->base, r->size))
            return false;
        if (r->base > base)
            break;
    }
    EmuMmio r = { base, size, ops, opaque, name };
    g_array_insert_val(mem->mmio, at, r);
    return true;
}

const EmuMmio *emu_mem_find_mmio(const EmuMem *mem, uint64_t pa)
{
    for (guint i = 0; i < mem->mmio->len; i++) {
        const EmuMmio *r = &g_array_index(mem->mmio, EmuMmio, i);
        if (pa >= r->base && pa - r->base < r->size)
            return r;
    }
    return NULL;
}

static bool page_index(const EmuMem *mem, uint64_t pa, size_t *idx)
{
    if (pa < mem->ram_base || pa - mem->ram_base >= mem->ram_size)
        return false;
    *idx = (pa - mem->ram_base) >> EMU_PAGE_BITS;
    return true;
}

const uint8_t *emu_mem_page_for_read(EmuMem *mem, uint64_t pa)
{
    size_t i;
    if (!page_index(mem, pa, &i))
        return NULL;
    return mem->pages[i] ? mem->pages[i] : zero_page;
}

uint8_t *emu_mem_page_for_write(EmuMem *mem, uint64_t pa)
{
    size_t i;
    if (!page_index(mem, pa, &i))
        return NULL;
    if (!mem->pages[i]) {
        mem->pages[i] = g_malloc0(EMU_PAGE_SIZE);
        /* Readers may hold the zero page for this address. */
        if (mem->hooks.tlb_flush)
            mem->hooks.tlb_flush(mem->hooks.opaque);
    }
    mem->written[i] = mem->generation;
    return mem->pages[i];
}

uint32_t emu_mem_new_generation(EmuMem *mem)
{
    /* Host pointers for writing handed out so far would let writes of the
     * new generation go unrecorded: forget them. */
    if (mem->hooks.tlb_flush)
        mem->hooks.tlb_flush(mem->hooks.opaque);
    g_assert(mem->generation < UINT32_MAX);
    return ++mem->generation;
}

uint32_t emu_mem_generation(const EmuMem *mem)
{
    return mem->generation;
}

size_t emu_mem_written_since(const EmuMem *mem, uint32_t generation, uint64_t **pages)
{
    GArray *out = g_array_new(false, false, sizeof(uint64_t));
    for (size_t i = 0; i < mem->npages; i++) {
        if (mem->written[i] >= generation) {
            uint64_t pa = mem->ram_base + ((uint64_t)i << EMU_PAGE_BITS);
            g_array_append_val(out, pa);
        }
    }
    size_t n = out->len;
    *pages = (uint64_t *)(void *)g_array_free(out, false);
    return n;
}

uint32_t *emu_mem_stamps(const EmuMem *mem)
{
    return g_memdup2(mem->written, mem->npages * sizeof *mem->written);
}

void emu_mem_set_stamps(EmuMem *mem, const uint32_t *stamps)
{
    memcpy(mem->written, stamps, mem->npages * sizeof *mem->written);
    if (mem->hooks.tlb_flush)
        mem->hooks.tlb_flush(mem->hooks.opaque);
}

/* Forget every page's marks (the CPU's TLBs point at them: flushed). */
static void drop_marks(EmuMem *mem)
{
    for (guint k = 0; k < mem->marked->len; k++) {
        size_t i = g_array_index(mem->marked, size_t, k);
        g_free(mem->marks[i]);
        mem->marks[i] = NULL;
    }
    g_array_set_size(mem->marked, 0);
    if (mem->hooks.tlb_flush)
        mem->hooks.tlb_flush(mem->hooks.opaque);
}

void emu_mem_track_writes(EmuMem *mem, bool on)
{
    drop_marks(mem);
    mem->tracking = on;
}

uint8_t *emu_mem_write_marks(EmuMem *mem, uint64_t pa)
{
    size_t i;
    if (!mem->tracking || !page_index(mem, pa, &i))
        return mem->scratch;
    if (!mem->marks[i]) {
        mem->marks[i] = g_malloc0(EMU_GRANULES);
        g_array_append_val(mem->marked, i);
    }
    return mem->marks[i];
}

void emu_mem_mark_written(EmuMem *mem, uint64_t pa, size_t len)
{
    if (!mem->tracking || !len)
        return;
    uint8_t *m = emu_mem_write_marks(mem, pa);
    size_t off = pa & EMU_PAGE_MASK;
    size_t last = MIN(off + len, EMU_PAGE_SIZE) - 1;
    memset(m + (off >> EMU_GRANULE_BITS), 1, (last >> EMU_GRANULE_BITS) - (off >> EMU_GRANULE_BITS) + 1);
}

static int cmp_size(gconstpointer a, gconstpointer b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The granule bits of a page's marks (bytes 0 or 1): eight at a time, a
 * multiply gathering one bit of each byte. False if none is set. */
static bool pack_marks(const uint8_t *m, uint64_t granules[EMU_GRANULES / 64])
{
    bool any = false;
    for (unsigned w = 0; w < EMU_GRANULES / 64; w++) {
        uint64_t bits = 0;
        for (unsigned b = 0; b < 8; b++) {
            uint64_t v;
            memcpy(&v, m + 64 * w + 8 * b, 8);
            if (v)
                bits |= ((v * 0x0102040810204080ull) >> 56) << (8 * b);
        }
        granules[w] = bits;
        any |= bits != 0;
    }
    return any;
}

size_t emu_mem_take_writes(EmuMem *mem, EmuPageWrites **out)
{
    /* A page written since the last take keeps its marks, cleared, for the
     * next (the CPU's TLB may point at them); one not written lets them
     * go, and then the TLBs, which may hold them, are flushed. */
    g_array_sort(mem->marked, cmp_size);
    size_t n = 0, keep = 0;
    bool dropped = false;
    EmuPageWrites *w = mem->marked->len ? g_new(EmuPageWrites, mem->marked->len) : NULL;
    for (guint k = 0; k < mem->marked->len; k++) {
        size_t i = g_array_index(mem->marked, size_t, k);
        uint8_t *m = mem->marks[i];
        if (pack_marks(m, w[n].granules)) {
            w[n++].pa = mem->ram_base + ((uint64_t)i << EMU_PAGE_BITS);
            memset(m, 0, EMU_GRANULES);
            g_array_index(mem->marked, size_t, keep++) = i;
        } else {
            g_free(m);
            mem->marks[i] = NULL;
            dropped = true;
        }
    }
    g_array_set_size(mem->marked, keep);
    if (dropped && mem->hooks.tlb_flush)
        mem->hooks.tlb_flush(mem->hooks.opaque);
    if (!n) {
        g_free(w);
        w = NULL;
    }
    *out = w;
    return n;
}

void emu_mem_mark_code(EmuMem *mem, uint64_t pa)
{
    size_t i;
    if (page_index(mem, pa, &i))
        mem->flags[i] |= PAGE_CODE;
}

bool emu_mem_is_code(const EmuMem *mem, uint64_t pa)
{
    size_t i;
    return page_index(mem, pa, &i) && (mem->flags[i] & PAGE_CODE);
}

static bool is_ram_range(const EmuMem *mem, uint64_t pa, size_t len)
{
    return pa >= mem->ram_base && len <= mem->ram_size &&
           pa - mem->ram_base <= mem->ram_size - len;
}

bool emu_mem_write_phys(EmuMem *mem, uint64_t pa, const void *buf, size_t len)
{
    if (!is_ram_range(mem, pa, len))
        return false;
    const uint8_t *src = buf;
    while (len) {
        size_t off = pa & EMU_PAGE_MASK;
        size_t n = MIN(len, EMU_PAGE_SIZE - off);
        memcpy(emu_mem_page_for_write(mem, pa) + off, src, n);
        emu_mem_mark_written(mem, pa, n);
        if (emu_mem_is_code(mem, pa) && mem->hooks.code_written)
            mem->hooks.code_written(mem->hooks.opaque, pa, n);
        pa += n, src += n, len -= n;
    }
    return true;
}

bool emu_mem_read_phys(EmuMem *mem, uint64_t pa, void *buf, size_t len)
{
    if (!is_ram_range(mem, pa, len))
        return false;
    uint8_t *dst = buf;
    while (len) {
        size_t off = pa & EMU_PAGE_MASK;
        size_t n = MIN(len, EMU_PAGE_SIZE - off);
        memcpy(dst, emu_mem_page_for_read(mem, pa) + off, n);
        pa += n, dst += n, len -= n;
    }
    return true;
}

bool emu_mem_read_bus(EmuMem *mem, uint64_t pa, unsigned size, uint64_t *val)
{
    const EmuMmio *r = emu_mem_find_mmio(mem, pa);
    if (r) {
        if (pa - r->base + size > r->size)
            return false;
        *val = 0;
        return r->ops->read && r->ops->read(r->opaque, pa - r->base, size, val);
    }
    uint64_t v = 0;
    if (!emu_mem_read_phys(mem, pa, &v, size))
        return false;
    *val = v;
    return true;
}

bool emu_mem_write_bus(EmuMem *mem, uint64_t pa, unsigned size, uint64_t val)
{
    const EmuMmio *r = emu_mem_find_mmio(mem, pa);
    if (r) {
        if (pa - r->base + size > r->size)
            return false;
        return r->ops->write && r->ops->write(r->opaque, pa - r->base, size, val);
    }
    return emu_mem_write_phys(mem, pa, &val, size);
}
