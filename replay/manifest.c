/* replay/manifest.c — the recording manifest of replay/FORMAT.md: writer,
 * reader, config hash, file hash and the differences a replay reports. */
#include "replay/manifest.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK(rr-manifest-error-quark, rr_manifest_error)

/* The keys in the order the writer writes them; `binary` may repeat. */
typedef enum Key {
    K_FORMAT, K_COMMAND, K_MACHINE, K_MEMORY, K_ICOUNT_SHIFT, K_ICOUNT_SLEEP,
    K_SYNC_INTERVAL, K_SYNC_GROUPS, K_SERIAL, K_SEMIHOSTING, K_NO_REBOOT, K_APPEND,
    K_BINARY, N_KEYS
} Key;

static const char *const key_names[N_KEYS] = {
    [K_FORMAT] = "rewind-log", [K_COMMAND] = "command", [K_MACHINE] = "machine",
    [K_MEMORY] = "memory", [K_ICOUNT_SHIFT] = "icount-shift", [K_ICOUNT_SLEEP] = "icount-sleep",
    [K_SYNC_INTERVAL] = "sync-interval", [K_SYNC_GROUPS] = "sync-groups",
    [K_SERIAL] = "serial", [K_SEMIHOSTING] = "semihosting", [K_NO_REBOOT] = "no-reboot",
    [K_APPEND] = "append", [K_BINARY] = "binary",
};

static const char *const role_names[RR_MANIFEST_ROLES] = {
    [RR_ROLE_KERNEL] = "kernel", [RR_ROLE_INITRD] = "initrd", [RR_ROLE_DTB] = "dtb",
};

const char *rr_manifest_role_name(RrManifestRole role)
{
    return (unsigned)role < RR_MANIFEST_ROLES ? role_names[role] : NULL;
}

static const char *str(const char *s) { return s ? s : ""; }
static const char *on_off(bool b) { return b ? "on" : "off"; }

/* ---- Lifetime ---- */

void rr_manifest_init(RrManifest *m)
{
    *m = (RrManifest){ .format = RR_MANIFEST_FORMAT };
}

void rr_manifest_clear(RrManifest *m)
{
    g_free(m->command);
    g_free(m->machine);
    g_free(m->serial);
    g_free(m->append);
    for (size_t i = 0; i < m->n_binaries; i++)
        g_free(m->binaries[i].path);
    g_free(m->binaries);
    rr_manifest_init(m);
}

void rr_manifest_add_binary(RrManifest *m, RrManifestRole role, const char *path,
                            const char *sha256)
{
    m->binaries = g_renew(RrManifestBinary, m->binaries, m->n_binaries + 1);
    RrManifestBinary *b = &m->binaries[m->n_binaries++];
    b->role = role;
    b->path = g_strdup(path);
    g_strlcpy(b->sha256, sha256, sizeof b->sha256);
}

/* ---- Values: what the format can hold ---- */

