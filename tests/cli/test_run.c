/* tests/cli/test_run.c — `rewind run` usage errors: one clear line on
 * stderr and a non-zero exit status. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <elf.h>
#include <glib.h>

#include "cli/run.h"
#include "tests/emu/testelf.h"

static char *dir;

static void setup(void)
{
    dir = g_dir_make_tmp("rewind-run-XXXXXX", NULL);
    cr_redirect_stderr();
}

static void teardown(void)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(dir);
}

TestSuite(cli_run, .init = setup, .fini = teardown, .timeout = 20);

static int run(int argc, const char **argv)
{
    return cli_run_main(argc, (char **)argv);
}

Test(cli_run, no_program)
{
    const char *argv[] = { "run" };
    cr_assert_eq(run(1, argv), 1);
    fflush(stderr);
    cr_assert_stderr_eq_str("rewind run: no program given (see rewind run --help)\n");
}

Test(cli_run, missing_file)
{
    const char *argv[] = { "run", "/nonexistent/x.elf" };
    cr_assert_eq(run(2, argv), 1);
    fflush(stderr);
    cr_assert_stderr_eq_str("rewind run: /nonexistent/x.elf: No such file or directory\n");
}

Test(cli_run, not_an_elf)
{
    g_autofree char *p = g_build_filename(dir, "notes.txt", NULL);
    cr_assert(g_file_set_contents(p, "just text\n", -1, NULL));
    const char *argv[] = { "run", p };
    cr_assert_eq(run(2, argv), 1);
    fflush(stderr);
    g_autofree char *want = g_strdup_printf(
        "rewind run: %s: not an ELF file; rewind runs AArch64 ELF executables\n", p);
    cr_assert_stderr_eq_str(want);
}

Test(cli_run, wrong_machine)
{
    uint32_t code = 0;
    g_autofree char *p = testelf_write(dir, "x86.elf", EM_X86_64, 0x40000000, &code, 4, 0);
    const char *argv[] = { "run", p };
    cr_assert_eq(run(2, argv), 1);
    fflush(stderr);
    g_autofree char *want = g_strdup_printf(
        "rewind run: %s: not an AArch64 program (ELF class 64, machine 62; need ELFCLASS64, "
        "EM_AARCH64 = 183): build it with aarch64-linux-gnu-gcc\n", p);
    cr_assert_stderr_eq_str(want);
}

Test(cli_run, segment_outside_ram)
{
    uint32_t code = 0;
    g_autofree char *p = testelf_write(dir, "low.elf", EM_AARCH64, 0x100000, &code, 4, 0);
    const char *argv[] = { "run", "-m", "64M", p };
    cr_assert_eq(run(4, argv), 1);
    fflush(stderr);
    g_autofree char *want = g_strdup_printf(
        "rewind run: %s: segment 0 at 0x100000-0x100004 is outside RAM (0x40000000-0x44000000); "
        "link the program for RAM at 0x40000000 or give more memory with -m\n", p);
    cr_assert_stderr_eq_str(want);
}

Test(cli_run, unknown_option)
{
    const char *argv[] = { "run", "-frob", "x.elf" };
    cr_assert_eq(run(3, argv), 1);
    fflush(stderr);
    cr_assert_stderr_eq_str("rewind run: unknown option -frob (see rewind run --help)\n");
}

Test(cli_run, two_programs)
{
    const char *argv[] = { "run", "a.elf", "b.elf" };
    cr_assert_eq(run(3, argv), 1);
    fflush(stderr);
    cr_assert_stderr_eq_str("rewind run: more than one program given (a.elf and b.elf)\n");
}

Test(cli_run, bad_memory_size)
{
    const char *argv[] = { "run", "-m", "lots", "x.elf" };
    cr_assert_eq(run(4, argv), 1);
    fflush(stderr);
    cr_assert_stderr_eq_str("rewind run: -m lots: not a memory size (examples: 128M, 1G, 512)\n");
}

Test(cli_run, help_exits_zero)
{
    const char *argv[] = { "run", "--help" };
    cr_redirect_stdout();
    cr_assert_eq(run(2, argv), 0);
}
