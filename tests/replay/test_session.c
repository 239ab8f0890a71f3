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

static char *dir, *elf, *logpath;

/* x0 counts up and is stored to memory, forever:
 *   mov x0, #0; adr x2, data; loop: add x0, x0, #1; str x0, [x2]; b loop */
static const uint32_t counter[] = {
    0xd2800000, 0x10000082, 0x91000400, 0xf9000040, 0x17fffffe, 0, 0,
};

static void setup(void)
{
    dir = g_dir_make_tmp("rewind-session-XXXXXX", NULL);
    elf = testelf_write(dir, "counter.elf", EM_AARCH64, 0x40080000, counter, sizeof counter, 0);
    logpath = g_build_filename(dir, "events.rwl", NULL);
}

static void teardown(void)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(elf);
    g_free(logpath);
    g_free(dir);
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
