/* replay/log.h — the event log `events.rwl`: a writer, a reader, and the
 * varint and CRC-32C helpers they share. The bytes are those of
 * replay/FORMAT.md, format version 2 (version 1 is read too); a change
 * there comes first.
 *
 *   file  = header block* trailer?
 *   block = "BLK1" P:u32 base:u64 count:u32 crc:u32 | P bytes of events
 *   event = tag:u8 delta:varint payload
 *
 * The writer collects events into a block and writes the block (fwrite and
 * fflush: the bytes reach the kernel, no fsync) when it holds 64 KiB, when
 * an append finds a second of real time passed since the last block, on
 * rr_log_writer_flush() and on close. A writer stopped at any point leaves
 * the header and whole blocks, perhaps a partial block after them.
 *
 * The reader checks every byte it is given (checksums, bounds, counts,
 * order) before it hands out an event: it never reads out of bounds and
 * never returns an event of a damaged block. Its errors are one line that
 * names the file, the byte offset and the icount reached, and what to do.
 */
#ifndef REPLAY_LOG_H
#define REPLAY_LOG_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RR_LOG_VERSION 2
/* The oldest version the reader takes: version 1 is version 2 without
 * debug-write events. */
#define RR_LOG_VERSION_MIN 1

#define RR_LOG_ERROR rr_log_error_quark()
GQuark rr_log_error_quark(void);

typedef enum RrLogError {
    RR_LOG_ERROR_IO,         /* the host could not open, read or write the file */
    RR_LOG_ERROR_NOT_LOG,    /* not a rewind log (bad magic) */
    RR_LOG_ERROR_VERSION,    /* another format version, or unknown header flags */
    RR_LOG_ERROR_DAMAGED,    /* a checksum, length, count or order is wrong */
    RR_LOG_ERROR_TRUNCATED,  /* the file ends early: the log was never closed */
    RR_LOG_ERROR_INVALID,    /* the writer's caller passed something the format cannot hold */
} RrLogError;

/* Event tags as stored. Bump the format version when you add a kind (or
 * give an old one a new payload or meaning). */
typedef enum RrEventKind {
    RR_EVENT_SERIAL_IN    = 0x01,  /* port, bytes (1..4096) */
    RR_EVENT_NET_PACKET   = 0x02,  /* adapter, bytes (1..65536) */
    RR_EVENT_HOST_CLOCK   = 0x03,  /* source (RrClockSource), value */
    RR_EVENT_ENTROPY      = 0x04,  /* source, bytes (1..4096) */
    RR_EVENT_IDLE_WARP    = 0x05,  /* ns */
    RR_EVENT_HOST_REQUEST = 0x06,  /* request (RrHostRequest) */
    RR_EVENT_USER_STOP    = 0x07,  /* reason (RrStopReason) */
    RR_EVENT_SYNC         = 0x08,  /* cpu_hash, ram_hash, pages, regs, groups */
    RR_EVENT_END          = 0x09,  /* status (RrEndStatus), code */
    RR_EVENT_DEBUG_WRITE  = 0x0a,  /* space (RrDebugSpace), target, bytes (1..4096); version 2 */
} RrEventKind;

#define RR_EVENT_KIND_FIRST RR_EVENT_SERIAL_IN
#define RR_EVENT_KIND_LAST  RR_EVENT_DEBUG_WRITE

/* Persisted values too: bump the format version when you add one. */
typedef enum RrClockSource {
    RR_CLOCK_RTC_SECONDS = 0,      /* the PL031's seconds since the epoch */
    RR_CLOCK_SEMI_TIME = 1,        /* semihosting SYS_TIME, seconds */
    RR_CLOCK_SEMI_CLOCK = 2,       /* semihosting SYS_CLOCK, centiseconds */
} RrClockSource;

typedef enum RrEntropySource {
    RR_ENTROPY_DEVICE_TREE = 0,    /* the device tree's rng-seed and kaslr-seed */
} RrEntropySource;

typedef enum RrHostRequest {
    RR_REQUEST_SHUTDOWN = 0,
    RR_REQUEST_RESET = 1,
    RR_REQUEST_HALT = 2,
} RrHostRequest;

