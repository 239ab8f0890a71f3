/* replay/statehash.c — see statehash.h. */
#include "replay/statehash.h"

#include <glib.h>
#include <string.h>

/* The first state registers that a group fingerprint covers: X0..X30,
 * SP_EL0, SP_EL1, PC, PSTATE. */
#define FINGERPRINT_REGS 35

static uint64_t digest64(GChecksum *sum)
{
    uint8_t d[32];
    gsize len = sizeof d;
    g_checksum_get_digest(sum, d, &len);
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++)
        v |= (uint64_t)d[i] << (8 * i);
    return v;
}

/* hash64 of the first `n` state registers' values, concatenated. */
static uint64_t regs_hash(const EmuCpu *cpu, size_t n, uint8_t *digests)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    for (size_t i = 0; i < n; i++) {
        uint8_t val[32];
        size_t len = emu_cpu_state_reg(cpu, i, val);
        g_checksum_update(sum, val, (gssize)len);
        if (digests && i < RR_SYNC_REGS)
            digests[i] = (uint8_t)rr_hash64(val, len);
    }
    uint64_t v = digest64(sum);
    g_checksum_free(sum);
    return v;
}

void rr_state_hash(const EmuCpu *cpu, EmuMem *mem, uint32_t since, RrStateHash *out)
{
    memset(out, 0, sizeof *out);
    out->cpu = regs_hash(cpu, emu_cpu_state_reg_count(), out->regs);

    uint64_t *pages;
    size_t n = emu_mem_written_since(mem, since, &pages);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    for (size_t i = 0; i < n; i++) {
        uint8_t addr[8];
        for (unsigned k = 0; k < 8; k++)
            addr[k] = (uint8_t)(pages[i] >> (8 * k));
        g_checksum_update(sum, addr, sizeof addr);
        g_checksum_update(sum, emu_mem_page_for_read(mem, pages[i]), EMU_PAGE_SIZE);
    }
    out->ram = digest64(sum);
    out->pages = n;
    g_checksum_free(sum);
    g_free(pages);
}

uint32_t rr_group_fingerprint(const EmuCpu *cpu)
{
    return (uint32_t)regs_hash(cpu, FINGERPRINT_REGS, NULL);
}

size_t rr_state_hash_diff(const RrStateHash *a, const RrStateHash *b,
                          void (*found)(void *opaque, size_t reg), void *opaque)
{
    size_t n = 0;
    for (size_t i = 0; i < RR_SYNC_REGS; i++) {
        if (a->regs[i] != b->regs[i]) {
            n++;
            if (found)
                found(opaque, i);
        }
    }
    return n;
}
