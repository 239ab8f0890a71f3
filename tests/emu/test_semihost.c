/* tests/emu/test_semihost.c — semihosting operations. */
#include <criterion/criterion.h>
#include <glib.h>

#include "emu/semihost.h"
#include "tests/emu/harness.h"

static Harness *h;
static GString *out;        /* the console: QEMU's stderr */
static GString *out_stdout; /* ":tt" opened for write */
static int exit_status;
static bool exited;
static EmuSemihost sh;

static void output(void *opaque, const uint8_t *buf, size_t len)
{
    g_string_append_len(out, (const char *)buf, (gssize)len);
}

static void output_stdout(void *opaque, const uint8_t *buf, size_t len)
{
    g_string_append_len(out_stdout, (const char *)buf, (gssize)len);
}

static uint64_t seconds(void *opaque)
{
    return 1700000000;
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
    out_stdout = g_string_new(NULL);
    exited = false;
    sh = (EmuSemihost){ .output = output, .stdout_output = output_stdout, .exit = guest_exit,
                        .seconds = seconds, .cmdline = "prog -v",
                        .heap_base = 0x400044a0, .heap_limit = 0x48000000 };
}

static void teardown(void)
{
    g_string_free(out, true);
    g_string_free(out_stdout, true);
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

Test(semihost, open_tt_for_write_then_write_goes_to_stdout)
{
    harness_write(h, HARNESS_DATA + 0x100, ":tt", 4);
    uint64_t open_block[3] = { HARNESS_DATA + 0x100, 4 /* "w" */, 3 };
    harness_write(h, HARNESS_DATA, open_block, sizeof open_block);
    uint64_t fd = call(0x01, HARNESS_DATA);
    cr_assert_eq(fd, 1);                  /* QEMU: the lowest free handle from 1 */
    harness_write(h, HARNESS_DATA + 0x200, "abc", 3);
    uint64_t write_block[3] = { fd, HARNESS_DATA + 0x200, 3 };
    harness_write(h, HARNESS_DATA, write_block, sizeof write_block);
    cr_assert_eq(call(0x05, HARNESS_DATA), 0);
    cr_assert_str_eq(out_stdout->str, "abc");
    cr_assert_str_eq(out->str, "");
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

/* Helpers for the QEMU-measured cases below (values from a guest run on
 * qemu-system-aarch64 7.2 -M virt -semihosting, stdio redirected to files). */
static uint64_t call3(uint32_t op, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t block[3] = { a, b, c };
    harness_write(h, HARNESS_DATA, block, sizeof block);
    return call(op, HARNESS_DATA);
}

static int64_t open_name(const char *name, uint64_t mode, uint64_t len)
{
    harness_write(h, HARNESS_DATA + 0x100, name, strlen(name) + 1);
    return (int64_t)call3(0x01, HARNESS_DATA + 0x100, mode, len);
}

static int64_t errno_now(void) { return (int64_t)call(0x13, 0); }

Test(semihost, writec_and_write0_return_deadbeef)
{
    harness_write(h, HARNESS_DATA, "A\0", 2);
    cr_assert_eq(call(0x03, HARNESS_DATA), 0xdeadbeef);
    cr_assert_eq(call(0x04, HARNESS_DATA), 0xdeadbeef);
    cr_assert_str_eq(out->str, "AA");
}

Test(semihost, tt_modes_are_stdin_stdout_stderr)
{
    cr_assert_eq(open_name(":tt", 4, 3), 1);     /* "w": stdout */
    cr_assert_eq(open_name(":tt", 0, 3), 2);     /* "r": stdin */
    cr_assert_eq(open_name(":tt", 8, 3), 3);     /* "a": stderr */
    harness_write(h, HARNESS_DATA + 0x200, "xy", 2);
    cr_assert_eq(call3(0x05, 3, HARNESS_DATA + 0x200, 2), 0);
    cr_assert_str_eq(out->str, "xy");
    cr_assert_str_eq(out_stdout->str, "");
    /* stdin cannot be written; errno is left alone by SYS_WRITE. */
    cr_assert_eq(call3(0x05, 2, HARNESS_DATA + 0x200, 2), 2);
    cr_assert_eq(errno_now(), 0);
    /* stdin is empty: nothing read. */
    cr_assert_eq(call3(0x06, 2, HARNESS_DATA + 0x300, 8), 8);
}

Test(semihost, tt_name_is_compared_up_to_its_nul_not_the_length)
{
    cr_assert_eq(open_name(":tt", 5, 99), 1);
}

Test(semihost, open_mode_12_is_einval)
{
    cr_assert_eq(open_name(":tt", 12, 3), -1);
    cr_assert_eq(errno_now(), 22);
}

Test(semihost, open_host_file_whose_length_misses_the_nul_is_einval)
{
    cr_assert_eq(open_name("/nonexistent/x", 0, 5), -1);
    cr_assert_eq(errno_now(), 22);
}

Test(semihost, features_file_reads_shfb_and_feature_byte)
{
    int64_t fd = open_name(":semihosting-features", 1, 21);
    cr_assert_eq(fd, 1);
    cr_assert_eq(call3(0x0c, 0, 0, 0) , (uint64_t)-1);   /* FLEN of handle 0: EBADF */
    uint64_t blk[1] = { (uint64_t)fd };
    harness_write(h, HARNESS_DATA, blk, 8);
    cr_assert_eq(call(0x0c, HARNESS_DATA), 5);
    cr_assert_eq(call3(0x06, fd, HARNESS_DATA + 0x200, 3), 0);
    cr_assert_eq(call3(0x06, fd, HARNESS_DATA + 0x203, 8), 6);
    cr_assert_eq(call3(0x06, fd, HARNESS_DATA + 0x300, 8), 8);   /* at the end */
    uint8_t b[5];
    harness_read(h, HARNESS_DATA + 0x200, b, 5);
    cr_assert_arr_eq(b, ((uint8_t[]){ 'S', 'H', 'F', 'B', 0x03 }), 5);
    cr_assert_eq(call3(0x0a, fd, 4, 0), 0);                      /* SEEK to 4 */
    cr_assert_eq(call3(0x06, fd, HARNESS_DATA + 0x300, 8), 7);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x300) & 0xff, 3);
    cr_assert_eq((int64_t)call3(0x0a, fd, 6, 0), -1);            /* past the end */
    cr_assert_eq(errno_now(), 22);
    cr_assert_eq(call3(0x05, fd, HARNESS_DATA + 0x300, 2), 2);   /* not writable */
    cr_assert_eq(call3(0x09, fd, 0, 0), 0);                      /* ISTTY */
    cr_assert_eq(errno_now(), 25);
    cr_assert_eq(call3(0x02, fd, 0, 0), 0);                      /* CLOSE */
}

