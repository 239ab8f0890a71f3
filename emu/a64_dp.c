/* emu/a64_dp.c — the integer data-processing instructions of ARMv8.0:
 * "Data Processing -- Immediate" (op0 = 100x) and "Data Processing --
 * Register" (op0 = x101) of the Arm ARM's A64 encoding index.
 *
 * Conventions of this file:
 * - Most rows come in pairs built by SF(): the 64-bit handler (name##64)
 *   runs sf = 1, the 32-bit one (name##32) sf = 0, so no handler tests sf.
 * - Decode functions reject the encodings the Arm ARM leaves unallocated
 *   inside a row (the search then ends in UNDEFINED) and precompute
 *   immediates, shift amounts and condition masks.
 * - Every row has a decode function, and each calls regs(): aux holds the
 *   register numbers and one parameter byte,
 *       31      24 23      16 15       8 7        0
 *       parameter     Rm         Rn         Rd
 *   read back with XD, XN, XM, XP (a byte load each, where re-extracting
 *   fields from `raw` costs a load, a shift and a mask); larger parameters
 *   go in imm.
 * - Register 31 reads as XZR and writes are discarded (get_x/set_x) unless a
 *   row's comment says SP (get_xsp/set_xsp).
 * - 32-bit results are zero-extended into the X register.
 * - Condition tests use a 16-bit truth mask precomputed in decode: bit n of
 *   the mask says whether the condition holds for NZCV == n, so the handler
 *   tests one bit (see cond_mask, cond_passed).
 */
#include "emu/internal.h"

#define INLINE static inline __attribute__((always_inline))

/* A row pair: sf = 1 runs fn##64, sf = 0 runs fn##32. Where one handler
 * serves both sizes, op_X64 and op_X32 are #defined to it. */
#define SF(mask, value, fn, name, dec)                                       \
    { (mask) | 0x80000000u, (value) | 0x80000000u, fn##64, name, dec },      \
    { (mask) | 0x80000000u, (value), fn##32, name, dec }

/* Byte i of aux in the layout above, on either host byte order. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define AUXB(in, i) (((const uint8_t *)&(in)->aux)[i])
#else
#define AUXB(in, i) (((const uint8_t *)&(in)->aux)[3 - (i)])
#endif
#define XD(in) ((unsigned)AUXB(in, 0))
#define XN(in) ((unsigned)AUXB(in, 1))
#define XM(in) ((unsigned)AUXB(in, 2))
#define XP(in) ((unsigned)AUXB(in, 3))

static void regs(uint32_t raw, EmuInsn *out, unsigned param)
{
    out->aux = RD(raw) | RN(raw) << 8 | RM(raw) << 16 | param << 24;
}

/* For rows with nothing else to decode; the parameter is Ra (3 source). */
static bool dec_regs(uint32_t raw, EmuInsn *out)
{
    regs(raw, out, RA(raw));
    return true;
}

/* ---- Flags -------------------------------------------------------------- */

/* NZCV from four 0/1 values; the lea-friendly form keeps it short. */
INLINE uint32_t pack_nzcv(uint32_t n, uint32_t z, uint32_t c, uint32_t v)
{
    return (n * 8 + z * 4 + c * 2 + v) << 28;
}

INLINE uint32_t nz64(uint64_t r)
{
    return pack_nzcv((uint32_t)(r >> 63), r == 0, 0, 0);
}

INLINE uint32_t nz32(uint32_t r)
{
    return pack_nzcv(r >> 31, r == 0, 0, 0);
}

/* a + b and a - b setting NZCV as AddWithCarry(a, b, 0) and
 * AddWithCarry(a, NOT(b), 1) do. */
INLINE uint64_t adds64(EmuCpu *cpu, uint64_t a, uint64_t b)
{
    int64_t r;
    uint32_t v = __builtin_add_overflow((int64_t)a, (int64_t)b, &r);
    cpu->nzcv = pack_nzcv(r < 0, r == 0, (uint64_t)r < a, v);
    return (uint64_t)r;
}

INLINE uint64_t subs64(EmuCpu *cpu, uint64_t a, uint64_t b)
{
    int64_t r;
    uint32_t v = __builtin_sub_overflow((int64_t)a, (int64_t)b, &r);
    cpu->nzcv = pack_nzcv(r < 0, r == 0, a >= b, v);
    return (uint64_t)r;
}

INLINE uint32_t adds32(EmuCpu *cpu, uint32_t a, uint32_t b)
{
    int32_t r;
    uint32_t v = __builtin_add_overflow((int32_t)a, (int32_t)b, &r);
    cpu->nzcv = pack_nzcv(r < 0, r == 0, (uint32_t)r < a, v);
    return (uint32_t)r;
}

INLINE uint32_t subs32(EmuCpu *cpu, uint32_t a, uint32_t b)
{
    int32_t r;
    uint32_t v = __builtin_sub_overflow((int32_t)a, (int32_t)b, &r);
    cpu->nzcv = pack_nzcv(r < 0, r == 0, a >= b, v);
    return (uint32_t)r;
}

/* AddWithCarry(a, b, carry) with NZCV. */
INLINE uint64_t adcs64(EmuCpu *cpu, uint64_t a, uint64_t b, unsigned carry)
{
    uint64_t t, r;
    uint32_t c = __builtin_add_overflow(a, b, &t) | __builtin_add_overflow(t, (uint64_t)carry, &r);
    uint32_t v = (uint32_t)((~(a ^ b) & (a ^ r)) >> 63);
    cpu->nzcv = pack_nzcv((uint32_t)(r >> 63), r == 0, c, v);
    return r;
}

INLINE uint32_t adcs32(EmuCpu *cpu, uint32_t a, uint32_t b, unsigned carry)
{
    uint64_t wide = (uint64_t)a + b + carry;
    uint32_t r = (uint32_t)wide;
    uint32_t v = (~(a ^ b) & (a ^ r)) >> 31;
    cpu->nzcv = pack_nzcv(r >> 31, r == 0, (uint32_t)(wide >> 32), v);
    return r;
}

INLINE unsigned carry_in(const EmuCpu *cpu)
{
    return (cpu->nzcv >> 29) & 1;
}

/* ---- Conditions ----------------------------------------------------------- */

/* Bit n set iff `cond` holds when NZCV == n. */
static uint32_t cond_mask(unsigned cond)
{
    uint32_t m = 0;
    for (uint32_t n = 0; n < 16; n++)
        if (emu_cond_holds(n << 28, cond))
            m |= 1u << n;
    return m;
}

INLINE bool cond_passed(const EmuCpu *cpu, uint32_t mask)
{
    return (mask >> (cpu->nzcv >> 28)) & 1;
}

/* ---- Shifts --------------------------------------------------------------- */

INLINE uint64_t ror64(uint64_t v, unsigned n)
{
    return (v >> (n & 63)) | (v << ((64 - n) & 63));
}

INLINE uint32_t ror32(uint32_t v, unsigned n)
{
    return (v >> (n & 31)) | (v << ((32 - n) & 31));
}

/* ShiftReg: type 0 LSL, 1 LSR, 2 ASR, 3 ROR; amount below the width. */
INLINE uint64_t shift64(uint64_t v, unsigned type, unsigned amount)
{
    switch (type) {
    case 0: return v << amount;
    case 1: return v >> amount;
    case 2: return (uint64_t)((int64_t)v >> amount);
    default: return ror64(v, amount);
    }
}

INLINE uint32_t shift32(uint32_t v, unsigned type, unsigned amount)
{
    switch (type) {
    case 0: return v << amount;
    case 1: return v >> amount;
    case 2: return (uint32_t)((int32_t)v >> amount);
    default: return ror32(v, amount);
    }
}

static uint64_t ones(unsigned n)
{
    return n >= 64 ? ~0ull : (1ull << n) - 1;
}

/* ====================================================================== */
/* Data processing -- immediate                                           */
/* ====================================================================== */

/* ---- PC-rel. addressing ----------------------------------------------------
 *   31 30 29 28    24 23        5 4  0
 *   op immlo  1 0 0 0 0   immhi     Rd
 * imm = sext(immhi:immlo); ADRP shifts it by 12 and uses the pc's page. */
static bool dec_adr(uint32_t raw, EmuInsn *out)
{
    regs(raw, out, 0);
    out->imm = (uint64_t)sext((BITS(raw, 23, 5) << 2) | BITS(raw, 30, 29), 21);
    return true;
}

static bool dec_adrp(uint32_t raw, EmuInsn *out)
{
    regs(raw, out, 0);
    out->imm = (uint64_t)sext((BITS(raw, 23, 5) << 2) | BITS(raw, 30, 29), 21) << 12;
    return true;
}

static EmuStep op_adr(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), cpu->pc + in->imm);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_adrp(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), (cpu->pc & ~0xfffull) + in->imm);
    EMU_CONTINUE(cpu, in);
}

