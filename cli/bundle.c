/* cli/bundle.c — see bundle.h. */
#include "cli/bundle.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK(cli-bundle-error-quark, cli_bundle_error)

#define BLOCK 512
#define MAX_NAME 4096                   /* a member name, in bytes */
#define MAX_EXTENDED (64 * 1024)        /* a pax or GNU long-name header's data */
#define MAX_BUNDLE_MANIFEST (16 << 20)
#define MAX_MEMBERS 65536
#define USTAR_MAX_SIZE 077777777777ull  /* 11 octal digits: 8 GiB - 1 */
#define COPY_CHUNK (64 * 1024)
#define RECORDING_MANIFEST "manifest"
#define BINARIES_DIR "binaries"
#define DEFAULT_TOP "recording"

/* ---- The tar writer ---- */

/* A ustar header block (POSIX.1-1988, pax interchange format of
 * POSIX.1-2001). Numeric fields are octal digits ending in a NUL; the
 * checksum is the sum of the header's bytes, taken with its own 8 bytes as
 * spaces, written as 6 digits, a NUL and a space.
 *
 *   offset size field        offset size field
 *      0   100 name            257    6 magic "ustar\0"
 *    100     8 mode            263    2 version "00"
 *    108     8 uid             265   32 uname
 *    116     8 gid             297   32 gname
 *    124    12 size            329    8 devmajor
 *    136    12 mtime           337    8 devminor
 *    148     8 chksum          345  155 prefix
 *    156     1 typeflag        500   12 (zero)
 *    157   100 linkname
 *
 * GNU tar's own format has "ustar  \0" in magic and version together, and
 * no prefix (those bytes hold other fields). */
typedef struct TarHeader {
    char name[100], mode[8], uid[8], gid[8], size[12], mtime[12], chksum[8];
    char typeflag, linkname[100], magic[6], version[2], uname[32], gname[32];
    char devmajor[8], devminor[8], prefix[155], pad[12];
} TarHeader;
static_assert(sizeof(TarHeader) == BLOCK, "a tar header is one block");

/* `v` as width - 1 octal digits and a NUL; v must fit. */
static void put_octal(char *field, size_t width, uint64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%0*" PRIo64, (int)(width - 1), v);
    assert(strlen(buf) == width - 1);
    memcpy(field, buf, width);
}

/* The sum of the header's bytes with its checksum field taken as spaces,
 * unsigned (POSIX) and signed (some old tars). */
static void header_sums(const TarHeader *h, unsigned *usum, int *ssum)
{
    const uint8_t *u = (const uint8_t *)h;
    const size_t at = offsetof(TarHeader, chksum);
    *usum = 0;
    *ssum = 0;
    for (size_t i = 0; i < BLOCK; i++) {
        bool in_sum = i >= at && i < at + sizeof h->chksum;
        *usum += in_sum ? ' ' : u[i];
        *ssum += in_sum ? ' ' : (int)(int8_t)u[i];
    }
}

static void append_header(GByteArray *out, char type, const char *name, uint64_t size)
{
    TarHeader h;
    memset(&h, 0, sizeof h);
    memcpy(h.name, name, MIN(strlen(name), sizeof h.name));
    put_octal(h.mode, sizeof h.mode, 0644);
    put_octal(h.uid, sizeof h.uid, 0);
    put_octal(h.gid, sizeof h.gid, 0);
    put_octal(h.size, sizeof h.size, size <= USTAR_MAX_SIZE ? size : 0);
    put_octal(h.mtime, sizeof h.mtime, 0);
    h.typeflag = type;
    memcpy(h.magic, "ustar", 6);
    memcpy(h.version, "00", 2);
    put_octal(h.devmajor, sizeof h.devmajor, 0);
    put_octal(h.devminor, sizeof h.devminor, 0);
    unsigned usum;
    int ssum;
    header_sums(&h, &usum, &ssum);
    put_octal(h.chksum, 7, usum);
    h.chksum[7] = ' ';
    g_byte_array_append(out, (const guint8 *)&h, BLOCK);
}

static void append_padding(GByteArray *out)
{
    static const uint8_t zero[BLOCK];
    if (out->len % BLOCK)
        g_byte_array_append(out, zero, BLOCK - out->len % BLOCK);
}

static unsigned decimal_digits(uint64_t n)
{
    unsigned d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

/* One pax record: "LEN key=value\n", LEN counting the whole record. */
static void pax_record(GString *s, const char *key, const char *value)
{
    size_t body = 1 + strlen(key) + 1 + strlen(value) + 1;
    size_t d = 1;
    while (decimal_digits(body + d) != d)
        d++;
    g_string_append_printf(s, "%zu %s=%s\n", body + d, key, value);
}

/* The header block(s) of a regular file member: a pax extended header
 * first when the name or the size does not fit ustar's fields. */
static bool append_member_header(GByteArray *out, const char *name, uint64_t size, GError **err)
{
    size_t n = strlen(name);
    if (n == 0 || n > MAX_NAME) {
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                    "a tar member name must be 1 to %d bytes (this one has %zu)", MAX_NAME, n);
        return false;
    }
    if (n > sizeof ((TarHeader *)0)->name || size > USTAR_MAX_SIZE) {
        g_autoptr(GString) pax = g_string_new(NULL);
        if (n > sizeof ((TarHeader *)0)->name)
            pax_record(pax, "path", name);
        if (size > USTAR_MAX_SIZE) {
            char v[24];
            snprintf(v, sizeof v, "%" PRIu64, size);
            pax_record(pax, "size", v);
        }
        append_header(out, 'x', "././@PaxHeader", pax->len);
        g_byte_array_append(out, (const guint8 *)pax->str, (guint)pax->len);
        append_padding(out);
    }
    append_header(out, '0', name, size);
    return true;
}

