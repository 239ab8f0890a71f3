/* emu/fpu.c — ARMv8 floating-point arithmetic on raw bit patterns.
 *
 * A softfloat-style implementation on integers. Every operation unpacks its
 * operands into Parts, works on a 64-bit (or, for products, 128-bit)
 * significand, and packs the result through one rounding routine that
 * implements Arm's FPRound: the five rounding modes plus round-to-odd,
 * tininess before rounding, FZ output flushing, overflow to infinity or
 * the largest normal.
 *
 * Host shortcuts: in round-to-nearest, an operation on normal operands
 * whose host (SSE) result is a normal number strictly above the smallest
 * normal gives exactly the soft path's result (IEEE correct rounding; no
 * NaN, FZ, tininess or overflow question), and the only flag it can raise
 * is IXC. Add, subtract, multiply, divide and square root take that path
 * and decide IXC exactly (free when IXC is already set; else TwoSum, the
 * exact double-precision product of singles, or the FMA residual of
 * doubles). Fused multiply-add takes it when IXC is set or the product
 * is exact (always for singles: in double precision); truncating
 * FP-to-integer conversions and exact integer-to-FP conversions use the
 * host too. Everything else takes the soft path. EmuFpStatus.no_host
 * turns the shortcuts off so tests can compare both.
 */
#include "emu/fpu.h"

#include <float.h>
#include <math.h>

/* The host shortcuts need IEEE binary32/64 arithmetic evaluated in its own
 * precision (SSE, not x87), in the default environment: round to nearest,
 * no flush-to-zero. Nothing in rewind changes the host's FP environment. */
#if FLT_EVAL_METHOD == 0 && (defined(__x86_64__) || defined(__aarch64__))
#define HOST_FP 1
#else
#define HOST_FP 0
#endif

typedef unsigned __int128 u128;

#define ALWAYS_INLINE inline __attribute__((always_inline))

/* ---- Formats ------------------------------------------------------------ */

/* Format selector; always a compile-time constant after inlining. */
enum { F16, F32, F64 };

#define MB(f)   ((f) == F16 ? 10 : (f) == F32 ? 23 : 52)      /* fraction bits */
#define EB(f)   ((f) == F16 ? 5 : (f) == F32 ? 8 : 11)        /* exponent bits */
#define BIAS(f) ((1 << (EB(f) - 1)) - 1)
#define EMAX(f) ((1 << EB(f)) - 1)                            /* all-ones exponent */
#define SIGN(f) (1ull << (MB(f) + EB(f)))
#define FRACMASK(f) ((1ull << MB(f)) - 1)

static inline uint64_t default_nan(int f)
{
    return f == F16 ? EMU_F16_DEFAULT_NAN : f == F32 ? EMU_F32_DEFAULT_NAN : EMU_F64_DEFAULT_NAN;
}

/* ---- Unpacked values ---------------------------------------------------- */

enum { C_ZERO, C_NORMAL, C_INF, C_QNAN, C_SNAN };

/* A finite nonzero value is frac * 2^(exp - 63) with frac's bit 63 set
 * (denormal inputs are normalized). For NaNs frac holds the raw fraction
 * field. */
typedef struct Parts {
    uint64_t frac;
    int32_t exp;
    bool sign;
    uint8_t cls;
} Parts;

static inline bool is_nan(const Parts *p) { return p->cls >= C_QNAN; }

/* Unpack `raw` of format f. Denormals read as zero with IDC under FZ,
 * except halves. `ahp` selects the alternative half format (exponent 31 is
 * an ordinary exponent). */
static ALWAYS_INLINE Parts unpack(EmuFpStatus *st, uint64_t raw, int f, bool ahp)
{
    Parts p;
    p.sign = (raw >> (MB(f) + EB(f))) & 1;
    int e = (int)((raw >> MB(f)) & EMAX(f));
    uint64_t m = raw & FRACMASK(f);
    if (likely(e != 0 && (e != EMAX(f) || (f == F16 && ahp)))) {
        p.cls = C_NORMAL;
        p.frac = (m | (1ull << MB(f))) << (63 - MB(f));
        p.exp = e - BIAS(f);
    } else if (e == 0) {
        if (m == 0 || (st->fz && f != F16)) {
            if (m)
                st->flags |= EMU_FPSR_IDC;
            p.cls = C_ZERO;
            p.frac = 0;
            p.exp = 0;
        } else {
            int s = __builtin_clzll(m);
            p.cls = C_NORMAL;
            p.frac = m << s;
            p.exp = 1 - BIAS(f) - MB(f) + 63 - s;
        }
    } else {
        p.frac = m;
        p.exp = 0;
        p.cls = m == 0 ? C_INF : (m >> (MB(f) - 1)) ? C_QNAN : C_SNAN;
    }
    return p;
}

static inline uint64_t pack_zero(bool sign, int f) { return sign ? SIGN(f) : 0; }
static inline uint64_t pack_inf(bool sign, int f)
{
    return pack_zero(sign, f) | ((uint64_t)EMAX(f) << MB(f));
}
static inline uint64_t pack_max(bool sign, int f)
{
    return pack_zero(sign, f) | ((uint64_t)(EMAX(f) - 1) << MB(f)) | FRACMASK(f);
}

/* The value of a non-NaN operand as an operation that returns it unchanged
 * sees it: flushed denormals become signed zero. */
static inline uint64_t repack(const Parts *p, uint64_t raw, int f)
{
    return p->cls == C_ZERO ? pack_zero(p->sign, f) : raw;
}

/* ---- NaNs --------------------------------------------------------------- */

static inline uint64_t nan_out(EmuFpStatus *st, uint64_t raw, int f)
{
    return st->dn ? default_nan(f) : raw | (1ull << (MB(f) - 1));
}

static inline uint64_t invalid(EmuFpStatus *st, int f)
{
    st->flags |= EMU_FPSR_IOC;
    return default_nan(f);
}

/* FPProcessNaN: a is a NaN. */
static uint64_t nan1(EmuFpStatus *st, const Parts *pa, uint64_t a, int f)
{
    if (pa->cls == C_SNAN)
        st->flags |= EMU_FPSR_IOC;
    return nan_out(st, a, f);
}

