/* tests/emu/harness.h — a bare CPU and RAM for instruction-level tests.
 *
 *   Harness *h = harness_new();
 *   harness_code(h, (uint32_t[]){ 0x91000420 }, 1);  // add x0, x1, #1
 *   h->cpu ... emu_cpu_set_x(h->cpu, 1, 41);
 *   cr_assert_eq(harness_run(h, 1), 1);
 *   cr_assert_eq(emu_cpu_x(h->cpu, 0), 42);
 *
 * Code goes at HARNESS_CODE; HARNESS_DATA is free RAM for memory operands.
 * The CPU starts at EL1h with FP/SIMD enabled (CPACR_EL1.FPEN = 3), SP at
 * HARNESS_STACK, VBAR_EL1 at HARNESS_VBAR, where every vector entry is
 * "b ." so that a taken exception parks at its vector: tests check pc,
 * ELR_EL1 and ESR_EL1. harness_vector(h, off) is the address of the entry
 * at offset `off` (0x200 + 0x000: synchronous from the current EL).
 */
#ifndef TESTS_EMU_HARNESS_H
#define TESTS_EMU_HARNESS_H

#include <stdint.h>

#include "emu/cpu.h"
#include "emu/internal.h"
#include "emu/mem.h"

#define HARNESS_RAM   0x40000000ull
#define HARNESS_SIZE  (16ull << 20)
#define HARNESS_CODE  0x40000000ull
#define HARNESS_VBAR  0x40100000ull
#define HARNESS_DATA  0x40200000ull
#define HARNESS_STACK 0x40f00000ull

typedef struct Harness {
    EmuMem *mem;
    EmuCpu *cpu;
} Harness;

Harness *harness_new(void);
void harness_free(Harness *h);
/* Copy `n` instruction words to HARNESS_CODE and reset pc there. */
void harness_code(Harness *h, const uint32_t *words, unsigned n);
/* Run up to n instructions; returns how many retired. */
uint64_t harness_run(Harness *h, uint64_t n);
/* Read/write memory at a physical address (asserts on failure). */
uint64_t harness_read64(Harness *h, uint64_t pa);
void harness_write64(Harness *h, uint64_t pa, uint64_t v);
void harness_write(Harness *h, uint64_t pa, const void *buf, size_t len);
void harness_read(Harness *h, uint64_t pa, void *buf, size_t len);
/* ESR_EL1 / ELR_EL1 after an exception. */
uint64_t harness_esr(Harness *h);
uint64_t harness_elr(Harness *h);
#define harness_vector(off) (HARNESS_VBAR + (off))

#endif
