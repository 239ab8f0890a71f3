/* replay/manifest.h — a recording's `manifest`: the machine options it was
 * made with, as text (replay/FORMAT.md, "The manifest"), written at record
 * time and compared with the options given to a replay.
 *
 *   rewind-log = 1                 RR_MANIFEST_FORMAT
 *   command = ...                  information only: never compared or hashed
 *   machine = virt
 *   memory = 268435456             bytes
 *   icount-shift = 0
 *   icount-sleep = on              on | off
 *   sync-interval = 4194304
 *   sync-groups = 64
 *   serial = stdio                 stdio | none | file:PATH
 *   semihosting = off
 *   no-reboot = off
 *   append =                       may be empty
 *   binary = ROLE PATH SHA256      0..3 lines, one per role, in load order
 *
 * A line is `key = value`: the key is what precedes the first '=' (blanks
 * around it ignored), the value everything after it, less one space right
 * after the '=' if there is one; the rest (other blanks included) is the
 * value exactly. A `binary` value is its role up to the first space, its
 * SHA-256 after the last space, and its path everything in between: a path
 * may hold spaces, and round-trips exactly. Values are one line: neither
 * the writer nor the format can hold a CR or LF in one.
 *
 * The reader takes keys in any order but each once; it skips blank lines
 * and lines whose first non-blank character is '#'. It refuses unknown
 * keys: a later format that adds one bumps rewind-log.
 */
#ifndef REPLAY_MANIFEST_H
#define REPLAY_MANIFEST_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The manifest format this rewind writes and reads: bump it when a key is
 * added, removed, or changes its meaning or syntax. */
#define RR_MANIFEST_FORMAT 1

#define RR_MANIFEST_ERROR rr_manifest_error_quark()
GQuark rr_manifest_error_quark(void);

typedef enum RrManifestError {
    RR_MANIFEST_ERROR_IO,       /* the host could not read or write the file */
    RR_MANIFEST_ERROR_PARSE,    /* a line, key or value the format does not allow */
    RR_MANIFEST_ERROR_VERSION,  /* rewind-log is not RR_MANIFEST_FORMAT */
    RR_MANIFEST_ERROR_INVALID,  /* the writer's caller passed what the format cannot hold */
} RrManifestError;

/* Persisted by name ("kernel", "initrd", "dtb"): bump RR_MANIFEST_FORMAT
 * when you add one. */
typedef enum RrManifestRole {
    RR_ROLE_KERNEL,
    RR_ROLE_INITRD,
    RR_ROLE_DTB,
} RrManifestRole;

#define RR_MANIFEST_ROLES 3

/* "kernel", "initrd", "dtb"; NULL for anything else. */
const char *rr_manifest_role_name(RrManifestRole role);

typedef struct RrManifestBinary {
    RrManifestRole role;
    char *path;                  /* as given on the command line; not empty */
    char sha256[65];             /* 64 lowercase hex digits and a NUL */
} RrManifestBinary;

/* Every string is the manifest's own (g_malloc'd), freed by
 * rr_manifest_clear(); NULL writes as an empty value. */
typedef struct RrManifest {
    int format;                  /* rewind-log: RR_MANIFEST_FORMAT */
    char *command;               /* the command line, information only */
    char *machine;               /* "virt" */
    uint64_t memory;             /* bytes */
    unsigned icount_shift;
    bool icount_sleep;
    uint64_t sync_interval;
    uint32_t sync_groups;
    char *serial;                /* "stdio", "none" or "file:PATH" */
    bool semihosting;
    bool no_reboot;              /* key `no-reboot` */
    char *append;                /* the guest command line; may be empty */
    RrManifestBinary *binaries;  /* n_binaries entries, g_malloc'd */
    size_t n_binaries;
} RrManifest;

/* All zero, format RR_MANIFEST_FORMAT. */
void rr_manifest_init(RrManifest *m);
/* Free every string and binary of `m` and leave it as rr_manifest_init
 * does. Safe on a manifest that is all zero or already cleared. */
void rr_manifest_clear(RrManifest *m);

/* Append a binary line; `path` and `sha256` are copied (sha256 is not
 * checked here: rr_manifest_check and the writer do). */
void rr_manifest_add_binary(RrManifest *m, RrManifestRole role, const char *path,
                            const char *sha256);

/* Whether the writer can write `m` so that the reader reads back the same:
 * format RR_MANIFEST_FORMAT, no CR or LF in a value, machine not empty,
 * serial stdio, none or file:PATH with PATH not empty, each binary's role
 * known and used once, its path not empty, its sha256 64 lowercase hex
 * digits. Returns false with *err (RR_MANIFEST_ERROR_INVALID) naming the
 * first thing wrong. */
bool rr_manifest_check(const RrManifest *m, GError **err) __attribute__((warn_unused_result));

/* Create (or truncate) `path` and write `m` in the format above, keys in
 * that order. Returns false with *err set if rr_manifest_check refuses `m`
 * (nothing is written then) or the file cannot be written. */
bool rr_manifest_write(const RrManifest *m, const char *path, GError **err)
    __attribute__((warn_unused_result));

/* Read `path` into *out, which the caller has not initialised (and clears
 * with rr_manifest_clear after success). Returns false with *err set and
 * *out left as rr_manifest_init leaves it if the file cannot be read or is
 * not a manifest this rewind reads; the message is one line that names the
 * file, the line if there is one, and what is wrong:
 *   "rec/manifest:4: unknown key 'colour'"
 *   "rec/manifest:6: memory is not a number ('256M')"
 *   "rec/manifest: missing key 'no-reboot'"
 *   "rec/manifest:1: written by a newer rewind (manifest format 2)" */
bool rr_manifest_read(const char *path, RrManifest *out, GError **err)
    __attribute__((warn_unused_result));

/* The SHA-256 of the text rr_manifest_write would write for `m`, without
 * its `command` line: the log header's config-hash. The command line's
 * spelling (a renamed directory) does not change it; any option that
 * decides the execution does. Meaningful for a manifest rr_manifest_check
 * accepts. */
void rr_manifest_config_hash(const RrManifest *m, uint8_t out[32]);

/* The SHA-256 of the contents of the file at `path`, as 64 lowercase hex
 * digits and a NUL in `out`. Returns false with *err set
 * (RR_MANIFEST_ERROR_IO) if it cannot be read. */
bool rr_manifest_hash_file(const char *path, char out[65], GError **err)
    __attribute__((warn_unused_result));

/* Compare what a replay was given with what was recorded: append to `out`
 * one line ("...\n") per difference, naming the option as QEMU and rewind
 * spell it, and return how many there are (0: the same machine).
 *   "-m: recorded 256M, given 128M"
 *   "-icount shift: recorded 0, given 3"
 *   "-serial: recorded stdio, given none"
 *   "-append: recorded \"console=ttyAMA0\", given \"\""
 *   "-initrd: recorded rd.img, given none"
 *   "kernel prog.elf: its contents changed since the recording
 *    (sha256 9f86d0... recorded, 1b4f0e... now)"   (one line)
 * `command` and `format` are never compared, nor a binary's path when its
 * contents are the same (a copy elsewhere runs the same). */
unsigned rr_manifest_diff(const RrManifest *recorded, const RrManifest *given, GString *out);

#endif