bool cli_bundle_tar_append(GByteArray *tar, const char *name, const void *data, size_t len,
                           GError **err)
{
    if (!append_member_header(tar, name, len, err))
        return false;
    g_byte_array_append(tar, data, (guint)len);
    append_padding(tar);
    return true;
}

void cli_bundle_tar_finish(GByteArray *tar)
{
    static const uint8_t zero[2 * BLOCK];
    g_byte_array_append(tar, zero, sizeof zero);
}

/* ---- Files ---- */

/* Read the file `path`: hash it, count its bytes, and copy them to `out`
 * if not NULL; with `want_size` not UINT64_MAX, read exactly that many and
 * report in *grew whether more follow. False with *err set (IO) if it
 * cannot be read or written. */
static bool hash_file(const char *path, FILE *out, uint64_t want_size, char sha[65],
                      uint64_t *size, bool *grew, GError **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "%s: cannot read it: %s", path,
                    g_strerror(e));
        return false;
    }
    GChecksum *cs = g_checksum_new(G_CHECKSUM_SHA256);
    guchar *buf = g_malloc(COPY_CHUNK);
    uint64_t total = 0;
    int read_errno = 0, write_errno = 0;
    for (;;) {
        size_t want = COPY_CHUNK;
        if (want_size != UINT64_MAX)
            want = (size_t)MIN((uint64_t)COPY_CHUNK, want_size - total);
        if (want == 0)
            break;
        size_t n = fread(buf, 1, want, f);
        g_checksum_update(cs, buf, (gssize)n);
        total += n;
        if (out && n && fwrite(buf, 1, n, out) != n) {
            write_errno = errno ? errno : EIO;
            break;
        }
        if (n < want) {
            if (ferror(f))
                read_errno = errno ? errno : EIO;
            break;
        }
    }
    if (grew)
        *grew = !read_errno && !write_errno && fgetc(f) != EOF;
    fclose(f);
    g_free(buf);
    if (read_errno || write_errno) {
        g_checksum_free(cs);
        int e = read_errno ? read_errno : write_errno;
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "%s: cannot %s it: %s", path,
                    read_errno ? "read" : "copy", g_strerror(e));
        return false;
    }
    g_strlcpy(sha, g_checksum_get_string(cs), 65);
    g_checksum_free(cs);
    *size = total;
    return true;
}

/* Remove `path` and, if a directory, all it holds, never following a
 * link; errors are ignored (what remains, remains). */
static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        GDir *d = g_dir_open(path, 0, NULL);
        const char *name;
        while (d && (name = g_dir_read_name(d))) {
            g_autofree char *child = g_build_filename(path, name, NULL);
            remove_tree(child);
        }
        if (d)
            g_dir_close(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

void cli_bundle_cleanup(const char *dir)
{
    if (dir)
        remove_tree(dir);
}

/* The member name (inside T/) of a binary of the recording manifest. */
static char *binary_member(const RrManifestBinary *b)
{
    g_autofree char *base = g_path_get_basename(b->path);
    return g_strconcat(BINARIES_DIR "/", rr_manifest_role_name(b->role), "/", base, NULL);
}

char *cli_bundle_binary_path(const char *dir, const RrManifest *mf, RrManifestRole role)
{
    for (size_t i = 0; i < mf->n_binaries; i++) {
        if (mf->binaries[i].role == role) {
            g_autofree char *member = binary_member(&mf->binaries[i]);
            return g_build_filename(dir, member, NULL);
        }
    }
    return NULL;
}

/* A name as one printable line (C escapes for control bytes, quotes and
 * backslashes, bytes above 0x7e), for messages about names from outside. */
static char *shown(const char *name)
{
    return g_strescape(name, NULL);
}

/* ---- The packer ---- */

typedef struct Member {
    char *name;                 /* inside T/ */
    char *source;               /* the file it is read from */
    uint64_t size;
    char sha256[65];
} Member;

static void member_free(gpointer p)
{
    Member *m = p;
    g_free(m->name);
    g_free(m->source);
    g_free(m);
}

static gint member_cmp(gconstpointer a, gconstpointer b)
{
    const Member *x = *(Member *const *)a, *y = *(Member *const *)b;
    return strcmp(x->name, y->name);
}

static gint str_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool add_member(GPtrArray *members, const char *name, const char *source, GError **err)
{
    Member *m = g_new0(Member, 1);
    m->name = g_strdup(name);
    m->source = g_strdup(source);
    g_ptr_array_add(members, m);
    return hash_file(source, NULL, UINT64_MAX, m->sha256, &m->size, NULL, err);
}

/* Every regular file under root/rel (rel NULL: root itself) into
 * `members`, named by its path relative to root. */
static bool walk(const char *root, const char *rel, GPtrArray *members, GError **err)
{
    g_autofree char *path = rel ? g_build_filename(root, rel, NULL) : g_strdup(root);
    GError *e = NULL;
    GDir *d = g_dir_open(path, 0, &e);
    if (!d) {
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "%s", e->message);
        g_error_free(e);
        return false;
    }
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)))
        g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, str_cmp);
    for (guint i = 0; i < names->len; i++) {
        const char *n = names->pdata[i];
        g_autofree char *child_rel = rel ? g_build_filename(rel, n, NULL) : g_strdup(n);
        g_autofree char *child = g_build_filename(root, child_rel, NULL);
        struct stat st;
        if (lstat(child, &st) < 0) {
            int errn = errno;
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "%s: %s", child,
                        g_strerror(errn));
            return false;
        }
        if (strchr(n, '\n') || strchr(n, '\r')) {
            g_autofree char *s = shown(child);
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                        "%s: its name holds a line break, which a bundle manifest cannot list "
                        "(rename or remove it)", s);
            return false;
        }
        if (!rel && (!strcmp(n, CLI_BUNDLE_MANIFEST) || !strcmp(n, BINARIES_DIR))) {
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                        "%s: a bundle keeps its own %s there; move it out of the recording "
                        "(an unpacked bundle is replayed with rewind replay FILE.tar instead)",
                        child, n);
            return false;
        }
        if (S_ISLNK(st.st_mode)) {
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                        "%s is a symbolic link: a bundle holds regular files only (copy what "
                        "it points to in its place, or remove it)", child);
            return false;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!walk(root, child_rel, members, err))
                return false;
        } else if (S_ISREG(st.st_mode)) {
            if (members->len >= MAX_MEMBERS) {
                g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                            "%s holds more than %d files: too many for a bundle", root,
                            MAX_MEMBERS);
                return false;
            }
            if (!add_member(members, child_rel, child, err))
                return false;
        } else {
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                        "%s is neither a file nor a directory: a bundle holds regular files "
                        "only (remove it from the recording)", child);
            return false;
        }
    }
    return true;
}

