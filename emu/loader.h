/* emu/loader.h — loading guest images into guest RAM. */
#ifndef EMU_LOADER_H
#define EMU_LOADER_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "emu/mem.h"

typedef struct EmuImageInfo {
    uint64_t entry;
    uint64_t low, high;      /* lowest and one-past-highest loaded address */
    char *warning;           /* NULL, or a sentence about what was ignored;
                              * the caller g_free()s it */
} EmuImageInfo;

/* Load the PT_LOAD segments of an AArch64 little-endian ELF executable at
 * their physical addresses (p_paddr, as QEMU does), zero-filling to
 * p_memsz. A segment must overlap RAM (the part outside is dropped, as on
 * QEMU) and the entry point must be in RAM. A read-only, non-executable
 * segment wholly inside the flash window (below 0x08000000, where QEMU
 * would load it into flash) is ignored with info->warning set. On failure nothing useful is
 * in RAM and *err says what was wrong with which file (and segment). */
bool emu_load_elf(EmuMem *mem, const char *path, EmuImageInfo *info, GError **err)
    __attribute__((warn_unused_result));

#endif
