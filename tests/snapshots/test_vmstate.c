/* tests/snapshots/test_vmstate.c — the stream and the vmstate format of
 * snapshots/FORMAT.md: section sizes as specified, every damaged or
 * truncated vmstate refused with a message naming the place, and a refused
 * load leaving the machine untouched. (Round trips on running guests are
 * in test_snapshot.c.) */
#include <criterion/criterion.h>
#include <glib.h>
#include <string.h>

#include "replay/statehash.h"
#include "snapshots/vmstate.h"
#include "tests/replay/testdir.h"

/* ---- The stream ---------------------------------------------------------- */

Test(snap_stream, integers_are_little_endian_and_read_back)
{
    SnapStream *w = snap_stream_new_writer();
    snap_put_u8(w, 0xab);
    snap_put_u32(w, 0x01020304);
    snap_put_u64(w, 0x1122334455667788ull);
    snap_put_bool(w, true);
    GError *err = NULL;
    GBytes *b = snap_stream_steal(w, &err);
    snap_stream_free(w);
    size_t len;
    const uint8_t *d = g_bytes_get_data(b, &len);
    static const uint8_t want[] = { 0xab, 4, 3, 2, 1, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 1 };
    cr_assert_eq(len, sizeof want);
    cr_assert_arr_eq(d, want, sizeof want);
    SnapStream *r = snap_stream_new_reader(d, len, "test");
    cr_assert_eq(snap_get_u8(r), 0xab);
    cr_assert_eq(snap_get_u32(r), 0x01020304);
    cr_assert_eq(snap_get_u64(r), 0x1122334455667788ull);
    cr_assert(snap_get_bool(r));
    cr_assert_eq(snap_stream_remaining(r), 0);
    cr_assert(snap_stream_finish(r, &err));
    snap_stream_free(r);
    g_bytes_unref(b);
}

Test(snap_stream, the_first_error_sticks_and_names_its_offset)
{
    static const uint8_t data[] = { 1, 2, 7, 4, 5 };
    SnapStream *r = snap_stream_new_reader(data, sizeof data, "the thing");
    cr_assert_eq(snap_get_u8(r), 1);
    cr_assert_eq(snap_get_u8(r), 2);
    cr_assert_not(snap_get_bool(r));             /* 7 is not a flag */
    cr_assert_eq(snap_get_u8(r), 0);             /* nothing after the error */
    cr_assert_eq(snap_get_u64(r), 0);
    GError *err = NULL;
    cr_assert_not(snap_stream_finish(r, &err));
    cr_assert(strstr(err->message, "the thing, offset 2: a flag reads 7"), "%s", err->message);
    g_clear_error(&err);
    snap_stream_free(r);

    r = snap_stream_new_reader(data, sizeof data, "short");
    cr_assert_eq(snap_get_u64(r), 0);
    cr_assert_not(snap_stream_finish(r, &err));
    cr_assert(strstr(err->message, "offset 0") && strstr(err->message, "truncated"), "%s",
              err->message);
    g_error_free(err);
    snap_stream_free(r);
}

Test(snap_stream, file_backend_round_trip_and_missing_file)
{
    char *dir = testdir_new("rewind-stream-XXXXXX");
    g_autofree char *path = g_build_filename(dir, "s.bin", NULL);
    GError *err = NULL;
    SnapStream *w = snap_stream_new_file_writer(path, &err);
    cr_assert(w, "%s", err ? err->message : "");
    for (uint32_t i = 0; i < 1000; i++)
        snap_put_u32(w, i * 7);
    cr_assert(snap_stream_finish(w, &err));
    snap_stream_free(w);
    SnapStream *r = snap_stream_new_file_reader(path, &err);
    cr_assert(r);
    for (uint32_t i = 0; i < 1000; i++)
        cr_assert_eq(snap_get_u32(r), i * 7);
    snap_get_u8(r);
    cr_assert_not(snap_stream_finish(r, &err));
    cr_assert(strstr(err->message, "offset 4000"), "%s", err->message);
    g_clear_error(&err);
    snap_stream_free(r);
    g_autofree char *none = g_build_filename(dir, "none", NULL);
    cr_assert_null(snap_stream_new_file_reader(none, &err));
    cr_assert(strstr(err->message, "none: cannot open for reading"), "%s", err->message);
    g_error_free(err);
    testdir_remove(dir);
}

/* ---- The vmstate ------------------------------------------------------- */

/* A machine in a state worth saving: a program loaded, registers and
 * devices away from their reset values. */
