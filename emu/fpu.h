/* emu/fpu.h — ARMv8 floating-point arithmetic on raw bit patterns.
 *
 * One element at a time, bit-exact with the Arm ARM pseudocode as QEMU
 * implements it (softfloat with Arm's rules): f32 and f64 arithmetic, f16
 * only in conversions (FP16 arithmetic is ARMv8.2 and not advertised).
 *
 * Usage from an instruction handler:
 *
 *   EmuFpStatus st = emu_fp_status(cpu);          // FPCR controls, FPSR flags
 *   uint32_t r = emu_f32_add(&st, a, b);          // per element
 *   ...
 *   emu_fp_status_commit(cpu, &st);               // OR flags into FPSR
 *
 * Every operation follows Arm's rules:
 *  - rounding: st->rmode (from FPCR.RMode) unless the function takes an
 *    explicit `rmode` (FRINTx, FCVTxx);
 *  - FZ: denormal inputs read as signed zero and set IDC; results that are
 *    tiny before rounding become signed zero and set UFC (not IXC). Half
 *    precision values are never flushed (FZ16 is ARMv8.2);
 *  - DN: every NaN result is the default NaN; otherwise a NaN result is the
 *    first signalling NaN operand, else the first quiet NaN operand, in
 *    operand order, quietened. Fused multiply-add takes the addend first;
 *  - underflow: tininess is detected before rounding; UFC needs inexact;
 *  - cumulative flags only: traps (FPCR.xxE) are not implemented (QEMU
 *    does not implement them either).
 *
 * Callers negate operands themselves where the pseudocode does FPNeg before
 * the operation (FMSUB, FNMADD, FMLS, FNMUL after rounding): a sign flip of
 * a NaN operand is visible in the propagated NaN, as on hardware.
 */
#ifndef EMU_FPU_H
#define EMU_FPU_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/internal.h"

/* FPSR cumulative exception bits (same positions as in FPSR). */
#define EMU_FPSR_IOC 0x01u   /* invalid operation */
#define EMU_FPSR_DZC 0x02u   /* divide by zero */
#define EMU_FPSR_OFC 0x04u   /* overflow */
#define EMU_FPSR_UFC 0x08u   /* underflow */
#define EMU_FPSR_IXC 0x10u   /* inexact */
#define EMU_FPSR_IDC 0x80u   /* input denormal */
#define EMU_FPSR_QC  (1u << 27)  /* saturation (SIMD integer ops; not set here) */
#define EMU_FPSR_EXC 0x9fu

/* FPCR control bits. */
#define EMU_FPCR_AHP (1u << 26)
#define EMU_FPCR_DN  (1u << 25)
#define EMU_FPCR_FZ  (1u << 24)
#define EMU_FPCR_RMODE_SHIFT 22

/* Rounding modes. 0..3 are FPCR.RMode's encodings (RN, RP, RM, RZ). */
typedef enum EmuFpRound {
    EMU_FPRM_NEAREST = 0,   /* to nearest, ties to even */
    EMU_FPRM_POSINF = 1,    /* towards +infinity */
    EMU_FPRM_NEGINF = 2,    /* towards -infinity */
    EMU_FPRM_ZERO = 3,      /* towards zero */
    EMU_FPRM_TIEAWAY = 4,   /* to nearest, ties away from zero (FRINTA, FCVTA*) */
    EMU_FPRM_ODD = 5,       /* von Neumann rounding to odd (FCVTXN) */
} EmuFpRound;

/* The FP environment of one instruction. `flags` starts as FPSR's
 * cumulative bits and only ever gains bits; the functions below OR into
 * it. Plain data: a caller may copy it or change rmode for one call. */
/* EmuFpStatus is defined in emu/internal.h (the CPU keeps one as scratch). */

static inline EmuFpStatus emu_fp_status(const struct EmuCpu *cpu)
{
    EmuFpStatus st;
    uint32_t fpcr = cpu->fpcr;
    st.flags = cpu->fpsr & EMU_FPSR_EXC;
    st.rmode = (fpcr >> EMU_FPCR_RMODE_SHIFT) & 3;
    st.fz = (fpcr >> 24) & 1;
    st.dn = (fpcr >> 25) & 1;
    st.ahp = (fpcr >> 26) & 1;
    st.no_host = false;
    return st;
}

/* Fold the accumulated flags back into FPSR. */
static inline void emu_fp_status_commit(struct EmuCpu *cpu, const EmuFpStatus *st)
{
    cpu->fpsr |= st->flags;
}

