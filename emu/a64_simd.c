/* emu/a64_simd.c — Advanced SIMD data processing, ARMv8.0 (Arm ARM C4.1.6,
 * the op0 = x111 classes that are not scalar floating point): the integer
 * instructions and the encoding table of the whole group (the
 * floating-point lanes and the data movement instructions are in
 * a64_simd2.c, whose decoders the table names).
 *
 * How handlers are built. Each operation is written once, as an element
 * function or expression, and instantiated per element size by the macros
 * below, so that a handler runs one loop with constant lane types (the
 * simple ones over all 16 bytes, which the compiler vectorizes; the upper
 * half is dropped afterwards for 64-bit forms). Each table row's decode
 * function validates size and Q, picks the instance for the size into
 * out->fn and fills out->aux (see a64_simd.h); rows whose decoder picks the
 * handler carry op_placeholder. Crypto (AES, SHA, PMULL.1Q) is
 * a64_crypto.c's, searched first; RDM (v8.1), FP16, dot product, FHM, BF16
 * and i8mm encodings match no row and are UNDEFINED.
 */
#include "emu/a64_simd.h"

/* ---- Element arithmetic ------------------------------------------------- */

/* Element functions take lanes zero-extended to 64 bits and the element
 * width in bits, and return the result lane (truncated by the caller).
 * Saturating ones set *qc when they clamp. */
typedef uint64_t ElemFn(uint64_t a, uint64_t b, uint64_t d, unsigned bits, bool *qc);

typedef __int128 i128;
typedef unsigned __int128 u128;

static inline int64_t sx(uint64_t v, unsigned bits) { return sext(v, bits); }
static inline uint64_t zx(uint64_t v, unsigned bits)
{
    return bits >= 64 ? v : v & ((1ull << bits) - 1);
}

static inline uint64_t sat_s(i128 v, unsigned bits, bool *qc)
{
    i128 hi = ((i128)1 << (bits - 1)) - 1, lo = -hi - 1;
    if (v > hi) {
        *qc = true;
        return (uint64_t)hi;
    }
    if (v < lo) {
        *qc = true;
        return (uint64_t)lo;
    }
    return (uint64_t)v;
}

static inline uint64_t sat_u(i128 v, unsigned bits, bool *qc)
{
    i128 hi = ((i128)1 << bits) - 1;
    if (v < 0) {
        *qc = true;
        return 0;
    }
    if (v > hi) {
        *qc = true;
        return (uint64_t)hi;
    }
    return (uint64_t)v;
}

/* The register-controlled shifts (SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL,
 * SQRSHL, UQRSHL): the shift is the signed low byte of `b`, negative
 * shifting right. Computed exactly in 128 bits, then truncated or
 * saturated. */
static inline uint64_t shl_reg(uint64_t a, int sh, unsigned bits, bool sgn,
                               bool rnd, bool sat, bool *qc)
{
    i128 v = sgn ? (i128)sx(a, bits) : (i128)zx(a, bits);
    if (sh >= (int)bits) {
        /* everything shifted out: only the sign of what saturates matters */
        v = v > 0 ? (i128)1 << 100 : v < 0 ? -((i128)1 << 100) : 0;
    } else if (sh >= 0) {
        v = (i128)((u128)v << sh);
    } else {
        sh = -sh;
        if (sh > 66)
            sh = 66;
        if (rnd)
            v += (i128)1 << (sh - 1);
        v >>= sh;
    }
    if (!sat)
        return (uint64_t)v;
    return sgn ? sat_s(v, bits, qc) : sat_u(v, bits, qc);
}

#define E3(name) static inline uint64_t name(uint64_t a, uint64_t b, uint64_t d, unsigned bits, bool *qc)
E3(e_sqshl)   { return shl_reg(a, (int8_t)b, bits, true, false, true, qc); }
E3(e_uqshl)   { return shl_reg(a, (int8_t)b, bits, false, false, true, qc); }
E3(e_srshl)   { return shl_reg(a, (int8_t)b, bits, true, true, false, qc); }
E3(e_urshl)   { return shl_reg(a, (int8_t)b, bits, false, true, false, qc); }
E3(e_sqrshl)  { return shl_reg(a, (int8_t)b, bits, true, true, true, qc); }
E3(e_uqrshl)  { return shl_reg(a, (int8_t)b, bits, false, true, true, qc); }
E3(e_sqdmulh) { return sat_s(((i128)sx(a, bits) * sx(b, bits) * 2) >> bits, bits, qc); }
E3(e_sqrdmulh)
{
    i128 p = (i128)sx(a, bits) * sx(b, bits) * 2 + ((i128)1 << (bits - 1));
    return sat_s(p >> bits, bits, qc);
}

/* Carry-less multiply of two `bits`-wide polynomials. */
static inline uint64_t clmul(uint64_t a, uint64_t b, unsigned bits)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < bits; i++)
        if ((b >> i) & 1)
            r ^= a << i;
    return r;
}
E3(e_pmul)    { return clmul(a, b, bits); }

/* Unary element functions (two-register misc); `d` is the destination
 * lane for the accumulating ones. */
E3(e_suqadd)  { return sat_s((i128)sx(d, bits) + (i128)zx(a, bits), bits, qc); }
E3(e_usqadd)  { return sat_u((i128)zx(d, bits) + sx(a, bits), bits, qc); }
E3(e_sqabs)   { i128 v = sx(a, bits); return sat_s(v < 0 ? -v : v, bits, qc); }
E3(e_sqneg)   { return sat_s(-(i128)sx(a, bits), bits, qc); }
static inline unsigned clz_bits(uint64_t v, unsigned bits)
{
    v = zx(v, bits);
    return v ? (unsigned)__builtin_clzll(v) - (64 - bits) : bits;
}
E3(e_clz)     { return clz_bits(a, bits); }
E3(e_cls)
{
    int64_t v = sx(a, bits);
    return clz_bits((uint64_t)(v ^ (v >> 63)), bits) - 1;
}
static inline uint8_t rbit8(uint8_t x)
{
    x = (uint8_t)((x & 0xf0) >> 4 | (x & 0x0f) << 4);
    x = (uint8_t)((x & 0xcc) >> 2 | (x & 0x33) << 2);
    return (uint8_t)((x & 0xaa) >> 1 | (x & 0x55) << 1);
}

/* ---- Handler instantiation ---------------------------------------------- */

#define FP_CHECK()                                                             \
    do {                                                                       \
        if (!emu_fp_enabled(cpu))                                              \
            return EMU_EXCEPTION;                                              \
    } while (0)

/* Instantiate M(name, size, ...) for a set of sizes, and the by-size array
 * `name` the decoders index (NULL: reserved size). */
#define SIZES_BHSD(M, name, ...)                                               \
    M(name, 0, __VA_ARGS__) M(name, 1, __VA_ARGS__)                            \
    M(name, 2, __VA_ARGS__) M(name, 3, __VA_ARGS__)                            \
    static const EmuInsnFn name[4] = { name##_0, name##_1, name##_2, name##_3 };
#define SIZES_BHS(M, name, ...)                                                \
    M(name, 0, __VA_ARGS__) M(name, 1, __VA_ARGS__) M(name, 2, __VA_ARGS__)    \
    static const EmuInsnFn name[4] = { name##_0, name##_1, name##_2, NULL };
#define SIZES_HS(M, name, ...)                                                 \
    M(name, 1, __VA_ARGS__) M(name, 2, __VA_ARGS__)                            \
    static const EmuInsnFn name[4] = { NULL, name##_1, name##_2, NULL };
#define SIZES_B(M, name, ...)                                                  \
    M(name, 0, __VA_ARGS__)                                                    \
    static const EmuInsnFn name[4] = { name##_0, NULL, NULL, NULL };
#define SIZES_D(M, name, ...)                                                  \
    M(name, 3, __VA_ARGS__)                                                    \
    static const EmuInsnFn name[4] = { NULL, NULL, NULL, name##_3 };

ALWAYS_INLINE EmuVReg splat(uint64_t x, unsigned size)
{
    EmuVReg t;
    for (unsigned i = 0; i < 16u >> size; i++)
        simd_set_lane(&t, i, size, x);
    return t;
}

/* The by-element operand: element AUX_EXTRA2 of register AUX_EXTRA,
 * broadcast to every lane. */
ALWAYS_INLINE EmuVReg bcast_elem(const EmuCpu *cpu, const EmuInsn *in, unsigned size)
{
    return splat(simd_lane(&cpu->v[AUX_EXTRA(in->aux)], AUX_EXTRA2(in->aux), size), size);
}

static inline EmuStep put_qc(EmuCpu *cpu, const EmuInsn *in, const EmuVReg *r, bool qc)
{
    if (qc)
        cpu->fpsr |= FPSR_QC;
    cpu->v[RD(in->raw)] = *r;
    EMU_CONTINUE(cpu, in);
}

/* Same-size lanes, the active ones only: r[i] = f(n[i], m[i], d[i]). */
ALWAYS_INLINE EmuStep same3(EmuCpu *cpu, const EmuInsn *in, const EmuVReg *vm,
                            unsigned size, ElemFn *f)
{
    const EmuVReg *vn = &cpu->v[RN(in->raw)], *vd = &cpu->v[RD(in->raw)];
    EmuVReg r = { 0 };
    bool qc = false;
    for (unsigned i = 0; i < AUX_LANES(in->aux); i++)
        simd_set_lane(&r, i, size, f(simd_lane(vn, i, size), simd_lane(vm, i, size),
                                     simd_lane(vd, i, size), 8u << size, &qc));
    return put_qc(cpu, in, &r, qc);
}

#define H_SAME3(name, sz, f)                                                   \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        return same3(cpu, in, &cpu->v[RM(in->raw)], sz, f);                    \
    }
#define H_SAME3_ELEM(name, sz, f)                                              \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        EmuVReg t = bcast_elem(cpu, in, sz);                                   \
        return same3(cpu, in, &t, sz, f);                                      \
    }
/* Unary and shift-by-immediate forms: b is n itself, or the shift. */
#define H_UNARY(name, sz, f)                                                   \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        return same3(cpu, in, &cpu->v[RN(in->raw)], sz, f);                    \
    }
#define H_SHIFT(name, sz, f)                                                   \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        EmuVReg t = splat(AUX_EXTRA(in->aux), sz);                             \
        return same3(cpu, in, &t, sz, f);                                      \
    }

/* All 16 bytes at once, for side-effect-free operations: `expr` over lanes
 * a = n[i], b = m[i], d = d[i] of type UT (ST signed, UP for products). */
#define H_FAST3(name, sz, expr)                                                \
    ALWAYS_INLINE void name##_##sz##_body(EmuVReg *r, const EmuVReg *vn,      \
                                         const EmuVReg *vm, const EmuVReg *vd) \
    {                                                                          \
        LANE_TYPES(sz);                                                        \
        for (unsigned i = 0; i < 16 / sizeof(UT); i++) {                       \
            UT a = vn->LF_##sz[i], b = vm->LF_##sz[i], d = vd->LF_##sz[i];     \
            (void)d;                                                           \
            r->LF_##sz[i] = (UT)(expr);                                        \
        }                                                                      \
    }                                                                          \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        EmuVReg r;                                                             \
        name##_##sz##_body(&r, &cpu->v[RN(in->raw)], &cpu->v[RM(in->raw)],     \
                           &cpu->v[RD(in->raw)]);                              \
        return simd_put(cpu, in, &r);                                          \
    }
