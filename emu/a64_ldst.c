/* emu/a64_ldst.c — (being written) */
#include "emu/internal.h"

const EmuInsnPattern emu_a64_ldst_table[] = {
    { 0 },
};
