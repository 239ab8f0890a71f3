/* emu/a64_fp.c — (being written) */
#include "emu/internal.h"

const EmuInsnPattern emu_a64_fp_table[] = {
    { 0 },
};