/* Status from explicit FPCR/FPSR values (tests, tools). */
static inline EmuFpStatus emu_fp_status_make(uint32_t fpcr, uint32_t fpsr)
{
    return (EmuFpStatus){
        .flags = fpsr & EMU_FPSR_EXC,
        .rmode = (fpcr >> EMU_FPCR_RMODE_SHIFT) & 3,
        .fz = (fpcr & EMU_FPCR_FZ) != 0,
        .dn = (fpcr & EMU_FPCR_DN) != 0,
        .ahp = (fpcr & EMU_FPCR_AHP) != 0,
    };
}

#define EMU_F16_DEFAULT_NAN 0x7e00u
#define EMU_F32_DEFAULT_NAN 0x7fc00000u
#define EMU_F64_DEFAULT_NAN 0x7ff8000000000000ull

/* Sign-bit operations (FABS, FNEG): no flags, no NaN processing. */
static inline uint32_t emu_f32_neg(uint32_t a) { return a ^ 0x80000000u; }
static inline uint32_t emu_f32_abs(uint32_t a) { return a & 0x7fffffffu; }
static inline uint64_t emu_f64_neg(uint64_t a) { return a ^ (1ull << 63); }
static inline uint64_t emu_f64_abs(uint64_t a) { return a & ~(1ull << 63); }
static inline bool emu_f32_is_nan(uint32_t a) { return (a & 0x7fffffffu) > 0x7f800000u; }
static inline bool emu_f64_is_nan(uint64_t a) { return (a & ~(1ull << 63)) > 0x7ff0000000000000ull; }

/* Declares the same operation for f32 (uint32_t) and f64 (uint64_t). */
#define EMU_FPU_DECLARE(N, T)                                                  \
/* Arithmetic, rounded by st->rmode. */                                        \
T emu_f##N##_add(EmuFpStatus *st, T a, T b);                                   \
T emu_f##N##_sub(EmuFpStatus *st, T a, T b);                                   \
T emu_f##N##_mul(EmuFpStatus *st, T a, T b);                                   \
T emu_f##N##_div(EmuFpStatus *st, T a, T b);                                   \
T emu_f##N##_sqrt(EmuFpStatus *st, T a);                                       \
/* FMULX: FMUL except that infinity times zero is +-2.0. */                    \
T emu_f##N##_mulx(EmuFpStatus *st, T a, T b);                                  \
/* a * b + c with a single rounding (FMADD, FMLA). NaN order: c, a, b;        \
 * a quiet NaN c with 0 * inf gives the default NaN and IOC. */                \
T emu_f##N##_muladd(EmuFpStatus *st, T a, T b, T c);                           \
/* FMAX, FMIN (NaNs propagate); FMAXNM, FMINNM (one quiet NaN loses to a      \
 * number). max(-0, +0) = +0, min(-0, +0) = -0. */                             \
T emu_f##N##_max(EmuFpStatus *st, T a, T b);                                   \
T emu_f##N##_min(EmuFpStatus *st, T a, T b);                                   \
T emu_f##N##_maxnm(EmuFpStatus *st, T a, T b);                                 \
T emu_f##N##_minnm(EmuFpStatus *st, T a, T b);                                 \
/* FCMP/FCMPE: NZCV in bits 31:28 (cpu->nzcv layout): 0110 equal, 1000        \
 * less, 0010 greater, 0011 unordered. IOC for a signalling NaN, or with      \
 * `signal` (FCMPE) for any NaN. */                                            \
uint32_t emu_f##N##_compare(EmuFpStatus *st, T a, T b, bool signal);          \
/* SIMD compares: eq is quiet (IOC on sNaN only); ge and gt signal on any     \
 * NaN. FACGE/FACGT: pass emu_fN_abs() of both operands. */                    \
bool emu_f##N##_cmpeq(EmuFpStatus *st, T a, T b);                              \
bool emu_f##N##_cmpge(EmuFpStatus *st, T a, T b);                              \
bool emu_f##N##_cmpgt(EmuFpStatus *st, T a, T b);                              \
/* FRINTx: round to an integral value in `rmode`; `exact` (FRINTX) sets IXC   \
 * when the value changed. */                                                  \
T emu_f##N##_round_int(EmuFpStatus *st, T a, EmuFpRound rmode, bool exact);    \
/* FRECPE, FRSQRTE (8-bit estimates), FRECPS (2 - a*b), FRSQRTS              \
 * ((3 - a*b) / 2), both fused; FRECPX (exponent reciprocal). */               \
