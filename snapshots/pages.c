/* snapshots/pages.c — see pages.h.
 *
 * A snapshot's page map is two-level: an array of chunk pointers, each
 * chunk 64 page pointers (256 KiB of RAM). Chunks are shared between
 * snapshots like pages are; a capture copies the chunk array (4 KiB for
 * 128 MiB of RAM) and only the chunks it writes into (520 bytes each), not
 * a pointer per page of RAM (256 KiB). */
#include "snapshots/pages.h"

#include <glib.h>
#include <string.h>

#define CHUNK_BITS 6
#define CHUNK_PAGES (1u << CHUNK_BITS)

typedef struct Page {
    unsigned ref;
    uint8_t data[EMU_PAGE_SIZE];
} Page;

typedef struct Chunk {
    unsigned ref;
    Page *pages[CHUNK_PAGES];    /* NULL: zeros */
} Chunk;

struct SnapPages {
    unsigned ref;
    size_t npages, nchunks;
    Chunk **chunks;              /* NULL: a chunk of zeros */
    size_t own;                  /* pages this capture copied */
    size_t own_chunks;           /* chunks this capture made */
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

static void chunk_unref(Chunk *c)
{
    if (!c || --c->ref)
        return;
    for (unsigned i = 0; i < CHUNK_PAGES; i++)
        page_unref(c->pages[i]);
    g_free(c);
}

static SnapPages *pages_new(size_t npages)
{
    SnapPages *p = g_new0(SnapPages, 1);
    p->ref = 1;
    p->npages = npages;
    p->nchunks = (npages + CHUNK_PAGES - 1) >> CHUNK_BITS;
    p->chunks = g_new0(Chunk *, p->nchunks);
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
    for (size_t i = 0; i < p->nchunks; i++)
        chunk_unref(p->chunks[i]);
    g_free(p->chunks);
    g_free(p);
}

static Page *page_of(const SnapPages *p, size_t index)
{
    const Chunk *c = p->chunks[index >> CHUNK_BITS];
    return c ? c->pages[index & (CHUNK_PAGES - 1)] : NULL;
}

size_t snap_pages_own_bytes(const SnapPages *p) { return p->own * sizeof(Page); }
size_t snap_pages_count(const SnapPages *p) { return p->npages; }

size_t snap_pages_map_bytes(const SnapPages *p)
{
    return sizeof *p + p->nchunks * sizeof(Chunk *) + p->own_chunks * sizeof(Chunk);
}

const uint8_t *snap_pages_data(const SnapPages *p, size_t index)
{
    if (index >= p->npages)
        return NULL;
    const Page *page = page_of(p, index);
    return page ? page->data : NULL;
}

size_t snap_pages_new_copies(const SnapPages *prev, const SnapPages *p)
{
    size_t n = 0;
    for (size_t c = 0; c < p->nchunks; c++) {
        const Chunk *mine = p->chunks[c], *theirs = prev ? prev->chunks[c] : NULL;
        if (!mine || mine == theirs)
            continue;
        for (unsigned i = 0; i < CHUNK_PAGES; i++)
            n += mine->pages[i] && (!theirs || mine->pages[i] != theirs->pages[i]);
    }
    return n;
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

/* p's chunk c, made p's own to write into: a new chunk of zeros, or a
 * copy of a shared one. */
static Chunk *own_chunk(SnapPages *p, size_t c)
{
    Chunk *old = p->chunks[c];
    if (old && old->ref == 1)
        return old;
    Chunk *mine = g_new0(Chunk, 1);
    mine->ref = 1;
    if (old) {
        for (unsigned i = 0; i < CHUNK_PAGES; i++)
            if ((mine->pages[i] = old->pages[i]))
                mine->pages[i]->ref++;
        old->ref--;
    }
    p->chunks[c] = mine;
    p->own_chunks++;
    return mine;
}

SnapPages *snap_ram_capture(SnapRam *r)
{
    SnapPages *p = pages_new(r->base->npages);
    for (size_t c = 0; c < p->nchunks; c++)
        if ((p->chunks[c] = r->base->chunks[c]))
            p->chunks[c]->ref++;
    uint64_t *dirty;
    size_t n = emu_mem_written_since(r->mem, r->gen, &dirty);
    for (size_t k = 0; k < n; k++) {
        size_t i = index_of(r, dirty[k]);
        Chunk *c = own_chunk(p, i >> CHUNK_BITS);
        Page *copy = g_new(Page, 1);
        copy->ref = 1;
        memcpy(copy->data, emu_mem_page_for_read(r->mem, dirty[k]), EMU_PAGE_SIZE);
        page_unref(c->pages[i & (CHUNK_PAGES - 1)]);
        c->pages[i & (CHUNK_PAGES - 1)] = copy;
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
    for (size_t c = 0; c < p->nchunks; c++) {
        size_t first = (size_t)c << CHUNK_BITS, last = MIN(first + CHUNK_PAGES, p->npages);
        bool same_chunk = p->chunks[c] == r->base->chunks[c];
        for (size_t i = first; i < last; i++) {
            bool written = k < n && index_of(r, dirty[k]) == i;
            if (written)
                k++;
            else if (same_chunk)
                continue;                /* neither written nor different */
            Page *want = page_of(p, i);
            if (written || want != page_of(r->base, i)) {
                put_page(r, i, want);
                rewritten++;
            }
        }
    }
    g_free(dirty);
    rebase(r, p);
    return rewritten;
}