/* FPProcessNaNs: at least one of a, b is a NaN. */
static uint64_t nan2(EmuFpStatus *st, const Parts *pa, uint64_t a,
                     const Parts *pb, uint64_t b, int f)
{
    uint64_t pick;
    if (pa->cls == C_SNAN || pb->cls == C_SNAN) {
        st->flags |= EMU_FPSR_IOC;
        pick = pa->cls == C_SNAN ? a : b;
    } else {
        pick = is_nan(pa) ? a : b;
    }
    return nan_out(st, pick, f);
}

/* ---- Rounding ----------------------------------------------------------- */

/* Split frac into an integer part m = frac >> shift (shift >= 0, any size)
 * and round m in `rmode` (ODD is handled by the caller). Returns whether the
 * discarded part was nonzero. */
static ALWAYS_INLINE bool round_shift(uint64_t frac, int shift, bool sign, int rmode, uint64_t *mout)
{
    uint64_t m, rem, half;
    if (shift == 0) {
        *mout = frac;
        return false;
    }
    if (shift < 64) {
        m = frac >> shift;
        rem = frac & ((1ull << shift) - 1);
        half = 1ull << (shift - 1);
    } else if (shift == 64) {
        m = 0;
        rem = frac;
        half = 1ull << 63;
    } else {
        m = 0;
        rem = frac != 0;
        half = 2;
    }
    if (rem) {
        switch (rmode) {
        case EMU_FPRM_NEAREST: m += rem > half || (rem == half && (m & 1)); break;
        case EMU_FPRM_TIEAWAY: m += rem >= half; break;
        case EMU_FPRM_POSINF: m += !sign; break;
        case EMU_FPRM_NEGINF: m += sign; break;
        case EMU_FPRM_ODD: m |= 1; break;
        default: break;
        }
    }
    *mout = m;
    return rem != 0;
}

/* FPRound: the value frac * 2^(exp - 63), frac normalized (bit 63 set) with
 * any sticky bits ORed into its low bits, to format f. `ahp` selects the
 * alternative half format for F16. Raises IXC, UFC, OFC (or IOC for AHP
 * overflow). Halves are never flushed. */
static ALWAYS_INLINE uint64_t round_pack(EmuFpStatus *st, bool sign, int32_t exp, uint64_t frac,
                                  int f, int rmode, bool ahp)
{
    int32_t e = exp + BIAS(f);
    int shift = 63 - MB(f);
    bool tiny = false;
    if (unlikely(e < 1)) {
        if (st->fz && f != F16) {
            st->flags |= EMU_FPSR_UFC;
            return pack_zero(sign, f);
        }
        tiny = true;
        shift += 1 - e;
        e = 1;
    }
    uint64_t m;
    bool inexact = round_shift(frac, shift, sign, rmode, &m);
    /* m holds the implicit bit (for normals) at bit MB; adding it to the
     * exponent field minus one encodes normals, denormals (e = 1, m below
     * the implicit bit) and a rounding carry alike. */
    uint64_t bits = ((uint64_t)(e - 1) << MB(f)) + m;
    int64_t efield = (int64_t)(bits >> MB(f));
    if (f == F16 && ahp) {
        if (unlikely(efield > EMAX(f))) {
            st->flags |= EMU_FPSR_IOC;
            return pack_zero(sign, f) | 0x7fff;
        }
    } else if (unlikely(efield >= EMAX(f))) {
        st->flags |= EMU_FPSR_OFC | EMU_FPSR_IXC;
        bool to_inf = rmode == EMU_FPRM_NEAREST || rmode == EMU_FPRM_TIEAWAY ||
                      (rmode == EMU_FPRM_POSINF && !sign) || (rmode == EMU_FPRM_NEGINF && sign);
        return to_inf ? pack_inf(sign, f) : pack_max(sign, f);
    }
    if (inexact)
        st->flags |= EMU_FPSR_IXC | (tiny ? EMU_FPSR_UFC : 0);
    return pack_zero(sign, f) | bits;
}

/* Normalize a nonzero 64-bit magnitude whose value is v * 2^scale and
 * round it. */
static ALWAYS_INLINE uint64_t round_u64(EmuFpStatus *st, bool sign, uint64_t v, int32_t scale,
                                 int f, int rmode)
{
    int s = __builtin_clzll(v);
    return round_pack(st, sign, 63 - s + scale, v << s, f, rmode, false);
}

static inline uint64_t jam64(uint64_t x, int d)
{
    if (d == 0)
        return x;
    if (d >= 64)
        return x != 0;
    return (x >> d) | ((x << (64 - d)) != 0);
}

static inline u128 jam128(u128 x, int d)
{
    if (d == 0)
        return x;
    if (d >= 128)
        return x != 0;
    return (x >> d) | ((x << (128 - d)) != 0);
}

/* Collapse a 128-bit magnitude with bit 127 set to 64 bits with sticky. */
static inline uint64_t collapse(u128 x)
{
    return (uint64_t)(x >> 64) | ((uint64_t)x != 0);
}

static inline int clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)x);
}

/* ---- Host fast path ------------------------------------------------------ */

static inline bool normal_raw(uint64_t a, int f)
{
    uint64_t e = (a >> MB(f)) & EMAX(f);
    return e - 1 < (uint64_t)EMAX(f) - 1;
}

/* Finite and strictly above the smallest normal in magnitude. */
/* Fused multiply-add is one instruction on x86-64 hosts with FMA and a libm
 * call elsewhere; the multiply-add entry points get both versions, picked
 * once at load time (an ifunc). The results are the same: fma() is exactly
 * rounded either way, and the build forbids contracting other expressions
 * (-ffp-contract=off). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HOST_FMA_CLONES __attribute__((target_clones("fma", "default")))
#else
#define HOST_FMA_CLONES
#endif

static inline bool safe_result(uint64_t r, int f)
{
    uint64_t mag = r & (SIGN(f) - 1);
    return mag > (1ull << MB(f)) && mag < ((uint64_t)EMAX(f) << MB(f));
}

static inline float f32_host(uint32_t a) { float x; memcpy(&x, &a, 4); return x; }
static inline double f64_host(uint64_t a) { double x; memcpy(&x, &a, 8); return x; }
static inline uint32_t f32_raw(float x) { uint32_t a; memcpy(&a, &x, 4); return a; }
static inline uint64_t f64_raw(double x) { uint64_t a; memcpy(&a, &x, 8); return a; }

/* ---- Add, multiply, divide, square root ----------------------------------- */