Test(semihost, features_file_opens_only_for_reading)
{
    cr_assert_eq(open_name(":semihosting-features", 2, 21), -1);
    cr_assert_eq(errno_now(), 13);
}

Test(semihost, handles_are_reused_lowest_first)
{
    cr_assert_eq(open_name(":tt", 4, 3), 1);
    cr_assert_eq(open_name(":tt", 0, 3), 2);
    cr_assert_eq(open_name(":tt", 8, 3), 3);
    cr_assert_eq(call3(0x02, 2, 0, 0), 0);
    cr_assert_eq((int64_t)call3(0x02, 2, 0, 0), -1);
    cr_assert_eq(errno_now(), 9);
    cr_assert_eq(open_name(":semihosting-features", 0, 21), 2);
    cr_assert_eq(open_name(":tt", 0, 3), 4);
}

Test(semihost, bad_handles_are_ebadf)
{
    cr_assert_eq((int64_t)call3(0x09, 40, 0, 0), -1);            /* ISTTY */
    cr_assert_eq(errno_now(), 9);
    sh.last_errno = 0;
    cr_assert_eq((int64_t)call3(0x0c, 40, 0, 0), -1);            /* FLEN */
    cr_assert_eq(errno_now(), 9);
    sh.last_errno = 0;
    cr_assert_eq((int64_t)call3(0x0a, 40, 0, 0), -1);            /* SEEK */
    cr_assert_eq(errno_now(), 9);
    sh.last_errno = 0;
    cr_assert_eq(call3(0x05, 40, HARNESS_DATA, 2), 2);           /* WRITE: errno kept */
    cr_assert_eq(errno_now(), 0);
}

