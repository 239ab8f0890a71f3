/* snapshots/stream.c — see stream.h. */
#include "snapshots/stream.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK(snap-error-quark, snap_error)

struct SnapStream {
    bool write;
    GByteArray *out;             /* memory writer */
    const uint8_t *in;           /* memory reader */
    size_t in_len;
    FILE *file;                  /* file writer or reader */
    char *what;                  /* the source, for errors */
    uint64_t offset;
    GError *error;               /* the first failure: sticky */
};

static SnapStream *stream_new(bool write, const char *what)
{
    SnapStream *s = g_new0(SnapStream, 1);
    s->write = write;
    s->what = g_strdup(what);
    return s;
}

SnapStream *snap_stream_new_writer(void)
{
    SnapStream *s = stream_new(true, "machine state");
    s->out = g_byte_array_new();
    return s;
}

SnapStream *snap_stream_new_reader(const void *data, size_t len, const char *what)
{
    SnapStream *s = stream_new(false, what);
    s->in = data;
    s->in_len = len;
    return s;
}

static SnapStream *file_stream(const char *path, bool write, GError **err)
{
    FILE *f = fopen(path, write ? "wb" : "rb");
    if (!f) {
        int e = errno;
        g_set_error(err, SNAP_ERROR, SNAP_ERROR_IO, "%s: cannot open for %s: %s", path,
                    write ? "writing" : "reading", g_strerror(e));
        return NULL;
    }
    SnapStream *s = stream_new(write, path);
    s->file = f;
    return s;
}

SnapStream *snap_stream_new_file_writer(const char *path, GError **err)
{
    return file_stream(path, true, err);
}

SnapStream *snap_stream_new_file_reader(const char *path, GError **err)
{
    return file_stream(path, false, err);
}

void snap_stream_free(SnapStream *s)
{
    if (!s)
        return;
    if (s->out)
        g_byte_array_unref(s->out);
    if (s->file)
        fclose(s->file);
    g_clear_error(&s->error);
    g_free(s->what);
    g_free(s);
}

void snap_stream_fail(SnapStream *s, SnapError code, const char *fmt, ...)
{
    if (s->error)
        return;
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(&s->error, SNAP_ERROR, code, "%s, offset %" G_GUINT64_FORMAT ": %s", s->what,
                s->offset, msg);
}

bool snap_stream_failed(const SnapStream *s) { return s->error != NULL; }
uint64_t snap_stream_offset(const SnapStream *s) { return s->offset; }

size_t snap_stream_remaining(const SnapStream *s)
{
    return s->in && !s->error ? s->in_len - (size_t)s->offset : 0;
}

void snap_put_bytes(SnapStream *s, const void *buf, size_t len)
{
    if (s->error || !len)
        return;
    g_assert(s->write);
    if (s->out) {
        g_byte_array_append(s->out, buf, (guint)len);
    } else if (fwrite(buf, 1, len, s->file) != len) {
        int e = errno;
        snap_stream_fail(s, SNAP_ERROR_IO, "cannot write: %s", g_strerror(e));
        return;
    }
    s->offset += len;
}

void snap_get_bytes(SnapStream *s, void *buf, size_t len)
{
    g_assert(!s->write);
    if (!s->error && s->in) {
        if (len <= s->in_len - s->offset) {
            memcpy(buf, s->in + s->offset, len);
            s->offset += len;
            return;
        }
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "%zu bytes left for a %zu-byte field: "
                         "the state is truncated", s->in_len - (size_t)s->offset, len);
    } else if (!s->error) {
        size_t got = fread(buf, 1, len, s->file);
        s->offset += got;
        if (got == len)
            return;
        if (ferror(s->file))
            snap_stream_fail(s, SNAP_ERROR_IO, "cannot read: %s", g_strerror(errno));
        else
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "the file ends %zu bytes into a %zu-byte "
                             "field: the state is truncated", got, len);
    }
    memset(buf, 0, len);
}

void snap_put_u8(SnapStream *s, uint8_t v) { snap_put_bytes(s, &v, 1); }
void snap_put_bool(SnapStream *s, bool v) { snap_put_u8(s, v ? 1 : 0); }

void snap_put_u32(SnapStream *s, uint32_t v)
{
    uint8_t b[4];
    for (unsigned i = 0; i < 4; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    snap_put_bytes(s, b, 4);
}

void snap_put_u64(SnapStream *s, uint64_t v)
{
    uint8_t b[8];
    for (unsigned i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    snap_put_bytes(s, b, 8);
}

uint8_t snap_get_u8(SnapStream *s)
{
    uint8_t v;
    snap_get_bytes(s, &v, 1);
    return v;
}

bool snap_get_bool(SnapStream *s)
{
    uint8_t v = snap_get_u8(s);
    if (v > 1) {
        s->offset--;                 /* name the byte itself */
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "a flag reads %u, not 0 or 1", v);
        return false;
    }
    return v;
}

uint32_t snap_get_u32(SnapStream *s)
{
    uint8_t b[4];
    snap_get_bytes(s, b, 4);
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; i++)
        v |= (uint32_t)b[i] << (8 * i);
    return v;
}

uint64_t snap_get_u64(SnapStream *s)
{
    uint8_t b[8];
    snap_get_bytes(s, b, 8);
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++)
        v |= (uint64_t)b[i] << (8 * i);
    return v;
}

bool snap_stream_finish(SnapStream *s, GError **err)
{
    if (s->file && s->write && !s->error) {
        if (fflush(s->file) != 0 || fsync(fileno(s->file)) != 0) {
            int e = errno;
            snap_stream_fail(s, SNAP_ERROR_IO, "cannot write: %s", g_strerror(e));
        }
    }
    if (s->file) {
        if (fclose(s->file) != 0 && !s->error && s->write)
            snap_stream_fail(s, SNAP_ERROR_IO, "cannot close: %s", g_strerror(errno));
        s->file = NULL;
    }
    if (s->error) {
        g_propagate_error(err, g_error_copy(s->error));
        return false;
    }
    return true;
}

GBytes *snap_stream_steal(SnapStream *s, GError **err)
{
    g_assert(s->out);
    if (!snap_stream_finish(s, err))
        return NULL;
    GBytes *b = g_byte_array_free_to_bytes(s->out);
    s->out = g_byte_array_new();
    return b;
}