#define H_FAST3_ELEM(name, sz, base)                                           \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        EmuVReg r, t = bcast_elem(cpu, in, sz);                                \
        base##_##sz##_body(&r, &cpu->v[RN(in->raw)], &t, &cpu->v[RD(in->raw)]); \
        return simd_put(cpu, in, &r);                                          \
    }
/* Unary: a = n[i]; d = d[i]; sh = the immediate shift (AUX_EXTRA). */
#define H_FAST1(name, sz, expr)                                                \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        LANE_TYPES(sz);                                                        \
        const EmuVReg *vn = &cpu->v[RN(in->raw)], *vd = &cpu->v[RD(in->raw)];  \
        unsigned sh = AUX_EXTRA(in->aux);                                      \
        (void)sh;                                                              \
        EmuVReg r;                                                             \
        for (unsigned i = 0; i < 16 / sizeof(UT); i++) {                       \
            UT a = vn->LF_##sz[i], d = vd->LF_##sz[i];                         \
            (void)d;                                                           \
            r.LF_##sz[i] = (UT)(expr);                                         \
        }                                                                      \
        return simd_put(cpu, in, &r);                                          \
    }

/* Pairwise: r[i] = expr(a = c[2i], b = c[2i + 1]) over simd_pair_concat. */
#define H_FASTP(name, sz, expr)                                                \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        LANE_TYPES(sz);                                                        \
        SimdPair c;                                                            \
        simd_pair_concat(&c, &cpu->v[RN(in->raw)], &cpu->v[RM(in->raw)],       \
                         in->aux & AUX_Q);                                     \
        EmuVReg r;                                                             \
        for (unsigned i = 0; i < 16 / sizeof(UT); i++) {                       \
            UT a = c.LF_##sz[2 * i], b = c.LF_##sz[2 * i + 1];                 \
            r.LF_##sz[i] = (UT)(expr);                                         \
        }                                                                      \
        return simd_put(cpu, in, &r);                                          \
    }

/* Widening: wide r[i] = f(n[off + i], m[off + i], wide d[i]) over the
 * narrow lanes of the lower (off = 0) or upper ("2", Q) half; with wide_n,
 * n is read as wide lanes (the W forms). Scalar forms have one lane. */
ALWAYS_INLINE EmuStep long3(EmuCpu *cpu, const EmuInsn *in, const EmuVReg *vm,
                            unsigned size, bool wide_n, ElemFn *f)
{
    const EmuVReg *vn = &cpu->v[RN(in->raw)], *vd = &cpu->v[RD(in->raw)];
    unsigned lanes = AUX_LANES(in->aux), off = in->aux & AUX_Q ? lanes : 0;
    EmuVReg r = { 0 };
    bool qc = false;
    for (unsigned i = 0; i < lanes; i++) {
        uint64_t a = wide_n ? simd_lane(vn, i, size + 1) : simd_lane(vn, off + i, size);
        simd_set_lane(&r, i, size + 1, f(a, simd_lane(vm, off + i, size),
                                         simd_lane(vd, i, size + 1), 8u << size, &qc));
    }
    return put_qc(cpu, in, &r, qc);
}

#define H_LONG3(name, sz, f, wide_n)                                           \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        return long3(cpu, in, &cpu->v[RM(in->raw)], sz, wide_n, f);            \
    }
#define H_LONG3_ELEM(name, sz, f)                                              \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        EmuVReg t = bcast_elem(cpu, in, sz);                                   \
        return long3(cpu, in, &t, sz, false, f);                               \
    }
/* Narrowing: narrow r[off + i] = f(wide n[i], wide m[i], AUX_EXTRA) into
 * the lower half (the upper one zeroed) or, for the "2" forms (Q), into the
 * upper half keeping the lower half of d. Scalar forms have one lane. */
ALWAYS_INLINE EmuStep narrow(EmuCpu *cpu, const EmuInsn *in, const EmuVReg *vm,
                             unsigned size, ElemFn *f)
{
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    unsigned lanes = AUX_LANES(in->aux), off = 0;
    EmuVReg r = { 0 };
    bool qc = false;
    if (in->aux & AUX_Q) {
        off = lanes;
        r.d[0] = cpu->v[RD(in->raw)].d[0];
    }
    for (unsigned i = 0; i < lanes; i++)
        simd_set_lane(&r, off + i, size, f(simd_lane(vn, i, size + 1), simd_lane(vm, i, size + 1),
                                           AUX_EXTRA(in->aux), 8u << size, &qc));
    return put_qc(cpu, in, &r, qc);
}

#define H_NARROW3(name, sz, f)                                                 \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        return narrow(cpu, in, &cpu->v[RM(in->raw)], sz, f);                   \
    }
#define H_NARROW1(name, sz, f)                                                 \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        return narrow(cpu, in, &cpu->v[RN(in->raw)], sz, f);                   \
    }

/* ---- Three same ---------------------------------------------------------- */

/* Saturating add and subtract in lane width over the active lanes: `expr`
 * gives the wrapped result r from a and b, `sat` tells whether it
 * overflowed, `clamp` is the saturated value then. */
#define H_FASTQ(name, sz, expr, sat, clamp)                                    \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        LANE_TYPES(sz);                                                        \
        const EmuVReg *vn = &cpu->v[RN(in->raw)], *vm = &cpu->v[RM(in->raw)];  \
        const UT smax = (UT)((UT)~(UT)0 >> 1);                                 \
        (void)smax;                                                            \
        EmuVReg r = { 0 };                                                     \
        bool qc = false;                                                       \
        for (unsigned i = 0; i < AUX_LANES(in->aux); i++) {                    \
            UT a = vn->LF_##sz[i], b = vm->LF_##sz[i], x = (UT)(expr);         \
            bool s = (sat);                                                    \
            qc |= s;                                                           \
            r.LF_##sz[i] = s ? (UT)(clamp) : x;                                \
        }                                                                      \
        return put_qc(cpu, in, &r, qc);                                        \
    }
#define SIGN_OF(v) ((UT)(v) >> (8 * sizeof(UT) - 1))

/* The halving adds and subtracts in lane width: the halves of a and b
 * plus the carry (or minus the borrow) out of their low bits. SSHL and
 * USHL: the signed low byte of b shifts left, or right when negative;
 * shifting out the whole lane gives 0, or the sign (`far_right`). */
#define BITS_OF(T) ((int)(8 * sizeof(T)))
#define FAST_SHL(b, far_right, near_right)                                     \
    ((int8_t)(b) >= 0 ? ((int8_t)(b) >= BITS_OF(UT) ? (UP)0 : (UP)a << (int8_t)(b)) \
                      : (-(int8_t)(b) >= BITS_OF(UT) ? (UP)(far_right) : (UP)(near_right)))

SIZES_BHS(H_FAST3, op_shadd, ((ST)a >> 1) + ((ST)b >> 1) + (a & b & 1))
SIZES_BHS(H_FAST3, op_uhadd, (a >> 1) + (b >> 1) + (a & b & 1))
SIZES_BHSD(H_FASTQ, op_sqadd, (UP)a + b, SIGN_OF((x ^ a) & (x ^ b)), SIGN_OF(a) ? smax + 1u : smax)
SIZES_BHSD(H_FASTQ, op_uqadd, (UP)a + b, x < a, ~(UT)0)
SIZES_BHS(H_FAST3, op_srhadd, ((ST)a >> 1) + ((ST)b >> 1) + ((a | b) & 1))
SIZES_BHS(H_FAST3, op_urhadd, (a >> 1) + (b >> 1) + ((a | b) & 1))
SIZES_BHS(H_FAST3, op_shsub, ((ST)a >> 1) - ((ST)b >> 1) - (~a & b & 1))
SIZES_BHS(H_FAST3, op_uhsub, (a >> 1) - (b >> 1) - (~a & b & 1))
SIZES_BHSD(H_FASTQ, op_sqsub, (UP)a - b, SIGN_OF((a ^ b) & (a ^ x)), SIGN_OF(a) ? smax + 1u : smax)
SIZES_BHSD(H_FASTQ, op_uqsub, (UP)a - b, a < b, 0)
SIZES_BHSD(H_FAST3, op_cmgt, -(UT)((ST)a > (ST)b))
SIZES_BHSD(H_FAST3, op_cmhi, -(UT)(a > b))
SIZES_BHSD(H_FAST3, op_cmge, -(UT)((ST)a >= (ST)b))
SIZES_BHSD(H_FAST3, op_cmhs, -(UT)(a >= b))
SIZES_BHSD(H_FAST3, op_sshl, FAST_SHL(b, (UT)((ST)a >> (BITS_OF(UT) - 1)), (UT)((ST)a >> -(int8_t)b)))
SIZES_BHSD(H_FAST3, op_ushl, FAST_SHL(b, 0, a >> -(int8_t)b))
SIZES_BHSD(H_SAME3, op_sqshl, e_sqshl)
SIZES_BHSD(H_SAME3, op_uqshl, e_uqshl)
SIZES_BHSD(H_SAME3, op_srshl, e_srshl)
SIZES_BHSD(H_SAME3, op_urshl, e_urshl)
SIZES_BHSD(H_SAME3, op_sqrshl, e_sqrshl)
SIZES_BHSD(H_SAME3, op_uqrshl, e_uqrshl)
SIZES_BHS(H_FAST3, op_smax, (ST)a > (ST)b ? a : b)
SIZES_BHS(H_FAST3, op_umax, a > b ? a : b)
SIZES_BHS(H_FAST3, op_smin, (ST)a < (ST)b ? a : b)
SIZES_BHS(H_FAST3, op_umin, a < b ? a : b)
SIZES_BHS(H_FAST3, op_sabd, (ST)a > (ST)b ? (UP)a - b : (UP)b - a)
SIZES_BHS(H_FAST3, op_uabd, a > b ? (UP)a - b : (UP)b - a)
SIZES_BHS(H_FAST3, op_saba, d + ((ST)a > (ST)b ? (UP)a - b : (UP)b - a))
SIZES_BHS(H_FAST3, op_uaba, d + (a > b ? (UP)a - b : (UP)b - a))
SIZES_BHSD(H_FAST3, op_add, (UP)a + b)
SIZES_BHSD(H_FAST3, op_sub, (UP)a - b)
SIZES_BHSD(H_FAST3, op_cmtst, -(UT)((a & b) != 0))
SIZES_BHSD(H_FAST3, op_cmeq, -(UT)(a == b))
SIZES_BHS(H_FAST3, op_mla, d + (UP)a * b)
SIZES_BHS(H_FAST3, op_mls, d - (UP)a * b)
SIZES_BHS(H_FAST3, op_mul, (UP)a * b)
SIZES_B(H_SAME3, op_pmul, e_pmul)
SIZES_BHS(H_FASTP, op_smaxp, (ST)a > (ST)b ? a : b)
SIZES_BHS(H_FASTP, op_umaxp, a > b ? a : b)
SIZES_BHS(H_FASTP, op_sminp, (ST)a < (ST)b ? a : b)
SIZES_BHS(H_FASTP, op_uminp, a < b ? a : b)
SIZES_HS(H_SAME3, op_sqdmulh, e_sqdmulh)
SIZES_HS(H_SAME3, op_sqrdmulh, e_sqrdmulh)
SIZES_BHSD(H_FASTP, op_addp, (UP)a + b)

