/* cli/run.c — see run.h. */
#include "cli/run.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/options.h"
#include "emu/machine.h"

/* Instructions per slice between polls of host input and output flushes;
 * shorter while received bytes wait for room in the UART's FIFO. */
#define SLICE 4000000ull
#define SLICE_INPUT_PENDING 20000ull

typedef struct RunOutput {
    int fd;                     /* -1: discard */
    GByteArray *buf;
    bool failed;
} RunOutput;

static void out_flush(RunOutput *o)
{
    size_t done = 0;
    while (o->fd >= 0 && done < o->buf->len && !o->failed) {
        ssize_t n = write(o->fd, o->buf->data + done, o->buf->len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            o->failed = true;     /* e.g. a closed pipe: keep running, drop output */
            break;
        }
        done += (size_t)n;
    }
    g_byte_array_set_size(o->buf, 0);
}

typedef struct RunState {
    RunOutput serial, console, stdout_out;
} RunState;

static void serial_out(void *opaque, uint8_t byte)
{
    RunState *s = opaque;
    g_byte_array_append(s->serial.buf, &byte, 1);
}

/* Semihosting ":tt" opened for writing goes to stdout whatever -serial
 * says, as on QEMU. */
static void semihost_stdout(void *opaque, const uint8_t *buf, size_t len)
{
    RunState *s = opaque;
    g_byte_array_append(s->stdout_out.buf, buf, (guint)len);
}

static void console_out(void *opaque, const uint8_t *buf, size_t len)
{
    RunState *s = opaque;
    g_byte_array_append(s->console.buf, buf, (guint)len);
}

static uint64_t host_seconds(void *opaque)
{
    return (uint64_t)(g_get_real_time() / G_USEC_PER_SEC);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: rewind run [OPTIONS] PROGRAM.elf\n"
               "Run a bare-metal AArch64 ELF program on the virt board until it powers off.\n\n"
               "Options:\n%s"
               "  -h, --help          this help\n\n"
               "Exit status: the guest's semihosting exit status, 0 after PSCI SYSTEM_OFF,\n"
               "1 for bad usage or a program that cannot be loaded, 3 when emulation stops\n"
               "on an error.\n",
            cli_machine_options_help);
}

/* Move what stdin has into the UART's receive FIFO; wait for it when
 * `block` (the guest is idle with nothing else to wake it). `pending` holds
 * bytes read but not yet accepted. */
static void poll_input(EmuMachine *m, GByteArray *pending, bool *stdin_open, bool block)
{
    EmuPl011 *uart = emu_machine_uart(m);
    if (*stdin_open && pending->len < 4096) {
        struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
        if (poll(&p, 1, block && !pending->len ? -1 : 0) > 0) {
            uint8_t buf[4096];
            ssize_t n = read(STDIN_FILENO, buf, sizeof buf - pending->len);
            if (n > 0)
                g_byte_array_append(pending, buf, (guint)n);
            else if (n == 0 || (errno != EINTR && errno != EAGAIN))
                *stdin_open = false;
        }
    }
    if (pending->len) {
        size_t n = emu_pl011_receive(uart, pending->data, pending->len);
        g_byte_array_remove_range(pending, 0, (guint)n);
    }
}

