/* cli/run.c — see run.h. */
#include "cli/run.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli/bundle.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/repl.h"
#include "cli/script.h"
#include "emu/machine.h"
#include "replay/manifest.h"
#include "replay/session.h"
#include "replay/statehash.h"
#include "replay/travel.h"
#include "gdbstub/server.h"

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
    RrSession *session;         /* record or replay; NULL for a plain run */
    bool stdin_open;
    /* Under gdb: waits for input end every 100 ms, so that the engine can
     * look for gdb's Ctrl-C while the guest waits for a person. */
    bool short_waits;
    /* At the prompt or under a script: the UART's output goes through the
     * script (expect-output), and all output is shown once, the first time
     * the session gets to it (a replay going back and forth sends it
     * again); semihosting's from `host_next` on. */
    CliScript *script;
    EmuMachine *m;
    uint64_t host_next;
} RunState;

static void serial_out(void *opaque, uint8_t byte)
{
    RunState *s = opaque;
    if (!s->script || cli_script_guest_output(s->script, byte))
        g_byte_array_append(s->serial.buf, &byte, 1);
}

/* Semihosting output, shown once under a script or the prompt. */
static bool host_output_new(RunState *s)
{
    if (!s->script)
        return true;
    uint64_t at = emu_machine_icount(s->m);
    if (at < s->host_next)
        return false;
    s->host_next = at + 1;
    return true;
}

/* Semihosting ":tt" opened for writing goes to stdout whatever -serial
 * says, as on QEMU. */
static void semihost_stdout(void *opaque, const uint8_t *buf, size_t len)
{
    RunState *s = opaque;
    if (host_output_new(s))
        g_byte_array_append(s->stdout_out.buf, buf, (guint)len);
}

static void console_out(void *opaque, const uint8_t *buf, size_t len)
{
    RunState *s = opaque;
    if (host_output_new(s))
        g_byte_array_append(s->console.buf, buf, (guint)len);
}

static uint64_t host_seconds(void *opaque)
{
    RunState *s = opaque;
    if (s->session)
        return rr_session_host_seconds(s->session);
    return (uint64_t)(g_get_real_time() / G_USEC_PER_SEC);
}

static void entropy(void *opaque, uint8_t *buf, size_t len)
{
    RunState *s = opaque;
    if (s->session)
        rr_session_entropy(s->session, buf, len);
    else
        rr_host_random(buf, len);
}

/* Ctrl-C (SIGINT) or SIGTERM while recording: end the recording cleanly. */
static volatile sig_atomic_t stop_signal;
static void on_stop_signal(int sig) { stop_signal = sig; }
static bool session_stop_requested(void *opaque) { return stop_signal != 0; }

/* The session's view of the host: stdin for the serial port, the outputs. */
/* Up to `size` bytes of stdin into buf, waiting for them if `block`: how
 * many, 0 if none yet, -1 once stdin has ended (or is not read). */
static long read_stdin(void *opaque, uint8_t *buf, size_t size, bool block)
{
    RunState *s = opaque;
    if (!s->stdin_open)
        return -1;
    struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
    if (poll(&p, 1, block ? (s->short_waits ? 100 : -1) : 0) <= 0)
        return 0;
    ssize_t n = read(STDIN_FILENO, buf, size);
    if (n > 0)
        return (long)n;
    if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        s->stdin_open = false;
        return -1;
    }
    return 0;
}

/* Let up to `ns` of real time pass, less if stdin has something. */
static uint64_t session_wait(void *opaque, uint64_t ns)
{
    RunState *s = opaque;
    gint64 t0 = g_get_monotonic_time();
    uint64_t ms = ns / 1000000 + (ns % 1000000 != 0);
    struct pollfd p = { .fd = s->stdin_open ? STDIN_FILENO : -1, .events = POLLIN };
    poll(&p, 1, ms > INT32_MAX ? INT32_MAX : (int)ms);
    return (uint64_t)(g_get_monotonic_time() - t0) * 1000;
}

static void session_flush(void *opaque)
{
    RunState *s = opaque;
    out_flush(&s->serial);
    out_flush(&s->stdout_out);
    out_flush(&s->console);
}

typedef enum Mode { MODE_RUN, MODE_RECORD, MODE_REPLAY } Mode;
static const char *const mode_name[] = { "run", "record", "replay" };

