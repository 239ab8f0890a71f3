/* cli/bundle.h — `rewind bundle`: a recording packed into one tar file,
 * with the guest programs it was made with, to replay on another machine.
 *
 *   rewind record -o rec prog.elf
 *   rewind bundle rec -o rec.tar        # cli_bundle_pack
 *   scp rec.tar elsewhere: && ssh elsewhere rewind replay rec.tar
 *
 *   char *dir;                           // what `rewind replay rec.tar` does
 *   if (!cli_bundle_unpack("rec.tar", &dir, &err)) ...one line: err->message
 *   char *kernel = cli_bundle_binary_path(dir, &manifest, RR_ROLE_KERNEL);
 *   ...replay the recording directory `dir`, loading `kernel`...
 *   cli_bundle_cleanup(dir); g_free(dir);
 *
 * A bundle is a POSIX ustar archive (GNU tar reads it: `tar tf rec.tar`,
 * `tar xf rec.tar`) whose members all sit in one directory T, the
 * recording directory's name ("recording" when it has none):
 *
 *   T/rewind-bundle              the bundle manifest (first member, below)
 *   T/binaries/ROLE/NAME         each guest binary of the recording's
 *                                manifest (`binary = ROLE PATH SHA256`),
 *                                NAME the last component of its PATH
 *   T/events.rwl, T/manifest...  every file of the recording directory,
 *                                subdirectories included
 *
 * Members after the first are in strcmp order of their names; each is a
 * regular file, mode 0644, owner 0:0 with no names, mtime 0, so the same
 * recording always packs to the same bytes. A name longer than ustar's 100
 * bytes, or a size of 8 GiB or more, goes in a pax extended header
 * (typeflag 'x', `path=`/`size=` records) before the member's own.
 *
 * The bundle manifest is UTF-8 text, `#` comments, then:
 *
 *   rewind-bundle = 1                       CLI_BUNDLE_FORMAT
 *   member = SIZE SHA256 NAME               one per other member
 *
 * SIZE in bytes (decimal), SHA256 as 64 lowercase hex digits, NAME the
 * member's name without "T/" (everything after the second space: it may
 * hold spaces, never a line break). Lines in the members' order.
 */
#ifndef CLI_BUNDLE_H
#define CLI_BUNDLE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "replay/manifest.h"

/* The bundle manifest format this rewind writes and reads: bump it when a
 * key is added or changes its meaning, or the member layout changes. */
#define CLI_BUNDLE_FORMAT 1
/* The bundle manifest's member name, inside T/. */
#define CLI_BUNDLE_MANIFEST "rewind-bundle"

#define CLI_BUNDLE_ERROR cli_bundle_error_quark()
GQuark cli_bundle_error_quark(void);

typedef enum CliBundleError {
    CLI_BUNDLE_ERROR_IO,        /* the host could not read or write a file */
    CLI_BUNDLE_ERROR_USAGE,     /* pack: not a recording, or what a bundle cannot hold */
    CLI_BUNDLE_ERROR_CHANGED,   /* pack: a guest binary differs from the recorded one */
    CLI_BUNDLE_ERROR_FORMAT,    /* unpack: not a bundle, or one this rewind refuses to
                                 * unpack (a link, a name leaving T, a newer format) */
    CLI_BUNDLE_ERROR_DAMAGED,   /* unpack: truncated, a member fails its size or hash,
                                 * a member missing, extra or twice */
} CliBundleError;

/* Pack the recording directory `dir` into the file `tar` (replaced if it
 * exists; written under a temporary name and renamed, so a failure leaves
 * no half bundle). The guest binaries are read at the paths the manifest
 * names (relative ones from the current directory, as `rewind replay`
 * would) and must still have the recorded SHA-256. Returns false with
 * *err set, one line naming the file and what to do, if `dir` is not a
 * recording, holds what a bundle cannot (a symlink, a device, a line break
 * in a name, a `binaries` or `rewind-bundle` of its own), `tar` would land
 * inside `dir`, a binary changed since the recording
 * (CLI_BUNDLE_ERROR_CHANGED) or a file changes while it is packed. */
bool cli_bundle_pack(const char *dir, const char *tar, GError **err)
    __attribute__((warn_unused_result));

/* Unpack the bundle `tar` into a new private directory under $TMPDIR and
 * check it whole: every member of the archive listed in its bundle
 * manifest with that size and SHA-256, each listed member present once,
 * a recording `manifest` among them, and a copy of each binary it names
 * with the recorded SHA-256. On success *dir_out (g_malloc'd, the caller's)
 * is a recording directory that `rewind replay` reads, its binaries at
 * cli_bundle_binary_path(); remove it with cli_bundle_cleanup. Returns
 * false with *err set and nothing left on disk if the file cannot be read
 * (CLI_BUNDLE_ERROR_IO), is not a bundle or holds a link, a device, an
 * absolute name or a `..` (CLI_BUNDLE_ERROR_FORMAT), or is truncated or
 * altered (CLI_BUNDLE_ERROR_DAMAGED); the message is one line naming the
 * bundle and the member:
 *   "rec.tar: rec/events.rwl does not match the bundle manifest (sha256
 *    9f86d0... listed, 1b4f0e... found): the bundle was damaged or
 *    altered since it was made"   (one line) */
bool cli_bundle_unpack(const char *tar, char **dir_out, GError **err)
    __attribute__((warn_unused_result));

/* Remove `dir`, a directory cli_bundle_unpack made, and all it holds
 * (never following a link). NULL: nothing. */
void cli_bundle_cleanup(const char *dir);

/* Where the bundle unpacked in `dir` keeps its copy of the binary of
 * `role` that the recording manifest `mf` names (g_malloc'd): a path to
 * load instead of the recorded one. NULL if `mf` names none. */
char *cli_bundle_binary_path(const char *dir, const RrManifest *mf, RrManifestRole role);

/* `rewind bundle DIR -o FILE.tar`; argv[0] is "bundle". Returns the exit
 * status: 0 when written, 1 for bad usage, 2 when the recording cannot be
 * bundled (one line on stderr saying why). */
int cli_bundle_main(int argc, char **argv);

/* The tar writer's blocks, for tests that make archives of their own:
 * append to `tar` a regular-file member `name` holding `len` bytes of
 * `data` (header, data, padding to 512 bytes), exactly as the packer
 * writes one. Returns false with *err set if `name` is empty or longer
 * than 4096 bytes. */
bool cli_bundle_tar_append(GByteArray *tar, const char *name, const void *data, size_t len,
                           GError **err) __attribute__((warn_unused_result));
/* Append the end-of-archive marker (two zero blocks). */
void cli_bundle_tar_finish(GByteArray *tar);

#endif