/* The recording's binaries into `members`, each checked against the
 * SHA-256 the manifest recorded. */
static bool add_binaries(const char *dir, const RrManifest *mf, GPtrArray *members, GError **err)
{
    for (size_t i = 0; i < mf->n_binaries; i++) {
        const RrManifestBinary *b = &mf->binaries[i];
        const char *role = rr_manifest_role_name(b->role);
        struct stat st;
        int rc = stat(b->path, &st), errn = errno;
        if (rc < 0 || !S_ISREG(st.st_mode)) {
            const char *why = rc < 0 ? g_strerror(errn) : "not a regular file";
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                        "%s %s, named by %s/manifest: %s (bundle from the directory the "
                        "recording was made in, with the program still there)",
                        role, b->path, dir, why);
            return false;
        }
        g_autofree char *name = binary_member(b);
        if (!add_member(members, name, b->path, err))
            return false;
        const Member *m = members->pdata[members->len - 1];
        if (strcmp(m->sha256, b->sha256)) {
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_CHANGED,
                        "%s %s has changed since the recording (sha256 %.12s... recorded, "
                        "%.12s... now): bundle the recording with the program it was made with",
                        role, b->path, b->sha256, m->sha256);
            return false;
        }
    }
    return true;
}

/* The bundle's top directory: the recording directory's own name. */
static char *top_name(const char *real_dir)
{
    g_autofree char *base = g_path_get_basename(real_dir);
    if (!strcmp(base, "/") || !strcmp(base, ".") || strlen(base) > 200 || strchr(base, '\n') ||
        strchr(base, '\r'))
        return g_strdup(DEFAULT_TOP);
    return g_steal_pointer(&base);
}

/* Whether the file `tar` would be written inside `real_dir`. */
static bool lands_inside(const char *real_dir, const char *tar)
{
    g_autofree char *parent = g_path_get_dirname(tar);
    char *real = realpath(parent, NULL);
    if (!real)
        return false;           /* the write fails, and says why */
    size_t n = strlen(real_dir);
    bool inside = !strncmp(real, real_dir, n) && (real[n] == '\0' || real[n] == '/' ||
                                                  !strcmp(real_dir, "/"));
    free(real);
    return inside;
}

static bool write_bundle(FILE *f, const char *top, const char *manifest_text, GPtrArray *members,
                         GError **err)
{
    g_autoptr(GByteArray) blocks = g_byte_array_new();
    g_autofree char *mname = g_strconcat(top, "/" CLI_BUNDLE_MANIFEST, NULL);
    if (!cli_bundle_tar_append(blocks, mname, manifest_text, strlen(manifest_text), err))
        return false;
    if (fwrite(blocks->data, 1, blocks->len, f) != blocks->len)
        goto write_error;
    for (guint i = 0; i < members->len; i++) {
        const Member *m = members->pdata[i];
        g_autofree char *name = g_strconcat(top, "/", m->name, NULL);
        g_byte_array_set_size(blocks, 0);
        if (!append_member_header(blocks, name, m->size, err))
            return false;
        if (fwrite(blocks->data, 1, blocks->len, f) != blocks->len)
            goto write_error;
        char sha[65];
        uint64_t size;
        bool grew;
        if (!hash_file(m->source, f, m->size, sha, &size, &grew, err))
            return false;
        if (size != m->size || grew || strcmp(sha, m->sha256)) {
            g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                        "%s changed while it was being bundled (is it still being recorded?): "
                        "bundle it again once it is complete", m->source);
            return false;
        }
        g_byte_array_set_size(blocks, 0);
        static const uint8_t zero[BLOCK];
        if (m->size % BLOCK)
            g_byte_array_append(blocks, zero, BLOCK - (guint)(m->size % BLOCK));
        if (fwrite(blocks->data, 1, blocks->len, f) != blocks->len)
            goto write_error;
    }
    g_byte_array_set_size(blocks, 0);
    cli_bundle_tar_finish(blocks);
    if (fwrite(blocks->data, 1, blocks->len, f) != blocks->len)
        goto write_error;
    return true;
write_error:
    g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "cannot write: %s",
                g_strerror(errno ? errno : EIO));
    return false;
}

