/* tests/emu/harness.c — see harness.h. */
#include "tests/emu/harness.h"

#include <criterion/criterion.h>
#include <glib.h>

Harness *harness_new(void)
{
    Harness *h = g_new0(Harness, 1);
    h->mem = emu_mem_new(HARNESS_RAM, HARNESS_SIZE);
    h->cpu = emu_cpu_new(h->mem, NULL);
    emu_cpu_reset(h->cpu, HARNESS_CODE);
    h->cpu->sys.cpacr_el1 = 3u << 20;
    h->cpu->sys.vbar_el1 = HARNESS_VBAR;
    h->cpu->sp = HARNESS_STACK;
    /* Every vector entry is "b ." so a taken exception parks there. */
    for (unsigned off = 0; off < 0x800; off += 4) {
        uint32_t b_self = 0x14000000;
        cr_assert(emu_mem_write_phys(h->mem, HARNESS_VBAR + off, &b_self, 4));
    }
    return h;
}

void harness_free(Harness *h)
{
    emu_cpu_free(h->cpu);
    emu_mem_free(h->mem);
    g_free(h);
}

void harness_code(Harness *h, const uint32_t *words, unsigned n)
{
    cr_assert(emu_mem_write_phys(h->mem, HARNESS_CODE, words, n * 4u));
    emu_cpu_set_pc(h->cpu, HARNESS_CODE);
}

uint64_t harness_run(Harness *h, uint64_t n)
{
    return emu_cpu_run(h->cpu, n);
}

uint64_t harness_read64(Harness *h, uint64_t pa)
{
    uint64_t v;
    cr_assert(emu_mem_read_phys(h->mem, pa, &v, 8));
    return v;
}

void harness_write64(Harness *h, uint64_t pa, uint64_t v)
{
    cr_assert(emu_mem_write_phys(h->mem, pa, &v, 8));
}

void harness_write(Harness *h, uint64_t pa, const void *buf, size_t len)
{
    cr_assert(emu_mem_write_phys(h->mem, pa, buf, len));
}

void harness_read(Harness *h, uint64_t pa, void *buf, size_t len)
{
    cr_assert(emu_mem_read_phys(h->mem, pa, buf, len));
}

uint64_t harness_esr(Harness *h) { return h->cpu->sys.esr_el1; }
uint64_t harness_elr(Harness *h) { return h->cpu->sys.elr_el1; }
