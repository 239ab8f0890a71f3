/* tests/gdbstub/test_transport.c — where gdb connects: address strings,
 * TCP on an ephemeral port and a unix socket reached with plain sockets
 * from the test, bytes both ways, disconnects and reconnects, a second
 * client turned away, writes that wait for a slow reader, and the errors. */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "gdbstub/transport.h"

static char *dir;

static void setup(void) { dir = g_dir_make_tmp("gdb-transport-XXXXXX", NULL); }

static void teardown(void)
{
    if (!dir)
        return;
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
    g_free(dir);
}

TestSuite(gdb_transport, .init = setup, .fini = teardown, .timeout = 30);

/* ---- Helpers ---- */

static int connect_tcp(uint16_t port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert_geq(fd, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    cr_assert_eq(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0, "connect: %s", strerror(errno));
    return fd;
}

static int connect_unix(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    cr_assert_geq(fd, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    g_strlcpy(sa.sun_path, path, sizeof sa.sun_path);
    cr_assert_eq(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0, "connect: %s", strerror(errno));
    return fd;
}

/* Poll until something other than NOTHING happens (5 s at most). */
static GdbTransportEvent next_event(GdbTransport *t, void *buf, size_t cap, size_t *n)
{
    for (int i = 0; i < 50; i++) {
        GError *err = NULL;
        GdbTransportEvent ev = gdb_transport_poll(t, 100, buf, cap, n, &err);
        cr_assert_neq(ev, GDB_TRANSPORT_FAILED, "%s", err ? err->message : "?");
        if (ev != GDB_TRANSPORT_NOTHING)
            return ev;
    }
    cr_assert_fail("nothing happened in 5 s");
    return GDB_TRANSPORT_FAILED;
}

/* Read exactly `len` bytes from a plain socket (5 s at most). */
static void read_exactly(int fd, void *buf, size_t len)
{
    uint8_t *p = buf;
    while (len > 0) {
        struct pollfd pf = { .fd = fd, .events = POLLIN };
        cr_assert_eq(poll(&pf, 1, 5000), 1, "the stub sent nothing");
        ssize_t r = read(fd, p, len);
        cr_assert_gt(r, 0, "read: %zd %s", r, strerror(errno));
        p += r, len -= (size_t)r;
    }
}

/* The client side sees the connection closed (EOF or reset) within 5 s. */
static void assert_closed(int fd)
{
    struct pollfd pf = { .fd = fd, .events = POLLIN };
    cr_assert_eq(poll(&pf, 1, 5000), 1);
    char c;
    ssize_t r = read(fd, &c, 1);
    cr_assert_leq(r, 0, "read %zd bytes from a connection that should be closed", r);
}

static void send_all(int fd, const char *s)
{
    cr_assert_eq(write(fd, s, strlen(s)), (ssize_t)strlen(s));
}

/* One exchange over a connected transport: gdb's bytes in, ours out. */
static void exchange(GdbTransport *t, int client)
{
    char buf[64];
    size_t n;
    send_all(client, "$g#67");
    GString *got = g_string_new(NULL);
    while (got->len < 5) {
        cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_DATA);
        cr_assert_gt(n, 0);
        g_string_append_len(got, buf, (gssize)n);
    }
    cr_assert_str_eq(got->str, "$g#67");
    g_string_free(got, true);

    GError *err = NULL;
    cr_assert(gdb_transport_write(t, "+$OK#9a", 7, &err), "%s", err ? err->message : "?");
    char reply[8] = { 0 };
    read_exactly(client, reply, 7);
    cr_assert_str_eq(reply, "+$OK#9a");
}

/* ---- Addresses ---- */

Test(gdb_transport, good_addresses_parse)
{
    static const struct {
        const char *spec;
        GdbTransportKind kind;
        const char *host;
        uint16_t port;
        const char *path;
    } good[] = {
        { "tcp::1234", GDB_TRANSPORT_TCP, "127.0.0.1", 1234, NULL },
        { "tcp::0", GDB_TRANSPORT_TCP, "127.0.0.1", 0, NULL },
        { "tcp::65535", GDB_TRANSPORT_TCP, "127.0.0.1", 65535, NULL },
        { "tcp:localhost:99", GDB_TRANSPORT_TCP, "localhost", 99, NULL },
        { "tcp:0.0.0.0:1234", GDB_TRANSPORT_TCP, "0.0.0.0", 1234, NULL },
        { "tcp:[::1]:7", GDB_TRANSPORT_TCP, "::1", 7, NULL },
        { "unix:/tmp/rewind.sock", GDB_TRANSPORT_UNIX, NULL, 0, "/tmp/rewind.sock" },
        { "unix:relative/x:y", GDB_TRANSPORT_UNIX, NULL, 0, "relative/x:y" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        GdbTransportSpec s;
        GError *err = NULL;
        cr_assert(gdb_transport_spec_parse(good[i].spec, &s, &err), "%s: %s", good[i].spec,
                  err ? err->message : "?");
        cr_assert_eq(s.kind, good[i].kind, "%s", good[i].spec);
        cr_assert_eq(s.port, good[i].port, "%s", good[i].spec);
        if (good[i].host)
            cr_assert_str_eq(s.host, good[i].host, "%s", good[i].spec);
        else
            cr_assert_null(s.host);
        if (good[i].path)
            cr_assert_str_eq(s.path, good[i].path, "%s", good[i].spec);
        else
            cr_assert_null(s.path);
        gdb_transport_spec_clear(&s);
    }
}

Test(gdb_transport, bad_addresses_say_what_is_wrong)
{
    char *long_path = g_strnfill(200, 'x');
    char *long_spec = g_strconcat("unix:/", long_path, NULL);
    const struct {
        const char *spec;
        const char *message;     /* a part of the error message */
    } bad[] = {
        { "tcp:nope", "gdb address 'tcp:nope': no port" },
        { "tcp::nope", "port 'nope' is not a number 0..65535" },
        { "tcp::65536", "port '65536' is not a number" },
        { "tcp::-1", "port '-1'" },
        { "tcp::+5", "port '+5'" },
        { "tcp::", "no port after" },
        { "tcp:host:", "no port after" },
        { "tcp:1234", "write tcp::1234" },
        { "1234", "write tcp::1234" },
        { "tcp:::1:1234", "IPv6 host goes in brackets" },
        { "tcp:[::1:1234", "an IPv6 host is written [ADDRESS]" },
        { "tcp:[]:1234", "written [ADDRESS]" },
        { "udp::1234", "expected tcp::PORT, tcp:HOST:PORT or unix:PATH" },
        { "", "empty" },
        { "unix:", "no path" },
        { long_spec, "a unix socket's at most 107" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        GdbTransportSpec s = { 0 };
        GError *err = NULL;
        cr_assert_not(gdb_transport_spec_parse(bad[i].spec, &s, &err), "%s parsed", bad[i].spec);
        cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_SPEC));
        cr_assert(strstr(err->message, bad[i].message), "%s: \"%s\" lacks \"%s\"", bad[i].spec,
                  err->message, bad[i].message);
        cr_assert_null(s.host);
        cr_assert_null(s.path);
        g_clear_error(&err);

        /* Listening parses the same way. */
        cr_assert_null(gdb_transport_listen(bad[i].spec, &err));
        cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_SPEC));
        g_clear_error(&err);
    }
    g_free(long_spec);
    g_free(long_path);
}