static void usage(Mode mode, FILE *f)
{
    if (mode == MODE_REPLAY) {
        fprintf(f, "usage: rewind replay [--salvage] [-serial DEV] [--stats] [-s|-gdb DEV]\n"
                   "                     [-i] [--script FILE] RECORDING\n"
                   "Replay a recording made by rewind record: the same instructions, the same\n"
                   "output, with no need to repeat its options (one that differs from the\n"
                   "recording's is refused, the difference named). RECORDING is its directory,\n"
                   "or a bundle made by rewind bundle (FILE.tar), checked and unpacked first.\n\n"
                   "  --salvage           replay a truncated log up to its last complete block\n"
                   "  -serial DEV         where the replayed UART output goes (stdio, file:PATH, none)\n"
                   "  --stats             instructions and speed on stderr at the end\n"
                   "  -gdb DEV            serve gdb on DEV (tcp::PORT, tcp:HOST:PORT, unix:PATH)\n"
                   "                      and travel in the recording as it asks: reverse-stepi,\n"
                   "                      reverse-continue, reverse watchpoints...\n"
                   "  -s                  the same as -gdb tcp::1234\n"
                   "  -snapshot-budget SIZE|N%%  memory for time-travel snapshots (default 25%%)\n"
                   "%s"
                   "  -h, --help          this help\n\n"
                   "On a terminal (stdin and stdout), replay opens the prompt; otherwise, and\n"
                   "without -i or --script, it replays the recording to its end.\n\n"
                   "Exit status: as the recorded run's; 1 for bad usage (an option that differs\n"
                   "from the recording's, or a program whose contents changed); 4 if the replay\n"
                   "diverged from the recording or the log is damaged (one line says where).\n"
                   "At the prompt: 0. With --script: 0 when every line ran and every assertion\n"
                   "held; %d when an assert or expect-output failed, %d for a wrong line (an\n"
                   "unknown command, a bad argument, a command that failed) or an unreadable\n"
                   "script, %d if interrupted; the line is named on stderr as FILE:LINE with\n"
                   "the icount, the pc and the values seen.\n",
                cli_session_options_help, CLI_SCRIPT_FAILED, CLI_SCRIPT_ERROR,
                CLI_SCRIPT_INTERRUPTED);
        return;
    }
    if (mode == MODE_RECORD)
        fprintf(f, "usage: rewind record -o RECORDING [OPTIONS] PROGRAM.elf\n"
                   "Run a program as rewind run does, recording every non-deterministic input\n"
                   "(serial input, host clock reads) into the directory RECORDING.\n\n"
                   "Options:\n"
                   "  -o DIR              the recording directory (created; must not hold one)\n");
    else
        fprintf(f, "usage: rewind run [OPTIONS] PROGRAM.elf\n"
                   "Run a bare-metal AArch64 ELF program on the virt board until it powers off.\n\n"
                   "Options:\n");
    fprintf(f, "%s%s"
               "  -h, --help          this help\n\n"
               "With -i or --script the guest's serial input is what `send` gives it (not\n"
               "stdin)%s.\n\n"
               "Exit status: the guest's semihosting exit status, 0 after PSCI SYSTEM_OFF,\n"
               "1 for bad usage or a program that cannot be loaded, 3 when emulation stops\n"
               "on an error%s. With -i: 0; with --script: 0 when every line ran and every\n"
               "assertion held, %d when an assert or expect-output failed, %d for a wrong\n"
               "line or an unreadable script, %d if interrupted (FILE:LINE on stderr)%s.\n",
            cli_machine_options_help, cli_session_options_help,
            mode == MODE_RECORD ? ", and quitting seals the recording where it is"
                                : "; rewind run records into a temporary directory (removed at "
                                  "the end) so that going back works",
            mode == MODE_RECORD ? ", 4 if the log cannot be written" : "",
            CLI_SCRIPT_FAILED, CLI_SCRIPT_ERROR, CLI_SCRIPT_INTERRUPTED,
            mode == MODE_RECORD ? "; 4 if the log cannot be written" : "");
}

/* Move what stdin has into the UART's receive FIFO; wait for it when
 * `block` (the guest is idle with nothing else to wake it). `pending` holds
 * bytes read but not yet accepted. */
static void poll_input(EmuMachine *m, GByteArray *pending, RunState *st, bool block)
{
    if (pending->len < 4096) {
        uint8_t buf[4096];
        long n = read_stdin(st, buf, sizeof buf - pending->len, block && !pending->len);
        if (n > 0)
            g_byte_array_append(pending, buf, (guint)n);
    }
    if (pending->len) {
        size_t n = emu_pl011_receive(emu_machine_uart(m), pending->data, pending->len);
        g_byte_array_remove_range(pending, 0, (guint)n);
    }
}

/* The recording's files. */
#define LOG_NAME "events.rwl"
#define MANIFEST_NAME "manifest"
/* Sync events every 4 Mi instructions in 64 groups (replay/FORMAT.md). */
#define SYNC_INTERVAL (4ull << 20)
#define SYNC_GROUPS 64

/* The machine options as a manifest (replay/manifest.h), and back. */
static bool manifest_from_options(const CliMachineOptions *o, const char *command,
                                  uint64_t interval, uint32_t groups, RrManifest *mf, GError **err)
{
    rr_manifest_init(mf);
    mf->command = g_strdup(command);
    mf->machine = g_strdup("virt");
    mf->memory = o->ram_size;
    mf->icount_shift = o->icount_shift;
    mf->icount_sleep = o->icount_sleep;
    mf->sync_interval = interval;
    mf->sync_groups = groups;
    mf->serial = o->serial == CLI_SERIAL_STDIO ? g_strdup("stdio")
               : o->serial == CLI_SERIAL_NONE ? g_strdup("none")
               : g_strconcat("file:", o->serial_path, NULL);
    mf->semihosting = o->semihosting;
    mf->no_reboot = o->no_reboot;
    mf->append = g_strdup(o->append ? o->append : "");
    char sha[65];
    if (!rr_manifest_hash_file(o->kernel, sha, err)) {
        rr_manifest_clear(mf);
        return false;
    }
    rr_manifest_add_binary(mf, RR_ROLE_KERNEL, o->kernel, sha);
    return true;
}

