/* emu/a64_fp.c — scalar floating-point data processing (Arm ARM C4.1.x,
 * "Data Processing -- Scalar Floating-Point and Advanced SIMD", the
 * classes with op0 = x111, bit 30 = 0, bits 28:25 = 1111), ARMv8.0:
 *
 *   31 30 29 28   24 23 22 21 20    16 15       10 9   5 4   0
 *   sf  0  S 1 1110  type  0  rmode:op   scale      Rn    Rd    fixed-point conversion
 *   sf  0  S 1 1110  type  1  rmode:op   000000     Rn    Rd    integer conversion
 *    M  0  S 1 1110  type  1  opcode(6)  10000      Rn    Rd    1 source
 *    M  0  S 1 1110  type  1  Rm    op   1000       Rn   opc2   compare
 *    M  0  S 1 1110  type  1  imm8      100 imm5          Rd    immediate
 *    M  0  S 1 1110  type  1  Rm    cond 01         Rn  op nzcv conditional compare
 *    M  0  S 1 1110  type  1  Rm    opc  10         Rn    Rd    2 source
 *    M  0  S 1 1110  type  1  Rm    cond 11         Rn    Rd    conditional select
 *    M  0  S 1 1111  type o1  Rm  o0 Ra             Rn    Rd    3 source
 *
 * type: 00 single, 01 double, 11 half (only FCVT to and from half and
 * nothing else: half arithmetic is FEAT_FP16, not advertised), 10 only in
 * FMOV Xd <-> Vn.D[1]. M and S are 0 everywhere. Writing an S, D or H
 * result zeroes the rest of the 128-bit register.
 *
 * Decode functions reject every unallocated encoding so that it falls
 * through to UNDEFINED; they leave in EmuInsn.aux a class-specific
 * operation selector documented at each class. The hottest operations
 * (FADD, FSUB, FMUL, FDIV, FMADD in S and D) also have exact-match rows
 * with their own handlers ahead of their class's generic row.
 */
#include "emu/fpu.h"

/* Threaded dispatch (EMU_CONTINUE) needs a tail jump, which the compiler
 * cannot make from a frame whose EmuFpStatus escaped to the FP core. So
 * handlers that use a status do their work in NOINLINE `_impl` functions
 * returning EMU_NEXT or EMU_EXCEPTION, and THREADED(name) defines the
 * table's handler around them. */
#define NOINLINE __attribute__((noinline))
#define THREADED(name)                                                         \
static EmuStep name(EmuCpu *cpu, const EmuInsn *in)                            \
{                                                                              \
    EmuStep step = name##_impl(cpu, in);                                       \
    if (unlikely(step != EMU_NEXT))                                            \
        return step;                                                           \
    EMU_CONTINUE(cpu, in);                                                     \
}

/* ---- Register access ----------------------------------------------------- */

static inline uint32_t vs(const EmuCpu *cpu, unsigned n) { return cpu->v[n].s[0]; }
static inline uint64_t vd(const EmuCpu *cpu, unsigned n) { return cpu->v[n].d[0]; }

static inline void set_vd(EmuCpu *cpu, unsigned n, uint64_t v)
{
    cpu->v[n].d[0] = v;
    cpu->v[n].d[1] = 0;
}

/* A result of `dbl` ? double : single precision. */
static inline uint64_t vreg(const EmuCpu *cpu, unsigned n, bool dbl)
{
    return dbl ? vd(cpu, n) : vs(cpu, n);
}

static inline void set_vreg(EmuCpu *cpu, unsigned n, uint64_t v, bool dbl)
{
    set_vd(cpu, n, dbl ? v : (uint32_t)v);
}

static inline unsigned ftype(uint32_t raw) { return BITS(raw, 23, 22); }

/* M = 0, S = 0 and type single or double: the common validity rule. */
static inline bool arith_ok(uint32_t raw)
{
    return !BIT(raw, 31) && !BIT(raw, 29) && ftype(raw) < 2;
}

/* ---- Fixed-point conversions ---------------------------------------------- */