/* ---- TCP ---- */

Test(gdb_transport, tcp_connect_exchange_disconnect_reconnect)
{
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen("tcp::0", &err);
    cr_assert_not_null(t, "%s", err ? err->message : "?");
    uint16_t port = gdb_transport_port(t);
    cr_assert_neq(port, 0);
    char *addr = g_strdup_printf("127.0.0.1:%u", port);
    cr_assert_str_eq(gdb_transport_address(t), addr);
    g_free(addr);
    cr_assert_not(gdb_transport_connected(t));

    char buf[16];
    size_t n;
    cr_assert_eq(gdb_transport_poll(t, 0, buf, sizeof buf, &n, &err), GDB_TRANSPORT_NOTHING);

    for (int round = 0; round < 3; round++) {
        int c = connect_tcp(port);
        cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
        cr_assert(gdb_transport_connected(t));
        cr_assert_eq(n, 0);
        exchange(t, c);
        close(c);
        cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_DISCONNECTED);
        cr_assert_not(gdb_transport_connected(t));
    }
    /* The stub hangs up ('D'), a new client comes. */
    int c = connect_tcp(port);
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    gdb_transport_disconnect(t);
    assert_closed(c);
    close(c);
    c = connect_tcp(port);
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    exchange(t, c);
    close(c);
    gdb_transport_free(t);
}

