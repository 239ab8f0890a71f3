/* tests/replay/test_manifest.c — the recording manifest of replay/FORMAT.md:
 * the exact text written, round trips, every reader error with its message,
 * the config hash, the file hash and the differences a replay names. */
#include <criterion/criterion.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <string.h>

#include "replay/manifest.h"
#include "tests/replay/testdir.h"

static char *dir;

static void setup(void) { dir = testdir_new("rr-manifest-XXXXXX"); }
static void teardown(void) { testdir_remove(dir); }

TestSuite(rr_manifest, .init = setup, .fini = teardown, .timeout = 30);

#define SHA_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA_PROG "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define SHA_OTHER "1b4f0e9851971998e732078544c96b36c3d01cedf7caa332359d6f1d83567014"

static char *path_in_dir(const char *name) { return g_build_filename(dir, name, NULL); }

/* FORMAT.md's example. */
static void sample(RrManifest *m)
{
    rr_manifest_init(m);
    m->command = g_strdup("rewind record -o DIR -m 256M -serial stdio prog.elf");
    m->machine = g_strdup("virt");
    m->memory = 256u << 20;
    m->icount_shift = 0;
    m->icount_sleep = true;
    m->sync_interval = 4194304;
    m->sync_groups = 64;
    m->serial = g_strdup("stdio");
    m->semihosting = false;
    m->no_reboot = false;
    m->append = g_strdup("");
    rr_manifest_add_binary(m, RR_ROLE_KERNEL, "prog.elf", SHA_PROG);
}

static const char sample_text[] =
    "rewind-log = 1\n"
    "command = rewind record -o DIR -m 256M -serial stdio prog.elf\n"
    "machine = virt\n"
    "memory = 268435456\n"
    "icount-shift = 0\n"
    "icount-sleep = on\n"
    "sync-interval = 4194304\n"
    "sync-groups = 64\n"
    "serial = stdio\n"
    "semihosting = off\n"
    "no-reboot = off\n"
    "append =\n"
    "binary = kernel prog.elf " SHA_PROG "\n";

