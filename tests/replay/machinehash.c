/* tests/replay/machinehash.c — see machinehash.h. */
#include "tests/replay/machinehash.h"

#include <glib.h>
#include <string.h>

void machine_hash(EmuMachine *m, RrStateHash *h)
{
    EmuMem *mem = emu_machine_mem(m);
    rr_state_hash(emu_machine_cpu(m), mem, UINT32_MAX, h);
    uint64_t *pages;
    size_t n = emu_mem_written_since(mem, 1, &pages);
    static const uint8_t zero[EMU_PAGE_SIZE];
    GByteArray *all = g_byte_array_new();
    h->pages = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = emu_mem_page_for_read(mem, pages[i]);
        if (memcmp(p, zero, sizeof zero) == 0)
            continue;
        g_byte_array_append(all, (const uint8_t *)&pages[i], 8);
        g_byte_array_append(all, p, EMU_PAGE_SIZE);
        h->pages++;
    }
    h->ram = rr_statehash(all->data, all->len);
    g_byte_array_unref(all);
    g_free(pages);
}

bool machine_hash_equal(const RrStateHash *a, const RrStateHash *b)
{
    return a->cpu == b->cpu && a->ram == b->ram && a->pages == b->pages;
}
