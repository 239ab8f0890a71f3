/* gdbstub/transport.h — where gdb connects: a listening socket (TCP or
 * unix) and at most one connection on it at a time. Bytes only; framing is
 * gdbstub/packet.h's.
 *
 * Addresses, as rewind's -gdb option takes them (QEMU's spelling):
 *
 *   tcp::PORT       127.0.0.1:PORT (loopback only: a gdb stub executes
 *                   whatever it is told, so it is not offered to the network
 *                   unless asked for)
 *   tcp:HOST:PORT   HOST a name, an IPv4 address or a bracketed IPv6 one
 *                   ("tcp:0.0.0.0:1234", "tcp:[::1]:1234")
 *   unix:PATH       a unix stream socket at PATH; a stale socket there is
 *                   replaced, any other file is not. Removed on free.
 *
 * PORT is decimal, 0..65535; 0 asks the kernel for a free port, which
 * gdb_transport_port() then tells.
 *
 * While a client is connected, the listener stays open and a second client
 * is accepted and closed at once (it sees the connection closed rather
 * than hanging in the backlog). When the client goes, the next poll waits
 * for a new one. The connection is non-blocking; TCP has Nagle off.
 */
#ifndef GDBSTUB_TRANSPORT_H
#define GDBSTUB_TRANSPORT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GDB_TRANSPORT_ERROR gdb_transport_error_quark()
GQuark gdb_transport_error_quark(void);

typedef enum GdbTransportError {
    GDB_TRANSPORT_ERROR_SPEC,          /* the address string is not one of the forms above */
    GDB_TRANSPORT_ERROR_LISTEN,        /* resolve, socket, bind or listen failed */
    GDB_TRANSPORT_ERROR_IO,            /* poll or accept failed on the listener */
    GDB_TRANSPORT_ERROR_DISCONNECTED,  /* a write found no client, or the client gone */
} GdbTransportError;

typedef enum GdbTransportKind {
    GDB_TRANSPORT_TCP,
    GDB_TRANSPORT_UNIX,
} GdbTransportKind;

/* A parsed address. The strings are owned by the struct:
 * gdb_transport_spec_clear() frees them. */
typedef struct GdbTransportSpec {
    GdbTransportKind kind;
    char *host;                  /* TCP: as given, brackets removed; "127.0.0.1" for tcp::PORT */
    uint16_t port;               /* TCP */
    char *path;                  /* UNIX */
} GdbTransportSpec;

/* Parse `spec` into *out. Returns false with *err (GDB_TRANSPORT_ERROR_SPEC)
 * naming what is wrong, *out then cleared. Nothing is resolved or opened:
 * the CLI can check its option before it builds a machine. */
bool gdb_transport_spec_parse(const char *spec, GdbTransportSpec *out, GError **err)
    __attribute__((warn_unused_result));
void gdb_transport_spec_clear(GdbTransportSpec *spec);

typedef struct GdbTransport GdbTransport;

/* Parse `spec`, bind and listen. Returns NULL with *err set (SPEC or
 * LISTEN) if the address is malformed, does not resolve, or cannot be
 * bound. */
GdbTransport *gdb_transport_listen(const char *spec, GError **err)
    __attribute__((warn_unused_result));

/* Close the connection and the listener; remove the unix socket file. */
void gdb_transport_free(GdbTransport *t);

/* The bound TCP port (the kernel's choice for port 0); 0 for unix. */
uint16_t gdb_transport_port(const GdbTransport *t);
/* "127.0.0.1:1234", "[::1]:1234" or "unix:/path", for "waiting for gdb
 * on ..." lines. The transport's string. */
const char *gdb_transport_address(const GdbTransport *t);

bool gdb_transport_connected(const GdbTransport *t);
/* The fd a caller's own poll() waits on for this transport: the
 * connection's, or the listener's while there is none. */
int gdb_transport_fd(const GdbTransport *t);

typedef enum GdbTransportEvent {
    GDB_TRANSPORT_NOTHING,       /* the timeout passed (or a signal came, or
                                    only a second client was turned away) */
    GDB_TRANSPORT_CONNECTED,     /* a client was accepted */
    GDB_TRANSPORT_DATA,          /* *n > 0 bytes were read into buf */
    GDB_TRANSPORT_DISCONNECTED,  /* the client closed or failed; listening again */
    GDB_TRANSPORT_FAILED,        /* poll or accept failed: *err set */
} GdbTransportEvent;

/* Wait up to `timeout_ms` (0: do not wait; -1: no limit) for what comes
 * next: without a client, a connection; with one, bytes from it (up to
 * `cap` >= 1, into `buf`, the caller's) or its end. *n is set to the bytes read
 * (0 for other events). May return NOTHING before the timeout. A failed
 * read is a DISCONNECTED, not a FAILED: only the listener's failures
 * are. */
GdbTransportEvent gdb_transport_poll(GdbTransport *t, int timeout_ms, void *buf, size_t cap,
                                     size_t *n, GError **err)
    __attribute__((warn_unused_result));

/* Write all `len` bytes to the client, retrying on EINTR and waiting while
 * the socket is full (at most 30 s without progress). Returns false with
 * *err (DISCONNECTED) if there is no client, or it closed, failed or
 * stalled; the connection is then closed and the listener waits for the
 * next client. */
bool gdb_transport_write(GdbTransport *t, const void *data, size_t len, GError **err)
    __attribute__((warn_unused_result));

/* Close the connection, if any (gdb's 'D' or 'k'); keep listening. */
void gdb_transport_disconnect(GdbTransport *t);

#endif
