/* gdbstub/commands.h — the command table of the gdb remote protocol: one
 * decoded packet payload in, the reply payload out (the packet layer,
 * gdbstub/packet.h, frames both). Every packet gets a reply: an error
 * (`E01`..) for a malformed or refused one, an empty one for a packet this
 * stub does not know, as the protocol says.
 *
 *   GdbCommands *c = gdb_commands_new(target);
 *   GString *reply = g_string_new(NULL);
 *   GdbAction a = gdb_commands_handle(c, payload, len, reply);
 */
#ifndef GDBSTUB_COMMANDS_H
#define GDBSTUB_COMMANDS_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "gdbstub/target.h"

typedef struct GdbCommands GdbCommands;

/* `target` stays the caller's. */
GdbCommands *gdb_commands_new(GdbTarget *target);
void gdb_commands_free(GdbCommands *c);

/* While a continue runs, polled to see whether gdb sent Ctrl-C. */
void gdb_commands_set_interrupt(GdbCommands *c, bool (*interrupted)(void *opaque), void *opaque);

typedef enum GdbAction {
    GDB_ACTION_REPLY,            /* send `reply` */
    GDB_ACTION_REPLY_NOACK,      /* send `reply`, then stop acknowledging (QStartNoAckMode) */
    GDB_ACTION_DETACH,           /* send `reply`; gdb leaves, the stub waits for another */
    GDB_ACTION_KILL,             /* no reply; gdb ends the session */
} GdbAction;

/* Handle one payload (`len` bytes; binary data allowed); the reply payload
 * is appended to `reply`. */
GdbAction gdb_commands_handle(GdbCommands *c, const char *payload, size_t len, GString *reply);

#endif
