/* emu/a64_simd.c — (being written) */
#include "emu/internal.h"

const EmuInsnPattern emu_a64_simd_table[] = {
    { 0 },
};
