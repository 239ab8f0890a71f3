/* snapshots/store.c — see store.h. */
#include "snapshots/store.h"

#include <string.h>
#include <unistd.h>

/* A page copy as the heap holds it: 4 KiB, its refcount, malloc's header. */
#define PAGE_COST (EMU_PAGE_SIZE + 16)
/* A snapshot's own struct, its GBytes and their malloc headers. */
#define STATE_OVERHEAD 128

typedef struct Entry {
    uint64_t icount;
    SnapState *s;                /* the store's reference */
    size_t runs;                 /* pages (not zeros) whose copy differs from the
                                  * previous entry's: a run of one copy starts here */
    size_t fixed;                /* vmstate, page map, overhead */
} Entry;

struct SnapStore {
    uint64_t interval, budget;
    GArray *entries;             /* Entry, in increasing icount, no two equal */
    uint64_t present;
    uint64_t window;             /* never shrinks */
    uint64_t pages;              /* sum of runs: distinct page copies kept alive */
    uint64_t fixed;              /* sum of fixed */
};

#define ENTRY(st, i) (&g_array_index((st)->entries, Entry, (i)))

static uint64_t host_ram(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? (uint64_t)pages * (uint64_t)size : 4ull << 30;
}

uint64_t snap_store_default_budget(void)
{
    uint64_t b = host_ram() / 4;
    return CLAMP(b, 64ull << 20, 8ull << 30);
}

bool snap_store_parse_budget(const char *text, uint64_t *bytes, GError **err)
{
    const char *p = text;
    uint64_t n = 0;
    bool digits = false, overflow = false;
    for (; g_ascii_isdigit(*p); p++, digits = true) {
        if (n > (UINT64_MAX - 9) / 10)
            overflow = true;
        n = n * 10 + (uint64_t)(*p - '0');
    }
    uint64_t value = 0;
    if (digits && !overflow && p[0] == '%' && !p[1]) {
        if (n >= 1 && n <= 100)
            value = host_ram() / 100 * n;
    } else if (digits && !overflow) {
        static const char units[] = "KMGT";
        const char *u = *p ? strchr(units, g_ascii_toupper(*p)) : NULL;
        unsigned shift = u ? 10 * (unsigned)(u - units + 1) : 0;
        if (u)
            p++;
        if (u && g_ascii_strcasecmp(p, "iB") == 0)
            p += 2;
        else if (g_ascii_toupper(*p) == 'B')
            p++;
        if (!*p && n <= UINT64_MAX >> shift)
            value = n << shift;
    }
    if (value == 0) {
        g_set_error(err, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "snapshot budget '%s': expected bytes with an optional K, M, G or T "
                    "suffix (512M) or a percentage of host RAM from 1%% to 100%% (25%%)", text);
        return false;
    }
    *bytes = value;
    return true;
}

SnapStore *snap_store_new(const SnapStoreConfig *cfg)
{
    SnapStore *st = g_new0(SnapStore, 1);
    st->interval = cfg && cfg->interval ? cfg->interval : SNAP_STORE_DEFAULT_INTERVAL;
    st->budget = cfg && cfg->budget_bytes ? cfg->budget_bytes : snap_store_default_budget();
    st->window = st->interval;
    st->entries = g_array_new(false, false, sizeof(Entry));
    return st;
}

void snap_store_free(SnapStore *st)
{
    if (!st)
        return;
    for (guint i = 0; i < st->entries->len; i++)
        snap_state_unref(ENTRY(st, i)->s);
    g_array_free(st->entries, true);
    g_free(st);
}

uint64_t snap_store_interval(const SnapStore *st) { return st->interval; }
uint64_t snap_store_budget(const SnapStore *st) { return st->budget; }
uint64_t snap_store_window(const SnapStore *st) { return st->window; }
size_t snap_store_count(const SnapStore *st) { return st->entries->len; }

uint64_t snap_store_bytes(const SnapStore *st)
{
    return st->pages * PAGE_COST + st->fixed;
}

/* Index of the first entry after `icount` (the count if none). */
static size_t upper_bound(const SnapStore *st, uint64_t icount)
{
    size_t lo = 0, hi = st->entries->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ENTRY(st, mid)->icount <= icount)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

SnapState *snap_store_find(const SnapStore *st, uint64_t icount)
{
    size_t i = upper_bound(st, icount);
    return i ? ENTRY(st, i - 1)->s : NULL;
}

bool snap_store_due(const SnapStore *st, uint64_t icount)
{
    size_t i = upper_bound(st, icount);
    return i == 0 || icount - ENTRY(st, i - 1)->icount >= st->interval;
}

uint64_t snap_store_next_due(const SnapStore *st, uint64_t icount)
{
    /* Each step lands past one more entry, so this ends after at most
     * count steps. */
    uint64_t t = icount;
    for (;;) {
        size_t i = upper_bound(st, t);
        if (i == 0 || t - ENTRY(st, i - 1)->icount >= st->interval)
            return t;
        uint64_t next = ENTRY(st, i - 1)->icount + st->interval;
        if (next < t)
            return UINT64_MAX;          /* past the end of time */
        t = next;
    }
}

/* Pages of `b` that are not zeros and not the same copy as in `a` (NULL:
 * every page of b that is not zeros). */
static size_t runs_between(const SnapState *a, const SnapState *b)
{
    return snap_pages_new_copies(a ? snap_state_pages(a) : NULL, snap_state_pages(b));
}