static bool options_from_manifest(const RrManifest *mf, const char *path, CliMachineOptions *o,
                                  GError **err)
{
    const char *kernel = NULL;
    for (size_t i = 0; i < mf->n_binaries; i++)
        if (mf->binaries[i].role == RR_ROLE_KERNEL)
            kernel = mf->binaries[i].path;
    if (g_strcmp0(mf->machine, "virt") || !kernel) {
        g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_PARSE, "%s: %s", path,
                    !kernel ? "no kernel binary recorded" : "recorded on a machine other than virt");
        return false;
    }
    o->icount_sleep = mf->icount_sleep;
    o->ram_size = mf->memory;
    o->icount_shift = mf->icount_shift;
    o->semihosting = mf->semihosting;
    o->no_reboot = mf->no_reboot;
    g_free(o->append);
    o->append = mf->append && *mf->append ? g_strdup(mf->append) : NULL;
    g_free(o->kernel);
    o->kernel = g_strdup(kernel);
    g_clear_pointer(&o->serial_path, g_free);
    if (g_str_has_prefix(mf->serial, "file:")) {
        o->serial = CLI_SERIAL_FILE;
        o->serial_path = g_strdup(mf->serial + 5);
    } else {
        o->serial = !strcmp(mf->serial, "none") ? CLI_SERIAL_NONE : CLI_SERIAL_STDIO;
    }
    return true;
}

/* Record: create the directory, write the manifest, open the session. */
static RrSession *start_recording(const char *dir, const CliMachineOptions *o, int argc,
                                  char **argv, GError **err)
{
    g_autofree char *log = g_build_filename(dir, LOG_NAME, NULL);
    g_autofree char *man = g_build_filename(dir, MANIFEST_NAME, NULL);
    if (g_file_test(log, G_FILE_TEST_EXISTS) || g_file_test(man, G_FILE_TEST_EXISTS)) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO,
                    "%s already holds a recording (remove it, or record to another -o)", dir);
        return NULL;
    }
    if (g_mkdir_with_parents(dir, 0755) < 0) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_IO, "-o %s: %s", dir, g_strerror(errno));
        return NULL;
    }
    g_autoptr(GString) cmd = g_string_new("rewind");
    for (int i = 0; i < argc; i++)
        g_string_append_printf(cmd, " %s", argv[i]);
    uint64_t interval = o->sync_interval ? o->sync_interval : SYNC_INTERVAL;
    /* Without sync-groups: the default, or the largest power of two below
     * it that divides the interval. */
    uint32_t groups = o->sync_groups ? o->sync_groups : SYNC_GROUPS;
    while (interval % groups)
        groups /= 2;
    RrManifest mf;
    if (!manifest_from_options(o, cmd->str, interval, groups, &mf, err))
        return NULL;
    RrLogHeader hdr = { .sync_interval = interval, .sync_groups = groups,
                        .icount_shift = o->icount_shift,
                        .start_time_ns = (uint64_t)g_get_real_time() * 1000,
                        .command_line = cmd->str };
    rr_manifest_config_hash(&mf, hdr.config_hash);
    bool ok = rr_manifest_write(&mf, man, err);
    rr_manifest_clear(&mf);
    return ok ? rr_session_record(log, &hdr, err) : NULL;
}

/* Replay: `o` holds the recording's options with the command line's on
 * top; all but -serial must agree with the manifest `rec`, the program
 * must be the same bytes, and the log must be of this manifest. */
static RrSession *start_replay(const char *dir, const RrManifest *rec, const CliMachineOptions *o,
                               bool salvage, GError **err)
{
    RrManifest now;
    /* Given on the replay's command line, they must be the recording's. */
    if (!manifest_from_options(o, rec->command,
                               o->sync_interval ? o->sync_interval : rec->sync_interval,
                               o->sync_groups ? o->sync_groups : rec->sync_groups, &now, err))
        return NULL;
    /* The output may go elsewhere on replay: -serial is not compared. */
    g_free(now.serial);
    now.serial = g_strdup(rec->serial);
    g_autoptr(GString) diff = g_string_new(NULL);
    unsigned n = rr_manifest_diff(rec, &now, diff);
    rr_manifest_clear(&now);
    if (n) {
        if (diff->len && diff->str[diff->len - 1] == '\n')
            g_string_truncate(diff, diff->len - 1);
        g_string_replace(diff, "\n", "; ", 0);
        g_set_error(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_INVALID,
                    "%s was recorded differently: %s", dir, diff->str);
        return NULL;
    }
    g_autofree char *log = g_build_filename(dir, LOG_NAME, NULL);
    RrSession *s = rr_session_replay(log, salvage ? RR_LOG_SALVAGE : RR_LOG_STRICT, err);
    if (!s)
        return NULL;
    uint8_t hash[32];
    rr_manifest_config_hash(rec, hash);
    if (memcmp(hash, rr_session_header(s)->config_hash, sizeof hash)) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "%s: the log was not written with this manifest (configuration hashes "
                    "differ): the recording directory was mixed up", dir);
        rr_session_free(s);
        return NULL;
    }
    return s;
}

