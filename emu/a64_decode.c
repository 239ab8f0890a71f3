/* emu/a64_decode.c — the A64 top-level decoder.
 *
 * The Arm ARM splits the encoding space on op0 = bits 28:25:
 *
 *   op0   group                                   tables
 *   0000  reserved (UDF)                          -
 *   0001  unallocated                             -
 *   0010  SVE                                     - (not implemented: UNDEFINED)
 *   0011  unallocated                             -
 *   100x  data processing, immediate              emu_a64_dp_imm_table
 *   101x  branches, exceptions, system            emu_a64_branch_table, emu_a64_system_table
 *   x1x0  loads and stores                        emu_a64_ldst_table
 *   x101  data processing, register               emu_a64_dp_reg_table
 *   x111  data processing, scalar FP and SIMD     emu_a64_fp_table, emu_a64_crypto_table,
 *                                                 emu_a64_simd_table
 *
 * Each table is ordered like the Arm ARM's encoding index for its group;
 * the first matching row wins.
 */
#include "emu/internal.h"

#include <stddef.h>

static EmuStep op_undefined(EmuCpu *cpu, const EmuInsn *in)
{
    return emu_undef(cpu);
}

static const EmuInsnPattern *const group_none[] = { NULL };
static const EmuInsnPattern *const group_dp_imm[] = { emu_a64_dp_imm_table, NULL };
static const EmuInsnPattern *const group_branch[] = { emu_a64_branch_table, emu_a64_system_table, NULL };
static const EmuInsnPattern *const group_ldst[] = { emu_a64_ldst_table, NULL };
static const EmuInsnPattern *const group_dp_reg[] = { emu_a64_dp_reg_table, NULL };
static const EmuInsnPattern *const group_fpsimd[] = { emu_a64_fp_table, emu_a64_crypto_table,
                                                       emu_a64_simd_table, NULL };

static const EmuInsnPattern *const *const groups[16] = {
    [0x0] = group_none,   [0x1] = group_none,   [0x2] = group_none,   [0x3] = group_none,
    [0x4] = group_ldst,   [0x5] = group_dp_reg, [0x6] = group_ldst,   [0x7] = group_fpsimd,
    [0x8] = group_dp_imm, [0x9] = group_dp_imm, [0xa] = group_branch, [0xb] = group_branch,
    [0xc] = group_ldst,   [0xd] = group_dp_reg, [0xe] = group_ldst,   [0xf] = group_fpsimd,
};

const char *emu_a64_decode(uint32_t raw, EmuInsn *out)
{
    const EmuInsnPattern *const *tables = groups[BITS(raw, 28, 25)];
    for (; *tables; tables++) {
        for (const EmuInsnPattern *p = *tables; p->fn; p++) {
            if ((raw & p->mask) != p->value)
                continue;
            *out = (EmuInsn){ .fn = p->fn, .raw = raw };
            if (p->decode && !p->decode(raw, out))
                continue;
            return p->name;
        }
    }
    *out = (EmuInsn){ .fn = op_undefined, .raw = raw };
    return "unallocated";
}

const char *emu_a64_name(uint32_t insn)
{
    EmuInsn tmp;
    return emu_a64_decode(insn, &tmp);
}

bool emu_cond_holds(uint32_t nzcv, unsigned cond)
{
    /* Bit n of row `cond` is the result for NZCV == n. */
    static const uint16_t table[16] = {
        0xf0f0, /* EQ: Z */          0x0f0f, /* NE */
        0xcccc, /* CS: C */          0x3333, /* CC */
        0xff00, /* MI: N */          0x00ff, /* PL */
        0xaaaa, /* VS: V */          0x5555, /* VC */
        0x0c0c, /* HI: C && !Z */    0xf3f3, /* LS */
        0xaa55, /* GE: N == V */     0x55aa, /* LT */
        0x0a05, /* GT: !Z && N == V */ 0xf5fa, /* LE */
        0xffff, /* AL */             0xffff, /* NV behaves as AL */
    };
    return (table[cond & 15] >> (nzcv >> 28)) & 1;
}