static char *read_text(const char *path)
{
    char *text = NULL;
    cr_assert(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

static void write_text(const char *path, const char *text)
{
    cr_assert(g_file_set_contents(path, text, -1, NULL));
}

/* ---- The writer ---- */

Test(rr_manifest, writes_the_documented_text_exactly)
{
    RrManifest m;
    sample(&m);
    char *path = path_in_dir("manifest");
    GError *err = NULL;
    cr_assert(rr_manifest_write(&m, path, &err), "%s", err ? err->message : "");
    char *text = read_text(path);
    cr_assert_str_eq(text, sample_text);
    g_free(text);
    g_free(path);
    rr_manifest_clear(&m);
}

Test(rr_manifest, writes_every_binary_in_order_and_null_strings_as_empty)
{
    RrManifest m;
    rr_manifest_init(&m);
    m.machine = g_strdup("virt");
    m.serial = g_strdup("none");
    m.memory = 1u << 30;
    m.icount_shift = 3;
    m.sync_interval = 1;
    m.sync_groups = 1;
    m.semihosting = true;
    m.no_reboot = true;
    rr_manifest_add_binary(&m, RR_ROLE_DTB, "a.dtb", SHA_ABC);
    rr_manifest_add_binary(&m, RR_ROLE_KERNEL, "my kernel.elf", SHA_PROG);
    char *path = path_in_dir("manifest");
    GError *err = NULL;
    cr_assert(rr_manifest_write(&m, path, &err), "%s", err ? err->message : "");
    char *text = read_text(path);
    cr_assert_str_eq(text, "rewind-log = 1\n"
                           "command =\n"
                           "machine = virt\n"
                           "memory = 1073741824\n"
                           "icount-shift = 3\n"
                           "icount-sleep = off\n"
                           "sync-interval = 1\n"
                           "sync-groups = 1\n"
                           "serial = none\n"
                           "semihosting = on\n"
                           "no-reboot = on\n"
                           "append =\n"
                           "binary = dtb a.dtb " SHA_ABC "\n"
                           "binary = kernel my kernel.elf " SHA_PROG "\n");
    g_free(text);
    g_free(path);
    rr_manifest_clear(&m);
}

/* What rr_manifest_write refuses, with its message; nothing is written. */
static void expect_write_refused(RrManifest *m, const char *why)
{
    char *path = path_in_dir("manifest");
    GError *err = NULL;
    cr_assert_not(rr_manifest_write(m, path, &err));
    cr_assert(g_error_matches(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_INVALID));
    char *want = g_strdup_printf("%s: cannot write the manifest: %s", path, why);
    cr_assert_str_eq(err->message, want);
    cr_assert_not(g_file_test(path, G_FILE_TEST_EXISTS));
    g_free(want);
    g_error_free(err);
    g_free(path);
    rr_manifest_clear(m);
}

Test(rr_manifest, write_refuses_a_line_break_in_any_value)
{
    RrManifest m;
    sample(&m);
    g_free(m.append);
    m.append = g_strdup("console=ttyAMA0\nmemory = 1");
    expect_write_refused(&m, "append holds a line break (a manifest value is one line)");

    sample(&m);
    g_free(m.command);
    m.command = g_strdup("rewind record\r");
    expect_write_refused(&m, "command holds a line break (a manifest value is one line)");

    sample(&m);
    g_free(m.serial);
    m.serial = g_strdup("file:out\n.txt");
    expect_write_refused(&m, "serial holds a line break (a manifest value is one line)");

    sample(&m);
    rr_manifest_add_binary(&m, RR_ROLE_INITRD, "rd\n.img", SHA_ABC);
    expect_write_refused(&m, "the initrd binary's path holds a line break (a manifest value is one line)");
}

Test(rr_manifest, write_refuses_what_the_reader_would)
{
    RrManifest m;
    sample(&m);
    m.format = 2;
    expect_write_refused(&m, "manifest format 2 is not 1");

    sample(&m);
    g_free(m.machine);
    m.machine = NULL;
    expect_write_refused(&m, "machine is empty");

    sample(&m);
    g_free(m.serial);
    m.serial = g_strdup("file:");
    expect_write_refused(&m, "serial is not stdio, none or file:PATH ('file:')");

    sample(&m);
    rr_manifest_add_binary(&m, RR_ROLE_KERNEL, "again.elf", SHA_PROG);
    expect_write_refused(&m, "a second kernel binary");

    sample(&m);
    rr_manifest_add_binary(&m, RR_ROLE_DTB, "", SHA_PROG);
    expect_write_refused(&m, "the dtb binary has an empty path");

    sample(&m);
    rr_manifest_add_binary(&m, RR_ROLE_DTB, "a.dtb", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08");
    expect_write_refused(&m, "the dtb binary's sha256 is not 64 lowercase hex digits");

    sample(&m);
    rr_manifest_add_binary(&m, RR_ROLE_DTB, "a.dtb", "abc");
    expect_write_refused(&m, "the dtb binary's sha256 is not 64 lowercase hex digits");

    sample(&m);
    rr_manifest_add_binary(&m, (RrManifestRole)7, "bios.bin", SHA_ABC);
    expect_write_refused(&m, "binary 1 has an unknown role 7");
}

Test(rr_manifest, write_names_a_file_it_cannot_create)
{
    RrManifest m;
    sample(&m);
    char *path = g_build_filename(dir, "missing", "manifest", NULL);
    GError *err = NULL;
    cr_assert_not(rr_manifest_write(&m, path, &err));
    cr_assert(g_error_matches(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO));
    char *want = g_strdup_printf("%s: cannot write the manifest: %s", path, g_strerror(ENOENT));
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_error_free(err);
    g_free(path);
    rr_manifest_clear(&m);
}

/* ---- Round trips ---- */

static void assert_same(const RrManifest *a, const RrManifest *b)
{
    cr_assert_eq(a->format, b->format);
    cr_assert_str_eq(a->command ? a->command : "", b->command);
    cr_assert_str_eq(a->machine, b->machine);
    cr_assert_eq(a->memory, b->memory);
    cr_assert_eq(a->icount_shift, b->icount_shift);
    cr_assert_eq(a->icount_sleep, b->icount_sleep);
    cr_assert_eq(a->sync_interval, b->sync_interval);
    cr_assert_eq(a->sync_groups, b->sync_groups);
    cr_assert_str_eq(a->serial, b->serial);
    cr_assert_eq(a->semihosting, b->semihosting);
    cr_assert_eq(a->no_reboot, b->no_reboot);
    cr_assert_str_eq(a->append ? a->append : "", b->append);
    cr_assert_eq(a->n_binaries, b->n_binaries);
    for (size_t i = 0; i < a->n_binaries; i++) {
        cr_assert_eq(a->binaries[i].role, b->binaries[i].role);
        cr_assert_str_eq(a->binaries[i].path, b->binaries[i].path);
        cr_assert_str_eq(a->binaries[i].sha256, b->binaries[i].sha256);
    }
}

static void round_trip(const RrManifest *m)
{
    char *path = path_in_dir("manifest");
    GError *err = NULL;
    cr_assert(rr_manifest_write(m, path, &err), "%s", err ? err->message : "");
    RrManifest back;
    cr_assert(rr_manifest_read(path, &back, &err), "%s", err ? err->message : "");
    assert_same(m, &back);
    rr_manifest_clear(&back);
    g_free(path);
}

Test(rr_manifest, round_trips_the_documented_example_with_an_empty_append)
{
    RrManifest m;
    sample(&m);
    round_trip(&m);
    rr_manifest_clear(&m);
}

Test(rr_manifest, round_trips_every_field_at_its_extremes)
{
    RrManifest m;
    rr_manifest_init(&m);
    m.command = g_strdup("rewind record -o 'my rec' -m 4G -icount shift=10 -append ' a  b '");
    m.machine = g_strdup("virt");
    m.memory = UINT64_MAX;
    m.icount_shift = UINT_MAX;
    m.icount_sleep = false;
    m.sync_interval = UINT64_MAX;
    m.sync_groups = UINT32_MAX;
    m.serial = g_strdup("file:/tmp/serial out.txt");
    m.semihosting = true;
    m.no_reboot = true;
    m.append = g_strdup("  console=ttyAMA0 # not a comment = ok  ");
    rr_manifest_add_binary(&m, RR_ROLE_KERNEL, "/home/me/My Kernels/prog v2.elf", SHA_PROG);
    rr_manifest_add_binary(&m, RR_ROLE_INITRD, " rd .img ", SHA_ABC);
    rr_manifest_add_binary(&m, RR_ROLE_DTB, "virt.dtb", SHA_OTHER);
    round_trip(&m);
    rr_manifest_clear(&m);
}

Test(rr_manifest, round_trips_no_binaries_and_a_null_command)
{
    RrManifest m;
    sample(&m);
    g_free(m.command);
    m.command = NULL;
    g_free(m.binaries[0].path);
    g_free(m.binaries);
    m.binaries = NULL;
    m.n_binaries = 0;
    round_trip(&m);
    rr_manifest_clear(&m);
}

Test(rr_manifest, reads_comments_blank_lines_crlf_and_any_key_order)
{
    char *path = path_in_dir("manifest");
    write_text(path, "# written by hand\r\n"
                     "\n"
                     "binary = kernel prog.elf " SHA_PROG "\r\n"
                     "   \t\n"
                     "machine=virt\n"
                     "  memory   =   268435456\n"       /* the value is "  268435456": refused */
                     "rewind-log = 1\n");
    RrManifest m;
    GError *err = NULL;
    cr_assert_not(rr_manifest_read(path, &m, &err));
    char *want = g_strdup_printf("%s:6: memory is not a number ('  268435456')", path);
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_clear_error(&err);

    write_text(path, "# written by hand\r\n"
                     "\n"
                     "binary = kernel prog.elf " SHA_PROG "\r\n"
                     "   \t\n"
                     "machine=virt\r\n"
                     "  memory   = 268435456\n"
                     "append = \n"
                     "  # rewind-log = 2\n"
                     "command = x\n"
                     "icount-shift = 0\n"
                     "icount-sleep = on\n"
                     "sync-interval = 4194304\n"
                     "sync-groups = 64\n"
                     "serial = stdio\n"
                     "semihosting = off\n"
                     "no-reboot = off\n"
                     "rewind-log = 1");                 /* no final newline */
    cr_assert(rr_manifest_read(path, &m, &err), "%s", err ? err->message : "");
    RrManifest want_m;
    sample(&want_m);
    g_free(want_m.command);
    want_m.command = g_strdup("x");
    assert_same(&want_m, &m);
    rr_manifest_clear(&want_m);
    rr_manifest_clear(&m);
    g_free(path);
}

/* ---- Reader errors ---- */

/* The sample text with line `line` (1-based) replaced by `with`, or
 * removed if `with` is NULL; or, if `insert`, `with` inserted before it. */
static char *edited(unsigned line, const char *with, bool insert)
{
    char **lines = g_strsplit(sample_text, "\n", -1);
    GString *s = g_string_new(NULL);
    for (unsigned i = 0; lines[i] && *lines[i]; i++) {
        if (i + 1 != line)
            g_string_append_printf(s, "%s\n", lines[i]);
        else if (insert)
            g_string_append_printf(s, "%s\n%s\n", with, lines[i]);
        else if (with)
            g_string_append_printf(s, "%s\n", with);
    }
    g_strfreev(lines);
    return g_string_free(s, FALSE);
}

/* Reading `text` fails with `code` and the message "<path>`suffix`", and
 * leaves *out cleared. */
static void expect_read_error(const char *text, int code, const char *suffix)
{
    char *path = path_in_dir("manifest");
    write_text(path, text);
    RrManifest m;
    GError *err = NULL;
    cr_assert_not(rr_manifest_read(path, &m, &err), "read: %s", text);
    cr_assert_not_null(err);
    char *want = g_strconcat(path, suffix, NULL);
    cr_assert_str_eq(err->message, want);
    cr_assert(g_error_matches(err, RR_MANIFEST_ERROR, code), "code %d", err->code);
    cr_assert_null(m.command);
    cr_assert_null(m.binaries);
    cr_assert_eq(m.n_binaries, 0);
    g_free(want);
    g_error_free(err);
    g_free(path);
}

static void expect_edit_error(unsigned line, const char *with, int code, const char *suffix)
{
    char *text = edited(line, with, false);
    expect_read_error(text, code, suffix);
    g_free(text);
}

static void expect_insert_error(unsigned line, const char *with, int code, const char *suffix)
{
    char *text = edited(line, with, true);
    expect_read_error(text, code, suffix);
    g_free(text);
}

#define PARSE RR_MANIFEST_ERROR_PARSE

Test(rr_manifest, refuses_an_unknown_key)
{
    expect_edit_error(4, "colour = blue", PARSE, ":4: unknown key 'colour'");
    expect_edit_error(4, "Memory = 268435456", PARSE, ":4: unknown key 'Memory'");
}

Test(rr_manifest, refuses_a_value_that_is_not_a_number)
{
    expect_edit_error(4, "memory = 256M", PARSE, ":4: memory is not a number ('256M')");
    expect_edit_error(4, "memory =", PARSE, ":4: memory is not a number ('')");
    expect_edit_error(4, "memory = -1", PARSE, ":4: memory is not a number ('-1')");
    expect_edit_error(4, "memory = 268435456 ", PARSE,
                      ":4: memory is not a number ('268435456 ')");
    expect_edit_error(5, "icount-shift = 0x3", PARSE, ":5: icount-shift is not a number ('0x3')");
    expect_edit_error(7, "sync-interval = many", PARSE,
                      ":7: sync-interval is not a number ('many')");
    expect_edit_error(8, "sync-groups = 6 4", PARSE, ":8: sync-groups is not a number ('6 4')");
    expect_edit_error(1, "rewind-log = one", PARSE, ":1: rewind-log is not a number ('one')");
}

Test(rr_manifest, refuses_a_number_out_of_range)
{
    expect_edit_error(4, "memory = 18446744073709551616", PARSE,
                      ":4: memory is out of range (18446744073709551616, at most 18446744073709551615)");
    expect_edit_error(8, "sync-groups = 4294967296", PARSE,
                      ":8: sync-groups is out of range (4294967296, at most 4294967295)");
    expect_edit_error(5, "icount-shift = 4294967296", PARSE,
                      ":5: icount-shift is out of range (4294967296, at most 4294967295)");
}

Test(rr_manifest, refuses_a_bad_boolean_serial_or_machine)
{
    expect_edit_error(6, "icount-sleep = yes", PARSE, ":6: icount-sleep is neither on nor off ('yes')");
    expect_edit_error(10, "semihosting = ON", PARSE, ":10: semihosting is neither on nor off ('ON')");
    expect_edit_error(11, "no-reboot =", PARSE, ":11: no-reboot is neither on nor off ('')");
    expect_edit_error(9, "serial = tcp::4444", PARSE,
                      ":9: serial is not stdio, none or file:PATH ('tcp::4444')");
    expect_edit_error(9, "serial = file:", PARSE, ":9: serial is not stdio, none or file:PATH ('file:')");
    expect_edit_error(3, "machine =", PARSE, ":3: machine is empty");
}

Test(rr_manifest, refuses_a_line_without_an_equals_sign)
{
    expect_edit_error(12, "append", PARSE, ":12: expected 'key = value'");
}

Test(rr_manifest, refuses_a_carriage_return_inside_a_value)
{
    expect_edit_error(12, "append = a\rb", PARSE, ":12: append holds a carriage return");
}

Test(rr_manifest, refuses_a_duplicate_key)
{
    expect_insert_error(6, "memory = 1", PARSE, ":6: duplicate key 'memory' (first on line 4)");
    expect_insert_error(13, "command = again", PARSE, ":13: duplicate key 'command' (first on line 2)");
    expect_insert_error(2, "rewind-log = 1", PARSE, ":2: duplicate key 'rewind-log' (first on line 1)");
}

Test(rr_manifest, refuses_a_missing_key)
{
    expect_edit_error(11, NULL, PARSE, ": missing key 'no-reboot'");
    expect_edit_error(12, NULL, PARSE, ": missing key 'append'");
    expect_edit_error(2, NULL, PARSE, ": missing key 'command'");
    expect_edit_error(1, NULL, PARSE, ": missing key 'rewind-log' (not a rewind manifest?)");
    expect_read_error("", PARSE, ": missing key 'rewind-log' (not a rewind manifest?)");
}

Test(rr_manifest, refuses_another_format_before_anything_else)
{
    /* A newer format's unknown keys are not what to report. */
    expect_read_error("colour = blue\nrewind-log = 2\nmemory = lots\n", RR_MANIFEST_ERROR_VERSION,
                      ":2: written by a newer rewind (manifest format 2)");
    expect_edit_error(1, "rewind-log = 2", RR_MANIFEST_ERROR_VERSION,
                      ":1: written by a newer rewind (manifest format 2)");
    expect_edit_error(1, "rewind-log = 0", RR_MANIFEST_ERROR_VERSION,
                      ":1: manifest format 0 is unknown (this rewind reads 1)");
}

Test(rr_manifest, refuses_a_bad_binary_line)
{
    expect_edit_error(13, "binary = kernel " SHA_PROG, PARSE,
                      ":13: binary is not 'ROLE PATH SHA256' ('kernel " SHA_PROG "')");
    expect_edit_error(13, "binary = kernel  " SHA_PROG, PARSE,
                      ":13: binary is not 'ROLE PATH SHA256' ('kernel  " SHA_PROG "')");
    expect_edit_error(13, "binary =", PARSE, ":13: binary is not 'ROLE PATH SHA256' ('')");
    expect_edit_error(13, "binary = bios prog.elf " SHA_PROG, PARSE,
                      ":13: unknown binary role 'bios' (kernel, initrd or dtb)");
    expect_edit_error(13, "binary = kernel prog.elf 9f86d0", PARSE,
                      ":13: the kernel binary's sha256 is not 64 lowercase hex digits ('9f86d0')");
    expect_edit_error(13, "binary = kernel prog.elf " SHA_PROG "0", PARSE,
                      ":13: the kernel binary's sha256 is not 64 lowercase hex digits ('" SHA_PROG "0')");
    expect_insert_error(13, "binary = kernel first.elf " SHA_ABC, PARSE,
                      ":14: a second kernel binary (the first is on line 13)");
}

Test(rr_manifest, refuses_a_nul_byte_and_names_a_missing_file)
{
    char *path = path_in_dir("manifest");
    cr_assert(g_file_set_contents(path, "rewind-log = 1\n\0\n", 17, NULL));
    RrManifest m;
    GError *err = NULL;
    cr_assert_not(rr_manifest_read(path, &m, &err));
    char *want = g_strdup_printf("%s: not a text file (it holds a NUL byte)", path);
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_clear_error(&err);

    g_unlink(path);
    cr_assert_not(rr_manifest_read(path, &m, &err));
    cr_assert(g_error_matches(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO));
    want = g_strdup_printf("%s: cannot read the manifest: %s", path, g_strerror(ENOENT));
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_error_free(err);
    g_free(path);
}

/* ---- Hashes ---- */

static void config_hash_of(const RrManifest *m, char hex[65])
{
    uint8_t h[32];
    rr_manifest_config_hash(m, h);
    for (int i = 0; i < 32; i++)
        g_snprintf(hex + 2 * i, 3, "%02x", h[i]);
}

Test(rr_manifest, config_hash_is_the_sha256_of_the_text_without_command)
{
    RrManifest m;
    sample(&m);
    const char *nl = strchr(sample_text, '\n') + 1;           /* after rewind-log */
    const char *after_command = strchr(nl, '\n') + 1;
    GString *text = g_string_new_len(sample_text, nl - sample_text);
    g_string_append(text, after_command);
    char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text->str, (gssize)text->len);
    char got[65];
    config_hash_of(&m, got);
    cr_assert_str_eq(got, want);
    g_free(want);
    g_string_free(text, TRUE);
    rr_manifest_clear(&m);
}

Test(rr_manifest, config_hash_ignores_command_and_sees_everything_else)
{
    RrManifest a, b;
    sample(&a);
    sample(&b);
    char ha[65], hb[65];
    config_hash_of(&a, ha);

    g_free(b.command);
    b.command = g_strdup("rewind record -o renamed-dir -m 256 prog.elf");
    config_hash_of(&b, hb);
    cr_assert_str_eq(ha, hb);
    g_free(b.command);
    b.command = NULL;
    config_hash_of(&b, hb);
    cr_assert_str_eq(ha, hb);

    b.memory = 128u << 20;
    config_hash_of(&b, hb);
    cr_assert_str_neq(ha, hb);
    b.memory = a.memory;

    b.no_reboot = true;
    config_hash_of(&b, hb);
    cr_assert_str_neq(ha, hb);
    b.no_reboot = false;

    b.binaries[0].sha256[0] = '0';
    config_hash_of(&b, hb);
    cr_assert_str_neq(ha, hb);
    rr_manifest_clear(&a);
    rr_manifest_clear(&b);
}

Test(rr_manifest, hash_file_known_answers)
{
    char *path = path_in_dir("abc");
    write_text(path, "abc");
    char hex[65];
    GError *err = NULL;
    cr_assert(rr_manifest_hash_file(path, hex, &err), "%s", err ? err->message : "");
    cr_assert_str_eq(hex, SHA_ABC);

    write_text(path, "");
    cr_assert(rr_manifest_hash_file(path, hex, &err));
    cr_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    /* Larger than the read buffer: the same as hashing it at once. */
    size_t n = 200000;
    char *big = g_malloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)(i * 31 + (i >> 9));
    cr_assert(g_file_set_contents(path, big, (gssize)n, NULL));
    char *want = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)big, n);
    cr_assert(rr_manifest_hash_file(path, hex, &err));
    cr_assert_str_eq(hex, want);
    g_free(want);
    g_free(big);

    g_unlink(path);
    cr_assert_not(rr_manifest_hash_file(path, hex, &err));
    cr_assert(g_error_matches(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_IO));
    want = g_strdup_printf("%s: cannot read it: %s", path, g_strerror(ENOENT));
    cr_assert_str_eq(err->message, want);
    g_free(want);
    g_error_free(err);
    g_free(path);
}

