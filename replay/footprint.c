/* replay/footprint.c — see footprint.h. */
#include "replay/footprint.h"

#include <glib.h>
#include <string.h>

typedef struct Stretch {
    uint64_t from, to;
    EmuPageWrites *pages;        /* sorted by pa */
    size_t n;
    EmuPageExecs *execs;         /* sorted by pa */
    size_t nexecs;
} Stretch;

struct RrFootprint {
    GArray *stretches;           /* Stretch, by increasing `from` */
    size_t bytes;
    size_t budget;               /* 0: none */
};

static size_t stretch_bytes(const Stretch *s)
{
    return sizeof *s + s->n * sizeof *s->pages + s->nexecs * sizeof *s->execs;
}

/* Union of two arrays sorted by page (entries of `size` bytes, the page
 * address first, then `words` u64 bit words ORed together). */
static void *union_pages(const void *a, size_t na, const void *b, size_t nb, size_t size,
                         size_t words, size_t *n)
{
    size_t total = (na + nb) * size;
    uint8_t *out = g_malloc(total ? total : 1);
    const uint8_t *pa = a, *pb = b;
    size_t i = 0, j = 0, k = 0;
    while (i < na || j < nb) {
        uint64_t x = UINT64_MAX, y = UINT64_MAX;
        if (i < na)
            memcpy(&x, pa + i * size, 8);
        if (j < nb)
            memcpy(&y, pb + j * size, 8);
        uint8_t *o = out + k++ * size;
        if (x <= y) {
            memcpy(o, pa + i++ * size, size);
            if (x == y) {
                for (size_t w = 0; w < words; w++) {
                    uint64_t u, v;
                    memcpy(&u, o + 8 + 8 * w, 8);
                    memcpy(&v, pb + j * size + 8 + 8 * w, 8);
                    u |= v;
                    memcpy(o + 8 + 8 * w, &u, 8);
                }
                j++;
            }
        } else {
            memcpy(o, pb + j++ * size, size);
        }
    }
    *n = k;
    return out;
}

/* a and then b, which starts where a ends, as one stretch (into a). */
static void merge(Stretch *a, const Stretch *b)
{
    size_t n, nx;
    EmuPageWrites *w = union_pages(a->pages, a->n, b->pages, b->n, sizeof *a->pages,
                                   EMU_GRANULES / 64, &n);
    EmuPageExecs *x = union_pages(a->execs, a->nexecs, b->execs, b->nexecs, sizeof *a->execs,
                                  G_N_ELEMENTS(a->execs->slots), &nx);
    g_free(a->pages);
    g_free(a->execs);
    g_free(b->pages);
    g_free(b->execs);
    a->to = b->to;
    a->pages = w;
    a->n = n;
    a->execs = x;
    a->nexecs = nx;
}

/* Over budget: merge neighbours two by two, oldest first; with none,
 * forget the oldest stretch. */
static void keep_budget(RrFootprint *f)
{
    GArray *st = f->stretches;
    while (f->budget && f->bytes > f->budget && st->len) {
        bool merged = false;
        for (guint i = 0; i + 1 < st->len && f->bytes > f->budget; i++) {
            Stretch *a = &g_array_index(st, Stretch, i), *b = a + 1;
            if (a->to != b->from)
                continue;
            f->bytes -= stretch_bytes(a) + stretch_bytes(b);
            merge(a, b);
            f->bytes += stretch_bytes(a);
            g_array_remove_index(st, i + 1);
            merged = true;
        }
        if (!merged) {
            Stretch *a = &g_array_index(st, Stretch, 0);
            f->bytes -= stretch_bytes(a);
            g_free(a->pages);
            g_free(a->execs);
            g_array_remove_index(st, 0);
        }
    }
}

void rr_footprint_set_budget(RrFootprint *f, size_t bytes)
{
    f->budget = bytes;
    keep_budget(f);
}

RrFootprint *rr_footprint_new(void)
{
    RrFootprint *w = g_new0(RrFootprint, 1);
    w->stretches = g_array_new(false, false, sizeof(Stretch));
    return w;
}

void rr_footprint_free(RrFootprint *w)
{
    if (!w)
        return;
    for (guint i = 0; i < w->stretches->len; i++) {
        g_free(g_array_index(w->stretches, Stretch, i).pages);
        g_free(g_array_index(w->stretches, Stretch, i).execs);
    }
    g_array_free(w->stretches, true);
    g_free(w);
}

void rr_footprint_add(RrFootprint *w, uint64_t from, uint64_t to, EmuPageWrites *pages,
                      size_t n, EmuPageExecs *execs, size_t nexecs)
{
    if (from >= to) {
        g_free(pages);
        g_free(execs);
        return;
    }
    guint at = 0;
    while (at < w->stretches->len && g_array_index(w->stretches, Stretch, at).from <= from)
        at++;
    Stretch s = { from, to, pages, n, execs, nexecs };
    g_array_insert_val(w->stretches, at, s);
    w->bytes += stretch_bytes(&s);
    keep_budget(w);
}

/* The entry for the page of `pa` in an array of `n` entries of `size`
 * bytes sorted by their first field, the page's address; NULL if none. */
