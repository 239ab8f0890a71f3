/* tests/replay/test_session.c — record and replay at the session level: a
 * replay whose machine is disturbed (as a non-deterministic device would)
 * is stopped at the next sync event, which names the register and the
 * group of instructions where it left the recording. The end-to-end runs
 * of real guests are tests/replay/run-rr.sh. */
#include <criterion/criterion.h>
#include <elf.h>
#include <glib.h>

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
                     "it first left the recording between icount 2880 and 2944");
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