/* aux: 0 SCVTF, 1 UCVTF, 2 FCVTZS, 3 FCVTZU. imm: fbits (1..64). */
static bool dec_fixed(uint32_t raw, EmuInsn *out)
{
    unsigned rmode_op = BITS(raw, 20, 16), scale = BITS(raw, 15, 10);
    if (BIT(raw, 29) || ftype(raw) >= 2)
        return false;
    if (!BIT(raw, 31) && scale < 32)
        return false;
    switch (rmode_op) {
    case 0x02: out->aux = 0; break;
    case 0x03: out->aux = 1; break;
    case 0x18: out->aux = 2; break;
    case 0x19: out->aux = 3; break;
    default: return false;
    }
    out->imm = 64 - scale;
    return true;
}

/* Convert V[n] (single or double) to a 32/64-bit integer. */
static uint64_t fp_to_int(EmuFpStatus *st, uint64_t a, bool dbl, bool sf, bool is_unsigned,
                          EmuFpRound rm, unsigned fbits)
{
    if (dbl) {
        if (sf)
            return is_unsigned ? emu_f64_to_u64(st, a, rm, fbits)
                               : (uint64_t)emu_f64_to_s64(st, a, rm, fbits);
        return is_unsigned ? emu_f64_to_u32(st, a, rm, fbits)
                           : (uint32_t)emu_f64_to_s32(st, a, rm, fbits);
    }
    if (sf)
        return is_unsigned ? emu_f32_to_u64(st, (uint32_t)a, rm, fbits)
                           : (uint64_t)emu_f32_to_s64(st, (uint32_t)a, rm, fbits);
    return is_unsigned ? emu_f32_to_u32(st, (uint32_t)a, rm, fbits)
                       : (uint32_t)emu_f32_to_s32(st, (uint32_t)a, rm, fbits);
}

/* Convert X[n] (or W[n], sign- or zero-extended) to single or double. */
static uint64_t int_to_fp(EmuFpStatus *st, uint64_t x, bool dbl, bool sf, bool is_unsigned,
                          unsigned fbits)
{
    if (!sf)
        x = is_unsigned ? (uint32_t)x : (uint64_t)(int64_t)(int32_t)x;
    if (is_unsigned)
        return dbl ? emu_u64_to_f64(st, x, fbits) : emu_u64_to_f32(st, x, fbits);
    return dbl ? emu_s64_to_f64(st, (int64_t)x, fbits) : emu_s64_to_f32(st, (int64_t)x, fbits);
}

static NOINLINE EmuStep op_fixed_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    bool sf = BIT(raw, 31), dbl = ftype(raw) == 1;
    unsigned fbits = (unsigned)in->imm;
    EmuFpStatus st = emu_fp_status(cpu);
    if (in->aux < 2) {
        uint64_t r = int_to_fp(&st, get_x(cpu, RN(raw)), dbl, sf, in->aux == 1, fbits);
        set_vreg(cpu, RD(raw), r, dbl);
    } else {
        uint64_t r = fp_to_int(&st, vreg(cpu, RN(raw), dbl), dbl, sf, in->aux == 3,
                               EMU_FPRM_ZERO, fbits);
        set_x(cpu, RD(raw), sf ? r : (uint32_t)r);
    }
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_fixed)

/* ---- Integer conversions ----------------------------------------------------- */

/* FMOV between general and FP registers (op = 11x). aux:
 * 0 Wd <- Sn, 1 Sd <- Wn, 2 Xd <- Dn, 3 Dd <- Xn, 4 Xd <- Vn.D[1], 5 Vd.D[1] <- Xn.
 * The half forms (FEAT_FP16) and FJCVTZS (v8.3) are rejected. */
static bool dec_fmov_gen(uint32_t raw, EmuInsn *out)
{
    bool sf = BIT(raw, 31);
    unsigned type = ftype(raw), rmode = BITS(raw, 20, 19), to_fp = BIT(raw, 16);
    if (BIT(raw, 29))
        return false;
    if (!sf && type == 0 && rmode == 0)
        out->aux = 0 + to_fp;
    else if (sf && type == 1 && rmode == 0)
        out->aux = 2 + to_fp;
    else if (sf && type == 2 && rmode == 1)
        out->aux = 4 + to_fp;
    else
        return false;
    return true;
}

