/* tests/cli/test_bundle.c — recording bundles (cli/bundle.h): a recording
 * packed and unpacked to the same bytes, the same bytes every time, and
 * every bad archive refused with one line naming what is wrong, leaving
 * nothing behind. (A real guest bundled and replayed from the tar:
 * tests/cli/run-bundle.sh.) */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "cli/bundle.h"
#include "replay/manifest.h"

static char *dir;       /* everything the test makes */
static char *tmpdir;    /* $TMPDIR: where bundles are unpacked */
static char *rec;       /* a recording directory */
static char *prog;      /* its program */
static char *tarfile;

#define LOG_BYTES "RWLOG\0\1\2 not a real log, the bundle does not read it"
/* Over ustar's 100 bytes: goes in a pax header. */
#define LONG_NAME "overlays/a-disk-overlay-whose-name-is-much-longer-than-the-one-hundred-" \
                  "bytes-a-ustar-name-field-holds.qcow2"

static void put_file(const char *path, const void *data, size_t len)
{
    g_autofree char *parent = g_path_get_dirname(path);
    cr_assert_eq(g_mkdir_with_parents(parent, 0755), 0);
    GError *err = NULL;
    cr_assert(g_file_set_contents(path, data, (gssize)len, &err), "%s", err ? err->message : "");
}

static GBytes *get_file(const char *path)
{
    gchar *data;
    gsize len;
    cr_assert(g_file_get_contents(path, &data, &len, NULL), "cannot read %s", path);
    return g_bytes_new_take(data, len);
}

/* A recording directory: a manifest naming `prog`, a log, a subdirectory
 * with a long name in it. */
static void make_recording(void)
{
    put_file(prog, "\177ELF pretend program", 21);
    RrManifest mf;
    rr_manifest_init(&mf);
    mf.command = g_strdup("rewind record -o rec prog.elf");
    mf.machine = g_strdup("virt");
    mf.memory = 128 << 20;
    mf.sync_interval = 4 << 20;
    mf.sync_groups = 64;
    mf.serial = g_strdup("stdio");
    mf.append = g_strdup("");
    char sha[65];
    cr_assert(rr_manifest_hash_file(prog, sha, NULL));
    rr_manifest_add_binary(&mf, RR_ROLE_KERNEL, prog, sha);
    g_autofree char *man = g_build_filename(rec, "manifest", NULL);
    cr_assert_eq(g_mkdir_with_parents(rec, 0755), 0);
    GError *err = NULL;
    cr_assert(rr_manifest_write(&mf, man, &err), "%s", err ? err->message : "");
    rr_manifest_clear(&mf);
    g_autofree char *log = g_build_filename(rec, "events.rwl", NULL);
    put_file(log, LOG_BYTES, sizeof LOG_BYTES);
    g_autofree char *overlay = g_build_filename(rec, LONG_NAME, NULL);
    put_file(overlay, "QFI\xfb", 4);
}

static void setup(void)
{
    dir = g_strdup("/tmp/rewind-bundletest-XXXXXX");
    cr_assert(g_mkdtemp(dir));
    /* Before anything asks glib for the temporary directory. */
    tmpdir = g_build_filename(dir, "tmp", NULL);
    cr_assert_eq(g_mkdir(tmpdir, 0700), 0);
    g_setenv("TMPDIR", tmpdir, TRUE);
    rec = g_build_filename(dir, "rec", NULL);
    prog = g_build_filename(dir, "prog.elf", NULL);
    tarfile = g_build_filename(dir, "rec.tar", NULL);
    cr_redirect_stdout();
    cr_redirect_stderr();
}

static void teardown(void)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(tarfile);
    g_free(prog);
    g_free(rec);
    g_free(tmpdir);
    g_free(dir);
}

TestSuite(cli_bundle, .init = setup, .fini = teardown, .timeout = 30);

static void pack(void)
{
    GError *err = NULL;
    cr_assert(cli_bundle_pack(rec, tarfile, &err), "%s", err ? err->message : "");
}

static void write_tar(GByteArray *tar)
{
    put_file(tarfile, tar->data, tar->len);
}

static bool tmpdir_is_empty(void)
{
    GDir *d = g_dir_open(tmpdir, 0, NULL);
    cr_assert(d);
    bool empty = g_dir_read_name(d) == NULL;
    g_dir_close(d);
    return empty;
}

