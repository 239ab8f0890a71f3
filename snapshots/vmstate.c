/* snapshots/vmstate.c — see vmstate.h and FORMAT.md. */
#include "snapshots/vmstate.h"

#include <string.h>

static const char magic[8] = { 'R', 'W', 'N', 'D', 'V', 'M', 'S', 'T' };
#define HEADER_LEN 16

#define CPU_LEN 1092
#define GIC_LEN 3481
#define PL011_LEN 61
#define PL031_LEN 22
#define BOARD_LEN 149
#define PAGE_RECORD (8 + EMU_PAGE_SIZE)

/* ---- Saving --------------------------------------------------------------- */

static void put_cpu(SnapStream *s, EmuCpu *cpu)
{
    snap_put_u64(s, emu_cpu_icount(cpu));
    snap_put_u32(s, (uint32_t)emu_cpu_state_reg_count());
    for (size_t i = 0; i < emu_cpu_state_reg_count(); i++) {
        uint8_t v[32];
        size_t n = emu_cpu_state_reg(cpu, i, v);
        snap_put_bytes(s, v, n);
    }
}

static void put_gic(SnapStream *s, const EmuGicState *g)
{
    snap_put_u32(s, g->dist_ctlr);
    snap_put_u32(s, g->cpu_ctlr);
    snap_put_u32(s, g->pmr);
    snap_put_u32(s, g->bpr);
    snap_put_u32(s, g->abpr);
    const uint8_t *arrays[] = { g->enabled, g->latched, g->level, g->active,
                                g->priority, g->group, g->edge, g->targets };
    for (size_t a = 0; a < G_N_ELEMENTS(arrays); a++)
        snap_put_bytes(s, arrays[a], EMU_GIC_NUM_IRQ);
    for (unsigned i = 0; i < EMU_GIC_NUM_IRQ; i++)
        snap_put_u32(s, i < g->nactive ? g->active_id[i] : 0);
    snap_put_u32(s, g->nactive);
    snap_put_bool(s, g->irq_out);
}

static void put_pl011(SnapStream *s, const EmuPl011State *u)
{
    snap_put_bytes(s, u->fifo, sizeof u->fifo);
    snap_put_u32(s, u->head);
    snap_put_u32(s, u->count);
    const uint32_t regs[] = { u->lcr_h, u->cr, u->ifls, u->imsc, u->ris,
                              u->ilpr, u->ibrd, u->fbrd, u->dmacr };
    for (size_t i = 0; i < G_N_ELEMENTS(regs); i++)
        snap_put_u32(s, regs[i]);
    snap_put_bool(s, u->irq_level);
}

static void put_pl031(SnapStream *s, const EmuPl031State *r)
{
    snap_put_bool(s, r->have_base);
    snap_put_u64(s, (uint64_t)r->offset);
    snap_put_u32(s, r->mr);
    snap_put_u32(s, r->imsc);
    snap_put_u32(s, r->ris);
    snap_put_bool(s, r->irq_level);
}

static void put_board(SnapStream *s, const EmuBoardState *b)
{
    snap_put_u64(s, b->idle_ns);
    snap_put_u32(s, b->psci_request);
    snap_put_bool(s, b->exited);
    snap_put_u32(s, (uint32_t)b->exit_status);
    snap_put_u32(s, (uint32_t)b->semihost_errno);
    snap_put_bytes(s, b->handle_kind, sizeof b->handle_kind);
    snap_put_bytes(s, b->handle_offset, sizeof b->handle_offset);
}

static void put_section_head(SnapStream *s, const char *name, uint32_t version, uint64_t len)
{
    snap_put_u8(s, (uint8_t)strlen(name));
    snap_put_bytes(s, name, strlen(name));
    snap_put_u32(s, version);
    snap_put_u64(s, len);
}