T emu_f##N##_recpe(EmuFpStatus *st, T a);                                      \
T emu_f##N##_rsqrte(EmuFpStatus *st, T a);                                     \
T emu_f##N##_recps(EmuFpStatus *st, T a, T b);                                 \
T emu_f##N##_rsqrts(EmuFpStatus *st, T a, T b);                                \
T emu_f##N##_recpx(EmuFpStatus *st, T a);                                      \
/* FP to integer: a * 2^fbits rounded in `rmode`, saturated. NaN gives 0;     \
 * NaN or out of range sets IOC (not IXC); otherwise inexact sets IXC.        \
 * fbits is 0..64 (0 for the plain conversions). */                            \
int32_t emu_f##N##_to_s32(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits);  \
uint32_t emu_f##N##_to_u32(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits); \
int64_t emu_f##N##_to_s64(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits);  \
uint64_t emu_f##N##_to_u64(EmuFpStatus *st, T a, EmuFpRound rmode, unsigned fbits); \
/* Integer to FP: v / 2^fbits rounded by st->rmode. 32-bit sources: pass     \
 * them sign- or zero-extended (the value, hence the result, is the same). */ \
T emu_s64_to_f##N(EmuFpStatus *st, int64_t v, unsigned fbits);                \
T emu_u64_to_f##N(EmuFpStatus *st, uint64_t v, unsigned fbits);

EMU_FPU_DECLARE(32, uint32_t)
EMU_FPU_DECLARE(64, uint64_t)
#undef EMU_FPU_DECLARE

/* Precision conversions (FCVT, FCVTL, FCVTN), rounded by st->rmode.
 * Halves use IEEE or, with st->ahp, Arm's alternative format (no infinity
 * or NaN: those convert to zero / max with IOC). */
uint64_t emu_f32_to_f64(EmuFpStatus *st, uint32_t a);
uint32_t emu_f64_to_f32(EmuFpStatus *st, uint64_t a);
/* FCVTXN: f64 to f32 rounding to odd, whatever st->rmode says. */
uint32_t emu_f64_to_f32_odd(EmuFpStatus *st, uint64_t a);
uint32_t emu_f16_to_f32(EmuFpStatus *st, uint16_t a);
uint64_t emu_f16_to_f64(EmuFpStatus *st, uint16_t a);
uint16_t emu_f32_to_f16(EmuFpStatus *st, uint32_t a);
uint16_t emu_f64_to_f16(EmuFpStatus *st, uint64_t a);

/* URECPE, URSQRTE: unsigned fixed-point estimates (no flags). */
uint32_t emu_urecpe_u32(uint32_t a);
uint32_t emu_ursqrte_u32(uint32_t a);

/* The common case of a double-precision multiply-add, inline for the hot
 * vector handlers: FPCR rounding to nearest, FPSR.IXC already set (so the
 * result's inexactness needs no test), a and b normal, c normal or zero,
 * and a normal result. Then no other flag can arise and FZ/DN change
 * nothing, and the host's fused multiply-add is exactly Arm's FPMulAdd.
 * Returns false, having changed nothing, for every other case (the caller
 * then uses emu_f64_muladd). Worth calling only where the compiler emits
 * FMA as an instruction (a target("fma") function). */
static inline bool emu_f64_muladd_quick(uint32_t fpcr, uint32_t fpsr, uint64_t a, uint64_t b,
                                        uint64_t c, uint64_t *r)
{
    const uint64_t exp = 0x7ffull << 52, min = 1ull << 52;
    if ((fpcr >> EMU_FPCR_RMODE_SHIFT) & 3 || !(fpsr & EMU_FPSR_IXC))
        return false;
    if ((a & exp) - min >= exp - min || (b & exp) - min >= exp - min)
        return false;                       /* zero, subnormal, Inf or NaN */
    if ((c & ~(1ull << 63)) != 0 && (c & exp) - min >= exp - min)
        return false;
    double x, y, z, d;
    memcpy(&x, &a, 8);
    memcpy(&y, &b, 8);
    memcpy(&z, &c, 8);
    d = __builtin_fma(x, y, z);
    uint64_t v;
    memcpy(&v, &d, 8);
    uint64_t mag = v & ~(1ull << 63);
    if (mag <= min || mag >= exp)             /* tiny, subnormal, zero or huge */
        return false;
    *r = v;
    return true;
}

#endif