/* ---- Add/subtract (immediate) ----------------------------------------------
 *   31 30 29 28    23 22 21        10 9  5 4  0
 *   sf op  S 1 0 0 0 1 0 sh    imm12      Rn   Rd
 * Rn is SP; Rd is SP for ADD/SUB and XZR for ADDS/SUBS. imm holds
 * imm12 << (12 * sh), negated for SUB so that SUB runs the ADD handler. */
static bool dec_add_imm(uint32_t raw, EmuInsn *out)
{
    regs(raw, out, 0);
    out->imm = (uint64_t)BITS(raw, 21, 10) << (BIT(raw, 22) * 12);
    return true;
}

static bool dec_sub_imm(uint32_t raw, EmuInsn *out)
{
    dec_add_imm(raw, out);
    out->imm = -out->imm;
    return true;
}

static EmuStep op_add_imm64(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), get_xsp(cpu, XN(in)) + in->imm);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_add_imm32(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), (uint32_t)(get_xsp(cpu, XN(in)) + in->imm));
    EMU_CONTINUE(cpu, in);
}

/* ---- Fused compare and branch ----------------------------------------------
 * A flag-setting instruction followed by B.cond in the same page is the
 * commonest pair there is. When decoding finds one (emu_a64_dp_fuse_bcond,
 * called from cpu.c), the first slot gets a "_bc" twin of its handler that
 * runs the B.cond of the next slot inline instead of through its handler:
 * one indirect jump less, and NZCV stays in a host register. Both slots
 * keep their decoded contents, so a branch to the B.cond, a budget that
 * ends between the two, and a store to either word (which resets both)
 * behave exactly as unfused. FUSABLE(x) defines op_x and op_x_bc from the
 * inline body x(cpu, in, fuse). */
INLINE EmuStep next_or_bcond(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    if (fuse)
        EMU_CONTINUE_BCOND(cpu, in);
    EMU_CONTINUE(cpu, in);
}

#define FUSABLE(x)                                                             \
    static EmuStep op_##x(EmuCpu *cpu, const EmuInsn *in) { return x(cpu, in, false); } \
    static EmuStep op_##x##_bc(EmuCpu *cpu, const EmuInsn *in) { return x(cpu, in, true); }

INLINE EmuStep adds_imm64(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    set_x(cpu, XD(in), adds64(cpu, get_xsp(cpu, XN(in)), in->imm));
    return next_or_bcond(cpu, in, fuse);
}

INLINE EmuStep adds_imm32(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    set_w(cpu, XD(in), adds32(cpu, (uint32_t)get_xsp(cpu, XN(in)), (uint32_t)in->imm));
    return next_or_bcond(cpu, in, fuse);
}

INLINE EmuStep subs_imm64(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    set_x(cpu, XD(in), subs64(cpu, get_xsp(cpu, XN(in)), in->imm));
    return next_or_bcond(cpu, in, fuse);
}

INLINE EmuStep subs_imm32(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    set_w(cpu, XD(in), subs32(cpu, (uint32_t)get_xsp(cpu, XN(in)), (uint32_t)in->imm));
    return next_or_bcond(cpu, in, fuse);
}

FUSABLE(adds_imm64)
FUSABLE(adds_imm32)
FUSABLE(subs_imm64)
FUSABLE(subs_imm32)

/* ---- Logical (immediate) ---------------------------------------------------
 *   31 30 29 28    23 22 21  16 15  10 9  5 4  0
 *   sf  opc  1 0 0 1 0 0 N  immr   imms   Rn   Rd
 * Rd is SP for AND/ORR/EOR, XZR for ANDS. imm holds the decoded mask,
 * already truncated to 32 bits when sf = 0. */

/* DecodeBitMasks(N, imms, immr, immediate = TRUE) for a `datasize`-bit
 * operation: the wmask. Returns false for the reserved encodings (an
 * element of all ones, or no element size). */
static bool decode_bit_masks(unsigned n, unsigned imms, unsigned immr,
                             unsigned datasize, uint64_t *mask)
{
    unsigned combined = (n << 6) | (~imms & 0x3f);
    if (combined < 2)
        return false;
    unsigned len = 31 - (unsigned)__builtin_clz(combined);
    unsigned levels = (1u << len) - 1, esize = 1u << len;
    unsigned s = imms & levels, r = immr & levels;
    if (s == levels || esize > datasize)
        return false;
    uint64_t emask = ones(esize);
    uint64_t welem = ones(s + 1);
    uint64_t elem = r ? ((welem >> r) | (welem << (esize - r))) & emask : welem;
    for (unsigned e = esize; e < 64; e *= 2)
        elem |= elem << e;
    *mask = datasize == 64 ? elem : (uint32_t)elem;
    return true;
}

static bool dec_logic_imm(uint32_t raw, EmuInsn *out)
{
    unsigned sf = BIT(raw, 31);
    if (!sf && BIT(raw, 22))
        return false;
    regs(raw, out, 0);
    return decode_bit_masks(BIT(raw, 22), BITS(raw, 15, 10), BITS(raw, 21, 16),
                            sf ? 64 : 32, &out->imm);
}

/* The 32-bit mask has its top half clear, so AND needs no truncation. */
static EmuStep op_and_imm(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), get_x(cpu, XN(in)) & in->imm);
    EMU_CONTINUE(cpu, in);
}
#define op_and_imm64 op_and_imm
#define op_and_imm32 op_and_imm

