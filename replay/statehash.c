/* replay/statehash.c — see statehash.h. */
#include "replay/statehash.h"

#include <glib.h>
#include <string.h>

/* The first state registers that a group fingerprint covers: X0..X30,
 * SP_EL0, SP_EL1, PC, PSTATE. */
#define FINGERPRINT_REGS 35

/* statehash (replay/FORMAT.md): a multiply-xorshift mix over 8-byte
 * little-endian words, fast enough to hash every page a sync interval
 * wrote (SHA-256 cost the recording 4% of its speed). It detects
 * accidental differences; nothing here needs a cryptographic hash. */
#define MIX_K1 0x9e3779b97f4a7c15ull
#define MIX_K2 0xbf58476d1ce4e5b9ull

typedef struct Mix {
    uint64_t h, len;
} Mix;

static void mix_init(Mix *m)
{
    m->h = MIX_K1;
    m->len = 0;
}

/* `len` is a multiple of 8: every piece hashed here is. */
static void mix_words(Mix *m, const uint8_t *p, size_t len)
{
    uint64_t h = m->h;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w = 0;
        for (unsigned k = 0; k < 8; k++)
            w |= (uint64_t)p[i + k] << (8 * k);
        h = (h ^ w) * MIX_K1;
        h ^= h >> 32;
    }
    m->h = h;
    m->len += len;
}

static uint64_t mix_final(const Mix *m)
{
    uint64_t h = m->h ^ m->len;
    h ^= h >> 29;
    h *= MIX_K2;
    return h ^ (h >> 32);
}

uint64_t rr_statehash(const void *data, size_t len)
{
    Mix m;
    mix_init(&m);
    mix_words(&m, data, len);
    return mix_final(&m);
}

/* statehash of the first `n` state registers' values, concatenated, and
 * each one's digest byte. */
static uint64_t regs_hash(const EmuCpu *cpu, size_t n, uint8_t *digests)
{
    Mix m;
    mix_init(&m);
    for (size_t i = 0; i < n; i++) {
        uint8_t val[32];
        size_t len = emu_cpu_state_reg(cpu, i, val);
        mix_words(&m, val, len);
        if (digests && i < RR_SYNC_REGS)
            digests[i] = (uint8_t)rr_statehash(val, len);
    }
    return mix_final(&m);
}

void rr_state_hash(const EmuCpu *cpu, EmuMem *mem, uint32_t since, RrStateHash *out)
{
    memset(out, 0, sizeof *out);
    out->cpu = regs_hash(cpu, emu_cpu_state_reg_count(), out->regs);

    uint64_t *pages;
    size_t n = emu_mem_written_since(mem, since, &pages);
    Mix m;
    mix_init(&m);
    for (size_t i = 0; i < n; i++) {
        uint8_t addr[8];
        for (unsigned k = 0; k < 8; k++)
            addr[k] = (uint8_t)(pages[i] >> (8 * k));
        mix_words(&m, addr, sizeof addr);
        mix_words(&m, emu_mem_page_for_read(mem, pages[i]), EMU_PAGE_SIZE);
    }
    out->ram = mix_final(&m);
    out->pages = n;
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