int cli_run_main(int argc, char **argv)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    int status = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            cli_machine_options_clear(&o);
            return 0;
        }
        int r = cli_machine_option(&o, argc, argv, &i, &err);
        if (r < 0) {
            fprintf(stderr, "rewind run: %s\n", err->message);
            goto out;
        }
        if (r > 0)
            continue;
        if (argv[i][0] == '-') {
            fprintf(stderr, "rewind run: unknown option %s (see rewind run --help)\n", argv[i]);
            goto out;
        }
        if (o.kernel) {
            fprintf(stderr, "rewind run: more than one program given (%s and %s)\n", o.kernel,
                    argv[i]);
            goto out;
        }
        o.kernel = g_strdup(argv[i]);
    }
    if (!o.kernel) {
        fprintf(stderr, "rewind run: no program given (see rewind run --help)\n");
        goto out;
    }

    RunState st = {
        .serial = { .fd = STDOUT_FILENO, .buf = g_byte_array_new() },
        /* Semihosting console output goes to stderr, as on QEMU 7.2 without
         * a semihosting chardev. */
        .console = { .fd = STDERR_FILENO, .buf = g_byte_array_new() },
        .stdout_out = { .fd = STDOUT_FILENO, .buf = g_byte_array_new() },
    };
    if (o.serial == CLI_SERIAL_NONE)
        st.serial.fd = -1;
    if (o.serial == CLI_SERIAL_FILE) {
        st.serial.fd = open(o.serial_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (st.serial.fd < 0) {
            fprintf(stderr, "rewind run: -serial file:%s: %s\n", o.serial_path, strerror(errno));
            g_byte_array_unref(st.serial.buf);
            g_byte_array_unref(st.console.buf);
            goto out;
        }
    }
    EmuMachineConfig cfg = {
        .ram_size = o.ram_size, .semihosting = o.semihosting, .no_reboot = o.no_reboot,
        .cmdline = o.append, .icount_shift = o.icount_shift,
        .serial_out = serial_out, .console_out = console_out,
        .semihost_stdout = semihost_stdout, .host_seconds = host_seconds,
        .opaque = &st,
    };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    if (!m || !emu_machine_load_elf(m, o.kernel, &err)) {
        fprintf(stderr, "rewind run: %s\n", err->message);
    } else {
        if (emu_machine_warning(m))
            fprintf(stderr, "rewind run: warning: %s\n", emu_machine_warning(m));
        GByteArray *pending = g_byte_array_new();
        bool stdin_open = o.serial == CLI_SERIAL_STDIO;
        gint64 t0 = g_get_monotonic_time();
        EmuMachineEvent ev = EMU_MACHINE_BUDGET;
        for (;;) {
            bool idle = ev == EMU_MACHINE_IDLE;
            if (idle && !stdin_open && !pending->len)
                break;               /* nothing can ever wake the guest */
            if (o.serial == CLI_SERIAL_STDIO)
                poll_input(m, pending, &stdin_open, idle);
            ev = emu_machine_run(m, pending->len ? SLICE_INPUT_PENDING : SLICE);
            out_flush(&st.serial);
            out_flush(&st.stdout_out);
            out_flush(&st.console);
            if (ev != EMU_MACHINE_BUDGET && ev != EMU_MACHINE_IDLE)
                break;
        }
        double secs = (double)(g_get_monotonic_time() - t0) / 1e6;
        uint64_t icount = emu_machine_icount(m);
        if (ev == EMU_MACHINE_ERROR) {
            fprintf(stderr, "rewind run: %s: stopped at icount %" PRIu64 ", pc 0x%" PRIx64 ": %s\n",
                    o.kernel, icount, emu_cpu_pc(emu_machine_cpu(m)), emu_machine_error(m));
            status = 3;
        } else if (ev == EMU_MACHINE_IDLE) {
            fprintf(stderr, "rewind run: %s: the guest waits for an interrupt (WFI at icount %"
                    PRIu64 ", pc 0x%" PRIx64 ") with no timer armed and no more input: it can "
                    "never wake up\n", o.kernel, icount, emu_cpu_pc(emu_machine_cpu(m)) - 4);
            status = 3;
        } else {
            status = emu_machine_exit_status(m);
        }
        if (o.stats)
            fprintf(stderr, "rewind: %" PRIu64 " instructions in %.3f s (%.1f MIPS)\n", icount,
                    secs, secs > 0 ? (double)icount / secs / 1e6 : 0.0);
        g_byte_array_unref(pending);
    }
    emu_machine_free(m);
    if (st.serial.fd > STDERR_FILENO)
        close(st.serial.fd);
    g_byte_array_unref(st.serial.buf);
    g_byte_array_unref(st.console.buf);
    g_byte_array_unref(st.stdout_out.buf);
out:
    g_clear_error(&err);
    cli_machine_options_clear(&o);
    return status;
}
