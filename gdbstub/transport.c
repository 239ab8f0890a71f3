/* gdbstub/transport.c — the listening socket gdb connects to, and its one
 * connection. See transport.h for the contracts. */
#define _GNU_SOURCE             /* accept4 */
#include "gdbstub/transport.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

G_DEFINE_QUARK(gdb-transport-error-quark, gdb_transport_error)

#define SPEC_FORMS    "expected tcp::PORT, tcp:HOST:PORT or unix:PATH"
#define WRITE_STALL_MS 30000
#define UNIX_PATH_MAX (sizeof(((struct sockaddr_un *)0)->sun_path) - 1)

struct GdbTransport {
    GdbTransportSpec spec;
    int listen_fd;
    int conn_fd;                 /* -1 without a client */
    uint16_t port;
    char *address;
    bool unlink_path;            /* we made the unix socket file */
};

/* ---- Addresses ---- */

void gdb_transport_spec_clear(GdbTransportSpec *spec)
{
    g_clear_pointer(&spec->host, g_free);
    g_clear_pointer(&spec->path, g_free);
    spec->port = 0;
    spec->kind = GDB_TRANSPORT_TCP;
}

static bool spec_error(GError **err, const char *spec, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static bool spec_error(GError **err, const char *spec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *why = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_SPEC,
                "gdb address '%s': %s", spec, why);
    g_free(why);
    return false;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s))
            return false;
    return true;
}

static bool parse_port(const char *s, uint16_t *port)
{
    if (!all_digits(s) || strlen(s) > 5)
        return false;
    unsigned long v = strtoul(s, NULL, 10);
    if (v > 65535)
        return false;
    *port = (uint16_t)v;
    return true;
}

static bool parse_tcp(const char *spec, const char *rest, GdbTransportSpec *out, GError **err)
{
    const char *colon = strrchr(rest, ':');
    if (!colon) {
        if (all_digits(rest))
            return spec_error(err, spec, "no host part; for a port on 127.0.0.1 write tcp::%s",
                              rest);
        return spec_error(err, spec, "no port; " SPEC_FORMS);
    }
    const char *port = colon + 1;
    if (!*port)
        return spec_error(err, spec, "no port after the last ':'; " SPEC_FORMS);
    if (!parse_port(port, &out->port))
        return spec_error(err, spec, "port '%s' is not a number 0..65535", port);

    char *host = g_strndup(rest, (size_t)(colon - rest));
    if (host[0] == '[') {
        size_t n = strlen(host);
        if (n < 3 || host[n - 1] != ']') {
            g_free(host);
            return spec_error(err, spec, "an IPv6 host is written [ADDRESS]");
        }
        memmove(host, host + 1, n - 2);
        host[n - 2] = '\0';
    } else if (strchr(host, ':')) {
        g_free(host);
        return spec_error(err, spec, "an IPv6 host goes in brackets: tcp:[ADDRESS]:PORT");
    }
    if (!*host) {
        g_free(host);
        host = g_strdup("127.0.0.1");
    }
    out->kind = GDB_TRANSPORT_TCP;
    out->host = host;
    return true;
}

bool gdb_transport_spec_parse(const char *spec, GdbTransportSpec *out, GError **err)
{
    *out = (GdbTransportSpec){ .kind = GDB_TRANSPORT_TCP };
    if (!spec || !*spec)
        return spec_error(err, "", "empty; " SPEC_FORMS);
    if (g_str_has_prefix(spec, "tcp:"))
        return parse_tcp(spec, spec + 4, out, err);
    if (g_str_has_prefix(spec, "unix:")) {
        const char *path = spec + 5;
        if (!*path)
            return spec_error(err, spec, "no path after unix:");
        if (strlen(path) > UNIX_PATH_MAX)
            return spec_error(err, spec, "the path is %zu bytes long, a unix socket's at most %zu",
                              strlen(path), (size_t)UNIX_PATH_MAX);
        out->kind = GDB_TRANSPORT_UNIX;
        out->path = g_strdup(path);
        return true;
    }
    if (all_digits(spec))
        return spec_error(err, spec, "a bare port; write tcp::%s", spec);
    return spec_error(err, spec, SPEC_FORMS);
}

/* ---- Listening ---- */

static bool listen_error(GError **err, const GdbTransportSpec *s, const char *what, int e)
{
    if (s->kind == GDB_TRANSPORT_UNIX)
        g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN,
                    "gdb: cannot listen on unix:%s: %s: %s", s->path, what, g_strerror(e));
    else
        g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN,
                    "gdb: cannot listen on %s port %u: %s: %s", s->host, s->port, what,
                    g_strerror(e));
    return false;
}