static bool is_sha256_hex(const char *s)
{
    for (int i = 0; i < 64; i++)
        if (!g_ascii_isdigit(s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
            return false;
    return s[64] == '\0';
}

static bool serial_ok(const char *s)
{
    return !strcmp(s, "stdio") || !strcmp(s, "none") ||
           (g_str_has_prefix(s, "file:") && s[5] != '\0');
}

static bool one_line(const char *s) { return !strpbrk(str(s), "\r\n"); }

bool rr_manifest_check(const RrManifest *m, GError **err)
{
#define INVALID(...) \
    do { g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_INVALID, __VA_ARGS__); \
         return false; } while (0)
    if (m->format != RR_MANIFEST_FORMAT)
        INVALID("manifest format %d is not %d", m->format, RR_MANIFEST_FORMAT);
    struct { Key key; const char *value; } strings[] = {
        { K_COMMAND, m->command }, { K_MACHINE, m->machine },
        { K_SERIAL, m->serial }, { K_APPEND, m->append },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
        if (!one_line(strings[i].value))
            INVALID("%s holds a line break (a manifest value is one line)", key_names[strings[i].key]);
    if (!*str(m->machine))
        INVALID("machine is empty");
    if (!serial_ok(str(m->serial)))
        INVALID("serial is not stdio, none or file:PATH ('%s')", str(m->serial));
    bool seen[RR_MANIFEST_ROLES] = { false };
    for (size_t i = 0; i < m->n_binaries; i++) {
        const RrManifestBinary *b = &m->binaries[i];
        const char *role = rr_manifest_role_name(b->role);
        if (!role)
            INVALID("binary %zu has an unknown role %d", i, (int)b->role);
        if (seen[b->role])
            INVALID("a second %s binary", role);
        seen[b->role] = true;
        if (!*str(b->path))
            INVALID("the %s binary has an empty path", role);
        if (!one_line(b->path))
            INVALID("the %s binary's path holds a line break (a manifest value is one line)", role);
        if (!is_sha256_hex(b->sha256))
            INVALID("the %s binary's sha256 is not 64 lowercase hex digits", role);
    }
    return true;
#undef INVALID
}

/* ---- The text ---- */

static void put(GString *s, Key key, const char *value)
{
    g_string_append(s, key_names[key]);
    g_string_append(s, *value ? " = " : " =");
    g_string_append(s, value);
    g_string_append_c(s, '\n');
}

static void put_u64(GString *s, Key key, uint64_t v)
{
    char buf[24];
    g_snprintf(buf, sizeof buf, "%" PRIu64, v);
    put(s, key, buf);
}

/* The manifest's text, with or without its command line. */
static GString *manifest_text(const RrManifest *m, bool with_command)
{
    GString *s = g_string_new(NULL);
    put_u64(s, K_FORMAT, (uint64_t)m->format);
    if (with_command)
        put(s, K_COMMAND, str(m->command));
    put(s, K_MACHINE, str(m->machine));
    put_u64(s, K_MEMORY, m->memory);
    put_u64(s, K_ICOUNT_SHIFT, m->icount_shift);
    put(s, K_ICOUNT_SLEEP, on_off(m->icount_sleep));
    put_u64(s, K_SYNC_INTERVAL, m->sync_interval);
    put_u64(s, K_SYNC_GROUPS, m->sync_groups);
    put(s, K_SERIAL, str(m->serial));
    put(s, K_SEMIHOSTING, on_off(m->semihosting));
    put(s, K_NO_REBOOT, on_off(m->no_reboot));
    put(s, K_APPEND, str(m->append));
    for (size_t i = 0; i < m->n_binaries; i++) {
        const RrManifestBinary *b = &m->binaries[i];
        char *v = g_strdup_printf("%s %s %s", str(rr_manifest_role_name(b->role)), str(b->path),
                                  b->sha256);
        put(s, K_BINARY, v);
        g_free(v);
    }
    return s;
}

bool rr_manifest_write(const RrManifest *m, const char *path, GError **err)
{
    if (!rr_manifest_check(m, err)) {
        g_prefix_error(err, "%s: cannot write the manifest: ", path);
        return false;
    }
    GString *s = manifest_text(m, true);
    FILE *f = fopen(path, "w");
    int e = 0;
    if (!f)
        e = errno;
    else {
        if (fwrite(s->str, 1, s->len, f) != s->len || fflush(f) != 0)
            e = errno ? errno : EIO;
        if (fclose(f) != 0 && !e)
            e = errno;
    }
    g_string_free(s, TRUE);
    if (e) {
        g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO,
                    "%s: cannot write the manifest: %s", path, g_strerror(e));
        return false;
    }
    return true;
}

void rr_manifest_config_hash(const RrManifest *m, uint8_t out[32])
{
    GString *s = manifest_text(m, false);
    GChecksum *cs = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(cs, (const guchar *)s->str, (gssize)s->len);
    gsize len = 32;
    g_checksum_get_digest(cs, out, &len);
    g_checksum_free(cs);
    g_string_free(s, TRUE);
}

bool rr_manifest_hash_file(const char *path, char out[65], GError **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO, "%s: cannot read it: %s", path,
                    g_strerror(e));
        return false;
    }
    GChecksum *cs = g_checksum_new(G_CHECKSUM_SHA256);
    guchar buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        g_checksum_update(cs, buf, (gssize)n);
    int e = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (e) {
        g_checksum_free(cs);
        g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO, "%s: cannot read it: %s", path,
                    g_strerror(e));
        return false;
    }
    g_strlcpy(out, g_checksum_get_string(cs), 65);
    g_checksum_free(cs);
    return true;
}

/* ---- The reader ---- */

/* One line split as the header says: false for a blank line or comment.
 * *key is NULL for a line without '='. Both point into `line`, which is
 * modified. */
static bool split_line(char *line, char **key, char **value)
{
    size_t len = strlen(line);
    if (len && line[len - 1] == '\r')       /* a CRLF file: no value holds a CR */
        line[--len] = '\0';
    const char *p = line;
    while (g_ascii_isspace(*p))
        p++;
    if (*p == '\0' || *p == '#')
        return false;
    char *eq = strchr(line, '=');
    if (!eq) {
        *key = NULL;
        return true;
    }
    *eq = '\0';
    *key = g_strstrip(line);
    *value = eq[1] == ' ' ? eq + 2 : eq + 1;
    return true;
}

