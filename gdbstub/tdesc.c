/* gdbstub/tdesc.c — see tdesc.h. */
#include "gdbstub/tdesc.h"

#include <glib.h>
#include <string.h>

static char *xml;

const char *gdb_tdesc_xml(void)
{
    /* Built once; the text never changes. */
    if (g_once_init_enter(&xml)) {
        GString *s = g_string_new("<?xml version=\"1.0\"?>\n"
                                  "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                                  "<target version=\"1.0\">\n"
                                  "  <architecture>aarch64</architecture>\n"
                                  "  <feature name=\"org.gnu.gdb.aarch64.core\">\n");
        for (int i = 0; i < 31; i++)
            g_string_append_printf(s, "    <reg name=\"x%d\" bitsize=\"64\" regnum=\"%d\"/>\n", i, i);
        g_string_append(s, "    <reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\" regnum=\"31\"/>\n"
                           "    <reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\" regnum=\"32\"/>\n"
                           "    <reg name=\"cpsr\" bitsize=\"32\" regnum=\"33\"/>\n"
                           "  </feature>\n"
                           "  <feature name=\"org.gnu.gdb.aarch64.fpu\">\n");
        for (int i = 0; i < 32; i++)
            g_string_append_printf(s, "    <reg name=\"v%d\" bitsize=\"128\" type=\"uint128\" "
                                   "regnum=\"%d\"/>\n", i, GDB_REG_V0 + i);
        g_string_append_printf(s, "    <reg name=\"fpsr\" bitsize=\"32\" regnum=\"%d\"/>\n"
                                  "    <reg name=\"fpcr\" bitsize=\"32\" regnum=\"%d\"/>\n"
                                  "  </feature>\n"
                                  "</target>\n", GDB_REG_FPSR, GDB_REG_FPCR);
        g_once_init_leave(&xml, g_string_free(s, false));
    }
    return xml;
}

size_t gdb_reg_size(unsigned n)
{
    if (n < GDB_REG_CPSR)
        return 8;
    if (n == GDB_REG_CPSR || n == GDB_REG_FPSR || n == GDB_REG_FPCR)
        return 4;
    if (n >= GDB_REG_V0 && n < GDB_REG_V0 + 32)
        return 16;
    return 0;
}

static void put_le(uint8_t *out, uint64_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)(v >> (8 * i));
}

bool gdb_reg_read(const EmuCpu *cpu, unsigned n, uint8_t out[16])
{
    if (n < 31)
        put_le(out, emu_cpu_x(cpu, n), 8);
    else if (n == GDB_REG_SP)
        put_le(out, emu_cpu_sp(cpu), 8);
    else if (n == GDB_REG_PC)
        put_le(out, emu_cpu_pc(cpu), 8);
    else if (n == GDB_REG_CPSR)
        put_le(out, emu_cpu_pstate(cpu), 4);
    else if (n >= GDB_REG_V0 && n < GDB_REG_V0 + 32) {
        uint64_t v[2];
        emu_cpu_v(cpu, n - GDB_REG_V0, v);
        put_le(out, v[0], 8);
        put_le(out + 8, v[1], 8);
    } else if (n == GDB_REG_FPSR)
        put_le(out, emu_cpu_fpsr(cpu), 4);
    else if (n == GDB_REG_FPCR)
        put_le(out, emu_cpu_fpcr(cpu), 4);
    else
        return false;
    return true;
}
