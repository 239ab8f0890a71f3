/* emu/a64_simd.h — what a64_simd.c (integer Advanced SIMD, the encoding
 * table) and a64_simd2.c (floating-point and data movement Advanced SIMD)
 * share.
 *
 * Every SIMD handler gets its operand geometry precomputed in EmuInsn.aux
 * by the decode function of its table row:
 *
 *   31            16 15           8 7    6 5  4      0
 *  +----------------+--------------+------+---+--------+
 *  |     extra2     |    extra     | size | Q | lanes  |
 *  +----------------+--------------+------+---+--------+
 *
 *   lanes  active elements (1 for the scalar forms)
 *   Q      the result is 128 bits wide; when clear, bits 127:64 of the
 *          destination are zeroed (scalar forms clear it too)
 *   size   log2 of the element size in bytes (of the narrow elements for
 *          widening and narrowing instructions)
 *   extra  per-instruction: shift amount, element index, register count,
 *          the Vm of by-element forms; FP conversions: fbits
 *   extra2 per-instruction: a second index (the by-element index); FP:
 *          rounding mode and FRINTX's exactness (a64_simd2.c); EXT and
 *          REV: the per-byte source register of the byte permutation
 *
 * EmuInsn.imm holds immediates (the expanded modified immediate) or the
 * byte permutation of EXT and REV.
 */
#ifndef EMU_A64_SIMD_H
#define EMU_A64_SIMD_H

#include "emu/internal.h"

#define ALWAYS_INLINE static inline __attribute__((always_inline))

#define AUX_LANES(a)  ((a) & 31u)
#define AUX_Q         (1u << 5)
#define AUX_SIZE(a)   (((a) >> 6) & 3u)
#define AUX_EXTRA(a)  (((a) >> 8) & 0xffu)
#define AUX_EXTRA2(a) ((a) >> 16)

#define FPSR_QC (1u << 27)

/* aux for a vector of 64 or 128 bits (q) with elements of 1 << size bytes. */
static inline uint32_t simd_vec_aux(unsigned q, unsigned size)
{
    return ((q ? 16u : 8u) >> size) | (q ? AUX_Q : 0) | size << 6;
}

/* aux for a scalar: one element, the rest of the register zeroed. */
static inline uint32_t simd_scalar_aux(unsigned size)
{
    return 1u | size << 6;
}

/* Lane types by size: unsigned, signed, union member, and the unsigned type
 * products are computed in (wide enough not to overflow int). */
#define UT_0 uint8_t
#define UT_1 uint16_t
#define UT_2 uint32_t
#define UT_3 uint64_t
#define ST_0 int8_t
#define ST_1 int16_t
#define ST_2 int32_t
#define ST_3 int64_t
#define LF_0 b
#define LF_1 h
#define LF_2 s
#define LF_3 d
#define UP_0 uint32_t
#define UP_1 uint32_t
#define UP_2 uint32_t
#define UP_3 uint64_t

/* Twice as wide (narrowing and widening forms), sz < 3. */
#define WT_0 uint16_t
#define WT_1 uint32_t
#define WT_2 uint64_t
#define WF_0 h
#define WF_1 s
#define WF_2 d

#define LANE_TYPES(sz)                                                         \
    typedef UT_##sz UT;                                                        \
    typedef ST_##sz ST;                                                        \
    typedef UP_##sz UP;                                                        \
    (void)sizeof(UT); (void)sizeof(ST); (void)sizeof(UP)

/* Write a 128-bit result computed in full: the upper half is dropped
 * unless aux says Q. */
static inline EmuStep simd_put(struct EmuCpu *cpu, const EmuInsn *in, EmuVReg *r)
{
    if (!(in->aux & AUX_Q))
        r->d[1] = 0;
    cpu->v[RD(in->raw)] = *r;
    EMU_CONTINUE(cpu, in);
}

/* Lanes by size, for bodies instantiated with a constant size. */
ALWAYS_INLINE uint64_t simd_lane(const EmuVReg *v, unsigned i, unsigned size)
{
    switch (size) {
    case 0: return v->b[i];
    case 1: return v->h[i];
    case 2: return v->s[i];
    default: return v->d[i];
    }
}

ALWAYS_INLINE void simd_set_lane(EmuVReg *v, unsigned i, unsigned size, uint64_t x)
{
    switch (size) {
    case 0: v->b[i] = (uint8_t)x; break;
    case 1: v->h[i] = (uint16_t)x; break;
    case 2: v->s[i] = (uint32_t)x; break;
    default: v->d[i] = x; break;
    }
}

/* The lanes of m:n, or of the low halves of both (64-bit forms), for the
 * pairwise instructions: result lane i combines c[2i] and c[2i + 1]. */
typedef union SimdPair {
    uint8_t b[32];
    uint16_t h[16];
    uint32_t s[8];
    uint64_t d[4];
} SimdPair;

static inline void simd_pair_concat(SimdPair *c, const EmuVReg *n, const EmuVReg *m, bool q)
{
    if (q) {
        c->d[0] = n->d[0]; c->d[1] = n->d[1];
        c->d[2] = m->d[0]; c->d[3] = m->d[1];
    } else {
        c->d[0] = n->d[0]; c->d[1] = m->d[0];
        c->d[2] = c->d[3] = 0;
    }
}

/* ---- Rows decoded in a64_simd2.c ---------------------------------------- */

/* Each decoder accepts the instructions of its row(s) and fills out->fn
 * with the matching handler; it returns false for unallocated encodings
 * and for the FP16 forms (not advertised). */
bool simd_dec_copy(uint32_t raw, EmuInsn *out);          /* DUP, SMOV, UMOV, INS (general) */
bool simd_dec_ins_elem(uint32_t raw, EmuInsn *out);
bool simd_dec_dup_scalar(uint32_t raw, EmuInsn *out);
bool simd_dec_perm(uint32_t raw, EmuInsn *out);          /* UZP, TRN, ZIP */
bool simd_dec_ext(uint32_t raw, EmuInsn *out);
bool simd_dec_rev(uint32_t raw, EmuInsn *out);
bool simd_dec_tbl(uint32_t raw, EmuInsn *out);
bool simd_dec_modimm(uint32_t raw, EmuInsn *out);        /* MOVI, MVNI, ORR, BIC, FMOV */
bool simd_dec_fp_same3(uint32_t raw, EmuInsn *out);      /* three same */
bool simd_dec_fp_same3_scalar(uint32_t raw, EmuInsn *out);
bool simd_dec_fp_misc(uint32_t raw, EmuInsn *out);       /* two-reg misc */
bool simd_dec_fp_misc_scalar(uint32_t raw, EmuInsn *out);
bool simd_dec_fp_across(uint32_t raw, EmuInsn *out);     /* FMAXV & co */
bool simd_dec_fp_pairwise_scalar(uint32_t raw, EmuInsn *out);
bool simd_dec_fp_elem(uint32_t raw, EmuInsn *out);       /* by element */
bool simd_dec_fp_elem_scalar(uint32_t raw, EmuInsn *out);
bool simd_dec_fp_shift(uint32_t raw, EmuInsn *out);      /* fixed point */
bool simd_dec_fp_shift_scalar(uint32_t raw, EmuInsn *out);

#endif