bool cli_bundle_pack(const char *dir, const char *tar, GError **err)
{
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                    "%s: no such recording directory", dir);
        return false;
    }
    g_autofree char *man = g_build_filename(dir, RECORDING_MANIFEST, NULL);
    if (!g_file_test(man, G_FILE_TEST_IS_REGULAR)) {
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                    "%s holds no manifest: not a recording made by rewind record", dir);
        return false;
    }
    RrManifest mf;
    GError *e = NULL;
    if (!rr_manifest_read(man, &mf, &e)) {
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE, "%s", e->message);
        g_error_free(e);
        return false;
    }
    char *real_dir = realpath(dir, NULL);
    g_autofree char *top = real_dir ? top_name(real_dir) : g_strdup(DEFAULT_TOP);
    g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func(member_free);
    g_autofree char *tmp = NULL;
    GString *text = NULL;
    FILE *f = NULL;
    bool ok = false;
    if (real_dir && lands_inside(real_dir, tar)) {
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_USAGE,
                    "-o %s is inside the recording %s: write the bundle elsewhere", tar, dir);
        goto out;
    }
    if (!walk(dir, NULL, members, err) || !add_binaries(dir, &mf, members, err))
        goto out;
    g_ptr_array_sort(members, member_cmp);

    text = g_string_new(
        "# rewind bundle: every other member of this archive, its size in bytes and\n"
        "# SHA-256; rewind replay FILE.tar checks them all (cli/bundle.h)\n");
    g_string_append_printf(text, "rewind-bundle = %d\n", CLI_BUNDLE_FORMAT);
    for (guint i = 0; i < members->len; i++) {
        const Member *m = members->pdata[i];
        g_string_append_printf(text, "member = %" PRIu64 " %s %s\n", m->size, m->sha256, m->name);
    }

    tmp = g_strdup_printf("%s.XXXXXX", tar);
    int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) {
        int errn = errno;
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "-o %s: cannot create it: %s",
                    tar, g_strerror(errn));
        g_clear_pointer(&tmp, g_free);
        goto out;
    }
    fchmod(fd, 0644);
    f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "-o %s: %s", tar,
                    g_strerror(errno));
        goto out;
    }
    if (!write_bundle(f, top, text->str, members, err)) {
        if (g_error_matches(*err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO) &&
            g_str_has_prefix((*err)->message, "cannot write"))
            g_prefix_error(err, "-o %s: ", tar);
        goto out;
    }
    int close_errno = 0;
    if (fflush(f) != 0)
        close_errno = errno ? errno : EIO;
    if (fclose(f) != 0 && !close_errno)
        close_errno = errno ? errno : EIO;
    f = NULL;
    if (close_errno || rename(tmp, tar) < 0) {
        int errn = close_errno ? close_errno : errno;
        g_set_error(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_IO, "-o %s: cannot write it: %s",
                    tar, g_strerror(errn));
        goto out;
    }
    g_clear_pointer(&tmp, g_free);
    ok = true;
out:
    if (f)
        fclose(f);
    if (tmp)
        unlink(tmp);
    free(real_dir);
    if (text)
        g_string_free(text, TRUE);
    rr_manifest_clear(&mf);
    return ok;
}

/* ---- The reader ---- */

typedef struct Found {
    char *archive_name;         /* as in the archive, T/ and all */
    uint64_t size;
    char sha256[65];
} Found;

static void found_free(gpointer p)
{
    Found *f = p;
    g_free(f->archive_name);
    g_free(f);
}

typedef struct Reader {
    const char *tar;            /* the bundle's path, for messages */
    FILE *f;
    uint64_t offset;            /* of the next byte of the archive */
    char *dir;                  /* the private directory members go to */
    char *top;                  /* T, from the first member */
    GHashTable *found;          /* name inside T -> Found */
    GPtrArray *order;           /* names inside T, in archive order (owned by found) */
    guint8 *buf;                /* COPY_CHUNK bytes */
} Reader;

static bool fail(Reader *r, GError **err, CliBundleError code, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
static bool fail(Reader *r, GError **err, CliBundleError code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(err, CLI_BUNDLE_ERROR, code, "%s: %s", r->tar, msg);
    return false;
}

static bool truncated(Reader *r, GError **err, const char *where)
{
    return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                "truncated at byte %" PRIu64 " %s: the file was cut short (copy it again)",
                r->offset, where);
}

/* Read `len` bytes into buf (NULL: skip them), hashed into `cs` and
 * written to `fd` when given. False with *err set, the member `what` named,
 * at the end of the file or on a host error. */
static bool read_data(Reader *r, uint8_t *buf, uint64_t len, GChecksum *cs, int fd,
                      const char *what, GError **err)
{
    uint64_t done = 0;
    while (done < len) {
        size_t want = (size_t)MIN((uint64_t)COPY_CHUNK, len - done);
        uint8_t *into = buf ? buf + done : r->buf;
        size_t n = fread(into, 1, want, r->f);
        r->offset += n;
        if (cs)
            g_checksum_update(cs, into, (gssize)n);
        for (size_t w = 0; fd >= 0 && w < n;) {
            ssize_t k = write(fd, into + w, n - w);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0) {
                int errn = k < 0 ? errno : EIO;
                return fail(r, err, CLI_BUNDLE_ERROR_IO, "cannot unpack %s into %s: %s", what,
                            r->dir, g_strerror(errn));
            }
            w += (size_t)k;
        }
        done += n;
        if (n < want) {
            if (ferror(r->f))
                return fail(r, err, CLI_BUNDLE_ERROR_IO, "cannot read it: %s",
                            g_strerror(errno ? errno : EIO));
            g_autofree char *where = g_strdup_printf("inside %s (%" PRIu64 " of its %" PRIu64
                                                     " bytes)", what, done, len);
            return truncated(r, err, where);
        }
    }
    return true;
}

static bool skip_padding(Reader *r, uint64_t len, const char *what, GError **err)
{
    uint64_t pad = (BLOCK - len % BLOCK) % BLOCK;
    size_t n = fread(r->buf, 1, (size_t)pad, r->f);
    r->offset += n;
    if (n < pad) {
        if (ferror(r->f))
            return fail(r, err, CLI_BUNDLE_ERROR_IO, "cannot read it: %s",
                        g_strerror(errno ? errno : EIO));
        g_autofree char *where = g_strdup_printf("after %s", what);
        return truncated(r, err, where);
    }
    return true;
}