Test(semihost, tt_is_not_a_terminal_and_seeks)
{
    cr_assert_eq(open_name(":tt", 4, 3), 1);
    cr_assert_eq(call3(0x09, 1, 0, 0), 0);
    cr_assert_eq(errno_now(), 25);
    cr_assert_eq(call3(0x0a, 1, 0, 0), 0);
}

Test(semihost, heapinfo_reports_heap_and_stack_as_qemu)
{
    uint64_t block = HARNESS_DATA + 0x100;
    harness_write(h, HARNESS_DATA, &block, 8);
    cr_assert_eq(call(0x16, HARNESS_DATA), 0);
    cr_assert_eq(harness_read64(h, block), 0x400044a0);
    cr_assert_eq(harness_read64(h, block + 8), 0x48000000);
    cr_assert_eq(harness_read64(h, block + 16), 0x48000000);
    cr_assert_eq(harness_read64(h, block + 24), 0x400044a0);
}

Test(semihost, heap_is_the_largest_gap_in_ram)
{
    /* Measured: an image at 0x47000000 with the DTB blob (1 MiB) at the
     * start of 128 MiB RAM; one at 0x40200000..0x402044a0. */
    const uint64_t top[2][2] = { { 0x47000000, 0x470044a0 }, { 0x40000000, 0x40100000 } };
    emu_semihost_set_heap(&sh, 0x40000000, 128 << 20, top, 2);
    cr_assert_eq(sh.heap_base, 0x40100000);
    cr_assert_eq(sh.heap_limit, 0x47000000);
    const uint64_t low[2][2] = { { 0x40200000, 0x402044a0 }, { 0x40000000, 0x40100000 } };
    emu_semihost_set_heap(&sh, 0x40000000, 128 << 20, low, 2);
    cr_assert_eq(sh.heap_base, 0x402044a0);
    cr_assert_eq(sh.heap_limit, 0x48000000);
}

Test(semihost, get_cmdline_too_small_is_e2big)
{
    uint64_t block[2] = { HARNESS_DATA + 0x100, 4 };
    harness_write(h, HARNESS_DATA, block, sizeof block);
    cr_assert_eq((int64_t)call(0x15, HARNESS_DATA), -1);
    cr_assert_eq(errno_now(), 7);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 8), 4);
}

Test(semihost, time_comes_from_the_seconds_hook)
{
    cr_assert_eq(call(0x11, 0), 1700000000);
}

Test(semihost, iserror_synccache_and_elapsed)
{
    uint64_t minus5 = (uint64_t)-5;
    harness_write(h, HARNESS_DATA, &minus5, 8);
    cr_assert_eq(call(0x08, HARNESS_DATA), 1);
    cr_assert_eq(call3(0x19, 0x40000000, 16, 0), 0);
    cr_assert_eq(call(0x30, HARNESS_DATA + 0x100), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x100), 6250000);
}

Test(semihost, exit_with_unreadable_block_is_efault_and_continues)
{
    cr_assert_eq((int64_t)call(0x18, 0x50000000), -1);
    cr_assert_not(exited);
    cr_assert_eq(errno_now(), 14);
}

Test(semihost, exit_status_is_the_subcode_truncated_by_the_host)
{
    uint64_t block[2] = { 0x20026, 0x107 };
    harness_write(h, HARNESS_DATA, block, sizeof block);
    call(0x18, HARNESS_DATA);
    cr_assert(exited);
    cr_assert_eq(exit_status & 0xff, 7);
}

Test(semihost, open_of_an_unreadable_name_is_efault)
{
    cr_assert_eq((int64_t)call3(0x01, 0x50000000, 0, 3), -1);
    cr_assert_eq(errno_now(), 14);
}

Test(semihost, long_names_are_compared_whole)
{
    char name[100];
    memset(name, 'x', sizeof name - 1);
    name[sizeof name - 1] = 0;
    memcpy(name, ":tt", 4);      /* ":tt" then the rest unseen after the NUL */
    cr_assert_eq(open_name(name, 0, 3), 1);
    memset(name, 'x', sizeof name - 1);
    memcpy(name, ":tt", 3);      /* ":ttxxx...": a host file */
    cr_assert_eq(open_name(name, 0, 98), -1);
    cr_assert_eq(errno_now(), 22);   /* the byte at the length given is no NUL */
}