/* ---- Differences ---- */

static void expect_diff(const RrManifest *recorded, const RrManifest *given, unsigned n,
                        const char *lines)
{
    GString *out = g_string_new("before\n");
    cr_assert_eq(rr_manifest_diff(recorded, given, out), n);
    char *want = g_strconcat("before\n", lines, NULL);
    cr_assert_str_eq(out->str, want);
    g_free(want);
    g_string_free(out, TRUE);
}

Test(rr_manifest, diff_of_the_same_machine_is_empty_whatever_the_command)
{
    RrManifest a, b;
    sample(&a);
    sample(&b);
    g_free(b.command);
    b.command = g_strdup("rewind replay elsewhere");
    expect_diff(&a, &b, 0, "");
    rr_manifest_clear(&a);
    rr_manifest_clear(&b);
}

Test(rr_manifest, diff_names_each_option_as_qemu_spells_it)
{
    RrManifest a, b;
    sample(&a);
    sample(&b);
    g_free(b.machine);
    b.machine = g_strdup("sbsa-ref");
    b.memory = 128u << 20;
    b.icount_shift = 3;
    b.icount_sleep = false;
    b.sync_interval = 1024;
    b.sync_groups = 16;
    g_free(b.serial);
    b.serial = g_strdup("none");
    b.semihosting = true;
    b.no_reboot = true;
    g_free(b.append);
    b.append = g_strdup("console=ttyAMA0");
    expect_diff(&a, &b, 10,
                "-M: recorded virt, given sbsa-ref\n"
                "-m: recorded 256M, given 128M\n"
                "-icount shift: recorded 0, given 3\n"
                "-icount sleep: recorded on, given off\n"
                "-icount sync-interval: recorded 4194304, given 1024\n"
                "-icount sync-groups: recorded 64, given 16\n"
                "-serial: recorded stdio, given none\n"
                "-semihosting: recorded off, given on\n"
                "-no-reboot: recorded off, given on\n"
                "-append: recorded \"\", given \"console=ttyAMA0\"\n");
    rr_manifest_clear(&a);
    rr_manifest_clear(&b);
}