static int key_lookup(const char *key)
{
    for (int k = 0; k < N_KEYS; k++)
        if (!strcmp(key, key_names[k]))
            return k;
    return -1;
}

/* A decimal number without sign or blanks, at most `max`. Returns 1 if so,
 * 0 if not a number, -1 if above `max`. */
static int parse_number(const char *s, uint64_t max, uint64_t *out)
{
    if (!*s)
        return 0;
    uint64_t v = 0;
    bool over = false;
    for (; *s; s++) {
        if (!g_ascii_isdigit(*s))
            return 0;
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            over = true;
        else
            v = v * 10 + d;
    }
    if (over || v > max)
        return -1;
    *out = v;
    return 1;
}

typedef struct Reader {
    const char *path;
    unsigned line;
    GError **err;
} Reader;

static bool G_GNUC_PRINTF(3, 4) fail(Reader *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (r->line)
        g_set_error(r->err, RR_MANIFEST_ERROR, code, "%s:%u: %s", r->path, r->line, msg);
    else
        g_set_error(r->err, RR_MANIFEST_ERROR, code, "%s: %s", r->path, msg);
    g_free(msg);
    return false;
}

static bool read_number(Reader *r, Key k, const char *v, uint64_t max, uint64_t *out)
{
    int ok = parse_number(v, max, out);
    if (ok == 0)
        return fail(r, RR_MANIFEST_ERROR_PARSE, "%s is not a number ('%s')", key_names[k], v);
    if (ok < 0)
        return fail(r, RR_MANIFEST_ERROR_PARSE, "%s is out of range (%s, at most %" PRIu64 ")",
                    key_names[k], v, max);
    return true;
}

static bool read_bool(Reader *r, Key k, const char *v, bool *out)
{
    if (!strcmp(v, "on") || !strcmp(v, "off")) {
        *out = !strcmp(v, "on");
        return true;
    }
    return fail(r, RR_MANIFEST_ERROR_PARSE, "%s is neither on nor off ('%s')", key_names[k], v);
}

/* "ROLE PATH SHA256": the path is everything between the first space and
 * the last one. */
static bool read_binary(Reader *r, RrManifest *m, const char *v, unsigned role_line[])
{
    const char *sp1 = strchr(v, ' ');
    const char *sp2 = strrchr(v, ' ');
    if (!sp1 || sp2 <= sp1 + 1)
        return fail(r, RR_MANIFEST_ERROR_PARSE, "binary is not 'ROLE PATH SHA256' ('%s')", v);
    char *role = g_strndup(v, (size_t)(sp1 - v));
    int found = -1;
    for (int i = 0; i < RR_MANIFEST_ROLES; i++)
        if (!strcmp(role, role_names[i]))
            found = i;
    if (found < 0) {
        fail(r, RR_MANIFEST_ERROR_PARSE, "unknown binary role '%s' (kernel, initrd or dtb)", role);
        g_free(role);
        return false;
    }
    g_free(role);
    if (role_line[found])
        return fail(r, RR_MANIFEST_ERROR_PARSE, "a second %s binary (the first is on line %u)",
                    role_names[found], role_line[found]);
    if (!is_sha256_hex(sp2 + 1))
        return fail(r, RR_MANIFEST_ERROR_PARSE,
                    "the %s binary's sha256 is not 64 lowercase hex digits ('%s')",
                    role_names[found], sp2 + 1);
    role_line[found] = r->line;
    char *path = g_strndup(sp1 + 1, (size_t)(sp2 - sp1 - 1));
    rr_manifest_add_binary(m, (RrManifestRole)found, path, sp2 + 1);
    g_free(path);
    return true;
}

/* rewind-log first, wherever it is: a newer format's other lines may mean
 * nothing to this reader, and "written by a newer rewind" is what to say. */