static inline uint64_t add_soft(EmuFpStatus *st, uint64_t a, uint64_t b, int f, bool sub)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    if (unlikely(is_nan(&pa) || is_nan(&pb)))
        return nan2(st, &pa, a, &pb, b, f);
    pb.sign ^= sub;
    if (unlikely(pa.cls == C_INF || pb.cls == C_INF)) {
        if (pa.cls == C_INF && pb.cls == C_INF && pa.sign != pb.sign)
            return invalid(st, f);
        return pack_inf(pa.cls == C_INF ? pa.sign : pb.sign, f);
    }
    if (pa.cls == C_ZERO && pb.cls == C_ZERO) {
        bool sign = pa.sign == pb.sign ? pa.sign : st->rmode == EMU_FPRM_NEGINF;
        return pack_zero(sign, f);
    }
    if (pa.cls == C_ZERO)
        return (b & ~SIGN(f)) | pack_zero(pb.sign, f);
    if (pb.cls == C_ZERO)
        return a;
    /* Both finite nonzero: significands at bit 62, the larger first. */
    if (pa.exp < pb.exp || (pa.exp == pb.exp && pa.frac < pb.frac)) {
        Parts t = pa;
        pa = pb;
        pb = t;
    }
    uint64_t fa = pa.frac >> 1;
    uint64_t fb = jam64(pb.frac >> 1, pa.exp - pb.exp);
    uint64_t r;
    if (pa.sign == pb.sign) {
        r = fa + fb;
    } else {
        r = fa - fb;
        if (r == 0)
            return pack_zero(st->rmode == EMU_FPRM_NEGINF, f);
    }
    return round_u64(st, pa.sign, r, pa.exp - 62, f, st->rmode);
}

/* The product of two finite nonzero Parts, normalized to 64 bits. */
static inline uint64_t mul_frac(const Parts *pa, const Parts *pb, int32_t *exp)
{
    u128 p = (u128)pa->frac * pb->frac;
    if (p >> 127) {
        *exp = pa->exp + pb->exp + 1;
        return collapse(p);
    }
    *exp = pa->exp + pb->exp;
    return collapse(p << 1);
}

static inline uint64_t mul_soft(EmuFpStatus *st, uint64_t a, uint64_t b, int f, bool mulx)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    if (unlikely(is_nan(&pa) || is_nan(&pb)))
        return nan2(st, &pa, a, &pb, b, f);
    bool sign = pa.sign ^ pb.sign;
    if (unlikely(pa.cls == C_INF || pb.cls == C_INF)) {
        if (pa.cls == C_ZERO || pb.cls == C_ZERO) {
            if (mulx)   /* 2.0 */
                return pack_zero(sign, f) | ((uint64_t)(BIAS(f) + 1) << MB(f));
            return invalid(st, f);
        }
        return pack_inf(sign, f);
    }
    if (pa.cls == C_ZERO || pb.cls == C_ZERO)
        return pack_zero(sign, f);
    int32_t exp;
    uint64_t frac = mul_frac(&pa, &pb, &exp);
    return round_pack(st, sign, exp, frac, f, st->rmode, false);
}

static inline uint64_t div_soft(EmuFpStatus *st, uint64_t a, uint64_t b, int f)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    if (unlikely(is_nan(&pa) || is_nan(&pb)))
        return nan2(st, &pa, a, &pb, b, f);
    bool sign = pa.sign ^ pb.sign;
    if (pa.cls == C_INF)
        return pb.cls == C_INF ? invalid(st, f) : pack_inf(sign, f);
    if (pb.cls == C_INF)
        return pack_zero(sign, f);
    if (pb.cls == C_ZERO) {
        if (pa.cls == C_ZERO)
            return invalid(st, f);
        st->flags |= EMU_FPSR_DZC;
        return pack_inf(sign, f);
    }
    if (pa.cls == C_ZERO)
        return pack_zero(sign, f);
    int32_t exp = pa.exp - pb.exp;
    u128 n;
    if (pa.frac >= pb.frac) {
        n = (u128)pa.frac << 63;
    } else {
        n = (u128)pa.frac << 64;
        exp--;
    }
    uint64_t q = (uint64_t)(n / pb.frac);
    bool rem = (uint64_t)(n % pb.frac) != 0;
    return round_pack(st, sign, exp, q | rem, f, st->rmode, false);
}

/* floor(sqrt(n)) for n < 2^128, and whether it was exact. */
static uint64_t isqrt128(u128 n, bool *exact)
{
    double est = __builtin_sqrt((double)n);
    uint64_t r = est >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)est;
    if (r == 0)
        r = 1;
    u128 nr = (n / r + r) >> 1;        /* one Newton step */
    r = nr > UINT64_MAX ? UINT64_MAX : (uint64_t)nr;
    while ((u128)r * r > n)
        r--;
    while (r != UINT64_MAX && (u128)(r + 1) * (r + 1) <= n)
        r++;
    *exact = (u128)r * r == n;
    return r;
}

static inline uint64_t sqrt_soft(EmuFpStatus *st, uint64_t a, int f)
{
    Parts pa = unpack(st, a, f, false);
    if (unlikely(is_nan(&pa)))
        return nan1(st, &pa, a, f);
    if (pa.cls == C_ZERO)
        return pack_zero(pa.sign, f);
    if (pa.sign)
        return invalid(st, f);
    if (pa.cls == C_INF)
        return a;
    /* frac * 2^(exp-63) = n * 2^(exp-63-k) with an even exponent. */
    bool odd = pa.exp & 1;
    u128 n = (u128)pa.frac << (odd ? 64 : 63);
    int32_t exp = odd ? (pa.exp - 1) / 2 : pa.exp / 2;     /* exact */
    bool exact;
    uint64_t r = isqrt128(n, &exact);
    return round_pack(st, false, exp, r | !exact, f, st->rmode, false);
}

/* a * b + c, then scaled by 2^scale, with one rounding. The Arm rules for
 * NaNs: c is looked at first, and a quiet NaN c with 0 * inf is invalid. */