/* The other integer conversions (op = 0xx, 10x). aux: rounding mode
 * (EmuFpRound) | unsigned << 3 | integer-to-FP << 4. */
static bool dec_int(uint32_t raw, EmuInsn *out)
{
    unsigned type = ftype(raw), rmode = BITS(raw, 20, 19), op = BITS(raw, 18, 16);
    if (BIT(raw, 29) || op >= 6)
        return false;
    if (type >= 2)
        return false;
    switch (op) {
    case 0: case 1:         /* FCVTxS, FCVTxU with rmode N, P, M, Z */
        out->aux = rmode | (op & 1) << 3;
        return true;
    case 2: case 3:         /* SCVTF, UCVTF */
        if (rmode)
            return false;
        out->aux = (op & 1) << 3 | 1u << 4;
        return true;
    default:                /* 4, 5: FCVTAS, FCVTAU */
        if (rmode)
            return false;
        out->aux = EMU_FPRM_TIEAWAY | (op & 1) << 3;
        return true;
    }
}

static NOINLINE EmuStep op_cvt_int_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    bool sf = BIT(raw, 31), dbl = ftype(raw) == 1, is_unsigned = (in->aux >> 3) & 1;
    EmuFpStatus st = emu_fp_status(cpu);
    if (in->aux & (1u << 4)) {
        uint64_t r = int_to_fp(&st, get_x(cpu, RN(raw)), dbl, sf, is_unsigned, 0);
        set_vreg(cpu, RD(raw), r, dbl);
    } else {
        uint64_t r = fp_to_int(&st, vreg(cpu, RN(raw), dbl), dbl, sf, is_unsigned,
                               (EmuFpRound)(in->aux & 7), 0);
        set_x(cpu, RD(raw), sf ? r : (uint32_t)r);
    }
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_cvt_int)

static EmuStep op_fmov_gen(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned d = RD(in->raw), n = RN(in->raw);
    switch (in->aux) {
    case 0: set_x(cpu, d, vs(cpu, n)); break;
    case 1: set_vd(cpu, d, get_w(cpu, n)); break;
    case 2: set_x(cpu, d, vd(cpu, n)); break;
    case 3: set_vd(cpu, d, get_x(cpu, n)); break;
    case 4: set_x(cpu, d, cpu->v[n].d[1]); break;
    default: cpu->v[d].d[1] = get_x(cpu, n); break;
    }
    EMU_CONTINUE(cpu, in);
}

/* ---- 1 source ------------------------------------------------------------------- */

/* aux: opcode (bits 20:15). */
static bool dec_1src(uint32_t raw, EmuInsn *out)
{
    unsigned op = BITS(raw, 20, 15), type = ftype(raw);
    if (BIT(raw, 31) || BIT(raw, 29) || type == 2)
        return false;
    if ((op & 0x3c) == 0x04) {      /* FCVT: opc = op<1:0> is the destination */
        unsigned opc = op & 3;
        if (opc == 2 || opc == type)
            return false;
    } else if (type == 3) {
        return false;               /* half arithmetic: FEAT_FP16 */
    } else if (op > 0x0f || op == 0x0d) {
        return false;               /* FRINT32/64 (v8.5), unallocated */
    }
    out->aux = op;
    return true;
}

