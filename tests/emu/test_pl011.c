/* tests/emu/test_pl011.c — the PL011 UART's registers, FIFO and interrupts. */
#include <criterion/criterion.h>
#include <glib.h>

#include "emu/pl011.h"

static GString *out;
static bool irq;
static EmuPl011 *u;

static void output(void *opaque, uint8_t b) { g_string_append_c(out, (char)b); }
static void set_irq(void *opaque, bool level) { irq = level; }

static void setup(void)
{
    out = g_string_new(NULL);
    irq = false;
    EmuPl011Hooks h = { output, set_irq, NULL };
    u = emu_pl011_new(&h);
}

static void teardown(void)
{
    emu_pl011_free(u);
    g_string_free(out, true);
}

TestSuite(pl011, .init = setup, .fini = teardown, .timeout = 10);

static uint64_t rd(uint64_t off)
{
    uint64_t v;
    cr_assert(emu_pl011_ops.read(u, off, 4, &v));
    return v;
}

static void wr(uint64_t off, uint64_t v)
{
    cr_assert(emu_pl011_ops.write(u, off, 4, v));
}

Test(pl011, data_register_write_transmits)
{
    wr(0x000, 'h');
    wr(0x000, 'i');
    cr_assert_str_eq(out->str, "hi");
}

Test(pl011, flags_show_empty_receive_and_transmit)
{
    cr_assert_eq(rd(0x018), 0x90);   /* TXFE | RXFE */
}

Test(pl011, received_bytes_are_read_in_order)
{
    wr(0x02c, 0x70);                 /* LCR_H: 8 bits, FIFO on */
    cr_assert_eq(emu_pl011_receive(u, (const uint8_t *)"abc", 3), 3);
    cr_assert_eq(rd(0x018) & 0x10, 0);
    cr_assert_eq(rd(0x000), 'a');
    cr_assert_eq(rd(0x000), 'b');
    cr_assert_eq(rd(0x000), 'c');
    cr_assert_eq(rd(0x018) & 0x10, 0x10);
}

Test(pl011, fifo_off_holds_one_byte)
{
    cr_assert_eq(emu_pl011_rx_space(u), 1);
    cr_assert_eq(emu_pl011_receive(u, (const uint8_t *)"xy", 2), 1);
    cr_assert_eq(rd(0x018) & 0x40, 0x40);   /* RXFF */
}

Test(pl011, fifo_on_holds_sixteen_bytes)
{
    wr(0x02c, 0x70);
    uint8_t buf[20] = { 0 };
    cr_assert_eq(emu_pl011_receive(u, buf, sizeof buf), 16);
    cr_assert_eq(emu_pl011_rx_space(u), 0);
}

Test(pl011, receive_interrupt_follows_mask)
{
    wr(0x038, 0x50);                 /* IMSC: RX | RT */
    cr_assert_not(irq);
    emu_pl011_receive(u, (const uint8_t *)"q", 1);
    cr_assert(irq);
    cr_assert_eq(rd(0x040) & 0x50, 0x50);
    cr_assert_eq(rd(0x000), 'q');
    cr_assert_not(irq);
}

Test(pl011, transmit_interrupt_is_always_raw_pending)
{
    cr_assert_eq(rd(0x03c) & 0x20, 0x20);
    wr(0x038, 0x20);
    cr_assert(irq);
    wr(0x044, 0x20);                 /* ICR clears it */
    cr_assert_not(irq);
}

Test(pl011, primecell_ids)
{
    static const uint8_t ids[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
    for (unsigned i = 0; i < 8; i++)
        cr_assert_eq(rd(0xfe0 + 4 * i), ids[i]);
}
