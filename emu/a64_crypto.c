/* emu/a64_crypto.c — the ARMv8.0 Cryptographic Extension (being written). */
#include "emu/internal.h"

const EmuInsnPattern emu_a64_crypto_table[] = {
    { 0 },
};
