/* emu/a64_simd2.c — Advanced SIMD, ARMv8.0: the floating-point instructions
 * of the vector and scalar SIMD classes (three same, two-reg misc, across
 * lanes, pairwise, by element, fixed-point shifts) and the data movement
 * ones (DUP, INS, UMOV, SMOV, permutes, EXT, REV, TBL/TBX, modified
 * immediates). The rows are in a64_simd.c's table; the decoders here pick
 * the handler into out->fn.
 *
 * Every lane goes through emu/fpu.h with one EmuFpStatus per instruction,
 * so rounding, FZ, DN, NaN propagation and the cumulative flags are those
 * of the scalar instructions. Single (S) and double (D) lanes only: the
 * FP16 forms are ARMv8.2 and UNDEFINED here.
 */
#include "emu/a64_simd.h"

#include "emu/fpu.h"

/* ---- Element functions -------------------------------------------------- */

/* Each element function exists for S (name_s, lanes in the low 32 bits) and
 * D (name_d); `expr` sees typed lanes a = n, b = m, d = destination, and
 * x = EmuInsn.aux, which carries for conversions:
 *
 *   aux bits 15:8   fbits (fixed-point conversions), 0 otherwise
 *   aux bits 18:16  rounding mode (EmuFpRound), FP_RM_FPCR for FPCR's
 *   aux bit 19      FRINTX: signal inexact
 */
#define FP_RM_FPCR 7u
#define X_FBITS(x) (((x) >> 8) & 0xffu)
#define X_RMODE(x) (((x) >> 16) & 7u)
#define X_EXACT    (1u << 19)

typedef uint64_t FpElemFn(EmuFpStatus *st, uint64_t a, uint64_t b, uint64_t d, uint32_t x);

#define FE(name, expr)                                                         \
    static inline uint64_t name##_s(EmuFpStatus *st, uint64_t a_, uint64_t b_, \
                                    uint64_t d_, uint32_t x)                   \
    {                                                                          \
        uint32_t a = (uint32_t)a_, b = (uint32_t)b_, d = (uint32_t)d_;         \
        (void)b; (void)d; (void)x;                                             \
        return (expr);                                                         \
    }                                                                          \
    static inline uint64_t name##_d(EmuFpStatus *st, uint64_t a, uint64_t b,   \
                                    uint64_t d, uint32_t x)                    \
    {                                                                          \
        (void)b; (void)d; (void)x;                                             \
        return (expr);                                                         \
    }

/* emu_f32_op or emu_f64_op by the type of `a`. */
#define FOP(op, ...) _Generic((a), uint32_t: emu_f32_##op, uint64_t: emu_f64_##op)(st, __VA_ARGS__)
#define FNEG(v)  _Generic((v), uint32_t: emu_f32_neg, uint64_t: emu_f64_neg)(v)
#define FABS(v)  _Generic((v), uint32_t: emu_f32_abs, uint64_t: emu_f64_abs)(v)
#define ZERO     ((__typeof__(a))0)
#define MASK(c)  ((c) ? (uint64_t)(__typeof__(a))~ZERO : 0)
#define RMODE(x) (X_RMODE(x) == FP_RM_FPCR ? (EmuFpRound)st->rmode : (EmuFpRound)X_RMODE(x))

FE(f_add, FOP(add, a, b))
FE(f_sub, FOP(sub, a, b))
FE(f_mul, FOP(mul, a, b))
FE(f_div, FOP(div, a, b))
FE(f_mulx, FOP(mulx, a, b))
FE(f_max, FOP(max, a, b))
FE(f_min, FOP(min, a, b))
FE(f_maxnm, FOP(maxnm, a, b))
FE(f_minnm, FOP(minnm, a, b))
FE(f_mla, FOP(muladd, a, b, d))
FE(f_mls, FOP(muladd, FNEG(a), b, d))
FE(f_abd, FABS(FOP(sub, a, b)))
FE(f_cmeq, MASK(FOP(cmpeq, a, b)))
FE(f_cmge, MASK(FOP(cmpge, a, b)))
FE(f_cmgt, MASK(FOP(cmpgt, a, b)))
FE(f_acge, MASK(FOP(cmpge, FABS(a), FABS(b))))
FE(f_acgt, MASK(FOP(cmpgt, FABS(a), FABS(b))))
FE(f_recps, FOP(recps, a, b))
FE(f_rsqrts, FOP(rsqrts, a, b))
FE(f_cmgt0, MASK(FOP(cmpgt, a, ZERO)))
FE(f_cmge0, MASK(FOP(cmpge, a, ZERO)))
FE(f_cmeq0, MASK(FOP(cmpeq, a, ZERO)))
FE(f_cmle0, MASK(FOP(cmpge, ZERO, a)))
FE(f_cmlt0, MASK(FOP(cmpgt, ZERO, a)))
FE(f_abs, FABS(a))
FE(f_neg, FNEG(a))
FE(f_sqrt, FOP(sqrt, a))
FE(f_recpe, FOP(recpe, a))
FE(f_rsqrte, FOP(rsqrte, a))
FE(f_recpx, FOP(recpx, a))
FE(f_rint, FOP(round_int, a, RMODE(x), (x & X_EXACT) != 0))
FE(f_cvts, _Generic((a), uint32_t: (uint32_t)emu_f32_to_s32(st, (uint32_t)a, RMODE(x), X_FBITS(x)),
                         uint64_t: (uint64_t)emu_f64_to_s64(st, a, RMODE(x), X_FBITS(x))))
FE(f_cvtu, _Generic((a), uint32_t: emu_f32_to_u32(st, (uint32_t)a, RMODE(x), X_FBITS(x)),
                         uint64_t: emu_f64_to_u64(st, a, RMODE(x), X_FBITS(x))))
