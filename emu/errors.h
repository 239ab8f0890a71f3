/* emu/errors.h — the GError domain of emu/ (loaders, board set-up). */
#ifndef EMU_ERRORS_H
#define EMU_ERRORS_H

#include <glib.h>

#define EMU_ERROR emu_error_quark()
GQuark emu_error_quark(void);

typedef enum EmuError {
    EMU_ERROR_IO,        /* a host file could not be read */
    EMU_ERROR_FORMAT,    /* the file is not what it should be */
    EMU_ERROR_MACHINE,   /* it does not fit this machine */
    EMU_ERROR_CONFIG,    /* a bad machine option */
} EmuError;

#endif