Test(gdb_transport, a_second_client_is_turned_away)
{
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen("tcp::0", &err);
    cr_assert_not_null(t, "%s", err ? err->message : "?");
    char buf[16];
    size_t n;
    int first = connect_tcp(gdb_transport_port(t));
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    int second = connect_tcp(gdb_transport_port(t));   /* the kernel completes it */
    for (int i = 0; i < 5; i++)
        cr_assert_eq(gdb_transport_poll(t, 20, buf, sizeof buf, &n, &err), GDB_TRANSPORT_NOTHING);
    assert_closed(second);
    close(second);
    exchange(t, first);                                 /* the first keeps the stub */
    close(first);
    gdb_transport_free(t);
}

/* A megabyte to a client that reads only after a while: write waits for
 * room instead of failing or dropping bytes. */
static gpointer slow_reader(gpointer arg)
{
    int fd = GPOINTER_TO_INT(arg);
    g_usleep(200 * 1000);
    size_t total = 0;
    uint8_t buf[65536];
    uint64_t sum = 0;
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < r; i++)
            sum += buf[i] * (total + (size_t)i + 1);
        total += (size_t)r;
    }
    return g_memdup2(&(uint64_t[2]){ total, sum }, 2 * sizeof(uint64_t));
}

Test(gdb_transport, write_waits_for_a_slow_reader)
{
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen("tcp::0", &err);
    cr_assert_not_null(t);
    int c = connect_tcp(gdb_transport_port(t));
    char buf[16];
    size_t n;
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    GThread *th = g_thread_new("reader", slow_reader, GINT_TO_POINTER(c));

    size_t len = 1 << 20;
    uint8_t *data = g_malloc(len);
    uint64_t sum = 0;
    for (size_t i = 0; i < len; i++) {
        data[i] = (uint8_t)(i * 31 + (i >> 9));
        sum += data[i] * (i + 1);
    }
    cr_assert(gdb_transport_write(t, data, len, &err), "%s", err ? err->message : "?");
    gdb_transport_disconnect(t);
    uint64_t *got = g_thread_join(th);
    cr_assert_eq(got[0], len);
    cr_assert_eq(got[1], sum);
    g_free(got);
    g_free(data);
    close(c);
    gdb_transport_free(t);
}

Test(gdb_transport, writes_without_a_client_fail_cleanly)
{
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen("tcp::0", &err);
    cr_assert_not_null(t);
    cr_assert_not(gdb_transport_write(t, "+", 1, &err));
    cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_DISCONNECTED));
    cr_assert(strstr(err->message, "no client"), "%s", err->message);
    g_clear_error(&err);

    /* The client goes away before the stub notices: a write fails (no
     * SIGPIPE), the connection is dropped and the next client is taken. */
    int c = connect_tcp(gdb_transport_port(t));
    char buf[16];
    size_t n;
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    close(c);
    bool failed = false;
    for (int i = 0; i < 100 && !failed; i++) {
        failed = !gdb_transport_write(t, "$OK#9a", 6, &err);
        g_usleep(1000);
    }
    cr_assert(failed);
    cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_DISCONNECTED));
    g_clear_error(&err);
    cr_assert_not(gdb_transport_connected(t));
    c = connect_tcp(gdb_transport_port(t));
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    exchange(t, c);
    close(c);
    gdb_transport_free(t);
}

