/* tests/replay/test_session.c — record and replay at the session level: a
 * replay whose machine is disturbed is stopped at the next sync event,
 * which names the register and the group of instructions where it left the
 * recording; a device that is not deterministic (this file's own, mapped
 * only here) is found by re-executing the interval: the exact instruction
 * that read it. The end-to-end runs of real guests are
 * tests/replay/run-rr.sh. */
#include <criterion/criterion.h>
#include <elf.h>
#include <libfdt.h>
#include <glib.h>
#include <string.h>

#include "emu/fdt.h"
#include "replay/session.h"
#include "tests/emu/testelf.h"
#include "tests/replay/testdir.h"

static char *dir, *elf, *logpath;

/* x0 counts up and is stored to memory, forever:
 *   mov x0, #0; adr x2, data; loop: add x0, x0, #1; str x0, [x2]; b loop */
static const uint32_t counter[] = {
    0xd2800000, 0x10000082, 0x91000400, 0xf9000040, 0x17fffffe, 0, 0,
};

static void setup(void)
{
    dir = testdir_new("rewind-session-XXXXXX");
    elf = testelf_write(dir, "counter.elf", EM_AARCH64, 0x40080000, counter, sizeof counter, 0);
    logpath = g_build_filename(dir, "events.rwl", NULL);
}

static void teardown(void)
{
    g_free(elf);
    g_free(logpath);
    testdir_remove(dir);
}

TestSuite(rr_session, .init = setup, .fini = teardown, .timeout = 20);

static uint64_t clock_hook(void *opaque) { return rr_session_host_seconds(opaque); }

static EmuMachine *machine(RrSession *s)
{
    GError *err = NULL;
    EmuMachineConfig cfg = { .host_seconds = clock_hook, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, elf, &err), "%s", err ? err->message : "");
    rr_session_attach(s, m);
    return m;
}

/* Sync every 1024 instructions, in 16 groups of 64. */
static const RrLogHeader header = { .sync_interval = 1024, .sync_groups = 16 };

/* Record `stretches` calls of rr_session_run, then stop as a user would. */
static uint64_t record(unsigned stretches)
{
    GError *err = NULL;
    RrSession *s = rr_session_record(logpath, &header, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = machine(s);
    RrSessionResult res = { 0 };
    for (unsigned i = 0; i < stretches; i++)
        cr_assert_eq(rr_session_run(s, NULL, &res, &err), RR_RUN_MORE);
    res = (RrSessionResult){ .event = EMU_MACHINE_BUDGET, .icount = emu_machine_icount(m) };
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);
    return res.icount;
}

Test(rr_session, replay_reaches_the_recorded_end)
{
    uint64_t end = record(100);
    cr_assert_eq(end, 100 * 64);
    GError *err = NULL;
    RrSession *s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = machine(s);
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_DONE, "%s", err ? err->message : "");
    cr_assert_eq(res.icount, end);
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    /* Two instructions before the loop, then add (counting), str, b. */
    cr_assert_eq(emu_cpu_x(emu_machine_cpu(m), 0), (end - 2) / 3 + 1);
    rr_session_free(s);
    emu_machine_free(m);
}

Test(rr_session, a_disturbed_replay_names_the_register_and_the_group)
{
    record(100);
    GError *err = NULL;
    RrSession *s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = machine(s);
    RrSessionResult res = { 0 };
    /* Run to icount 2944 (a group boundary inside the third interval,
     * 2048..3072), then change x0 behind the guest's back. */
    while (emu_machine_icount(m) < 2944)
        cr_assert_eq(rr_session_run(s, NULL, &res, &err), RR_RUN_MORE);
    cr_assert_eq(emu_machine_icount(m), 2944);
    EmuCpu *cpu = emu_machine_cpu(m);
    emu_cpu_set_x(cpu, 0, emu_cpu_x(cpu, 0) + 1000);
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_ERROR);
    cr_assert_str_eq(err->message,
                     "replay diverged from the recording in the interval from icount 2048 to "
                     "3072: CPU state differs (x0); RAM differs (1 pages written, 1 recorded); "
                     "it first left the recording between icount 2880 and 2944; re-executed "
                     "from icount 2048 twice, and both match the recording: the replay left it "
                     "only because the machine was changed from outside the replay");
    g_error_free(err);
    rr_session_free(s);
    emu_machine_free(m);
}

/* Arm the virtual timer 0x90000 ticks ahead, WFI until the counter passes
 * it (counting wake-ups in x4), then PSCI SYSTEM_OFF. */