static EmuMachine *machine(void)
{
    GError *err = NULL;
    EmuMachineConfig cfg = { 0 };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m);
    EmuCpu *cpu = emu_machine_cpu(m);
    for (unsigned i = 0; i < 31; i++)
        emu_cpu_set_x(cpu, i, 0x1000 + i);
    emu_cpu_set_pc(cpu, 0x40080000);
    EmuMem *mem = emu_machine_mem(m);
    cr_assert(emu_mem_write_phys(mem, 0x40080000, "\x1f\x20\x03\xd5", 4));   /* nop */
    cr_assert(emu_mem_write_bus(mem, EMU_GIC_DIST_BASE, 4, 1));
    cr_assert(emu_mem_write_bus(mem, EMU_GIC_DIST_BASE + 0x104, 4, 2));     /* enable SPI 33 */
    cr_assert(emu_mem_write_bus(mem, EMU_VIRT_UART_BASE + 0x38, 4, 0x10));  /* RX interrupt */
    cr_assert_eq(emu_pl011_receive(emu_machine_uart(m), (const uint8_t *)"h", 1), 1);
    return m;
}

static GBytes *save(EmuMachine *m, bool with_ram)
{
    SnapStream *s = snap_stream_new_writer();
    snap_vmstate_save(m, s, with_ram);
    GError *err = NULL;
    GBytes *b = snap_stream_steal(s, &err);
    snap_stream_free(s);
    cr_assert(b, "%s", err ? err->message : "");
    return b;
}

/* Load `len` bytes; NULL if it loaded, else the error message (g_free). */
static char *load(EmuMachine *m, const uint8_t *data, size_t len)
{
    SnapStream *s = snap_stream_new_reader(data, len, "vmstate");
    GError *err = NULL;
    bool ok = snap_vmstate_load(m, s, &err);
    snap_stream_free(s);
    if (ok)
        return NULL;
    char *msg = g_strdup(err->message);
    g_error_free(err);
    return msg;
}

static uint64_t cpu_hash(EmuMachine *m)
{
    RrStateHash h;
    rr_state_hash(emu_machine_cpu(m), emu_machine_mem(m), UINT32_MAX, &h);
    return h.cpu;
}

Test(vmstate, sections_have_the_sizes_format_md_gives)
{
    EmuMachine *m = machine();
    GBytes *b = save(m, false);
    size_t len;
    const uint8_t *d = g_bytes_get_data(b, &len);
    cr_assert_eq(memcmp(d, "RWNDVMST\x01\0\0\0\x10\0\0\0", 16), 0);
    static const struct { const char *name; uint64_t len; } want[] = {
        { "cpu", 1092 }, { "gic", 3481 }, { "pl011", 61 }, { "pl031", 22 }, { "board", 149 },
    };
    size_t off = 16;
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        size_t n = d[off];
        cr_assert_eq(n, strlen(want[i].name));
        cr_assert_eq(memcmp(d + off + 1, want[i].name, n), 0);
        uint64_t plen = 0;
        for (int k = 0; k < 8; k++)
            plen |= (uint64_t)d[off + 1 + n + 4 + k] << (8 * k);
        cr_assert_eq(plen, want[i].len, "%s: %lu", want[i].name, (unsigned long)plen);
        off += 1 + n + 4 + 8 + plen;
    }
    cr_assert_eq(d[off], 0);
    cr_assert_eq(off + 1, len);
    g_bytes_unref(b);
    emu_machine_free(m);
}

Test(vmstate, loads_into_another_machine_exactly)
{
    EmuMachine *a = machine();
    GBytes *b = save(a, true);
    GError *err = NULL;
    EmuMachineConfig cfg = { 0 };
    EmuMachine *c = emu_machine_new(&cfg, &err);
    size_t len;
    const uint8_t *d = g_bytes_get_data(b, &len);
    char *msg = load(c, d, len);
    cr_assert_null(msg, "%s", msg);
    cr_assert_eq(cpu_hash(a), cpu_hash(c));
    GBytes *b2 = save(c, true);
    cr_assert(g_bytes_equal(b, b2));
    uint8_t nop[4];
    cr_assert(emu_mem_read_phys(emu_machine_mem(c), 0x40080000, nop, 4));
    cr_assert_eq(memcmp(nop, "\x1f\x20\x03\xd5", 4), 0);
    g_bytes_unref(b);
    g_bytes_unref(b2);
    emu_machine_free(a);
    emu_machine_free(c);
}

/* Every truncation and every single flipped byte: loaded (a value that
 * may be anything) or refused with a message; a refusal changes nothing. */