/* One invocation of run, record or replay, as its command line says. */
typedef struct Command {
    Mode mode;
    const char *name;
    CliMachineOptions o;
    const char *outdir;         /* record: -o */
    const char *recdir;         /* replay: the recording (a bundle's unpacked copy) */
    const char *recarg;         /* replay: the recording as given (a directory or a bundle) */
    bool salvage;
    bool have_rec;              /* rec holds the recording's manifest */
    RrManifest rec;
    char *bundle_dir;           /* replay of a bundle: where it is unpacked (removed at the end) */
    char *tmpdir;               /* run -i/--script: the recording (removed at the end) */
} Command;

/* Exit statuses of the steps below; CONTINUE: go on. */
#define CONTINUE (-1)

/* A replay first finds its recording: the options it holds are the base
 * the command line's go on top of. */
static int find_recording(Command *c, int argc, char **argv)
{
    CliMachineOptions scratch;
    cli_machine_options_init(&scratch);
    int status = CONTINUE;
    for (int i = 1; i < argc && status == CONTINUE; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help") || !strcmp(argv[i], "--salvage"))
            continue;
        int r = cli_machine_option(&scratch, argc, argv, &i, NULL);
        if (r == 0 && argv[i][0] == '-') {
            fprintf(stderr, "rewind replay: unknown option %s (see rewind replay --help)\n",
                    argv[i]);
            status = 1;
        } else if (r == 0 && !c->recdir) {
            c->recdir = c->recarg = argv[i];
            /* A bundle (cli/bundle.h) is replayed from its unpacked copy. */
            if (g_file_test(argv[i], G_FILE_TEST_IS_REGULAR)) {
                GError *err = NULL;
                if (!cli_bundle_unpack(argv[i], &c->bundle_dir, &err)) {
                    fprintf(stderr, "rewind replay: %s\n", err->message);
                    status = g_error_matches(err, CLI_BUNDLE_ERROR, CLI_BUNDLE_ERROR_DAMAGED)
                                 ? 4 : 1;
                    g_error_free(err);
                } else {
                    c->recdir = c->bundle_dir;
                }
            }
        }
    }
    cli_machine_options_clear(&scratch);
    if (status != CONTINUE || !c->recdir)
        return status;
    if (!g_file_test(c->recdir, G_FILE_TEST_IS_DIR)) {
        fprintf(stderr, "rewind replay: %s: no such recording directory\n", c->recdir);
        return 1;
    }
    GError *err = NULL;
    g_autofree char *man = g_build_filename(c->recdir, MANIFEST_NAME, NULL);
    if (!rr_manifest_read(man, &c->rec, &err) || !options_from_manifest(&c->rec, man, &c->o, &err)) {
        fprintf(stderr, "rewind replay: %s\n", err->message);
        g_error_free(err);
        return 1;
    }
    if (c->bundle_dir) {        /* the bundle's copy of the program */
        g_free(c->o.kernel);
        c->o.kernel = cli_bundle_binary_path(c->bundle_dir, &c->rec, RR_ROLE_KERNEL);
    }
    c->have_rec = true;
    return CONTINUE;
}

/* The command line, on top of the recording's options for a replay. */
static int parse_arguments(Command *c, int argc, char **argv)
{
    const char *name = c->name;
    GError *err = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(c->mode, stdout);
            return 0;
        }
        if (c->mode == MODE_RECORD && !strcmp(argv[i], "-o")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "rewind record: option -o needs an argument\n");
                return 1;
            }
            c->outdir = argv[++i];
            continue;
        }
        if (c->mode == MODE_REPLAY && !strcmp(argv[i], "--salvage")) {
            c->salvage = true;
            continue;
        }
        int r = cli_machine_option(&c->o, argc, argv, &i, &err);
        if (r < 0) {
            fprintf(stderr, "rewind %s: %s\n", name, err->message);
            g_error_free(err);
            return 1;
        }
        if (r > 0)
            continue;
        if (argv[i][0] == '-') {
            fprintf(stderr, "rewind %s: unknown option %s (see rewind %s --help)\n", name, argv[i],
                    name);
            return 1;
        }
        if (c->mode == MODE_REPLAY) {
            if (argv[i] != c->recarg) {
                fprintf(stderr, "rewind replay: more than one recording given (%s and %s)\n",
                        c->recarg, argv[i]);
                return 1;
            }
            continue;
        }
        if (c->o.kernel) {
            fprintf(stderr, "rewind %s: more than one program given (%s and %s)\n", name,
                    c->o.kernel, argv[i]);
            return 1;
        }
        c->o.kernel = g_strdup(argv[i]);
    }
    return CONTINUE;
}

/* QEMU's spelling: rewind run -icount rr=record|replay,rrfile=DIR. The
 * replay then takes the options as given (QEMU wants them repeated): they
 * must agree with the recording's. */