static EmuStep op_orr_imm64(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), get_x(cpu, XN(in)) | in->imm);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_orr_imm32(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), (uint32_t)(get_x(cpu, XN(in)) | in->imm));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_eor_imm64(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), get_x(cpu, XN(in)) ^ in->imm);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_eor_imm32(EmuCpu *cpu, const EmuInsn *in)
{
    set_xsp(cpu, XD(in), (uint32_t)(get_x(cpu, XN(in)) ^ in->imm));
    EMU_CONTINUE(cpu, in);
}

INLINE EmuStep ands_imm64(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    uint64_t r = get_x(cpu, XN(in)) & in->imm;
    cpu->nzcv = nz64(r);
    set_x(cpu, XD(in), r);
    return next_or_bcond(cpu, in, fuse);
}

INLINE EmuStep ands_imm32(EmuCpu *cpu, const EmuInsn *in, bool fuse)
{
    uint32_t r = (uint32_t)(get_x(cpu, XN(in)) & in->imm);
    cpu->nzcv = nz32(r);
    set_w(cpu, XD(in), r);
    return next_or_bcond(cpu, in, fuse);
}

FUSABLE(ands_imm64)
FUSABLE(ands_imm32)

/* ---- Move wide (immediate) -------------------------------------------------
 *   31 30 29 28    23 22 21 20            5 4  0
 *   sf  opc  1 0 0 1 0 1  hw      imm16       Rd
 * opc = 01 is unallocated, and so is hw >= 2 when sf = 0. For MOVN and
 * MOVZ imm holds the final register value; for MOVK imm holds
 * imm16 << pos and the parameter byte the position pos = 16 * hw. */
static bool dec_move_wide(uint32_t raw, EmuInsn *out)
{
    unsigned hw = BITS(raw, 22, 21);
    if (!BIT(raw, 31) && hw >= 2)
        return false;
    regs(raw, out, hw * 16);
    out->imm = (uint64_t)BITS(raw, 20, 5) << (hw * 16);
    return true;
}

static bool dec_movn(uint32_t raw, EmuInsn *out)
{
    if (!dec_move_wide(raw, out))
        return false;
    out->imm = BIT(raw, 31) ? ~out->imm : (uint32_t)~out->imm;
    return true;
}

static EmuStep op_mov_wide(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), in->imm);
    EMU_CONTINUE(cpu, in);
}
#define op_movn64 op_mov_wide
#define op_movn32 op_mov_wide
#define op_movz64 op_mov_wide
#define op_movz32 op_mov_wide