static uint64_t muladd_soft(EmuFpStatus *st, uint64_t a, uint64_t b, uint64_t c, int f, int scale)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    Parts pc = unpack(st, c, f, false);
    bool infzero = (pa.cls == C_INF && pb.cls == C_ZERO) || (pa.cls == C_ZERO && pb.cls == C_INF);
    if (unlikely(is_nan(&pa) || is_nan(&pb) || is_nan(&pc))) {
        if (pc.cls == C_QNAN && infzero)
            return invalid(st, f);
        uint64_t pick;
        if (pc.cls == C_SNAN || pa.cls == C_SNAN || pb.cls == C_SNAN) {
            st->flags |= EMU_FPSR_IOC;
            pick = pc.cls == C_SNAN ? c : pa.cls == C_SNAN ? a : b;
        } else {
            pick = is_nan(&pc) ? c : is_nan(&pa) ? a : b;
        }
        return nan_out(st, pick, f);
    }
    if (infzero)
        return invalid(st, f);
    bool sp = pa.sign ^ pb.sign;
    if (pa.cls == C_INF || pb.cls == C_INF) {
        if (pc.cls == C_INF && pc.sign != sp)
            return invalid(st, f);
        return pack_inf(sp, f);
    }
    if (pc.cls == C_INF)
        return pack_inf(pc.sign, f);
    if (pa.cls == C_ZERO || pb.cls == C_ZERO) {
        if (pc.cls == C_ZERO)
            return pack_zero(sp == pc.sign ? sp : st->rmode == EMU_FPRM_NEGINF, f);
        if (scale == 0)
            return c;
        return round_pack(st, pc.sign, pc.exp + scale, pc.frac, f, st->rmode, false);
    }
    int32_t pexp;
    if (pc.cls == C_ZERO) {
        uint64_t frac = mul_frac(&pa, &pb, &pexp);
        return round_pack(st, sp, pexp + scale, frac, f, st->rmode, false);
    }
    /* Both terms as X * 2^(E - 126) with X's leading bit at 126. */
    u128 p = (u128)pa.frac * pb.frac;
    pexp = pa.exp + pb.exp;
    if (p >> 127) {
        p = jam128(p, 1);
        pexp++;
    }
    u128 x = (u128)pc.frac << 63;
    int32_t xexp = pc.exp;
    bool sign = sp;
    if (pexp < xexp || (pexp == xexp && p < x)) {
        u128 t = p;
        p = x;
        x = t;
        int32_t te = pexp;
        pexp = xexp;
        xexp = te;
        sign = pc.sign;
    }
    x = jam128(x, pexp - xexp > 130 ? 130 : pexp - xexp);
    u128 r;
    if (sp == pc.sign) {
        r = p + x;
    } else {
        r = p - x;
        if (r == 0)
            return pack_zero(st->rmode == EMU_FPRM_NEGINF, f);
    }
    int s = clz128(r);
    r <<= s;
    return round_pack(st, sign, pexp + 1 - s + scale, collapse(r), f, st->rmode, false);
}

/* ---- Compare, min, max ----------------------------------------------------- */

/* Total order of non-NaN values (both zeros equal). */
static inline int64_t order_key(const Parts *p, uint64_t raw, int f)
{
    if (p->cls == C_ZERO)
        return 0;
    int64_t mag = (int64_t)(raw & (SIGN(f) - 1));
    return p->sign ? -mag : mag;
}

static uint32_t compare(EmuFpStatus *st, uint64_t a, uint64_t b, int f, bool signal)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    if (is_nan(&pa) || is_nan(&pb)) {
        if (signal || pa.cls == C_SNAN || pb.cls == C_SNAN)
            st->flags |= EMU_FPSR_IOC;
        return 0x30000000u;
    }
    int64_t ka = order_key(&pa, a, f), kb = order_key(&pb, b, f);
    return ka == kb ? 0x60000000u : ka < kb ? 0x80000000u : 0x20000000u;
}

/* 0: eq, 1: ge, 2: gt. */
static bool cmp_simd(EmuFpStatus *st, uint64_t a, uint64_t b, int f, int kind)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    if (is_nan(&pa) || is_nan(&pb)) {
        if (kind != 0 || pa.cls == C_SNAN || pb.cls == C_SNAN)
            st->flags |= EMU_FPSR_IOC;
        return false;
    }
    int64_t ka = order_key(&pa, a, f), kb = order_key(&pb, b, f);
    return kind == 0 ? ka == kb : kind == 1 ? ka >= kb : ka > kb;
}

static uint64_t minmax(EmuFpStatus *st, uint64_t a, uint64_t b, int f, bool max, bool nm)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    if (nm) {
        if (pa.cls == C_QNAN && !is_nan(&pb))
            return repack(&pb, b, f);
        if (pb.cls == C_QNAN && !is_nan(&pa))
            return repack(&pa, a, f);
    }
    if (is_nan(&pa) || is_nan(&pb))
        return nan2(st, &pa, a, &pb, b, f);
    if (pa.cls == C_ZERO && pb.cls == C_ZERO)
        return pack_zero(max ? pa.sign && pb.sign : pa.sign || pb.sign, f);
    int64_t ka = order_key(&pa, a, f), kb = order_key(&pb, b, f);
    bool take_a = max ? ka > kb : ka < kb;
    return take_a ? repack(&pa, a, f) : repack(&pb, b, f);
}

/* ---- Round to integral, conversions to and from integers ---------------- */

static uint64_t round_int(EmuFpStatus *st, uint64_t a, int f, int rmode, bool exact)
{
    Parts pa = unpack(st, a, f, false);
    if (is_nan(&pa))
        return nan1(st, &pa, a, f);
    if (pa.cls != C_NORMAL)
        return repack(&pa, a, f);
    if (pa.exp >= MB(f))
        return a;
    uint64_t m;
    bool inexact = round_shift(pa.frac, 63 - pa.exp, pa.sign, rmode, &m);
    if (inexact && exact)
        st->flags |= EMU_FPSR_IXC;
    if (m == 0)
        return pack_zero(pa.sign, f);
    return round_u64(st, pa.sign, m, 0, f, EMU_FPRM_ZERO);
}