static int take_qemu_spelling(Command *c)
{
    if (c->o.rr_mode != CLI_RR_NONE && c->mode != MODE_RUN) {
        fprintf(stderr, "rewind %s: -icount rr= is for rewind run (rewind %s already %ss)\n",
                c->name, c->name, c->name);
        return 1;
    }
    if (c->o.rr_mode == CLI_RR_RECORD) {
        c->mode = MODE_RECORD;
        c->outdir = c->o.rr_file;
    } else if (c->o.rr_mode == CLI_RR_REPLAY) {
        c->mode = MODE_REPLAY;
        c->recdir = c->o.rr_file;
        if (!g_file_test(c->recdir, G_FILE_TEST_IS_DIR)) {
            fprintf(stderr, "rewind run: -icount rrfile=%s: no such recording directory\n",
                    c->recdir);
            return 1;
        }
        GError *err = NULL;
        g_autofree char *man = g_build_filename(c->recdir, MANIFEST_NAME, NULL);
        if (!rr_manifest_read(man, &c->rec, &err)) {
            fprintf(stderr, "rewind run: %s\n", err->message);
            g_error_free(err);
            return 1;
        }
        c->have_rec = true;
    }
    c->name = mode_name[c->mode];
    return CONTINUE;
}

/* What every mode needs given, and the session of record or replay. */
static int open_session(Command *c, int argc, char **argv, RrSession **session)
{
    const char *name = c->name;
    if (c->mode == MODE_REPLAY && !c->have_rec) {
        fprintf(stderr, "rewind replay: no recording given (see rewind replay --help)\n");
        return 1;
    }
    if (c->mode == MODE_RECORD && !c->outdir) {
        fprintf(stderr, "rewind record: no recording directory given (-o DIR)\n");
        return 1;
    }
    if (!c->o.kernel) {
        fprintf(stderr, "rewind %s: no program given (see rewind %s --help)\n", name, name);
        return 1;
    }
    if (c->o.gdb && c->mode == MODE_RUN) {
        fprintf(stderr, "rewind run: -gdb/-s needs a recording to travel in: rewind record -s "
                "-o DIR (records as gdb runs it), or rewind replay -s DIR\n");
        return 1;
    }
    if (c->o.gdb && (c->o.interactive || c->o.script)) {
        fprintf(stderr, "rewind %s: -gdb/-s and %s: one at a time (gdb's monitor runs the "
                "prompt's commands)\n", name, c->o.interactive ? "-i" : "--script");
        return 1;
    }
    GError *err = NULL;
    /* At the prompt or under a script, run records (into a directory of its
     * own, removed at the end) so that going back works. */
    if (c->mode == MODE_RUN && (c->o.interactive || c->o.script)) {
        c->tmpdir = g_dir_make_tmp("rewind-run-XXXXXX", &err);
        if (!c->tmpdir) {
            fprintf(stderr, "rewind run: a directory for the recording: %s\n", err->message);
            g_error_free(err);
            return 1;
        }
        c->mode = MODE_RECORD;
        c->outdir = c->tmpdir;
    }
    int status = CONTINUE;
    if (c->mode == MODE_RECORD && !(*session = start_recording(c->outdir, &c->o, argc, argv, &err))) {
        fprintf(stderr, "rewind %s: %s\n", name, err->message);
        status = 4;
    }
    if (c->mode == MODE_REPLAY &&
        !(*session = start_replay(c->recdir, &c->rec, &c->o, c->salvage, &err))) {
        fprintf(stderr, "rewind replay: %s\n", err->message);
        /* Options that differ from the recording's are bad usage; a log
         * that cannot be replayed is status 4. */
        status = g_error_matches(err, RR_MANIFEST_ERROR, RR_MANIFEST_ERROR_INVALID) ? 1 : 4;
    }
    g_clear_error(&err);
    return status;
}

/* Record or replay to the end; false (reported) if the session failed. */
static bool run_session(Command *c, RrSession *session, EmuMachine *m, RunState *st,
                        EmuMachineEvent *ev)
{
    rr_session_attach(session, m);
    rr_session_set_sleep(session, c->o.icount_sleep);
    RrSessionIo io = { .poll_serial = read_stdin, .wait = session_wait,
                       .flush_output = session_flush, .opaque = st };
    struct sigaction sa = { .sa_handler = on_stop_signal }, old_int, old_term;
    if (c->mode == MODE_RECORD) {
        stop_signal = 0;
        io.stop_requested = session_stop_requested;
        sigaction(SIGINT, &sa, &old_int);   /* no SA_RESTART: a wait returns */
        sigaction(SIGTERM, &sa, &old_term);
    }
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    GError *err = NULL;
    while ((rs = rr_session_run(session, &io, &res, &err)) == RR_RUN_MORE) {
    }
    if (c->mode == MODE_RECORD) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
    }
    session_flush(st);
    *ev = res.event;
    if (rs == RR_RUN_ERROR || !rr_session_finish(session, &res, &err)) {
        fprintf(stderr, "rewind %s: %s\n", c->name, err->message);
        g_error_free(err);
        return false;
    }
    return true;
}

