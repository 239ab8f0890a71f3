/* gdbstub/tdesc.h — the AArch64 target description gdb reads through
 * qXfer:features:read (gdb's features org.gnu.gdb.aarch64.core and
 * org.gnu.gdb.aarch64.fpu), and the register numbering it implies, which
 * the `g`, `p` and `P` packets use:
 *
 *   0..30  x0..x30   8 bytes      34..65  v0..v31   16 bytes
 *   31     sp        8 bytes      66      fpsr      4 bytes
 *   32     pc        8 bytes      67      fpcr      4 bytes
 *   33     cpsr      4 bytes
 */
#ifndef GDBSTUB_TDESC_H
#define GDBSTUB_TDESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/cpu.h"

#define GDB_REG_SP   31
#define GDB_REG_PC   32
#define GDB_REG_CPSR 33
#define GDB_REG_V0   34
#define GDB_REG_FPSR 66
#define GDB_REG_FPCR 67
#define GDB_REG_COUNT 68

/* The XML document "target.xml". */
const char *gdb_tdesc_xml(void);

/* Register n's size in bytes (0: no such register). */
size_t gdb_reg_size(unsigned n);
/* Register n's value in target byte order (little-endian) into `out`
 * (gdb_reg_size bytes); false for no such register. */
bool gdb_reg_read(const EmuCpu *cpu, unsigned n, uint8_t out[16]);

#endif