static EmuStep op_movk64(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned rd = XD(in);
    set_x(cpu, rd, (get_x(cpu, rd) & ~(0xffffull << XP(in))) | in->imm);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_movk32(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned rd = XD(in);
    set_w(cpu, rd, (uint32_t)((get_x(cpu, rd) & ~(0xffffull << XP(in))) | in->imm));
    EMU_CONTINUE(cpu, in);
}

/* ---- Bitfield --------------------------------------------------------------
 *   31 30 29 28    23 22 21  16 15  10 9  5 4  0
 *   sf  opc  1 0 0 1 1 0 N  immr   imms   Rn   Rd
 * opc = 11, N != sf, and immr or imms >= 32 when sf = 0 are unallocated.
 *
 * With s = imms and r = immr, the field is src<s:r> placed at bit 0 when
 * s >= r, and src<s:0> placed at bit datasize - r when s < r (the LSL and
 * *BFIZ aliases). Both are (src << L) >> R with L = 63 - s and
 * R = L + r (s >= r) or L + r - datasize (s < r): the left shift drops the
 * bits above s, an arithmetic right shift sign-extends for SBFM. For BFM,
 * imm holds the mask of the destination bits that the field replaces.
 * L is the parameter byte; R takes the Rm byte (BF_L, BF_R). */
#define BF_L(in) XP(in)
#define BF_R(in) XM(in)

static bool dec_bitfield(uint32_t raw, EmuInsn *out)
{
    unsigned sf = BIT(raw, 31), datasize = sf ? 64 : 32;
    unsigned r = BITS(raw, 21, 16), s = BITS(raw, 15, 10);
    if (BIT(raw, 22) != sf || r >= datasize || s >= datasize)
        return false;
    unsigned left = 63 - s;
    unsigned right = s >= r ? left + r : left + r - datasize;
    out->aux = RD(raw) | RN(raw) << 8 | right << 16 | left << 24;
    out->imm = s >= r ? ones(s - r + 1) : ones(s + 1) << (datasize - r);
    return true;
}

INLINE uint64_t bitfield_u(const EmuCpu *cpu, const EmuInsn *in)
{
    return (get_x(cpu, XN(in)) << BF_L(in)) >> BF_R(in);
}

INLINE uint64_t bitfield_s(const EmuCpu *cpu, const EmuInsn *in)
{
    return (uint64_t)((int64_t)(get_x(cpu, XN(in)) << BF_L(in)) >> BF_R(in));
}

static EmuStep op_sbfm64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), bitfield_s(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sbfm32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), (uint32_t)bitfield_s(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_bfm64(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned rd = XD(in);
    set_x(cpu, rd, (get_x(cpu, rd) & ~in->imm) | (bitfield_u(cpu, in) & in->imm));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_bfm32(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned rd = XD(in);
    set_w(cpu, rd, (uint32_t)((get_x(cpu, rd) & ~in->imm) | (bitfield_u(cpu, in) & in->imm)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_ubfm64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), bitfield_u(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_ubfm32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), (uint32_t)bitfield_u(cpu, in));
    EMU_CONTINUE(cpu, in);
}

/* ---- Extract ---------------------------------------------------------------
 *   31 30 29 28    23 22 21 20 16 15  10 9  5 4  0
 *   sf op21  1 0 0 1 1 1 N  o0  Rm   imms   Rn   Rd
 * EXTR (op21 = 00, o0 = 0; the row masks the rest out): Rd = (Rn:Rm) >> lsb
 * with lsb = imms in the parameter byte. N != sf and imms >= 32 when
 * sf = 0 are unallocated. */
static bool dec_extr(uint32_t raw, EmuInsn *out)
{
    unsigned sf = BIT(raw, 31), lsb = BITS(raw, 15, 10);
    if (BIT(raw, 22) != sf || (!sf && lsb >= 32))
        return false;
    regs(raw, out, lsb);
    return true;
}

static EmuStep op_extr64(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned lsb = XP(in);
    uint64_t lo = get_x(cpu, XM(in));
    uint64_t r = lsb ? (lo >> lsb) | (get_x(cpu, XN(in)) << (64 - lsb)) : lo;
    set_x(cpu, XD(in), r);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_extr32(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t pair = (uint64_t)get_w(cpu, XN(in)) << 32 | get_w(cpu, XM(in));
    set_w(cpu, XD(in), (uint32_t)(pair >> XP(in)));
    EMU_CONTINUE(cpu, in);
}

/* Rows of op0 = 100x. Add/subtract (immediate, with tags) (bits 28:22 =
 * 1000110) and min/max (immediate) (1000111) are beyond ARMv8.0: no row. */
const EmuInsnPattern emu_a64_dp_imm_table[] = {
    /* PC-rel. addressing */
    { 0x9f000000, 0x10000000, op_adr, "adr", dec_adr },
    { 0x9f000000, 0x90000000, op_adrp, "adrp", dec_adrp },
    /* Add/subtract (immediate) */
    SF(0x7f800000, 0x11000000, op_add_imm, "add_imm", dec_add_imm),
    SF(0x7f800000, 0x31000000, op_adds_imm, "adds_imm", dec_add_imm),
    SF(0x7f800000, 0x51000000, op_add_imm, "sub_imm", dec_sub_imm),
    SF(0x7f800000, 0x71000000, op_subs_imm, "subs_imm", dec_add_imm),
    /* Logical (immediate) */
    SF(0x7f800000, 0x12000000, op_and_imm, "and_imm", dec_logic_imm),
    SF(0x7f800000, 0x32000000, op_orr_imm, "orr_imm", dec_logic_imm),
    SF(0x7f800000, 0x52000000, op_eor_imm, "eor_imm", dec_logic_imm),
    SF(0x7f800000, 0x72000000, op_ands_imm, "ands_imm", dec_logic_imm),
    /* Move wide (immediate) */
    SF(0x7f800000, 0x12800000, op_movn, "movn", dec_movn),
    SF(0x7f800000, 0x52800000, op_movz, "movz", dec_move_wide),
    SF(0x7f800000, 0x72800000, op_movk, "movk", dec_move_wide),
    /* Bitfield */
    SF(0x7f800000, 0x13000000, op_sbfm, "sbfm", dec_bitfield),
    SF(0x7f800000, 0x33000000, op_bfm, "bfm", dec_bitfield),
    SF(0x7f800000, 0x53000000, op_ubfm, "ubfm", dec_bitfield),
    /* Extract */
    SF(0x7fa00000, 0x13800000, op_extr, "extr", dec_extr),
    { 0 },
};

/* ====================================================================== */
/* Data processing -- register                                            */
/* ====================================================================== */

/* ---- Logical (shifted register) --------------------------------------------
 *   31 30 29 28     24 23 22 21 20 16 15  10 9  5 4  0
 *   sf  opc  0 1 0 1 0 shift N   Rm   imm6    Rn   Rd
 * opc: AND, ORR, EOR, ANDS; N inverts the shifted Rm (BIC, ORN, EON, BICS).
 * imm6 >= 32 is unallocated when sf = 0; imm6 is the parameter byte. Each
 * shift type has
 * its own rows (SHIFTED4) and handlers, so no handler switches on it. */
enum { LOG_AND, LOG_ORR, LOG_EOR, LOG_ANDS };

enum { SH_LSL, SH_LSR, SH_ASR, SH_ROR };

static bool dec_shifted(uint32_t raw, EmuInsn *out)
{
    unsigned amount = BITS(raw, 15, 10);
    if (!BIT(raw, 31) && amount >= 32)
        return false;
    regs(raw, out, amount);
    return true;
}

/* The shifted second operand; 32-bit forms return it zero-extended. */
INLINE uint64_t shifted_rm(const EmuCpu *cpu, const EmuInsn *in, bool sf, unsigned type)
{
    if (sf)
        return shift64(get_x(cpu, XM(in)), type, XP(in));
    return shift32(get_w(cpu, XM(in)), type, XP(in));
}

INLINE EmuStep logic_reg(EmuCpu *cpu, const EmuInsn *in, int op, bool invert, bool sf, unsigned type,
                         bool fuse)
{
    uint64_t a = get_x(cpu, XN(in)), b = shifted_rm(cpu, in, sf, type), r;
    if (invert)
        b = ~b;
    switch (op) {
    case LOG_ORR: r = a | b; break;
    case LOG_EOR: r = a ^ b; break;
    default: r = a & b; break;
    }
    if (!sf)
        r = (uint32_t)r;
    if (op == LOG_ANDS)
        cpu->nzcv = sf ? nz64(r) : nz32((uint32_t)r);
    set_x(cpu, XD(in), r);
    return next_or_bcond(cpu, in, fuse);
}

#define LOGIC_SHIFT(name, op, invert, sh, type)                                           \
    static EmuStep op_##name##_##sh##64(EmuCpu *cpu, const EmuInsn *in)                   \
    { return logic_reg(cpu, in, op, invert, true, type, false); }                                \
    static EmuStep op_##name##_##sh##32(EmuCpu *cpu, const EmuInsn *in)                   \
    { return logic_reg(cpu, in, op, invert, false, type, false); }
#define LOGIC_REG(name, op, invert)                                                       \
    LOGIC_SHIFT(name, op, invert, lsl, SH_LSL)                                            \
    LOGIC_SHIFT(name, op, invert, lsr, SH_LSR)                                            \
    LOGIC_SHIFT(name, op, invert, asr, SH_ASR)                                            \
    LOGIC_SHIFT(name, op, invert, ror, SH_ROR)
LOGIC_REG(and, LOG_AND, false)
LOGIC_REG(bic, LOG_AND, true)
LOGIC_REG(orr, LOG_ORR, false)
LOGIC_REG(orn, LOG_ORR, true)
LOGIC_REG(eor, LOG_EOR, false)
LOGIC_REG(eon, LOG_EOR, true)
LOGIC_REG(ands, LOG_ANDS, false)
LOGIC_REG(bics, LOG_ANDS, true)
#undef LOGIC_REG
#undef LOGIC_SHIFT
static EmuStep op_ands_lsl64_bc(EmuCpu *cpu, const EmuInsn *in)
{ return logic_reg(cpu, in, LOG_ANDS, false, true, SH_LSL, true); }
static EmuStep op_ands_lsl32_bc(EmuCpu *cpu, const EmuInsn *in)
{ return logic_reg(cpu, in, LOG_ANDS, false, false, SH_LSL, true); }

/* MOV (register): ORR Rd, XZR, Rm, LSL #0, the commonest form of all. */
static EmuStep op_mov_reg64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XM(in)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_mov_reg32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XM(in)));
    EMU_CONTINUE(cpu, in);
}

/* ---- Add/subtract (shifted and extended register) --------------------------
 * Shifted:
 *   31 30 29 28     24 23 22 21 20 16 15  10 9  5 4  0
 *   sf op  S  0 1 0 1 1 shift 0   Rm   imm6    Rn   Rd
 * shift = ROR (no row), and imm6 >= 32 when sf = 0, are unallocated.
 * Register 31 is XZR everywhere. Parameter byte: imm6.
 *
 * Extended:
 *   31 30 29 28     24 23 22 21 20 16 15  13 12 10 9  5 4  0
 *   sf op  S  0 1 0 1 1  opt  1   Rm  option  imm3   Rn   Rd
 * opt != 00 and imm3 > 4 are unallocated. Rn is SP; Rd is SP for ADD/SUB,
 * XZR for ADDS/SUBS. option<2> (bit 15) picks sign extension; rows split
 * on it. The extension of Rm is (Rm << L) >> L, L = 64 - 8 << option<1:0>
 * in the parameter byte, before the left shift by imm = imm3. */
enum { AS_ADD, AS_ADDS, AS_SUB, AS_SUBS };

static bool dec_arith_extended(uint32_t raw, EmuInsn *out)
{
    unsigned shift = BITS(raw, 12, 10);
    if (shift > 4)
        return false;
    regs(raw, out, 64 - (8u << BITS(raw, 14, 13)));
    out->imm = shift;
    return true;
}