static NOINLINE EmuStep op_1src_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    unsigned d = RD(raw), n = RN(raw), type = ftype(raw);
    bool dbl = type == 1;
    uint64_t a = vreg(cpu, n, dbl);
    uint64_t sign = dbl ? 1ull << 63 : 1u << 31;
    EmuFpStatus st = emu_fp_status(cpu);
    uint64_t r;
    switch (in->aux) {
    case 0x00: r = a; break;                                   /* FMOV */
    case 0x01: r = a & ~sign; break;                           /* FABS */
    case 0x02: r = a ^ sign; break;                            /* FNEG */
    case 0x03: r = dbl ? emu_f64_sqrt(&st, a) : emu_f32_sqrt(&st, (uint32_t)a); break;
    case 0x04: case 0x05: case 0x07: {                         /* FCVT */
        unsigned to = in->aux & 3;
        uint64_t src = type == 3 ? cpu->v[n].h[0] : a;
        if (type == 0)
            r = to == 1 ? emu_f32_to_f64(&st, (uint32_t)src) : emu_f32_to_f16(&st, (uint32_t)src);
        else if (type == 1)
            r = to == 0 ? emu_f64_to_f32(&st, src) : emu_f64_to_f16(&st, src);
        else
            r = to == 0 ? emu_f16_to_f32(&st, (uint16_t)src) : emu_f16_to_f64(&st, (uint16_t)src);
        set_vd(cpu, d, r);   /* r is already zero-extended from its width */
        emu_fp_status_commit(cpu, &st);
        return EMU_NEXT;
    }
    default: {                                                 /* FRINTx */
        static const uint8_t modes[8] = {
            EMU_FPRM_NEAREST, EMU_FPRM_POSINF, EMU_FPRM_NEGINF, EMU_FPRM_ZERO,
            EMU_FPRM_TIEAWAY, 0, 0 /* X: FPCR */, 0 /* I: FPCR */,
        };
        unsigned k = in->aux & 7;
        EmuFpRound rm = (EmuFpRound)(k >= 6 ? st.rmode : modes[k]);
        r = dbl ? emu_f64_round_int(&st, a, rm, k == 6)
                : emu_f32_round_int(&st, (uint32_t)a, rm, k == 6);
        break;
    }
    }
    set_vreg(cpu, d, r, dbl);
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_1src)

/* ---- Compare, conditional compare ---------------------------------------------- */

static bool dec_cmp(uint32_t raw, EmuInsn *out)
{
    return arith_ok(raw) && BITS(raw, 15, 14) == 0 && BITS(raw, 2, 0) == 0;
}

/* NZCV from comparing V[n] with V[m] or zero. */
static uint32_t fp_compare(EmuCpu *cpu, uint32_t raw, bool with_zero, bool signal)
{
    bool dbl = ftype(raw) == 1;
    uint64_t a = vreg(cpu, RN(raw), dbl);
    uint64_t b = with_zero ? 0 : vreg(cpu, RM(raw), dbl);
    EmuFpStatus st = emu_fp_status(cpu);
    uint32_t nzcv = dbl ? emu_f64_compare(&st, a, b, signal)
                        : emu_f32_compare(&st, (uint32_t)a, (uint32_t)b, signal);
    emu_fp_status_commit(cpu, &st);
    return nzcv;
}

/* FCMP, FCMPE: opc2<3> compares with #0.0, opc2<4> signals on quiet NaNs. */
static NOINLINE EmuStep op_fcmp_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    cpu->nzcv = fp_compare(cpu, in->raw, BIT(in->raw, 3), BIT(in->raw, 4));
    return EMU_NEXT;
}

THREADED(op_fcmp)

static bool dec_ccmp(uint32_t raw, EmuInsn *out)
{
    return arith_ok(raw);
}

/* FCCMP, FCCMPE: if cond then compare (op = bit 4 signals) else NZCV = #nzcv. */
static NOINLINE EmuStep op_fccmp_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    if (emu_cond_holds(cpu->nzcv, BITS(in->raw, 15, 12)))
        cpu->nzcv = fp_compare(cpu, in->raw, false, BIT(in->raw, 4));
    else
        cpu->nzcv = BITS(in->raw, 3, 0) << 28;
    return EMU_NEXT;
}

THREADED(op_fccmp)

/* ---- Immediate ----------------------------------------------------------------------- */

/* imm: VFPExpandImm(imm8) for the type. */
static bool dec_imm(uint32_t raw, EmuInsn *out)
{
    if (!arith_ok(raw) || BITS(raw, 9, 5) != 0)
        return false;
    unsigned imm8 = BITS(raw, 20, 13);
    uint64_t sign = imm8 >> 7, b6 = (imm8 >> 6) & 1, low = imm8 & 0x3f;
    if (ftype(raw) == 1)
        out->imm = sign << 63 | (b6 ? 0x3fcull : 0x400ull) << 52 | low << 48;
    else
        out->imm = sign << 31 | (b6 ? 0x7cull : 0x80ull) << 23 | low << 19;
    return true;
}

static EmuStep op_fmov_imm(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    set_vd(cpu, RD(in->raw), in->imm);
    EMU_CONTINUE(cpu, in);
}