/* Unpacking `tarfile` must fail with `code` and a one-line message
 * holding `needle`, and leave nothing in $TMPDIR. */
static void refused(CliBundleError code, const char *needle)
{
    char *out = (char *)"unset";
    GError *err = NULL;
    bool ok = cli_bundle_unpack(tarfile, &out, &err);
    if (ok)
        cli_bundle_cleanup(out);
    cr_assert(!ok, "unpacked what it should refuse (%s)", needle);
    cr_assert_null(out);
    cr_assert(g_error_matches(err, CLI_BUNDLE_ERROR, code), "code %d, wanted %d: %s", err->code,
              code, err->message);
    cr_assert(strstr(err->message, needle), "'%s' lacks '%s'", err->message, needle);
    cr_assert(g_str_has_prefix(err->message, tarfile), "%s", err->message);
    cr_assert_null(strchr(err->message, '\n'), "%s", err->message);
    cr_assert(tmpdir_is_empty(), "unpacked files left behind");
    g_error_free(err);
}

/* A bundle manifest listing each (name, data) pair of `members`. */
static char *bundle_manifest(const char *const *members, size_t n)
{
    GString *s = g_string_new("rewind-bundle = 1\n");
    for (size_t i = 0; i + 1 < n; i += 2) {
        g_autofree char *sha = g_compute_checksum_for_string(G_CHECKSUM_SHA256, members[i + 1], -1);
        g_string_append_printf(s, "member = %zu %s %s\n", strlen(members[i + 1]), sha, members[i]);
    }
    return g_string_free(s, FALSE);
}

static void append(GByteArray *tar, const char *name, const char *data)
{
    GError *err = NULL;
    cr_assert(cli_bundle_tar_append(tar, name, data, strlen(data), &err), "%s",
              err ? err->message : "");
}

/* The header of the member that starts at `off`, changed by the caller:
 * its checksum made right again. */
static void reseal(GByteArray *tar, size_t off)
{
    uint8_t *h = tar->data + off;
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; i++)
        sum += h[i];
    char buf[8];
    snprintf(buf, sizeof buf, "%06o", sum);
    memcpy(h + 148, buf, 7);
}

Test(cli_bundle, round_trip_gives_back_every_file_and_the_program)
{
    make_recording();
    pack();
    char *out = NULL;
    GError *err = NULL;
    cr_assert(cli_bundle_unpack(tarfile, &out, &err), "%s", err ? err->message : "");
    cr_assert(g_str_has_prefix(out, tmpdir), "%s not under $TMPDIR", out);
    const char *files[] = { "manifest", "events.rwl", LONG_NAME };
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *a = g_build_filename(rec, files[i], NULL);
        g_autofree char *b = g_build_filename(out, files[i], NULL);
        g_autoptr(GBytes) x = get_file(a);
        g_autoptr(GBytes) y = get_file(b);
        cr_assert(g_bytes_equal(x, y), "%s differs after the round trip", files[i]);
    }
    RrManifest mf;
    g_autofree char *man = g_build_filename(out, "manifest", NULL);
    cr_assert(rr_manifest_read(man, &mf, NULL));
    g_autofree char *copy = cli_bundle_binary_path(out, &mf, RR_ROLE_KERNEL);
    cr_assert_null(cli_bundle_binary_path(out, &mf, RR_ROLE_INITRD));
    rr_manifest_clear(&mf);
    g_autofree char *want = g_build_filename(out, "binaries", "kernel", "prog.elf", NULL);
    cr_assert_str_eq(copy, want);
    g_autoptr(GBytes) p1 = get_file(prog);
    g_autoptr(GBytes) p2 = get_file(copy);
    cr_assert(g_bytes_equal(p1, p2));
    cli_bundle_cleanup(out);
    cr_assert(!g_file_test(out, G_FILE_TEST_EXISTS), "cleanup left %s", out);
    cr_assert(tmpdir_is_empty());
    g_free(out);
}