FE(f_scvtf, _Generic((a), uint32_t: emu_s64_to_f32(st, (int32_t)a, X_FBITS(x)),
                          uint64_t: emu_s64_to_f64(st, (int64_t)a, X_FBITS(x))))
FE(f_ucvtf, _Generic((a), uint32_t: emu_u64_to_f32(st, a, X_FBITS(x)),
                          uint64_t: emu_u64_to_f64(st, a, X_FBITS(x))))

/* ---- Handler shapes -------------------------------------------------------- */

#define FP_CHECK()                                                             \
    do {                                                                       \
        if (!emu_fp_enabled(cpu))                                              \
            return EMU_EXCEPTION;                                              \
    } while (0)

static inline EmuStep fp_finish(EmuCpu *cpu, const EmuInsn *in, const EmuVReg *r,
                                const EmuFpStatus *st)
{
    emu_fp_status_commit(cpu, st);
    cpu->v[RD(in->raw)] = *r;
    EMU_CONTINUE(cpu, in);
}

/* The lanes past `lanes` elements of `size` bytes are zeroed, as a write
 * of a 64-bit vector or a scalar leaves them. */
static inline void zero_tail(EmuVReg *v, unsigned lanes, bool dbl)
{
    unsigned bytes = lanes * (dbl ? 8 : 4);
    if (bytes < 8)
        v->s[1] = 0;
    if (bytes < 16)
        v->d[1] = 0;
}

/* Lane by lane over the active lanes: d[i] = f(n[i], m[i], d[i]); the rest
 * of the register is zeroed. Each result lane depends on the same lane of
 * the operands only, so it is written straight into Vd even when Vd is also
 * an operand: a result built in a local and copied whole would be read back
 * as 16 bytes just stored in 4- or 8-byte pieces, which the host cannot
 * forward from its store buffer (a stall longer than the operation). */
ALWAYS_INLINE EmuStep fp_lanes(EmuCpu *cpu, const EmuInsn *in, const EmuVReg *vm,
                               bool dbl, FpElemFn *f)
{
    EmuFpStatus *st = &cpu->fp_scratch;
    *st = emu_fp_status(cpu);
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    unsigned lanes = AUX_LANES(in->aux);
    for (unsigned i = 0; i < lanes; i++) {
        if (dbl)
            vd->d[i] = f(st, vn->d[i], vm->d[i], vd->d[i], in->aux);
        else
            vd->s[i] = (uint32_t)f(st, vn->s[i], vm->s[i], vd->s[i], in->aux);
    }
    zero_tail(vd, lanes, dbl);
    emu_fp_status_commit(cpu, st);
    EMU_CONTINUE(cpu, in);
}

/* By element: element AUX_EXTRA2 of register AUX_EXTRA in every lane. */
static inline EmuVReg fp_bcast(const EmuCpu *cpu, const EmuInsn *in, bool dbl)
{
    const EmuVReg *v = &cpu->v[AUX_EXTRA(in->aux)];
    unsigned idx = AUX_EXTRA2(in->aux);
    EmuVReg t;
    if (dbl)
        t.d[0] = t.d[1] = v->d[idx];
    else
        t.s[0] = t.s[1] = t.s[2] = t.s[3] = v->s[idx];
    return t;
}

/* Pairwise: r[i] = f(c[2i], c[2i + 1]) over simd_pair_concat (Q set for
 * 128-bit vectors and for the D scalar form, whose pair fills Vn). */
ALWAYS_INLINE EmuStep fp_pairwise(EmuCpu *cpu, const EmuInsn *in, bool dbl, FpElemFn *f)
{
    EmuFpStatus *st = &cpu->fp_scratch;
    *st = emu_fp_status(cpu);
    SimdPair c;
    simd_pair_concat(&c, &cpu->v[RN(in->raw)], &cpu->v[RM(in->raw)], in->aux & AUX_Q);
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    unsigned lanes = AUX_LANES(in->aux);
    for (unsigned i = 0; i < lanes; i++) {
        if (dbl)
            vd->d[i] = f(st, c.d[2 * i], c.d[2 * i + 1], 0, in->aux);
        else
            vd->s[i] = (uint32_t)f(st, c.s[2 * i], c.s[2 * i + 1], 0, in->aux);
    }
    zero_tail(vd, lanes, dbl);
    emu_fp_status_commit(cpu, st);
    EMU_CONTINUE(cpu, in);
}