/* A fixed-length section: its payload built in memory first. */
static void put_section(SnapStream *s, const char *name, SnapStream *payload)
{
    GError *err = NULL;
    GBytes *b = snap_stream_steal(payload, &err);
    snap_stream_free(payload);
    if (!b) {
        snap_stream_fail(s, SNAP_ERROR_IO, "section %s: %s", name, err->message);
        g_error_free(err);
        return;
    }
    size_t len;
    const void *data = g_bytes_get_data(b, &len);
    put_section_head(s, name, 1, len);
    snap_put_bytes(s, data, len);
    g_bytes_unref(b);
}

static void put_ram(SnapStream *s, EmuMem *mem)
{
    uint64_t *pages;
    size_t n = emu_mem_written_since(mem, 1, &pages);   /* every page ever written */
    put_section_head(s, "ram", 1, 24 + (uint64_t)n * PAGE_RECORD);
    snap_put_u64(s, emu_mem_ram_base(mem));
    snap_put_u64(s, emu_mem_ram_size(mem));
    snap_put_u64(s, n);
    for (size_t i = 0; i < n; i++) {
        snap_put_u64(s, pages[i]);
        snap_put_bytes(s, emu_mem_page_for_read(mem, pages[i]), EMU_PAGE_SIZE);
    }
    g_free(pages);
}

void snap_vmstate_save(EmuMachine *m, SnapStream *s, bool with_ram)
{
    snap_put_bytes(s, magic, sizeof magic);
    snap_put_u32(s, SNAP_VMSTATE_VERSION);
    snap_put_u32(s, HEADER_LEN);

    SnapStream *p = snap_stream_new_writer();
    put_cpu(p, emu_machine_cpu(m));
    put_section(s, "cpu", p);
    p = snap_stream_new_writer();
    put_gic(p, emu_gic_state(emu_machine_gic(m)));
    put_section(s, "gic", p);
    p = snap_stream_new_writer();
    put_pl011(p, emu_pl011_state(emu_machine_uart(m)));
    put_section(s, "pl011", p);
    p = snap_stream_new_writer();
    put_pl031(p, emu_pl031_state(emu_machine_rtc(m)));
    put_section(s, "pl031", p);
    EmuBoardState b;
    emu_machine_board_state(m, &b);
    p = snap_stream_new_writer();
    put_board(p, &b);
    put_section(s, "board", p);
    if (with_ram)
        put_ram(s, emu_machine_mem(m));
    snap_put_u8(s, 0);
}

/* ---- Loading -------------------------------------------------------------- */

/* Everything read, checked before any of it reaches the machine. */
typedef struct Loaded {
    unsigned seen;                       /* bit per section */
    uint64_t icount;
    uint8_t regs[CPU_LEN];               /* the state registers, back to back */
    EmuGicState gic;
    EmuPl011State uart;
    EmuPl031State rtc;
    EmuBoardState board;
    GByteArray *ram;                     /* the ram payload after its 24-byte head */
    uint64_t ram_pages;
} Loaded;

enum { SEEN_CPU = 1, SEEN_GIC = 2, SEEN_PL011 = 4, SEEN_PL031 = 8, SEEN_BOARD = 16, SEEN_RAM = 32 };

static void get_cpu(SnapStream *s, Loaded *l)
{
    l->icount = snap_get_u64(s);
    uint32_t n = snap_get_u32(s);
    if (!snap_stream_failed(s) && n != emu_cpu_state_reg_count())
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section cpu has %u registers; version 1 has %zu",
                         n, emu_cpu_state_reg_count());
    snap_get_bytes(s, l->regs, CPU_LEN - 12);
}