/* ---- 2 source ------------------------------------------------------------------------- */

/* aux: opcode (bits 15:12), 0..8. */
static bool dec_2src(uint32_t raw, EmuInsn *out)
{
    unsigned op = BITS(raw, 15, 12);
    if (!arith_ok(raw) || op > 8)
        return false;
    out->aux = op;
    return true;
}

#define DEFINE_2SRC(N, T)                                                      \
static T fp2_##N(EmuFpStatus *st, unsigned op, T a, T b)                       \
{                                                                              \
    switch (op) {                                                              \
    case 0: return emu_f##N##_mul(st, a, b);                                   \
    case 1: return emu_f##N##_div(st, a, b);                                   \
    case 2: return emu_f##N##_add(st, a, b);                                   \
    case 3: return emu_f##N##_sub(st, a, b);                                   \
    case 4: return emu_f##N##_max(st, a, b);                                   \
    case 5: return emu_f##N##_min(st, a, b);                                   \
    case 6: return emu_f##N##_maxnm(st, a, b);                                 \
    case 7: return emu_f##N##_minnm(st, a, b);                                 \
    default: return emu_f##N##_neg(emu_f##N##_mul(st, a, b));   /* FNMUL */    \
    }                                                                          \
}
DEFINE_2SRC(32, uint32_t)
DEFINE_2SRC(64, uint64_t)

static NOINLINE EmuStep op_2src_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    EmuFpStatus st = emu_fp_status(cpu);
    if (ftype(raw) == 1)
        set_vd(cpu, RD(raw), fp2_64(&st, in->aux, vd(cpu, RN(raw)), vd(cpu, RM(raw))));
    else
        set_vd(cpu, RD(raw), fp2_32(&st, in->aux, vs(cpu, RN(raw)), vs(cpu, RM(raw))));
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_2src)

/* The common arithmetic (FADD, FSUB, FMUL, FDIV, FMADD) also has one
 * handler per operation and precision, matched by table rows ahead of the
 * generic ones: no operation switch on the hot path. */
#define DEFINE_2SRC_FAST(name, N, FN)                                          \
static NOINLINE EmuStep op_##name##_impl(EmuCpu *cpu, const EmuInsn *in)      \
{                                                                              \
    if (!emu_fp_enabled(cpu))                                                  \
        return EMU_EXCEPTION;                                                  \
    uint32_t raw = in->raw;                                                    \
    EmuFpStatus st = emu_fp_status(cpu);                                       \
    uint64_t r = emu_f##N##_##FN(&st, (uint##N##_t)cpu->v[RN(raw)].d[0],       \
                                 (uint##N##_t)cpu->v[RM(raw)].d[0]);           \
    set_vd(cpu, RD(raw), r);                                                   \
    emu_fp_status_commit(cpu, &st);                                            \
    return EMU_NEXT;                                                           \
}                                                                              \
THREADED(op_##name)
DEFINE_2SRC_FAST(fmul_s, 32, mul)
DEFINE_2SRC_FAST(fmul_d, 64, mul)
DEFINE_2SRC_FAST(fdiv_s, 32, div)
DEFINE_2SRC_FAST(fdiv_d, 64, div)
DEFINE_2SRC_FAST(fadd_s, 32, add)
DEFINE_2SRC_FAST(fadd_d, 64, add)
DEFINE_2SRC_FAST(fsub_s, 32, sub)
DEFINE_2SRC_FAST(fsub_d, 64, sub)

/* ---- Conditional select ------------------------------------------------------------- */

static EmuStep op_fcsel(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    bool dbl = ftype(raw) == 1;
    unsigned src = emu_cond_holds(cpu->nzcv, BITS(raw, 15, 12)) ? RN(raw) : RM(raw);
    set_vreg(cpu, RD(raw), vreg(cpu, src, dbl), dbl);
    EMU_CONTINUE(cpu, in);
}

/* ---- 3 source --------------------------------------------------------------------------- */

/* FMADD, FMSUB, FNMADD, FNMSUB: Rd = (+-Ra) + (+-Rn) * Rm, fused; o1 (bit 21)
 * negates Ra, o1 != o0 (bit 15) negates Rn, before NaN processing. */
static bool dec_3src(uint32_t raw, EmuInsn *out)
{
    return arith_ok(raw);
}

static NOINLINE EmuStep op_3src_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    bool o1 = BIT(raw, 21), o0 = BIT(raw, 15);
    EmuFpStatus st = emu_fp_status(cpu);
    if (ftype(raw) == 1) {
        uint64_t a = vd(cpu, RA(raw)), n = vd(cpu, RN(raw)), m = vd(cpu, RM(raw));
        if (o1)
            a = emu_f64_neg(a);
        if (o1 != o0)
            n = emu_f64_neg(n);
        set_vd(cpu, RD(raw), emu_f64_muladd(&st, n, m, a));
    } else {
        uint32_t a = vs(cpu, RA(raw)), n = vs(cpu, RN(raw)), m = vs(cpu, RM(raw));
        if (o1)
            a = emu_f32_neg(a);
        if (o1 != o0)
            n = emu_f32_neg(n);
        set_vd(cpu, RD(raw), emu_f32_muladd(&st, n, m, a));
    }
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_3src)

static NOINLINE EmuStep op_fmadd_s_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    EmuFpStatus st = emu_fp_status(cpu);
    set_vd(cpu, RD(raw), emu_f32_muladd(&st, vs(cpu, RN(raw)), vs(cpu, RM(raw)), vs(cpu, RA(raw))));
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_fmadd_s)