static const uint32_t sleeper[] = {
    0xd53be041, /* mrs x1, cntvct_el0 */
    0xd2a00123, /* mov x3, #0x90000 */
    0x8b030021, /* add x1, x1, x3 */
    0xd51be341, /* msr cntv_cval_el0, x1 */
    0xd2800022, /* mov x2, #1 */
    0xd51be322, /* msr cntv_ctl_el0, x2 */
    0xd503207f, /* 1: wfi */
    0x91000484, /* add x4, x4, #1 */
    0xd53be045, /* mrs x5, cntvct_el0 */
    0xeb0100bf, /* cmp x5, x1 */
    0x54ffff83, /* b.lo 1b */
    0xd2b08000, /* mov x0, #0x84000000 */
    0x91002000, /* add x0, x0, #8 */
    0xd4000002, /* hvc #0 */
};

/* A host on which the first wait is cut short by half (input arrived),
 * the others last as long as asked. */
static uint64_t half_then_full(void *opaque, uint64_t ns)
{
    unsigned *calls = opaque;
    return (*calls)++ ? ns : ns / 2;
}

static uint64_t run_to_end(RrSession *s, EmuMachine *m, const RrSessionIo *io)
{
    GError *err = NULL;
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(s, io, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_DONE, "%s", err ? err->message : "");
    cr_assert_eq(res.event, EMU_MACHINE_POWEROFF);
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    return emu_cpu_x(emu_machine_cpu(m), 4);
}

static EmuMachine *sleeper_machine(RrSession *s)
{
    GError *err = NULL;
    g_autofree char *p = testelf_write(dir, "sleeper.elf", EM_AARCH64, 0x40080000, sleeper,
                                       sizeof sleeper, 0);
    EmuMachineConfig cfg = { .host_seconds = clock_hook, .idle_returns = true, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, p, &err), "%s", err ? err->message : "");
    rr_session_attach(s, m);
    return m;
}

Test(rr_session, idle_time_is_recorded_as_it_passed_and_replayed_exactly)
{
    GError *err = NULL;
    for (int sleep = 0; sleep <= 1; sleep++) {
        g_autofree char *path = g_strdup_printf("%s/idle%d.rwl", dir, sleep);
        RrSession *s = rr_session_record(path, &header, &err);
        cr_assert(s, "%s", err ? err->message : "");
        rr_session_set_sleep(s, sleep);
        EmuMachine *m = sleeper_machine(s);
        unsigned calls = 0;
        RrSessionIo io = { .wait = half_then_full, .opaque = &calls };
        uint64_t wakeups = run_to_end(s, m, &io);
        uint64_t end = emu_machine_icount(m);
        /* sleep on: woken early once, then again at the timer; off: the
         * whole wait passes at once. */
        cr_assert_eq(wakeups, sleep ? 2 : 1, "sleep %d: %llu wake-ups, %u waits", sleep, (unsigned long long)wakeups, calls);
        cr_assert_eq(calls, sleep ? 2u : 0u);
        rr_session_free(s);
        emu_machine_free(m);

        s = rr_session_replay(path, RR_LOG_STRICT, &err);
        cr_assert(s, "%s", err ? err->message : "");
        m = sleeper_machine(s);
        cr_assert_eq(run_to_end(s, m, NULL), wakeups);
        cr_assert_eq(emu_machine_icount(m), end);
        rr_session_free(s);
        emu_machine_free(m);
    }
}

/* ---- A device the log does not hold -------------------------------------- */

/* At 0x0b000000 (nothing of the board's is there): reads 0 before icount
 * 10000; from then on, in NONDET mode a random value on every read (as a
 * device reading the host behind the log's back would), in CHANGED mode 0
 * while recording and 1 while replaying (as another build of a device
 * would: deterministic, but not what was recorded). */
#define NONDET_BASE 0x0b000000ull
#define NONDET_FROM 10000
typedef enum { NONDET, CHANGED } DeviceMode;
typedef struct TestDevice {
    EmuMachine *m;
    DeviceMode mode;
    bool replaying;
} TestDevice;

static bool device_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    TestDevice *d = opaque;
    if (emu_machine_icount(d->m) < NONDET_FROM)
        *val = 0;
    else if (d->mode == NONDET)
        *val = g_random_int() | 0x80000000u;     /* never 0, never twice the same in practice */
    else
        *val = d->replaying;
    return true;
}

static bool device_write(void *opaque, uint64_t off, unsigned size, uint64_t val) { return false; }

static const EmuMmioOps device_ops = { .read = device_read, .write = device_write };

/* x4 sums what the device reads, stored to memory, forever:
 *   movz x2, #0x0b00, lsl 16; adr x3, data; mov x0, #0
 *   loop: add x0, x0, #1; ldr w1, [x2]; add x4, x4, x1; str x4, [x3]; b loop
 * The load of iteration j is at icount 4 + 5j; the first from icount
 * 10000 on is at 10004, PC 0x40080010. */
