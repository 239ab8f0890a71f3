/* replay/statehash.h — the machine-state hashes that sync events carry
 * (replay/FORMAT.md, "Sync events"): computed the same way when recording
 * and when replaying, compared to find where a replay left the recording. */
#ifndef REPLAY_STATEHASH_H
#define REPLAY_STATEHASH_H

#include <stddef.h>
#include <stdint.h>

#include "emu/cpu.h"
#include "emu/mem.h"
#include "replay/log.h"

/* FORMAT.md's statehash of `len` bytes (a multiple of 8). */
uint64_t rr_statehash(const void *data, size_t len);

typedef struct RrStateHash {
    uint64_t cpu;                 /* every emu_cpu_state_reg value, in order */
    uint64_t ram;                 /* the pages written since a generation */
    uint64_t pages;               /* how many of them */
    uint8_t regs[RR_SYNC_REGS];   /* low byte of each register's statehash */
} RrStateHash;

/* The hashes of the CPU's state and of the RAM pages written in generation
 * `since` or later (emu_mem_written_since). */
void rr_state_hash(const EmuCpu *cpu, EmuMem *mem, uint32_t since, RrStateHash *out);

/* A group fingerprint: the low 32 bits of the statehash of X0..X30, SP_EL0,
 * SP_EL1, PC and PSTATE (the first 35 state registers). */
uint32_t rr_group_fingerprint(const EmuCpu *cpu);

/* The registers whose digest bytes differ between two hashes: calls
 * `found` with each one's state-register index (emu_cpu_state_reg_name
 * names it), in order; returns how many. */
size_t rr_state_hash_diff(const RrStateHash *a, const RrStateHash *b,
                          void (*found)(void *opaque, size_t reg), void *opaque);

#endif