typedef enum RrStopReason {
    RR_STOP_INTERRUPTED = 0,       /* Ctrl-C, SIGINT/SIGTERM */
    RR_STOP_COMMAND = 1,           /* the REPL's `stop` */
} RrStopReason;

/* What a debug write changed: a register by its index in the state
 * register order (emu_cpu_state_reg, FORMAT.md's sync registers), or RAM
 * at a physical address. */
typedef enum RrDebugSpace {
    RR_DEBUG_REGISTER = 0,
    RR_DEBUG_RAM = 1,
} RrDebugSpace;

typedef enum RrEndStatus {
    RR_END_POWER_OFF = 0,          /* code is 0 */
    RR_END_SEMIHOST_EXIT = 1,      /* code is the exit status */
    RR_END_EMULATION_ERROR = 2,
    RR_END_USER_STOP = 3,
} RrEndStatus;

#define RR_EVENT_SERIAL_MAX  4096u
#define RR_EVENT_NET_MAX     65536u
#define RR_EVENT_ENTROPY_MAX 4096u
#define RR_SYNC_REGS         69      /* X0..X30 SP_EL0 SP_EL1 PC PSTATE FPCR FPSR V0..V31 */
#define RR_SYNC_GROUPS_MAX   4096u

/* One event. Only the fields of its kind mean anything; the others are
 * ignored by the writer and zero from the reader.
 *
 * From the reader, `bytes` and `groups` point into the reader and stay
 * valid until the next rr_log_reader_next() or rr_log_reader_close(). To
 * the writer they are the caller's and are copied before append returns. */
typedef struct RrEvent {
    RrEventKind kind;
    uint64_t icount;             /* absolute: instructions retired before it */
    uint64_t port;               /* SERIAL_IN */
    uint64_t adapter;            /* NET_PACKET */
    uint64_t source;             /* HOST_CLOCK (RrClockSource), ENTROPY */
    uint8_t space;               /* DEBUG_WRITE (RrDebugSpace) */
    uint64_t target;             /* DEBUG_WRITE: register index or physical address */
    const uint8_t *bytes;        /* SERIAL_IN, NET_PACKET, ENTROPY, DEBUG_WRITE */
    size_t len;
    uint64_t value;              /* HOST_CLOCK */
    uint64_t ns;                 /* IDLE_WARP */
    uint8_t request;             /* HOST_REQUEST (RrHostRequest) */
    uint8_t reason;              /* USER_STOP (RrStopReason) */
    uint8_t status;              /* END (RrEndStatus) */
    uint64_t code;               /* END */
    uint64_t cpu_hash;           /* SYNC */
    uint64_t ram_hash;
    uint64_t pages;
    uint8_t regs[RR_SYNC_REGS];
    const uint32_t *groups;      /* n_groups entries, the header's sync_groups */
    uint32_t n_groups;
    uint32_t size;               /* reader only: bytes the event took in its block */
} RrEvent;

/* "serial-in", "net-packet", "host-clock", "entropy", "idle-warp",
 * "host-request", "user-stop", "sync", "end", "debug-write"; NULL for
 * anything else. */
const char *rr_event_kind_name(RrEventKind kind);

/* The header's fields (FORMAT.md, "Header"). */
typedef struct RrLogHeader {
    uint16_t version;            /* reader: as read; the writer writes RR_LOG_VERSION */
    uint32_t flags;              /* 0 in version 1 */
    uint8_t config_hash[32];
    uint64_t sync_interval;      /* N */
    uint32_t sync_groups;        /* G: a power of two, 1..4096, dividing N */
    uint32_t icount_shift;
    uint64_t start_time_ns;      /* host time at the start, information only */
    const char *command_line;    /* UTF-8, information only; NULL reads as "" */
} RrLogHeader;

/* ---- The writer ---- */

typedef struct RrLogWriter RrLogWriter;

/* Create (or truncate) `path` and write the header. `hdr` stays the
 * caller's. Returns NULL with *err set if the header is out of range (G not
 * a power of two dividing N, a command line too long for the u16 header
 * length) or the file cannot be written. */
RrLogWriter *rr_log_writer_open(const char *path, const RrLogHeader *hdr, GError **err)
    __attribute__((warn_unused_result));

/* Append one event; `ev` stays the caller's. Refuses (false, *err set,
 * nothing appended) an icount below the previous event's, a payload size or
 * value out of range, a sync whose n_groups is not the header's G, and any
 * event after an END. A failure to write a block is sticky: every later
 * call fails too. */