/* FPToFixed to a `bits`-bit integer, as its two's complement bit pattern. */
static inline uint64_t to_int(EmuFpStatus *st, uint64_t a, int f, int rmode, unsigned fbits,
                              int bits, bool is_signed)
{
    uint64_t umax = bits == 64 ? UINT64_MAX : (1ull << bits) - 1;
    uint64_t smax = umax >> 1;
    /* Host shortcut for truncation of an in-range normal value: C's
     * conversion truncates, and the integer converts back exactly. */
    if (likely(HOST_FP && rmode == EMU_FPRM_ZERO && fbits == 0 && !st->no_host && normal_raw(a, f))) {
        int e = (int)((a >> MB(f)) & EMAX(f)) - BIAS(f);
        bool neg = (a >> (MB(f) + EB(f))) & 1;
        if (e < bits - is_signed && (is_signed || !neg)) {
            double x = f == F64 ? f64_host(a) : (double)f32_host((uint32_t)a);
            uint64_t r;
            double back;
            if (is_signed) {
                int64_t v = (int64_t)x;
                back = (double)v;
                r = (uint64_t)v & umax;
            } else {
                uint64_t v = (uint64_t)x;
                back = (double)v;
                r = v;
            }
            if (back != x)
                st->flags |= EMU_FPSR_IXC;
            return r;
        }
    }
    Parts pa = unpack(st, a, f, false);
    if (is_nan(&pa)) {
        st->flags |= EMU_FPSR_IOC;
        return 0;
    }
    if (pa.cls == C_ZERO)
        return 0;
    uint64_t m = 0;
    bool inexact = false, overflow;
    int32_t exp = pa.exp + (int32_t)fbits;
    if (pa.cls == C_INF || exp >= 64) {
        overflow = true;
    } else {
        inexact = round_shift(pa.frac, 63 - exp, pa.sign, rmode, &m);
        overflow = false;
    }
    uint64_t r;
    if (is_signed) {
        if (pa.sign) {
            overflow |= m > smax + 1;
            r = overflow ? smax + 1 : -m;
        } else {
            overflow |= m > smax;
            r = overflow ? smax : m;
        }
        r &= umax;
    } else {
        if (pa.sign) {
            overflow |= m != 0;
            r = 0;
        } else {
            overflow |= m > umax;
            r = overflow ? umax : m;
        }
    }
    if (overflow)
        st->flags |= EMU_FPSR_IOC;
    else if (inexact)
        st->flags |= EMU_FPSR_IXC;
    return r;
}

static inline uint64_t from_int(EmuFpStatus *st, bool sign, uint64_t mag, unsigned fbits, int f)
{
    if (mag == 0)
        return 0;
    /* Exact in every rounding mode: at most MB+1 significant bits, and
     * mag / 2^fbits >= 2^-64 is normal. */
    if (likely(HOST_FP && mag < (2ull << MB(f)) && !st->no_host)) {
        if (f == F64) {
            double scale = f64_host((uint64_t)(1023 - fbits) << 52);
            return f64_raw((sign ? -(double)mag : (double)mag) * scale);
        }
        float scale = f32_host((uint32_t)(127 - fbits) << 23);
        return f32_raw((sign ? -(float)mag : (float)mag) * scale);
    }
    return round_u64(st, sign, mag, -(int32_t)fbits, f, st->rmode);
}

/* ---- Estimates ------------------------------------------------------------ */

/* RecipEstimate: a in 256..511 (0.5 <= a/512 < 1), result in 256..511. */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in 128..511 (0.25 <= a/512 < 1), result 256..511. */
static unsigned rsqrt_estimate(unsigned a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a >> 1) << 1) * 2 + 2;
    /* b: the largest b with a * b^2 < 2^28 (b >= 512 > 2^14 / sqrt(a)). */
    int64_t b = (int64_t)__builtin_sqrt((double)(1u << 28) / a) - 2;
    if (b < 512)
        b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (unsigned)((b + 1) / 2);
}

/* The fraction as 52 bits and the biased exponent, for the estimates. */
static inline uint64_t frac52(uint64_t a, int f)
{
    return (a & FRACMASK(f)) << (52 - MB(f));
}

static uint64_t recpe(EmuFpStatus *st, uint64_t a, int f)
{
    Parts pa = unpack(st, a, f, false);
    if (is_nan(&pa))
        return nan1(st, &pa, a, f);
    if (pa.cls == C_INF)
        return pack_zero(pa.sign, f);
    if (pa.cls == C_ZERO) {
        st->flags |= EMU_FPSR_DZC;
        return pack_inf(pa.sign, f);
    }
    int e = (int)((a >> MB(f)) & EMAX(f));
    uint64_t fr = frac52(a, f);
    /* |a| < 2^-(BIAS+1): the reciprocal overflows. */
    if (e == 0 && (fr >> 50) == 0) {
        int rm = st->rmode;
        bool to_inf = rm == EMU_FPRM_NEAREST || (rm == EMU_FPRM_POSINF && !pa.sign) ||
                      (rm == EMU_FPRM_NEGINF && pa.sign);
        st->flags |= EMU_FPSR_OFC | EMU_FPSR_IXC;
        return to_inf ? pack_inf(pa.sign, f) : pack_max(pa.sign, f);
    }
    /* |a| >= 2^(BIAS-1): the reciprocal is denormal, flushed under FZ. */
    if (st->fz && e >= 2 * BIAS(f) - 1) {
        st->flags |= EMU_FPSR_UFC;
        return pack_zero(pa.sign, f);
    }
    if (e == 0) {
        if (!((fr >> 51) & 1)) {
            e = -1;
            fr = (fr << 2) & ((1ull << 52) - 1);
        } else {
            fr = (fr << 1) & ((1ull << 52) - 1);
        }
    }
    unsigned scaled = 256 | (unsigned)((fr >> 44) & 0xff);
    int rexp = 2 * BIAS(f) - 1 - e;
    unsigned est = recip_estimate(scaled);
    fr = (uint64_t)(est & 0xff) << 44;
    if (rexp == 0) {
        fr = (1ull << 51) | (fr >> 1);
    } else if (rexp == -1) {
        fr = (1ull << 50) | (fr >> 2);
        rexp = 0;
    }
    return pack_zero(pa.sign, f) | ((uint64_t)rexp << MB(f)) | (fr >> (52 - MB(f)));
}