/* The bitwise ones work on 64-bit lanes whatever the size field says. */
H_FAST3(op_and, 3, a & b)
H_FAST3(op_bic, 3, a & ~b)
H_FAST3(op_orr, 3, a | b)
H_FAST3(op_orn, 3, a | ~b)
H_FAST3(op_eor, 3, a ^ b)
H_FAST3(op_bsl, 3, (a & d) | (b & ~d))
H_FAST3(op_bit, 3, (d & ~b) | (a & b))
H_FAST3(op_bif, 3, (d & b) | (a & ~b))

/* ---- Three different ----------------------------------------------------- */

/* a, b narrow (a wide for the W forms), d wide, bits the narrow width. */
E3(e_saddl)   { return (uint64_t)(sx(a, bits) + sx(b, bits)); }
E3(e_uaddl)   { return a + b; }
E3(e_ssubl)   { return (uint64_t)(sx(a, bits) - sx(b, bits)); }
E3(e_usubl)   { return a - b; }
E3(e_saddw)   { return a + (uint64_t)sx(b, bits); }
E3(e_ssubw)   { return a - (uint64_t)sx(b, bits); }
E3(e_sabdl)   { int64_t x = sx(a, bits) - sx(b, bits); return (uint64_t)(x < 0 ? -x : x); }
E3(e_uabdl)   { return a > b ? a - b : b - a; }
E3(e_sabal)   { return d + e_sabdl(a, b, d, bits, qc); }
E3(e_uabal)   { return d + e_uabdl(a, b, d, bits, qc); }
E3(e_smull)   { return (uint64_t)(sx(a, bits) * sx(b, bits)); }
E3(e_umull)   { return a * b; }
E3(e_smlal)   { return d + e_smull(a, b, d, bits, qc); }
E3(e_umlal)   { return d + a * b; }
E3(e_smlsl)   { return d - e_smull(a, b, d, bits, qc); }
E3(e_umlsl)   { return d - a * b; }
E3(e_sqdmull) { return sat_s((i128)sx(a, bits) * sx(b, bits) * 2, 2 * bits, qc); }
E3(e_sqdmlal)
{
    i128 p = sx(e_sqdmull(a, b, d, bits, qc), 2 * bits);
    return sat_s(sx(d, 2 * bits) + p, 2 * bits, qc);
}
E3(e_sqdmlsl)
{
    i128 p = sx(e_sqdmull(a, b, d, bits, qc), 2 * bits);
    return sat_s(sx(d, 2 * bits) - p, 2 * bits, qc);
}
/* Narrowing high halves: a, b wide. */
E3(e_addhn)   { return (a + b) >> bits; }
E3(e_raddhn)  { return (a + b + (1ull << (bits - 1))) >> bits; }
E3(e_subhn)   { return (a - b) >> bits; }
E3(e_rsubhn)  { return (a - b + (1ull << (bits - 1))) >> bits; }

SIZES_BHS(H_LONG3, op_saddl, e_saddl, false)
SIZES_BHS(H_LONG3, op_uaddl, e_uaddl, false)
SIZES_BHS(H_LONG3, op_saddw, e_saddw, true)
SIZES_BHS(H_LONG3, op_uaddw, e_uaddl, true)
SIZES_BHS(H_LONG3, op_ssubl, e_ssubl, false)
SIZES_BHS(H_LONG3, op_usubl, e_usubl, false)
SIZES_BHS(H_LONG3, op_ssubw, e_ssubw, true)
SIZES_BHS(H_LONG3, op_usubw, e_usubl, true)
SIZES_BHS(H_NARROW3, op_addhn, e_addhn)
SIZES_BHS(H_NARROW3, op_raddhn, e_raddhn)
SIZES_BHS(H_LONG3, op_sabal, e_sabal, false)
SIZES_BHS(H_LONG3, op_uabal, e_uabal, false)
SIZES_BHS(H_NARROW3, op_subhn, e_subhn)
SIZES_BHS(H_NARROW3, op_rsubhn, e_rsubhn)
SIZES_BHS(H_LONG3, op_sabdl, e_sabdl, false)
SIZES_BHS(H_LONG3, op_uabdl, e_uabdl, false)
SIZES_BHS(H_LONG3, op_smlal, e_smlal, false)
SIZES_BHS(H_LONG3, op_umlal, e_umlal, false)
SIZES_HS(H_LONG3, op_sqdmlal, e_sqdmlal, false)
SIZES_BHS(H_LONG3, op_smlsl, e_smlsl, false)
SIZES_BHS(H_LONG3, op_umlsl, e_umlsl, false)
SIZES_HS(H_LONG3, op_sqdmlsl, e_sqdmlsl, false)
SIZES_BHS(H_LONG3, op_smull, e_smull, false)
SIZES_BHS(H_LONG3, op_umull, e_umull, false)
SIZES_HS(H_LONG3, op_sqdmull, e_sqdmull, false)
SIZES_B(H_LONG3, op_pmull, e_pmul, false)

/* ---- Two-register miscellaneous -------------------------------------------- */

/* Pairwise long: wide r[i] = n[2i] + n[2i + 1] (+ d[i]); lanes counts the
 * wide lanes. */
ALWAYS_INLINE EmuStep pairl(EmuCpu *cpu, const EmuInsn *in, unsigned size, bool sgn, bool acc)
{
    const EmuVReg *vn = &cpu->v[RN(in->raw)], *vd = &cpu->v[RD(in->raw)];
    unsigned bits = 8u << size;
    EmuVReg r = { 0 };
    for (unsigned i = 0; i < AUX_LANES(in->aux); i++) {
        uint64_t x0 = simd_lane(vn, 2 * i, size), x1 = simd_lane(vn, 2 * i + 1, size);
        uint64_t x = sgn ? (uint64_t)(sx(x0, bits) + sx(x1, bits)) : x0 + x1;
        if (acc)
            x += simd_lane(vd, i, size + 1);
        simd_set_lane(&r, i, size + 1, x);
    }
    cpu->v[RD(in->raw)] = r;
    EMU_CONTINUE(cpu, in);
}

#define H_PAIRL(name, sz, sgn, acc)                                            \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        return pairl(cpu, in, sz, sgn, acc);                                   \
    }

/* Narrowing with saturation; `d` carries the right shift (0 for XTN). */
static inline uint64_t nshift(uint64_t a, unsigned sh, unsigned bits, bool sgn, bool rnd,
                              int mode, bool *qc)
{
    i128 v = sgn ? (i128)sx(a, 2 * bits) : (i128)zx(a, 2 * bits);
    if (rnd)
        v += ((i128)1 << sh) >> 1;
    v >>= sh;
    if (mode == 0)
        return (uint64_t)v;
    return mode == 1 ? sat_s(v, bits, qc) : sat_u(v, bits, qc);
}
E3(e_sqxtn)   { return nshift(a, 0, bits, true, false, 1, qc); }
E3(e_uqxtn)   { return nshift(a, 0, bits, false, false, 2, qc); }
E3(e_sqxtun)  { return nshift(a, 0, bits, true, false, 2, qc); }

/* Fast forms of the common narrowing (XTN, SHRN) and widening (SXTL,
 * UXTL and their shifts, SHLL) instructions: a = the source lane (wide for
 * narrowing), sh = AUX_EXTRA. Q selects the upper half as in narrow() and
 * long3(). */
#define H_FASTN(name, sz, expr)                                                \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        typedef UT_##sz UT;                                                    \
        typedef WT_##sz WT;                                                    \
        const EmuVReg *vn = &cpu->v[RN(in->raw)];                              \
        unsigned sh = AUX_EXTRA(in->aux);                                      \
        (void)sh;                                                              \
        union { UT e[8 / sizeof(UT)]; uint64_t d; } t;                         \
        for (unsigned i = 0; i < 8 / sizeof(UT); i++) {                        \
            WT a = vn->WF_##sz[i];                                             \
            t.e[i] = (UT)(expr);                                               \
        }                                                                      \
        EmuVReg *vd = &cpu->v[RD(in->raw)];                                    \
        if (in->aux & AUX_Q) {                                                 \
            vd->d[1] = t.d;                                                    \
        } else {                                                               \
            vd->d[0] = t.d;                                                    \
            vd->d[1] = 0;                                                      \
        }                                                                      \
        EMU_CONTINUE(cpu, in);                                                       \
    }
#define H_FASTL(name, sz, expr)                                                \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        LANE_TYPES(sz);                                                        \
        typedef WT_##sz WT;                                                    \
        unsigned sh = AUX_EXTRA(in->aux);                                      \
        union { UT e[8 / sizeof(UT)]; uint64_t d; } t;                         \
        t.d = cpu->v[RN(in->raw)].d[in->aux & AUX_Q ? 1 : 0];                  \
        EmuVReg r;                                                             \
        for (unsigned i = 0; i < 8 / sizeof(UT); i++) {                        \
            UT a = t.e[i];                                                     \
            r.WF_##sz[i] = (WT)(expr);                                         \
        }                                                                      \
        cpu->v[RD(in->raw)] = r;                                               \
        EMU_CONTINUE(cpu, in);                                                       \
    }

SIZES_BHS(H_PAIRL, op_saddlp, true, false)
SIZES_BHS(H_PAIRL, op_uaddlp, false, false)
SIZES_BHS(H_PAIRL, op_sadalp, true, true)
SIZES_BHS(H_PAIRL, op_uadalp, false, true)
SIZES_BHSD(H_UNARY, op_suqadd, e_suqadd)
SIZES_BHSD(H_UNARY, op_usqadd, e_usqadd)
SIZES_BHS(H_UNARY, op_cls, e_cls)
SIZES_BHS(H_UNARY, op_clz, e_clz)
SIZES_B(H_FAST1, op_cnt, __builtin_popcount(a))
SIZES_BHSD(H_UNARY, op_sqabs, e_sqabs)
SIZES_BHSD(H_UNARY, op_sqneg, e_sqneg)
SIZES_BHSD(H_FAST1, op_cmgt0, -(UT)((ST)a > 0))
SIZES_BHSD(H_FAST1, op_cmeq0, -(UT)(a == 0))
SIZES_BHSD(H_FAST1, op_cmlt0, -(UT)((ST)a < 0))
SIZES_BHSD(H_FAST1, op_cmge0, -(UT)((ST)a >= 0))
SIZES_BHSD(H_FAST1, op_cmle0, -(UT)((ST)a <= 0))
SIZES_BHSD(H_FAST1, op_abs, (ST)a < 0 ? (UP)0 - a : a)
SIZES_BHSD(H_FAST1, op_neg, (UP)0 - a)
SIZES_BHS(H_FASTN, op_xtn, a)
SIZES_BHS(H_NARROW1, op_sqxtn, e_sqxtn)
SIZES_BHS(H_NARROW1, op_uqxtn, e_uqxtn)
SIZES_BHS(H_NARROW1, op_sqxtun, e_sqxtun)
SIZES_BHS(H_FASTL, op_shll, (WT)a << sh)
H_FAST1(op_not, 3, ~a)
H_FAST1(op_rbit, 0, rbit8(a))
/* Size 00 is NOT, 01 RBIT. */
static const EmuInsnFn op_not_rbit[4] = { op_not_3, op_rbit_0, NULL, NULL };