static NOINLINE EmuStep op_fmadd_d_impl(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t raw = in->raw;
    EmuFpStatus st = emu_fp_status(cpu);
    set_vd(cpu, RD(raw), emu_f64_muladd(&st, vd(cpu, RN(raw)), vd(cpu, RM(raw)), vd(cpu, RA(raw))));
    emu_fp_status_commit(cpu, &st);
    return EMU_NEXT;
}

THREADED(op_fmadd_d)

/* ---- The table ----------------------------------------------------------------------------- */

const EmuInsnPattern emu_a64_fp_table[] = {
    { 0x5f200000, 0x1e000000, op_fixed,    "fp_cvt_fixed", dec_fixed },
    { 0x5f26fc00, 0x1e260000, op_fmov_gen, "fmov_gen",     dec_fmov_gen },
    { 0x5f20fc00, 0x1e200000, op_cvt_int,  "fp_cvt_int",   dec_int },
    { 0x5f207c00, 0x1e204000, op_1src,     "fp_1src",      dec_1src },
    { 0x5f203c00, 0x1e202000, op_fcmp,     "fcmp",         dec_cmp },
    { 0x5f201c00, 0x1e201000, op_fmov_imm, "fmov_imm",     dec_imm },
    { 0x5f200c00, 0x1e200400, op_fccmp,    "fccmp",        dec_ccmp },
    { 0xffe0fc00, 0x1e200800, op_fmul_s,   "fmul_s",       NULL },
    { 0xffe0fc00, 0x1e600800, op_fmul_d,   "fmul_d",       NULL },
    { 0xffe0fc00, 0x1e201800, op_fdiv_s,   "fdiv_s",       NULL },
    { 0xffe0fc00, 0x1e601800, op_fdiv_d,   "fdiv_d",       NULL },
    { 0xffe0fc00, 0x1e202800, op_fadd_s,   "fadd_s",       NULL },
    { 0xffe0fc00, 0x1e602800, op_fadd_d,   "fadd_d",       NULL },
    { 0xffe0fc00, 0x1e203800, op_fsub_s,   "fsub_s",       NULL },
    { 0xffe0fc00, 0x1e603800, op_fsub_d,   "fsub_d",       NULL },
    { 0x5f200c00, 0x1e200800, op_2src,     "fp_2src",      dec_2src },
    { 0x5f200c00, 0x1e200c00, op_fcsel,    "fcsel",        dec_ccmp },
    { 0xffe08000, 0x1f000000, op_fmadd_s,  "fmadd_s",      NULL },
    { 0xffe08000, 0x1f400000, op_fmadd_d,  "fmadd_d",      NULL },
    { 0x5f000000, 0x1f000000, op_3src,     "fp_3src",      dec_3src },
    { 0 },
};