static uint64_t rsqrte(EmuFpStatus *st, uint64_t a, int f)
{
    Parts pa = unpack(st, a, f, false);
    if (is_nan(&pa))
        return nan1(st, &pa, a, f);
    if (pa.cls == C_ZERO) {
        st->flags |= EMU_FPSR_DZC;
        return pack_inf(pa.sign, f);
    }
    if (pa.sign)
        return invalid(st, f);
    if (pa.cls == C_INF)
        return 0;
    int e = (int)((a >> MB(f)) & EMAX(f));
    uint64_t fr = frac52(a, f);
    if (e == 0) {
        while (!((fr >> 51) & 1)) {
            fr <<= 1;
            e--;
        }
        fr = (fr << 1) & ((1ull << 52) - 1);
    }
    unsigned scaled = (e & 1) == 0 ? 256 | (unsigned)(fr >> 44) : 128 | (unsigned)(fr >> 45);
    int rexp = (3 * BIAS(f) - 1 - e) / 2;
    unsigned est = rsqrt_estimate(scaled);
    return ((uint64_t)rexp << MB(f)) | ((uint64_t)(est & 0xff) << (MB(f) - 8));
}

static uint64_t recpx(EmuFpStatus *st, uint64_t a, int f)
{
    Parts pa = unpack(st, a, f, false);
    if (is_nan(&pa))
        return nan1(st, &pa, a, f);
    uint64_t e = (a >> MB(f)) & EMAX(f);
    uint64_t re = e == 0 ? (uint64_t)EMAX(f) - 1 : (~e & EMAX(f));
    return pack_zero(pa.sign, f) | (re << MB(f));
}

/* FRECPS: 2 - a*b; FRSQRTS: (3 - a*b) / 2; infinity times zero gives the
 * constant. Operand a is negated before NaN processing, as Arm does. */
static uint64_t step(EmuFpStatus *st, uint64_t a, uint64_t b, int f, bool rsqrt)
{
    Parts pa = unpack(st, a, f, false), pb = unpack(st, b, f, false);
    uint64_t two = (uint64_t)(BIAS(f) + 1) << MB(f);
    uint64_t half = 1ull << (MB(f) - 1);
    if ((pa.cls == C_INF && pb.cls == C_ZERO) || (pa.cls == C_ZERO && pb.cls == C_INF))
        return rsqrt ? ((uint64_t)BIAS(f) << MB(f)) | half : two;   /* 1.5 or 2.0 */
    return muladd_soft(st, a ^ SIGN(f), b, rsqrt ? two | half : two, f, rsqrt ? -1 : 0);
}

/* ---- Precision conversions ------------------------------------------------ */

static uint64_t convert(EmuFpStatus *st, uint64_t a, int from, int to, int rmode)
{
    Parts pa = unpack(st, a, from, from == F16 && st->ahp);
    bool ahp_out = to == F16 && st->ahp;
    if (is_nan(&pa)) {
        if (ahp_out) {
            st->flags |= EMU_FPSR_IOC;
            return pack_zero(pa.sign, to);
        }
        if (pa.cls == C_SNAN)
            st->flags |= EMU_FPSR_IOC;
        if (st->dn)
            return default_nan(to);
        uint64_t m = MB(to) > MB(from) ? pa.frac << (MB(to) - MB(from))
                                       : pa.frac >> (MB(from) - MB(to));
        return pack_inf(pa.sign, to) | m | (1ull << (MB(to) - 1));
    }
    if (pa.cls == C_INF) {
        if (ahp_out) {
            st->flags |= EMU_FPSR_IOC;
            return pack_zero(pa.sign, to) | 0x7fff;
        }
        return pack_inf(pa.sign, to);
    }
    if (pa.cls == C_ZERO)
        return pack_zero(pa.sign, to);
    return round_pack(st, pa.sign, pa.exp, pa.frac, to, rmode, ahp_out);
}

/* ---- Public functions ------------------------------------------------------ */

/* Host paths, round to nearest only. Each returns true with *out set when
 * the host result is certain to be the soft path's result: normal
 * operands, a result strictly between the smallest normal and infinity
 * (so no tininess or overflow question), and IXC added exactly when the
 * result is inexact. Inexactness is known for free when IXC is already
 * set; otherwise it is computed exactly: TwoSum for sums, the exact
 * double-precision product for singles, and for doubles the FMA residual,
 * trusted only when the operands' exponents keep it above the denormal
 * range (biased exponent >= HOST_EXP_MIN). */
#define HOST_EXP_MIN 623

static inline bool host_rn(const EmuFpStatus *st)
{
    return HOST_FP && st->rmode == EMU_FPRM_NEAREST && !st->no_host;
}

static inline bool host_ok(const EmuFpStatus *st, uint64_t a, uint64_t b, int f)
{
    return host_rn(st) && normal_raw(a, f) && normal_raw(b, f);
}

static inline bool inexact_known(const EmuFpStatus *st) { return st->flags & EMU_FPSR_IXC; }
static inline unsigned exp64(uint64_t a) { return (a >> 52) & 0x7ff; }

static inline bool host_add32(EmuFpStatus *st, uint32_t a, uint32_t b, uint32_t *out)
{
    if (!host_ok(st, a, b, F32))
        return false;
    float x = f32_host(a), y = f32_host(b), s = x + y;
    uint32_t r = f32_raw(s);
    if (!safe_result(r, F32))
        return false;
    if (!inexact_known(st)) {
        float yy = s - x;
        if ((x - (s - yy)) + (y - yy) != 0)
            st->flags |= EMU_FPSR_IXC;
    }
    *out = r;
    return true;
}

static inline bool host_add64(EmuFpStatus *st, uint64_t a, uint64_t b, uint64_t *out)
{
    if (!host_ok(st, a, b, F64))
        return false;
    double x = f64_host(a), y = f64_host(b), s = x + y;
    uint64_t r = f64_raw(s);
    if (!safe_result(r, F64))
        return false;
    if (!inexact_known(st)) {
        double yy = s - x;
        if ((x - (s - yy)) + (y - yy) != 0)
            st->flags |= EMU_FPSR_IXC;
    }
    *out = r;
    return true;
}

static inline bool host_mul32(EmuFpStatus *st, uint32_t a, uint32_t b, uint32_t *out)
{
    if (!host_ok(st, a, b, F32))
        return false;
    double exact = (double)f32_host(a) * (double)f32_host(b);   /* 48 bits: exact */
    float p = (float)exact;
    uint32_t r = f32_raw(p);
    if (!safe_result(r, F32))
        return false;
    if ((double)p != exact)
        st->flags |= EMU_FPSR_IXC;
    *out = r;
    return true;
}