/* A numeric header field: octal digits after optional spaces, ended by a
 * space, a NUL or the field's end; or GNU's base-256 for a positive value
 * (first byte 0x80). */
static bool tar_number(const char *field, size_t width, uint64_t *out)
{
    const uint8_t *u = (const uint8_t *)field;
    uint64_t v = 0;
    if (u[0] & 0x80) {
        if (u[0] != 0x80)
            return false;
        for (size_t i = 1; i < width; i++) {
            if (v >> 55)
                return false;
            v = v << 8 | u[i];
        }
        *out = v;
        return true;
    }
    size_t i = 0, digits = 0;
    while (i < width && field[i] == ' ')
        i++;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; i++, digits++) {
        if (v >> 60)
            return false;
        v = v * 8 + (uint64_t)(field[i] - '0');
    }
    if (!digits || (i < width && field[i] != ' ' && field[i] != '\0'))
        return false;
    *out = v;
    return true;
}

/* The records of a pax extended header: `path` and `size` taken, the rest
 * (times, owners...) ignored. */
static bool parse_pax(Reader *r, const char *data, size_t len, char **path, bool *has_size,
                      uint64_t *size, GError **err)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        uint64_t n = 0;
        while (j < len && data[j] >= '0' && data[j] <= '9' && n <= len)
            n = n * 10 + (uint64_t)(data[j++] - '0');
        if (j == i || j >= len || data[j] != ' ' || n < j - i + 3 || n > len - i ||
            data[i + n - 1] != '\n')
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "damaged pax extended header before byte %" PRIu64, r->offset);
        const char *kv = data + j + 1, *end = data + i + n - 1;
        const char *eq = memchr(kv, '=', (size_t)(end - kv));
        if (!eq)
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "damaged pax extended header before byte %" PRIu64, r->offset);
        size_t klen = (size_t)(eq - kv), vlen = (size_t)(end - eq - 1);
        const char *value = eq + 1;
        if (klen == 4 && !memcmp(kv, "path", 4)) {
            if (memchr(value, '\0', vlen))
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                            "a pax path before byte %" PRIu64 " holds a NUL", r->offset);
            g_free(*path);
            *path = vlen ? g_strndup(value, vlen) : NULL;
        } else if (klen == 4 && !memcmp(kv, "size", 4)) {
            g_autofree char *v = g_strndup(value, vlen);
            guint64 s;
            if (!g_ascii_string_to_unsigned(v, 10, 0, G_MAXINT64, &s, NULL))
                return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                            "a pax size before byte %" PRIu64 " is not a number", r->offset);
            *has_size = true;
            *size = s;
        }
        i += (size_t)n;
    }
    return true;
}

/* The member name `name` checked and made a path inside T (g_malloc'd;
 * "" for T itself), T taken from the first member; NULL with *err set for
 * an absolute name, a `..`, or a name outside T. */
static char *inside_name(Reader *r, const char *name, uint64_t at, GError **err)
{
    g_autofree char *s = shown(name);
    if (!*name) {
        fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "the member at byte %" PRIu64 " has no name", at);
        return NULL;
    }
    if (name[0] == '/') {
        fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
             "member '%s' has an absolute name: refused (a bundle's names stay inside its "
             "directory)", s);
        return NULL;
    }
    g_auto(GStrv) parts = g_strsplit(name, "/", -1);
    g_autoptr(GPtrArray) keep = g_ptr_array_new();
    for (char **p = parts; *p; p++) {
        if (!strcmp(*p, ".."))  {
            fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                 "member '%s' climbs out of the bundle's directory ('..'): refused", s);
            return NULL;
        }
        if (**p && strcmp(*p, "."))
            g_ptr_array_add(keep, *p);
    }
    if (!keep->len) {
        fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "member '%s' names no file", s);
        return NULL;
    }
    if (!r->top) {
        r->top = g_strdup(keep->pdata[0]);
    } else if (strcmp(r->top, keep->pdata[0])) {
        g_autofree char *t = shown(r->top);
        fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
             "member '%s' is outside the bundle's directory %s/: refused", s, t);
        return NULL;
    }
    g_ptr_array_add(keep, NULL);
    return g_strjoinv("/", (char **)keep->pdata + 1);
}

/* Create the file `rel` (inside T) in the private directory, its parent
 * directories first; the fd, or -1 with *err set. */
static int create_member(Reader *r, const char *rel, const char *what, GError **err)
{
    g_autofree char *path = g_build_filename(r->dir, rel, NULL);
    g_autofree char *parent = g_path_get_dirname(path);
    int fd = -1;
    if (g_mkdir_with_parents(parent, 0700) == 0)
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        int errn = errno;
        fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "cannot unpack member '%s': %s", what,
             g_strerror(errn));
    }
    return fd;
}