static void get_gic(SnapStream *s, EmuGicState *g)
{
    g->dist_ctlr = snap_get_u32(s);
    g->cpu_ctlr = snap_get_u32(s);
    g->pmr = snap_get_u32(s);
    g->bpr = snap_get_u32(s);
    g->abpr = snap_get_u32(s);
    uint8_t *arrays[] = { g->enabled, g->latched, g->level, g->active,
                          g->priority, g->group, g->edge, g->targets };
    for (size_t a = 0; a < G_N_ELEMENTS(arrays); a++)
        snap_get_bytes(s, arrays[a], EMU_GIC_NUM_IRQ);
    for (unsigned i = 0; i < EMU_GIC_NUM_IRQ; i++)
        g->active_id[i] = snap_get_u32(s);
    g->nactive = snap_get_u32(s);
    g->irq_out = snap_get_bool(s);
}

static void get_pl011(SnapStream *s, EmuPl011State *u)
{
    snap_get_bytes(s, u->fifo, sizeof u->fifo);
    u->head = snap_get_u32(s);
    u->count = snap_get_u32(s);
    uint32_t *regs[] = { &u->lcr_h, &u->cr, &u->ifls, &u->imsc, &u->ris,
                         &u->ilpr, &u->ibrd, &u->fbrd, &u->dmacr };
    for (size_t i = 0; i < G_N_ELEMENTS(regs); i++)
        *regs[i] = snap_get_u32(s);
    u->irq_level = snap_get_bool(s);
}

static void get_pl031(SnapStream *s, EmuPl031State *r)
{
    r->have_base = snap_get_bool(s);
    r->offset = (int64_t)snap_get_u64(s);
    r->mr = snap_get_u32(s);
    r->imsc = snap_get_u32(s);
    r->ris = snap_get_u32(s);
    r->irq_level = snap_get_bool(s);
}

static void get_board(SnapStream *s, EmuBoardState *b)
{
    b->idle_ns = snap_get_u64(s);
    b->psci_request = snap_get_u32(s);
    b->exited = snap_get_bool(s);
    b->exit_status = (int32_t)snap_get_u32(s);
    b->semihost_errno = (int32_t)snap_get_u32(s);
    snap_get_bytes(s, b->handle_kind, sizeof b->handle_kind);
    snap_get_bytes(s, b->handle_offset, sizeof b->handle_offset);
}

static const struct {
    const char *name;
    unsigned bit;
    uint64_t len;                        /* 0: ram, checked by itself */
} sections[] = {
    { "cpu", SEEN_CPU, CPU_LEN }, { "gic", SEEN_GIC, GIC_LEN }, { "pl011", SEEN_PL011, PL011_LEN },
    { "pl031", SEEN_PL031, PL031_LEN }, { "board", SEEN_BOARD, BOARD_LEN }, { "ram", SEEN_RAM, 0 },
};

/* The ram section: its head checked against the machine, its pages read
 * (as a whole, into l->ram) for applying later. */
static void get_ram(SnapStream *s, EmuMem *mem, uint64_t len, Loaded *l)
{
    uint64_t base = snap_get_u64(s), size = snap_get_u64(s), n = snap_get_u64(s);
    if (snap_stream_failed(s))
        return;
    if (base != emu_mem_ram_base(mem) || size != emu_mem_ram_size(mem)) {
        snap_stream_fail(s, SNAP_ERROR_MISMATCH, "the snapshot has %" G_GUINT64_FORMAT
                         " MiB of RAM at 0x%" G_GINT64_MODIFIER "x; this machine has %"
                         G_GUINT64_FORMAT " MiB at 0x%" G_GINT64_MODIFIER "x (use the same -m)",
                         size >> 20, base, emu_mem_ram_size(mem) >> 20, emu_mem_ram_base(mem));
        return;
    }
    if (n > size / EMU_PAGE_SIZE || len != 24 + n * PAGE_RECORD) {
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section ram: %" G_GUINT64_FORMAT
                         " pages do not fit its length %" G_GUINT64_FORMAT " or the RAM", n, len);
        return;
    }
    /* Read a page at a time: a corrupt count meets the end of the stream
     * before it costs memory. */
    l->ram = g_byte_array_new();
    uint64_t prev = 0;
    uint8_t rec[PAGE_RECORD];
    for (uint64_t i = 0; i < n && !snap_stream_failed(s); i++) {
        uint64_t at = snap_stream_offset(s);
        snap_get_bytes(s, rec, sizeof rec);
        uint64_t pa = 0;
        for (unsigned k = 0; k < 8; k++)
            pa |= (uint64_t)rec[k] << (8 * k);
        if (snap_stream_failed(s))
            break;
        if ((pa & EMU_PAGE_MASK) || pa < base || pa - base >= size || (i && pa <= prev)) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section ram: page %" G_GUINT64_FORMAT
                             " (record at offset %" G_GUINT64_FORMAT ") has address 0x%"
                             G_GINT64_MODIFIER "x: not an aligned RAM page after the last",
                             i, at, pa);
            break;
        }
        prev = pa;
        g_byte_array_append(l->ram, rec, sizeof rec);
    }
    l->ram_pages = n;
}