/* A plain run: stdin to the UART as it takes it, to the end. */
static EmuMachineEvent run_plain(Command *c, EmuMachine *m, RunState *st)
{
    EmuMachineEvent ev = EMU_MACHINE_BUDGET;
    GByteArray *pending = g_byte_array_new();
    for (;;) {
        bool idle = ev == EMU_MACHINE_IDLE;
        if (idle && !st->stdin_open && !pending->len)
            break;                       /* nothing can ever wake the guest */
        if (c->o.serial == CLI_SERIAL_STDIO)
            poll_input(m, pending, st, idle);
        ev = emu_machine_run(m, pending->len ? SLICE_INPUT_PENDING : SLICE);
        session_flush(st);
        if (ev != EMU_MACHINE_BUDGET && ev != EMU_MACHINE_IDLE)
            break;
    }
    g_byte_array_unref(pending);
    return ev;
}

/* --stats: the icount, and the machine's final state, which a replay must
 * reproduce: every register, and every page of RAM ever written. */
static void print_stats(EmuMachine *m, double secs)
{
    uint64_t icount = emu_machine_icount(m);
    fprintf(stderr, "rewind: %" PRIu64 " instructions in %.3f s (%.1f MIPS)\n", icount,
            secs, secs > 0 ? (double)icount / secs / 1e6 : 0.0);
    RrStateHash h;
    rr_state_hash(emu_machine_cpu(m), emu_machine_mem(m), 1, &h);
    fprintf(stderr, "rewind: final state hash cpu %016" PRIx64 ", ram %016" PRIx64
            " (%" PRIu64 " pages)\n", h.cpu, h.ram, h.pages);
}

/* How the run ended, said on stderr (unless the session failed, which it
 * has said itself); the exit status. */
static int report_end(Command *c, EmuMachine *m, bool session_failed, EmuMachineEvent ev,
                      double secs)
{
    const char *name = c->name, *prog = c->o.kernel;
    uint64_t icount = emu_machine_icount(m);
    uint64_t pc = emu_cpu_pc(emu_machine_cpu(m));
    int status;
    if (session_failed) {
        status = 4;
    } else if (ev == EMU_MACHINE_ERROR) {
        fprintf(stderr, "rewind %s: %s: stopped at icount %" PRIu64 ", pc 0x%" PRIx64 ": %s\n",
                name, prog, icount, pc, emu_machine_error(m));
        status = 3;
    } else if (ev == EMU_MACHINE_IDLE) {
        fprintf(stderr, "rewind %s: %s: the guest waits for an interrupt (WFI at icount %"
                PRIu64 ", pc 0x%" PRIx64 ") with no timer armed and no more input: it can "
                "never wake up\n", name, prog, icount, pc - 4);
        status = 3;
    } else if (ev == EMU_MACHINE_BUDGET) {
        if (c->mode == MODE_RECORD)
            fprintf(stderr, "rewind record: stopped by the user at icount %" PRIu64
                    "; the recording is complete up to there\n", icount);
        else
            fprintf(stderr, "rewind replay: the recording ends here, icount %" PRIu64 "\n",
                    icount);
        status = 0;
    } else {
        status = emu_machine_exit_status(m);
    }
    if (c->o.stats)
        print_stats(m, secs);
    return status;
}

/* The time-travel engine on the session, for gdb, the prompt and scripts;
 * NULL after saying why. */
static RrTravel *start_travel(Command *c, RrSession *session, EmuMachine *m)
{
    GError *err = NULL;
    rr_session_attach(session, m);
    rr_session_set_sleep(session, c->o.icount_sleep);
    RrTravelConfig tc = { .budget_bytes = c->o.snapshot_budget };
    RrTravel *t = rr_travel_new(session, m, &tc, &err);
    if (!t) {
        fprintf(stderr, "rewind %s: %s\n", c->name, err->message);
        g_error_free(err);
    }
    return t;
}

/* The command table on the engine: named snapshots in the recording's
 * snapshots.qcow2, symbols from the program. */
static CliCommands *command_table(Command *c, RrTravel *t, EmuMachine *m)
{
    const char *dir = c->mode == MODE_RECORD ? c->outdir : c->recdir;
    g_autofree char *named = g_build_filename(dir, SNAP_NAMED_FILE, NULL);
    return cli_commands_new(t, m, named, c->o.kernel);
}

/* Record or replay under gdb: the time-travel engine on the session,
 * served on -gdb's address until gdb kills the session. A recording goes
 * forwards as gdb runs it (going back replays what it has recorded) and is
 * sealed at its frontier at the end. Named snapshots go to the recording's
 * snapshots.qcow2. */