Test(vmstate, every_truncation_and_flip_is_refused_or_harmless, .timeout = 120)
{
    EmuMachine *m = machine();
    GBytes *b = save(m, true);
    size_t len;
    const uint8_t *d = g_bytes_get_data(b, &len);
    GBytes *before = save(m, true);
    for (size_t cut = 0; cut < len; cut += cut < 4200 ? 1 : 97) {
        char *msg = load(m, d, cut);
        cr_assert(msg, "a vmstate cut to %zu bytes loaded", cut);
        cr_assert(strstr(msg, "vmstate, offset "), "%s", msg);
        g_free(msg);
    }
    GBytes *after = save(m, true);
    cr_assert(g_bytes_equal(before, after), "a refused load changed the machine");
    g_bytes_unref(after);
    uint8_t *copy = g_memdup2(d, len);
    size_t refused = 0;
    for (size_t i = 0; i < 4800 && i < len; i++) {
        copy[i] ^= 0x80;
        EmuMachine *t = machine();
        GBytes *tb = save(t, true);
        char *msg = load(t, copy, len);
        if (msg) {
            refused++;
            GBytes *ta = save(t, true);
            cr_assert(g_bytes_equal(tb, ta), "byte %zu: refused (%s) but changed the machine", i, msg);
            g_bytes_unref(ta);
        }
        g_free(msg);
        g_bytes_unref(tb);
        emu_machine_free(t);
        copy[i] ^= 0x80;
    }
    cr_assert_gt(refused, 100);
    g_free(copy);
    g_bytes_unref(before);
    g_bytes_unref(b);
    emu_machine_free(m);
}

static char *load_patched(EmuMachine *m, GBytes *b, size_t at, const void *bytes, size_t n)
{
    size_t len = g_bytes_get_size(b);
    uint8_t *copy = g_memdup2(g_bytes_get_data(b, NULL), len);
    memcpy(copy + at, bytes, n);
    char *msg = load(m, copy, len);
    g_free(copy);
    return msg;
}

static void assert_refused(char *msg, const char *want)
{
    cr_assert(msg, "loaded; wanted \"%s\"", want);
    cr_assert(strstr(msg, want), "\"%s\" does not say \"%s\"", msg, want);
    g_free(msg);
}

Test(vmstate, each_kind_of_damage_has_its_message)
{
    EmuMachine *m = machine();
    GBytes *b = save(m, false);
    /* Offsets: header 16; cpu section head 1+3+4+8 = 16, payload 1092. */
    const size_t cpu = 16, gic = cpu + 16 + 1092, pl011 = gic + 16 + 3481;
    assert_refused(load_patched(m, b, 0, "XX", 2), "no RWNDVMST magic");
    assert_refused(load_patched(m, b, 8, "\x02", 1), "format version 2; this rewind reads version 1");
    assert_refused(load_patched(m, b, cpu + 1, "cpx", 3), "unknown section \"cpx\"");
    assert_refused(load_patched(m, b, cpu + 4, "\x02", 1), "section cpu version 2");
    assert_refused(load_patched(m, b, cpu + 8, "\x45", 1), "section cpu is 1093 bytes; version 1 has 1092");
    assert_refused(load_patched(m, b, gic + 1, "cpu", 3), "section cpu appears twice");
    /* nactive: after 5 u32, 8 arrays of 288 bytes, 288 u32. */
    assert_refused(load_patched(m, b, gic + 16 + 20 + 8 * 288 + 288 * 4, "\xff\x01", 2),
                   "section gic: 511 active interrupts");
    assert_refused(load_patched(m, b, pl011 + 18 + 16, "\x10", 1), "section pl011: FIFO head 16");
    assert_refused(load_patched(m, b, pl011 + 18 + 60, "\x02", 1), "a flag reads 2");
    /* Without its end marker, and with a section missing. */
    size_t len = g_bytes_get_size(b);
    assert_refused(load(m, g_bytes_get_data(b, NULL), len - 1), "truncated");
    assert_refused(load_patched(m, b, pl011, "\0", 1), "the state has no pl011 section");
    g_bytes_unref(b);

    b = save(m, true);
    GError *err = NULL;
    EmuMachineConfig cfg = { .ram_size = 64 << 20 };
    EmuMachine *small = emu_machine_new(&cfg, &err);
    assert_refused(load(small, g_bytes_get_data(b, NULL), g_bytes_get_size(b)),
                   "the snapshot has 128 MiB of RAM at 0x40000000; this machine has 64 MiB");
    emu_machine_free(small);
    g_bytes_unref(b);
    emu_machine_free(m);
}
