/* emu/a64_dp.c — (being written) */
#include "emu/internal.h"

const EmuInsnPattern emu_a64_dp_imm_table[] = {
    { 0 },
};
const EmuInsnPattern emu_a64_dp_reg_table[] = {
    { 0 },
};
