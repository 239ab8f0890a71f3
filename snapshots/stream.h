/* snapshots/stream.h — the one stream machine state is written to and read
 * from: little-endian integers and bytes, to memory or a file, with a
 * sticky error. After the first failure every put and get does nothing
 * (gets return 0), so a serializer writes or reads straight through and
 * checks once at the end.
 *
 *   SnapStream *s = snap_stream_new_writer();
 *   snap_put_u32(s, 1); snap_put_bytes(s, buf, n);
 *   GBytes *b = snap_stream_steal(s, &err);     // NULL on error
 *
 *   SnapStream *r = snap_stream_new_reader(data, len, "snapshot 'x'");
 *   uint32_t v = snap_get_u32(r);
 *   if (!snap_stream_finish(r, &err)) ...       // the first error, with its offset
 */
#ifndef SNAPSHOTS_STREAM_H
#define SNAPSHOTS_STREAM_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SNAP_ERROR (snap_error_quark())
GQuark snap_error_quark(void);
typedef enum SnapError {
    SNAP_ERROR_IO,          /* the host could not read or write */
    SNAP_ERROR_CORRUPT,     /* the bytes are not a valid state */
    SNAP_ERROR_MISMATCH,    /* valid, but for another machine (RAM size, ...) */
} SnapError;

typedef struct SnapStream SnapStream;

/* Memory: a writer into a growing buffer; a reader of `len` bytes at
 * `data`, which stay the caller's and must outlive the stream. `what`
 * names the source in errors ("snapshot 'boot'"); it is copied. */
SnapStream *snap_stream_new_writer(void);
SnapStream *snap_stream_new_reader(const void *data, size_t len, const char *what);
/* A file, created (or truncated) for writing, or opened for reading. */
SnapStream *snap_stream_new_file_writer(const char *path, GError **err)
    __attribute__((warn_unused_result));
SnapStream *snap_stream_new_file_reader(const char *path, GError **err)
    __attribute__((warn_unused_result));
void snap_stream_free(SnapStream *s);

void snap_put_u8(SnapStream *s, uint8_t v);
void snap_put_bool(SnapStream *s, bool v);
void snap_put_u32(SnapStream *s, uint32_t v);
void snap_put_u64(SnapStream *s, uint64_t v);
void snap_put_bytes(SnapStream *s, const void *buf, size_t len);

uint8_t snap_get_u8(SnapStream *s);
bool snap_get_bool(SnapStream *s);        /* a byte other than 0 or 1 fails */
uint32_t snap_get_u32(SnapStream *s);
uint64_t snap_get_u64(SnapStream *s);
void snap_get_bytes(SnapStream *s, void *buf, size_t len);   /* zeros on failure */
/* Reader: how many bytes are left (0 for a file reader, which cannot tell
 * cheaply: its gets fail at the end instead). */
size_t snap_stream_remaining(const SnapStream *s);

/* Bytes put or got so far. */
uint64_t snap_stream_offset(const SnapStream *s);
/* Make the stream fail here (if it has not already): the message is
 * prefixed with the source and the offset. */
void snap_stream_fail(SnapStream *s, SnapError code, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
bool snap_stream_failed(const SnapStream *s);

/* The first error, if any (copied into *err); a file writer is flushed
 * and closed here. Returns whether all went well. The stream is still to
 * be freed. */
bool snap_stream_finish(SnapStream *s, GError **err) __attribute__((warn_unused_result));
/* Memory writer: finish, and hand over what was written (NULL on error). */
GBytes *snap_stream_steal(SnapStream *s, GError **err) __attribute__((warn_unused_result));

#endif