static int run_gdb(Command *c, RrSession *session, EmuMachine *m, RunState *st)
{
    GError *err = NULL;
    const char *name = c->name;
    RrTravel *t = start_travel(c, session, m);
    if (!t)
        return 4;
    RrSessionIo io = { .poll_serial = read_stdin, .wait = session_wait,
                       .flush_output = session_flush, .opaque = st };
    st->short_waits = true;
    rr_travel_set_io(t, &io);
    GdbTarget *target = gdb_target_new(t, m);
    CliCommands *cmds = command_table(c, t, m);
    gdb_target_set_monitor(target, cli_commands_monitor, cmds);
    GdbServer *server = gdb_server_new(c->o.gdb, target, &err);
    int status = 0;
    if (!server) {
        fprintf(stderr, "rewind %s: -gdb %s: %s\n", name, c->o.gdb, err->message);
        status = 1;
    } else {
        if (c->mode == MODE_RECORD)
            fprintf(stderr, "rewind record: waiting for gdb on %s (recording as it runs)\n",
                    gdb_server_address(server));
        else
            fprintf(stderr, "rewind replay: waiting for gdb on %s (icount 0 of %" PRIu64 ")\n",
                    gdb_server_address(server), rr_travel_end(t));
        if (!gdb_server_run(server, &err)) {
            fprintf(stderr, "rewind %s: gdb stub: %s\n", name, err->message);
            status = 4;
        }
    }
    g_clear_error(&err);
    if (c->mode == MODE_RECORD && !rr_travel_finish(t, &err)) {
        fprintf(stderr, "rewind record: %s\n", err->message);
        status = 4;
    }
    session_flush(st);
    g_clear_error(&err);
    gdb_server_free(server);
    gdb_target_free(target);
    cli_commands_free(cmds);
    rr_travel_free(t);
    return status;
}

/* Host input and waits of a recording made at the prompt or under a
 * script: the serial input is what `send` gave; idle time passes as real
 * time does (with -icount sleep=on), cut short by Ctrl-C. */
static long script_poll(void *opaque, uint8_t *buf, size_t size, bool block)
{
    return cli_script_poll_serial(((RunState *)opaque)->script, buf, size, block);
}

/* End a recording made at the prompt or under a script where its frontier
 * is: the guest's own end if it got there, else a user stop
 * (rr_travel_finish). */
static bool seal_recording(RrTravel *t, GError **err)
{
    if (!rr_travel_live(t) && rr_travel_seek(t, rr_travel_end(t), err) == RR_TRAVEL_FAILED)
        return false;
    return rr_travel_finish(t, err);
}

static uint64_t sleep_wait(void *opaque, uint64_t ns)
{
    gint64 t0 = g_get_monotonic_time();
    struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000u), .tv_nsec = (long)(ns % 1000000000u) };
    nanosleep(&ts, NULL);                /* EINTR on Ctrl-C: fine */
    return (uint64_t)(g_get_monotonic_time() - t0) * 1000;
}

/* A script's long commands: the progress bar on stderr, and Ctrl-C (or
 * SIGTERM) interrupts. */
static bool script_progress(void *opaque, double fraction)
{
    cli_progress_bar_update(opaque, fraction);
    return stop_signal == 0;
}

static void script_done(void *opaque) { cli_progress_bar_done(opaque); }

/* A script's command that waits (gdbserver): Ctrl-C or SIGTERM calls it off. */
static bool script_interrupted(void *opaque) { return stop_signal != 0; }

/* The prompt and scripts: the time-travel engine on the session, driven
 * by the lines of --script FILE, then (-i, or a replay on a terminal) by
 * a person. A recording is sealed where its frontier is at the end. */
static int run_interactive(Command *c, RrSession *session, EmuMachine *m, RunState *st)
{
    GError *err = NULL;
    const char *name = c->name;
    bool recording = c->mode == MODE_RECORD;
    RrTravel *t = start_travel(c, session, m);
    if (!t)
        return 4;
    CliCommands *cmds = command_table(c, t, m);
    CliScript *script = cli_script_new(t, m, cmds, recording);
    st->script = script;
    st->m = m;
    RrSessionIo io = { .poll_serial = script_poll, .wait = sleep_wait,
                       .flush_output = session_flush, .opaque = st };
    rr_travel_set_io(t, &io);
    gint64 t0 = g_get_monotonic_time();
    int status = 0;
    if (c->o.script) {
        CliProgressBar bar;
        cli_progress_bar_init(&bar, STDERR_FILENO);
        CliScriptHooks hooks = { .progress = script_progress, .done = script_done, .opaque = &bar };
        cli_script_set_hooks(script, &hooks);
        cli_commands_set_interrupt(cmds, script_interrupted, NULL);
        struct sigaction sa = { .sa_handler = on_stop_signal }, old_int, old_term;
        stop_signal = 0;
        sigaction(SIGINT, &sa, &old_int);    /* no SA_RESTART: a wait returns */
        sigaction(SIGTERM, &sa, &old_term);
        status = cli_script_run_file(script, c->o.script, stdout, stderr);
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        cli_script_set_hooks(script, NULL);
    }
    if ((c->o.interactive || !c->o.script) && !cli_script_quit(script)) {
        fprintf(stderr, "rewind %s: %s at icount %" PRIu64 " of %" PRIu64 "; help lists the "
                "commands, Ctrl-D or quit leaves\n", name,
                recording ? "recording" : "replaying", rr_travel_icount(t), rr_travel_end(t));
        CliReplBackend *b = cli_repl_backend_readline(NULL);
        CliRepl *r = cli_repl_new(script, t, cmds, b);
        cli_repl_run(r);
        cli_repl_free(r);
        cli_repl_backend_free(b);
    }
    session_flush(st);
    if (recording && !seal_recording(t, &err)) {
        fprintf(stderr, "rewind %s: %s\n", name, err->message);
        g_clear_error(&err);
        status = 4;
    } else if (recording && !c->tmpdir) {
        fprintf(stderr, "rewind record: %s: recorded up to icount %" PRIu64 "\n", c->outdir,
                rr_travel_icount(t));
    }
    session_flush(st);
    if (c->o.stats)
        print_stats(m, (double)(g_get_monotonic_time() - t0) / 1e6);
    st->script = NULL;
    cli_script_free(script);
    cli_commands_free(cmds);
    rr_travel_free(t);
    return status;
}

