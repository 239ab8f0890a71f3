/* tests/emu/test_decode.c — the decoder against capstone: on random words
 * of every encoding group, what we decode as an instruction capstone
 * disassembles, and the other way round, except where capstone 4 is known
 * to differ from the architecture (and from QEMU, which the differential
 * tests compare against). */
#include <capstone/capstone.h>
#include <criterion/criterion.h>

#include "emu/internal.h"

TestSuite(decode, .timeout = 60);

/* Capstone 4.0 accepts every MRS/MSR/SYS encoding: whether a system
 * register exists is not its business. */
static bool is_system_register_space(uint32_t w)
{
    return (w & 0xffc00000u) == 0xd5000000u;
}

/* Capstone 4.0 rejects LDP/STP/LDPSW with writeback when Rt or Rt2 is the
 * base (CONSTRAINED UNPREDICTABLE, executed by QEMU and by us), and
 * LDP/LDNP with Rt == Rt2. */
static bool is_unpredictable_pair(uint32_t w)
{
    if ((w & 0x3a000000u) != 0x28000000u)
        return false;
    unsigned rt = w & 31, rn = (w >> 5) & 31, rt2 = (w >> 10) & 31;
    bool wback = ((w >> 23) & 3) == 1 || ((w >> 23) & 3) == 3;
    bool load = (w >> 22) & 1;
    return (wback && rn != 31 && (rt == rn || rt2 == rn)) || (load && rt == rt2);
}

/* Capstone 4.0 rejects INS (element) and DUP (general) encodings whose
 * ignored imm4/imm5 bits are set; the architecture ignores them. */
static bool is_ins_dup_ignored_bits(uint32_t w)
{
    return (w & 0xbfe08400u) == 0x2e000400u ||     /* INS (element) */
           (w & 0xbfe0fc00u) == 0x0e000c00u;       /* DUP (general) */
}

/* DCPS1-3 and DRPS exist only in Debug state: UNDEFINED here (and on
 * QEMU), an instruction to capstone. */
static bool is_debug_state_only(uint32_t w)
{
    return ((w & 0xffe0001cu) == 0xd4a00000u && (w & 3)) || w == 0xd6bf03e0u;
}

/* Capstone 4.0 rejects LDXP/LDAXP with Rt == Rt2 and STXP/STLXP/STXR with
 * Rs equal to a data or base register (CONSTRAINED UNPREDICTABLE; QEMU
 * executes them, as we do). */
static bool is_unpredictable_exclusive(uint32_t w)
{
    if ((w & 0x3f000000u) != 0x08000000u)
        return false;
    unsigned rt = w & 31, rn = (w >> 5) & 31, rt2 = (w >> 10) & 31, rs = (w >> 16) & 31;
    bool load = (w >> 22) & 1, pair = (w >> 21) & 1, excl = !((w >> 23) & 1);
    if (!excl)
        return false;
    if (load)
        return pair && rt == rt2;
    return rs == rt || (rs == rn && rn != 31) || (pair && rs == rt2);
}

/* Capstone 4.0 rejects single-register loads with writeback and the
 * unprivileged loads when Rt == Rn (for writeback CONSTRAINED
 * UNPREDICTABLE; QEMU executes them, as we do). */
static bool is_load_rt_equals_rn(uint32_t w)
{
    bool single = (w & 0x3b200000u) == 0x38000000u && ((w >> 10) & 3) != 0;
    return single && (w & 31) == ((w >> 5) & 31) && ((w >> 5) & 31) != 31;
}

static void check_group(unsigned op0, unsigned samples)
{
    csh cs;
    cr_assert_eq(cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &cs), CS_ERR_OK);
    uint64_t x = 0x9e3779b97f4a7c15ull ^ op0;
    unsigned disagree = 0;
    for (unsigned i = 0; i < samples; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint32_t w = ((uint32_t)x & ~(0xfu << 25)) | (op0 << 25);
        if (is_system_register_space(w) || is_unpredictable_pair(w) ||
            is_ins_dup_ignored_bits(w) || is_debug_state_only(w) || is_unpredictable_exclusive(w) ||
            is_load_rt_equals_rn(w))
            continue;
        cs_insn *insn;
        size_t n = cs_disasm(cs, (const uint8_t *)&w, 4, 0x1000, 1, &insn);
        bool ours = strcmp(emu_a64_name(w), "unallocated") != 0;
        if (ours != (n == 1)) {
            if (disagree++ < 8)
                cr_log_error("0x%08x: rewind %s, capstone %s %s", w, emu_a64_name(w),
                             n ? insn->mnemonic : "invalid", n ? insn->op_str : "");
        }
        if (n)
            cs_free(insn, n);
    }
    cs_close(&cs);
    cr_assert_eq(disagree, 0, "op0 %x: %u disagreements in %u words", op0, disagree, samples);
}

Test(decode, data_processing_immediate_agrees_with_capstone)
{
    check_group(0x8, 50000);
    check_group(0x9, 50000);
}

Test(decode, branches_and_system_agree_with_capstone)
{
    check_group(0xa, 50000);
    check_group(0xb, 50000);
}

Test(decode, loads_and_stores_agree_with_capstone)
{
    check_group(0x4, 50000);
    check_group(0x6, 50000);
    check_group(0xc, 50000);
    check_group(0xe, 50000);
}

Test(decode, data_processing_register_agrees_with_capstone)
{
    check_group(0x5, 50000);
    check_group(0xd, 50000);
}

Test(decode, fp_and_simd_agree_with_capstone)
{
    check_group(0x7, 50000);
    check_group(0xf, 50000);
}