static void check_loaded(SnapStream *s, const Loaded *l)
{
    if (snap_stream_failed(s))
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(sections); i++)
        if (sections[i].len && !(l->seen & sections[i].bit)) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "the state has no %s section", sections[i].name);
            return;
        }
    if (l->uart.head >= EMU_PL011_FIFO_DEPTH || l->uart.count > EMU_PL011_FIFO_DEPTH)
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section pl011: FIFO head %u, count %u (at most %d)",
                         l->uart.head, l->uart.count, EMU_PL011_FIFO_DEPTH);
    else if (l->gic.nactive > EMU_GIC_NUM_IRQ)
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section gic: %u active interrupts (at most %d)",
                         l->gic.nactive, EMU_GIC_NUM_IRQ);
    for (unsigned i = 0; i < l->gic.nactive && !snap_stream_failed(s); i++)
        if (l->gic.active_id[i] >= EMU_GIC_NUM_IRQ)
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section gic: active interrupt %u is %u",
                             i, l->gic.active_id[i]);
    if (!snap_stream_failed(s) && !emu_machine_board_state_valid(&l->board))
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section board: a PSCI request (%u) or "
                         "semihosting handle no run makes", l->board.psci_request);
}

static void read_sections(SnapStream *s, EmuMachine *m, Loaded *l)
{
    char got[8];
    snap_get_bytes(s, got, sizeof got);
    uint32_t version = snap_get_u32(s), hlen = snap_get_u32(s);
    if (snap_stream_failed(s))
        return;
    if (memcmp(got, magic, sizeof magic) != 0) {
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "not a rewind machine state (no RWNDVMST magic)");
        return;
    }
    if (version != SNAP_VMSTATE_VERSION) {
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "machine-state format version %u; this rewind "
                         "reads version %d (use the rewind that wrote it)", version,
                         SNAP_VMSTATE_VERSION);
        return;
    }
    if (hlen < HEADER_LEN || hlen > 4096) {
        snap_stream_fail(s, SNAP_ERROR_CORRUPT, "header length %u", hlen);
        return;
    }
    for (uint32_t skip = hlen - HEADER_LEN; skip && !snap_stream_failed(s); skip--)
        snap_get_u8(s);

    while (!snap_stream_failed(s)) {
        uint64_t at = snap_stream_offset(s);
        uint8_t nlen = snap_get_u8(s);
        if (snap_stream_failed(s) || nlen == 0)
            break;
        char name[33] = { 0 };
        if (nlen > 32) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "a section name %u bytes long (at most 32)", nlen);
            break;
        }
        snap_get_bytes(s, name, nlen);
        uint32_t sv = snap_get_u32(s);
        uint64_t len = snap_get_u64(s);
        if (snap_stream_failed(s))
            break;
        size_t k = 0;
        while (k < G_N_ELEMENTS(sections) && strcmp(sections[k].name, name) != 0)
            k++;
        if (k == G_N_ELEMENTS(sections) || strlen(name) != nlen) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "unknown section \"%s\" (at offset %"
                             G_GUINT64_FORMAT "): written by a newer rewind?", name, at);
            break;
        }
        if (l->seen & sections[k].bit) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section %s appears twice", name);
            break;
        }
        if (sv != 1) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section %s version %u; this rewind reads "
                             "version 1", name, sv);
            break;
        }
        if (sections[k].len && len != sections[k].len) {
            snap_stream_fail(s, SNAP_ERROR_CORRUPT, "section %s is %" G_GUINT64_FORMAT
                             " bytes; version 1 has %" G_GUINT64_FORMAT, name, len, sections[k].len);
            break;
        }
        l->seen |= sections[k].bit;
        switch (sections[k].bit) {
        case SEEN_CPU: get_cpu(s, l); break;
        case SEEN_GIC: get_gic(s, &l->gic); break;
        case SEEN_PL011: get_pl011(s, &l->uart); break;
        case SEEN_PL031: get_pl031(s, &l->rtc); break;
        case SEEN_BOARD: get_board(s, &l->board); break;
        default: get_ram(s, emu_machine_mem(m), len, l); break;
        }
    }
    check_loaded(s, l);
}