/* Build the machine, load the program, run it (recorded, replayed or
 * plain) and report how it ended. */
static int run_machine(Command *c, RrSession *session)
{
    const CliMachineOptions *o = &c->o;
    RunState st = {
        .serial = { .fd = STDOUT_FILENO, .buf = g_byte_array_new() },
        /* Semihosting console output goes to stderr, as on QEMU 7.2 without
         * a semihosting chardev. */
        .console = { .fd = STDERR_FILENO, .buf = g_byte_array_new() },
        .stdout_out = { .fd = STDOUT_FILENO, .buf = g_byte_array_new() },
        .session = session,
        /* A replay's input comes from its log, never from stdin; at the
         * prompt or under a script, from `send`. */
        .stdin_open = o->serial == CLI_SERIAL_STDIO && c->mode != MODE_REPLAY &&
                      !o->interactive && !o->script,
    };
    int status = 1;
    EmuMachine *m = NULL;
    GError *err = NULL;
    if (o->serial == CLI_SERIAL_NONE)
        st.serial.fd = -1;
    if (o->serial == CLI_SERIAL_FILE) {
        st.serial.fd = open(o->serial_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (st.serial.fd < 0) {
            fprintf(stderr, "rewind %s: -serial file:%s: %s\n", c->name, o->serial_path,
                    strerror(errno));
            goto out;
        }
    }
    EmuMachineConfig cfg = {
        .ram_size = o->ram_size, .semihosting = o->semihosting, .no_reboot = o->no_reboot,
        .cmdline = o->append, .icount_shift = o->icount_shift,
        .serial_out = serial_out, .console_out = console_out,
        .semihost_stdout = semihost_stdout, .host_seconds = host_seconds,
        .entropy = entropy,
        .idle_returns = session != NULL, .opaque = &st,
    };
    m = emu_machine_new(&cfg, &err);
    if (!m || !emu_machine_load_elf(m, o->kernel, &err)) {
        fprintf(stderr, "rewind %s: %s\n", c->name, err->message);
        goto out;
    }
    if (emu_machine_warning(m))
        fprintf(stderr, "rewind %s: warning: %s\n", c->name, emu_machine_warning(m));
    if (c->o.gdb) {
        status = run_gdb(c, session, m, &st);
        goto out;
    }
    /* The prompt: asked for, or a replay on a terminal. */
    if (session && (o->interactive || o->script ||
                    (c->mode == MODE_REPLAY && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))) {
        status = run_interactive(c, session, m, &st);
        goto out;
    }
    gint64 t0 = g_get_monotonic_time();
    EmuMachineEvent ev;
    bool ok = true;
    if (session)
        ok = run_session(c, session, m, &st, &ev);
    else
        ev = run_plain(c, m, &st);
    double secs = (double)(g_get_monotonic_time() - t0) / 1e6;
    status = report_end(c, m, !ok, ev, secs);
out:
    g_clear_error(&err);
    emu_machine_free(m);
    if (st.serial.fd > STDERR_FILENO)
        close(st.serial.fd);
    g_byte_array_unref(st.serial.buf);
    g_byte_array_unref(st.console.buf);
    g_byte_array_unref(st.stdout_out.buf);
    return status;
}

/* The temporary recording of run -i/--script: its files, then itself. */
static void remove_recording(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *f;
    while (d && (f = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, f, NULL);
        if (g_remove(path) < 0)
            fprintf(stderr, "rewind run: cannot remove %s: %s\n", path, g_strerror(errno));
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
}

static int machine_main(Mode mode, int argc, char **argv)
{
    Command c = { .mode = mode, .name = mode_name[mode] };
    cli_machine_options_init(&c.o);
    rr_manifest_init(&c.rec);
    RrSession *session = NULL;
    int status = CONTINUE;
    if (mode == MODE_REPLAY)
        status = find_recording(&c, argc, argv);
    if (status == CONTINUE)
        status = parse_arguments(&c, argc, argv);
    if (status == CONTINUE)
        status = take_qemu_spelling(&c);
    if (status == CONTINUE)
        status = open_session(&c, argc, argv, &session);
    if (status == CONTINUE)
        status = run_machine(&c, session);
    rr_session_free(session);
    rr_manifest_clear(&c.rec);
    cli_machine_options_clear(&c.o);
    cli_bundle_cleanup(c.bundle_dir);
    g_free(c.bundle_dir);
    if (c.tmpdir)
        remove_recording(c.tmpdir);
    g_free(c.tmpdir);
    return status;
}

int cli_run_main(int argc, char **argv) { return machine_main(MODE_RUN, argc, argv); }
int cli_record_main(int argc, char **argv) { return machine_main(MODE_RECORD, argc, argv); }
int cli_replay_main(int argc, char **argv) { return machine_main(MODE_REPLAY, argc, argv); }