static bool read_format(Reader *r, char **lines)
{
    for (unsigned i = 0; lines[i]; i++) {
        char *copy = g_strdup(lines[i]), *key, *value;
        bool ok = true, found = false;
        if (split_line(copy, &key, &value) && key && !strcmp(key, key_names[K_FORMAT])) {
            found = true;
            r->line = i + 1;
            uint64_t v;
            ok = read_number(r, K_FORMAT, value, INT_MAX, &v);
            if (ok && v > RR_MANIFEST_FORMAT)
                ok = fail(r, RR_MANIFEST_ERROR_VERSION,
                          "written by a newer rewind (manifest format %" PRIu64 ")", v);
            else if (ok && v != RR_MANIFEST_FORMAT)
                ok = fail(r, RR_MANIFEST_ERROR_VERSION,
                          "manifest format %" PRIu64 " is unknown (this rewind reads %d)", v,
                          RR_MANIFEST_FORMAT);
        }
        g_free(copy);
        if (found)
            return ok;
    }
    r->line = 0;
    return fail(r, RR_MANIFEST_ERROR_PARSE, "missing key '%s' (not a rewind manifest?)",
                key_names[K_FORMAT]);
}

static bool read_line(Reader *r, RrManifest *m, char *line, unsigned key_line[],
                      unsigned role_line[])
{
    char *key, *v;
    if (!split_line(line, &key, &v))
        return true;
    if (!key)
        return fail(r, RR_MANIFEST_ERROR_PARSE, "expected 'key = value'");
    int k = key_lookup(key);
    if (k < 0)
        return fail(r, RR_MANIFEST_ERROR_PARSE, "unknown key '%s'", key);
    if (strchr(v, '\r'))
        return fail(r, RR_MANIFEST_ERROR_PARSE, "%s holds a carriage return", key);
    if (k == K_BINARY)
        return read_binary(r, m, v, role_line);
    if (key_line[k])
        return fail(r, RR_MANIFEST_ERROR_PARSE, "duplicate key '%s' (first on line %u)", key,
                    key_line[k]);
    key_line[k] = r->line;
    uint64_t n;
    switch ((Key)k) {
    case K_FORMAT:
        m->format = RR_MANIFEST_FORMAT;   /* read_format checked it */
        return true;
    case K_COMMAND:
        m->command = g_strdup(v);
        return true;
    case K_MACHINE:
        if (!*v)
            return fail(r, RR_MANIFEST_ERROR_PARSE, "machine is empty");
        m->machine = g_strdup(v);
        return true;
    case K_MEMORY:
        return read_number(r, K_MEMORY, v, UINT64_MAX, &m->memory);
    case K_ICOUNT_SHIFT:
        if (!read_number(r, K_ICOUNT_SHIFT, v, UINT_MAX, &n))
            return false;
        m->icount_shift = (unsigned)n;
        return true;
    case K_ICOUNT_SLEEP:
        return read_bool(r, K_ICOUNT_SLEEP, v, &m->icount_sleep);
    case K_SYNC_INTERVAL:
        return read_number(r, K_SYNC_INTERVAL, v, UINT64_MAX, &m->sync_interval);
    case K_SYNC_GROUPS:
        if (!read_number(r, K_SYNC_GROUPS, v, UINT32_MAX, &n))
            return false;
        m->sync_groups = (uint32_t)n;
        return true;
    case K_SERIAL:
        if (!serial_ok(v))
            return fail(r, RR_MANIFEST_ERROR_PARSE, "serial is not stdio, none or file:PATH ('%s')", v);
        m->serial = g_strdup(v);
        return true;
    case K_SEMIHOSTING:
        return read_bool(r, K_SEMIHOSTING, v, &m->semihosting);
    case K_NO_REBOOT:
        return read_bool(r, K_NO_REBOOT, v, &m->no_reboot);
    case K_APPEND:
        m->append = g_strdup(v);
        return true;
    case K_BINARY:
    case N_KEYS:
        break;
    }
    g_assert_not_reached();
}

bool rr_manifest_read(const char *path, RrManifest *out, GError **err)
{
    rr_manifest_init(out);
    FILE *f = fopen(path, "rb");
    GString *buf = g_string_new(NULL);
    int e = f ? 0 : errno;
    if (f) {
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            g_string_append_len(buf, chunk, (gssize)n);
        if (ferror(f))
            e = errno ? errno : EIO;
        fclose(f);
    }
    if (e) {
        g_string_free(buf, TRUE);
        g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO, "%s: cannot read the manifest: %s",
                    path, g_strerror(e));
        return false;
    }
    size_t len = buf->len;
    char *text = g_string_free(buf, FALSE);
    Reader r = { .path = path, .err = err };
    if (memchr(text, '\0', len)) {
        g_free(text);
        return fail(&r, RR_MANIFEST_ERROR_PARSE, "not a text file (it holds a NUL byte)");
    }
    char **lines = g_strsplit(text, "\n", -1);
    g_free(text);
    unsigned key_line[N_KEYS] = { 0 }, role_line[RR_MANIFEST_ROLES] = { 0 };
    bool ok = read_format(&r, lines);
    for (unsigned i = 0; ok && lines[i]; i++) {
        r.line = i + 1;
        ok = read_line(&r, out, lines[i], key_line, role_line);
    }
    g_strfreev(lines);
    r.line = 0;
    for (int k = 0; ok && k < N_KEYS; k++)
        if (k != K_BINARY && !key_line[k])
            ok = fail(&r, RR_MANIFEST_ERROR_PARSE, "missing key '%s'", key_names[k]);
    if (!ok)
        rr_manifest_clear(out);
    return ok;
}