static inline bool host_mul64(EmuFpStatus *st, uint64_t a, uint64_t b, uint64_t *out)
{
    if (!host_ok(st, a, b, F64))
        return false;
    double x = f64_host(a), y = f64_host(b), p = x * y;
    uint64_t r = f64_raw(p);
    if (!safe_result(r, F64))
        return false;
    if (!inexact_known(st)) {
        if (exp64(a) < HOST_EXP_MIN || exp64(b) < HOST_EXP_MIN)
            return false;
        if (__builtin_fma(x, y, -p) != 0)
            st->flags |= EMU_FPSR_IXC;
    }
    *out = r;
    return true;
}

static inline bool host_div32(EmuFpStatus *st, uint32_t a, uint32_t b, uint32_t *out)
{
    if (!host_ok(st, a, b, F32))
        return false;
    float x = f32_host(a), y = f32_host(b), q = x / y;
    uint32_t r = f32_raw(q);
    if (!safe_result(r, F32))
        return false;
    if ((double)q * (double)y != (double)x)
        st->flags |= EMU_FPSR_IXC;
    *out = r;
    return true;
}

static inline bool host_div64(EmuFpStatus *st, uint64_t a, uint64_t b, uint64_t *out)
{
    if (!host_ok(st, a, b, F64))
        return false;
    double x = f64_host(a), y = f64_host(b), q = x / y;
    uint64_t r = f64_raw(q);
    if (!safe_result(r, F64))
        return false;
    if (!inexact_known(st)) {
        if (exp64(r) < HOST_EXP_MIN || exp64(b) < HOST_EXP_MIN)
            return false;
        if (__builtin_fma(q, y, -x) != 0)
            st->flags |= EMU_FPSR_IXC;
    }
    *out = r;
    return true;
}

uint32_t emu_f32_add(EmuFpStatus *st, uint32_t a, uint32_t b)
{
    uint32_t r;
    return host_add32(st, a, b, &r) ? r : (uint32_t)add_soft(st, a, b, F32, false);
}

uint32_t emu_f32_sub(EmuFpStatus *st, uint32_t a, uint32_t b)
{
    uint32_t r;
    return host_add32(st, a, b ^ 0x80000000u, &r) ? r : (uint32_t)add_soft(st, a, b, F32, true);
}

uint64_t emu_f64_add(EmuFpStatus *st, uint64_t a, uint64_t b)
{
    uint64_t r;
    return host_add64(st, a, b, &r) ? r : add_soft(st, a, b, F64, false);
}

uint64_t emu_f64_sub(EmuFpStatus *st, uint64_t a, uint64_t b)
{
    uint64_t r;
    return host_add64(st, a, b ^ (1ull << 63), &r) ? r : add_soft(st, a, b, F64, true);
}

uint32_t emu_f32_mul(EmuFpStatus *st, uint32_t a, uint32_t b)
{
    uint32_t r;
    return host_mul32(st, a, b, &r) ? r : (uint32_t)mul_soft(st, a, b, F32, false);
}

uint64_t emu_f64_mul(EmuFpStatus *st, uint64_t a, uint64_t b)
{
    uint64_t r;
    return host_mul64(st, a, b, &r) ? r : mul_soft(st, a, b, F64, false);
}

uint32_t emu_f32_mulx(EmuFpStatus *st, uint32_t a, uint32_t b)
{
    uint32_t r;
    return host_mul32(st, a, b, &r) ? r : (uint32_t)mul_soft(st, a, b, F32, true);
}

uint64_t emu_f64_mulx(EmuFpStatus *st, uint64_t a, uint64_t b)
{
    uint64_t r;
    return host_mul64(st, a, b, &r) ? r : mul_soft(st, a, b, F64, true);
}

uint32_t emu_f32_div(EmuFpStatus *st, uint32_t a, uint32_t b)
{
    uint32_t r;
    return host_div32(st, a, b, &r) ? r : (uint32_t)div_soft(st, a, b, F32);
}

uint64_t emu_f64_div(EmuFpStatus *st, uint64_t a, uint64_t b)
{
    uint64_t r;
    return host_div64(st, a, b, &r) ? r : div_soft(st, a, b, F64);
}