Test(rr_manifest, diff_spells_memory_as_m_takes_it)
{
    RrManifest a, b;
    sample(&a);
    sample(&b);
    a.memory = 1ull << 30;
    b.memory = 1536ull << 20;
    expect_diff(&a, &b, 1, "-m: recorded 1G, given 1536M\n");
    a.memory = 2ull << 40;
    b.memory = 64ull << 10;
    expect_diff(&a, &b, 1, "-m: recorded 2T, given 64K\n");
    a.memory = 1000;
    b.memory = 0;
    expect_diff(&a, &b, 1, "-m: recorded 1000 bytes, given 0 bytes\n");
    rr_manifest_clear(&a);
    rr_manifest_clear(&b);
}

Test(rr_manifest, diff_names_a_binary_whose_contents_changed)
{
    RrManifest a, b;
    sample(&a);
    sample(&b);
    g_strlcpy(b.binaries[0].sha256, SHA_OTHER, sizeof b.binaries[0].sha256);
    expect_diff(&a, &b, 1,
                "kernel prog.elf: its contents changed since the recording "
                "(sha256 9f86d0... recorded, 1b4f0e... now)\n");
    g_free(b.binaries[0].path);
    b.binaries[0].path = g_strdup("other.elf");
    expect_diff(&a, &b, 1,
                "kernel other.elf: its contents differ from the recorded prog.elf "
                "(sha256 9f86d0... recorded, 1b4f0e... given)\n");
    rr_manifest_clear(&a);
    rr_manifest_clear(&b);
}

