/* tests/guest/simd.c — Advanced SIMD through arm_neon.h intrinsics: each
 * operation runs over every pair of a table of 128-bit input vectors (edge
 * lanes: 0, 1, -1, the signed and unsigned extremes, alternating bits,
 * floats with NaNs, infinities, subnormals) and prints one FNV-1a hash of
 * its results together with the cumulative FPSR (QC saturation and the
 * floating-point exception flags), plus one sample result. */
#include <arm_neon.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

#define NIN 12
static uint8_t in[NIN][16];

static void init_inputs(void)
{
    static const uint8_t pat[6][16] = {
        { 0 },
        { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
        { 0x80, 0, 0, 0x80, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x80 },
        { 0x7f, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f },
        { 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 },
        { 0x55, 0xaa, 0x55, 0xaa, 0x33, 0xcc, 0x0f, 0xf0, 0x01, 0x80, 0x7e, 0x81, 0xfe, 0x7f, 0x10, 0x08 },
    };
    for (int i = 0; i < 6; i++)
        memcpy(in[i], pat[i], 16);
    /* Floats: 1.5, -0.0, inf, NaN; 3.0, 1e-40 (subnormal), -2.5, 65504 */
    static const float f1[4] = { 1.5f, -0.0f, __builtin_inff(), __builtin_nanf("") };
    static const float f2[4] = { 3.0f, 1e-40f, -2.5f, 65504.0f };
    static const double d1[2] = { -1e300, 0.1 };
    memcpy(in[6], f1, 16);
    memcpy(in[7], f2, 16);
    memcpy(in[8], d1, 16);
    /* Pseudo-random lanes. */
    uint64_t x = 0x9e3779b97f4a7c15ull;
    for (int i = 9; i < NIN; i++)
        for (int k = 0; k < 16; k++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            in[i][k] = (uint8_t)(x >> 32);
        }
}

static uint64_t fpsr_get(void) { uint64_t v; __asm__ volatile("mrs %0, fpsr" : "=r"(v)); return v; }
static void fpsr_set(uint64_t v) { __asm__ volatile("msr fpsr, %0" : : "r"(v)); }

typedef void (*vop)(const uint8_t *a, const uint8_t *b, uint8_t *out);

/* A binary operation on q registers: T is a type and its load (U8 ...
 * F64 below), ST stores the result, whose type R may differ (BINR). */
#define BIN(...) BIN_(__VA_ARGS__)
#define BIN_(name, T, LD, ST, expr) \
    static void name(const uint8_t *pa, const uint8_t *pb, uint8_t *out) { \
        T a = LD((const void *)pa), b = LD((const void *)pb); (void)a; (void)b; \
        ST((void *)out, (expr)); }
/* Result of a different type R. */
#define BINR(...) BINR_(__VA_ARGS__)
#define BINR_(name, T, LD, R, ST, expr) \
    static void name(const uint8_t *pa, const uint8_t *pb, uint8_t *out) { \
        T a = LD((const void *)pa), b = LD((const void *)pb); (void)a; (void)b; \
        R r_ = (expr); ST((void *)out, r_); }

#define U8  uint8x16_t, vld1q_u8
#define S8  int8x16_t, vld1q_s8
#define U16 uint16x8_t, vld1q_u16
#define S16 int16x8_t, vld1q_s16
#define U32 uint32x4_t, vld1q_u32
#define S32 int32x4_t, vld1q_s32
#define U64 uint64x2_t, vld1q_u64
#define S64 int64x2_t, vld1q_s64
#define F32 float32x4_t, vld1q_f32
#define F64 float64x2_t, vld1q_f64

/* integer arithmetic */
BIN(add8, U8, vst1q_u8, vaddq_u8(a, b))
BIN(sub16, U16, vst1q_u16, vsubq_u16(a, b))
BIN(mul32, U32, vst1q_u32, vmulq_u32(a, b))
BIN(mla16, S16, vst1q_s16, vmlaq_s16(a, b, a))
BIN(mls8, U8, vst1q_u8, vmlsq_u8(b, a, b))
BIN(neg64, S64, vst1q_s64, vnegq_s64(vaddq_s64(a, b)))
BIN(abs8, S8, vst1q_s8, vabsq_s8(veorq_s8(a, b)))
BIN(qadd_s8, S8, vst1q_s8, vqaddq_s8(a, b))
BIN(qadd_u16, U16, vst1q_u16, vqaddq_u16(a, b))
BIN(qsub_s32, S32, vst1q_s32, vqsubq_s32(a, b))
BIN(qsub_u64, U64, vst1q_u64, vqsubq_u64(a, b))
BIN(qabs_s16, S16, vst1q_s16, vqabsq_s16(vsubq_s16(a, b)))
BIN(qneg_s8, S8, vst1q_s8, vqnegq_s8(a))
BIN(uqadd_su, S8, vst1q_s8, vuqaddq_s8(a, vreinterpretq_u8_s8(b)))
BIN(sqadd_us, U32, vst1q_u32, vsqaddq_u32(a, vreinterpretq_s32_u32(b)))
BIN(qdmulh16, S16, vst1q_s16, vqdmulhq_s16(a, b))
BIN(qrdmulh32, S32, vst1q_s32, vqrdmulhq_s32(a, b))
BINR(qdmull16, S16, int32x4_t, vst1q_s32, vqdmull_s16(vget_low_s16(a), vget_high_s16(b)))
BINR(qdmlal32, S32, int64x2_t, vst1q_s64, vqdmlal_high_s32(vreinterpretq_s64_s32(a), a, b))
BIN(hadd_u8, U8, vst1q_u8, vhaddq_u8(a, b))
BIN(rhadd_s16, S16, vst1q_s16, vrhaddq_s16(a, b))
BIN(hsub_s32, S32, vst1q_s32, vhsubq_s32(a, b))
BIN(abd_u8, U8, vst1q_u8, vabdq_u8(a, b))
BIN(aba_s16, S16, vst1q_s16, vabaq_s16(a, b, a))
BINR(abdl_u8, U8, uint16x8_t, vst1q_u16, vabdl_u8(vget_low_u8(a), vget_low_u8(b)))
BIN(max_s8, S8, vst1q_s8, vmaxq_s8(a, b))
BIN(min_u32, U32, vst1q_u32, vminq_u32(a, b))
BIN(pmax_u16, U16, vst1q_u16, vpmaxq_u16(a, b))
BIN(padd8, U8, vst1q_u8, vpaddq_u8(a, b))
BINR(paddl_s8, S8, int16x8_t, vst1q_s16, vpaddlq_s8(a))
BINR(padal_u16, U16, uint32x4_t, vst1q_u32, vpadalq_u16(vreinterpretq_u32_u16(b), a))
BINR(addl_u8, U8, uint16x8_t, vst1q_u16, vaddl_high_u8(a, b))
BINR(subw_s16, S16, int32x4_t, vst1q_s32, vsubw_s16(vreinterpretq_s32_s16(a), vget_low_s16(b)))
BINR(mull_u32, U32, uint64x2_t, vst1q_u64, vmull_u32(vget_low_u32(a), vget_low_u32(b)))
BINR(mlal_s8, S8, int16x8_t, vst1q_s16, vmlal_high_s8(vreinterpretq_s16_s8(b), a, b))
BINR(addhn_u16, U16, uint8x16_t, vst1q_u8, vaddhn_high_u16(vget_low_u8(vreinterpretq_u8_u16(a)), a, b))
BINR(raddhn_u32, U32, uint16x4_t, vst1_u16, vraddhn_u32(a, b))
BINR(rsubhn_s64, S64, int32x2_t, vst1_s32, vrsubhn_s64(a, b))
BINR(mul_p8, U8, poly8x16_t, vst1q_p8, vmulq_p8(vreinterpretq_p8_u8(a), vreinterpretq_p8_u8(b)))
BINR(mull_p8, U8, poly16x8_t, vst1q_p16, vmull_p8(vget_low_p8(vreinterpretq_p8_u8(a)), vget_low_p8(vreinterpretq_p8_u8(b))))
BINR(addv_u8, U8, uint64x2_t, vst1q_u64, vcombine_u64(vdup_n_u64(vaddvq_u8(a)), vdup_n_u64(vaddlvq_u16(vreinterpretq_u16_u8(b)))))
BINR(maxv_s16, S16, int32x4_t, vst1q_s32, ((int32x4_t){ vmaxvq_s16(a), vminvq_s16(b), vaddlvq_s16(a), (int32_t)vminvq_u32(vreinterpretq_u32_s16(b)) }))
/* shifts */
BIN(shl_imm8, U8, vst1q_u8, vshlq_n_u8(a, 3))
BIN(shr_s16, S16, vst1q_s16, vshrq_n_s16(a, 5))
BIN(rshr_u32, U32, vst1q_u32, vrshrq_n_u32(a, 7))
BIN(rsra_s64, S64, vst1q_s64, vrsraq_n_s64(a, b, 63))
BIN(sli32, U32, vst1q_u32, vsliq_n_u32(a, b, 9))
BIN(sri16, U16, vst1q_u16, vsriq_n_u16(a, b, 4))
BIN(shl_reg8, S8, vst1q_s8, vshlq_s8(a, b))
BIN(shl_reg_u64, U64, vst1q_u64, vshlq_u64(a, vreinterpretq_s64_u64(b)))
BIN(rshl_s32, S32, vst1q_s32, vrshlq_s32(a, b))
BIN(qshl_u16, U16, vst1q_u16, vqshlq_u16(a, vreinterpretq_s16_u16(b)))
BIN(qrshl_s8, S8, vst1q_s8, vqrshlq_s8(a, b))
BIN(qshl_imm_s32, S32, vst1q_s32, vqshlq_n_s32(a, 13))
BIN(qshlu_s16, S16, vst1q_u16, vqshluq_n_s16(a, 3))
BINR(shrn_u16, U16, uint8x8_t, vst1_u8, vshrn_n_u16(a, 3))
BINR(qshrn_s32, S32, int16x4_t, vst1_s16, vqshrn_n_s32(a, 7))
BINR(qrshrun_s16, S16, uint8x8_t, vst1_u8, vqrshrun_n_s16(a, 2))
BINR(qrshrn_u64, U64, uint32x4_t, vst1q_u32, vqrshrn_high_n_u64(vget_low_u32(vreinterpretq_u32_u64(b)), a, 17))
BINR(shll_s8, S8, int16x8_t, vst1q_s16, vshll_n_s8(vget_low_s8(a), 8))
BINR(shll_u16, U16, uint32x4_t, vst1q_u32, vshll_high_n_u16(a, 5))
/* narrow / widen / convert */
BINR(movn_u32, U32, uint16x4_t, vst1_u16, vmovn_u32(a))
BINR(qmovn_s16, S16, int8x8_t, vst1_s8, vqmovn_s16(a))
BINR(qmovun_s64, S64, uint32x2_t, vst1_u32, vqmovun_s64(a))
BINR(qmovn_u64, U64, uint32x4_t, vst1q_u32, vqmovn_high_u64(vget_low_u32(vreinterpretq_u32_u64(b)), a))
BINR(movl_s16, S16, int32x4_t, vst1q_s32, vmovl_high_s16(a))
/* compares and logic */
BIN(ceq8, U8, vst1q_u8, vceqq_u8(a, b))
BIN(cgt_s16, S16, vst1q_u16, vcgtq_s16(a, b))
BIN(cge_u32, U32, vst1q_u32, vcgeq_u32(a, b))
BIN(clt_s64, S64, vst1q_u64, vcltq_s64(a, b))
BIN(ceqz_s8, S8, vst1q_u8, vceqzq_s8(a))
BIN(tst16, U16, vst1q_u16, vtstq_u16(a, b))
BIN(bsl8, U8, vst1q_u8, vbslq_u8(a, b, veorq_u8(a, b)))
BIN(bic32, U32, vst1q_u32, vbicq_u32(a, b))
BIN(orn64, U64, vst1q_u64, vornq_u64(a, b))
BIN(mvn8, U8, vst1q_u8, vmvnq_u8(vandq_u8(a, b)))
BIN(cnt8, U8, vst1q_u8, vcntq_u8(veorq_u8(a, b)))
BIN(clz16, U16, vst1q_u16, vclzq_u16(a))
BIN(cls32, S32, vst1q_s32, vclsq_s32(a))
BIN(rbit8, U8, vst1q_u8, vrbitq_u8(a))
BIN(rev32_8, U8, vst1q_u8, vrev32q_u8(a))
BIN(rev64_16, U16, vst1q_u16, vrev64q_u16(a))
/* permutes */
BIN(zip1_8, U8, vst1q_u8, vzip1q_u8(a, b))
BIN(zip2_16, U16, vst1q_u16, vzip2q_u16(a, b))
BIN(uzp1_32, U32, vst1q_u32, vuzp1q_u32(a, b))
BIN(uzp2_8, U8, vst1q_u8, vuzp2q_u8(a, b))
BIN(trn1_16, U16, vst1q_u16, vtrn1q_u16(a, b))
BIN(trn2_64, U64, vst1q_u64, vtrn2q_u64(a, b))
BIN(ext5, U8, vst1q_u8, vextq_u8(a, b, 5))
BIN(tbl1, U8, vst1q_u8, vqtbl1q_u8(a, vandq_u8(b, vdupq_n_u8(0x1f))))
BIN(tbx2, U8, vst1q_u8, vqtbx2q_u8(b, ((uint8x16x2_t){ { a, b } }), vandq_u8(a, vdupq_n_u8(0x3f))))
BIN(dup_lane, U16, vst1q_u16, vdupq_laneq_u16(a, 5))
BIN(ins_lane, U32, vst1q_u32, vcopyq_laneq_u32(a, 1, b, 3))
BIN(mla_lane, S16, vst1q_s16, vmlaq_laneq_s16(a, b, a, 7))
BIN(mul_lane32, U32, vst1q_u32, vmulq_laneq_u32(a, b, 2))
BIN(qdmulh_lane, S32, vst1q_s32, vqdmulhq_laneq_s32(a, b, 1))
/* floating point */
BIN(fadd32, F32, vst1q_f32, vaddq_f32(a, b))
BIN(fsub64, F64, vst1q_f64, vsubq_f64(a, b))
BIN(fmul32, F32, vst1q_f32, vmulq_f32(a, b))
BIN(fdiv64, F64, vst1q_f64, vdivq_f64(a, b))
BIN(fmulx32, F32, vst1q_f32, vmulxq_f32(a, b))
BIN(fma32, F32, vst1q_f32, vfmaq_f32(a, b, a))
BIN(fms64, F64, vst1q_f64, vfmsq_f64(b, a, b))
BIN(fmax32, F32, vst1q_f32, vmaxq_f32(a, b))
BIN(fminnm64, F64, vst1q_f64, vminnmq_f64(a, b))
BIN(fmaxnmp32, F32, vst1q_f32, vpmaxnmq_f32(a, b))
BIN(faddp64, F64, vst1q_f64, vpaddq_f64(a, b))
BIN(fabd32, F32, vst1q_f32, vabdq_f32(a, b))
BIN(fabs_neg, F32, vst1q_f32, vnegq_f32(vabsq_f32(a)))
BIN(fsqrt32, F32, vst1q_f32, vsqrtq_f32(a))
BIN(frecpe32, F32, vst1q_f32, vrecpeq_f32(a))
BIN(frsqrte64, F64, vst1q_f64, vrsqrteq_f64(a))
BIN(frecps32, F32, vst1q_f32, vrecpsq_f32(a, b))
BIN(frsqrts64, F64, vst1q_f64, vrsqrtsq_f64(a, b))
BIN(urecpe, U32, vst1q_u32, vrecpeq_u32(a))
BIN(ursqrte, U32, vst1q_u32, vrsqrteq_u32(b))
BIN(fcmeq32, F32, vst1q_u32, vceqq_f32(a, b))
BIN(fcmge64, F64, vst1q_u64, vcgeq_f64(a, b))
BIN(fcagt32, F32, vst1q_u32, vcagtq_f32(a, b))
BIN(fcmltz32, F32, vst1q_u32, vcltzq_f32(a))
BIN(frintn32, F32, vst1q_f32, vrndnq_f32(a))
BIN(frintm64, F64, vst1q_f64, vrndmq_f64(a))
BIN(frinta32, F32, vst1q_f32, vrndaq_f32(a))
BIN(frintx32, F32, vst1q_f32, vrndxq_f32(b))
BINR(fcvtzs32, F32, int32x4_t, vst1q_s32, vcvtq_s32_f32(a))
BINR(fcvtzu64, F64, uint64x2_t, vst1q_u64, vcvtq_u64_f64(a))
BINR(fcvtns32, F32, int32x4_t, vst1q_s32, vcvtnq_s32_f32(a))
BINR(fcvtau32, F32, uint32x4_t, vst1q_u32, vcvtaq_u32_f32(a))
BINR(fcvtzs_fix, F32, int32x4_t, vst1q_s32, vcvtq_n_s32_f32(a, 8))
BINR(scvtf32, S32, float32x4_t, vst1q_f32, vcvtq_f32_s32(a))
BINR(ucvtf64, U64, float64x2_t, vst1q_f64, vcvtq_f64_u64(a))
BINR(ucvtf_fix, U32, float32x4_t, vst1q_f32, vcvtq_n_f32_u32(a, 16))
BINR(fcvtn, F64, float32x4_t, vst1q_f32, vcvt_high_f32_f64(vget_low_f32(vreinterpretq_f32_f64(b)), a))
BINR(fcvtl, F32, float64x2_t, vst1q_f64, vcvt_high_f64_f32(a))
BINR(fcvtxn, F64, float32x2_t, vst1_f32, vcvtx_f32_f64(a))
BINR(fmaxv, F32, float32x4_t, vst1q_f32, ((float32x4_t){ vmaxvq_f32(a), vminnmvq_f32(b), vmaxnmvq_f32(a), vminvq_f32(b) }))
BIN(fmla_lane, F32, vst1q_f32, vfmaq_laneq_f32(a, b, a, 3))
BIN(fmul_elem64, F64, vst1q_f64, vmulq_laneq_f64(a, b, 1))

static const struct { const char *name; vop fn; } ops[] = {
#define E(n) { #n, n }
    E(add8), E(sub16), E(mul32), E(mla16), E(mls8), E(neg64), E(abs8), E(qadd_s8),
    E(qadd_u16), E(qsub_s32), E(qsub_u64), E(qabs_s16), E(qneg_s8), E(uqadd_su),
    E(sqadd_us), E(qdmulh16), E(qrdmulh32), E(qdmull16), E(qdmlal32), E(hadd_u8),
    E(rhadd_s16), E(hsub_s32), E(abd_u8), E(aba_s16), E(abdl_u8), E(max_s8), E(min_u32),
    E(pmax_u16), E(padd8), E(paddl_s8), E(padal_u16), E(addl_u8), E(subw_s16),
    E(mull_u32), E(mlal_s8), E(addhn_u16), E(raddhn_u32), E(rsubhn_s64), E(mul_p8),
    E(mull_p8), E(addv_u8), E(maxv_s16), E(shl_imm8), E(shr_s16), E(rshr_u32),
    E(rsra_s64), E(sli32), E(sri16), E(shl_reg8), E(shl_reg_u64), E(rshl_s32),
    E(qshl_u16), E(qrshl_s8), E(qshl_imm_s32), E(qshlu_s16), E(shrn_u16), E(qshrn_s32),
    E(qrshrun_s16), E(qrshrn_u64), E(shll_s8), E(shll_u16), E(movn_u32), E(qmovn_s16),
    E(qmovun_s64), E(qmovn_u64), E(movl_s16), E(ceq8), E(cgt_s16), E(cge_u32),
    E(clt_s64), E(ceqz_s8), E(tst16), E(bsl8), E(bic32), E(orn64), E(mvn8), E(cnt8),
    E(clz16), E(cls32), E(rbit8), E(rev32_8), E(rev64_16), E(zip1_8), E(zip2_16),
    E(uzp1_32), E(uzp2_8), E(trn1_16), E(trn2_64), E(ext5), E(tbl1), E(tbx2),
    E(dup_lane), E(ins_lane), E(mla_lane), E(mul_lane32), E(qdmulh_lane), E(fadd32),
    E(fsub64), E(fmul32), E(fdiv64), E(fmulx32), E(fma32), E(fms64), E(fmax32),
    E(fminnm64), E(fmaxnmp32), E(faddp64), E(fabd32), E(fabs_neg), E(fsqrt32),
    E(frecpe32), E(frsqrte64), E(frecps32), E(frsqrts64), E(urecpe), E(ursqrte),
    E(fcmeq32), E(fcmge64), E(fcagt32), E(fcmltz32), E(frintn32), E(frintm64),
    E(frinta32), E(frintx32), E(fcvtzs32), E(fcvtzu64), E(fcvtns32), E(fcvtau32),
    E(fcvtzs_fix), E(scvtf32), E(ucvtf64), E(ucvtf_fix), E(fcvtn), E(fcvtl), E(fcvtxn),
    E(fmaxv), E(fmla_lane), E(fmul_elem64),
#undef E
};

/* Structure loads and stores: interleave and de-interleave 64 bytes. */
static void structures(void)
{
    uint8_t src[64], dst[64 * 4];
    for (int i = 0; i < 64; i++)
        src[i] = (uint8_t)(i * 5 + 1);
    memset(dst, 0, sizeof dst);
    uint8x16x2_t v2 = vld2q_u8(src);
    vst1q_u8(dst, v2.val[0]);
    vst1q_u8(dst + 16, v2.val[1]);
    uint16x4x3_t v3 = vld3_u16((const uint16_t *)src);
    vst3_u16((uint16_t *)(dst + 32), v3);
    uint32x4x4_t v4 = vld4q_u32((const uint32_t *)src);
    vst1q_u32((uint32_t *)(dst + 56), v4.val[3]);
    vst4q_u32((uint32_t *)(dst + 72), v4);
    uint8x16_t d = vld1q_dup_u8(src + 7);
    vst1q_u8(dst + 136, d);
    uint16x8_t l = vld1q_lane_u16((const uint16_t *)(src + 10), vdupq_n_u16(0xeeee), 3);
    vst1q_u16((uint16_t *)(dst + 152), l);
    vst1q_lane_u32((uint32_t *)(dst + 170), vld1q_u32((const uint32_t *)(src + 3)), 2);
    uint8x16x4_t r4 = vld4q_dup_u8(src + 20);
    vst1q_u8(dst + 176, r4.val[2]);
    uint64x2x2_t p = vld1q_u64_x2((const uint64_t *)(src + 1));
    vst2q_u64((uint64_t *)(dst + 192), p);
    printf("structures    %016" PRIx64 "\n", fnv1a(FNV_INIT, dst, sizeof dst));
}

int main(void)
{
    init_inputs();
    printf("simd: %u operations over %u x %u vectors\n", (unsigned)(sizeof ops / sizeof ops[0]), NIN, NIN);
    unsigned fails = 0;
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        uint64_t h = FNV_INIT, flags = 0;
        uint8_t out[16], sample[16];
        for (unsigned i = 0; i < NIN; i++)
            for (unsigned j = 0; j < NIN; j++) {
                memset(out, 0xcc, sizeof out);
                fpsr_set(0);
                ops[k].fn(in[i], in[j], out);
                uint64_t f = fpsr_get();
                flags |= f;
                h = fnv1a(h, out, sizeof out);
                h = fnv1a(h, &f, sizeof f);
                if (i == 5 && j == 9)
                    memcpy(sample, out, 16);
            }
        uint64_t lo, hi;
        memcpy(&lo, sample, 8);
        memcpy(&hi, sample + 8, 8);
        printf("%-13s %016" PRIx64 " fpsr %08" PRIx64 " %016" PRIx64 ":%016" PRIx64 "\n",
               ops[k].name, h, flags, hi, lo);
    }
    structures();
    /* Known answers. */
    uint8_t o[16];
    qadd_s8(in[3], in[3], o);
    fails += o[0] != 0x7f || o[1] != 0xfe;
    cnt8(in[1], in[0], o);
    fails += o[5] != 8;
    printf("simd: %s (%u failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