#define H_FP(name, body)                                                       \
    static EmuStep name##_s(EmuCpu *cpu, const EmuInsn *in)                    \
    {                                                                          \
        FP_CHECK();                                                            \
        const bool dbl = false;                                                \
        body;                                                                  \
    }                                                                          \
    static EmuStep name##_d(EmuCpu *cpu, const EmuInsn *in)                    \
    {                                                                          \
        FP_CHECK();                                                            \
        const bool dbl = true;                                                 \
        body;                                                                  \
    }                                                                          \
    static const EmuInsnFn name[2] = { name##_s, name##_d };

#define FN(f) (dbl ? f##_d : f##_s)
#define H_FP3(name, f)  H_FP(name, return fp_lanes(cpu, in, &cpu->v[RM(in->raw)], dbl, FN(f)))
#define H_FP1(name, f)  H_FP(name, return fp_lanes(cpu, in, &cpu->v[RN(in->raw)], dbl, FN(f)))
#define H_FPP(name, f)  H_FP(name, return fp_pairwise(cpu, in, dbl, FN(f)))
#define H_FPE(name, f)                                                         \
    H_FP(name, EmuVReg t = fp_bcast(cpu, in, dbl); return fp_lanes(cpu, in, &t, dbl, FN(f)))

H_FP3(op_fadd, f_add)
H_FP3(op_fsub, f_sub)
H_FP3(op_fmul, f_mul)
H_FP3(op_fdiv, f_div)
H_FP3(op_fmulx, f_mulx)
H_FP3(op_fmax, f_max)
H_FP3(op_fmin, f_min)
H_FP3(op_fmaxnm, f_maxnm)
H_FP3(op_fminnm, f_minnm)
H_FP3(op_fmla, f_mla)
H_FP3(op_fmls, f_mls)
H_FP3(op_fabd, f_abd)
H_FP3(op_fcmeq, f_cmeq)
H_FP3(op_fcmge, f_cmge)
H_FP3(op_fcmgt, f_cmgt)
H_FP3(op_facge, f_acge)
H_FP3(op_facgt, f_acgt)
H_FP3(op_frecps, f_recps)
H_FP3(op_frsqrts, f_rsqrts)
H_FPP(op_faddp, f_add)
H_FPP(op_fmaxp, f_max)
H_FPP(op_fminp, f_min)
H_FPP(op_fmaxnmp, f_maxnm)
H_FPP(op_fminnmp, f_minnm)
H_FP1(op_fcmgt0, f_cmgt0)
H_FP1(op_fcmge0, f_cmge0)
H_FP1(op_fcmeq0, f_cmeq0)
H_FP1(op_fcmle0, f_cmle0)
H_FP1(op_fcmlt0, f_cmlt0)
H_FP1(op_fabs, f_abs)
H_FP1(op_fneg, f_neg)
H_FP1(op_fsqrt, f_sqrt)
H_FP1(op_frecpe, f_recpe)
H_FP1(op_frsqrte, f_rsqrte)
H_FP1(op_frecpx, f_recpx)
H_FP1(op_frint, f_rint)
H_FP1(op_fcvts, f_cvts)
H_FP1(op_fcvtu, f_cvtu)
H_FP1(op_scvtf, f_scvtf)
H_FP1(op_ucvtf, f_ucvtf)
H_FPE(op_fmla_elem, f_mla)
H_FPE(op_fmls_elem, f_mls)
H_FPE(op_fmul_elem, f_mul)
H_FPE(op_fmulx_elem, f_mulx)

/* FMLA Vd.2D, Vn.2D, Vm.2D on a host with FMA (picked by the decoder,
 * fp_pick): both lanes inline when emu_f64_muladd_quick takes them, which
 * is nearly always in numeric code; otherwise the general handler, from
 * the unchanged registers. Same results either way, bit for bit. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HAVE_FMLA_2D_FMA 1
__attribute__((target("fma"))) static EmuStep op_fmla_2d_fma(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    const EmuVReg *vn = &cpu->v[RN(in->raw)], *vm = &cpu->v[RM(in->raw)];
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    uint64_t r0, r1;
    if (likely(emu_f64_muladd_quick(cpu->fpcr, cpu->fpsr, vn->d[0], vm->d[0], vd->d[0], &r0) &&
               emu_f64_muladd_quick(cpu->fpcr, cpu->fpsr, vn->d[1], vm->d[1], vd->d[1], &r1))) {
        vd->d[0] = r0;
        vd->d[1] = r1;
        EMU_CONTINUE(cpu, in);
    }
    return op_fmla_d(cpu, in);
}
#endif

/* URECPE, URSQRTE: 32-bit unsigned fixed-point lanes, no FP status. */
static EmuStep op_urecpe(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    EmuVReg r = { 0 };
    for (unsigned i = 0; i < AUX_LANES(in->aux); i++)
        r.s[i] = BIT(in->raw, 29) ? emu_ursqrte_u32(vn->s[i]) : emu_urecpe_u32(vn->s[i]);
    cpu->v[RD(in->raw)] = r;
    EMU_CONTINUE(cpu, in);
}

/* FMAXV, FMINV, FMAXNMV, FMINNMV (4S only): Arm's Reduce halves the
 * vector recursively, op(op(e0, e1), op(e2, e3)). */
#define H_FPV(name, f)                                                         \
    static EmuStep name(EmuCpu *cpu, const EmuInsn *in)                        \
    {                                                                          \
        FP_CHECK();                                                            \
        EmuFpStatus *st = &cpu->fp_scratch;                                    \
        *st = emu_fp_status(cpu);                                              \
        const EmuVReg *vn = &cpu->v[RN(in->raw)];                              \
        uint64_t lo = f##_s(st, vn->s[0], vn->s[1], 0, 0);                    \
        uint64_t hi = f##_s(st, vn->s[2], vn->s[3], 0, 0);                    \
        EmuVReg r = { 0 };                                                     \
        r.s[0] = (uint32_t)f##_s(st, lo, hi, 0, 0);                           \
        return fp_finish(cpu, in, &r, st);                                    \
    }
H_FPV(op_fmaxv, f_max)
H_FPV(op_fminv, f_min)
H_FPV(op_fmaxnmv, f_maxnm)
H_FPV(op_fminnmv, f_minnm)

/* FCVTN (f32 to f16, f64 to f32), FCVTXN (f64 to f32, rounding to odd):
 * the narrowed lanes go to the lower half (upper zeroed) or, for the "2"
 * forms, to the upper half keeping the lower. Scalar FCVTXN: one lane. */
static EmuStep fcvtn(EmuCpu *cpu, const EmuInsn *in, bool dbl, bool odd)
{
    EmuFpStatus *st = &cpu->fp_scratch;
    *st = emu_fp_status(cpu);
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    unsigned lanes = AUX_LANES(in->aux), off = 0;
    EmuVReg r = { 0 };
    if (in->aux & AUX_Q) {
        off = lanes;
        r.d[0] = cpu->v[RD(in->raw)].d[0];
    }
    for (unsigned i = 0; i < lanes; i++) {
        if (!dbl)
            r.h[off + i] = emu_f32_to_f16(st, vn->s[i]);
        else if (odd)
            r.s[off + i] = emu_f64_to_f32_odd(st, vn->d[i]);
        else
            r.s[off + i] = emu_f64_to_f32(st, vn->d[i]);
    }
    return fp_finish(cpu, in, &r, st);
}

static EmuStep op_fcvtn_s(EmuCpu *cpu, const EmuInsn *in) { FP_CHECK(); return fcvtn(cpu, in, false, false); }
static EmuStep op_fcvtn_d(EmuCpu *cpu, const EmuInsn *in) { FP_CHECK(); return fcvtn(cpu, in, true, false); }
static EmuStep op_fcvtxn(EmuCpu *cpu, const EmuInsn *in) { FP_CHECK(); return fcvtn(cpu, in, true, true); }

/* FCVTL: the lanes of the lower (or, for FCVTL2, upper) half widened. */
static EmuStep op_fcvtl(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    EmuFpStatus *st = &cpu->fp_scratch;
    *st = emu_fp_status(cpu);
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    unsigned lanes = AUX_LANES(in->aux), off = in->aux & AUX_Q ? lanes : 0;
    EmuVReg r;
    for (unsigned i = 0; i < lanes; i++) {
        if (BIT(in->raw, 22))
            r.d[i] = emu_f32_to_f64(st, vn->s[off + i]);
        else
            r.s[i] = emu_f16_to_f32(st, vn->h[off + i]);
    }
    return fp_finish(cpu, in, &r, st);
}

/* ---- Copies, permutes, table lookups, immediates --------------------------- */

static const uint64_t replicate[4] = {
    0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1,
};

/* DUP (element): AUX_EXTRA is the index; DUP (general) reads Rn. */
static EmuStep op_dup_elem(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    unsigned size = AUX_SIZE(in->aux);
    EmuVReg r;
    r.d[0] = r.d[1] = simd_lane(&cpu->v[RN(in->raw)], AUX_EXTRA(in->aux), size) * replicate[size];
    return simd_put(cpu, in, &r);
}

static EmuStep op_dup_gen(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    unsigned size = AUX_SIZE(in->aux);
    EmuVReg r;
    r.d[0] = r.d[1] = (get_x(cpu, RN(in->raw)) & (~0ull >> (64 - (8u << size)))) * replicate[size];
    return simd_put(cpu, in, &r);
}

/* DUP (element, scalar): lane AUX_EXTRA to lane 0, the rest zeroed. */
static EmuStep op_dup_scalar(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    unsigned size = AUX_SIZE(in->aux);
    EmuVReg r = { 0 };
    simd_set_lane(&r, 0, size, simd_lane(&cpu->v[RN(in->raw)], AUX_EXTRA(in->aux), size));
    cpu->v[RD(in->raw)] = r;
    EMU_CONTINUE(cpu, in);
}

/* SMOV to W (Q = 0) zero-extends the sign-extended byte or halfword. */
static EmuStep op_smov(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    unsigned size = AUX_SIZE(in->aux);
    uint64_t x = (uint64_t)sext(simd_lane(&cpu->v[RN(in->raw)], AUX_EXTRA(in->aux), size), 8u << size);
    set_x(cpu, RD(in->raw), BIT(in->raw, 30) ? x : (uint32_t)x);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_umov(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    set_x(cpu, RD(in->raw), simd_lane(&cpu->v[RN(in->raw)], AUX_EXTRA(in->aux), AUX_SIZE(in->aux)));
    EMU_CONTINUE(cpu, in);
}

/* INS (general): lane AUX_EXTRA of Vd from Rn; INS (element): from lane
 * AUX_EXTRA2 of Vn. The other lanes are kept. */
static EmuStep op_ins_gen(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    simd_set_lane(&cpu->v[RD(in->raw)], AUX_EXTRA(in->aux), AUX_SIZE(in->aux), get_x(cpu, RN(in->raw)));
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_ins_elem(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    unsigned size = AUX_SIZE(in->aux);
    uint64_t x = simd_lane(&cpu->v[RN(in->raw)], AUX_EXTRA2(in->aux), size);
    simd_set_lane(&cpu->v[RD(in->raw)], AUX_EXTRA(in->aux), size, x);
    EMU_CONTINUE(cpu, in);
}

/* Byte permutations (EXT, REV): result byte i is byte
 * (imm >> 4i) & 15 of Vn, or of Vm when bit i of AUX_EXTRA2 is set. */
static EmuStep op_perm(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    const EmuVReg *src[2] = { &cpu->v[RN(in->raw)], &cpu->v[RM(in->raw)] };
    uint64_t idx = in->imm;
    uint32_t sel = AUX_EXTRA2(in->aux);
    EmuVReg r;
    for (unsigned i = 0; i < 16; i++)
        r.b[i] = src[(sel >> i) & 1]->b[(idx >> (4 * i)) & 15];
    return simd_put(cpu, in, &r);
}

/* ZIP, UZP, TRN with the element size known: r[i] = expr over the lanes
 * n[], m[] of the active width (nel lanes, half = nel / 2). */
#define H_PERM(name, sz, expr)                                                 \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        typedef UT_##sz UT;                                                    \
        const UT *n = cpu->v[RN(in->raw)].LF_##sz, *m = cpu->v[RM(in->raw)].LF_##sz; \
        unsigned nel = AUX_LANES(in->aux), half = nel / 2;                     \
        (void)half;                                                            \
        EmuVReg r = { 0 };                                                     \
        for (unsigned i = 0; i < nel; i++)                                     \
            r.LF_##sz[i] = (expr);                                             \
        cpu->v[RD(in->raw)] = r;                                               \
        EMU_CONTINUE(cpu, in);                                                       \
    }
#define PERM_SIZES(name, expr)                                                 \
    H_PERM(name, 0, expr) H_PERM(name, 1, expr) H_PERM(name, 2, expr) H_PERM(name, 3, expr) \
    static const EmuInsnFn name[4] = { name##_0, name##_1, name##_2, name##_3 };
PERM_SIZES(op_uzp1, 2 * i < nel ? n[2 * i] : m[2 * i - nel])
PERM_SIZES(op_uzp2, 2 * i + 1 < nel ? n[2 * i + 1] : m[2 * i + 1 - nel])
PERM_SIZES(op_trn1, i & 1 ? m[i - 1] : n[i])
PERM_SIZES(op_trn2, i & 1 ? m[i] : n[i + 1])
PERM_SIZES(op_zip1, i & 1 ? m[i / 2] : n[i / 2])
PERM_SIZES(op_zip2, i & 1 ? m[half + i / 2] : n[half + i / 2])

/* TBL, TBX: AUX_EXTRA registers from Rn (wrapping at 31) form the table;
 * out-of-range indices give 0 (TBL) or keep the destination byte (TBX). */
static EmuStep op_tbl(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    unsigned nregs = AUX_EXTRA(in->aux), rn = RN(in->raw);
    uint8_t buf[64];
    const uint8_t *table = cpu->v[rn].b;
    if (nregs > 1) {
        for (unsigned k = 0; k < nregs; k++)
            memcpy(buf + 16 * k, cpu->v[(rn + k) & 31].b, 16);
        table = buf;
    }
    const EmuVReg *vm = &cpu->v[RM(in->raw)];
    EmuVReg r = BIT(in->raw, 12) ? cpu->v[RD(in->raw)] : (EmuVReg){ 0 };
    for (unsigned i = 0; i < 16; i++)
        if (vm->b[i] < 16 * nregs)
            r.b[i] = table[vm->b[i]];
    return simd_put(cpu, in, &r);
}

/* MOVI, MVNI, FMOV (vector, immediate): imm is the 64-bit pattern (MVNI's
 * already inverted); ORR and BIC (BIC's imm inverted: an AND). */
static EmuStep op_movi(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    EmuVReg r;
    r.d[0] = r.d[1] = in->imm;
    return simd_put(cpu, in, &r);
}

static EmuStep op_orr_imm(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    EmuVReg r = cpu->v[RD(in->raw)];
    r.d[0] |= in->imm;
    r.d[1] |= in->imm;
    return simd_put(cpu, in, &r);
}

static EmuStep op_and_imm(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    EmuVReg r = cpu->v[RD(in->raw)];
    r.d[0] &= in->imm;
    r.d[1] &= in->imm;
    return simd_put(cpu, in, &r);
}


/* ---- Decoders ------------------------------------------------------------------ */

static inline unsigned f_q(uint32_t raw) { return BIT(raw, 30); }
static inline unsigned f_sz(uint32_t raw) { return BIT(raw, 22); }
static inline unsigned f_a(uint32_t raw) { return BIT(raw, 23); }
static inline unsigned f_u(uint32_t raw) { return BIT(raw, 29); }

static inline uint32_t fp_vec_aux(unsigned q, unsigned sz)
{
    return simd_vec_aux(q, 2 + sz);
}

static bool fp_pick(EmuInsn *out, const EmuInsnFn *fns, unsigned sz, uint32_t aux)
{
    if (!fns)
        return false;
    out->fn = fns[sz];
    out->aux = aux;
#ifdef HAVE_FMLA_2D_FMA
    if (out->fn == op_fmla_d && __builtin_cpu_supports("fma"))
        out->fn = op_fmla_2d_fma;
#endif
    return true;
}

/* Three same, opcode 11000..11111, by U, a (bit 23) and opcode - 0x18. */
static const EmuInsnFn *const fp3_ops[2][2][8] = {
    { { op_fmaxnm, op_fmla, op_fadd, op_fmulx, op_fcmeq, NULL, op_fmax, op_frecps },
      { op_fminnm, op_fmls, op_fsub, NULL, NULL, NULL, op_fmin, op_frsqrts } },
    { { op_fmaxnmp, NULL, op_faddp, op_fmul, op_fcmge, op_facge, op_fmaxp, op_fdiv },
      { op_fminnmp, NULL, op_fabd, NULL, op_fcmgt, op_facgt, op_fminp, NULL } },
};

/* D lanes need Q (sz:Q = 10 reserved) throughout the FP vector classes. */
bool simd_dec_fp_same3(uint32_t raw, EmuInsn *out)
{
    unsigned q = f_q(raw), sz = f_sz(raw), opc = BITS(raw, 15, 11);
    if (opc < 0x18 || (sz && !q))
        return false;
    return fp_pick(out, fp3_ops[f_u(raw)][f_a(raw)][opc - 0x18], sz, fp_vec_aux(q, sz));
}

/* Scalar: FMULX, FCMEQ, FRECPS, FRSQRTS, FCMGE, FACGE, FABD, FCMGT, FACGT. */
bool simd_dec_fp_same3_scalar(uint32_t raw, EmuInsn *out)
{
    unsigned sz = f_sz(raw), opc = BITS(raw, 15, 11);
    unsigned key = f_u(raw) << 6 | f_a(raw) << 5 | opc;
    switch (key) {
    case 0x1b: case 0x1c: case 0x1f: case 0x3f:
    case 0x5c: case 0x5d: case 0x7a: case 0x7c: case 0x7d:
        break;
    default:
        return false;
    }
    return fp_pick(out, fp3_ops[f_u(raw)][f_a(raw)][opc - 0x18], sz, simd_scalar_aux(2 + sz));
}

/* Two-register misc: rounding and conversions with the mode each implies. */
typedef struct FpMisc {
    const EmuInsnFn *fns;
    uint8_t rmode;     /* EmuFpRound or FP_RM_FPCR, for FRINT and FCVT */
    bool exact;        /* FRINTX */
    bool scalar;       /* also exists in the scalar class */
} FpMisc;

#define NEAR EMU_FPRM_NEAREST
#define PINF EMU_FPRM_POSINF
#define MINF EMU_FPRM_NEGINF
#define ZRO  EMU_FPRM_ZERO
#define AWAY EMU_FPRM_TIEAWAY
#define FPCR FP_RM_FPCR

/* By U, a, and opcode (bits 16:12) - 0x0c; FCVTN, FCVTL, FCVTXN, URECPE
 * and URSQRTE are decoded apart. */
static const FpMisc fp_misc_ops[2][2][20] = {
    { { [0x18 - 12] = { op_frint, NEAR }, [0x19 - 12] = { op_frint, MINF },
        [0x1a - 12] = { op_fcvts, NEAR, false, true }, [0x1b - 12] = { op_fcvts, MINF, false, true },
        [0x1c - 12] = { op_fcvts, AWAY, false, true }, [0x1d - 12] = { op_scvtf, 0, false, true } },
      { [0x0c - 12] = { op_fcmgt0, 0, false, true }, [0x0d - 12] = { op_fcmeq0, 0, false, true },
        [0x0e - 12] = { op_fcmlt0, 0, false, true }, [0x0f - 12] = { op_fabs },
        [0x18 - 12] = { op_frint, PINF }, [0x19 - 12] = { op_frint, ZRO },
        [0x1a - 12] = { op_fcvts, PINF, false, true }, [0x1b - 12] = { op_fcvts, ZRO, false, true },
        [0x1d - 12] = { op_frecpe, 0, false, true } } },
    { { [0x18 - 12] = { op_frint, AWAY }, [0x19 - 12] = { op_frint, FPCR, true },
        [0x1a - 12] = { op_fcvtu, NEAR, false, true }, [0x1b - 12] = { op_fcvtu, MINF, false, true },
        [0x1c - 12] = { op_fcvtu, AWAY, false, true }, [0x1d - 12] = { op_ucvtf, 0, false, true } },
      { [0x0c - 12] = { op_fcmge0, 0, false, true }, [0x0d - 12] = { op_fcmle0, 0, false, true },
        [0x0f - 12] = { op_fneg }, [0x19 - 12] = { op_frint, FPCR },
        [0x1a - 12] = { op_fcvtu, PINF, false, true }, [0x1b - 12] = { op_fcvtu, ZRO, false, true },
        [0x1d - 12] = { op_frsqrte, 0, false, true }, [0x1f - 12] = { op_fsqrt } } },
};

static bool dec_fp_misc_common(uint32_t raw, EmuInsn *out, bool scalar)
{
    unsigned q = f_q(raw), sz = f_sz(raw), a = f_a(raw), u = f_u(raw), opc = BITS(raw, 16, 12);
    uint32_t lanes_aux = scalar ? simd_scalar_aux(2 + sz) : fp_vec_aux(q, sz);
    if (!a && (opc == 0x16 || opc == 0x17)) {
        /* FCVTN, FCVTXN (D to S only; scalar: FCVTXN only), FCVTL */
        uint32_t aux = (scalar ? 1u : (sz ? 2u : 4u)) | (q && !scalar ? AUX_Q : 0);
        if (opc == 0x17) {
            if (scalar || u)
                return false;
            out->fn = op_fcvtl;
        } else if (u) {
            if (!sz)
                return false;
            out->fn = op_fcvtxn;
        } else {
            if (scalar)
                return false;
            out->fn = sz ? op_fcvtn_d : op_fcvtn_s;
        }
        out->aux = aux;
        return true;
    }
    if (a && opc == 0x1c && !scalar) {
        /* URECPE, URSQRTE: 32-bit lanes */
        if (sz)
            return false;
        out->fn = op_urecpe;
        out->aux = fp_vec_aux(q, 0);
        return true;
    }
    if (scalar && u == 0 && a && opc == 0x1f) {
        out->fn = op_frecpx[sz];
        out->aux = lanes_aux;
        return true;
    }
    if (opc < 0x0c || (sz && !q && !scalar))
        return false;
    const FpMisc *m = &fp_misc_ops[u][a][opc - 0x0c];
    if (!m->fns || (scalar && !m->scalar))
        return false;
    return fp_pick(out, m->fns, sz, lanes_aux | (uint32_t)m->rmode << 16 | (m->exact ? X_EXACT : 0));
}

bool simd_dec_fp_misc(uint32_t raw, EmuInsn *out) { return dec_fp_misc_common(raw, out, false); }
bool simd_dec_fp_misc_scalar(uint32_t raw, EmuInsn *out) { return dec_fp_misc_common(raw, out, true); }

/* FMAXNMV, FMINNMV (opcode 01100), FMAXV, FMINV (01111): U = 1, 4S only. */
bool simd_dec_fp_across(uint32_t raw, EmuInsn *out)
{
    unsigned opc = BITS(raw, 16, 12), a = f_a(raw);
    if (!f_u(raw) || f_sz(raw) || !f_q(raw))
        return false;
    if (opc == 0x0c)
        out->fn = a ? op_fminnmv : op_fmaxnmv;
    else if (opc == 0x0f)
        out->fn = a ? op_fminv : op_fmaxv;
    else
        return false;
    out->aux = fp_vec_aux(1, 0);
    return true;
}

/* FMAXNMP, FADDP, FMAXP, FMINNMP, FMINP (scalar): U = 1; the pair is the
 * two lanes of Vn's low 64 bits (S) or of all of Vn (D). */
bool simd_dec_fp_pairwise_scalar(uint32_t raw, EmuInsn *out)
{
    unsigned opc = BITS(raw, 16, 12), sz = f_sz(raw), a = f_a(raw);
    const EmuInsnFn *fns;
    if (!f_u(raw))
        return false;
    switch (opc) {
    case 0x0c: fns = a ? op_fminnmp : op_fmaxnmp; break;
    case 0x0d: fns = a ? NULL : op_faddp; break;
    case 0x0f: fns = a ? op_fminp : op_fmaxp; break;
    default: return false;
    }
    return fp_pick(out, fns, sz, 1u | (sz ? AUX_Q : 0) | (2 + sz) << 6);
}

/* FMLA, FMLS, FMUL (U = 0), FMULX (U = 1) by element: size 1x; S: index
 * H:L, D: index H (L = 0); Vm = M:Rm. */
static bool dec_fp_elem_common(uint32_t raw, EmuInsn *out, bool scalar)
{
    unsigned q = f_q(raw), sz = f_sz(raw), opc = BITS(raw, 15, 12), u = f_u(raw);
    unsigned idx = sz ? BIT(raw, 11) : BIT(raw, 11) << 1 | BIT(raw, 21);
    const EmuInsnFn *fns;
    if (sz && (BIT(raw, 21) || (!q && !scalar)))
        return false;
    switch (opc) {
    case 0x1: fns = u ? NULL : op_fmla_elem; break;
    case 0x5: fns = u ? NULL : op_fmls_elem; break;
    case 0x9: fns = u ? op_fmulx_elem : op_fmul_elem; break;
    default: return false;
    }
    uint32_t aux = scalar ? simd_scalar_aux(2 + sz) : fp_vec_aux(q, sz);
    return fp_pick(out, fns, sz, aux | BITS(raw, 20, 16) << 8 | idx << 16);
}

bool simd_dec_fp_elem(uint32_t raw, EmuInsn *out) { return dec_fp_elem_common(raw, out, false); }
bool simd_dec_fp_elem_scalar(uint32_t raw, EmuInsn *out) { return dec_fp_elem_common(raw, out, true); }

/* SCVTF, UCVTF (opcode 11100), FCVTZS, FCVTZU (11111), fixed point:
 * immh 01xx is S, 1xxx is D; fbits = 2 * esize - immh:immb. */
static bool dec_fp_shift_common(uint32_t raw, EmuInsn *out, bool scalar)
{
    unsigned q = f_q(raw), immh = BITS(raw, 22, 19), opc = BITS(raw, 15, 11), u = f_u(raw);
    if (immh < 4)
        return false;
    unsigned sz = immh >> 3, esize = 32u << sz, fbits = 2 * esize - BITS(raw, 22, 16);
    if (sz && !q && !scalar)
        return false;
    const EmuInsnFn *fns;
    if (opc == 0x1c)
        fns = u ? op_ucvtf : op_scvtf;
    else if (opc == 0x1f)
        fns = u ? op_fcvtu : op_fcvts;
    else
        return false;
    uint32_t aux = scalar ? simd_scalar_aux(2 + sz) : fp_vec_aux(q, sz);
    return fp_pick(out, fns, sz, aux | fbits << 8 | (uint32_t)EMU_FPRM_ZERO << 16);
}

bool simd_dec_fp_shift(uint32_t raw, EmuInsn *out) { return dec_fp_shift_common(raw, out, false); }
bool simd_dec_fp_shift_scalar(uint32_t raw, EmuInsn *out) { return dec_fp_shift_common(raw, out, true); }

/* ---- Data movement decoders ------------------------------------------------ */

/* REV64 (U = 0, opcode 00000), REV32 (U = 1), REV16 (opcode 00001):
 * elements reversed within containers of 8, 4 or 2 bytes, as a byte
 * permutation; the element must be smaller than the container. */
bool simd_dec_rev(uint32_t raw, EmuInsn *out)
{
    unsigned size = BITS(raw, 23, 22), es = 1u << size;
    unsigned c = BIT(raw, 12) ? 2 : BIT(raw, 29) ? 4 : 8;
    if (es >= c)
        return false;
    out->fn = op_perm;
    out->aux = simd_vec_aux(f_q(raw), size);
    out->imm = 0;
    for (unsigned i = 0; i < 16; i++) {
        unsigned base = i & ~(c - 1), o = i & (c - 1);
        unsigned src = base + (c - es - (o & ~(es - 1))) + (o & (es - 1));
        out->imm |= (uint64_t)src << (4 * i);
    }
    return true;
}


/* Copy: imm5 = index:1:0..0, the lowest set bit giving the size. */
static bool dec_imm5(uint32_t raw, unsigned *size, unsigned *idx)
{
    unsigned imm5 = BITS(raw, 20, 16);
    if (!(imm5 & 0xf))
        return false;
    *size = (unsigned)__builtin_ctz(imm5);
    *idx = imm5 >> (*size + 1);
    return true;
}

bool simd_dec_copy(uint32_t raw, EmuInsn *out)
{
    unsigned q = f_q(raw), size, idx;
    if (!dec_imm5(raw, &size, &idx))
        return false;
    switch (BITS(raw, 14, 11)) {
    case 0x0: /* DUP (element) */
    case 0x1: /* DUP (general) */
        if (size == 3 && !q)
            return false;
        out->fn = BIT(raw, 11) ? op_dup_gen : op_dup_elem;
        break;
    case 0x5: /* SMOV: to W from B, H; to X from B, H, S */
        if (size >= 2 + q)
            return false;
        out->fn = op_smov;
        break;
    case 0x7: /* UMOV: to W from B, H, S; to X from D */
        if (q != (size == 3))
            return false;
        out->fn = op_umov;
        break;
    case 0x3: /* INS (general); the row fixes Q = 1 */
        out->fn = op_ins_gen;
        break;
    default:
        return false;
    }
    out->aux = simd_vec_aux(q, size) | idx << 8;
    return true;
}

bool simd_dec_ins_elem(uint32_t raw, EmuInsn *out)
{
    unsigned size, idx;
    if (!dec_imm5(raw, &size, &idx))
        return false;
    out->fn = op_ins_elem;
    out->aux = simd_vec_aux(1, size) | idx << 8 | (BITS(raw, 14, 11) >> size) << 16;
    return true;
}

bool simd_dec_dup_scalar(uint32_t raw, EmuInsn *out)
{
    unsigned size, idx;
    if (!dec_imm5(raw, &size, &idx))
        return false;
    out->fn = op_dup_scalar;
    out->aux = simd_scalar_aux(size) | idx << 8;
    return true;
}

/* Byte permutation tables: element i of the result is element j of Vn
 * (from_m = 0) or Vm, written as byte moves (see op_perm). */
static void perm_elem(EmuInsn *out, unsigned i, unsigned from_m, unsigned j, unsigned es)
{
    for (unsigned k = 0; k < es; k++) {
        out->imm |= (uint64_t)(j * es + k) << (4 * (i * es + k));
        out->aux |= from_m << (16 + i * es + k);
    }
}

/* UZP1 001, TRN1 010, ZIP1 011, UZP2 101, TRN2 110, ZIP2 111 (bits 14:12). */
bool simd_dec_perm(uint32_t raw, EmuInsn *out)
{
    static const EmuInsnFn *const ops[8] = {
        NULL, op_uzp1, op_trn1, op_zip1, NULL, op_uzp2, op_trn2, op_zip2,
    };
    unsigned q = f_q(raw), size = BITS(raw, 23, 22);
    const EmuInsnFn *fns = ops[BITS(raw, 14, 12)];
    if (!fns || (size == 3 && !q))
        return false;
    out->fn = fns[size];
    out->aux = simd_vec_aux(q, size);
    return true;
}

/* EXT: bytes pos.. of Vm:Vn (of the low halves for Q = 0). */
bool simd_dec_ext(uint32_t raw, EmuInsn *out)
{
    unsigned q = f_q(raw), pos = BITS(raw, 14, 11), nb = q ? 16 : 8;
    if (!q && pos >= 8)
        return false;
    out->fn = op_perm;
    out->aux = simd_vec_aux(q, 0);
    out->imm = 0;
    for (unsigned i = 0; i < nb; i++)
        perm_elem(out, i, i + pos >= nb, (i + pos) % nb, 1);
    return true;
}

bool simd_dec_tbl(uint32_t raw, EmuInsn *out)
{
    out->fn = op_tbl;
    out->aux = simd_vec_aux(f_q(raw), 0) | (BITS(raw, 14, 13) + 1) << 8;
    return true;
}

/* AdvSIMDExpandImm. */
static uint64_t expand_imm(unsigned op, unsigned cmode, uint64_t imm8)
{
    const uint64_t rep32 = 0x0000000100000001ull, rep16 = 0x0001000100010001ull;
    switch (cmode >> 1) {
    case 0: return imm8 * rep32;
    case 1: return (imm8 << 8) * rep32;
    case 2: return (imm8 << 16) * rep32;
    case 3: return (imm8 << 24) * rep32;
    case 4: return imm8 * rep16;
    case 5: return (imm8 << 8) * rep16;
    case 6: return (cmode & 1 ? imm8 << 16 | 0xffff : imm8 << 8 | 0xff) * rep32;
    }
    if (!(cmode & 1)) {
        if (!op)
            return imm8 * 0x0101010101010101ull;
        uint64_t r = 0;
        for (unsigned i = 0; i < 8; i++)
            if ((imm8 >> i) & 1)
                r |= 0xffull << (8 * i);
        return r;
    }
    if (!op)
        return ((imm8 & 0x80) << 24 | (imm8 & 0x40 ? 0x3e000000 : 0x40000000) |
                (imm8 & 0x3f) << 19) * rep32;
    return (imm8 & 0x80) << 56 | (imm8 & 0x40 ? 0x3fc0000000000000ull : 0x4000000000000000ull) |
           (imm8 & 0x3f) << 48;
}

/* Modified immediate: 0 Q op 0111100000 abc cmode o2=0 1 defgh Rd. */
bool simd_dec_modimm(uint32_t raw, EmuInsn *out)
{
    unsigned q = f_q(raw), op = BIT(raw, 29), cmode = BITS(raw, 15, 12);
    uint64_t imm = expand_imm(op, cmode, BITS(raw, 18, 16) << 5 | BITS(raw, 9, 5));
    if (cmode == 15 && op && !q)
        return false;
    if (cmode < 12 && (cmode & 1)) {
        out->fn = op ? op_and_imm : op_orr_imm;
        imm = op ? ~imm : imm;
    } else {
        out->fn = op_movi;
        imm = op && cmode < 14 ? ~imm : imm;
    }
    out->imm = imm;
    out->aux = simd_vec_aux(q, 3);
    return true;
}