G_STATIC_ASSERT(G_STRUCT_OFFSET(EmuPageWrites, pa) == 0 && G_STRUCT_OFFSET(EmuPageExecs, pa) == 0);
static const void *find_page(const void *entries, size_t n, size_t size, uint64_t pa)
{
    const uint8_t *base = entries;
    uint64_t page = pa & ~EMU_PAGE_MASK;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint64_t at;
        memcpy(&at, base + mid * size, sizeof at);
        if (at < page)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint64_t at = 0;
    if (lo < n)
        memcpy(&at, base + lo * size, sizeof at);
    return lo < n && at == page ? base + lo * size : NULL;
}

/* The page of `pa` in `s`, or NULL if the stretch did not write it. */
static const EmuPageWrites *page_of(const Stretch *s, uint64_t pa)
{
    return find_page(s->pages, s->n, sizeof *s->pages, pa);
}

/* Whether `s` may have run the word at `pa`. */
static bool ran(const Stretch *s, uint64_t pa)
{
    const EmuPageExecs *x = find_page(s->execs, s->nexecs, sizeof *s->execs, pa);
    unsigned slot = (pa & EMU_PAGE_MASK) >> 2;
    return x && (x->slots[slot / 64] >> (slot % 64) & 1);
}

/* Whether `s` wrote a byte of [pa, pa + len). */
static bool wrote(const Stretch *s, uint64_t pa, uint64_t len)
{
    uint64_t last = pa + len - 1;
    for (uint64_t p = pa & ~EMU_PAGE_MASK; p <= (last & ~EMU_PAGE_MASK); p += EMU_PAGE_SIZE) {
        const EmuPageWrites *pw = page_of(s, p);
        if (!pw)
            continue;
        unsigned g0 = p < pa ? (pa & EMU_PAGE_MASK) >> EMU_GRANULE_BITS : 0;
        unsigned g1 = (last & ~EMU_PAGE_MASK) == p ? (last & EMU_PAGE_MASK) >> EMU_GRANULE_BITS
                                                   : EMU_GRANULES - 1;
        for (unsigned g = g0; g <= g1; g++)
            if (pw->granules[g / 64] >> (g % 64) & 1)
                return true;
    }
    return false;
}

static bool did(const Stretch *s, const RrTouch *t)
{
    return t->exec ? ran(s, t->pa) : wrote(s, t->pa, t->len);
}

/* Whether stretches cover [from, to); with `t`, only those that did not
 * do it count. */
static bool covered(const RrFootprint *w, uint64_t from, uint64_t to, const RrTouch *t)
{
    uint64_t cur = from;
    while (cur < to) {
        uint64_t reach = cur;
        for (guint i = 0; i < w->stretches->len; i++) {
            const Stretch *s = &g_array_index(w->stretches, Stretch, i);
            if (s->from > cur)
                break;
            if (s->to > reach && (!t || !did(s, t)))
                reach = s->to;
        }
        if (reach == cur)
            return false;
        cur = reach;
    }
    return true;
}

/* A touch the index can answer for: a non-empty range, or one word. */
static bool sane(const RrTouch *t)
{
    return t->exec ? !(t->pa & 3) : t->len && t->pa + t->len > t->pa;
}

bool rr_footprint_known(const RrFootprint *w, uint64_t from, uint64_t to)
{
    return covered(w, from, to, NULL);
}

bool rr_footprint_none(const RrFootprint *w, uint64_t from, uint64_t to, const RrTouch *t)
{
    return sane(t) && covered(w, from, to, t);
}

/* The latest stretch holding `at` (from <= at < to), or NULL. */
static const Stretch *holding(const RrFootprint *w, uint64_t at)
{
    const Stretch *best = NULL;
    for (guint i = 0; i < w->stretches->len; i++) {
        const Stretch *s = &g_array_index(w->stretches, Stretch, i);
        if (s->from > at)
            break;
        if (s->to > at && (!best || s->from > best->from))
            best = s;
    }
    return best;
}

/* For one touch: walk back from `to` over stretches that did not do it. */
static void last_one(const RrFootprint *w, uint64_t from, uint64_t to, const RrTouch *t,
                     uint64_t *lo, uint64_t *hi)
{
    uint64_t cur = to;
    if (!sane(t)) {
        *lo = from;
        *hi = to;
        return;
    }
    while (cur > from) {
        /* A stretch that ends at or after cur and did not write the range
         * clears back to its start; the one holding cur - 1 may not. */
        uint64_t back = cur;
        for (guint i = 0; i < w->stretches->len; i++) {
            const Stretch *s = &g_array_index(w->stretches, Stretch, i);
            if (s->from >= cur)
                break;
            if (s->to >= cur && s->from < back && !did(s, t))
                back = s->from;
        }
        if (back == cur)
            break;
        cur = back > from ? back : from;
    }
    *hi = cur;
    if (cur == from) {
        *lo = from;
        return;
    }
    const Stretch *s = holding(w, cur - 1);
    *lo = s && s->from > from ? s->from : from;
}

void rr_footprint_last(const RrFootprint *w, uint64_t from, uint64_t to, const RrTouch *t,
                       size_t n, uint64_t *lo, uint64_t *hi)
{
    *lo = to;
    *hi = from;
    for (size_t i = 0; i < n; i++) {
        uint64_t l, h;
        last_one(w, from, to, &t[i], &l, &h);
        if (h == from)
            continue;
        *hi = h > *hi ? h : *hi;
        *lo = l < *lo ? l : *lo;
    }
    if (*hi == from)
        *lo = from;
}

size_t rr_footprint_bytes(const RrFootprint *w)
{
    return w->bytes;
}