Test(cli_bundle, the_same_recording_packs_to_the_same_bytes)
{
    make_recording();
    pack();
    g_autoptr(GBytes) first = get_file(tarfile);
    /* Other times, other modes: nothing of the files' metadata goes in. */
    g_autofree char *log = g_build_filename(rec, "events.rwl", NULL);
    cr_assert_eq(g_chmod(log, 0600), 0);
    cr_assert_eq(g_utime(prog, NULL), 0);
    pack();
    g_autoptr(GBytes) second = get_file(tarfile);
    cr_assert(g_bytes_equal(first, second));
    /* ustar blocks; the bundle manifest first, in T = the directory's name. */
    gsize len;
    const char *t = g_bytes_get_data(first, &len);
    cr_assert_eq(len % 512, 0);
    cr_assert_str_eq(t, "rec/rewind-bundle");
    cr_assert_eq(memcmp(t + 257, "ustar\0" "00", 8), 0);
}

Test(cli_bundle, a_tampered_member_is_refused_by_name)
{
    make_recording();
    pack();
    g_autoptr(GBytes) b = get_file(tarfile);
    gsize len;
    const uint8_t *t = g_bytes_get_data(b, &len);
    const uint8_t *hit = NULL;
    for (gsize i = 0; !hit && i + sizeof LOG_BYTES <= len; i++)
        if (!memcmp(t + i, LOG_BYTES, sizeof LOG_BYTES))
            hit = t + i;
    cr_assert(hit);
    GByteArray *tar = g_byte_array_new();
    g_byte_array_append(tar, t, (guint)len);
    tar->data[hit - t + 10] ^= 1;
    write_tar(tar);
    g_byte_array_unref(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "rec/events.rwl does not match the bundle manifest (sha256 ");
}

Test(cli_bundle, a_truncated_bundle_is_refused_wherever_it_is_cut)
{
    make_recording();
    pack();
    g_autoptr(GBytes) b = get_file(tarfile);
    gsize len;
    const uint8_t *t = g_bytes_get_data(b, &len);
    /* Less than a header's magic: not even a tar archive. */
    put_file(tarfile, t, 100);
    refused(CLI_BUNDLE_ERROR_FORMAT, "too short for a tar archive, not a rewind bundle");
    for (gsize cut = 300; cut < len; cut += cut < 4096 ? 37 : 511) {
        put_file(tarfile, t, cut);
        refused(CLI_BUNDLE_ERROR_DAMAGED, "truncated at byte");
    }
    put_file(tarfile, t, len - 1);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "end-of-archive marker");
}

Test(cli_bundle, names_leaving_the_bundle_are_refused)
{
    const char *bad[][2] = {
        { "rec/../x", "climbs out of the bundle's directory ('..')" },
        { "../rec/x", "climbs out" },
        { "/etc/x", "absolute name" },
        { "other/x", "outside the bundle's directory rec/" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GByteArray) tar = g_byte_array_new();
        append(tar, "rec/rewind-bundle", "rewind-bundle = 1\n");
        append(tar, bad[i][0], "x");
        cli_bundle_tar_finish(tar);
        write_tar(tar);
        refused(CLI_BUNDLE_ERROR_FORMAT, bad[i][1]);
    }
}

Test(cli_bundle, links_and_devices_are_refused)
{
    const struct { char type; const char *msg; } bad[] = {
        { '2', "member 'rec/x' is a symbolic link" },
        { '1', "member 'rec/x' is a hard link" },
        { '3', "member 'rec/x' is not a regular file (tar type '3')" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GByteArray) tar = g_byte_array_new();
        append(tar, "rec/rewind-bundle", "rewind-bundle = 1\n");
        size_t at = tar->len;
        append(tar, "rec/x", "");
        tar->data[at + 156] = (uint8_t)bad[i].type;
        memcpy(tar->data + at + 157, "/etc/passwd", 11);
        reseal(tar, at);
        cli_bundle_tar_finish(tar);
        write_tar(tar);
        refused(CLI_BUNDLE_ERROR_FORMAT, bad[i].msg);
    }
}

Test(cli_bundle, an_archive_without_a_bundle_manifest_is_not_a_bundle)
{
    g_autoptr(GByteArray) tar = g_byte_array_new();
    append(tar, "rec/manifest", "rewind-log = 1\n");
    append(tar, "rec/events.rwl", "log");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_FORMAT, "no rec/rewind-bundle member: not a rewind bundle");
}