static const uint32_t reader[] = {
    0xd2a16002, 0x100000e3, 0xd2800000,
    0x91000400, 0xb9400041, 0x8b010084, 0xf9000064, 0x17fffffc, 0, 0,
};

/* Sync every 4096 instructions, in 16 groups of 256: the load at 10004
 * is in group 7 (9984..10240) of the interval 8192..12288. */
static const RrLogHeader reader_header = { .sync_interval = 4096, .sync_groups = 16 };

static EmuMachine *reader_machine(RrSession *s, TestDevice *d)
{
    GError *err = NULL;
    g_autofree char *p = testelf_write(dir, "reader.elf", EM_AARCH64, 0x40080000, reader,
                                       sizeof reader, 0);
    EmuMachineConfig cfg = { .host_seconds = clock_hook, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, p, &err), "%s", err ? err->message : "");
    d->m = m;
    cr_assert(emu_mem_add_mmio(emu_machine_mem(m), NONDET_BASE, 0x1000, &device_ops, d, "test"));
    rr_session_attach(s, m);
    return m;
}

/* Record 16384 instructions with the device in `mode`, replay, and return
 * the replay's error message (g_free). */
static char *diverging_replay(DeviceMode mode)
{
    GError *err = NULL;
    TestDevice dev = { .mode = mode };
    RrSession *s = rr_session_record(logpath, &reader_header, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = reader_machine(s, &dev);
    RrSessionResult res = { 0 };
    while (emu_machine_icount(m) < 16384)
        cr_assert_eq(rr_session_run(s, NULL, &res, &err), RR_RUN_MORE);
    res = (RrSessionResult){ .event = EMU_MACHINE_BUDGET, .icount = emu_machine_icount(m) };
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);

    s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    dev.replaying = true;
    m = reader_machine(s, &dev);
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_ERROR, "the replay did not diverge");
    char *msg = g_strdup(err->message);
    g_error_free(err);
    rr_session_free(s);
    emu_machine_free(m);
    return msg;
}

Test(rr_session, a_non_deterministic_device_is_found_at_its_instruction)
{
    g_autofree char *msg = diverging_replay(NONDET);
    const char *want[] = {
        "replay diverged from the recording in the interval from icount 8192 to 12288: "
        "CPU state differs (x1, x4); RAM differs",
        "it first left the recording between icount 9984 and 10240",
        "re-executed from icount 8192 twice, the runs differ from each other between icount "
        "9984 and 10240",
        "the first instruction whose result differs between two runs is at icount 10004, "
        "PC 0x40080010 (b9400041, ldr",
        "): x1 = 0x",
        "in one run, 0x",
        "it read something the log does not hold",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        cr_assert(strstr(msg, want[i]), "no \"%s\" in: %s", want[i], msg);
    /* x1 only: x4 is the next instruction's. */
    cr_assert_null(strstr(msg, "x4 = "), "%s", msg);
}

Test(rr_session, a_device_that_changed_deterministically_is_found_to_its_group)
{
    g_autofree char *msg = diverging_replay(CHANGED);
    const char *want =
        "it first left the recording between icount 9984 and 10240; re-executed from icount 8192 "
        "twice, the runs agree with each other but leave the recording between icount 9984 and "
        "10240: the replay is deterministic here, so what differs is on the recording's side";
    cr_assert(strstr(msg, want), "%s", msg);
}

/* ---- Entropy: the device tree's seeds ------------------------------------ */

static void entropy_hook(void *opaque, uint8_t *buf, size_t len) { rr_session_entropy(opaque, buf, len); }

/* A program at 0x40200000 leaves room for a device tree at 0x40000000,
 * which then holds random seeds; `seeds` gets them as the guest sees them. */
static EmuMachine *seeded_machine(RrSession *s, uint8_t seeds[EMU_FDT_SEED_BYTES])
{
    GError *err = NULL;
    g_autofree char *p = testelf_write(dir, "high.elf", EM_AARCH64, 0x40200000, counter,
                                       sizeof counter, 0);
    EmuMachineConfig cfg = { .host_seconds = clock_hook, .entropy = entropy_hook, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, p, &err), "%s", err ? err->message : "");
    uint8_t dtb[4096];
    cr_assert(emu_mem_read_phys(emu_machine_mem(m), 0x40000000, dtb, sizeof dtb));
    int chosen = fdt_path_offset(dtb, "/chosen"), len;
    const uint8_t *rng = fdt_getprop(dtb, chosen, "rng-seed", &len);
    cr_assert(rng && len == 32);
    memcpy(seeds, rng, 32);
    const uint8_t *kaslr = fdt_getprop(dtb, chosen, "kaslr-seed", &len);
    cr_assert(kaslr && len == 8);
    memcpy(seeds + 32, kaslr, 8);
    rr_session_attach(s, m);
    return m;
}