/* Copy the loaded RAM in: listed pages, and zeros over every other page
 * ever written. */
static void apply_ram(EmuMachine *m, const Loaded *l)
{
    EmuMem *mem = emu_machine_mem(m);
    uint64_t *pages;
    size_t n = emu_mem_written_since(mem, 1, &pages);
    static const uint8_t zero[EMU_PAGE_SIZE];
    size_t j = 0;
    for (uint64_t i = 0; i < l->ram_pages; i++) {
        const uint8_t *rec = l->ram->data + i * PAGE_RECORD;
        uint64_t pa = 0;
        for (unsigned k = 0; k < 8; k++)
            pa |= (uint64_t)rec[k] << (8 * k);
        for (; j < n && pages[j] < pa; j++)
            if (!emu_mem_write_phys(mem, pages[j], zero, sizeof zero))
                g_assert_not_reached();
        if (j < n && pages[j] == pa)
            j++;
        if (!emu_mem_write_phys(mem, pa, rec + 8, EMU_PAGE_SIZE))
            g_assert_not_reached();
    }
    for (; j < n; j++)
        if (!emu_mem_write_phys(mem, pages[j], zero, sizeof zero))
            g_assert_not_reached();
    g_free(pages);
}

bool snap_vmstate_load(EmuMachine *m, SnapStream *s, GError **err)
{
    Loaded *l = g_new0(Loaded, 1);
    read_sections(s, m, l);
    if (!snap_stream_finish(s, err)) {
        if (l->ram)
            g_byte_array_unref(l->ram);
        g_free(l);
        return false;
    }
    EmuCpu *cpu = emu_machine_cpu(m);
    const uint8_t *r = l->regs;
    for (size_t i = 0; i < emu_cpu_state_reg_count(); i++) {
        uint8_t cur[32];
        size_t n = emu_cpu_state_reg(cpu, i, cur);
        if (!emu_cpu_set_state_reg(cpu, i, r, n))
            g_assert_not_reached();
        r += n;
    }
    emu_cpu_set_icount(cpu, l->icount);
    if (l->ram)
        apply_ram(m, l);
    /* The devices drive their interrupt lines into the GIC, whose own
     * state then overrides what that did. check_loaded checked what these
     * refuse. */
    if (!emu_pl011_set_state(emu_machine_uart(m), &l->uart))
        g_assert_not_reached();
    emu_pl031_set_state(emu_machine_rtc(m), &l->rtc);
    if (!emu_gic_set_state(emu_machine_gic(m), &l->gic))
        g_assert_not_reached();
    emu_machine_set_board_state(m, &l->board);
    emu_machine_state_loaded(m);
    if (l->ram)
        g_byte_array_unref(l->ram);
    g_free(l);
    return true;
}