/* ---- Differences ---- */

/* Bytes as -m would take them: the largest of T, G, M, K that divides. */
static void size_text(uint64_t v, char buf[32])
{
    static const char units[] = "TGMK";
    for (int i = 0; i < 4 && v; i++) {
        uint64_t unit = 1ull << (10 * (4 - i));
        if (v % unit == 0) {
            g_snprintf(buf, 32, "%" PRIu64 "%c", v / unit, units[i]);
            return;
        }
    }
    g_snprintf(buf, 32, "%" PRIu64 " bytes", v);
}

static const RrManifestBinary *binary_of(const RrManifest *m, RrManifestRole role)
{
    for (size_t i = 0; i < m->n_binaries; i++)
        if (m->binaries[i].role == role)
            return &m->binaries[i];
    return NULL;
}

unsigned rr_manifest_diff(const RrManifest *recorded, const RrManifest *given, GString *out)
{
    unsigned n = 0;
    const RrManifest *a = recorded, *b = given;
#define DIFF(cond, option, fmt, x, y) \
    do { if (cond) { g_string_append_printf(out, option ": recorded " fmt ", given " fmt "\n", x, y); \
                     n++; } } while (0)
    DIFF(strcmp(str(a->machine), str(b->machine)), "-M", "%s", str(a->machine), str(b->machine));
    if (a->memory != b->memory) {
        char x[32], y[32];
        size_text(a->memory, x);
        size_text(b->memory, y);
        DIFF(true, "-m", "%s", x, y);
    }
    DIFF(a->icount_shift != b->icount_shift, "-icount shift", "%u", a->icount_shift, b->icount_shift);
    DIFF(a->icount_sleep != b->icount_sleep, "-icount sleep", "%s", on_off(a->icount_sleep),
         on_off(b->icount_sleep));
    DIFF(a->sync_interval != b->sync_interval, "-icount sync-interval", "%" PRIu64,
         a->sync_interval, b->sync_interval);
    DIFF(a->sync_groups != b->sync_groups, "-icount sync-groups", "%" PRIu32, a->sync_groups,
         b->sync_groups);
    DIFF(strcmp(str(a->serial), str(b->serial)), "-serial", "%s", str(a->serial), str(b->serial));
    DIFF(a->semihosting != b->semihosting, "-semihosting", "%s", on_off(a->semihosting),
         on_off(b->semihosting));
    DIFF(a->no_reboot != b->no_reboot, "-no-reboot", "%s", on_off(a->no_reboot),
         on_off(b->no_reboot));
    DIFF(strcmp(str(a->append), str(b->append)), "-append", "\"%s\"", str(a->append),
         str(b->append));
    for (int role = 0; role < RR_MANIFEST_ROLES; role++) {
        const RrManifestBinary *x = binary_of(a, (RrManifestRole)role);
        const RrManifestBinary *y = binary_of(b, (RrManifestRole)role);
        if (!x && !y)
            continue;
        if (!x || !y) {
            g_string_append_printf(out, "-%s: recorded %s, given %s\n", role_names[role],
                                   x ? str(x->path) : "none", y ? str(y->path) : "none");
            n++;
        } else if (strcmp(x->sha256, y->sha256)) {
            if (!strcmp(str(x->path), str(y->path)))
                g_string_append_printf(out, "%s %s: its contents changed since the recording "
                                       "(sha256 %.6s... recorded, %.6s... now)\n",
                                       role_names[role], str(y->path), x->sha256, y->sha256);
            else
                g_string_append_printf(out, "%s %s: its contents differ from the recorded %s "
                                       "(sha256 %.6s... recorded, %.6s... given)\n",
                                       role_names[role], str(y->path), str(x->path), x->sha256,
                                       y->sha256);
            n++;
        }
    }
#undef DIFF
    return n;
}
