/* snapshots/pages.c — see pages.h. */
#include "snapshots/pages.h"

#include <glib.h>
#include <string.h>

typedef struct Page {
    unsigned ref;
    uint8_t data[EMU_PAGE_SIZE];
} Page;

struct SnapPages {
    unsigned ref;
    size_t npages;
    Page **pages;                /* NULL: zeros */
    size_t own;                  /* pages this capture copied */
};

struct SnapRam {
    EmuMem *mem;
    SnapPages *base;             /* RAM equals it but for pages written since gen */
    uint32_t gen;
};

static void page_unref(Page *p)
{
    if (p && --p->ref == 0)
        g_free(p);
}

static SnapPages *pages_new(size_t npages)
{
    SnapPages *p = g_new0(SnapPages, 1);
    p->ref = 1;
    p->npages = npages;
    p->pages = g_new0(Page *, npages);
    return p;
}

SnapPages *snap_pages_ref(SnapPages *p)
{
    p->ref++;
    return p;
}

void snap_pages_unref(SnapPages *p)
{
    if (!p || --p->ref)
        return;
    for (size_t i = 0; i < p->npages; i++)
        page_unref(p->pages[i]);
    g_free(p->pages);
    g_free(p);
}

size_t snap_pages_own_bytes(const SnapPages *p) { return p->own * sizeof(Page); }
size_t snap_pages_count(const SnapPages *p) { return p->npages; }

const uint8_t *snap_pages_data(const SnapPages *p, size_t index)
{
    return index < p->npages && p->pages[index] ? p->pages[index]->data : NULL;
}

SnapRam *snap_ram_new(EmuMem *mem)
{
    SnapRam *r = g_new0(SnapRam, 1);
    r->mem = mem;
    r->base = pages_new(emu_mem_ram_size(mem) >> EMU_PAGE_BITS);   /* all zeros */
    r->gen = 1;                  /* every page ever written differs from it */
    return r;
}

void snap_ram_free(SnapRam *r)
{
    if (!r)
        return;
    snap_pages_unref(r->base);
    g_free(r);
}

static size_t index_of(const SnapRam *r, uint64_t pa)
{
    return (pa - emu_mem_ram_base(r->mem)) >> EMU_PAGE_BITS;
}

/* The base becomes `p`, and writes from now on are measured against it. */
static void rebase(SnapRam *r, SnapPages *p)
{
    snap_pages_ref(p);
    snap_pages_unref(r->base);
    r->base = p;
    r->gen = emu_mem_new_generation(r->mem);
}

SnapPages *snap_ram_capture(SnapRam *r)
{
    SnapPages *p = pages_new(r->base->npages);
    for (size_t i = 0; i < p->npages; i++)
        if ((p->pages[i] = r->base->pages[i]))
            p->pages[i]->ref++;
    uint64_t *dirty;
    size_t n = emu_mem_written_since(r->mem, r->gen, &dirty);
    for (size_t k = 0; k < n; k++) {
        size_t i = index_of(r, dirty[k]);
        Page *copy = g_new(Page, 1);
        copy->ref = 1;
        memcpy(copy->data, emu_mem_page_for_read(r->mem, dirty[k]), EMU_PAGE_SIZE);
        page_unref(p->pages[i]);
        p->pages[i] = copy;
    }
    p->own = n;
    g_free(dirty);
    rebase(r, p);
    return p;
}

static void put_page(SnapRam *r, size_t i, const Page *page)
{
    static const uint8_t zero[EMU_PAGE_SIZE];
    uint64_t pa = emu_mem_ram_base(r->mem) + ((uint64_t)i << EMU_PAGE_BITS);
    if (!emu_mem_write_phys(r->mem, pa, page ? page->data : zero, EMU_PAGE_SIZE))
        g_assert_not_reached();
}

size_t snap_ram_restore(SnapRam *r, SnapPages *p)
{
    g_assert(p->npages == r->base->npages);
    uint64_t *dirty;
    size_t n = emu_mem_written_since(r->mem, r->gen, &dirty);
    size_t rewritten = 0, k = 0;
    for (size_t i = 0; i < p->npages; i++) {
        bool written = k < n && index_of(r, dirty[k]) == i;
        if (written)
            k++;
        if (written || p->pages[i] != r->base->pages[i]) {
            put_page(r, i, p->pages[i]);
            rewritten++;
        }
    }
    g_free(dirty);
    rebase(r, p);
    return rewritten;
}
