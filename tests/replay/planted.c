/* tests/replay/planted.c — see planted.h. */
#include "tests/replay/planted.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "tests/replay/testdir.h"

typedef struct PlantedHooks Hooks;

static void serial(void *opaque, uint8_t byte)
{
    g_string_append_c(((Hooks *)opaque)->output, (char)byte);
}
static uint64_t clock_hook(void *opaque) { return rr_session_host_seconds(((Hooks *)opaque)->s); }
static void entropy_hook(void *opaque, uint8_t *b, size_t n)
{
    rr_session_entropy(((Hooks *)opaque)->s, b, n);
}

static EmuMachine *new_machine(Hooks *h)
{
    GError *err = NULL;
    const char *d = g_getenv("REWIND_GUEST_DIR");
    g_autofree char *elf = g_strdup_printf("%s/planted-O2-uart.elf", d ? d : "build/guest");
    EmuMachineConfig cfg = { .serial_out = serial, .host_seconds = clock_hook,
                             .entropy = entropy_hook, .idle_returns = true, .opaque = h };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, elf, &err), "%s", err ? err->message : "");
    rr_session_attach(h->s, m);
    return m;
}

void planted_replay_open(PlantedReplay *p, const char *tmpl)
{
    memset(p, 0, sizeof *p);
    p->dir = testdir_new(tmpl);
    p->named = g_build_filename(p->dir, "snapshots.qcow2", NULL);
    g_autofree char *logpath = g_build_filename(p->dir, "events.rwl", NULL);
    g_autoptr(GString) output = g_string_new(NULL);
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 1u << 20, .sync_groups = 64 };
    Hooks rec = { .output = output };
    rec.s = rr_session_record(logpath, &hdr, &err);
    cr_assert(rec.s, "%s", err ? err->message : "");
    EmuMachine *m = new_machine(&rec);
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(rec.s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert(rs == RR_RUN_DONE && rr_session_finish(rec.s, &res, &err), "%s",
              err ? err->message : "");
    p->end = res.icount;
    rr_session_free(rec.s);
    emu_machine_free(m);
    unsigned long long v, t;
    const char *line = strstr(output->str, "planted: victim at ");
    cr_assert(line && sscanf(line, "planted: victim at 0x%llx, tick at 0x%llx", &v, &t) == 2,
              "%s", output->str);
    p->victim = v, p->tick = t;

    p->hooks.output = g_string_new(NULL);
    p->session = p->hooks.s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(p->session, "%s", err ? err->message : "");
    p->machine = new_machine(&p->hooks);
    p->travel = rr_travel_new(p->session, p->machine, NULL, &err);
    cr_assert(p->travel, "%s", err ? err->message : "");
}

void planted_replay_close(PlantedReplay *p)
{
    rr_travel_free(p->travel);
    rr_session_free(p->session);
    emu_machine_free(p->machine);
    g_string_free(p->hooks.output, true);
    g_free(p->named);
    testdir_remove(p->dir);
}
