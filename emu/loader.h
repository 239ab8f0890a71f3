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
} EmuImageInfo;

/* Load the PT_LOAD segments of an AArch64 little-endian ELF executable at
 * their physical addresses (p_paddr, as QEMU does), zero-filling to
 * p_memsz. A segment must overlap RAM (the part outside is dropped, as on
 * QEMU) and the entry point must be in RAM. On failure nothing useful is
 * in RAM and *err says what was wrong with which file (and segment). */
bool emu_load_elf(EmuMem *mem, const char *path, EmuImageInfo *info, GError **err)
    __attribute__((warn_unused_result));

#endif
