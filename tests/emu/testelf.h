/* tests/emu/testelf.h — write small ELF64 executables for loader and
 * machine tests. */
#ifndef TESTS_EMU_TESTELF_H
#define TESTS_EMU_TESTELF_H

#include <stddef.h>
#include <stdint.h>

/* Write DIR/NAME: an ELF64 little-endian executable for `machine` (183 is
 * AArch64) with one PT_LOAD of `payload` at `paddr` (also the entry point),
 * p_memsz = len + bss. Returns the path (g_free it). */
char *testelf_write(const char *dir, const char *name, uint16_t machine, uint64_t paddr,
                    const void *payload, size_t len, size_t bss);

#endif
