/* emu/semihost.h — Arm semihosting (A64: HLT #0xf000, operation in w0,
 * parameter block address in x1, result in x0), behaving as QEMU 7.2's
 * qemu-system-aarch64 -semihosting without a semihosting chardev.
 *
 * Supported: SYS_OPEN, SYS_CLOSE, SYS_WRITEC, SYS_WRITE0, SYS_WRITE,
 * SYS_READ, SYS_READC, SYS_ISERROR, SYS_ISTTY, SYS_SEEK, SYS_FLEN,
 * SYS_CLOCK, SYS_TIME, SYS_ERRNO, SYS_GET_CMDLINE, SYS_HEAPINFO, SYS_EXIT,
 * SYS_SYNCCACHE, SYS_EXIT_EXTENDED, SYS_ELAPSED, SYS_TICKFREQ.
 *
 * Files: only QEMU's pseudo-files open. ":tt" is stdin for modes 0-3 ("r"
 * variants), stdout for 4-7 ("w"), stderr for 8-11 ("a");
 * ":semihosting-features" (modes 0 and 1 only) reads "SHFB" and the feature
 * byte (EXIT_EXTENDED | STDOUT_STDERR). Host files are never opened (their
 * contents would be an unrecorded input): SYS_OPEN of any other name fails
 * with ENOENT, after QEMU's own checks of the name. Handles are allocated
 * as QEMU does: the lowest free one from 1.
 *
 * The host streams behind ":tt" are fixed, so runs are deterministic: they
 * behave as on QEMU with stdin, stdout and stderr redirected to files (as
 * tests/guest/run-guests.sh runs it): not terminals (SYS_ISTTY is 0, errno
 * ENOTTY), seekable (SYS_SEEK returns 0), stdin empty (SYS_READ reads
 * nothing); SYS_FLEN is 0 (QEMU: the host file's size at the time). SYS_READC fails (-1): on QEMU it waits forever.
 * Errno values are Linux's, as QEMU passes the host's on.
 */
#ifndef EMU_SEMIHOST_H
#define EMU_SEMIHOST_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/cpu.h"

#define EMU_SEMIHOST_HANDLES 64   /* open handles at once (QEMU: no limit) */

/* The board's side of semihosting, embedded in the board. Zero-initialise,
 * then set the callbacks and values. */
typedef struct EmuSemihost {
    /* The semihosting console (SYS_WRITEC, SYS_WRITE0) and ":tt" opened
     * for append: QEMU's stderr. */
    void (*output)(void *opaque, const uint8_t *buf, size_t len);
    /* ":tt" opened for write: QEMU's stdout. NULL: goes to `output`. */
    void (*stdout_output)(void *opaque, const uint8_t *buf, size_t len);
    /* The guest asked to exit with `status`. */
    void (*exit)(void *opaque, int status);
    /* SYS_TIME: the host's seconds since the epoch; NULL reads as 0. */
    uint64_t (*seconds)(void *opaque);
    void *opaque;
    const char *cmdline;     /* what SYS_GET_CMDLINE returns; NULL is "" */
    /* SYS_HEAPINFO returns heap {heap_base, heap_limit} and stack
     * {heap_limit, heap_base}, as QEMU: the largest gap in RAM between the
     * loaded images. */
    uint64_t heap_base, heap_limit;
    int last_errno;          /* what SYS_ERRNO returns */
    /* Open handles, indexed by handle (0 is never used). */
    struct {
        uint8_t kind;        /* 0: free; see semihost.c */
        uint8_t offset;      /* read position in ":semihosting-features" */
    } handles[EMU_SEMIHOST_HANDLES];
} EmuSemihost;

/* Handle one semihosting call on `cpu`. `ticks` is the clock's value now
 * and `tick_hz` its frequency: SYS_CLOCK, SYS_ELAPSED and SYS_TICKFREQ
 * report it (QEMU reports nanoseconds: 1 GHz). Returns true: every call is
 * handled (unknown operations return -1 in x0; QEMU aborts). */
/* Whether handles[] as restored from a snapshot could have been made by
 * calls (every kind known, every read position inside its file). */
bool emu_semihost_handles_valid(const EmuSemihost *sh);

bool emu_semihost_call(EmuSemihost *sh, EmuCpu *cpu, uint64_t ticks, uint64_t tick_hz);

/* The heap QEMU reports for RAM [ram_base, ram_base + ram_size) holding
 * the loaded ranges `used` (pairs start, end; any order): the largest gap,
 * the lowest of equal ones. Sets sh->heap_base and sh->heap_limit. */
void emu_semihost_set_heap(EmuSemihost *sh, uint64_t ram_base, uint64_t ram_size,
                           const uint64_t (*used)[2], unsigned n_used);

#endif
