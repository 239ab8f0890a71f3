/* replay/diverge.c — where exactly a replay left the recording.
 *
 * A sync event says that the interval before it diverged, and its group
 * fingerprints say in which group the registers first differed. To name
 * the instruction, the interval is run again from the snapshot taken at
 * its start, with the events read since, twice, noting a digest of the
 * machine at every group boundary:
 *
 *  - if the two runs differ, something the instruction read is not in the
 *    log (a device or host input that is not replayed): the first group
 *    where they differ is run twice more, an instruction at a time, and the
 *    first instruction after which the registers differ is the answer;
 *  - if they agree and match the recording, the replay itself was fine: the
 *    machine was changed from outside (a debugger, a bug in rewind's
 *    driver);
 *  - if they agree but leave the recording, the difference comes from the
 *    recording's side (another build of rewind, program or input): the first
 *    group that differs from the recorded fingerprints is as near as the
 *    log allows (finer groups: -icount ...,sync-groups=G).
 */
#include <inttypes.h>
#include <string.h>

#include "replay/internal.h"
#include "replay/statehash.h"

/* The registers of a group fingerprint: X0..X30, SP_EL0, SP_EL1, PC,
 * PSTATE. */
#define STEP_REGS 35

typedef struct Step {
    uint64_t icount;             /* after the instruction */
    uint64_t pc;                 /* of the instruction */
    uint64_t regs[STEP_REGS];    /* after it */
} Step;

/* Put the machine back to `from`, with `ev_pos` the index of the event
 * that was next there. */
static bool restart(RrSession *s, const SnapState *from, guint ev_pos, GError **err)
{
    if (!snap_state_restore(s->ram, s->m, from, err))
        return false;
    s->digest_generation = emu_mem_generation(emu_machine_mem(s->m));
    g_clear_error(&s->div);
    s->from_buffer = true;
    s->ev_pos = ev_pos;
    if (!rr_session_advance(s, err))
        return false;
    /* Group boundaries are multiples of the group length from icount 0. */
    s->next_group = (emu_machine_icount(s->m) / s->group_len + 1) * s->group_len;
    g_array_set_size(s->digests, 0);
    return true;
}

/* The index of the event that is next now. */
static guint next_event_index(const RrSession *s)
{
    return s->have_next ? s->ev_pos - 1 : s->ev_pos;
}

/* Run to `target` (or until the run stops: an end, a divergence); returns
 * the icount reached. With `step`, an instruction at a time, noting each in
 * `steps`. */
static uint64_t run_to(RrSession *s, uint64_t target, GArray *steps)
{
    EmuCpu *cpu = emu_machine_cpu(s->m);
    unsigned stuck = 0;
    uint64_t now = emu_machine_icount(s->m);
    while (now < target && stuck < 64) {
        Step st = { .pc = emu_cpu_pc(cpu) };
        s->stop_cap = steps ? now + 1 : target;
        RrSessionResult res;
        GError *err = NULL;
        RrRunStatus rs = rr_session_run(s, NULL, &res, &err);
        g_clear_error(&err);
        uint64_t after = emu_machine_icount(s->m);
        if (steps && after > now) {
            st.icount = after;
            for (size_t r = 0; r < STEP_REGS; r++) {
                uint8_t v[32];
                emu_cpu_state_reg(cpu, r, v);
                memcpy(&st.regs[r], v, 8);
            }
            g_array_append_val(steps, st);
        }
        stuck = after == now ? stuck + 1 : 0;
        now = after;
        if (rs != RR_RUN_MORE)
            break;
    }
    s->stop_cap = 0;
    return now;
}

/* Run the interval from its start to `at`, noting digests; returns them.
 * RAM counts from the interval's start. */
static GArray *digest_run(RrSession *s, uint64_t at, GError **err)
{
    if (!restart(s, s->start, 0, err))
        return NULL;
    if (run_to(s, s->interval_start, NULL) != s->interval_start) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "the replay from icount %" PRIu64
                    " stopped before icount %" PRIu64, snap_state_icount(s->start),
                    s->interval_start);
        return NULL;
    }
    g_array_set_size(s->digests, 0);
    if (s->next_group == s->interval_start)
        s->next_group += s->group_len;      /* the first digest ends the first group */
    s->digest_generation = emu_mem_new_generation(emu_machine_mem(s->m));
    uint64_t end = run_to(s, at, NULL);
    if (end == at)
        rr_session_note_digest(s);          /* the last point, at the divergence */
    GArray *d = s->digests;
    s->digests = g_array_new(false, false, sizeof(RrDigest));
    return d;
}

static bool digest_equal(const RrDigest *a, const RrDigest *b)
{
    return a->icount == b->icount && a->fingerprint == b->fingerprint && a->cpu == b->cpu &&
           a->ram == b->ram;
}

static void describe_instruction(RrSession *s, uint64_t pc, GString *out)
{
    uint32_t insn;
    if (emu_cpu_read_virt(emu_machine_cpu(s->m), pc, &insn, sizeof insn))
        g_string_append_printf(out, "PC 0x%" PRIx64 " (%08" PRIx32 ", %s)", pc, insn,
                               emu_a64_name(insn));
    else
        g_string_append_printf(out, "PC 0x%" PRIx64, pc);
}

/* Run [from, to) an instruction at a time twice from a snapshot at
 * `from`; report the first instruction after which the registers differ. */