Test(cli_bundle, a_member_twice_is_refused)
{
    const char *members[] = { "events.rwl", "log" };
    g_autofree char *bm = bundle_manifest(members, 2);
    g_autoptr(GByteArray) tar = g_byte_array_new();
    append(tar, "rec/rewind-bundle", bm);
    append(tar, "rec/events.rwl", "log");
    append(tar, "rec/./events.rwl", "evil");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "member 'rec/./events.rwl' appears twice");
}

Test(cli_bundle, members_missing_or_extra_are_refused)
{
    const char *members[] = { "events.rwl", "log", "manifest", "m" };
    g_autofree char *bm = bundle_manifest(members, 4);
    g_autoptr(GByteArray) tar = g_byte_array_new();
    append(tar, "rec/rewind-bundle", bm);
    append(tar, "rec/events.rwl", "log");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED,
            "rec/manifest is listed in the bundle manifest but not in the archive");

    g_byte_array_set_size(tar, 0);
    append(tar, "rec/rewind-bundle", bm);
    append(tar, "rec/events.rwl", "log");
    append(tar, "rec/manifest", "m");
    append(tar, "rec/extra", "smuggled");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "rec/extra is in the archive but not in its bundle manifest");

    g_byte_array_set_size(tar, 0);
    append(tar, "rec/rewind-bundle", bm);
    append(tar, "rec/events.rwl", "log!");
    append(tar, "rec/manifest", "m");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "rec/events.rwl does not match the bundle manifest (3 bytes "
                                      "listed, 4 found)");
}

Test(cli_bundle, a_bundle_of_something_else_or_a_newer_format_is_refused)
{
    g_autoptr(GByteArray) tar = g_byte_array_new();
    append(tar, "rec/rewind-bundle", "rewind-bundle = 2\nmember = 1 x y\n");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_FORMAT,
            "rec/rewind-bundle:1: written by a newer rewind (bundle format 2");

    const char *members[] = { "events.rwl", "log" };
    g_autofree char *bm = bundle_manifest(members, 2);
    g_byte_array_set_size(tar, 0);
    append(tar, "rec/rewind-bundle", bm);
    append(tar, "rec/events.rwl", "log");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_FORMAT,
            "no rec/manifest: a bundle of something other than a recording");

    const char *members2[] = { "manifest", "rewind-log = 1\ncolour = red\n" };
    g_autofree char *bm2 = bundle_manifest(members2, 2);
    g_byte_array_set_size(tar, 0);
    append(tar, "rec/rewind-bundle", bm2);
    append(tar, "rec/manifest", "rewind-log = 1\ncolour = red\n");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_FORMAT, "rec/manifest:2: unknown key 'colour'");
}

Test(cli_bundle, a_bundle_without_its_program_is_refused)
{
    make_recording();
    pack();
    /* Rebuild the archive without the program, listing what is left. */
    g_autofree char *man_path = g_build_filename(rec, "manifest", NULL);
    g_autofree char *man = NULL;
    cr_assert(g_file_get_contents(man_path, &man, NULL, NULL));
    const char *members[] = { "events.rwl", "log", "manifest", man };
    g_autofree char *bm = bundle_manifest(members, 4);
    g_autoptr(GByteArray) tar = g_byte_array_new();
    append(tar, "rec/rewind-bundle", bm);
    append(tar, "rec/events.rwl", "log");
    append(tar, "rec/manifest", man);
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED,
            "no rec/binaries/kernel/prog.elf: the bundle lacks the kernel its recording was made "
            "with");
}

Test(cli_bundle, not_a_tar_and_a_bad_header_are_refused)
{
    put_file(tarfile, "", 0);
    refused(CLI_BUNDLE_ERROR_FORMAT, "an empty file, not a rewind bundle");
    char junk[2048];
    memset(junk, 'j', sizeof junk);
    put_file(tarfile, junk, sizeof junk);
    refused(CLI_BUNDLE_ERROR_FORMAT, "not a tar archive");
    g_autoptr(GByteArray) tar = g_byte_array_new();
    append(tar, "rec/rewind-bundle", "rewind-bundle = 1\n");
    size_t at = tar->len;
    append(tar, "rec/x", "x");
    tar->data[at + 3] ^= 0x20;          /* the name, checksum left alone */
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "the tar header at byte 1024 fails its checksum");
    /* A pax header whose record lies about its length. */
    g_byte_array_set_size(tar, 0);
    append(tar, "rec/rewind-bundle", "rewind-bundle = 1\n");
    at = tar->len;
    append(tar, "rec/x", "99 path=rec/y\n");
    tar->data[at + 156] = 'x';
    reseal(tar, at);
    append(tar, "rec/z", "");
    cli_bundle_tar_finish(tar);
    write_tar(tar);
    refused(CLI_BUNDLE_ERROR_DAMAGED, "damaged pax extended header");
    /* Nor a directory. */
    g_autofree char *saved = tarfile;
    tarfile = g_strdup(dir);
    refused(CLI_BUNDLE_ERROR_FORMAT, "a directory, not a bundle");
    g_free(tarfile);
    tarfile = g_steal_pointer(&saved);
}

