/* emu/errors.c — see errors.h. */
#include "emu/errors.h"

G_DEFINE_QUARK(emu-error-quark, emu_error)