Test(gdb_transport, bind_failures_name_the_address)
{
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen("tcp::0", &err);
    cr_assert_not_null(t);
    char *spec = g_strdup_printf("tcp::%u", gdb_transport_port(t));
    cr_assert_null(gdb_transport_listen(spec, &err));          /* in use */
    cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN));
    char *want = g_strdup_printf("127.0.0.1 port %u: bind", gdb_transport_port(t));
    cr_assert(strstr(err->message, want), "%s", err->message);
    g_clear_error(&err);
    g_free(want);
    g_free(spec);
    /* An address of no interface here (TEST-NET-1). */
    cr_assert_null(gdb_transport_listen("tcp:192.0.2.1:0", &err));
    cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN));
    cr_assert(strstr(err->message, "192.0.2.1"), "%s", err->message);
    g_clear_error(&err);
    gdb_transport_free(t);
}

/* ---- Unix sockets ---- */

Test(gdb_transport, unix_socket_exchange_and_cleanup)
{
    char *path = g_build_filename(dir, "gdb.sock", NULL);
    char *spec = g_strconcat("unix:", path, NULL);
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen(spec, &err);
    cr_assert_not_null(t, "%s", err ? err->message : "?");
    cr_assert_str_eq(gdb_transport_address(t), spec);
    cr_assert_eq(gdb_transport_port(t), 0);
    char buf[16];
    size_t n;
    for (int round = 0; round < 2; round++) {
        int c = connect_unix(path);
        cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
        exchange(t, c);
        close(c);
        cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_DISCONNECTED);
    }
    /* A second transport on the same path: refused while the first lives. */
    cr_assert_null(gdb_transport_listen(spec, &err));
    cr_assert(strstr(err->message, "another program listens there"), "%s", err->message);
    g_clear_error(&err);
    gdb_transport_free(t);
    cr_assert_not(g_file_test(path, G_FILE_TEST_EXISTS), "the socket file stays");
    g_free(spec);
    g_free(path);
}

Test(gdb_transport, unix_stale_socket_replaced_other_files_kept)
{
    char *path = g_build_filename(dir, "stale.sock", NULL);
    char *spec = g_strconcat("unix:", path, NULL);
    /* A socket file nobody listens on, as a killed stub leaves it. */
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    g_strlcpy(sa.sun_path, path, sizeof sa.sun_path);
    cr_assert_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    close(fd);
    cr_assert(g_file_test(path, G_FILE_TEST_EXISTS));
    GError *err = NULL;
    GdbTransport *t = gdb_transport_listen(spec, &err);
    cr_assert_not_null(t, "%s", err ? err->message : "?");
    int c = connect_unix(path);
    char buf[16];
    size_t n;
    cr_assert_eq(next_event(t, buf, sizeof buf, &n), GDB_TRANSPORT_CONNECTED);
    exchange(t, c);
    close(c);
    gdb_transport_free(t);

    char *file = g_build_filename(dir, "plain-file", NULL);
    cr_assert(g_file_set_contents(file, "keep me", -1, NULL));
    char *fspec = g_strconcat("unix:", file, NULL);
    cr_assert_null(gdb_transport_listen(fspec, &err));
    cr_assert(g_error_matches(err, GDB_TRANSPORT_ERROR, GDB_TRANSPORT_ERROR_LISTEN));
    cr_assert(strstr(err->message, "exists and is not a socket"), "%s", err->message);
    g_clear_error(&err);
    char *contents = NULL;
    cr_assert(g_file_get_contents(file, &contents, NULL, NULL));
    cr_assert_str_eq(contents, "keep me");
    g_free(contents);

    char *nodir = g_build_filename(dir, "no-such-dir", "gdb.sock", NULL);
    char *nspec = g_strconcat("unix:", nodir, NULL);
    cr_assert_null(gdb_transport_listen(nspec, &err));
    cr_assert(strstr(err->message, "bind"), "%s", err->message);
    g_clear_error(&err);

    g_free(nspec), g_free(nodir), g_free(fspec), g_free(file), g_free(spec), g_free(path);
}