/* ---- Across lanes ---------------------------------------------------------- */

/* x = reduce(expr(x, e) over the lanes converted by `conv` to T), as a
 * tree of halvings; the result is lane 0 of size sz + wide. For 64-bit forms
 * the upper half is filled with `fill` (0 for sums, the low half again for
 * min and max, which ignore duplicates), so the loop runs over constant
 * lanes and vectorizes. */
#define ACROSS_HALVE(w, T, expr)                                               \
    if ((w) < 16 / sizeof(UT))                                                 \
        for (unsigned i = 0; i < (w); i++) {                                   \
            T x = v[i], e = v[i + (w)];                                        \
            v[i] = (expr);                                                     \
        }
#define H_ACROSS(name, sz, T, conv, expr, wide, dup)                           \
    static EmuStep name##_##sz(EmuCpu *cpu, const EmuInsn *in)                 \
    {                                                                          \
        FP_CHECK();                                                            \
        LANE_TYPES(sz);                                                        \
        EmuVReg t = cpu->v[RN(in->raw)];                                       \
        if (!(in->aux & AUX_Q))                                                \
            t.d[1] = dup ? t.d[0] : 0;                                         \
        T v[16 / sizeof(UT)];                                                  \
        for (unsigned i = 0; i < 16 / sizeof(UT); i++)                         \
            v[i] = (T)(conv)t.LF_##sz[i];                                      \
        ACROSS_HALVE(8, T, expr) ACROSS_HALVE(4, T, expr)                      \
        ACROSS_HALVE(2, T, expr) ACROSS_HALVE(1, T, expr)                      \
        T x = v[0];                                                            \
        EmuVReg r = { 0 };                                                     \
        simd_set_lane(&r, 0, sz + wide, (uint64_t)x);                          \
        cpu->v[RD(in->raw)] = r;                                               \
        EMU_CONTINUE(cpu, in);                                                       \
    }

SIZES_BHS(H_ACROSS, op_saddlv, int64_t, ST, x + e, 1, false)
SIZES_BHS(H_ACROSS, op_uaddlv, uint64_t, UT, x + e, 1, false)
SIZES_BHS(H_ACROSS, op_smaxv, ST, ST, e > x ? e : x, 0, true)
SIZES_BHS(H_ACROSS, op_umaxv, UT, UT, e > x ? e : x, 0, true)
SIZES_BHS(H_ACROSS, op_sminv, ST, ST, e < x ? e : x, 0, true)
SIZES_BHS(H_ACROSS, op_uminv, UT, UT, e < x ? e : x, 0, true)
SIZES_BHS(H_ACROSS, op_addv, UT, UT, x + e, 0, false)

/* ---- Shift by immediate ------------------------------------------------------ */

/* b is the shift amount, d the destination lane. */
E3(e_srshr)   { return shl_reg(a, -(int)b, bits, true, true, false, qc); }
E3(e_urshr)   { return shl_reg(a, -(int)b, bits, false, true, false, qc); }
E3(e_srsra)   { return d + e_srshr(a, b, d, bits, qc); }
E3(e_ursra)   { return d + e_urshr(a, b, d, bits, qc); }
E3(e_sri)
{
    uint64_t mask = zx(~0ull, bits) >> (b - 1) >> 1;
    return (d & ~mask) | (zx(a, bits) >> (b - 1) >> 1);
}
E3(e_sli)     { uint64_t mask = ~0ull << b; return (d & ~mask) | (a << b); }
E3(e_sqshli)  { return shl_reg(a, (int)b, bits, true, false, true, qc); }
E3(e_uqshli)  { return shl_reg(a, (int)b, bits, false, false, true, qc); }
E3(e_sqshlu)  { return sat_u((i128)sx(a, bits) * ((i128)1 << b), bits, qc); }
/* Narrowing: a wide, d the shift. */
E3(e_rshrn)   { return nshift(a, (unsigned)d, bits, false, true, 0, qc); }
E3(e_sqshrn)  { return nshift(a, (unsigned)d, bits, true, false, 1, qc); }
E3(e_sqrshrn) { return nshift(a, (unsigned)d, bits, true, true, 1, qc); }
E3(e_uqshrn)  { return nshift(a, (unsigned)d, bits, false, false, 2, qc); }
E3(e_uqrshrn) { return nshift(a, (unsigned)d, bits, false, true, 2, qc); }
E3(e_sqshrun) { return nshift(a, (unsigned)d, bits, true, false, 2, qc); }
E3(e_sqrshrun){ return nshift(a, (unsigned)d, bits, true, true, 2, qc); }

/* SSHR and SSRA get shifts clamped to esize - 1 by the decoder; USHR and
 * USRA shift in two steps so that a shift by esize gives 0. */
SIZES_BHSD(H_FAST1, op_sshr, (ST)a >> sh)
SIZES_BHSD(H_FAST1, op_ushr, a >> (sh - 1) >> 1)
SIZES_BHSD(H_FAST1, op_ssra, d + (UP)((ST)a >> sh))
SIZES_BHSD(H_FAST1, op_usra, d + (UP)(a >> (sh - 1) >> 1))
SIZES_BHSD(H_SHIFT, op_srshr, e_srshr)
SIZES_BHSD(H_SHIFT, op_urshr, e_urshr)
SIZES_BHSD(H_SHIFT, op_srsra, e_srsra)
SIZES_BHSD(H_SHIFT, op_ursra, e_ursra)
SIZES_BHSD(H_SHIFT, op_sri, e_sri)
SIZES_BHSD(H_FAST1, op_shl, (UP)a << sh)
SIZES_BHSD(H_SHIFT, op_sli, e_sli)
SIZES_BHSD(H_SHIFT, op_sqshli, e_sqshli)
SIZES_BHSD(H_SHIFT, op_uqshli, e_uqshli)
SIZES_BHSD(H_SHIFT, op_sqshlu, e_sqshlu)
SIZES_BHS(H_FASTN, op_shrn, a >> sh)
SIZES_BHS(H_NARROW1, op_rshrn, e_rshrn)
SIZES_BHS(H_NARROW1, op_sqshrn, e_sqshrn)
SIZES_BHS(H_NARROW1, op_sqrshrn, e_sqrshrn)
SIZES_BHS(H_NARROW1, op_uqshrn, e_uqshrn)
SIZES_BHS(H_NARROW1, op_uqrshrn, e_uqrshrn)
SIZES_BHS(H_NARROW1, op_sqshrun, e_sqshrun)
SIZES_BHS(H_NARROW1, op_sqrshrun, e_sqrshrun)
SIZES_BHS(H_FASTL, op_sshll, (WT)(ST)a << sh)
SIZES_BHS(H_FASTL, op_ushll, (WT)a << sh)

/* ---- Vector x indexed element ------------------------------------------------ */

SIZES_HS(H_FAST3_ELEM, op_mul_elem, op_mul)
SIZES_HS(H_FAST3_ELEM, op_mla_elem, op_mla)
SIZES_HS(H_FAST3_ELEM, op_mls_elem, op_mls)
SIZES_HS(H_SAME3_ELEM, op_sqdmulh_elem, e_sqdmulh)
SIZES_HS(H_SAME3_ELEM, op_sqrdmulh_elem, e_sqrdmulh)
SIZES_HS(H_LONG3_ELEM, op_smull_elem, e_smull)
SIZES_HS(H_LONG3_ELEM, op_umull_elem, e_umull)
SIZES_HS(H_LONG3_ELEM, op_smlal_elem, e_smlal)
SIZES_HS(H_LONG3_ELEM, op_umlal_elem, e_umlal)
SIZES_HS(H_LONG3_ELEM, op_smlsl_elem, e_smlsl)
SIZES_HS(H_LONG3_ELEM, op_umlsl_elem, e_umlsl)
SIZES_HS(H_LONG3_ELEM, op_sqdmull_elem, e_sqdmull)
SIZES_HS(H_LONG3_ELEM, op_sqdmlal_elem, e_sqdmlal)
SIZES_HS(H_LONG3_ELEM, op_sqdmlsl_elem, e_sqdmlsl)

/* ADDP (scalar): Dd = Vn.d[0] + Vn.d[1]. */
static EmuStep op_addp_scalar(EmuCpu *cpu, const EmuInsn *in)
{
    FP_CHECK();
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    EmuVReg r = { .d = { vn->d[0] + vn->d[1], 0 } };
    cpu->v[RD(in->raw)] = r;
    EMU_CONTINUE(cpu, in);
}

/* ---- Decoding ----------------------------------------------------------------- */

/* Rows whose decoder picks the handler carry this one. */
static EmuStep op_placeholder(EmuCpu *cpu, const EmuInsn *in)
{
    return emu_undef(cpu);
}

static inline unsigned dec_q(uint32_t raw) { return BIT(raw, 30); }
static inline unsigned dec_size(uint32_t raw) { return BITS(raw, 23, 22); }

static bool pick(EmuInsn *out, const EmuInsnFn *fns, unsigned size, uint32_t aux)
{
    if (!fns || !fns[size])
        return false;
    out->fn = fns[size];
    out->aux = aux;
    return true;
}

/* Three same, by U and opcode (bits 15:11 below 11000; the FP ones above). */
static const EmuInsnFn *const same3_ops[2][24] = {
    { op_shadd, op_sqadd, op_srhadd, NULL, op_shsub, op_sqsub, op_cmgt, op_cmge,
      op_sshl, op_sqshl, op_srshl, op_sqrshl, op_smax, op_smin, op_sabd, op_saba,
      op_add, op_cmtst, op_mla, op_mul, op_smaxp, op_sminp, op_sqdmulh, op_addp },
    { op_uhadd, op_uqadd, op_urhadd, NULL, op_uhsub, op_uqsub, op_cmhi, op_cmhs,
      op_ushl, op_uqshl, op_urshl, op_uqrshl, op_umax, op_umin, op_uabd, op_uaba,
      op_sub, op_cmeq, op_mls, op_pmul, op_umaxp, op_uminp, op_sqrdmulh, NULL },
};

/* 64-bit lanes need Q (size:Q = 110 is reserved) throughout the integer
 * vector classes. */
static bool dec_same3(uint32_t raw, EmuInsn *out)
{
    unsigned q = dec_q(raw), size = dec_size(raw), opc = BITS(raw, 15, 11);
    if (opc >= 24 || (size == 3 && !q))
        return false;
    return pick(out, same3_ops[BIT(raw, 29)][opc], size, simd_vec_aux(q, size));
}

/* Scalar three same: the sizes each opcode allows (bit per size), the same
 * for U = 0 and U = 1. */
static const uint8_t same3_scalar_sizes[24] = {
    [0x01] = 0xf, [0x05] = 0xf, [0x06] = 0x8, [0x07] = 0x8, [0x08] = 0x8,
    [0x09] = 0xf, [0x0a] = 0x8, [0x0b] = 0xf, [0x10] = 0x8, [0x11] = 0x8,
    [0x16] = 0x6,
};

