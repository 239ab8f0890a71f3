/* tests/emu/test_semihost.c — semihosting operations. */
#include <criterion/criterion.h>
#include <glib.h>

#include "emu/semihost.h"
#include "tests/emu/harness.h"

static Harness *h;
static GString *out;
static int exit_status;
static bool exited;
static EmuSemihost sh;

static void output(void *opaque, const uint8_t *buf, size_t len)
{
    g_string_append_len(out, (const char *)buf, (gssize)len);
}

static void guest_exit(void *opaque, int status)
{
    exited = true;
    exit_status = status;
}

static void setup(void)
{
    h = harness_new();
    out = g_string_new(NULL);
    exited = false;
    sh = (EmuSemihost){ .output = output, .exit = guest_exit, .cmdline = "prog -v" };
}

static void teardown(void)
{
    g_string_free(out, true);
    harness_free(h);
}

TestSuite(semihost, .init = setup, .fini = teardown, .timeout = 10);

static uint64_t call(uint32_t op, uint64_t arg)
{
    emu_cpu_set_x(h->cpu, 0, op);
    emu_cpu_set_x(h->cpu, 1, arg);
    cr_assert(emu_semihost_call(&sh, h->cpu, 6250000, 62500000));
    return emu_cpu_x(h->cpu, 0);
}

Test(semihost, write0_prints_string)
{
    harness_write(h, HARNESS_DATA, "hello\n", 7);
    call(0x04, HARNESS_DATA);
    cr_assert_str_eq(out->str, "hello\n");
}

Test(semihost, writec_prints_one_char)
{
    harness_write(h, HARNESS_DATA, "Z", 1);
    call(0x03, HARNESS_DATA);
    cr_assert_str_eq(out->str, "Z");
}

Test(semihost, open_tt_then_write)
{
    harness_write(h, HARNESS_DATA + 0x100, ":tt", 4);
    uint64_t open_block[3] = { HARNESS_DATA + 0x100, 4 /* "w" */, 3 };
    harness_write(h, HARNESS_DATA, open_block, sizeof open_block);
    uint64_t fd = call(0x01, HARNESS_DATA);
    cr_assert_eq(fd, 2);
    harness_write(h, HARNESS_DATA + 0x200, "abc", 3);
    uint64_t write_block[3] = { fd, HARNESS_DATA + 0x200, 3 };
    harness_write(h, HARNESS_DATA, write_block, sizeof write_block);
    cr_assert_eq(call(0x05, HARNESS_DATA), 0);
    cr_assert_str_eq(out->str, "abc");
}

Test(semihost, open_of_a_host_file_fails)
{
    harness_write(h, HARNESS_DATA + 0x100, "/etc/passwd", 12);
    uint64_t open_block[3] = { HARNESS_DATA + 0x100, 0, 11 };
    harness_write(h, HARNESS_DATA, open_block, sizeof open_block);
    cr_assert_eq((int64_t)call(0x01, HARNESS_DATA), -1);
    cr_assert_eq(call(0x13, 0), 2);   /* SYS_ERRNO: ENOENT */
}

Test(semihost, exit_takes_subcode_from_block)
{
    uint64_t block[2] = { 0x20026, 42 };
    harness_write(h, HARNESS_DATA, block, sizeof block);
    call(0x18, HARNESS_DATA);
    cr_assert(exited);
    cr_assert_eq(exit_status, 42);
}

Test(semihost, exit_with_other_reason_is_status_1)
{
    uint64_t block[2] = { 0x20023 /* RunTimeErrorUnknown */, 0 };
    harness_write(h, HARNESS_DATA, block, sizeof block);
    call(0x20, HARNESS_DATA);
    cr_assert_eq(exit_status, 1);
}

Test(semihost, clock_is_centiseconds_of_virtual_time)
{
    cr_assert_eq(call(0x10, 0), 10);   /* 6,250,000 ticks at 62.5 MHz = 0.1 s */
    cr_assert_eq(call(0x31, 0), 62500000);
}

Test(semihost, get_cmdline_copies_and_sets_length)
{
    uint64_t block[2] = { HARNESS_DATA + 0x100, 64 };
    harness_write(h, HARNESS_DATA, block, sizeof block);
    cr_assert_eq(call(0x15, HARNESS_DATA), 0);
    char buf[8];
    harness_read(h, HARNESS_DATA + 0x100, buf, 8);
    cr_assert_str_eq(buf, "prog -v");
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 8), 7);
}

Test(semihost, unknown_operation_returns_minus_one)
{
    cr_assert_eq((int64_t)call(0x99, 0), -1);
}