static void step_twice(RrSession *s, uint64_t from, uint64_t to, GString *report)
{
    GError *err = NULL;
    if (!restart(s, s->start, 0, &err)) {
        g_string_append_printf(report, " (%s)", err->message);
        g_error_free(err);
        return;
    }
    run_to(s, from, NULL);
    SnapState *at_from = snap_state_take(s->ram, s->m);
    guint ev = next_event_index(s);
    GArray *one = g_array_new(false, false, sizeof(Step));
    GArray *two = g_array_new(false, false, sizeof(Step));
    run_to(s, to, one);
    if (restart(s, at_from, ev, &err))
        run_to(s, to, two);
    g_clear_error(&err);
    guint n = MIN(one->len, two->len), k = 0;
    while (k < n && memcmp(&g_array_index(one, Step, k), &g_array_index(two, Step, k),
                           sizeof(Step)) == 0)
        k++;
    if (k == n) {
        g_string_append_printf(report, "; run an instruction at a time from icount %" PRIu64
                               " to %" PRIu64 ", both runs agree on every register: they differ "
                               "in RAM only", from, to);
    } else {
        const Step *a = &g_array_index(one, Step, k), *b = &g_array_index(two, Step, k);
        g_string_append_printf(report, "; the first instruction whose result differs between "
                               "two runs is at icount %" PRIu64 ", ", a->icount - 1);
        describe_instruction(s, a->pc, report);
        const char *sep = ": ";
        for (size_t r = 0; r < STEP_REGS; r++) {
            if (a->regs[r] == b->regs[r])
                continue;
            char buf[16];
            g_string_append_printf(report, "%s%s = 0x%" PRIx64 " in one run, 0x%" PRIx64
                                   " in the other", sep, emu_cpu_state_reg_name(r, buf),
                                   a->regs[r], b->regs[r]);
            sep = ", ";
        }
        g_string_append(report, " — it read something the log does not hold (a device or "
                        "host input that is not recorded)");
    }
    g_array_unref(one);
    g_array_unref(two);
    snap_state_unref(at_from);
}

void rr_diverge_locate(RrSession *s, uint64_t at, const RrEvent *sync, GString *report)
{
    if (!s->start || s->digests || at <= s->interval_start)
        return;                          /* nothing ran: nothing to re-execute */
    /* What the caller lent may be overwritten by the runs below. */
    RrEvent rec = { 0 };
    uint32_t *groups = NULL;
    if (sync) {
        rec = *sync;
        groups = g_memdup2(sync->groups, sizeof(uint32_t) * s->ngroups);
    }
    uint64_t start = s->interval_start;
    GError *err = NULL;
    s->digests = g_array_new(false, false, sizeof(RrDigest));
    GArray *a = digest_run(s, at, &err);
    GArray *b = a ? digest_run(s, at, &err) : NULL;
    if (!b) {
        g_string_append_printf(report, "; re-executing the interval failed: %s", err->message);
        g_error_free(err);
        goto out;
    }
    g_string_append_printf(report, "; re-executed from icount %" PRIu64 " twice", start);
    guint n = MIN(a->len, b->len), k = 0;
    while (k < n && digest_equal(&g_array_index(a, RrDigest, k), &g_array_index(b, RrDigest, k)))
        k++;
    if (k < n || a->len != b->len) {
        uint64_t from = k ? g_array_index(a, RrDigest, k - 1).icount : start;
        uint64_t to = k < a->len ? g_array_index(a, RrDigest, k).icount : at;
        g_string_append_printf(report, ", the runs differ from each other between icount %"
                               PRIu64 " and %" PRIu64, from, to);
        step_twice(s, from, to, report);
        goto out;
    }
    if (!sync) {
        g_string_append(report, ", the runs agree with each other: the replay is deterministic "
                        "here, so what differs is on the recording's side (another build of "
                        "rewind, program or input)");
        goto out;
    }
    uint32_t g = 0;
    while (g < a->len && g < s->ngroups &&
           g_array_index(a, RrDigest, g).fingerprint == groups[g])
        g++;
    const RrDigest *last = a->len ? &g_array_index(a, RrDigest, a->len - 1) : NULL;
    if (g == s->ngroups && last && last->cpu == rec.cpu_hash && last->ram == rec.ram_hash) {
        g_string_append(report, ", and both match the recording: the replay left it only "
                        "because the machine was changed from outside the replay");
    } else if (g == s->ngroups) {
        g_string_append(report, ", the runs agree with each other and with the recorded "
                        "registers at every group, but not with the recorded RAM or system "
                        "state at the end: the replay is deterministic here, so what differs "
                        "is on the recording's side (another build of rewind, program or "
                        "input)");
    } else {
        g_string_append_printf(report, ", the runs agree with each other but leave the recording "
                               "between icount %" PRIu64 " and %" PRIu64 ": the replay is "
                               "deterministic here, so what differs is on the recording's side "
                               "(another build of rewind, program or input); a recording "
                               "with smaller groups (-icount sync-interval=N,sync-groups=G) "
                               "narrows it further", start + g * s->group_len,
                               start + (g + 1) * s->group_len);
    }
out:
    if (a)
        g_array_unref(a);
    if (b)
        g_array_unref(b);
    g_array_unref(s->digests);
    s->digests = NULL;
    g_free(groups);
}