static bool dec_same3_scalar(uint32_t raw, EmuInsn *out)
{
    unsigned size = dec_size(raw), opc = BITS(raw, 15, 11);
    if (opc >= 24 || !((same3_scalar_sizes[opc] >> size) & 1))
        return false;
    return pick(out, same3_ops[BIT(raw, 29)][opc], size, simd_scalar_aux(size));
}

/* The bitwise three-same rows: only Q matters. */
static bool dec_vec(uint32_t raw, EmuInsn *out)
{
    out->aux = simd_vec_aux(dec_q(raw), 3);
    return true;
}

/* Three different, by U and opcode (bits 15:12). Widening and narrowing
 * forms count the narrow lanes of one half; Q selects the half. */
static const EmuInsnFn *const diff3_ops[2][16] = {
    { op_saddl, op_saddw, op_ssubl, op_ssubw, op_addhn, op_sabal, op_subhn, op_sabdl,
      op_smlal, op_sqdmlal, op_smlsl, op_sqdmlsl, op_smull, op_sqdmull, op_pmull, NULL },
    { op_uaddl, op_uaddw, op_usubl, op_usubw, op_raddhn, op_uabal, op_rsubhn, op_uabdl,
      op_umlal, NULL, op_umlsl, NULL, op_umull, NULL, NULL, NULL },
};

static inline uint32_t half_aux(unsigned q, unsigned size)
{
    return (8u >> size) | (q ? AUX_Q : 0) | size << 6;
}

static bool dec_diff3(uint32_t raw, EmuInsn *out)
{
    unsigned size = dec_size(raw);
    return pick(out, diff3_ops[BIT(raw, 29)][BITS(raw, 15, 12)], size, half_aux(dec_q(raw), size));
}

/* SQDMLAL, SQDMLSL, SQDMULL (scalar): H and S sources. */
static bool dec_diff3_scalar(uint32_t raw, EmuInsn *out)
{
    unsigned size = dec_size(raw);
    return pick(out, diff3_ops[0][BITS(raw, 15, 12)], size, simd_scalar_aux(size));
}

/* Two-register misc (integer), by U and opcode (bits 16:12). */
static const EmuInsnFn *const misc_ops[2][21] = {
    { [0x02] = op_saddlp, [0x03] = op_suqadd, [0x04] = op_cls, [0x05] = op_cnt,
      [0x06] = op_sadalp, [0x07] = op_sqabs, [0x08] = op_cmgt0, [0x09] = op_cmeq0,
      [0x0a] = op_cmlt0, [0x0b] = op_abs, [0x12] = op_xtn, [0x14] = op_sqxtn },
    { [0x02] = op_uaddlp, [0x03] = op_usqadd, [0x04] = op_clz, [0x05] = op_not_rbit,
      [0x06] = op_uadalp, [0x07] = op_sqneg, [0x08] = op_cmge0, [0x09] = op_cmle0,
      [0x0b] = op_neg, [0x12] = op_sqxtun, [0x13] = op_shll, [0x14] = op_uqxtn },
};

static bool dec_misc(uint32_t raw, EmuInsn *out)
{
    unsigned q = dec_q(raw), size = dec_size(raw), opc = BITS(raw, 16, 12);
    uint32_t aux;
    if (opc > 0x14)
        return false;
    if (opc == 0x02 || opc == 0x06)              /* pairwise long */
        aux = ((q ? 16u : 8u) >> (size + 1)) | size << 6;
    else if (opc == 0x12 || opc == 0x14)         /* narrowing */
        aux = half_aux(q, size);
    else if (opc == 0x13)                        /* SHLL: by the element size */
        aux = half_aux(q, size) | (8u << size) << 8;
    else if (size == 3 && !q)
        return false;
    else
        aux = simd_vec_aux(q, size);
    return pick(out, misc_ops[BIT(raw, 29)][opc], size, aux);
}

/* Scalar two-register misc (integer): saturating ones at every size,
 * compares and ABS/NEG on D only, the narrowing ones from H, S, D. */
static bool dec_misc_scalar(uint32_t raw, EmuInsn *out)
{
    unsigned size = dec_size(raw), opc = BITS(raw, 16, 12), u = BIT(raw, 29);
    switch (opc) {
    case 0x03: case 0x07:
        break;
    case 0x08: case 0x09: case 0x0b:
        if (size != 3)
            return false;
        break;
    case 0x0a:
        if (size != 3 || u)
            return false;
        break;
    case 0x12:
        if (!u)
            return false;
        break;
    case 0x14:
        break;
    default:
        return false;
    }
    return pick(out, misc_ops[u][opc], size, simd_scalar_aux(size));
}

/* Across lanes, by U and opcode: SADDLV/UADDLV 00011, xMAXV 01010, xMINV
 * 11010, ADDV 11011. At least four lanes: 4S needs Q, D is reserved. */
static bool dec_across(uint32_t raw, EmuInsn *out)
{
    unsigned q = dec_q(raw), size = dec_size(raw), u = BIT(raw, 29);
    const EmuInsnFn *fns;
    switch (BITS(raw, 16, 12)) {
    case 0x03: fns = u ? op_uaddlv : op_saddlv; break;
    case 0x0a: fns = u ? op_umaxv : op_smaxv; break;
    case 0x1a: fns = u ? op_uminv : op_sminv; break;
    case 0x1b: fns = u ? NULL : op_addv; break;
    default: return false;
    }
    if (size == 2 && !q)
        return false;
    return pick(out, fns, size, simd_vec_aux(q, size));
}

/* Shift by immediate, by U and opcode (bits 15:11): immh:immb encodes the
 * element size (highest set bit of immh) and the shift. */
enum { SH_NONE, SH_RIGHT, SH_SSHR, SH_LEFT, SH_NARROW, SH_LONG };
typedef struct ShiftOp {
    const EmuInsnFn *fns;
    uint8_t kind;
} ShiftOp;

static const ShiftOp shift_ops[2][21] = {
    { [0x00] = { op_sshr, SH_SSHR }, [0x02] = { op_ssra, SH_SSHR },
      [0x04] = { op_srshr, SH_RIGHT }, [0x06] = { op_srsra, SH_RIGHT },
      [0x0a] = { op_shl, SH_LEFT }, [0x0e] = { op_sqshli, SH_LEFT },
      [0x10] = { op_shrn, SH_NARROW }, [0x11] = { op_rshrn, SH_NARROW },
      [0x12] = { op_sqshrn, SH_NARROW }, [0x13] = { op_sqrshrn, SH_NARROW },
      [0x14] = { op_sshll, SH_LONG } },
    { [0x00] = { op_ushr, SH_RIGHT }, [0x02] = { op_usra, SH_RIGHT },
      [0x04] = { op_urshr, SH_RIGHT }, [0x06] = { op_ursra, SH_RIGHT },
      [0x08] = { op_sri, SH_RIGHT }, [0x0a] = { op_sli, SH_LEFT },
      [0x0c] = { op_sqshlu, SH_LEFT }, [0x0e] = { op_uqshli, SH_LEFT },
      [0x10] = { op_sqshrun, SH_NARROW }, [0x11] = { op_sqrshrun, SH_NARROW },
      [0x12] = { op_uqshrn, SH_NARROW }, [0x13] = { op_uqrshrn, SH_NARROW },
      [0x14] = { op_ushll, SH_LONG } },
};

/* Fill aux for a shift-by-immediate; scalar forms have one lane. */
static bool dec_shift_common(uint32_t raw, EmuInsn *out, bool scalar)
{
    unsigned q = dec_q(raw), immh = BITS(raw, 22, 19), opc = BITS(raw, 15, 11);
    if (!immh || opc > 0x14)
        return false;
    const ShiftOp *op = &shift_ops[BIT(raw, 29)][opc];
    unsigned size = 31 - (unsigned)__builtin_clz(immh), esize = 8u << size;
    unsigned immhb = BITS(raw, 22, 16), right = 2 * esize - immhb, left = immhb - esize;
    uint32_t aux;
    switch (op->kind) {
    case SH_SSHR:
        right = right == esize ? esize - 1 : right;
        /* fall through */
    case SH_RIGHT:
    case SH_LEFT: {
        bool any_size = op->fns == op_sqshli || op->fns == op_uqshli || op->fns == op_sqshlu;
        if (scalar ? size != 3 && !any_size : size == 3 && !q)
            return false;
        aux = (scalar ? simd_scalar_aux(size) : simd_vec_aux(q, size)) |
              (op->kind == SH_LEFT ? left : right) << 8;
        break;
    }
    case SH_NARROW:
        /* immh names the narrow size; no scalar SHRN, RSHRN */
        if (size == 3 || (scalar && (op->fns == op_shrn || op->fns == op_rshrn)))
            return false;
        aux = (scalar ? simd_scalar_aux(size) : half_aux(q, size)) | right << 8;
        break;
    case SH_LONG:
        if (size == 3 || scalar)
            return false;
        aux = half_aux(q, size) | left << 8;
        break;
    default:
        return false;
    }
    return pick(out, op->fns, size, aux);
}

static bool dec_shift(uint32_t raw, EmuInsn *out) { return dec_shift_common(raw, out, false); }
static bool dec_shift_scalar(uint32_t raw, EmuInsn *out) { return dec_shift_common(raw, out, true); }

/* Vector x indexed element (integer), by U and opcode (bits 15:12). H
 * elements: index H:L:M, Vm in 0-15; S elements: index H:L, Vm = M:Rm. */
static const EmuInsnFn *const elem_ops[2][14] = {
    { [0x2] = op_smlal_elem, [0x3] = op_sqdmlal_elem, [0x6] = op_smlsl_elem,
      [0x7] = op_sqdmlsl_elem, [0x8] = op_mul_elem, [0xa] = op_smull_elem,
      [0xb] = op_sqdmull_elem, [0xc] = op_sqdmulh_elem, [0xd] = op_sqrdmulh_elem },
    { [0x0] = op_mla_elem, [0x2] = op_umlal_elem, [0x4] = op_mls_elem,
      [0x6] = op_umlsl_elem, [0xa] = op_umull_elem },
};

static bool dec_elem_common(uint32_t raw, EmuInsn *out, bool scalar)
{
    unsigned q = dec_q(raw), size = dec_size(raw), opc = BITS(raw, 15, 12), rm, idx;
    if (opc >= 14)
        return false;
    if (size == 1) {
        rm = BITS(raw, 19, 16);
        idx = BIT(raw, 11) << 2 | BIT(raw, 21) << 1 | BIT(raw, 20);
    } else if (size == 2) {
        rm = BITS(raw, 20, 16);
        idx = BIT(raw, 11) << 1 | BIT(raw, 21);
    } else {
        return false;
    }
    bool wide = opc == 0x2 || opc == 0x3 || opc == 0x6 || opc == 0x7 || opc == 0xa || opc == 0xb;
    uint32_t aux = scalar ? simd_scalar_aux(size) : wide ? half_aux(q, size) : simd_vec_aux(q, size);
    if (scalar && opc != 0x3 && opc != 0x7 && opc != 0xb && opc != 0xc && opc != 0xd)
        return false;
    return pick(out, elem_ops[BIT(raw, 29)][opc], size, aux | rm << 8 | idx << 16);
}

