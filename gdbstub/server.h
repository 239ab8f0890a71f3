/* gdbstub/server.h — the gdb stub: listens (gdbstub/transport.h), frames
 * packets (gdbstub/packet.h), answers them (gdbstub/commands.h) on a
 * target (gdbstub/target.h). One client at a time; when it disconnects or
 * detaches, the machine stays where it is and the next one attaches.
 *
 *   GdbServer *s = gdb_server_new("tcp::1234", target, &err);
 *   gdb_server_run(s, &err);     // until gdb kills the session
 */
#ifndef GDBSTUB_SERVER_H
#define GDBSTUB_SERVER_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "gdbstub/target.h"

typedef struct GdbServer GdbServer;

/* Listen on `spec` (tcp::PORT, tcp:HOST:PORT, unix:PATH; port 0: any free
 * one). `target` stays the caller's. */
GdbServer *gdb_server_new(const char *spec, GdbTarget *target, GError **err)
    __attribute__((warn_unused_result));
void gdb_server_free(GdbServer *s);

/* Where it listens: "127.0.0.1:1234" or the socket path. */
const char *gdb_server_address(const GdbServer *s);

/* Serve until gdb kills the session (`k`): true; false with *err if the
 * listener fails. */
/* Serve one client only (a stub started from rewind's prompt): run
 * returns when it kills, detaches or disconnects, or, before one has
 * connected, when `stop` (if any, asked every 100 ms) says so. */
void gdb_server_set_once(GdbServer *s, bool (*stop)(void *opaque), void *opaque);

bool gdb_server_run(GdbServer *s, GError **err) __attribute__((warn_unused_result));

#endif