static bool all_zero(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* Unpack every member of the archive into r->dir, recording each regular
 * file's size and hash in r->found. */
static bool read_archive(Reader *r, GError **err)
{
    g_autofree char *long_name = NULL;
    bool has_pax_size = false;
    uint64_t pax_size = 0;
    unsigned members = 0;
    for (;;) {
        uint64_t at = r->offset;
        TarHeader h;
        size_t n = fread(&h, 1, BLOCK, r->f);
        r->offset += n;
        if (n < BLOCK) {
            if (ferror(r->f))
                return fail(r, err, CLI_BUNDLE_ERROR_IO, "cannot read it: %s",
                            g_strerror(errno ? errno : EIO));
            if (at == 0 && (n < offsetof(TarHeader, version) || memcmp(h.magic, "ustar", 5)))
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                            "%s, not a rewind bundle (make one with rewind bundle DIR -o "
                            "FILE.tar)", n ? "too short for a tar archive" : "an empty file");
            return truncated(r, err, n ? "inside a tar header"
                                       : "where a tar header or the end-of-archive marker "
                                         "should follow");
        }
        if (all_zero((const uint8_t *)&h, BLOCK)) {
            n = fread(&h, 1, BLOCK, r->f);
            r->offset += n;
            if (n < BLOCK && !ferror(r->f))
                return truncated(r, err, "inside the end-of-archive marker");
            if (n < BLOCK)
                return fail(r, err, CLI_BUNDLE_ERROR_IO, "cannot read it: %s",
                            g_strerror(errno ? errno : EIO));
            if (!all_zero((const uint8_t *)&h, BLOCK))
                return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                            "damaged: a lone zero block at byte %" PRIu64 " inside the archive",
                            at);
            if (long_name || has_pax_size)
                return truncated(r, err, "after an extended header, before its member");
            return true;
        }
        uint64_t sum;
        unsigned usum;
        int ssum;
        header_sums(&h, &usum, &ssum);
        if (!tar_number(h.chksum, sizeof h.chksum, &sum) ||
            (sum != usum && (int64_t)sum != ssum)) {
            if (at == 0 && (n < offsetof(TarHeader, version) || memcmp(h.magic, "ustar", 5)))
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                            "not a tar archive, so not a rewind bundle (make one with rewind "
                            "bundle DIR -o FILE.tar)");
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "damaged: the tar header at byte %" PRIu64 " fails its checksum", at);
        }
        if (memcmp(h.magic, "ustar", 5))
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "the tar header at byte %" PRIu64 " is not POSIX ustar (an old tar "
                        "format this rewind does not read)", at);
        uint64_t size;
        if (!tar_number(h.size, sizeof h.size, &size))
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "damaged: the tar header at byte %" PRIu64 " has no valid size", at);
        char type = h.typeflag;
        if (type == 'x' || type == 'L' || type == 'g') {
            if (size > MAX_EXTENDED)
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                            "the extended header at byte %" PRIu64 " is too large (%" PRIu64
                            " bytes)", at, size);
            g_autofree char *data = g_malloc((size_t)size + 1);
            if (!read_data(r, (uint8_t *)data, size, NULL, -1, "an extended header", err) ||
                !skip_padding(r, size, "an extended header", err))
                return false;
            data[size] = '\0';
            if (type == 'x' && !parse_pax(r, data, (size_t)size, &long_name, &has_pax_size,
                                          &pax_size, err))
                return false;
            if (type == 'L') {
                g_free(long_name);
                long_name = g_strdup(data);
            }
            continue;
        }

        g_autofree char *name = NULL;
        if (long_name) {
            name = g_steal_pointer(&long_name);
        } else {
            g_autofree char *base = g_strndup(h.name, sizeof h.name);
            g_autofree char *prefix = !memcmp(h.magic, "ustar", 6)
                                          ? g_strndup(h.prefix, sizeof h.prefix) : g_strdup("");
            name = *prefix ? g_strconcat(prefix, "/", base, NULL) : g_steal_pointer(&base);
        }
        if (has_pax_size)
            size = pax_size;
        has_pax_size = false;
        g_autofree char *s = shown(name);
        if (strlen(name) > MAX_NAME)
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "the member at byte %" PRIu64 " has a name longer than %d bytes", at,
                        MAX_NAME);
        if (type == '1' || type == '2' || type == 'K')
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "member '%s' is a %s link: a bundle holds regular files only", s,
                        type == '1' ? "hard" : "symbolic");
        if (type != '0' && type != '\0' && type != '5')
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "member '%s' is not a regular file (tar type '%c'): a bundle holds "
                        "regular files only", s, g_ascii_isprint(type) ? type : '?');
        g_autofree char *rel = inside_name(r, name, at, err);
        if (!rel)
            return false;
        if (type == '5') {
            g_autofree char *path = g_build_filename(r->dir, rel, NULL);
            if (g_mkdir_with_parents(path, 0700) < 0) {
                int errn = errno;
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "cannot unpack member '%s': %s", s,
                            g_strerror(errn));
            }
            if (!read_data(r, NULL, size, NULL, -1, s, err) || !skip_padding(r, size, s, err))
                return false;
            continue;
        }
        if (!*rel)
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "member '%s' is a file where the bundle's directory should be", s);
        if (g_hash_table_contains(r->found, rel))
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "member '%s' appears twice in the archive (the bundle was altered "
                        "since it was made)", s);
        if (++members > MAX_MEMBERS)
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "more than %d members", MAX_MEMBERS);
        int fd = create_member(r, rel, s, err);
        if (fd < 0)
            return false;
        GChecksum *cs = g_checksum_new(G_CHECKSUM_SHA256);
        bool ok = read_data(r, NULL, size, cs, fd, s, err);
        if (close(fd) < 0 && ok) {
            int errn = errno;
            ok = fail(r, err, CLI_BUNDLE_ERROR_IO, "cannot unpack %s into %s: %s", s, r->dir,
                      g_strerror(errn));
        }
        ok = ok && skip_padding(r, size, s, err);
        if (ok) {
            Found *fnd = g_new0(Found, 1);
            fnd->archive_name = g_strdup(name);
            fnd->size = size;
            g_strlcpy(fnd->sha256, g_checksum_get_string(cs), sizeof fnd->sha256);
            char *key = g_steal_pointer(&rel);
            g_hash_table_insert(r->found, key, fnd);
            g_ptr_array_add(r->order, key);
        }
        g_checksum_free(cs);
        if (!ok)
            return false;
    }
}