static bool dec_elem(uint32_t raw, EmuInsn *out) { return dec_elem_common(raw, out, false); }
static bool dec_elem_scalar(uint32_t raw, EmuInsn *out) { return dec_elem_common(raw, out, true); }

static bool dec_addp_scalar(uint32_t raw, EmuInsn *out)
{
    return dec_size(raw) == 3;
}

/* ---- The table ------------------------------------------------------------------ */

/* The classes (vector forms: bit 31 = 0, Q = bit 30; the scalar forms
 * have bits 31:30 = 01 and bit 28 = 1):
 *
 *   three same      0 Q U 01110 size 1 Rm   opcode(5) 1      Rn Rd
 *   three different 0 Q U 01110 size 1 Rm   opcode(4) 00     Rn Rd
 *   two-reg misc    0 Q U 01110 size 10000  opcode(5) 10     Rn Rd
 *   across lanes    0 Q U 01110 size 11000  opcode(5) 10     Rn Rd
 *   copy            0 Q op 01110000 imm5 0  imm4      1      Rn Rd
 *   permute         0 Q 0 01110 size 0 Rm 0 opcode(3) 10     Rn Rd
 *   extract         0 Q 1 01110 00   0 Rm 0 imm4      0      Rn Rd
 *   table lookup    0 Q 0 01110 00   0 Rm 0 len op    00     Rn Rd
 *   modified imm    0 Q op 0111100000 abc   cmode o2  1   defgh Rd
 *   shift by imm    0 Q U 011110 immh immb  opcode(5) 1      Rn Rd
 *   by element      0 Q U 01111 size L M Rm opcode(4) H 0    Rn Rd
 *
 * Row masks and values per class: U at bit 29, the opcode field in place;
 * size, Q and the registers are left to the decoders. */
#define SAME3(u, opc)  0xbf20fc00, (0x0e200400u | (u) << 29 | (opc) << 11)
#define SAME3S(u, opc) 0xff20fc00, (0x5e200400u | (u) << 29 | (opc) << 11)
#define LOGIC(u, sz)   0xbfe0fc00, (0x0e201c00u | (u) << 29 | (sz) << 22)
#define DIFF3(u, opc)  0xbf20fc00, (0x0e200000u | (u) << 29 | (opc) << 12)
#define DIFF3S(u, opc) 0xff20fc00, (0x5e200000u | (u) << 29 | (opc) << 12)
#define MISC(u, opc)   0xbf3ffc00, (0x0e200800u | (u) << 29 | (opc) << 12)
#define MISCS(u, opc)  0xff3ffc00, (0x5e200800u | (u) << 29 | (opc) << 12)
#define ACROSS(u, opc) 0xbf3ffc00, (0x0e300800u | (u) << 29 | (opc) << 12)
#define PAIRS(u, opc)  0xff3ffc00, (0x5e300800u | (u) << 29 | (opc) << 12)
#define SHIFT(u, opc)  0xbf80fc00, (0x0f000400u | (u) << 29 | (opc) << 11)
#define SHIFTS(u, opc) 0xff80fc00, (0x5f000400u | (u) << 29 | (opc) << 11)
#define ELEM(u, opc)   0xbf00f400, (0x0f000000u | (u) << 29 | (opc) << 12)
#define ELEMS(u, opc)  0xff00f400, (0x5f000000u | (u) << 29 | (opc) << 12)
#define COPY(op, imm4) 0xbfe0fc00, (0x0e000400u | (op) << 29 | (imm4) << 11)
#define PERM(opc)      0xbf20fc00, (0x0e000800u | (opc) << 12)
/* The FP rows fix bit 23 (a), part of the opcode there. */
#define FSAME3(u, a, opc)  0xbfa0fc00, (0x0e200400u | (u) << 29 | (a) << 23 | (opc) << 11)
#define FSAME3S(u, a, opc) 0xffa0fc00, (0x5e200400u | (u) << 29 | (a) << 23 | (opc) << 11)
#define FMISC(u, a, opc)   0xbfbffc00, (0x0e200800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define FMISCS(u, a, opc)  0xffbffc00, (0x5e200800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define FACROSS(u, a, opc) 0xbfbffc00, (0x0e300800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define FPAIRS(u, a, opc)  0xffbffc00, (0x5e300800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define FELEM(u, opc)      0xbf80f400, (0x0f800000u | (u) << 29 | (opc) << 12)
#define FELEMS(u, opc)     0xff80f400, (0x5f800000u | (u) << 29 | (opc) << 12)
#define P op_placeholder