static bool listen_tcp(GdbTransport *t, GError **err)
{
    const GdbTransportSpec *s = &t->spec;
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
        .ai_flags = AI_PASSIVE | AI_NUMERICSERV,
    };
    struct addrinfo *res = NULL;
    char port[8];
    snprintf(port, sizeof port, "%u", s->port);
    int rc = getaddrinfo(s->host, port, &hints, &res);
    if (rc != 0) {
        g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN,
                    "gdb: cannot listen on %s port %u: the host does not resolve: %s",
                    s->host, s->port, gai_strerror(rc));
        return false;
    }
    int e = 0;
    const char *what = "socket";
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                        ai->ai_protocol);
        if (fd < 0) {
            e = errno, what = "socket";
            continue;
        }
        int one = 1;
        (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
            e = errno, what = "bind";
            close(fd);
            continue;
        }
        if (listen(fd, 1) < 0) {
            e = errno, what = "listen";
            close(fd);
            continue;
        }
        t->listen_fd = fd;
        break;
    }
    freeaddrinfo(res);
    if (t->listen_fd < 0)
        return listen_error(err, s, what, e);

    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char host[NI_MAXHOST] = "?";
    if (getsockname(t->listen_fd, (struct sockaddr *)&ss, &sl) == 0) {
        if (ss.ss_family == AF_INET)
            t->port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
        else if (ss.ss_family == AF_INET6)
            t->port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
        (void)getnameinfo((struct sockaddr *)&ss, sl, host, sizeof host, NULL, 0,
                          NI_NUMERICHOST);
    }
    t->address = ss.ss_family == AF_INET6 ? g_strdup_printf("[%s]:%u", host, t->port)
                                          : g_strdup_printf("%s:%u", host, t->port);
    return true;
}

/* A socket file at `path` that nobody accepts on. */
static bool stale_socket(const char *path, struct sockaddr_un *sa)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    bool live = connect(fd, (struct sockaddr *)sa, sizeof *sa) == 0;
    close(fd);
    return !live;
}

static bool listen_unix(GdbTransport *t, GError **err)
{
    const GdbTransportSpec *s = &t->spec;
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    memcpy(sa.sun_path, s->path, strlen(s->path) + 1);   /* length checked by the parser */

    struct stat st;
    if (lstat(s->path, &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN,
                        "gdb: cannot listen on unix:%s: the file exists and is not a socket",
                        s->path);
            return false;
        }
        if (!stale_socket(s->path, &sa)) {
            g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN,
                        "gdb: cannot listen on unix:%s: another program listens there",
                        s->path);
            return false;
        }
        if (unlink(s->path) < 0 && errno != ENOENT)
            return listen_error(err, s, "removing the stale socket", errno);
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return listen_error(err, s, "socket", errno);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int e = errno;
        close(fd);
        return listen_error(err, s, "bind", e);
    }
    t->unlink_path = true;
    if (listen(fd, 1) < 0) {
        int e = errno;
        close(fd);
        return listen_error(err, s, "listen", e);
    }
    t->listen_fd = fd;
    t->address = g_strdup_printf("unix:%s", s->path);
    return true;
}

GdbTransport *gdb_transport_listen(const char *spec, GError **err)
{
    GdbTransport *t = g_new0(GdbTransport, 1);
    t->listen_fd = -1;
    t->conn_fd = -1;
    if (!gdb_transport_spec_parse(spec, &t->spec, err)) {
        gdb_transport_free(t);
        return NULL;
    }
    bool ok = t->spec.kind == GDB_TRANSPORT_UNIX ? listen_unix(t, err) : listen_tcp(t, err);
    if (!ok) {
        gdb_transport_free(t);
        return NULL;
    }
    return t;
}

void gdb_transport_free(GdbTransport *t)
{
    if (!t)
        return;
    gdb_transport_disconnect(t);
    if (t->listen_fd >= 0)
        close(t->listen_fd);
    if (t->unlink_path)
        (void)unlink(t->spec.path);
    gdb_transport_spec_clear(&t->spec);
    g_free(t->address);
    g_free(t);
}

uint16_t gdb_transport_port(const GdbTransport *t) { return t->port; }
const char *gdb_transport_address(const GdbTransport *t) { return t->address; }
bool gdb_transport_connected(const GdbTransport *t) { return t->conn_fd >= 0; }
int gdb_transport_fd(const GdbTransport *t) { return t->conn_fd >= 0 ? t->conn_fd : t->listen_fd; }