bool rr_log_writer_append(RrLogWriter *w, const RrEvent *ev, GError **err)
    __attribute__((warn_unused_result));

/* Write the events collected so far as a block, if there are any. */
bool rr_log_writer_flush(RrLogWriter *w, GError **err) __attribute__((warn_unused_result));

/* How much real time (microseconds, default 1,000,000) an append waits
 * after the last block write before it writes a block itself. 0 writes a
 * block at every append. */
void rr_log_writer_set_block_interval(RrLogWriter *w, int64_t usec);

/* Write the last block and the trailer, close the file and free `w`
 * (always, also on failure). `final_icount` must not be below the last
 * event's icount. Returns false with *err set if something could not be
 * written: the log then has no trailer and reads as truncated. */
bool rr_log_writer_close(RrLogWriter *w, uint64_t final_icount, GError **err)
    __attribute__((warn_unused_result));

/* ---- The reader ---- */

typedef struct RrLogReader RrLogReader;

typedef enum RrLogReaderFlags {
    RR_LOG_STRICT = 0,
    /* A truncated or damaged tail (after a valid header) ends the stream
     * cleanly after the last complete, valid block; rr_log_reader_stats()
     * says what was left out and why. */
    RR_LOG_SALVAGE = 1 << 0,
} RrLogReaderFlags;

/* Open `path` and check its header (magic, version, length, CRC, flags, N
 * and G). Returns NULL with *err set otherwise. */
RrLogReader *rr_log_reader_open(const char *path, RrLogReaderFlags flags, GError **err)
    __attribute__((warn_unused_result));
/* The same over `len` bytes in memory, which stay the caller's and must
 * outlive the reader; `name` stands for the file in messages. */
RrLogReader *rr_log_reader_open_memory(const void *data, size_t len, const char *name,
                                       RrLogReaderFlags flags, GError **err)
    __attribute__((warn_unused_result));
void rr_log_reader_close(RrLogReader *r);

/* The header as read; the strings stay the reader's. */
const RrLogHeader *rr_log_reader_header(const RrLogReader *r);
const char *rr_log_reader_path(const RrLogReader *r);

/* The next event into *out. Returns 1 with an event; 0 at the end: the
 * trailer is read and agrees with the blocks (or, with RR_LOG_SALVAGE, the
 * tail after the last good block was left out); -1 with *err set. After 0
 * or -1 it returns the same again. */
int rr_log_reader_next(RrLogReader *r, RrEvent *out, GError **err)
    __attribute__((warn_unused_result));

typedef struct RrLogStats {
    uint64_t events;             /* events returned so far */
    uint64_t blocks;             /* complete, valid blocks read so far */
    uint64_t icount;             /* the last event's icount (0 before any) */
    uint64_t offset;             /* byte offset just past the last valid block */
    bool sealed;                 /* the trailer was read and verified */
    uint64_t final_icount;       /* the trailer's, once sealed */
    uint64_t file_bytes;         /* bytes read, header to trailer, once sealed */
    /* RR_LOG_SALVAGE only: the error the damaged or truncated tail would
     * have been, or NULL if nothing was left out. The reader's string. */
    const char *salvage_note;
} RrLogStats;

void rr_log_reader_stats(const RrLogReader *r, RrLogStats *out);

/* ---- Helpers ---- */

#define RR_VARINT_MAX 10

/* Encode v as unsigned LEB128 into out; returns the length, 1..10. */
size_t rr_varint_encode(uint64_t v, uint8_t out[RR_VARINT_MAX]);

/* Decode a varint from the `avail` bytes at p. Returns its length (1..10)
 * with *v set, or 0 if it runs past `avail`, is longer than 10 bytes, has a
 * tenth byte above 1, or ends in a redundant zero group. */
size_t rr_varint_decode(const uint8_t *p, size_t avail, uint64_t *v);

/* CRC-32C (Castagnoli, reflected). Start with crc = 0 and pass the result
 * back in to continue over more bytes: rr_crc32c(rr_crc32c(0, a, n), b, m)
 * is the CRC of a followed by b. */
uint32_t rr_crc32c(uint32_t crc, const void *data, size_t len);

#endif