static bool is_sha256(const char *s)
{
    if (strlen(s) != 64)
        return false;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s) && !(*s >= 'a' && *s <= 'f'))
            return false;
    return true;
}

/* What the bundle manifest lists: name inside T -> Found (archive_name
 * unused), names in `order`. */
static bool read_bundle_manifest(Reader *r, const char *shown_name, GHashTable *listed,
                                 GPtrArray *order, GError **err)
{
    g_autofree char *path = g_build_filename(r->dir, CLI_BUNDLE_MANIFEST, NULL);
    g_autofree char *text = NULL;
    gsize len;
    const Found *fm = g_hash_table_lookup(r->found, CLI_BUNDLE_MANIFEST);
    if (fm->size > MAX_BUNDLE_MANIFEST)
        return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s is too large (%" PRIu64 " bytes)",
                    shown_name, fm->size);
    GError *e = NULL;
    if (!g_file_get_contents(path, &text, &len, &e)) {
        fail(r, err, CLI_BUNDLE_ERROR_IO, "%s: %s", shown_name, e->message);
        g_error_free(e);
        return false;
    }
    if (strlen(text) != len)
        return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s holds a NUL byte: not a bundle manifest",
                    shown_name);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    bool have_format = false;
    unsigned lineno = 0;
    for (char **l = lines; *l; l++) {
        lineno++;
        char *line = *l;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        const char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            continue;
        const char *eq = strchr(p, '=');
        if (!eq)
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s:%u: not a 'key = value' line",
                        shown_name, lineno);
        g_autofree char *key = g_strstrip(g_strndup(p, (size_t)(eq - p)));
        const char *value = eq + 1 + (eq[1] == ' ');
        if (!strcmp(key, "rewind-bundle")) {
            guint64 v;
            if (have_format || !g_ascii_string_to_unsigned(value, 10, 1, G_MAXINT, &v, NULL))
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s:%u: bad rewind-bundle line",
                            shown_name, lineno);
            if (v != CLI_BUNDLE_FORMAT)
                return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                            "%s:%u: written by a newer rewind (bundle format %" G_GUINT64_FORMAT
                            "; this one reads %d)", shown_name, lineno, v, CLI_BUNDLE_FORMAT);
            have_format = true;
            continue;
        }
        if (strcmp(key, "member")) {
            g_autofree char *k = shown(key);
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "%s:%u: unknown key '%s' (written by a newer rewind?)", shown_name,
                        lineno, k);
        }
        if (!have_format)
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "%s:%u: a member before the rewind-bundle line", shown_name, lineno);
        const char *sp1 = strchr(value, ' ');
        const char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
        g_autofree char *size_s = sp1 ? g_strndup(value, (size_t)(sp1 - value)) : NULL;
        g_autofree char *sha = sp2 ? g_strndup(sp1 + 1, (size_t)(sp2 - sp1 - 1)) : NULL;
        guint64 size;
        if (!sp2 || !sp2[1] ||
            !g_ascii_string_to_unsigned(size_s, 10, 0, G_MAXINT64, &size, NULL) || !is_sha256(sha))
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                        "%s:%u: a member line is 'member = SIZE SHA256 NAME'", shown_name, lineno);
        const char *name = sp2 + 1;
        if (!strcmp(name, CLI_BUNDLE_MANIFEST))
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s:%u: lists itself", shown_name,
                        lineno);
        if (g_hash_table_contains(listed, name)) {
            g_autofree char *s = shown(name);
            return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s:%u: lists %s twice", shown_name,
                        lineno, s);
        }
        Found *fnd = g_new0(Found, 1);
        fnd->size = size;
        g_strlcpy(fnd->sha256, sha, sizeof fnd->sha256);
        char *key_name = g_strdup(name);
        g_hash_table_insert(listed, key_name, fnd);
        g_ptr_array_add(order, key_name);
    }
    if (!have_format)
        return fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s has no rewind-bundle line: not a "
                    "bundle manifest", shown_name);
    return true;
}

/* The archive's members against the bundle manifest, both ways. */
static bool check_members(Reader *r, GHashTable *listed, GPtrArray *order, GError **err)
{
    for (guint i = 0; i < order->len; i++) {
        const char *name = order->pdata[i];
        const Found *want = g_hash_table_lookup(listed, name);
        const Found *got = g_hash_table_lookup(r->found, name);
        g_autofree char *s = shown(name);
        if (!got)
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "%s/%s is listed in the bundle manifest but not in the archive (the "
                        "bundle is incomplete: make it again)", r->top, s);
        g_autofree char *a = shown(got->archive_name);
        if (got->size != want->size)
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "%s does not match the bundle manifest (%" PRIu64 " bytes listed, %"
                        PRIu64 " found): the bundle was damaged or altered since it was made",
                        a, want->size, got->size);
        if (strcmp(got->sha256, want->sha256))
            return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                        "%s does not match the bundle manifest (sha256 %.12s... listed, "
                        "%.12s... found): the bundle was damaged or altered since it was made",
                        a, want->sha256, got->sha256);
    }
    for (guint i = 0; i < r->order->len; i++) {
        const char *name = r->order->pdata[i];
        if (!strcmp(name, CLI_BUNDLE_MANIFEST) || g_hash_table_contains(listed, name))
            continue;
        const Found *got = g_hash_table_lookup(r->found, name);
        g_autofree char *a = shown(got->archive_name);
        return fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                    "%s is in the archive but not in its bundle manifest (the bundle was "
                    "altered since it was made)", a);
    }
    return true;
}