static void record_seeded(const char *path, uint8_t seeds[EMU_FDT_SEED_BYTES])
{
    GError *err = NULL;
    RrSession *s = rr_session_record(path, &header, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = seeded_machine(s, seeds);
    RrSessionResult res = { 0 };
    for (int i = 0; i < 10; i++)
        cr_assert_eq(rr_session_run(s, NULL, &res, &err), RR_RUN_MORE);
    res = (RrSessionResult){ .event = EMU_MACHINE_BUDGET, .icount = emu_machine_icount(m) };
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);
}

Test(rr_session, device_tree_seeds_are_the_hosts_when_recording_and_the_logs_when_replaying)
{
    g_autofree char *second = g_build_filename(dir, "second.rwl", NULL);
    uint8_t rec1[EMU_FDT_SEED_BYTES], rec2[EMU_FDT_SEED_BYTES], rep[EMU_FDT_SEED_BYTES];
    record_seeded(logpath, rec1);
    record_seeded(second, rec2);
    cr_assert(memcmp(rec1, rec2, sizeof rec1) != 0, "two recordings got the same random seeds");

    GError *err = NULL;
    RrLogReader *r = rr_log_reader_open(logpath, RR_LOG_STRICT, &err);
    cr_assert(r, "%s", err ? err->message : "");
    RrEvent ev;
    cr_assert_eq(rr_log_reader_next(r, &ev, &err), 1);
    cr_assert_eq(ev.kind, RR_EVENT_ENTROPY);
    cr_assert_eq(ev.icount, 0);
    cr_assert_eq(ev.source, RR_ENTROPY_DEVICE_TREE);
    cr_assert_eq(ev.len, EMU_FDT_SEED_BYTES);
    cr_assert_arr_eq(ev.bytes, rec1, sizeof rec1);
    rr_log_reader_close(r);

    RrSession *s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = seeded_machine(s, rep);
    cr_assert_arr_eq(rep, rec1, sizeof rec1);
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_DONE, "%s", err ? err->message : "");
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);
}

Test(rr_session, a_replay_asking_for_entropy_the_log_lacks_diverges_at_once)
{
    record(10);                          /* the program at 0x40080000: no device tree */
    GError *err = NULL;
    RrSession *s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    uint8_t seeds[EMU_FDT_SEED_BYTES];
    EmuMachine *m = seeded_machine(s, seeds);
    RrSessionResult res = { 0 };
    cr_assert_eq(rr_session_run(s, NULL, &res, &err), RR_RUN_ERROR);
    cr_assert_eq(emu_machine_icount(m), 0);
    cr_assert_str_eq(err->message, "replay diverged from the recording at icount 0: the machine "
                     "asked for 40 random bytes; the recording has end at icount 640 next");
    g_error_free(err);
    rr_session_free(s);
    emu_machine_free(m);
}

/* A log whose input comes where the replay can never get: the guest waits
 * for input (WFI, nothing armed) at icount 1, the log's input is at 50. */
Test(rr_session, a_replay_never_waits_for_input_that_cannot_come)
{
    static const uint32_t waiter[] = { 0xd503207f, 0x17ffffff };   /* 1: wfi; b 1b */
    GError *err = NULL;
    RrLogWriter *w = rr_log_writer_open(logpath, &header, &err);
    cr_assert(w, "%s", err ? err->message : "");
    RrEvent in = { .kind = RR_EVENT_SERIAL_IN, .icount = 50, .bytes = (const uint8_t *)"x", .len = 1 };
    RrEvent end = { .kind = RR_EVENT_END, .icount = 60, .status = RR_END_USER_STOP };
    cr_assert(rr_log_writer_append(w, &in, &err) && rr_log_writer_append(w, &end, &err));
    cr_assert(rr_log_writer_close(w, 60, &err), "%s", err ? err->message : "");

    RrSession *s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    g_autofree char *p = testelf_write(dir, "waiter.elf", EM_AARCH64, 0x40080000, waiter,
                                       sizeof waiter, 0);
    EmuMachineConfig cfg = { .host_seconds = clock_hook, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, p, &err), "%s", err ? err->message : "");
    rr_session_attach(s, m);
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    int calls = 0;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE)
        cr_assert_lt(++calls, 100, "the replay keeps waiting");
    cr_assert_eq(rs, RR_RUN_ERROR);
    cr_assert(strstr(err->message, "replay diverged from the recording at icount 1: the guest "
                     "waits for input (WFI, no timer armed), but the recording's next input is "
                     "at icount 50"), "%s", err->message);
    g_error_free(err);
    rr_session_free(s);
    emu_machine_free(m);
}