const EmuInsnPattern emu_a64_simd_table[] = {
    /* AdvSIMD scalar copy */
    { 0xffe0fc00, 0x5e000400, P, "dup_scalar", simd_dec_dup_scalar },
    /* AdvSIMD scalar two-register miscellaneous */
    { MISCS(0, 0x03), P, "suqadd_scalar", dec_misc_scalar },
    { MISCS(0, 0x07), P, "sqabs_scalar", dec_misc_scalar },
    { MISCS(0, 0x08), P, "cmgt_zero_scalar", dec_misc_scalar },
    { MISCS(0, 0x09), P, "cmeq_zero_scalar", dec_misc_scalar },
    { MISCS(0, 0x0a), P, "cmlt_zero_scalar", dec_misc_scalar },
    { MISCS(0, 0x0b), P, "abs_scalar", dec_misc_scalar },
    { MISCS(0, 0x14), P, "sqxtn_scalar", dec_misc_scalar },
    { MISCS(1, 0x03), P, "usqadd_scalar", dec_misc_scalar },
    { MISCS(1, 0x07), P, "sqneg_scalar", dec_misc_scalar },
    { MISCS(1, 0x08), P, "cmge_zero_scalar", dec_misc_scalar },
    { MISCS(1, 0x09), P, "cmle_zero_scalar", dec_misc_scalar },
    { MISCS(1, 0x0b), P, "neg_scalar", dec_misc_scalar },
    { MISCS(1, 0x12), P, "sqxtun_scalar", dec_misc_scalar },
    { MISCS(1, 0x14), P, "uqxtn_scalar", dec_misc_scalar },
    { FMISCS(0, 0, 0x1a), P, "fcvtns_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 0, 0x1b), P, "fcvtms_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 0, 0x1c), P, "fcvtas_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 0, 0x1d), P, "scvtf_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x0c), P, "fcmgt_zero_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x0d), P, "fcmeq_zero_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x0e), P, "fcmlt_zero_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x1a), P, "fcvtps_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x1b), P, "fcvtzs_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x1d), P, "frecpe_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(0, 1, 0x1f), P, "frecpx_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 0, 0x16), P, "fcvtxn_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 0, 0x1a), P, "fcvtnu_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 0, 0x1b), P, "fcvtmu_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 0, 0x1c), P, "fcvtau_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 0, 0x1d), P, "ucvtf_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 1, 0x0c), P, "fcmge_zero_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 1, 0x0d), P, "fcmle_zero_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 1, 0x1a), P, "fcvtpu_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 1, 0x1b), P, "fcvtzu_scalar", simd_dec_fp_misc_scalar },
    { FMISCS(1, 1, 0x1d), P, "frsqrte_scalar", simd_dec_fp_misc_scalar },
    /* AdvSIMD scalar pairwise */
    { PAIRS(0, 0x1b), op_addp_scalar, "addp_scalar", dec_addp_scalar },
    { FPAIRS(1, 0, 0x0c), P, "fmaxnmp_scalar", simd_dec_fp_pairwise_scalar },
    { FPAIRS(1, 0, 0x0d), P, "faddp_scalar", simd_dec_fp_pairwise_scalar },
    { FPAIRS(1, 0, 0x0f), P, "fmaxp_scalar", simd_dec_fp_pairwise_scalar },
    { FPAIRS(1, 1, 0x0c), P, "fminnmp_scalar", simd_dec_fp_pairwise_scalar },
    { FPAIRS(1, 1, 0x0f), P, "fminp_scalar", simd_dec_fp_pairwise_scalar },
    /* AdvSIMD scalar three different */
    { DIFF3S(0, 0x9), P, "sqdmlal_scalar", dec_diff3_scalar },
    { DIFF3S(0, 0xb), P, "sqdmlsl_scalar", dec_diff3_scalar },
    { DIFF3S(0, 0xd), P, "sqdmull_scalar", dec_diff3_scalar },
    /* AdvSIMD scalar three same */
    { SAME3S(0, 0x01), P, "sqadd_scalar", dec_same3_scalar },
    { SAME3S(0, 0x05), P, "sqsub_scalar", dec_same3_scalar },
    { SAME3S(0, 0x06), P, "cmgt_scalar", dec_same3_scalar },
    { SAME3S(0, 0x07), P, "cmge_scalar", dec_same3_scalar },
    { SAME3S(0, 0x08), P, "sshl_scalar", dec_same3_scalar },
    { SAME3S(0, 0x09), P, "sqshl_scalar", dec_same3_scalar },
    { SAME3S(0, 0x0a), P, "srshl_scalar", dec_same3_scalar },
    { SAME3S(0, 0x0b), P, "sqrshl_scalar", dec_same3_scalar },
    { SAME3S(0, 0x10), P, "add_scalar", dec_same3_scalar },
    { SAME3S(0, 0x11), P, "cmtst_scalar", dec_same3_scalar },
    { SAME3S(0, 0x16), P, "sqdmulh_scalar", dec_same3_scalar },
    { SAME3S(1, 0x01), P, "uqadd_scalar", dec_same3_scalar },
    { SAME3S(1, 0x05), P, "uqsub_scalar", dec_same3_scalar },
    { SAME3S(1, 0x06), P, "cmhi_scalar", dec_same3_scalar },
    { SAME3S(1, 0x07), P, "cmhs_scalar", dec_same3_scalar },
    { SAME3S(1, 0x08), P, "ushl_scalar", dec_same3_scalar },
    { SAME3S(1, 0x09), P, "uqshl_scalar", dec_same3_scalar },
    { SAME3S(1, 0x0a), P, "urshl_scalar", dec_same3_scalar },
    { SAME3S(1, 0x0b), P, "uqrshl_scalar", dec_same3_scalar },
    { SAME3S(1, 0x10), P, "sub_scalar", dec_same3_scalar },
    { SAME3S(1, 0x11), P, "cmeq_scalar", dec_same3_scalar },
    { SAME3S(1, 0x16), P, "sqrdmulh_scalar", dec_same3_scalar },
    { FSAME3S(0, 0, 0x1b), P, "fmulx_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(0, 0, 0x1c), P, "fcmeq_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(0, 0, 0x1f), P, "frecps_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(0, 1, 0x1f), P, "frsqrts_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(1, 0, 0x1c), P, "fcmge_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(1, 0, 0x1d), P, "facge_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(1, 1, 0x1a), P, "fabd_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(1, 1, 0x1c), P, "fcmgt_scalar", simd_dec_fp_same3_scalar },
    { FSAME3S(1, 1, 0x1d), P, "facgt_scalar", simd_dec_fp_same3_scalar },
    /* AdvSIMD scalar shift by immediate */
    { SHIFTS(0, 0x00), P, "sshr_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x02), P, "ssra_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x04), P, "srshr_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x06), P, "srsra_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x0a), P, "shl_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x0e), P, "sqshl_imm_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x12), P, "sqshrn_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x13), P, "sqrshrn_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x00), P, "ushr_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x02), P, "usra_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x04), P, "urshr_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x06), P, "ursra_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x08), P, "sri_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x0a), P, "sli_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x0c), P, "sqshlu_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x0e), P, "uqshl_imm_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x10), P, "sqshrun_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x11), P, "sqrshrun_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x12), P, "uqshrn_scalar", dec_shift_scalar },
    { SHIFTS(1, 0x13), P, "uqrshrn_scalar", dec_shift_scalar },
    { SHIFTS(0, 0x1c), P, "scvtf_fixed_scalar", simd_dec_fp_shift_scalar },
    { SHIFTS(0, 0x1f), P, "fcvtzs_fixed_scalar", simd_dec_fp_shift_scalar },
    { SHIFTS(1, 0x1c), P, "ucvtf_fixed_scalar", simd_dec_fp_shift_scalar },
    { SHIFTS(1, 0x1f), P, "fcvtzu_fixed_scalar", simd_dec_fp_shift_scalar },
    /* AdvSIMD scalar x indexed element */
    { ELEMS(0, 0x3), P, "sqdmlal_elem_scalar", dec_elem_scalar },
    { ELEMS(0, 0x7), P, "sqdmlsl_elem_scalar", dec_elem_scalar },
    { ELEMS(0, 0xb), P, "sqdmull_elem_scalar", dec_elem_scalar },
    { ELEMS(0, 0xc), P, "sqdmulh_elem_scalar", dec_elem_scalar },
    { ELEMS(0, 0xd), P, "sqrdmulh_elem_scalar", dec_elem_scalar },
    { FELEMS(0, 0x01), P, "fmla_elem_scalar", simd_dec_fp_elem_scalar },
    { FELEMS(0, 0x05), P, "fmls_elem_scalar", simd_dec_fp_elem_scalar },
    { FELEMS(0, 0x09), P, "fmul_elem_scalar", simd_dec_fp_elem_scalar },
    { FELEMS(1, 0x09), P, "fmulx_elem_scalar", simd_dec_fp_elem_scalar },
    /* AdvSIMD table lookup */
    { 0xbfe09c00, 0x0e000000, P, "tbl", simd_dec_tbl },
    { 0xbfe09c00, 0x0e001000, P, "tbx", simd_dec_tbl },
    /* AdvSIMD permute */
    { PERM(1), P, "uzp1", simd_dec_perm },
    { PERM(2), P, "trn1", simd_dec_perm },
    { PERM(3), P, "zip1", simd_dec_perm },
    { PERM(5), P, "uzp2", simd_dec_perm },
    { PERM(6), P, "trn2", simd_dec_perm },
    { PERM(7), P, "zip2", simd_dec_perm },
    /* AdvSIMD extract */
    { 0xbfe08400, 0x2e000000, P, "ext", simd_dec_ext },
    /* AdvSIMD copy */
    { COPY(0, 0x0), P, "dup_elem", simd_dec_copy },
    { COPY(0, 0x1), P, "dup_gen", simd_dec_copy },
    { COPY(0, 0x5), P, "smov", simd_dec_copy },
    { COPY(0, 0x7), P, "umov", simd_dec_copy },
    { 0xffe0fc00, 0x4e001c00, P, "ins_gen", simd_dec_copy },
    { 0xffe08400, 0x6e000400, P, "ins_elem", simd_dec_ins_elem },
    /* AdvSIMD two-register miscellaneous */
    { MISC(0, 0x00), P, "rev64", simd_dec_rev },
    { MISC(0, 0x01), P, "rev16", simd_dec_rev },
    { MISC(0, 0x02), P, "saddlp", dec_misc },
    { MISC(0, 0x03), P, "suqadd", dec_misc },
    { MISC(0, 0x04), P, "cls", dec_misc },
    { MISC(0, 0x05), P, "cnt", dec_misc },
    { MISC(0, 0x06), P, "sadalp", dec_misc },
    { MISC(0, 0x07), P, "sqabs", dec_misc },
    { MISC(0, 0x08), P, "cmgt_zero", dec_misc },
    { MISC(0, 0x09), P, "cmeq_zero", dec_misc },
    { MISC(0, 0x0a), P, "cmlt_zero", dec_misc },
    { MISC(0, 0x0b), P, "abs", dec_misc },
    { MISC(0, 0x12), P, "xtn", dec_misc },
    { MISC(0, 0x14), P, "sqxtn", dec_misc },
    { MISC(1, 0x00), P, "rev32", simd_dec_rev },
    { MISC(1, 0x02), P, "uaddlp", dec_misc },
    { MISC(1, 0x03), P, "usqadd", dec_misc },
    { MISC(1, 0x04), P, "clz", dec_misc },
    { 0xbffffc00, 0x2e205800, P, "not", dec_misc },
    { 0xbffffc00, 0x2e605800, P, "rbit", dec_misc },
    { MISC(1, 0x06), P, "uadalp", dec_misc },
    { MISC(1, 0x07), P, "sqneg", dec_misc },
    { MISC(1, 0x08), P, "cmge_zero", dec_misc },
    { MISC(1, 0x09), P, "cmle_zero", dec_misc },
    { MISC(1, 0x0b), P, "neg", dec_misc },
    { MISC(1, 0x12), P, "sqxtun", dec_misc },
    { MISC(1, 0x13), P, "shll", dec_misc },
    { MISC(1, 0x14), P, "uqxtn", dec_misc },
    { FMISC(0, 0, 0x16), P, "fcvtn", simd_dec_fp_misc },
    { FMISC(0, 0, 0x17), P, "fcvtl", simd_dec_fp_misc },
    { FMISC(0, 0, 0x18), P, "frintn", simd_dec_fp_misc },
    { FMISC(0, 0, 0x19), P, "frintm", simd_dec_fp_misc },
    { FMISC(0, 0, 0x1a), P, "fcvtns", simd_dec_fp_misc },
    { FMISC(0, 0, 0x1b), P, "fcvtms", simd_dec_fp_misc },
    { FMISC(0, 0, 0x1c), P, "fcvtas", simd_dec_fp_misc },
    { FMISC(0, 0, 0x1d), P, "scvtf", simd_dec_fp_misc },
    { FMISC(0, 1, 0x0c), P, "fcmgt_zero", simd_dec_fp_misc },
    { FMISC(0, 1, 0x0d), P, "fcmeq_zero", simd_dec_fp_misc },
    { FMISC(0, 1, 0x0e), P, "fcmlt_zero", simd_dec_fp_misc },
    { FMISC(0, 1, 0x0f), P, "fabs", simd_dec_fp_misc },
    { FMISC(0, 1, 0x18), P, "frintp", simd_dec_fp_misc },
    { FMISC(0, 1, 0x19), P, "frintz", simd_dec_fp_misc },
    { FMISC(0, 1, 0x1a), P, "fcvtps", simd_dec_fp_misc },
    { FMISC(0, 1, 0x1b), P, "fcvtzs", simd_dec_fp_misc },
    { FMISC(0, 1, 0x1c), P, "urecpe", simd_dec_fp_misc },
    { FMISC(0, 1, 0x1d), P, "frecpe", simd_dec_fp_misc },
    { FMISC(1, 0, 0x16), P, "fcvtxn", simd_dec_fp_misc },
    { FMISC(1, 0, 0x18), P, "frinta", simd_dec_fp_misc },
    { FMISC(1, 0, 0x19), P, "frintx", simd_dec_fp_misc },
    { FMISC(1, 0, 0x1a), P, "fcvtnu", simd_dec_fp_misc },
    { FMISC(1, 0, 0x1b), P, "fcvtmu", simd_dec_fp_misc },
    { FMISC(1, 0, 0x1c), P, "fcvtau", simd_dec_fp_misc },
    { FMISC(1, 0, 0x1d), P, "ucvtf", simd_dec_fp_misc },
    { FMISC(1, 1, 0x0c), P, "fcmge_zero", simd_dec_fp_misc },
    { FMISC(1, 1, 0x0d), P, "fcmle_zero", simd_dec_fp_misc },
    { FMISC(1, 1, 0x0f), P, "fneg", simd_dec_fp_misc },
    { FMISC(1, 1, 0x19), P, "frinti", simd_dec_fp_misc },
    { FMISC(1, 1, 0x1a), P, "fcvtpu", simd_dec_fp_misc },
    { FMISC(1, 1, 0x1b), P, "fcvtzu", simd_dec_fp_misc },
    { FMISC(1, 1, 0x1c), P, "ursqrte", simd_dec_fp_misc },
    { FMISC(1, 1, 0x1d), P, "frsqrte", simd_dec_fp_misc },
    { FMISC(1, 1, 0x1f), P, "fsqrt", simd_dec_fp_misc },
    /* AdvSIMD across lanes */
    { ACROSS(0, 0x03), P, "saddlv", dec_across },
    { ACROSS(0, 0x0a), P, "smaxv", dec_across },
    { ACROSS(0, 0x1a), P, "sminv", dec_across },
    { ACROSS(0, 0x1b), P, "addv", dec_across },
    { ACROSS(1, 0x03), P, "uaddlv", dec_across },
    { ACROSS(1, 0x0a), P, "umaxv", dec_across },
    { ACROSS(1, 0x1a), P, "uminv", dec_across },
    { FACROSS(1, 0, 0x0c), P, "fmaxnmv", simd_dec_fp_across },
    { FACROSS(1, 0, 0x0f), P, "fmaxv", simd_dec_fp_across },
    { FACROSS(1, 1, 0x0c), P, "fminnmv", simd_dec_fp_across },
    { FACROSS(1, 1, 0x0f), P, "fminv", simd_dec_fp_across },
    /* AdvSIMD three different */
    { DIFF3(0, 0x0), P, "saddl", dec_diff3 },
    { DIFF3(0, 0x1), P, "saddw", dec_diff3 },
    { DIFF3(0, 0x2), P, "ssubl", dec_diff3 },
    { DIFF3(0, 0x3), P, "ssubw", dec_diff3 },
    { DIFF3(0, 0x4), P, "addhn", dec_diff3 },
    { DIFF3(0, 0x5), P, "sabal", dec_diff3 },
    { DIFF3(0, 0x6), P, "subhn", dec_diff3 },
    { DIFF3(0, 0x7), P, "sabdl", dec_diff3 },
    { DIFF3(0, 0x8), P, "smlal", dec_diff3 },
    { DIFF3(0, 0x9), P, "sqdmlal", dec_diff3 },
    { DIFF3(0, 0xa), P, "smlsl", dec_diff3 },
    { DIFF3(0, 0xb), P, "sqdmlsl", dec_diff3 },
    { DIFF3(0, 0xc), P, "smull", dec_diff3 },
    { DIFF3(0, 0xd), P, "sqdmull", dec_diff3 },
    { DIFF3(0, 0xe), P, "pmull", dec_diff3 },
    { DIFF3(1, 0x0), P, "uaddl", dec_diff3 },
    { DIFF3(1, 0x1), P, "uaddw", dec_diff3 },
    { DIFF3(1, 0x2), P, "usubl", dec_diff3 },
    { DIFF3(1, 0x3), P, "usubw", dec_diff3 },
    { DIFF3(1, 0x4), P, "raddhn", dec_diff3 },
    { DIFF3(1, 0x5), P, "uabal", dec_diff3 },
    { DIFF3(1, 0x6), P, "rsubhn", dec_diff3 },
    { DIFF3(1, 0x7), P, "uabdl", dec_diff3 },
    { DIFF3(1, 0x8), P, "umlal", dec_diff3 },
    { DIFF3(1, 0xa), P, "umlsl", dec_diff3 },
    { DIFF3(1, 0xc), P, "umull", dec_diff3 },
    /* AdvSIMD three same */
    { SAME3(0, 0x00), P, "shadd", dec_same3 },
    { SAME3(0, 0x01), P, "sqadd", dec_same3 },
    { SAME3(0, 0x02), P, "srhadd", dec_same3 },
    { LOGIC(0, 0), op_and_3, "and", dec_vec },
    { LOGIC(0, 1), op_bic_3, "bic", dec_vec },
    { LOGIC(0, 2), op_orr_3, "orr", dec_vec },
    { LOGIC(0, 3), op_orn_3, "orn", dec_vec },
    { SAME3(0, 0x04), P, "shsub", dec_same3 },
    { SAME3(0, 0x05), P, "sqsub", dec_same3 },
    { SAME3(0, 0x06), P, "cmgt", dec_same3 },
    { SAME3(0, 0x07), P, "cmge", dec_same3 },
    { SAME3(0, 0x08), P, "sshl", dec_same3 },
    { SAME3(0, 0x09), P, "sqshl", dec_same3 },
    { SAME3(0, 0x0a), P, "srshl", dec_same3 },
    { SAME3(0, 0x0b), P, "sqrshl", dec_same3 },
    { SAME3(0, 0x0c), P, "smax", dec_same3 },
    { SAME3(0, 0x0d), P, "smin", dec_same3 },
    { SAME3(0, 0x0e), P, "sabd", dec_same3 },
    { SAME3(0, 0x0f), P, "saba", dec_same3 },
    { SAME3(0, 0x10), P, "add", dec_same3 },
    { SAME3(0, 0x11), P, "cmtst", dec_same3 },
    { SAME3(0, 0x12), P, "mla", dec_same3 },
    { SAME3(0, 0x13), P, "mul", dec_same3 },
    { SAME3(0, 0x14), P, "smaxp", dec_same3 },
    { SAME3(0, 0x15), P, "sminp", dec_same3 },
    { SAME3(0, 0x16), P, "sqdmulh", dec_same3 },
    { SAME3(0, 0x17), P, "addp", dec_same3 },
    { SAME3(1, 0x00), P, "uhadd", dec_same3 },
    { SAME3(1, 0x01), P, "uqadd", dec_same3 },
    { SAME3(1, 0x02), P, "urhadd", dec_same3 },
    { LOGIC(1, 0), op_eor_3, "eor", dec_vec },
    { LOGIC(1, 1), op_bsl_3, "bsl", dec_vec },
    { LOGIC(1, 2), op_bit_3, "bit", dec_vec },
    { LOGIC(1, 3), op_bif_3, "bif", dec_vec },
    { SAME3(1, 0x04), P, "uhsub", dec_same3 },
    { SAME3(1, 0x05), P, "uqsub", dec_same3 },
    { SAME3(1, 0x06), P, "cmhi", dec_same3 },
    { SAME3(1, 0x07), P, "cmhs", dec_same3 },
    { SAME3(1, 0x08), P, "ushl", dec_same3 },
    { SAME3(1, 0x09), P, "uqshl", dec_same3 },
    { SAME3(1, 0x0a), P, "urshl", dec_same3 },
    { SAME3(1, 0x0b), P, "uqrshl", dec_same3 },
    { SAME3(1, 0x0c), P, "umax", dec_same3 },
    { SAME3(1, 0x0d), P, "umin", dec_same3 },
    { SAME3(1, 0x0e), P, "uabd", dec_same3 },
    { SAME3(1, 0x0f), P, "uaba", dec_same3 },
    { SAME3(1, 0x10), P, "sub", dec_same3 },
    { SAME3(1, 0x11), P, "cmeq", dec_same3 },
    { SAME3(1, 0x12), P, "mls", dec_same3 },
    { SAME3(1, 0x13), P, "pmul", dec_same3 },
    { SAME3(1, 0x14), P, "umaxp", dec_same3 },
    { SAME3(1, 0x15), P, "uminp", dec_same3 },
    { SAME3(1, 0x16), P, "sqrdmulh", dec_same3 },
    { FSAME3(0, 0, 0x18), P, "fmaxnm", simd_dec_fp_same3 },
    { FSAME3(0, 0, 0x19), P, "fmla", simd_dec_fp_same3 },
    { FSAME3(0, 0, 0x1a), P, "fadd", simd_dec_fp_same3 },
    { FSAME3(0, 0, 0x1b), P, "fmulx", simd_dec_fp_same3 },
    { FSAME3(0, 0, 0x1c), P, "fcmeq", simd_dec_fp_same3 },
    { FSAME3(0, 0, 0x1e), P, "fmax", simd_dec_fp_same3 },
    { FSAME3(0, 0, 0x1f), P, "frecps", simd_dec_fp_same3 },
    { FSAME3(0, 1, 0x18), P, "fminnm", simd_dec_fp_same3 },
    { FSAME3(0, 1, 0x19), P, "fmls", simd_dec_fp_same3 },
    { FSAME3(0, 1, 0x1a), P, "fsub", simd_dec_fp_same3 },
    { FSAME3(0, 1, 0x1e), P, "fmin", simd_dec_fp_same3 },
    { FSAME3(0, 1, 0x1f), P, "frsqrts", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x18), P, "fmaxnmp", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x1a), P, "faddp", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x1b), P, "fmul", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x1c), P, "fcmge", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x1d), P, "facge", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x1e), P, "fmaxp", simd_dec_fp_same3 },
    { FSAME3(1, 0, 0x1f), P, "fdiv", simd_dec_fp_same3 },
    { FSAME3(1, 1, 0x18), P, "fminnmp", simd_dec_fp_same3 },
    { FSAME3(1, 1, 0x1a), P, "fabd", simd_dec_fp_same3 },
    { FSAME3(1, 1, 0x1c), P, "fcmgt", simd_dec_fp_same3 },
    { FSAME3(1, 1, 0x1d), P, "facgt", simd_dec_fp_same3 },
    { FSAME3(1, 1, 0x1e), P, "fminp", simd_dec_fp_same3 },
    /* AdvSIMD modified immediate */
    { 0xbff89c00, 0x0f001400, P, "orr_imm32", simd_dec_modimm },
    { 0xbff8dc00, 0x0f009400, P, "orr_imm16", simd_dec_modimm },
    { 0xbff89c00, 0x2f001400, P, "bic_imm32", simd_dec_modimm },
    { 0xbff8dc00, 0x2f009400, P, "bic_imm16", simd_dec_modimm },
    { 0xbff8fc00, 0x2f00e400, P, "movi_64", simd_dec_modimm },
    { 0x9ff8fc00, 0x0f00f400, P, "fmov_v_imm", simd_dec_modimm },
    { 0xbff80c00, 0x0f000400, P, "movi", simd_dec_modimm },
    { 0xbff80c00, 0x2f000400, P, "mvni", simd_dec_modimm },
    /* AdvSIMD shift by immediate */
    { SHIFT(0, 0x00), P, "sshr", dec_shift },
    { SHIFT(0, 0x02), P, "ssra", dec_shift },
    { SHIFT(0, 0x04), P, "srshr", dec_shift },
    { SHIFT(0, 0x06), P, "srsra", dec_shift },
    { SHIFT(0, 0x0a), P, "shl", dec_shift },
    { SHIFT(0, 0x0e), P, "sqshl_imm", dec_shift },
    { SHIFT(0, 0x10), P, "shrn", dec_shift },
    { SHIFT(0, 0x11), P, "rshrn", dec_shift },
    { SHIFT(0, 0x12), P, "sqshrn", dec_shift },
    { SHIFT(0, 0x13), P, "sqrshrn", dec_shift },
    { SHIFT(0, 0x14), P, "sshll", dec_shift },
    { SHIFT(1, 0x00), P, "ushr", dec_shift },
    { SHIFT(1, 0x02), P, "usra", dec_shift },
    { SHIFT(1, 0x04), P, "urshr", dec_shift },
    { SHIFT(1, 0x06), P, "ursra", dec_shift },
    { SHIFT(1, 0x08), P, "sri", dec_shift },
    { SHIFT(1, 0x0a), P, "sli", dec_shift },
    { SHIFT(1, 0x0c), P, "sqshlu", dec_shift },
    { SHIFT(1, 0x0e), P, "uqshl_imm", dec_shift },
    { SHIFT(1, 0x10), P, "sqshrun", dec_shift },
    { SHIFT(1, 0x11), P, "sqrshrun", dec_shift },
    { SHIFT(1, 0x12), P, "uqshrn", dec_shift },
    { SHIFT(1, 0x13), P, "uqrshrn", dec_shift },
    { SHIFT(1, 0x14), P, "ushll", dec_shift },
    { SHIFT(0, 0x1c), P, "scvtf_fixed", simd_dec_fp_shift },
    { SHIFT(0, 0x1f), P, "fcvtzs_fixed", simd_dec_fp_shift },
    { SHIFT(1, 0x1c), P, "ucvtf_fixed", simd_dec_fp_shift },
    { SHIFT(1, 0x1f), P, "fcvtzu_fixed", simd_dec_fp_shift },
    /* AdvSIMD vector x indexed element */
    { ELEM(0, 0x2), P, "smlal_elem", dec_elem },
    { ELEM(0, 0x3), P, "sqdmlal_elem", dec_elem },
    { ELEM(0, 0x6), P, "smlsl_elem", dec_elem },
    { ELEM(0, 0x7), P, "sqdmlsl_elem", dec_elem },
    { ELEM(0, 0x8), P, "mul_elem", dec_elem },
    { ELEM(0, 0xa), P, "smull_elem", dec_elem },
    { ELEM(0, 0xb), P, "sqdmull_elem", dec_elem },
    { ELEM(0, 0xc), P, "sqdmulh_elem", dec_elem },
    { ELEM(0, 0xd), P, "sqrdmulh_elem", dec_elem },
    { ELEM(1, 0x0), P, "mla_elem", dec_elem },
    { ELEM(1, 0x2), P, "umlal_elem", dec_elem },
    { ELEM(1, 0x4), P, "mls_elem", dec_elem },
    { ELEM(1, 0x6), P, "umlsl_elem", dec_elem },
    { ELEM(1, 0xa), P, "umull_elem", dec_elem },
    { FELEM(0, 0x01), P, "fmla_elem", simd_dec_fp_elem },
    { FELEM(0, 0x05), P, "fmls_elem", simd_dec_fp_elem },
    { FELEM(0, 0x09), P, "fmul_elem", simd_dec_fp_elem },
    { FELEM(1, 0x09), P, "fmulx_elem", simd_dec_fp_elem },
    { 0 },
};