void gdb_transport_disconnect(GdbTransport *t)
{
    if (t->conn_fd >= 0) {
        close(t->conn_fd);
        t->conn_fd = -1;
    }
}

/* ---- The connection ---- */

/* Accept a pending client: 1 accepted (into *fd), 0 nothing pending after
 * all, -1 a failure of the listener (*err set). */
static int accept_one(GdbTransport *t, int *fd, GError **err)
{
    int c = accept4(t->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (c < 0) {
        switch (errno) {
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
        case EINTR:
        case ECONNABORTED:
        case EPROTO:
            return 0;
        default:
            g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_IO,
                        "gdb: accepting a connection on %s: %s", t->address,
                        g_strerror(errno));
            return -1;
        }
    }
    if (t->spec.kind == GDB_TRANSPORT_TCP) {
        int one = 1;
        (void)setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    *fd = c;
    return 1;
}

static GdbTransportEvent poll_failed(GdbTransport *t, GError **err)
{
    g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_IO, "gdb: poll on %s: %s",
                t->address, g_strerror(errno));
    return GDB_TRANSPORT_FAILED;
}

GdbTransportEvent gdb_transport_poll(GdbTransport *t, int timeout_ms, void *buf, size_t cap,
                                     size_t *n, GError **err)
{
    assert(cap > 0);                    /* recv of 0 bytes would read as a hang-up */
    *n = 0;
    struct pollfd pf[2] = {
        { .fd = t->listen_fd, .events = POLLIN },
        { .fd = t->conn_fd, .events = POLLIN },
    };
    int npf = t->conn_fd >= 0 ? 2 : 1;
    int rc = poll(pf, (nfds_t)npf, timeout_ms);
    if (rc < 0)
        return errno == EINTR ? GDB_TRANSPORT_NOTHING : poll_failed(t, err);
    if (rc == 0)
        return GDB_TRANSPORT_NOTHING;

    if (t->conn_fd < 0) {
        if (!(pf[0].revents & (POLLIN | POLLERR | POLLHUP)))
            return GDB_TRANSPORT_NOTHING;
        int fd;
        int a = accept_one(t, &fd, err);
        if (a < 0)
            return GDB_TRANSPORT_FAILED;
        if (a == 0)
            return GDB_TRANSPORT_NOTHING;
        t->conn_fd = fd;
        return GDB_TRANSPORT_CONNECTED;
    }

    /* A second client: turned away, the first keeps the stub. */
    if (pf[0].revents & POLLIN) {
        int fd;
        int a = accept_one(t, &fd, err);
        if (a < 0)
            return GDB_TRANSPORT_FAILED;
        if (a > 0)
            close(fd);
    }
    if (!(pf[1].revents & (POLLIN | POLLERR | POLLHUP)))
        return GDB_TRANSPORT_NOTHING;
    for (;;) {
        ssize_t r = recv(t->conn_fd, buf, cap, 0);
        if (r > 0) {
            *n = (size_t)r;
            return GDB_TRANSPORT_DATA;
        }
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return GDB_TRANSPORT_NOTHING;
        /* 0: the client closed; < 0: reset, timed out... either way gone. */
        gdb_transport_disconnect(t);
        return GDB_TRANSPORT_DISCONNECTED;
    }
}

static bool write_failed(GdbTransport *t, GError **err, const char *why)
{
    g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_DISCONNECTED,
                "gdb: writing to the client on %s: %s", t->address, why);
    gdb_transport_disconnect(t);
    return false;
}

bool gdb_transport_write(GdbTransport *t, const void *data, size_t len, GError **err)
{
    const uint8_t *p = data;
    if (t->conn_fd < 0) {
        g_set_error(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_DISCONNECTED,
                    "gdb: writing to the client on %s: no client is connected", t->address);
        return false;
    }
    while (len > 0) {
        ssize_t w = send(t->conn_fd, p, len, MSG_NOSIGNAL);
        if (w > 0) {
            p += w;
            len -= (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd pf = { .fd = t->conn_fd, .events = POLLOUT };
            int rc;
            do
                rc = poll(&pf, 1, WRITE_STALL_MS);
            while (rc < 0 && errno == EINTR);
            if (rc < 0)
                return write_failed(t, err, g_strerror(errno));
            if (rc == 0)
                return write_failed(t, err, "it has read nothing for 30 s");
            continue;   /* writable, or an error the next send reports */
        }
        return write_failed(t, err, w < 0 ? g_strerror(errno) : "the socket took nothing");
    }
    return true;
}