/* The recording's manifest and the copies of the binaries it names. */
static bool check_recording(Reader *r, GError **err)
{
    g_autofree char *t = shown(r->top);
    if (!g_hash_table_contains(r->found, RECORDING_MANIFEST))
        return fail(r, err, CLI_BUNDLE_ERROR_FORMAT,
                    "no %s/" RECORDING_MANIFEST ": a bundle of something other than a recording",
                    t);
    g_autofree char *path = g_build_filename(r->dir, RECORDING_MANIFEST, NULL);
    RrManifest mf;
    GError *e = NULL;
    if (!rr_manifest_read(path, &mf, &e)) {
        /* Its message names the file by its unpacked path: name it as in
         * the archive instead. */
        const char *msg = e->message;
        if (g_str_has_prefix(msg, path))
            msg += strlen(path);
        fail(r, err, CLI_BUNDLE_ERROR_FORMAT, "%s/" RECORDING_MANIFEST "%s%s", t,
             *msg == ':' ? "" : ": ", msg);
        g_error_free(e);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < mf.n_binaries; i++) {
        const RrManifestBinary *b = &mf.binaries[i];
        const char *role = rr_manifest_role_name(b->role);
        g_autofree char *member = binary_member(b);
        g_autofree char *s = shown(member);
        const Found *got = g_hash_table_lookup(r->found, member);
        if (!got)
            ok = fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                      "no %s/%s: the bundle lacks the %s its recording was made with", t, s,
                      role);
        else if (strcmp(got->sha256, b->sha256))
            ok = fail(r, err, CLI_BUNDLE_ERROR_DAMAGED,
                      "%s/%s is not the %s recorded (sha256 %.12s... recorded, %.12s... in the "
                      "bundle): the bundle was altered since it was made", t, s, role,
                      b->sha256, got->sha256);
    }
    rr_manifest_clear(&mf);
    return ok;
}

bool cli_bundle_unpack(const char *tar, char **dir_out, GError **err)
{
    Reader r = { .tar = tar };
    *dir_out = NULL;
    struct stat st;
    if (stat(tar, &st) == 0 && S_ISDIR(st.st_mode))
        return fail(&r, err, CLI_BUNDLE_ERROR_FORMAT, "a directory, not a bundle");
    r.f = fopen(tar, "rb");
    if (!r.f) {
        int errn = errno;
        return fail(&r, err, CLI_BUNDLE_ERROR_IO, "cannot read it: %s", g_strerror(errn));
    }
    GError *e = NULL;
    r.dir = g_dir_make_tmp("rewind-bundle-XXXXXX", &e);
    if (!r.dir) {
        fclose(r.f);
        fail(&r, err, CLI_BUNDLE_ERROR_IO, "cannot unpack it: %s", e->message);
        g_error_free(e);
        return false;
    }
    r.found = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, found_free);
    r.order = g_ptr_array_new();
    r.buf = g_malloc(COPY_CHUNK);
    GHashTable *listed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, found_free);
    GPtrArray *listed_order = g_ptr_array_new();
    bool ok = read_archive(&r, err);
    if (ok && !g_hash_table_contains(r.found, CLI_BUNDLE_MANIFEST)) {
        g_autofree char *t = r.top ? shown(r.top) : g_strdup("T");
        ok = fail(&r, err, CLI_BUNDLE_ERROR_FORMAT,
                  "no %s/" CLI_BUNDLE_MANIFEST " member: not a rewind bundle (make one with "
                  "rewind bundle DIR -o FILE.tar)", t);
    }
    if (ok) {
        g_autofree char *t = shown(r.top);
        g_autofree char *mname = g_strconcat(t, "/" CLI_BUNDLE_MANIFEST, NULL);
        ok = read_bundle_manifest(&r, mname, listed, listed_order, err) &&
             check_members(&r, listed, listed_order, err) && check_recording(&r, err);
    }
    fclose(r.f);
    g_ptr_array_free(listed_order, TRUE);
    g_hash_table_destroy(listed);
    g_ptr_array_free(r.order, TRUE);
    g_hash_table_destroy(r.found);
    g_free(r.buf);
    g_free(r.top);
    if (!ok) {
        cli_bundle_cleanup(r.dir);
        g_free(r.dir);
        return false;
    }
    *dir_out = r.dir;
    return true;
}

/* ---- rewind bundle ---- */

static const char help[] =
    "usage: rewind bundle RECORDING -o FILE.tar\n"
    "Pack a recording directory and the guest programs it was made with into one\n"
    "tar file, to replay elsewhere with rewind replay FILE.tar (which checks every\n"
    "file against the SHA-256 the bundle lists).\n\n"
    "  -o FILE.tar     the bundle to write (replaced if it exists)\n"
    "  -h, --help      this help\n\n"
    "The programs are read where the recording's manifest names them and must be\n"
    "the bytes recorded. The same recording always packs to the same bytes; tar tf\n"
    "and tar xf read the bundle.\n\n"
    "Exit status: 0 when written, 1 for bad usage, 2 when the recording cannot be\n"
    "bundled (a program changed since the recording, a file that cannot be read...).\n";

int cli_bundle_main(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(help, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "-o")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "rewind bundle: option -o needs an argument\n");
                return 1;
            }
            out = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "rewind bundle: unknown option %s (see rewind bundle --help)\n",
                    argv[i]);
            return 1;
        } else if (dir) {
            fprintf(stderr, "rewind bundle: more than one recording given (%s and %s)\n", dir,
                    argv[i]);
            return 1;
        } else {
            dir = argv[i];
        }
    }
    if (!dir || !out) {
        fprintf(stderr, "rewind bundle: %s (see rewind bundle --help)\n",
                !dir ? "no recording given" : "no output given (-o FILE.tar)");
        return 1;
    }
    GError *err = NULL;
    if (!cli_bundle_pack(dir, out, &err)) {
        fprintf(stderr, "rewind bundle: %s\n", err->message);
        g_error_free(err);
        return 2;
    }
    return 0;
}
