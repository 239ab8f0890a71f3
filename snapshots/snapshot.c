/* snapshots/snapshot.c — see snapshot.h. */
#include "snapshots/snapshot.h"

#include "snapshots/vmstate.h"

struct SnapState {
    unsigned ref;
    uint64_t icount;
    GBytes *vmstate;             /* without RAM */
    SnapPages *pages;
};

SnapState *snap_state_take(SnapRam *ram, EmuMachine *m)
{
    SnapStream *st = snap_stream_new_writer();
    snap_vmstate_save(m, st, false);
    GError *err = NULL;
    GBytes *b = snap_stream_steal(st, &err);
    snap_stream_free(st);
    g_assert_no_error(err);      /* a memory stream fails only for want of memory */
    SnapState *s = g_new0(SnapState, 1);
    s->ref = 1;
    s->icount = emu_machine_icount(m);
    s->vmstate = b;
    s->pages = snap_ram_capture(ram);
    return s;
}

bool snap_state_restore(SnapRam *ram, EmuMachine *m, const SnapState *s, GError **err)
{
    size_t len;
    const void *data = g_bytes_get_data(s->vmstate, &len);
    SnapStream *st = snap_stream_new_reader(data, len, "snapshot");
    bool ok = snap_vmstate_load(m, st, err);
    snap_stream_free(st);
    if (ok)
        snap_ram_restore(ram, s->pages);
    return ok;
}

SnapState *snap_state_ref(SnapState *s)
{
    s->ref++;
    return s;
}

void snap_state_unref(SnapState *s)
{
    if (!s || --s->ref)
        return;
    g_bytes_unref(s->vmstate);
    snap_pages_unref(s->pages);
    g_free(s);
}

uint64_t snap_state_icount(const SnapState *s) { return s->icount; }
SnapPages *snap_state_pages(const SnapState *s) { return s->pages; }
GBytes *snap_state_vmstate(const SnapState *s) { return s->vmstate; }

size_t snap_state_own_bytes(const SnapState *s)
{
    return g_bytes_get_size(s->vmstate) + snap_pages_own_bytes(s->pages);
}