Test(rr_manifest, diff_ignores_a_copy_elsewhere_and_names_missing_binaries)
{
    RrManifest a, b;
    sample(&a);
    sample(&b);
    g_free(b.binaries[0].path);
    b.binaries[0].path = g_strdup("../copy of prog.elf");
    expect_diff(&a, &b, 0, "");

    rr_manifest_add_binary(&a, RR_ROLE_INITRD, "rd.img", SHA_ABC);
    rr_manifest_add_binary(&b, RR_ROLE_DTB, "virt.dtb", SHA_OTHER);
    expect_diff(&a, &b, 2,
                "-initrd: recorded rd.img, given none\n"
                "-dtb: recorded none, given virt.dtb\n");
    rr_manifest_clear(&a);
    rr_manifest_clear(&b);
}

Test(rr_manifest, clear_is_safe_twice_and_role_names)
{
    RrManifest m;
    sample(&m);
    rr_manifest_clear(&m);
    rr_manifest_clear(&m);
    cr_assert_eq(m.format, RR_MANIFEST_FORMAT);
    cr_assert_null(m.binaries);
    cr_assert_str_eq(rr_manifest_role_name(RR_ROLE_KERNEL), "kernel");
    cr_assert_str_eq(rr_manifest_role_name(RR_ROLE_INITRD), "initrd");
    cr_assert_str_eq(rr_manifest_role_name(RR_ROLE_DTB), "dtb");
    cr_assert_null(rr_manifest_role_name((RrManifestRole)3));
}