static size_t fixed_bytes(SnapState *s)
{
    return g_bytes_get_size(snap_state_vmstate(s)) + snap_pages_map_bytes(snap_state_pages(s))
         + STATE_OVERHEAD;
}

/* Recount entry i's runs against the entry now before it. */
static void recount(SnapStore *st, size_t i)
{
    Entry *e = ENTRY(st, i);
    st->pages -= e->runs;
    e->runs = runs_between(i ? ENTRY(st, i - 1)->s : NULL, e->s);
    st->pages += e->runs;
}

static void remove_entry(SnapStore *st, size_t i)
{
    Entry *e = ENTRY(st, i);
    st->pages -= e->runs;
    st->fixed -= e->fixed;
    snap_state_unref(e->s);
    g_array_remove_index(st->entries, i);
    if (i < st->entries->len)
        recount(st, i);
}

/* The entries [*lo, *hi) are the SNAP_STORE_KEEP_RECENT nearest the present. */
static void nearest_present(const SnapStore *st, size_t *lo, size_t *hi)
{
    size_t n = st->entries->len, a = upper_bound(st, st->present), b = a;
    if (a && ENTRY(st, a - 1)->icount == st->present)
        a--;                        /* the present itself is nearest */
    while (b - a < SNAP_STORE_KEEP_RECENT && (a > 0 || b < n)) {
        if (a == 0)
            b++;
        else if (b == n)
            a--;
        else if (st->present - ENTRY(st, a - 1)->icount <= ENTRY(st, b)->icount - st->present)
            a--;
        else
            b++;
    }
    *lo = a;
    *hi = b;
}

#define NONE SIZE_MAX

/* The entry thinning drops next (NONE if none may go): of those not
 * protected, the smallest gap its removal leaves relative to its distance
 * from the present. With `window` 0 the window protects nothing. */
static size_t pick_victim(const SnapStore *st, uint64_t window)
{
    size_t n = st->entries->len, lo, hi, best = NONE;
    double best_score = 0;
    nearest_present(st, &lo, &hi);
    for (size_t i = 1; i + 1 < n; i++) {
        if (i >= lo && i < hi)
            continue;
        uint64_t gap = ENTRY(st, i + 1)->icount - ENTRY(st, i - 1)->icount;
        if (window && gap > window)
            continue;
        uint64_t t = ENTRY(st, i)->icount;
        uint64_t dist = t > st->present ? t - st->present : st->present - t;
        double score = (double)gap / ((double)dist + (double)st->interval);
        if (best == NONE || score < best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

/* The window for the store as it is now (see store.h): span / (n / 2),
 * n the snapshots the budget holds at their mean size. */
static uint64_t window_now(const SnapStore *st)
{
    size_t n = st->entries->len;
    uint64_t span = ENTRY(st, n - 1)->icount - ENTRY(st, 0)->icount;
    uint64_t mean = snap_store_bytes(st) / n;
    uint64_t fit = mean ? st->budget / mean : n;
    uint64_t half = MAX(fit / 2, 1);
    uint64_t w = span / half + (span % half != 0);
    return MAX(w, st->interval);
}

static void thin(SnapStore *st)
{
    while (snap_store_bytes(st) > st->budget && st->entries->len > 2) {
        st->window = MAX(st->window, window_now(st));
        size_t victim = pick_victim(st, st->window);
        if (victim == NONE) {
            /* The window protects too much for the budget: widen it, as
             * long as that can free anything. */
            uint64_t span = ENTRY(st, st->entries->len - 1)->icount - ENTRY(st, 0)->icount;
            if (st->window >= span || pick_victim(st, 0) == NONE)
                return;
            st->window = st->window > UINT64_MAX / 2 ? UINT64_MAX : st->window * 2;
            continue;
        }
        remove_entry(st, victim);
    }
}

bool snap_store_add(SnapStore *st, SnapState *s)
{
    uint64_t t = snap_state_icount(s);
    size_t i = upper_bound(st, t);
    st->present = t;
    if (i && ENTRY(st, i - 1)->icount == t)
        return false;
    if (st->entries->len)
        g_assert(snap_pages_count(snap_state_pages(s))
                 == snap_pages_count(snap_state_pages(ENTRY(st, 0)->s)));
    Entry e = { .icount = t, .s = snap_state_ref(s), .fixed = fixed_bytes(s) };
    g_array_insert_val(st->entries, i, e);
    st->fixed += e.fixed;
    recount(st, i);
    if (i + 1 < st->entries->len)
        recount(st, i + 1);
    thin(st);
    return true;
}

size_t snap_store_drop_after(SnapStore *st, uint64_t icount)
{
    size_t keep = upper_bound(st, icount), dropped = st->entries->len - keep;
    while (st->entries->len > keep)
        remove_entry(st, st->entries->len - 1);
    st->present = MIN(st->present, icount);
    return dropped;
}

SnapStoreInfo snap_store_info(const SnapStore *st, size_t i)
{
    g_assert(i < st->entries->len);
    const Entry *e = ENTRY(st, i);
    size_t pages = e->runs;
    if (i + 1 < st->entries->len) {
        const Entry *next = ENTRY(st, i + 1);
        pages += next->runs;
        pages -= runs_between(i ? ENTRY(st, i - 1)->s : NULL, next->s);
    }
    return (SnapStoreInfo){ .icount = e->icount, .own_bytes = snap_state_own_bytes(e->s),
                            .frees = pages * PAGE_COST + e->fixed, .state = e->s };
}