/* Rd = a op b for the 64- or 32-bit operation `op`, writing Rd as SP or as
 * XZR (register 31) as `rd_sp` says for the non-flag-setting forms. */
INLINE EmuStep arith(EmuCpu *cpu, const EmuInsn *in, int op, bool sf, bool rd_sp,
                     uint64_t a, uint64_t b, bool fuse)
{
    uint64_t r;
    if (sf) {
        switch (op) {
        case AS_ADD: r = a + b; break;
        case AS_ADDS: r = adds64(cpu, a, b); break;
        case AS_SUB: r = a - b; break;
        default: r = subs64(cpu, a, b); break;
        }
    } else {
        switch (op) {
        case AS_ADD: r = (uint32_t)(a + b); break;
        case AS_ADDS: r = adds32(cpu, (uint32_t)a, (uint32_t)b); break;
        case AS_SUB: r = (uint32_t)(a - b); break;
        default: r = subs32(cpu, (uint32_t)a, (uint32_t)b); break;
        }
    }
    if (rd_sp && (op == AS_ADD || op == AS_SUB))
        set_xsp(cpu, XD(in), r);
    else
        set_x(cpu, XD(in), r);
    return next_or_bcond(cpu, in, fuse);
}

INLINE EmuStep arith_shifted(EmuCpu *cpu, const EmuInsn *in, int op, bool sf, unsigned type,
                             bool fuse)
{
    return arith(cpu, in, op, sf, false, get_x(cpu, XN(in)), shifted_rm(cpu, in, sf, type), fuse);
}

INLINE EmuStep arith_extended(EmuCpu *cpu, const EmuInsn *in, int op, bool sf, bool sign)
{
    unsigned l = XP(in), shift = (unsigned)in->imm;
    uint64_t m = get_x(cpu, XM(in)) << l;
    m = sign ? (uint64_t)((int64_t)m >> l) : m >> l;
    return arith(cpu, in, op, sf, true, get_xsp(cpu, XN(in)), m << shift, false);
}

#define ARITH_SHIFT(name, op, sh, type)                                                   \
    static EmuStep op_##name##_##sh##64(EmuCpu *cpu, const EmuInsn *in)                   \
    { return arith_shifted(cpu, in, op, true, type, false); }                                    \
    static EmuStep op_##name##_##sh##32(EmuCpu *cpu, const EmuInsn *in)                   \
    { return arith_shifted(cpu, in, op, false, type, false); }
#define ARITH_REG(name, op)                                                               \
    ARITH_SHIFT(name, op, lsl, SH_LSL)                                                    \
    ARITH_SHIFT(name, op, lsr, SH_LSR)                                                    \
    ARITH_SHIFT(name, op, asr, SH_ASR)                                                    \
    static EmuStep op_##name##_uxt64(EmuCpu *cpu, const EmuInsn *in)                      \
    { return arith_extended(cpu, in, op, true, false); }                                  \
    static EmuStep op_##name##_uxt32(EmuCpu *cpu, const EmuInsn *in)                      \
    { return arith_extended(cpu, in, op, false, false); }                                 \
    static EmuStep op_##name##_sxt64(EmuCpu *cpu, const EmuInsn *in)                      \
    { return arith_extended(cpu, in, op, true, true); }                                   \
    static EmuStep op_##name##_sxt32(EmuCpu *cpu, const EmuInsn *in)                      \
    { return arith_extended(cpu, in, op, false, true); }
ARITH_REG(add, AS_ADD)
ARITH_REG(adds, AS_ADDS)
ARITH_REG(sub, AS_SUB)
ARITH_REG(subs, AS_SUBS)
#undef ARITH_REG
#undef ARITH_SHIFT
static EmuStep op_adds_lsl64_bc(EmuCpu *cpu, const EmuInsn *in)
{ return arith_shifted(cpu, in, AS_ADDS, true, SH_LSL, true); }
static EmuStep op_adds_lsl32_bc(EmuCpu *cpu, const EmuInsn *in)
{ return arith_shifted(cpu, in, AS_ADDS, false, SH_LSL, true); }
static EmuStep op_subs_lsl64_bc(EmuCpu *cpu, const EmuInsn *in)
{ return arith_shifted(cpu, in, AS_SUBS, true, SH_LSL, true); }
static EmuStep op_subs_lsl32_bc(EmuCpu *cpu, const EmuInsn *in)
{ return arith_shifted(cpu, in, AS_SUBS, false, SH_LSL, true); }

/* The fused twin of a handler (see next_or_bcond), or NULL. */
EmuInsnFn emu_a64_dp_fuse_bcond(EmuInsnFn fn)
{
    static const struct { EmuInsnFn plain, fused; } twins[] = {
        { op_subs_imm64, op_subs_imm64_bc }, { op_subs_imm32, op_subs_imm32_bc },
        { op_subs_lsl64, op_subs_lsl64_bc }, { op_subs_lsl32, op_subs_lsl32_bc },
        { op_adds_imm64, op_adds_imm64_bc }, { op_adds_imm32, op_adds_imm32_bc },
        { op_adds_lsl64, op_adds_lsl64_bc }, { op_adds_lsl32, op_adds_lsl32_bc },
        { op_ands_imm64, op_ands_imm64_bc }, { op_ands_imm32, op_ands_imm32_bc },
        { op_ands_lsl64, op_ands_lsl64_bc }, { op_ands_lsl32, op_ands_lsl32_bc },
    };
    for (size_t i = 0; i < sizeof twins / sizeof twins[0]; i++)
        if (twins[i].plain == fn)
            return twins[i].fused;
    return NULL;
}

/* ---- Add/subtract (with carry) ---------------------------------------------
 *   31 30 29 28           21 20 16 15    10 9  5 4  0
 *   sf op  S  1 1 0 1 0 0 0 0   Rm  000000   Rn   Rd
 * SBC is Rn + NOT(Rm) + C. */
static EmuStep op_adc64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XN(in)) + get_x(cpu, XM(in)) + carry_in(cpu));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_adc32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XN(in)) + get_w(cpu, XM(in)) + carry_in(cpu));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_adcs64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), adcs64(cpu, get_x(cpu, XN(in)), get_x(cpu, XM(in)), carry_in(cpu)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_adcs32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), adcs32(cpu, get_w(cpu, XN(in)), get_w(cpu, XM(in)), carry_in(cpu)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sbc64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XN(in)) + ~get_x(cpu, XM(in)) + carry_in(cpu));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sbc32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XN(in)) + ~get_w(cpu, XM(in)) + carry_in(cpu));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sbcs64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), adcs64(cpu, get_x(cpu, XN(in)), ~get_x(cpu, XM(in)), carry_in(cpu)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sbcs32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), adcs32(cpu, get_w(cpu, XN(in)), ~get_w(cpu, XM(in)), carry_in(cpu)));
    EMU_CONTINUE(cpu, in);
}