Test(cli_bundle, pack_refuses_a_program_changed_since_the_recording)
{
    make_recording();
    put_file(prog, "\177ELF another program", 21);
    GError *err = NULL;
    cr_assert(!cli_bundle_pack(rec, tarfile, &err));
    cr_assert(g_error_matches(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_CHANGED));
    g_autofree char *want = g_strdup_printf("kernel %s has changed since the recording", prog);
    cr_assert(strstr(err->message, want), "%s", err->message);
    g_error_free(err);
    cr_assert(!g_file_test(tarfile, G_FILE_TEST_EXISTS));
    /* And leaves no temporary file next to where the bundle would be. */
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *n;
    while ((n = g_dir_read_name(d)))
        cr_assert(!g_str_has_prefix(n, "rec.tar"), "left %s", n);
    g_dir_close(d);
}

Test(cli_bundle, pack_refuses_what_a_bundle_cannot_hold)
{
    make_recording();
    g_autofree char *link = g_build_filename(rec, "link", NULL);
    cr_assert_eq(symlink("/etc/passwd", link), 0);
    GError *err = NULL;
    cr_assert(!cli_bundle_pack(rec, tarfile, &err));
    cr_assert(strstr(err->message, "link is a symbolic link: a bundle holds regular files only"),
              "%s", err->message);
    g_clear_error(&err);
    cr_assert_eq(unlink(link), 0);

    g_autofree char *inside = g_build_filename(rec, "rec.tar", NULL);
    cr_assert(!cli_bundle_pack(rec, inside, &err));
    cr_assert(strstr(err->message, "is inside the recording"), "%s", err->message);
    g_clear_error(&err);

    g_autofree char *nothing = g_build_filename(dir, "nothing", NULL);
    cr_assert(!cli_bundle_pack(nothing, tarfile, &err));
    cr_assert(strstr(err->message, "no such recording directory"), "%s", err->message);
    g_clear_error(&err);
    cr_assert(!cli_bundle_pack(tmpdir, tarfile, &err));
    cr_assert(strstr(err->message, "holds no manifest: not a recording"), "%s", err->message);
    g_clear_error(&err);
}

Test(cli_bundle, command_line)
{
    make_recording();
    const char *help[] = { "bundle", "--help" };
    cr_assert_eq(cli_bundle_main(2, (char **)help), 0);
    const char *none[] = { "bundle", rec };
    cr_assert_eq(cli_bundle_main(2, (char **)none), 1);
    const char *bogus[] = { "bundle", "--bogus" };
    cr_assert_eq(cli_bundle_main(2, (char **)bogus), 1);
    const char *ok[] = { "bundle", rec, "-o", tarfile };
    cr_assert_eq(cli_bundle_main(4, (char **)ok), 0);
    put_file(prog, "changed", 7);
    cr_assert_eq(cli_bundle_main(4, (char **)ok), 2);
    fflush(stdout);
    fflush(stderr);
    g_autofree char *want = g_strdup_printf(
        "rewind bundle: no output given (-o FILE.tar) (see rewind bundle --help)\n"
        "rewind bundle: unknown option --bogus (see rewind bundle --help)\n"
        "rewind bundle: kernel %s has changed since the recording (sha256 ", prog);
    FILE *f = cr_get_redirected_stderr();
    char buf[1024] = { 0 };
    cr_assert(fread(buf, 1, sizeof buf - 1, f) > 0);
    cr_assert(g_str_has_prefix(buf, want), "%s", buf);
}