#define DEFINE_OPS(N, T)                                                       \
T emu_f##N##_max(EmuFpStatus *st, T a, T b) { return (T)minmax(st, a, b, F##N, true, false); }   \
T emu_f##N##_min(EmuFpStatus *st, T a, T b) { return (T)minmax(st, a, b, F##N, false, false); }  \
T emu_f##N##_maxnm(EmuFpStatus *st, T a, T b) { return (T)minmax(st, a, b, F##N, true, true); }  \
T emu_f##N##_minnm(EmuFpStatus *st, T a, T b) { return (T)minmax(st, a, b, F##N, false, true); } \
uint32_t emu_f##N##_compare(EmuFpStatus *st, T a, T b, bool signal)            \
{                                                                              \
    return compare(st, a, b, F##N, signal);                                    \
}                                                                              \
bool emu_f##N##_cmpeq(EmuFpStatus *st, T a, T b) { return cmp_simd(st, a, b, F##N, 0); } \
bool emu_f##N##_cmpge(EmuFpStatus *st, T a, T b) { return cmp_simd(st, a, b, F##N, 1); } \
bool emu_f##N##_cmpgt(EmuFpStatus *st, T a, T b) { return cmp_simd(st, a, b, F##N, 2); } \
T emu_f##N##_round_int(EmuFpStatus *st, T a, EmuFpRound rmode, bool exact)     \
{                                                                              \
    return (T)round_int(st, a, F##N, rmode, exact);                            \
}                                                                              \
T emu_f##N##_recpe(EmuFpStatus *st, T a) { return (T)recpe(st, a, F##N); }     \
T emu_f##N##_rsqrte(EmuFpStatus *st, T a) { return (T)rsqrte(st, a, F##N); }   \
T emu_f##N##_recpx(EmuFpStatus *st, T a) { return (T)recpx(st, a, F##N); }     \
T emu_f##N##_recps(EmuFpStatus *st, T a, T b) { return (T)step(st, a, b, F##N, false); } \
T emu_f##N##_rsqrts(EmuFpStatus *st, T a, T b) { return (T)step(st, a, b, F##N, true); } \
int32_t emu_f##N##_to_s32(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits) \
{                                                                              \
    return (int32_t)(uint32_t)to_int(st, a, F##N, rmode, fbits, 32, true);     \
}                                                                              \
uint32_t emu_f##N##_to_u32(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits) \
{                                                                              \
    return (uint32_t)to_int(st, a, F##N, rmode, fbits, 32, false);             \
}                                                                              \
int64_t emu_f##N##_to_s64(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits) \
{                                                                              \
    return (int64_t)to_int(st, a, F##N, rmode, fbits, 64, true);               \
}                                                                              \
uint64_t emu_f##N##_to_u64(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits) \
{                                                                              \
    return to_int(st, a, F##N, rmode, fbits, 64, false);                       \
}                                                                              \
T emu_s64_to_f##N(EmuFpStatus *st, int64_t v, unsigned fbits)                  \
{                                                                              \
    return (T)from_int(st, v < 0, v < 0 ? -(uint64_t)v : (uint64_t)v, fbits, F##N); \
}                                                                              \
T emu_u64_to_f##N(EmuFpStatus *st, uint64_t v, unsigned fbits)                 \
{                                                                              \
    return (T)from_int(st, false, v, fbits, F##N);                             \
}

DEFINE_OPS(32, uint32_t)
DEFINE_OPS(64, uint64_t)

uint32_t emu_f32_sqrt(EmuFpStatus *st, uint32_t a)
{
    if (likely(host_rn(st) && normal_raw(a, F32) && !(a >> 31))) {
        float x = f32_host(a), r = __builtin_sqrtf(x);
        if ((double)r * (double)r != (double)x)
            st->flags |= EMU_FPSR_IXC;
        return f32_raw(r);
    }
    return (uint32_t)sqrt_soft(st, a, F32);
}

uint64_t emu_f64_sqrt(EmuFpStatus *st, uint64_t a)
{
    if (likely(host_rn(st) && normal_raw(a, F64) && !(a >> 63) &&
               (inexact_known(st) || exp64(a) >= HOST_EXP_MIN))) {
        double x = f64_host(a), r = __builtin_sqrt(x);
        if (!inexact_known(st) && __builtin_fma(r, r, -x) != 0)
            st->flags |= EMU_FPSR_IXC;
        return f64_raw(r);
    }
    return sqrt_soft(st, a, F64);
}

/* Fused multiply-add on the host. Inexactness: for singles the product is
 * exact in double, so TwoSum of product and addend gives the exact sum;
 * for doubles only when the product is exact (FMA residual zero), which
 * covers integer-valued arithmetic; otherwise only once IXC is set. A zero
 * addend is fine (a nonzero result is then the rounded product). */
static inline bool normal_or_zero_raw(uint64_t a, int f)
{
    return (a & (SIGN(f) - 1)) == 0 || normal_raw(a, f);
}

HOST_FMA_CLONES
uint32_t emu_f32_muladd(EmuFpStatus *st, uint32_t a, uint32_t b, uint32_t c)
{
    if (likely(host_ok(st, a, b, F32) && normal_or_zero_raw(c, F32))) {
        float x = f32_host(a), y = f32_host(b), z = f32_host(c);
        float rf = __builtin_fmaf(x, y, z);
        uint32_t r = f32_raw(rf);
        if (likely(safe_result(r, F32))) {
            if (!inexact_known(st)) {
                double p = (double)x * (double)y, zd = z, sum = p + zd, zz = sum - p;
                if ((p - (sum - zz)) + (zd - zz) != 0 || (double)rf != sum)
                    st->flags |= EMU_FPSR_IXC;
            }
            return r;
        }
    }
    return (uint32_t)muladd_soft(st, a, b, c, F32, 0);
}

HOST_FMA_CLONES
uint64_t emu_f64_muladd(EmuFpStatus *st, uint64_t a, uint64_t b, uint64_t c)
{
    if (likely(host_ok(st, a, b, F64) && normal_or_zero_raw(c, F64))) {
        double x = f64_host(a), y = f64_host(b), z = f64_host(c);
        uint64_t r = f64_raw(__builtin_fma(x, y, z));
        if (likely(safe_result(r, F64))) {
            if (inexact_known(st))
                return r;
            double p = x * y;
            if (exp64(a) >= HOST_EXP_MIN && exp64(b) >= HOST_EXP_MIN &&
                safe_result(f64_raw(p), F64) && __builtin_fma(x, y, -p) == 0) {
                double sum = p + z, zz = sum - p;
                if ((p - (sum - zz)) + (z - zz) != 0)
                    st->flags |= EMU_FPSR_IXC;
                return r;
            }
        }
    }
    return muladd_soft(st, a, b, c, F64, 0);
}

uint64_t emu_f32_to_f64(EmuFpStatus *st, uint32_t a) { return convert(st, a, F32, F64, st->rmode); }
uint32_t emu_f64_to_f32(EmuFpStatus *st, uint64_t a) { return (uint32_t)convert(st, a, F64, F32, st->rmode); }
uint32_t emu_f64_to_f32_odd(EmuFpStatus *st, uint64_t a) { return (uint32_t)convert(st, a, F64, F32, EMU_FPRM_ODD); }
uint32_t emu_f16_to_f32(EmuFpStatus *st, uint16_t a) { return (uint32_t)convert(st, a, F16, F32, st->rmode); }
uint64_t emu_f16_to_f64(EmuFpStatus *st, uint16_t a) { return convert(st, a, F16, F64, st->rmode); }
uint16_t emu_f32_to_f16(EmuFpStatus *st, uint32_t a) { return (uint16_t)convert(st, a, F32, F16, st->rmode); }
uint16_t emu_f64_to_f16(EmuFpStatus *st, uint64_t a) { return (uint16_t)convert(st, a, F64, F16, st->rmode); }

uint32_t emu_urecpe_u32(uint32_t a)
{
    if (!(a >> 31))
        return UINT32_MAX;
    return recip_estimate(a >> 23) << 23;
}

uint32_t emu_ursqrte_u32(uint32_t a)
{
    if (!(a >> 30))
        return UINT32_MAX;
    return rsqrt_estimate(a >> 23) << 23;
}
