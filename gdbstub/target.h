/* gdbstub/target.h — the target operations gdb's packets ask for, as a
 * thin adapter over the time-travel engine (replay/travel.h): registers
 * and memory of the machine where the engine is, breakpoints and
 * watchpoints, and running forwards or backwards to the next stop.
 *
 * A replay cannot be changed: register and memory writes are refused (the
 * command layer replies with an error, which gdb reports).
 */
#ifndef GDBSTUB_TARGET_H
#define GDBSTUB_TARGET_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "replay/travel.h"

typedef struct GdbTarget GdbTarget;

/* `t` and `m` stay the caller's. */
GdbTarget *gdb_target_new(RrTravel *t, EmuMachine *m);
void gdb_target_free(GdbTarget *g);

RrTravel *gdb_target_travel(GdbTarget *g);
EmuMachine *gdb_target_machine(GdbTarget *g);

bool gdb_target_read_mem(GdbTarget *g, uint64_t addr, void *buf, size_t len);
/* Writes: only while recording, at its frontier, where the engine logs
 * them so that the recording replays (replay/travel.h); false elsewhere
 * (a replay cannot change), changing nothing. Register n as tdesc.h
 * numbers them, `len` bytes little-endian. */
bool gdb_target_write_mem(GdbTarget *g, uint64_t addr, const void *buf, size_t len);
bool gdb_target_write_reg(GdbTarget *g, unsigned n, const uint8_t *bytes, size_t len);

/* Z/z packet types. */
typedef enum GdbPoint {
    GDB_SW_BREAK, GDB_HW_BREAK, GDB_WATCH_WRITE, GDB_WATCH_READ, GDB_WATCH_ACCESS,
} GdbPoint;
/* Insert or remove a breakpoint (len: gdb's kind, ignored) or a watchpoint
 * over [addr, addr + len). False: not supported, or no such point. */
bool gdb_target_insert(GdbTarget *g, GdbPoint type, uint64_t addr, uint64_t len);
bool gdb_target_remove(GdbTarget *g, GdbPoint type, uint64_t addr, uint64_t len);

typedef enum GdbStopWhy {
    GDB_STOP_STEP,               /* a single step done */
    GDB_STOP_POINT,              /* at a breakpoint or watchpoint */
    GDB_STOP_ICOUNT,             /* at the icount of `replay_break` */
    GDB_STOP_BEGIN,              /* the start of the recording: nothing before */
    GDB_STOP_END,                /* the end of the recording */
    GDB_STOP_INTERRUPT,          /* Ctrl-C */
    GDB_STOP_ERROR,              /* see `error` */
} GdbStopWhy;

typedef struct GdbStop {
    GdbStopWhy why;
    GdbPoint point;              /* POINT: which kind was hit */
    uint64_t addr;               /* POINT, a watchpoint: the access's address */
    char *error;                 /* ERROR: g_free'd by the caller */
} GdbStop;

/* Run: one instruction (`step`) or to the next stop, forwards or
 * backwards. `interrupted` is polled during long runs (Ctrl-C from gdb);
 * NULL: never. A watchpoint stop is left where gdb expects it on AArch64
 * (whose watchpoints stop before the access, gdb then stepping over the
 * instruction in the direction it runs): going forwards, before the
 * accessing instruction; backwards, after it. */
void gdb_target_resume(GdbTarget *g, bool reverse, bool step, bool (*interrupted)(void *opaque),
                       void *opaque, GdbStop *stop);

/* `monitor` commands (qRcmd): the output, one or more lines (g_free).
 * They are the command table's (cli_commands_monitor, replay_break
 * included), which the caller passes so that gdb's monitor, the prompt and
 * scripts share one table; without one, every command is unknown. */
typedef char *(*GdbMonitorFn)(void *opaque, const char *line);
void gdb_target_set_monitor(GdbTarget *g, GdbMonitorFn fn, void *opaque);
char *gdb_target_monitor(GdbTarget *g, const char *command);

#endif