/* ---- Conditional compare (register, immediate) -----------------------------
 *   31 30 29 28           21 20  16 15  12 11 10 9  5  4  3  0
 *   sf op  1  1 1 0 1 0 0 1 0 Rm/imm5 cond  i  0   Rn  0   nzcv
 * i = 0: register Rm, i = 1: imm5. S = 0, o2 (bit 10) = 1 and o3 (bit 4)
 * = 1 are unallocated (the rows mask them). If cond holds, NZCV are the
 * flags of Rn - op (CCMP) or Rn + op (CCMN); otherwise the nzcv field.
 * imm = cond_mask(cond) | nzcv << 28 | imm5 << 32. */
static bool dec_ccmp(uint32_t raw, EmuInsn *out)
{
    regs(raw, out, 0);
    out->imm = cond_mask(BITS(raw, 15, 12)) | (raw & 15) << 28 | (uint64_t)BITS(raw, 20, 16) << 32;
    return true;
}

INLINE EmuStep ccmp(EmuCpu *cpu, const EmuInsn *in, bool negate, bool sf, bool reg)
{
    if (!cond_passed(cpu, (uint32_t)in->imm)) {
        cpu->nzcv = (uint32_t)in->imm & PSTATE_NZCV;
        EMU_CONTINUE(cpu, in);
    }
    uint64_t a = get_x(cpu, XN(in)), b = reg ? get_x(cpu, XM(in)) : in->imm >> 32;
    if (sf) {
        if (negate)
            adds64(cpu, a, b);
        else
            subs64(cpu, a, b);
    } else {
        if (negate)
            adds32(cpu, (uint32_t)a, (uint32_t)b);
        else
            subs32(cpu, (uint32_t)a, (uint32_t)b);
    }
    EMU_CONTINUE(cpu, in);
}

#define CCMP(name, negate)                                                                \
    static EmuStep op_##name##_reg64(EmuCpu *cpu, const EmuInsn *in)                      \
    { return ccmp(cpu, in, negate, true, true); }                                         \
    static EmuStep op_##name##_reg32(EmuCpu *cpu, const EmuInsn *in)                      \
    { return ccmp(cpu, in, negate, false, true); }                                        \
    static EmuStep op_##name##_imm64(EmuCpu *cpu, const EmuInsn *in)                      \
    { return ccmp(cpu, in, negate, true, false); }                                        \
    static EmuStep op_##name##_imm32(EmuCpu *cpu, const EmuInsn *in)                      \
    { return ccmp(cpu, in, negate, false, false); }
CCMP(ccmn, true)
CCMP(ccmp, false)
#undef CCMP

/* ---- Conditional select ----------------------------------------------------
 *   31 30 29 28           21 20 16 15  12 11 10 9  5 4  0
 *   sf op  0  1 1 0 1 0 1 0 0  Rm   cond  0  o2  Rn   Rd
 * S = 1 and bit 11 = 1 are unallocated (the rows mask them).
 * Rd = cond ? Rn : f(Rm) with f = identity (CSEL), +1 (CSINC), NOT
 * (CSINV), negate (CSNEG). imm = cond_mask(cond). */
static bool dec_csel(uint32_t raw, EmuInsn *out)
{
    regs(raw, out, 0);
    out->imm = cond_mask(BITS(raw, 15, 12));
    return true;
}

#define CSEL(name, expr)                                                                  \
    static EmuStep op_##name##64(EmuCpu *cpu, const EmuInsn *in)                          \
    {                                                                                     \
        uint64_t m = get_x(cpu, XM(in));                                             \
        set_x(cpu, XD(in), cond_passed(cpu, (uint32_t)in->imm) ? get_x(cpu, XN(in)) : (expr)); \
        EMU_CONTINUE(cpu, in);                                                                  \
    }                                                                                     \
    static EmuStep op_##name##32(EmuCpu *cpu, const EmuInsn *in)                          \
    {                                                                                     \
        uint64_t m = get_x(cpu, XM(in));                                             \
        set_w(cpu, XD(in), (uint32_t)(cond_passed(cpu, (uint32_t)in->imm) ? get_x(cpu, XN(in)) : (expr))); \
        EMU_CONTINUE(cpu, in);                                                                  \
    }
CSEL(csel, m)
CSEL(csinc, m + 1)
CSEL(csinv, ~m)
CSEL(csneg, -m)
#undef CSEL

/* ---- Data-processing (2 source) --------------------------------------------
 *   31 30 29 28           21 20 16 15    10 9  5 4  0
 *   sf  0  S  1 1 0 1 0 1 1 0   Rm  opcode   Rn   Rd
 * UDIV, SDIV (x / 0 = 0, INT_MIN / -1 = INT_MIN), LSLV, LSRV, ASRV, RORV
 * (amount = Rm mod datasize), CRC32{B,H,W,X}, CRC32C{B,H,W,X} (the X forms
 * need sf = 1, the others sf = 0). S = 1, SUBP, IRG, GMI, PACGA
 * (MTE, PAuth) have no row. */
