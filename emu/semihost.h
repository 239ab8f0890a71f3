/* emu/semihost.h — Arm semihosting (A64: HLT #0xf000, operation in w0,
 * parameter block address in x1, result in x0).
 *
 * Supported: SYS_OPEN (":tt" only), SYS_CLOSE, SYS_WRITEC, SYS_WRITE0,
 * SYS_WRITE, SYS_READ, SYS_READC, SYS_ISTTY, SYS_SEEK, SYS_FLEN,
 * SYS_ISERROR, SYS_ERRNO, SYS_GET_CMDLINE, SYS_HEAPINFO, SYS_CLOCK,
 * SYS_ELAPSED, SYS_TICKFREQ, SYS_EXIT, SYS_EXIT_EXTENDED. Host files are
 * never opened: their contents would be an unrecorded input. Clocks derive
 * from the instruction count.
 */
#ifndef EMU_SEMIHOST_H
#define EMU_SEMIHOST_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/cpu.h"

/* The board's side of semihosting, embedded in the board. */
typedef struct EmuSemihost {
    void (*output)(void *opaque, const uint8_t *buf, size_t len);
    /* The guest asked to exit with `status`. */
    void (*exit)(void *opaque, int status);
    void *opaque;
    const char *cmdline;     /* what SYS_GET_CMDLINE returns; may be NULL */
    int last_errno;          /* what SYS_ERRNO returns */
} EmuSemihost;

/* Handle one semihosting call on `cpu`. `ticks` is the counter's value now
 * and `tick_hz` its frequency. Returns true: every call is handled
 * (unknown operations return -1 in x0). */
bool emu_semihost_call(EmuSemihost *sh, EmuCpu *cpu, uint64_t ticks, uint64_t tick_hz);

#endif