static EmuStep op_udiv64(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t n = get_x(cpu, XN(in)), m = get_x(cpu, XM(in));
    set_x(cpu, XD(in), m ? n / m : 0);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_udiv32(EmuCpu *cpu, const EmuInsn *in)
{
    uint32_t n = get_w(cpu, XN(in)), m = get_w(cpu, XM(in));
    set_w(cpu, XD(in), m ? n / m : 0);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sdiv64(EmuCpu *cpu, const EmuInsn *in)
{
    int64_t n = (int64_t)get_x(cpu, XN(in)), m = (int64_t)get_x(cpu, XM(in));
    int64_t q = m == 0 ? 0 : (m == -1 ? (int64_t)(0 - (uint64_t)n) : n / m);
    set_x(cpu, XD(in), (uint64_t)q);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_sdiv32(EmuCpu *cpu, const EmuInsn *in)
{
    int32_t n = (int32_t)get_w(cpu, XN(in)), m = (int32_t)get_w(cpu, XM(in));
    int32_t q = m == 0 ? 0 : (m == -1 ? (int32_t)(0 - (uint32_t)n) : n / m);
    set_w(cpu, XD(in), (uint32_t)q);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_lslv64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XN(in)) << (get_x(cpu, XM(in)) & 63));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_lslv32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XN(in)) << (get_x(cpu, XM(in)) & 31));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_lsrv64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XN(in)) >> (get_x(cpu, XM(in)) & 63));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_lsrv32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XN(in)) >> (get_x(cpu, XM(in)) & 31));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_asrv64(EmuCpu *cpu, const EmuInsn *in)
{
    int64_t n = (int64_t)get_x(cpu, XN(in));
    set_x(cpu, XD(in), (uint64_t)(n >> (get_x(cpu, XM(in)) & 63)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_asrv32(EmuCpu *cpu, const EmuInsn *in)
{
    int32_t n = (int32_t)get_w(cpu, XN(in));
    set_w(cpu, XD(in), (uint32_t)(n >> (get_x(cpu, XM(in)) & 31)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rorv64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), ror64(get_x(cpu, XN(in)), (unsigned)get_x(cpu, XM(in))));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rorv32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), ror32(get_w(cpu, XN(in)), (unsigned)get_x(cpu, XM(in))));
    EMU_CONTINUE(cpu, in);
}

/* CRC-32 (polynomial 0x04C11DB7) and CRC-32C (0x1EDC6F41), bit-reflected,
 * no inversion: the accumulator Wn absorbs the low 8 << sz bits of Rm, least
 * significant first, four bits per table step. The tables hold the reflected
 * CRC of each nibble. */
static const uint32_t crc32_nibble[16] = {
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};
static const uint32_t crc32c_nibble[16] = {
    0x00000000, 0x105ec76f, 0x20bd8ede, 0x30e349b1, 0x417b1dbc, 0x5125dad3, 0x61c69362, 0x7198540d,
    0x82f63b78, 0x92a8fc17, 0xa24bb5a6, 0xb21572c9, 0xc38d26c4, 0xd3d3e1ab, 0xe330a81a, 0xf36e6f75,
};

static uint32_t crc_word(const uint32_t *table, uint32_t crc, uint32_t data, unsigned bits)
{
    crc ^= data;
    for (unsigned i = 0; i < bits; i += 4)
        crc = (crc >> 4) ^ table[crc & 15];
    return crc;
}

static EmuStep crc(EmuCpu *cpu, const EmuInsn *in, const uint32_t *table)
{
    unsigned bits = 8u << BITS(in->raw, 11, 10);
    uint32_t acc = get_w(cpu, XN(in));
    uint64_t data = get_x(cpu, XM(in));
    if (bits < 32)
        data &= (1u << bits) - 1;
    acc = crc_word(table, acc, (uint32_t)data, bits < 32 ? bits : 32);
    if (bits == 64)
        acc = crc_word(table, acc, (uint32_t)(data >> 32), 32);
    set_w(cpu, XD(in), acc);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_crc32(EmuCpu *cpu, const EmuInsn *in)
{
    return crc(cpu, in, crc32_nibble);
}

static EmuStep op_crc32c(EmuCpu *cpu, const EmuInsn *in)
{
    return crc(cpu, in, crc32c_nibble);
}

/* ---- Data-processing (1 source) --------------------------------------------
 *   31 30 29 28           21 20     16 15    10 9  5 4  0
 *   sf  1  S  1 1 0 1 0 1 1 0  opcode2  opcode   Rn   Rd
 * opcode2 = 00000: RBIT, REV16, REV32 (REV for sf = 0), REV (sf = 1 only),
 * CLZ, CLS. S = 1 and opcode2 = 00001 (PAuth) have no row. */
INLINE uint64_t rbit64(uint64_t x)
{
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(x);
}

INLINE uint64_t rev16(uint64_t x)
{
    return ((x >> 8) & 0x00ff00ff00ff00ffull) | ((x & 0x00ff00ff00ff00ffull) << 8);
}

static EmuStep op_rbit64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), rbit64(get_x(cpu, XN(in))));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rbit32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), (uint32_t)(rbit64(get_w(cpu, XN(in))) >> 32));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rev16_64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), rev16(get_x(cpu, XN(in))));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rev16_32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), (uint32_t)rev16(get_w(cpu, XN(in))));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rev32(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), ror64(__builtin_bswap64(get_x(cpu, XN(in))), 32));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rev_w(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), __builtin_bswap32(get_w(cpu, XN(in))));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_rev_x(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), __builtin_bswap64(get_x(cpu, XN(in))));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_clz64(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t n = get_x(cpu, XN(in));
    set_x(cpu, XD(in), n ? (uint64_t)__builtin_clzll(n) : 64);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_clz32(EmuCpu *cpu, const EmuInsn *in)
{
    uint32_t n = get_w(cpu, XN(in));
    set_w(cpu, XD(in), n ? (uint32_t)__builtin_clz(n) : 32);
    EMU_CONTINUE(cpu, in);
}

/* CLS(x) = CLZ(x<N-1:1> EOR x<N-2:0>), an (N-1)-bit value. */
static EmuStep op_cls64(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t n = get_x(cpu, XN(in));
    uint64_t d = (n ^ (n >> 1)) & 0x7fffffffffffffffull;
    set_x(cpu, XD(in), d ? (uint64_t)__builtin_clzll(d) - 1 : 63);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_cls32(EmuCpu *cpu, const EmuInsn *in)
{
    uint32_t n = get_w(cpu, XN(in));
    uint32_t d = (n ^ (n >> 1)) & 0x7fffffffu;
    set_w(cpu, XD(in), d ? (uint32_t)__builtin_clz(d) - 1 : 31);
    EMU_CONTINUE(cpu, in);
}

/* ---- Data-processing (3 source) --------------------------------------------
 *   31 30 29 28     24 23 21 20 16 15 14  10 9  5 4  0
 *   sf op54  1 1 0 1 1  op31   Rm  o0   Ra    Rn   Rd
 * MADD/MSUB (any sf), SMADDL/SMSUBL/UMADDL/UMSUBL/SMULH/UMULH (sf = 1;
 * SMULH and UMULH ignore Ra, as QEMU does). Other op54/op31/o0 have no row. */
static EmuStep op_madd64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XP(in)) + get_x(cpu, XN(in)) * get_x(cpu, XM(in)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_madd32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XP(in)) + get_w(cpu, XN(in)) * get_w(cpu, XM(in)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_msub64(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XP(in)) - get_x(cpu, XN(in)) * get_x(cpu, XM(in)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_msub32(EmuCpu *cpu, const EmuInsn *in)
{
    set_w(cpu, XD(in), get_w(cpu, XP(in)) - get_w(cpu, XN(in)) * get_w(cpu, XM(in)));
    EMU_CONTINUE(cpu, in);
}

INLINE uint64_t smull(const EmuCpu *cpu, const EmuInsn *in)
{
    return (uint64_t)((int64_t)(int32_t)get_w(cpu, XN(in)) * (int32_t)get_w(cpu, XM(in)));
}

INLINE uint64_t umull(const EmuCpu *cpu, const EmuInsn *in)
{
    return (uint64_t)get_w(cpu, XN(in)) * get_w(cpu, XM(in));
}

static EmuStep op_smaddl(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XP(in)) + smull(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_smsubl(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XP(in)) - smull(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_umaddl(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XP(in)) + umull(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_umsubl(EmuCpu *cpu, const EmuInsn *in)
{
    set_x(cpu, XD(in), get_x(cpu, XP(in)) - umull(cpu, in));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_smulh(EmuCpu *cpu, const EmuInsn *in)
{
    __int128 p = (__int128)(int64_t)get_x(cpu, XN(in)) * (int64_t)get_x(cpu, XM(in));
    set_x(cpu, XD(in), (uint64_t)(p >> 64));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_umulh(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned __int128 p = (unsigned __int128)get_x(cpu, XN(in)) * get_x(cpu, XM(in));
    set_x(cpu, XD(in), (uint64_t)(p >> 64));
    EMU_CONTINUE(cpu, in);
}

/* Rows of op0 = x101, in the order of the Arm ARM's index. Rotate right
 * into flags and evaluate into flags (FlagM, ARMv8.4) have no row. */
#define SIGNED 0x00008000u   /* option<2> of the extended forms */

/* Rows for each value of the shift field (bits 23:22) of a shifted-register
 * form: LSL, LSR, ASR (SHIFTED3), and ROR (SHIFTED4). */
#define SHIFTED3(mask, value, fn, name, dec)                                 \
    SF((mask) | 0x00c00000u, (value), fn##_lsl, name, dec),                 \
    SF((mask) | 0x00c00000u, (value) | 0x00400000u, fn##_lsr, name, dec),   \
    SF((mask) | 0x00c00000u, (value) | 0x00800000u, fn##_asr, name, dec)
#define SHIFTED4(mask, value, fn, name, dec)                                 \
    SHIFTED3(mask, value, fn, name, dec),                                    \
    SF((mask) | 0x00c00000u, (value) | 0x00c00000u, fn##_ror, name, dec)
const EmuInsnPattern emu_a64_dp_reg_table[] = {
    /* Data-processing (2 source) */
    SF(0x7fe0fc00, 0x1ac00800, op_udiv, "udiv", dec_regs),
    SF(0x7fe0fc00, 0x1ac00c00, op_sdiv, "sdiv", dec_regs),
    SF(0x7fe0fc00, 0x1ac02000, op_lslv, "lslv", dec_regs),
    SF(0x7fe0fc00, 0x1ac02400, op_lsrv, "lsrv", dec_regs),
    SF(0x7fe0fc00, 0x1ac02800, op_asrv, "asrv", dec_regs),
    SF(0x7fe0fc00, 0x1ac02c00, op_rorv, "rorv", dec_regs),
    { 0xffe0fc00, 0x1ac04000, op_crc32, "crc32b", dec_regs },
    { 0xffe0fc00, 0x1ac04400, op_crc32, "crc32h", dec_regs },
    { 0xffe0fc00, 0x1ac04800, op_crc32, "crc32w", dec_regs },
    { 0xffe0fc00, 0x9ac04c00, op_crc32, "crc32x", dec_regs },
    { 0xffe0fc00, 0x1ac05000, op_crc32c, "crc32cb", dec_regs },
    { 0xffe0fc00, 0x1ac05400, op_crc32c, "crc32ch", dec_regs },
    { 0xffe0fc00, 0x1ac05800, op_crc32c, "crc32cw", dec_regs },
    { 0xffe0fc00, 0x9ac05c00, op_crc32c, "crc32cx", dec_regs },
    /* Data-processing (1 source) */
    SF(0x7ffffc00, 0x5ac00000, op_rbit, "rbit", dec_regs),
    SF(0x7ffffc00, 0x5ac00400, op_rev16_, "rev16", dec_regs),
    { 0xfffffc00, 0xdac00800, op_rev32, "rev32", dec_regs },
    { 0xfffffc00, 0x5ac00800, op_rev_w, "rev", dec_regs },
    { 0xfffffc00, 0xdac00c00, op_rev_x, "rev", dec_regs },
    SF(0x7ffffc00, 0x5ac01000, op_clz, "clz", dec_regs),
    SF(0x7ffffc00, 0x5ac01400, op_cls, "cls", dec_regs),
    /* Logical (shifted register) */
    SHIFTED4(0x7f200000, 0x0a000000, op_and, "and_reg", dec_shifted),
    SHIFTED4(0x7f200000, 0x0a200000, op_bic, "bic_reg", dec_shifted),
    SF(0x7fe0ffe0, 0x2a0003e0, op_mov_reg, "orr_reg", dec_regs),
    SHIFTED4(0x7f200000, 0x2a000000, op_orr, "orr_reg", dec_shifted),
    SHIFTED4(0x7f200000, 0x2a200000, op_orn, "orn_reg", dec_shifted),
    SHIFTED4(0x7f200000, 0x4a000000, op_eor, "eor_reg", dec_shifted),
    SHIFTED4(0x7f200000, 0x4a200000, op_eon, "eon_reg", dec_shifted),
    SHIFTED4(0x7f200000, 0x6a000000, op_ands, "ands_reg", dec_shifted),
    SHIFTED4(0x7f200000, 0x6a200000, op_bics, "bics_reg", dec_shifted),
    /* Add/subtract (shifted register) */
    SHIFTED3(0x7f200000, 0x0b000000, op_add, "add_shift", dec_shifted),
    SHIFTED3(0x7f200000, 0x2b000000, op_adds, "adds_shift", dec_shifted),
    SHIFTED3(0x7f200000, 0x4b000000, op_sub, "sub_shift", dec_shifted),
    SHIFTED3(0x7f200000, 0x6b000000, op_subs, "subs_shift", dec_shifted),
    /* Add/subtract (extended register) */
    SF(0x7fe00000 | SIGNED, 0x0b200000, op_add_uxt, "add_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x0b200000 | SIGNED, op_add_sxt, "add_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x2b200000, op_adds_uxt, "adds_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x2b200000 | SIGNED, op_adds_sxt, "adds_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x4b200000, op_sub_uxt, "sub_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x4b200000 | SIGNED, op_sub_sxt, "sub_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x6b200000, op_subs_uxt, "subs_ext", dec_arith_extended),
    SF(0x7fe00000 | SIGNED, 0x6b200000 | SIGNED, op_subs_sxt, "subs_ext", dec_arith_extended),
    /* Add/subtract (with carry) */
    SF(0x7fe0fc00, 0x1a000000, op_adc, "adc", dec_regs),
    SF(0x7fe0fc00, 0x3a000000, op_adcs, "adcs", dec_regs),
    SF(0x7fe0fc00, 0x5a000000, op_sbc, "sbc", dec_regs),
    SF(0x7fe0fc00, 0x7a000000, op_sbcs, "sbcs", dec_regs),
    /* Conditional compare (register) */
    SF(0x7fe00c10, 0x3a400000, op_ccmn_reg, "ccmn_reg", dec_ccmp),
    SF(0x7fe00c10, 0x7a400000, op_ccmp_reg, "ccmp_reg", dec_ccmp),
    /* Conditional compare (immediate) */
    SF(0x7fe00c10, 0x3a400800, op_ccmn_imm, "ccmn_imm", dec_ccmp),
    SF(0x7fe00c10, 0x7a400800, op_ccmp_imm, "ccmp_imm", dec_ccmp),
    /* Conditional select */
    SF(0x7fe00c00, 0x1a800000, op_csel, "csel", dec_csel),
    SF(0x7fe00c00, 0x1a800400, op_csinc, "csinc", dec_csel),
    SF(0x7fe00c00, 0x5a800000, op_csinv, "csinv", dec_csel),
    SF(0x7fe00c00, 0x5a800400, op_csneg, "csneg", dec_csel),
    /* Data-processing (3 source) */
    SF(0x7fe08000, 0x1b000000, op_madd, "madd", dec_regs),
    SF(0x7fe08000, 0x1b008000, op_msub, "msub", dec_regs),
    { 0xffe08000, 0x9b200000, op_smaddl, "smaddl", dec_regs },
    { 0xffe08000, 0x9b208000, op_smsubl, "smsubl", dec_regs },
    { 0xffe08000, 0x9b400000, op_smulh, "smulh", dec_regs },
    { 0xffe08000, 0x9ba00000, op_umaddl, "umaddl", dec_regs },
    { 0xffe08000, 0x9ba08000, op_umsubl, "umsubl", dec_regs },
    { 0xffe08000, 0x9bc00000, op_umulh, "umulh", dec_regs },
    { 0 },
};
