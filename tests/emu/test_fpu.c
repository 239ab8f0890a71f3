/* tests/emu/test_fpu.c — the floating-point core, operation by operation.
 *
 * Every expected value and FPSR flag set below was produced by running the
 * same operation as an A64 instruction under qemu-aarch64 (a static test
 * program that sets FPCR and FPSR, runs the instruction, reads the result
 * and FPSR). Operands and results are raw bit patterns.
 *
 * Integer conversions: for the single-precision rows of SCVTF/UCVTF the
 * source integer is (a << 32 | b) (the W forms take the low 32 bits, b);
 * for double rows it is a. FCVT rows: "cvt" converts S to D (single rows)
 * or D to S (double rows); "cvt_h" converts to half; "cvt_from_h" converts
 * the half in a's low 16 bits to S or D.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "emu/fpu.h"

TestSuite(fpu, .timeout = 10);

typedef enum FpOp {
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_DIV,
    OP_SQRT,
    OP_FMA,
    OP_MAX,
    OP_MIN,
    OP_MAXNM,
    OP_MINNM,
    OP_CMP,
    OP_CMPE,
    OP_MULX,
    OP_RECPE,
    OP_RSQRTE,
    OP_RECPS,
    OP_RSQRTS,
    OP_RECPX,
    OP_RINTN,
    OP_RINTA,
    OP_RINTP,
    OP_RINTM,
    OP_RINTZ,
    OP_RINTX,
    OP_RINTI,
    OP_CVTNS_W,
    OP_CVTAU_W,
    OP_CVTPS_X,
    OP_CVTMU_X,
    OP_CVTZS_W,
    OP_CVTZU_X,
    OP_CVTZS_W16,
    OP_CVTZU_X64,
    OP_CVTZS_X1,
    OP_SCVTF_W,
    OP_UCVTF_X,
    OP_SCVTF_X,
    OP_SCVTF_W5,
    OP_UCVTF_X64,
    OP_CVT,
    OP_CVT_H,
    OP_CVT_FROM_H,
    OP_CMEQ,
    OP_CMGE,
    OP_CMGT,
    OP_CVTXN,
} FpOp;

typedef struct FpCase {
    char what[128];            /* inline: Criterion copies parameters between processes */
    FpOp op;
    bool dbl;
    uint32_t fpcr, fpsr;       /* FPSR before the operation */
    uint64_t a, b, c;
    uint64_t expect;           /* result bits, integer result, NZCV or mask */
    uint32_t flags;            /* FPSR cumulative bits after */
} FpCase;

static const FpCase rmode_cases[] = {
    { "RN: +(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0000000, 0x00, 0x3f800000, 0x33c00000, 0x0, 0x3f800001, 0x10 },
    { "RN: +(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0000000, 0x00, 0x3ff0000000000001, 0x3ff0000000000003, 0x0, 0x3ff0000000000004, 0x10 },
    { "RN: +1 / 3", OP_DIV, false, 0x0000000, 0x00, 0x3f800000, 0x40400000, 0x0, 0x3eaaaaab, 0x10 },
    { "RN: +((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0000000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000003, 0x10 },
    { "RN: F64 to F32 of +(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0000000, 0x00, 0x3ff0000010000001, 0x0, 0x0, 0x3f800001, 0x10 },
    { "RN: SCVTF S of 2^31 + 1", OP_SCVTF_X, false, 0x0000000, 0x00, 0x0, 0x80000001, 0x0, 0x4f000000, 0x10 },
    { "RN: -(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0000000, 0x00, 0xbf800000, 0xb3c00000, 0x0, 0xbf800001, 0x10 },
    { "RN: -(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0000000, 0x00, 0xbff0000000000001, 0x3ff0000000000003, 0x0, 0xbff0000000000004, 0x10 },
    { "RN: -1 / 3", OP_DIV, false, 0x0000000, 0x00, 0xbf800000, 0x40400000, 0x0, 0xbeaaaaab, 0x10 },
    { "RN: -((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0000000, 0x00, 0xbff0000000000001, 0x3ff0000000000001, 0xbca0000000000000, 0xbff0000000000003, 0x10 },
    { "RN: F64 to F32 of -(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0000000, 0x00, 0xbff0000010000001, 0x0, 0x0, 0xbf800001, 0x10 },
    { "RN: SCVTF S of a negative 64-bit value", OP_SCVTF_X, false, 0x0000000, 0x00, 0xffffffff, 0x7fffffff, 0x0, 0xcf000000, 0x10 },
    { "RN: sqrt 2", OP_SQRT, false, 0x0000000, 0x00, 0x40000000, 0x0, 0x0, 0x3fb504f3, 0x10 },
    { "RN: sqrt 3 (double)", OP_SQRT, true, 0x0000000, 0x00, 0x4008000000000000, 0x0, 0x0, 0x3ffbb67ae8584caa, 0x10 },
    { "RP: +(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0400000, 0x00, 0x3f800000, 0x33c00000, 0x0, 0x3f800001, 0x10 },
    { "RP: +(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0400000, 0x00, 0x3ff0000000000001, 0x3ff0000000000003, 0x0, 0x3ff0000000000005, 0x10 },
    { "RP: +1 / 3", OP_DIV, false, 0x0400000, 0x00, 0x3f800000, 0x40400000, 0x0, 0x3eaaaaab, 0x10 },
    { "RP: +((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0400000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000003, 0x10 },
    { "RP: F64 to F32 of +(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0400000, 0x00, 0x3ff0000010000001, 0x0, 0x0, 0x3f800001, 0x10 },
    { "RP: SCVTF S of 2^31 + 1", OP_SCVTF_X, false, 0x0400000, 0x00, 0x0, 0x80000001, 0x0, 0x4f000001, 0x10 },
    { "RP: -(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0400000, 0x00, 0xbf800000, 0xb3c00000, 0x0, 0xbf800000, 0x10 },
    { "RP: -(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0400000, 0x00, 0xbff0000000000001, 0x3ff0000000000003, 0x0, 0xbff0000000000004, 0x10 },
    { "RP: -1 / 3", OP_DIV, false, 0x0400000, 0x00, 0xbf800000, 0x40400000, 0x0, 0xbeaaaaaa, 0x10 },
    { "RP: -((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0400000, 0x00, 0xbff0000000000001, 0x3ff0000000000001, 0xbca0000000000000, 0xbff0000000000002, 0x10 },
    { "RP: F64 to F32 of -(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0400000, 0x00, 0xbff0000010000001, 0x0, 0x0, 0xbf800000, 0x10 },
    { "RP: SCVTF S of a negative 64-bit value", OP_SCVTF_X, false, 0x0400000, 0x00, 0xffffffff, 0x7fffffff, 0x0, 0xcf000000, 0x10 },
    { "RP: sqrt 2", OP_SQRT, false, 0x0400000, 0x00, 0x40000000, 0x0, 0x0, 0x3fb504f4, 0x10 },
    { "RP: sqrt 3 (double)", OP_SQRT, true, 0x0400000, 0x00, 0x4008000000000000, 0x0, 0x0, 0x3ffbb67ae8584cab, 0x10 },
    { "RM: +(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0800000, 0x00, 0x3f800000, 0x33c00000, 0x0, 0x3f800000, 0x10 },
    { "RM: +(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0800000, 0x00, 0x3ff0000000000001, 0x3ff0000000000003, 0x0, 0x3ff0000000000004, 0x10 },
    { "RM: +1 / 3", OP_DIV, false, 0x0800000, 0x00, 0x3f800000, 0x40400000, 0x0, 0x3eaaaaaa, 0x10 },
    { "RM: +((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0800000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000002, 0x10 },
    { "RM: F64 to F32 of +(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0800000, 0x00, 0x3ff0000010000001, 0x0, 0x0, 0x3f800000, 0x10 },
    { "RM: SCVTF S of 2^31 + 1", OP_SCVTF_X, false, 0x0800000, 0x00, 0x0, 0x80000001, 0x0, 0x4f000000, 0x10 },
    { "RM: -(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0800000, 0x00, 0xbf800000, 0xb3c00000, 0x0, 0xbf800001, 0x10 },
    { "RM: -(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0800000, 0x00, 0xbff0000000000001, 0x3ff0000000000003, 0x0, 0xbff0000000000005, 0x10 },
    { "RM: -1 / 3", OP_DIV, false, 0x0800000, 0x00, 0xbf800000, 0x40400000, 0x0, 0xbeaaaaab, 0x10 },
    { "RM: -((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0800000, 0x00, 0xbff0000000000001, 0x3ff0000000000001, 0xbca0000000000000, 0xbff0000000000003, 0x10 },
    { "RM: F64 to F32 of -(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0800000, 0x00, 0xbff0000010000001, 0x0, 0x0, 0xbf800001, 0x10 },
    { "RM: SCVTF S of a negative 64-bit value", OP_SCVTF_X, false, 0x0800000, 0x00, 0xffffffff, 0x7fffffff, 0x0, 0xcf000001, 0x10 },
    { "RM: sqrt 2", OP_SQRT, false, 0x0800000, 0x00, 0x40000000, 0x0, 0x0, 0x3fb504f3, 0x10 },
    { "RM: sqrt 3 (double)", OP_SQRT, true, 0x0800000, 0x00, 0x4008000000000000, 0x0, 0x0, 0x3ffbb67ae8584caa, 0x10 },
    { "RZ: +(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0c00000, 0x00, 0x3f800000, 0x33c00000, 0x0, 0x3f800000, 0x10 },
    { "RZ: +(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0c00000, 0x00, 0x3ff0000000000001, 0x3ff0000000000003, 0x0, 0x3ff0000000000004, 0x10 },
    { "RZ: +1 / 3", OP_DIV, false, 0x0c00000, 0x00, 0x3f800000, 0x40400000, 0x0, 0x3eaaaaaa, 0x10 },
    { "RZ: +((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0c00000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000002, 0x10 },
    { "RZ: F64 to F32 of +(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0c00000, 0x00, 0x3ff0000010000001, 0x0, 0x0, 0x3f800000, 0x10 },
    { "RZ: SCVTF S of 2^31 + 1", OP_SCVTF_X, false, 0x0c00000, 0x00, 0x0, 0x80000001, 0x0, 0x4f000000, 0x10 },
    { "RZ: -(1 + 1.5 * 2^-24)", OP_ADD, false, 0x0c00000, 0x00, 0xbf800000, 0xb3c00000, 0x0, 0xbf800000, 0x10 },
    { "RZ: -(1 + 2^-52)(1 + 3 * 2^-52)", OP_MUL, true, 0x0c00000, 0x00, 0xbff0000000000001, 0x3ff0000000000003, 0x0, 0xbff0000000000004, 0x10 },
    { "RZ: -1 / 3", OP_DIV, false, 0x0c00000, 0x00, 0xbf800000, 0x40400000, 0x0, 0xbeaaaaaa, 0x10 },
    { "RZ: -((1 + 2^-52)^2 + 2^-53)", OP_FMA, true, 0x0c00000, 0x00, 0xbff0000000000001, 0x3ff0000000000001, 0xbca0000000000000, 0xbff0000000000002, 0x10 },
    { "RZ: F64 to F32 of -(1 + 2^-24 + 2^-52)", OP_CVT, true, 0x0c00000, 0x00, 0xbff0000010000001, 0x0, 0x0, 0xbf800000, 0x10 },
    { "RZ: SCVTF S of a negative 64-bit value", OP_SCVTF_X, false, 0x0c00000, 0x00, 0xffffffff, 0x7fffffff, 0x0, 0xcf000000, 0x10 },
    { "RZ: sqrt 2", OP_SQRT, false, 0x0c00000, 0x00, 0x40000000, 0x0, 0x0, 0x3fb504f3, 0x10 },
    { "RZ: sqrt 3 (double)", OP_SQRT, true, 0x0c00000, 0x00, 0x4008000000000000, 0x0, 0x0, 0x3ffbb67ae8584caa, 0x10 },
};
static const FpCase add_cases[] = {
    { "a tie rounds to even (1 + 2^-24 stays 1), IXC", OP_ADD, false, 0x0000000, 0x00, 0x3f800000, 0x33800000, 0x0, 0x3f800000, 0x10 },
    { "RP rounds 1 + 2^-24 up", OP_ADD, false, 0x0400000, 0x00, 0x3f800000, 0x33800000, 0x0, 0x3f800001, 0x10 },
    { "above the tie rounds up (1 + 1.5 * 2^-24)", OP_ADD, false, 0x0000000, 0x00, 0x3f800000, 0x33c00000, 0x0, 0x3f800001, 0x10 },
    { "RM rounds a negative sum away from zero", OP_ADD, true, 0x0800000, 0x00, 0xbff0000000000000, 0xbca0000000000000, 0x0, 0xbff0000000000001, 0x10 },
    { "x + -x is +0 in RN", OP_ADD, false, 0x0000000, 0x00, 0x3fc00000, 0xbfc00000, 0x0, 0x0, 0x00 },
    { "x + -x is -0 in RM", OP_ADD, false, 0x0800000, 0x00, 0x3fc00000, 0xbfc00000, 0x0, 0x80000000, 0x00 },
    { "-0 + -0 is -0", OP_ADD, false, 0x0000000, 0x00, 0x80000000, 0x80000000, 0x0, 0x80000000, 0x00 },
    { "+0 + -0 is +0", OP_ADD, true, 0x0000000, 0x00, 0x0, 0x8000000000000000, 0x0, 0x0, 0x00 },
    { "+0 + -0 is -0 in RM", OP_ADD, true, 0x0800000, 0x00, 0x0, 0x8000000000000000, 0x0, 0x8000000000000000, 0x00 },
    { "inf - inf is the default NaN with IOC", OP_ADD, false, 0x0000000, 0x00, 0x7f800000, 0xff800000, 0x0, 0x7fc00000, 0x01 },
    { "inf + finite is inf, no flags", OP_ADD, false, 0x0000000, 0x00, 0x7f800000, 0x7f7fffff, 0x0, 0x7f800000, 0x00 },
    { "overflow in RN gives inf, OFC and IXC", OP_ADD, false, 0x0000000, 0x00, 0x7f7fffff, 0x7f7fffff, 0x0, 0x7f800000, 0x14 },
    { "overflow in RZ gives the largest normal", OP_ADD, false, 0x0c00000, 0x00, 0x7f7fffff, 0x7f7fffff, 0x0, 0x7f7fffff, 0x14 },
    { "positive overflow in RM gives the largest normal", OP_ADD, false, 0x0800000, 0x00, 0x7f7fffff, 0x7f7fffff, 0x0, 0x7f7fffff, 0x14 },
    { "negative overflow in RP gives the largest negative normal", OP_ADD, false, 0x0400000, 0x00, 0xff7fffff, 0xff7fffff, 0x0, 0xff7fffff, 0x14 },
    { "double overflow", OP_ADD, true, 0x0000000, 0x00, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, 0x7ff0000000000000, 0x14 },
    { "a signalling NaN wins over an earlier quiet NaN, quietened, IOC", OP_ADD, false, 0x0000000, 0x00, 0x7fc12345, 0x7fa00001, 0x0, 0x7fe00001, 0x01 },
    { "of two quiet NaNs the first is returned", OP_ADD, false, 0x0000000, 0x00, 0x7fc12345, 0xffc00001, 0x0, 0x7fc12345, 0x00 },
    { "a quiet NaN second operand is returned with its sign", OP_ADD, false, 0x0000000, 0x00, 0x3f800000, 0xffc00001, 0x0, 0xffc00001, 0x00 },
    { "a double signalling NaN is quietened keeping its payload", OP_ADD, true, 0x0000000, 0x00, 0x7ff4000000000001, 0x3ff0000000000000, 0x0, 0x7ffc000000000001, 0x01 },
    { "DN: a NaN result is the default NaN", OP_ADD, false, 0x2000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x7fc00000, 0x00 },
    { "DN: a signalling NaN gives the default NaN and IOC", OP_ADD, false, 0x2000000, 0x00, 0x7fa00001, 0x3f800000, 0x0, 0x7fc00000, 0x01 },
    { "denormals add exactly with no flags", OP_ADD, false, 0x0000000, 0x00, 0x1, 0x1, 0x0, 0x2, 0x00 },
    { "a denormal sum carries into the smallest normal", OP_ADD, false, 0x0000000, 0x00, 0x7fffff, 0x1, 0x0, 0x800000, 0x00 },
    { "FZ flushes a denormal input to zero and sets IDC only", OP_ADD, false, 0x1000000, 0x00, 0x1, 0x3f800000, 0x0, 0x3f800000, 0x80 },
    { "FZ: a negative denormal input reads as -0", OP_ADD, true, 0x1000000, 0x00, 0x800fffffffffffff, 0x0, 0x0, 0x0, 0x80 },
    { "FZ flushes a denormal result to zero with UFC", OP_ADD, false, 0x1000000, 0x00, 0x800001, 0x80800000, 0x0, 0x0, 0x08 },
    { "an exact denormal result raises nothing", OP_ADD, false, 0x0000000, 0x00, 0x800001, 0x80800000, 0x0, 0x1, 0x00 },
    { "sub returns a NaN second operand unchanged in sign", OP_SUB, false, 0x0000000, 0x00, 0x3f800000, 0xffc00001, 0x0, 0xffc00001, 0x00 },
    { "x - x is +0", OP_SUB, true, 0x0000000, 0x00, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, 0x0, 0x00 },
    { "x - x is -0 in RM", OP_SUB, true, 0x0800000, 0x00, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, 0x8000000000000000, 0x00 },
    { "massive cancellation with a sticky bit rounds correctly", OP_SUB, false, 0x0000000, 0x00, 0x4b800000, 0x3f800001, 0x0, 0x4b7fffff, 0x10 },
    { "already inexact flags stay set", OP_ADD, false, 0x0000000, 0x10, 0x3f800000, 0x3f800001, 0x0, 0x40000000, 0x10 },
    { "fast path with IXC set: tie to even up", OP_ADD, true, 0x0000000, 0x10, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, 0x3ff0000000000002, 0x10 },
};
static const FpCase mul_cases[] = {
    { "a tiny inexact product sets UFC and IXC", OP_MUL, false, 0x0000000, 0x00, 0x800001, 0x3f000000, 0x0, 0x400000, 0x18 },
    { "tininess is detected before rounding: rounds to the smallest normal yet UFC", OP_MUL, false, 0x0000000, 0x00, 0x3f7fffff, 0x800000, 0x0, 0x800000, 0x18 },
    { "FZ flushes a result tiny before rounding even if it would round to normal", OP_MUL, false, 0x1000000, 0x00, 0x3f7fffff, 0x800000, 0x0, 0x0, 0x08 },
    { "an exact denormal operand gives an exact normal, no flags", OP_MUL, false, 0x0000000, 0x00, 0x400000, 0x40000000, 0x0, 0x800000, 0x00 },
    { "FZ: a denormal operand reads as zero with IDC", OP_MUL, false, 0x1000000, 0x00, 0x400000, 0x40000000, 0x0, 0x0, 0x80 },
    { "inf * 0 is invalid", OP_MUL, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x0, 0x7fc00000, 0x01 },
    { "-inf * -2 is +inf", OP_MUL, true, 0x0000000, 0x00, 0xfff0000000000000, 0xc000000000000000, 0x0, 0x7ff0000000000000, 0x00 },
    { "-1 * +0 is -0", OP_MUL, false, 0x0000000, 0x00, 0xbf800000, 0x0, 0x0, 0x80000000, 0x00 },
    { "overflow in RZ gives the largest normal", OP_MUL, false, 0x0c00000, 0x00, 0x7f000000, 0x40100000, 0x0, 0x7f7fffff, 0x14 },
    { "half the smallest denormal ties to zero, UFC IXC", OP_MUL, true, 0x0000000, 0x00, 0x1, 0x3fe0000000000000, 0x0, 0x0, 0x18 },
    { "RP rounds half the smallest denormal up to it", OP_MUL, true, 0x0400000, 0x00, 0x1, 0x3fe0000000000000, 0x0, 0x1, 0x18 },
    { "double product needs 106 bits", OP_MUL, true, 0x0000000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, 0x3ff0000000000002, 0x10 },
    { "FMULX: inf * 0 is 2.0", OP_MULX, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x0, 0x40000000, 0x00 },
    { "FMULX: -inf * +0 is -2.0", OP_MULX, true, 0x0000000, 0x00, 0xfff0000000000000, 0x0, 0x0, 0xc000000000000000, 0x00 },
    { "FMULX propagates NaNs like FMUL", OP_MULX, false, 0x0000000, 0x00, 0x7fa00001, 0x0, 0x0, 0x7fe00001, 0x01 },
    { "1/3 rounds to nearest", OP_DIV, false, 0x0000000, 0x00, 0x3f800000, 0x40400000, 0x0, 0x3eaaaaab, 0x10 },
    { "1/3 in RZ truncates", OP_DIV, false, 0x0c00000, 0x00, 0x3f800000, 0x40400000, 0x0, 0x3eaaaaaa, 0x10 },
    { "double 1/3", OP_DIV, true, 0x0000000, 0x00, 0x3ff0000000000000, 0x4008000000000000, 0x0, 0x3fd5555555555555, 0x10 },
    { "x/0 is signed inf with DZC", OP_DIV, false, 0x0000000, 0x00, 0xbf800000, 0x0, 0x0, 0xff800000, 0x02 },
    { "0/0 is invalid", OP_DIV, false, 0x0000000, 0x00, 0x0, 0x0, 0x0, 0x7fc00000, 0x01 },
    { "inf/inf is invalid", OP_DIV, false, 0x0000000, 0x00, 0x7f800000, 0x7f800000, 0x0, 0x7fc00000, 0x01 },
    { "0/-x is -0", OP_DIV, false, 0x0000000, 0x00, 0x0, 0xc0400000, 0x0, 0x80000000, 0x00 },
    { "x/inf is 0", OP_DIV, false, 0x0000000, 0x00, 0x40400000, 0x7f800000, 0x0, 0x0, 0x00 },
    { "dividing by 0.5 overflows", OP_DIV, true, 0x0000000, 0x00, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, 0x7ff0000000000000, 0x14 },
    { "halving the smallest normal is exact denormal", OP_DIV, true, 0x0000000, 0x00, 0x10000000000000, 0x4000000000000000, 0x0, 0x8000000000000, 0x00 },
    { "FZ flushes the exact denormal quotient with UFC", OP_DIV, true, 0x1000000, 0x00, 0x10000000000000, 0x4000000000000000, 0x0, 0x0, 0x08 },
    { "sqrt 2 rounds to nearest", OP_SQRT, false, 0x0000000, 0x00, 0x40000000, 0x0, 0x0, 0x3fb504f3, 0x10 },
    { "sqrt 2 in RP", OP_SQRT, false, 0x0400000, 0x00, 0x40000000, 0x0, 0x0, 0x3fb504f4, 0x10 },
    { "double sqrt 2", OP_SQRT, true, 0x0000000, 0x00, 0x4000000000000000, 0x0, 0x0, 0x3ff6a09e667f3bcd, 0x10 },
    { "sqrt 4 is exact", OP_SQRT, true, 0x0000000, 0x00, 0x4010000000000000, 0x0, 0x0, 0x4000000000000000, 0x00 },
    { "sqrt -0 is -0", OP_SQRT, false, 0x0000000, 0x00, 0x80000000, 0x0, 0x0, 0x80000000, 0x00 },
    { "sqrt of a negative number is invalid", OP_SQRT, false, 0x0000000, 0x00, 0xbf800000, 0x0, 0x0, 0x7fc00000, 0x01 },
    { "sqrt -inf is invalid", OP_SQRT, false, 0x0000000, 0x00, 0xff800000, 0x0, 0x0, 0x7fc00000, 0x01 },
    { "sqrt inf is inf", OP_SQRT, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x0, 0x7f800000, 0x00 },
    { "sqrt of the smallest denormal", OP_SQRT, false, 0x0000000, 0x00, 0x1, 0x0, 0x0, 0x1a3504f3, 0x10 },
    { "sqrt of a double denormal", OP_SQRT, true, 0x0000000, 0x00, 0x2, 0x0, 0x0, 0x1e66a09e667f3bcd, 0x10 },
    { "sqrt of a signalling NaN", OP_SQRT, false, 0x0000000, 0x00, 0x7fa00001, 0x0, 0x0, 0x7fe00001, 0x01 },
    { "FZ: sqrt of a denormal is +0 with IDC", OP_SQRT, true, 0x1000000, 0x00, 0xfffffffffffff, 0x0, 0x0, 0x0, 0x80 },
};
static const FpCase fma_cases[] = {
    { "fused: (1 + 2^-30)(1 - 2^-30) - 1 is -2^-60, which a separate multiply rounds away", OP_FMA, true, 0x0000000, 0x00, 0x3ff0000000400000, 0x3fefffffff800000, 0xbff0000000000000, 0xbc30000000000000, 0x00 },
    { "single fused multiply-add keeps the tiny difference", OP_FMA, false, 0x0000000, 0x00, 0x3f800001, 0x3f7fffff, 0xbf800000, 0x337ffffe, 0x00 },
    { "inf * 0 + quiet NaN is the default NaN with IOC", OP_FMA, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x7fc12345, 0x7fc00000, 0x01 },
    { "inf * 0 + signalling NaN returns the quietened NaN with IOC", OP_FMA, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x7fa00001, 0x7fe00001, 0x01 },
    { "the addend NaN is chosen first", OP_FMA, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x7fc00042, 0x7fc00042, 0x00 },
    { "a signalling multiplicand beats a quiet addend", OP_FMA, false, 0x0000000, 0x00, 0x7fa00001, 0x3f800000, 0x7fc00042, 0x7fe00001, 0x01 },
    { "a quiet NaN multiplier propagates", OP_FMA, false, 0x0000000, 0x00, 0x3f800000, 0xffc00007, 0x3f800000, 0xffc00007, 0x00 },
    { "inf * 1 - inf is invalid", OP_FMA, false, 0x0000000, 0x00, 0x7f800000, 0x3f800000, 0xff800000, 0x7fc00000, 0x01 },
    { "inf * 0 + 1 is invalid", OP_FMA, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x3f800000, 0x7fc00000, 0x01 },
    { "exact cancellation is +0 in RN", OP_FMA, false, 0x0000000, 0x00, 0x40000000, 0x40400000, 0xc0c00000, 0x0, 0x00 },
    { "exact cancellation is -0 in RM", OP_FMA, false, 0x0800000, 0x00, 0x40000000, 0x40400000, 0xc0c00000, 0x80000000, 0x00 },
    { "+0 * 3 + -0 is +0", OP_FMA, false, 0x0000000, 0x00, 0x0, 0x40400000, 0x80000000, 0x0, 0x00 },
    { "-0 * 3 + -0 is -0", OP_FMA, false, 0x0000000, 0x00, 0x80000000, 0x40400000, 0x80000000, 0x80000000, 0x00 },
    { "zero product returns a denormal addend exactly", OP_FMA, false, 0x0000000, 0x00, 0x0, 0x40400000, 0x1, 0x1, 0x00 },
    { "a tiny product with a zero addend underflows exactly (no UFC)", OP_FMA, false, 0x0000000, 0x00, 0x800000, 0x3f000000, 0x0, 0x400000, 0x00 },
    { "tiny inexact fused result: UFC and IXC", OP_FMA, false, 0x0000000, 0x00, 0x800001, 0x3f000000, 0x80000000, 0x400000, 0x18 },
    { "the intermediate product does not overflow", OP_FMA, true, 0x0000000, 0x00, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, 0x7fefffffffffffff, 0x00 },
    { "overflow in RZ gives the largest normal", OP_FMA, true, 0x0c00000, 0x00, 0x7fefffffffffffff, 0x4000000000000000, 0x0, 0x7fefffffffffffff, 0x14 },
    { "FZ flushes a denormal multiplicand with IDC", OP_FMA, true, 0x1000000, 0x00, 0xfffffffffffff, 0x4000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x80 },
    { "a huge exact product minus a near value", OP_FMA, false, 0x0000000, 0x00, 0x4b000001, 0x4b000001, 0xd6800000, 0x4b800000, 0x10 },
    { "integer-valued 3 * 4 + 5 is exact: no IXC", OP_FMA, true, 0x0000000, 0x00, 0x4008000000000000, 0x4010000000000000, 0x4014000000000000, 0x4031000000000000, 0x00 },
    { "3 * 0.1 + 5 is inexact", OP_FMA, true, 0x0000000, 0x00, 0x4008000000000000, 0x3fb999999999999a, 0x4014000000000000, 0x4015333333333333, 0x10 },
    { "a zero addend: the rounded product", OP_FMA, false, 0x0000000, 0x00, 0x40400000, 0x3dcccccd, 0x0, 0x3e99999a, 0x10 },
    { "3 * 4 - 0 is exact", OP_FMA, false, 0x0000000, 0x00, 0x40400000, 0x40800000, 0x80000000, 0x41400000, 0x00 },
    { "FRECPS: 2 - 2 * 0.5 is 1", OP_RECPS, false, 0x0000000, 0x00, 0x40000000, 0x3f000000, 0x0, 0x3f800000, 0x00 },
    { "FRECPS: inf * 0 gives 2.0", OP_RECPS, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x0, 0x40000000, 0x00 },
    { "FRECPS negates a NaN first operand before propagating it", OP_RECPS, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0xffc12345, 0x00 },
    { "FRECPS is fused", OP_RECPS, true, 0x0000000, 0x00, 0x3ff0000000000001, 0x3fefffffffffffff, 0x0, 0x3fefffffffffffff, 0x10 },
    { "FRSQRTS: (3 - 3 * 1) / 2 is 0", OP_RSQRTS, false, 0x0000000, 0x00, 0x40400000, 0x3f800000, 0x0, 0x0, 0x00 },
    { "FRSQRTS: 0 * inf gives 1.5", OP_RSQRTS, false, 0x0000000, 0x00, 0x0, 0xff800000, 0x0, 0x3fc00000, 0x00 },
    { "FRSQRTS halves before its single rounding", OP_RSQRTS, true, 0x0000000, 0x00, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, 0x3feffffffffffffe, 0x10 },
};
static const FpCase minmax_cases[] = {
    { "max(-0, +0) is +0", OP_MAX, false, 0x0000000, 0x00, 0x80000000, 0x0, 0x0, 0x0, 0x00 },
    { "max(+0, -0) is +0", OP_MAX, false, 0x0000000, 0x00, 0x0, 0x80000000, 0x0, 0x0, 0x00 },
    { "min(+0, -0) is -0", OP_MIN, false, 0x0000000, 0x00, 0x0, 0x80000000, 0x0, 0x80000000, 0x00 },
    { "max of two numbers", OP_MAX, true, 0x0000000, 0x00, 0x3ff0000000000000, 0x4000000000000000, 0x0, 0x4000000000000000, 0x00 },
    { "min with -inf", OP_MIN, true, 0x0000000, 0x00, 0xfff0000000000000, 0x4000000000000000, 0x0, 0xfff0000000000000, 0x00 },
    { "max propagates a quiet NaN", OP_MAX, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x7fc12345, 0x00 },
    { "min propagates a signalling NaN with IOC", OP_MIN, false, 0x0000000, 0x00, 0x3f800000, 0x7fa00001, 0x0, 0x7fe00001, 0x01 },
    { "maxnm: a quiet NaN loses to a number", OP_MAXNM, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x3f800000, 0x00 },
    { "maxnm: number first, quiet NaN second", OP_MAXNM, false, 0x0000000, 0x00, 0xbf800000, 0x7fc12345, 0x0, 0xbf800000, 0x00 },
    { "minnm: a quiet NaN loses even to -inf", OP_MINNM, true, 0x0000000, 0x00, 0x7ff8000000012345, 0xfff0000000000000, 0x0, 0xfff0000000000000, 0x00 },
    { "maxnm: a signalling NaN still propagates with IOC", OP_MAXNM, false, 0x0000000, 0x00, 0x7fa00001, 0x3f800000, 0x0, 0x7fe00001, 0x01 },
    { "minnm: quiet and signalling NaN returns the signalling one, quietened", OP_MINNM, false, 0x0000000, 0x00, 0x7fc12345, 0x7fa00001, 0x0, 0x7fe00001, 0x01 },
    { "maxnm: two quiet NaNs return the first", OP_MAXNM, false, 0x0000000, 0x00, 0x7fc12345, 0xffc00000, 0x0, 0x7fc12345, 0x00 },
    { "max of denormals returns one unchanged, no flags", OP_MAX, false, 0x0000000, 0x00, 0x5, 0x3, 0x0, 0x5, 0x00 },
    { "FZ: denormals read as zeros (IDC): max(+0, -0)", OP_MAX, false, 0x1000000, 0x00, 0x5, 0x80000003, 0x0, 0x0, 0x80 },
    { "FZ: minnm returns the flushed number", OP_MINNM, false, 0x1000000, 0x00, 0x7fc12345, 0x80000003, 0x0, 0x80000000, 0x80 },
    { "DN: max of a NaN is the default NaN", OP_MAX, false, 0x2000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x7fc00000, 0x00 },
};
static const FpCase cmp_cases[] = {
    { "equal is Z and C", OP_CMP, false, 0x0000000, 0x00, 0x3f800000, 0x3f800000, 0x0, 0x60000000, 0x00 },
    { "less is N", OP_CMP, false, 0x0000000, 0x00, 0x3f800000, 0x40000000, 0x0, 0x80000000, 0x00 },
    { "greater is C", OP_CMP, false, 0x0000000, 0x00, 0x40000000, 0x3f800000, 0x0, 0x20000000, 0x00 },
    { "+0 equals -0", OP_CMP, true, 0x0000000, 0x00, 0x0, 0x8000000000000000, 0x0, 0x60000000, 0x00 },
    { "a quiet NaN is unordered (C and V) with no IOC", OP_CMP, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x30000000, 0x00 },
    { "FCMPE signals IOC on a quiet NaN", OP_CMPE, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x30000000, 0x01 },
    { "FCMP signals IOC on a signalling NaN", OP_CMP, true, 0x0000000, 0x00, 0x3ff0000000000000, 0x7ff4000000000001, 0x0, 0x30000000, 0x01 },
    { "-inf is less than -max", OP_CMP, false, 0x0000000, 0x00, 0xff800000, 0xff7fffff, 0x0, 0x80000000, 0x00 },
    { "FZ: a denormal equals zero, with IDC", OP_CMP, false, 0x1000000, 0x00, 0x1, 0x0, 0x0, 0x60000000, 0x80 },
    { "without FZ a denormal is greater than zero", OP_CMP, false, 0x0000000, 0x00, 0x1, 0x0, 0x0, 0x20000000, 0x00 },
    { "FCMEQ: NaN is never equal, quiet NaN raises nothing", OP_CMEQ, false, 0x0000000, 0x00, 0x7fc12345, 0x7fc12345, 0x0, 0x0, 0x00 },
    { "FCMEQ: a signalling NaN raises IOC", OP_CMEQ, false, 0x0000000, 0x00, 0x7fa00001, 0x3f800000, 0x0, 0x0, 0x01 },
    { "FCMGE: a quiet NaN raises IOC", OP_CMGE, false, 0x0000000, 0x00, 0x7fc12345, 0x3f800000, 0x0, 0x0, 0x01 },
    { "FCMGE: equal is true", OP_CMGE, true, 0x0000000, 0x00, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, 0xffffffffffffffff, 0x00 },
    { "FCMGT: equal is false", OP_CMGT, true, 0x0000000, 0x00, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, 0x0, 0x00 },
    { "FCMGT: -0 > +0 is false", OP_CMGT, false, 0x0000000, 0x00, 0x80000000, 0x0, 0x0, 0x0, 0x00 },
};
static const FpCase rint_cases[] = {
    { "rintn 2.5", OP_RINTN, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x40000000, 0x00 },
    { "rintn -2.5", OP_RINTN, false, 0x0000000, 0x00, 0xc0200000, 0x0, 0x0, 0xc0000000, 0x00 },
    { "rintn -0.5 (zero results keep the sign)", OP_RINTN, true, 0x0000000, 0x00, 0xbfe0000000000000, 0x0, 0x0, 0x8000000000000000, 0x00 },
    { "rintn 0.75", OP_RINTN, true, 0x0000000, 0x00, 0x3fe8000000000000, 0x0, 0x0, 0x3ff0000000000000, 0x00 },
    { "rinta 2.5", OP_RINTA, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x40400000, 0x00 },
    { "rinta -2.5", OP_RINTA, false, 0x0000000, 0x00, 0xc0200000, 0x0, 0x0, 0xc0400000, 0x00 },
    { "rinta -0.5 (zero results keep the sign)", OP_RINTA, true, 0x0000000, 0x00, 0xbfe0000000000000, 0x0, 0x0, 0xbff0000000000000, 0x00 },
    { "rinta 0.75", OP_RINTA, true, 0x0000000, 0x00, 0x3fe8000000000000, 0x0, 0x0, 0x3ff0000000000000, 0x00 },
    { "rintp 2.5", OP_RINTP, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x40400000, 0x00 },
    { "rintp -2.5", OP_RINTP, false, 0x0000000, 0x00, 0xc0200000, 0x0, 0x0, 0xc0000000, 0x00 },
    { "rintp -0.5 (zero results keep the sign)", OP_RINTP, true, 0x0000000, 0x00, 0xbfe0000000000000, 0x0, 0x0, 0x8000000000000000, 0x00 },
    { "rintp 0.75", OP_RINTP, true, 0x0000000, 0x00, 0x3fe8000000000000, 0x0, 0x0, 0x3ff0000000000000, 0x00 },
    { "rintm 2.5", OP_RINTM, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x40000000, 0x00 },
    { "rintm -2.5", OP_RINTM, false, 0x0000000, 0x00, 0xc0200000, 0x0, 0x0, 0xc0400000, 0x00 },
    { "rintm -0.5 (zero results keep the sign)", OP_RINTM, true, 0x0000000, 0x00, 0xbfe0000000000000, 0x0, 0x0, 0xbff0000000000000, 0x00 },
    { "rintm 0.75", OP_RINTM, true, 0x0000000, 0x00, 0x3fe8000000000000, 0x0, 0x0, 0x0, 0x00 },
    { "rintz 2.5", OP_RINTZ, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x40000000, 0x00 },
    { "rintz -2.5", OP_RINTZ, false, 0x0000000, 0x00, 0xc0200000, 0x0, 0x0, 0xc0000000, 0x00 },
    { "rintz -0.5 (zero results keep the sign)", OP_RINTZ, true, 0x0000000, 0x00, 0xbfe0000000000000, 0x0, 0x0, 0x8000000000000000, 0x00 },
    { "rintz 0.75", OP_RINTZ, true, 0x0000000, 0x00, 0x3fe8000000000000, 0x0, 0x0, 0x0, 0x00 },
    { "values with no fraction bits are unchanged", OP_RINTN, false, 0x0000000, 0x00, 0x4b000001, 0x0, 0x0, 0x4b000001, 0x00 },
    { "FRINTX sets IXC when inexact", OP_RINTX, false, 0x0000000, 0x00, 0x3fc00000, 0x0, 0x0, 0x40000000, 0x10 },
    { "FRINTX rounds by FPCR (RM)", OP_RINTX, false, 0x0800000, 0x00, 0x3fc00000, 0x0, 0x0, 0x3f800000, 0x10 },
    { "FRINTX on an integral value raises nothing", OP_RINTX, true, 0x0000000, 0x00, 0x4000000000000000, 0x0, 0x0, 0x4000000000000000, 0x00 },
    { "FRINTI rounds by FPCR without IXC", OP_RINTI, false, 0x0400000, 0x00, 0x3fc00001, 0x0, 0x0, 0x40000000, 0x00 },
    { "FRINTN of a signalling NaN", OP_RINTN, false, 0x0000000, 0x00, 0x7fa00001, 0x0, 0x0, 0x7fe00001, 0x01 },
    { "FRINTP of a positive denormal is 1", OP_RINTP, false, 0x0000000, 0x00, 0x1, 0x0, 0x0, 0x3f800000, 0x00 },
    { "FZ: FRINTP of a denormal is +0 with IDC", OP_RINTP, false, 0x1000000, 0x00, 0x1, 0x0, 0x0, 0x0, 0x80 },
    { "FRINTM of a negative denormal is -1", OP_RINTM, true, 0x0000000, 0x00, 0x8000000000000001, 0x0, 0x0, 0xbff0000000000000, 0x00 },
    { "infinities are unchanged", OP_RINTZ, true, 0x0000000, 0x00, 0xfff0000000000000, 0x0, 0x0, 0xfff0000000000000, 0x00 },
};
static const FpCase toint_cases[] = {
    { "FCVTZS W: 2^31 saturates to INT32_MAX with IOC", OP_CVTZS_W, false, 0x0000000, 0x00, 0x4f000000, 0x0, 0x0, 0x7fffffff, 0x01 },
    { "FCVTZS W: -2^31 is exact", OP_CVTZS_W, false, 0x0000000, 0x00, 0xcf000000, 0x0, 0x0, 0x80000000, 0x00 },
    { "FCVTZS W: just below -2^31 saturates", OP_CVTZS_W, true, 0x0000000, 0x00, 0xc1e0000000200000, 0x0, 0x0, 0x80000000, 0x01 },
    { "FCVTZS W: -2^31 - 0.99 truncates to INT32_MIN with IXC", OP_CVTZS_W, true, 0x0000000, 0x00, 0xc1e00000001fffff, 0x0, 0x0, 0x80000000, 0x10 },
    { "NaN converts to 0 with IOC", OP_CVTZS_W, false, 0x0000000, 0x00, 0x7fc12345, 0x0, 0x0, 0x0, 0x01 },
    { "-inf saturates to INT32_MIN with IOC", OP_CVTZS_W, false, 0x0000000, 0x00, 0xff800000, 0x0, 0x0, 0x80000000, 0x01 },
    { "FCVTZU: -1.5 saturates to 0 with IOC", OP_CVTZU_X, false, 0x0000000, 0x00, 0xbfc00000, 0x0, 0x0, 0x0, 0x01 },
    { "FCVTZU: -0.5 truncates to 0 with IXC only", OP_CVTZU_X, false, 0x0000000, 0x00, 0xbf000000, 0x0, 0x0, 0x0, 0x10 },
    { "FCVTZU X: 2^64 saturates to UINT64_MAX", OP_CVTZU_X, true, 0x0000000, 0x00, 0x43f0000000000000, 0x0, 0x0, 0xffffffffffffffff, 0x01 },
    { "FCVTZU X: the largest double below 2^64 is exact", OP_CVTZU_X, true, 0x0000000, 0x00, 0x43efffffffffffff, 0x0, 0x0, 0xfffffffffffff800, 0x00 },
    { "FCVTPS X: 2^63 saturates with IOC", OP_CVTPS_X, true, 0x0000000, 0x00, 0x43e0000000000000, 0x0, 0x0, 0x7fffffffffffffff, 0x01 },
    { "FCVTPS: 1.1 rounds up to 2", OP_CVTPS_X, false, 0x0000000, 0x00, 0x3f8ccccd, 0x0, 0x0, 0x2, 0x10 },
    { "FCVTPS: -1.1 rounds up to -1", OP_CVTPS_X, false, 0x0000000, 0x00, 0xbf8ccccd, 0x0, 0x0, 0xffffffffffffffff, 0x10 },
    { "FCVTMU: rounds down", OP_CVTMU_X, false, 0x0000000, 0x00, 0x3fffffff, 0x0, 0x0, 0x1, 0x10 },
    { "FCVTNS: 2.5 ties to even 2", OP_CVTNS_W, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x2, 0x10 },
    { "FCVTNS: -3.5 ties to even -4", OP_CVTNS_W, false, 0x0000000, 0x00, 0xc0600000, 0x0, 0x0, 0xfffffffc, 0x10 },
    { "FCVTAU: 2.5 ties away to 3", OP_CVTAU_W, false, 0x0000000, 0x00, 0x40200000, 0x0, 0x0, 0x3, 0x10 },
    { "FCVTAU W: 2^32 saturates", OP_CVTAU_W, true, 0x0000000, 0x00, 0x41f0000000000000, 0x0, 0x0, 0xffffffff, 0x01 },
    { "FCVTAU W: 2^32 - 0.5 rounds away and saturates", OP_CVTAU_W, true, 0x0000000, 0x00, 0x41efffffffe00000, 0x0, 0x0, 0xffffffff, 0x00 },
    { "FCVTZS #16: 1.5 is 0x18000", OP_CVTZS_W16, false, 0x0000000, 0x00, 0x3fc00000, 0x0, 0x0, 0x18000, 0x00 },
    { "FCVTZS #16: 2^15 scaled saturates", OP_CVTZS_W16, true, 0x0000000, 0x00, 0x40e0000000000000, 0x0, 0x0, 0x7fffffff, 0x01 },
    { "FCVTZU #64: 0.5 scaled by 2^64 is 2^63", OP_CVTZU_X64, false, 0x0000000, 0x00, 0x3f000000, 0x0, 0x0, 0x8000000000000000, 0x00 },
    { "FCVTZS #1: -2^62 scaled is INT64_MIN exactly", OP_CVTZS_X1, true, 0x0000000, 0x00, 0xc3d0000000000000, 0x0, 0x0, 0x8000000000000000, 0x00 },
    { "FZ: a denormal converts to 0 with IDC", OP_CVTZS_W, false, 0x1000000, 0x00, 0x80000001, 0x0, 0x0, 0x0, 0x80 },
    { "a denormal converts to 0 with IXC", OP_CVTZS_W, false, 0x0000000, 0x00, 0x80000001, 0x0, 0x0, 0x0, 0x10 },
};
static const FpCase fromint_cases[] = {
    { "SCVTF D: INT64_MIN is exact", OP_SCVTF_X, true, 0x0000000, 0x00, 0x8000000000000000, 0x0, 0x0, 0xc3e0000000000000, 0x00 },
    { "SCVTF D: INT64_MAX rounds to 2^63", OP_SCVTF_X, true, 0x0000000, 0x00, 0x7fffffffffffffff, 0x0, 0x0, 0x43e0000000000000, 0x10 },
    { "UCVTF D: UINT64_MAX rounds to 2^64", OP_UCVTF_X, true, 0x0000000, 0x00, 0xffffffffffffffff, 0x0, 0x0, 0x43f0000000000000, 0x10 },
    { "UCVTF D in RZ truncates", OP_UCVTF_X, true, 0x0c00000, 0x00, 0xffffffffffffffff, 0x0, 0x0, 0x43efffffffffffff, 0x10 },
    { "UCVTF S: UINT64_MAX rounds to 2^64", OP_UCVTF_X, false, 0x0000000, 0x00, 0xffffffff, 0xffffffff, 0x0, 0x5f800000, 0x10 },
    { "SCVTF S, W: -2^31 + 1 rounds", OP_SCVTF_W, false, 0x0000000, 0x00, 0x0, 0x80000001, 0x0, 0xcf000000, 0x10 },
    { "SCVTF S, W: 2^24 + 1 in RM truncates", OP_SCVTF_W, false, 0x0800000, 0x00, 0x0, 0x1000001, 0x0, 0x4b800000, 0x10 },
    { "SCVTF S, W: 2^24 + 1 in RP rounds up", OP_SCVTF_W, false, 0x0400000, 0x00, 0x0, 0x1000001, 0x0, 0x4b800001, 0x10 },
    { "SCVTF D, W: the W register is sign-extended (-1)", OP_SCVTF_W, true, 0x0000000, 0x00, 0xffffffff, 0x0, 0x0, 0xbff0000000000000, 0x00 },
    { "SCVTF #5: 33 / 32", OP_SCVTF_W5, true, 0x0000000, 0x00, 0x21, 0x0, 0x0, 0x3ff0800000000000, 0x00 },
    { "UCVTF #64: 1 is 2^-64", OP_UCVTF_X64, true, 0x0000000, 0x00, 0x1, 0x0, 0x0, 0x3bf0000000000000, 0x00 },
    { "UCVTF S #64: UINT64_MAX / 2^64 rounds to 1", OP_UCVTF_X64, false, 0x0000000, 0x00, 0xffffffff, 0xffffffff, 0x0, 0x3f800000, 0x10 },
    { "zero converts to +0", OP_SCVTF_X, true, 0x0000000, 0x00, 0x0, 0x0, 0x0, 0x0, 0x00 },
};
static const FpCase cvt_cases[] = {
    { "F32 to F64: a signalling NaN is quietened, payload shifted, IOC", OP_CVT, false, 0x0000000, 0x00, 0x7fa00001, 0x0, 0x0, 0x7ffc000020000000, 0x01 },
    { "F32 to F64 with DN: default NaN", OP_CVT, false, 0x2000000, 0x00, 0x7fc12345, 0x0, 0x0, 0x7ff8000000000000, 0x00 },
    { "F32 to F64: a denormal becomes normal exactly", OP_CVT, false, 0x0000000, 0x00, 0x1, 0x0, 0x0, 0x36a0000000000000, 0x00 },
    { "F32 to F64 with FZ: a denormal is flushed with IDC", OP_CVT, false, 0x1000000, 0x00, 0x1, 0x0, 0x0, 0x0, 0x80 },
    { "F64 to F32: overflow to inf", OP_CVT, true, 0x0000000, 0x00, 0x47f0000000000000, 0x0, 0x0, 0x7f800000, 0x14 },
    { "F64 to F32: overflow in RZ gives the largest normal", OP_CVT, true, 0x0c00000, 0x00, 0x47f0000000000000, 0x0, 0x0, 0x7f7fffff, 0x14 },
    { "F64 to F32: a tie rounds to even", OP_CVT, true, 0x0000000, 0x00, 0x3ff0000010000000, 0x0, 0x0, 0x3f800000, 0x10 },
    { "F64 to F32: just below the smallest normal rounds up to it with UFC", OP_CVT, true, 0x0000000, 0x00, 0x380fffffffffffff, 0x0, 0x0, 0x800000, 0x18 },
    { "F64 to F32 with FZ: the tiny value is flushed with UFC", OP_CVT, true, 0x1000000, 0x00, 0x380fffffffffffff, 0x0, 0x0, 0x0, 0x08 },
    { "F64 to F32: 2^-149 is the smallest denormal", OP_CVT, true, 0x0000000, 0x00, 0x36a0000000000000, 0x0, 0x0, 0x1, 0x00 },
    { "F64 to F32: 2^-150 ties to zero", OP_CVT, true, 0x0000000, 0x00, 0x3690000000000000, 0x0, 0x0, 0x0, 0x18 },
    { "F64 to F32: NaN payload keeps its top bits", OP_CVT, true, 0x0000000, 0x00, 0x7ff8000000012345, 0x0, 0x0, 0x7fc00000, 0x00 },
    { "FCVTXN rounds to odd", OP_CVTXN, true, 0x0000000, 0x00, 0x3ff0000004000000, 0x0, 0x0, 0x3f800001, 0x10 },
    { "FCVTXN: exact values stay", OP_CVTXN, true, 0x0000000, 0x00, 0x3ff0000020000000, 0x0, 0x0, 0x3f800001, 0x00 },
    { "FCVTXN: inf", OP_CVTXN, true, 0x0000000, 0x00, 0x7ff0000000000000, 0x0, 0x0, 0x7f800000, 0x00 },
    { "FCVTXN: overflow gives the largest normal", OP_CVTXN, true, 0x0000000, 0x00, 0x7fefffffffffffff, 0x0, 0x0, 0x7f7fffff, 0x14 },
    { "F32 to F16: 1.0", OP_CVT_H, false, 0x0000000, 0x00, 0x3f800000, 0x0, 0x0, 0x3c00, 0x00 },
    { "F32 to F16: 65520 rounds to inf", OP_CVT_H, false, 0x0000000, 0x00, 0x477ff000, 0x0, 0x0, 0x7c00, 0x14 },
    { "F32 to F16: 65520 in RZ is 65504", OP_CVT_H, false, 0x0c00000, 0x00, 0x477ff000, 0x0, 0x0, 0x7bff, 0x10 },
    { "F32 to F16: 2^-24 is the smallest half denormal", OP_CVT_H, false, 0x0000000, 0x00, 0x33800000, 0x0, 0x0, 0x1, 0x00 },
    { "F32 to F16: 2^-25 ties to zero, UFC IXC", OP_CVT_H, false, 0x0000000, 0x00, 0x33000000, 0x0, 0x0, 0x0, 0x18 },
    { "F32 to F16: FZ does not flush half results", OP_CVT_H, false, 0x1000000, 0x00, 0x33000000, 0x0, 0x0, 0x0, 0x18 },
    { "F32 to F16: FZ flushes a single denormal input", OP_CVT_H, false, 0x1000000, 0x00, 0x1, 0x0, 0x0, 0x0, 0x80 },
    { "F32 to F16: NaN payload top bits", OP_CVT_H, false, 0x0000000, 0x00, 0x7fc12345, 0x0, 0x0, 0x7e09, 0x00 },
    { "F32 to F16: signalling NaN", OP_CVT_H, false, 0x0000000, 0x00, 0x7fa00001, 0x0, 0x0, 0x7f00, 0x01 },
    { "AHP: 65520 is in range", OP_CVT_H, false, 0x4000000, 0x00, 0x477ff000, 0x0, 0x0, 0x7c00, 0x10 },
    { "AHP: 131072 overflows to 0x7fff with IOC", OP_CVT_H, false, 0x4000000, 0x00, 0x48000000, 0x0, 0x0, 0x7fff, 0x01 },
    { "AHP: inf is 0x7fff with IOC", OP_CVT_H, false, 0x4000000, 0x00, 0x7f800000, 0x0, 0x0, 0x7fff, 0x01 },
    { "AHP: NaN is signed zero with IOC", OP_CVT_H, false, 0x4000000, 0x00, 0xffc00000, 0x0, 0x0, 0x8000, 0x01 },
    { "F64 to F16: a tie rounds to even", OP_CVT_H, true, 0x0000000, 0x00, 0x3ff0020000000000, 0x0, 0x0, 0x3c00, 0x10 },
    { "F64 to F16: RP rounds up", OP_CVT_H, true, 0x0400000, 0x00, 0x3ff0000000000001, 0x0, 0x0, 0x3c01, 0x10 },
    { "F16 to F32: 1.0", OP_CVT_FROM_H, false, 0x0000000, 0x00, 0x3c00, 0x0, 0x0, 0x3f800000, 0x00 },
    { "F16 to F32: half denormals are never flushed", OP_CVT_FROM_H, false, 0x1000000, 0x00, 0x1, 0x0, 0x0, 0x33800000, 0x00 },
    { "F16 to F32: inf", OP_CVT_FROM_H, false, 0x0000000, 0x00, 0x7c00, 0x0, 0x0, 0x7f800000, 0x00 },
    { "F16 to F32: signalling NaN quietened with IOC", OP_CVT_FROM_H, false, 0x0000000, 0x00, 0x7d01, 0x0, 0x0, 0x7fe02000, 0x01 },
    { "AHP: exponent 31 is a number (65536)", OP_CVT_FROM_H, false, 0x4000000, 0x00, 0x7c00, 0x0, 0x0, 0x47800000, 0x00 },
    { "AHP to F64: the largest negative value", OP_CVT_FROM_H, true, 0x4000000, 0x00, 0xffff, 0x0, 0x0, 0xc0fffc0000000000, 0x00 },
    { "F16 to F64 with DN: default NaN", OP_CVT_FROM_H, true, 0x2000000, 0x00, 0x7e01, 0x0, 0x0, 0x7ff8000000000000, 0x00 },
};
static const FpCase est_cases[] = {
    { "FRECPE 2.0", OP_RECPE, false, 0x0000000, 0x00, 0x40000000, 0x0, 0x0, 0x3eff8000, 0x00 },
    { "FRECPE 1.5", OP_RECPE, false, 0x0000000, 0x00, 0x3fc00000, 0x0, 0x0, 0x3f2a8000, 0x00 },
    { "FRECPE -6.5 (double)", OP_RECPE, true, 0x0000000, 0x00, 0xc01a000000000000, 0x0, 0x0, 0xbfc3b00000000000, 0x00 },
    { "FRECPE 0 is inf with DZC", OP_RECPE, false, 0x0000000, 0x00, 0x0, 0x0, 0x0, 0x7f800000, 0x02 },
    { "FRECPE -inf is -0", OP_RECPE, false, 0x0000000, 0x00, 0xff800000, 0x0, 0x0, 0x80000000, 0x00 },
    { "FRECPE of a tiny denormal overflows to inf (OFC IXC)", OP_RECPE, false, 0x0000000, 0x00, 0x100000, 0x0, 0x0, 0x7f800000, 0x14 },
    { "FRECPE overflow in RZ gives the largest normal", OP_RECPE, false, 0x0c00000, 0x00, 0x100000, 0x0, 0x0, 0x7f7fffff, 0x14 },
    { "FRECPE of a larger denormal is finite", OP_RECPE, false, 0x0000000, 0x00, 0x300000, 0x0, 0x0, 0x7f2a8000, 0x00 },
    { "FRECPE of 2^126 is denormal", OP_RECPE, false, 0x0000000, 0x00, 0x7e800000, 0x0, 0x0, 0x7fc000, 0x00 },
    { "FRECPE with FZ: 2^126 gives 0 and UFC", OP_RECPE, false, 0x1000000, 0x00, 0x7e800000, 0x0, 0x0, 0x0, 0x08 },
    { "FRECPE of 2^1022 is a double denormal", OP_RECPE, true, 0x0000000, 0x00, 0x7fd0000000000000, 0x0, 0x0, 0xff80000000000, 0x00 },
    { "FRECPE of a signalling NaN", OP_RECPE, false, 0x0000000, 0x00, 0x7fa00001, 0x0, 0x0, 0x7fe00001, 0x01 },
    { "FRSQRTE 4.0", OP_RSQRTE, false, 0x0000000, 0x00, 0x40800000, 0x0, 0x0, 0x3eff8000, 0x00 },
    { "FRSQRTE 2.0", OP_RSQRTE, false, 0x0000000, 0x00, 0x40000000, 0x0, 0x0, 0x3f348000, 0x00 },
    { "FRSQRTE 0.25 (double)", OP_RSQRTE, true, 0x0000000, 0x00, 0x3fd0000000000000, 0x0, 0x0, 0x3ffff00000000000, 0x00 },
    { "FRSQRTE -0 is -inf with DZC", OP_RSQRTE, false, 0x0000000, 0x00, 0x80000000, 0x0, 0x0, 0xff800000, 0x02 },
    { "FRSQRTE of a negative number is invalid", OP_RSQRTE, false, 0x0000000, 0x00, 0xbf800000, 0x0, 0x0, 0x7fc00000, 0x01 },
    { "FRSQRTE inf is +0", OP_RSQRTE, false, 0x0000000, 0x00, 0x7f800000, 0x0, 0x0, 0x0, 0x00 },
    { "FRSQRTE of the smallest denormal", OP_RSQRTE, false, 0x0000000, 0x00, 0x1, 0x0, 0x0, 0x64b48000, 0x00 },
    { "FRSQRTE of a double denormal", OP_RSQRTE, true, 0x0000000, 0x00, 0x3, 0x0, 0x0, 0x6172700000000000, 0x00 },
    { "FRECPX 3.0 inverts the exponent", OP_RECPX, false, 0x0000000, 0x00, 0x40400000, 0x0, 0x0, 0x3f800000, 0x00 },
    { "FRECPX of a denormal gives the largest exponent", OP_RECPX, false, 0x0000000, 0x00, 0x80000001, 0x0, 0x0, 0xff000000, 0x00 },
    { "FRECPX inf is +0", OP_RECPX, true, 0x0000000, 0x00, 0x7ff0000000000000, 0x0, 0x0, 0x0, 0x00 },
    { "FRECPX with FZ flags IDC", OP_RECPX, false, 0x1000000, 0x00, 0x1, 0x0, 0x0, 0x7f000000, 0x80 },
    { "FRECPX of a signalling NaN", OP_RECPX, true, 0x0000000, 0x00, 0x7ff4000000000001, 0x0, 0x0, 0x7ffc000000000001, 0x01 },
};

/* Run one case through the core as the corresponding instruction does. */
static uint64_t run_case(const FpCase *t, EmuFpStatus *st)
{
    uint64_t a = t->a, b = t->b, c = t->c;
    if (!t->dbl) {
        uint32_t x = (uint32_t)a, y = (uint32_t)b, z = (uint32_t)c;
        uint64_t wide = a << 32 | b;
        switch (t->op) {
        case OP_ADD: return emu_f32_add(st, x, y);
        case OP_SUB: return emu_f32_sub(st, x, y);
        case OP_MUL: return emu_f32_mul(st, x, y);
        case OP_DIV: return emu_f32_div(st, x, y);
        case OP_SQRT: return emu_f32_sqrt(st, x);
        case OP_FMA: return emu_f32_muladd(st, x, y, z);
        case OP_MAX: return emu_f32_max(st, x, y);
        case OP_MIN: return emu_f32_min(st, x, y);
        case OP_MAXNM: return emu_f32_maxnm(st, x, y);
        case OP_MINNM: return emu_f32_minnm(st, x, y);
        case OP_CMP: return emu_f32_compare(st, x, y, false);
        case OP_CMPE: return emu_f32_compare(st, x, y, true);
        case OP_MULX: return emu_f32_mulx(st, x, y);
        case OP_RECPE: return emu_f32_recpe(st, x);
        case OP_RSQRTE: return emu_f32_rsqrte(st, x);
        case OP_RECPS: return emu_f32_recps(st, x, y);
        case OP_RSQRTS: return emu_f32_rsqrts(st, x, y);
        case OP_RECPX: return emu_f32_recpx(st, x);
        case OP_RINTN: return emu_f32_round_int(st, x, EMU_FPRM_NEAREST, false);
        case OP_RINTA: return emu_f32_round_int(st, x, EMU_FPRM_TIEAWAY, false);
        case OP_RINTP: return emu_f32_round_int(st, x, EMU_FPRM_POSINF, false);
        case OP_RINTM: return emu_f32_round_int(st, x, EMU_FPRM_NEGINF, false);
        case OP_RINTZ: return emu_f32_round_int(st, x, EMU_FPRM_ZERO, false);
        case OP_RINTX: return emu_f32_round_int(st, x, st->rmode, true);
        case OP_RINTI: return emu_f32_round_int(st, x, st->rmode, false);
        case OP_CVTNS_W: return (uint32_t)emu_f32_to_s32(st, x, EMU_FPRM_NEAREST, 0);
        case OP_CVTAU_W: return emu_f32_to_u32(st, x, EMU_FPRM_TIEAWAY, 0);
        case OP_CVTPS_X: return (uint64_t)emu_f32_to_s64(st, x, EMU_FPRM_POSINF, 0);
        case OP_CVTMU_X: return emu_f32_to_u64(st, x, EMU_FPRM_NEGINF, 0);
        case OP_CVTZS_W: return (uint32_t)emu_f32_to_s32(st, x, EMU_FPRM_ZERO, 0);
        case OP_CVTZU_X: return emu_f32_to_u64(st, x, EMU_FPRM_ZERO, 0);
        case OP_CVTZS_W16: return (uint32_t)emu_f32_to_s32(st, x, EMU_FPRM_ZERO, 16);
        case OP_CVTZU_X64: return emu_f32_to_u64(st, x, EMU_FPRM_ZERO, 64);
        case OP_CVTZS_X1: return (uint64_t)emu_f32_to_s64(st, x, EMU_FPRM_ZERO, 1);
        case OP_SCVTF_W: return emu_s64_to_f32(st, (int32_t)(uint32_t)wide, 0);
        case OP_UCVTF_X: return emu_u64_to_f32(st, wide, 0);
        case OP_SCVTF_X: return emu_s64_to_f32(st, (int64_t)wide, 0);
        case OP_SCVTF_W5: return emu_s64_to_f32(st, (int32_t)(uint32_t)wide, 5);
        case OP_UCVTF_X64: return emu_u64_to_f32(st, wide, 64);
        case OP_CVT: return emu_f32_to_f64(st, x);
        case OP_CVT_H: return emu_f32_to_f16(st, x);
        case OP_CVT_FROM_H: return emu_f16_to_f32(st, (uint16_t)x);
        case OP_CMEQ: return emu_f32_cmpeq(st, x, y) ? UINT32_MAX : 0;
        case OP_CMGE: return emu_f32_cmpge(st, x, y) ? UINT32_MAX : 0;
        case OP_CMGT: return emu_f32_cmpgt(st, x, y) ? UINT32_MAX : 0;
        case OP_CVTXN: break;
        }
        cr_assert_fail("no single-precision form for op %d", t->op);
    }
    switch (t->op) {
    case OP_ADD: return emu_f64_add(st, a, b);
    case OP_SUB: return emu_f64_sub(st, a, b);
    case OP_MUL: return emu_f64_mul(st, a, b);
    case OP_DIV: return emu_f64_div(st, a, b);
    case OP_SQRT: return emu_f64_sqrt(st, a);
    case OP_FMA: return emu_f64_muladd(st, a, b, c);
    case OP_MAX: return emu_f64_max(st, a, b);
    case OP_MIN: return emu_f64_min(st, a, b);
    case OP_MAXNM: return emu_f64_maxnm(st, a, b);
    case OP_MINNM: return emu_f64_minnm(st, a, b);
    case OP_CMP: return emu_f64_compare(st, a, b, false);
    case OP_CMPE: return emu_f64_compare(st, a, b, true);
    case OP_MULX: return emu_f64_mulx(st, a, b);
    case OP_RECPE: return emu_f64_recpe(st, a);
    case OP_RSQRTE: return emu_f64_rsqrte(st, a);
    case OP_RECPS: return emu_f64_recps(st, a, b);
    case OP_RSQRTS: return emu_f64_rsqrts(st, a, b);
    case OP_RECPX: return emu_f64_recpx(st, a);
    case OP_RINTN: return emu_f64_round_int(st, a, EMU_FPRM_NEAREST, false);
    case OP_RINTA: return emu_f64_round_int(st, a, EMU_FPRM_TIEAWAY, false);
    case OP_RINTP: return emu_f64_round_int(st, a, EMU_FPRM_POSINF, false);
    case OP_RINTM: return emu_f64_round_int(st, a, EMU_FPRM_NEGINF, false);
    case OP_RINTZ: return emu_f64_round_int(st, a, EMU_FPRM_ZERO, false);
    case OP_RINTX: return emu_f64_round_int(st, a, st->rmode, true);
    case OP_RINTI: return emu_f64_round_int(st, a, st->rmode, false);
    case OP_CVTNS_W: return (uint32_t)emu_f64_to_s32(st, a, EMU_FPRM_NEAREST, 0);
    case OP_CVTAU_W: return emu_f64_to_u32(st, a, EMU_FPRM_TIEAWAY, 0);
    case OP_CVTPS_X: return (uint64_t)emu_f64_to_s64(st, a, EMU_FPRM_POSINF, 0);
    case OP_CVTMU_X: return emu_f64_to_u64(st, a, EMU_FPRM_NEGINF, 0);
    case OP_CVTZS_W: return (uint32_t)emu_f64_to_s32(st, a, EMU_FPRM_ZERO, 0);
    case OP_CVTZU_X: return emu_f64_to_u64(st, a, EMU_FPRM_ZERO, 0);
    case OP_CVTZS_W16: return (uint32_t)emu_f64_to_s32(st, a, EMU_FPRM_ZERO, 16);
    case OP_CVTZU_X64: return emu_f64_to_u64(st, a, EMU_FPRM_ZERO, 64);
    case OP_CVTZS_X1: return (uint64_t)emu_f64_to_s64(st, a, EMU_FPRM_ZERO, 1);
    case OP_SCVTF_W: return emu_s64_to_f64(st, (int32_t)(uint32_t)a, 0);
    case OP_UCVTF_X: return emu_u64_to_f64(st, a, 0);
    case OP_SCVTF_X: return emu_s64_to_f64(st, (int64_t)a, 0);
    case OP_SCVTF_W5: return emu_s64_to_f64(st, (int32_t)(uint32_t)a, 5);
    case OP_UCVTF_X64: return emu_u64_to_f64(st, a, 64);
    case OP_CVT: return emu_f64_to_f32(st, a);
    case OP_CVT_H: return emu_f64_to_f16(st, a);
    case OP_CVT_FROM_H: return emu_f16_to_f64(st, (uint16_t)a);
    case OP_CMEQ: return emu_f64_cmpeq(st, a, b) ? UINT64_MAX : 0;
    case OP_CMGE: return emu_f64_cmpge(st, a, b) ? UINT64_MAX : 0;
    case OP_CMGT: return emu_f64_cmpgt(st, a, b) ? UINT64_MAX : 0;
    case OP_CVTXN: return emu_f64_to_f32_odd(st, a);
    }
    cr_assert_fail("unknown op %d", t->op);
    return 0;
}

static void check(const FpCase *t)
{
    EmuFpStatus st = emu_fp_status_make(t->fpcr, t->fpsr);
    uint64_t r = run_case(t, &st);
    cr_expect_eq(r, t->expect, "%s: result %#llx, expected %#llx", t->what,
                 (unsigned long long)r, (unsigned long long)t->expect);
    cr_expect_eq(st.flags, t->flags, "%s: FPSR flags %#x, expected %#x", t->what, st.flags, t->flags);
}

#define FP_TABLE_TEST(group)                                                       \
    ParameterizedTestParameters(fpu, group) {                                      \
        return cr_make_param_array(FpCase, (FpCase *)group##_cases,                \
                                   sizeof(group##_cases) / sizeof(group##_cases[0])); \
    }                                                                              \
    ParameterizedTest(const FpCase *t, fpu, group) { check(t); }

/* Each rounding mode (FPCR.RMode) on one inexact value per operation, for
 * both signs. */
FP_TABLE_TEST(rmode)
/* Addition and subtraction: rounding modes, signed zeros, overflow, NaN
 * selection, denormals with and without FZ. */
FP_TABLE_TEST(add)
/* Multiplication, FMULX, division, square root. */
FP_TABLE_TEST(mul)
/* Fused multiply-add (single rounding), FRECPS, FRSQRTS. */
FP_TABLE_TEST(fma)
/* FMAX, FMIN, FMAXNM, FMINNM. */
FP_TABLE_TEST(minmax)
/* FCMP, FCMPE and the SIMD compares. */
FP_TABLE_TEST(cmp)
/* FRINTx in every rounding mode. */
FP_TABLE_TEST(rint)
/* FP to integer: rounding, saturation, IOC versus IXC, fixed point. */
FP_TABLE_TEST(toint)
/* Integer to FP, fixed point. */
FP_TABLE_TEST(fromint)
/* Precision conversions: F16 (IEEE and AHP), F32, F64, round to odd. */
FP_TABLE_TEST(cvt)
/* FRECPE, FRSQRTE, FRECPX. */
FP_TABLE_TEST(est)

Test(fpu, status_reads_fpcr_and_commit_ors_flags_into_fpsr)
{
    EmuFpStatus st = emu_fp_status_make(0x07c00000u, 0xf8000001u);
    cr_assert_eq(st.rmode, EMU_FPRM_ZERO);
    cr_assert(st.fz && st.dn && st.ahp);
    cr_assert_eq(st.flags, EMU_FPSR_IOC, "only the cumulative bits are taken");
    emu_f32_div(&st, 0x3f800000u, 0);
    cr_assert_eq(st.flags, EMU_FPSR_IOC | EMU_FPSR_DZC);
}

/* URECPE and URSQRTE, values from qemu-aarch64. */
Test(fpu, unsigned_estimates_match_qemu)
{
    static const uint32_t cases[][3] = {   /* operand, URECPE, URSQRTE */
        { 0x80000000u, 0xff800000u, 0xb4800000u },
        { 0xffffffffu, 0x80000000u, 0x80000000u },
        { 0x7fffffffu, 0xffffffffu, 0xb5000000u },
        { 0xc0000000u, 0xaa800000u, 0x93800000u },
        { 0x40000000u, 0xffffffffu, 0xff800000u },
        { 0x3fffffffu, 0xffffffffu, 0xffffffffu },
        { 0x9abcdef0u, 0xd3800000u, 0xa5000000u },
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cr_expect_eq(emu_urecpe_u32(cases[i][0]), cases[i][1], "urecpe %#x", cases[i][0]);
        cr_expect_eq(emu_ursqrte_u32(cases[i][0]), cases[i][2], "ursqrte %#x", cases[i][0]);
    }
}

/* The host shortcuts (round to nearest, normal operands and results) must
 * give exactly what the integer implementation gives, whether IXC is
 * already set or has to be computed. */
static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static uint64_t run_op(int k, EmuFpStatus *st, uint32_t a, uint32_t b, uint32_t c,
                       uint64_t da, uint64_t db, uint64_t dc)
{
    switch (k) {
    case 0: return emu_f32_add(st, a, b);
    case 1: return emu_f32_sub(st, a, b);
    case 2: return emu_f32_mul(st, a, b);
    case 3: return emu_f32_div(st, a, b);
    case 4: return emu_f32_sqrt(st, a);
    case 5: return emu_f32_muladd(st, a, b, c);
    case 6: return emu_f64_add(st, da, db);
    case 7: return emu_f64_sub(st, da, db);
    case 8: return emu_f64_mul(st, da, db);
    case 9: return emu_f64_div(st, da, db);
    case 10: return emu_f64_sqrt(st, da);
    case 11: return emu_f64_muladd(st, da, db, dc);
    case 12: return (uint64_t)emu_f64_to_s64(st, da, EMU_FPRM_ZERO, 0);
    case 13: return emu_f64_to_u32(st, da, EMU_FPRM_ZERO, 0);
    case 14: return (uint32_t)emu_f32_to_s32(st, a, EMU_FPRM_ZERO, 0);
    case 15: return emu_f32_to_u64(st, a, EMU_FPRM_ZERO, 0);
    case 16: return emu_s64_to_f64(st, (int64_t)dc >> (dc & 63), 0);
    case 17: return emu_u64_to_f32(st, dc >> (dc & 63), (unsigned)(dc >> 58));
    default: return emu_s64_to_f32(st, (int64_t)dc >> (c & 63), c >> 26);
    }
}

Test(fpu, host_shortcuts_agree_with_the_integer_implementation)
{
    uint64_t seed = 0x2545f4914f6cdd1dull;
    for (int i = 0; i < 100000; i++) {
        uint64_t r = xorshift(&seed);
        uint32_t a = (uint32_t)r, b = (uint32_t)(r >> 32), c = (uint32_t)xorshift(&seed);
        uint64_t da = xorshift(&seed), db = xorshift(&seed), dc = xorshift(&seed);
        switch (i & 3) {
        case 1:   /* close exponents: cancellation, exact results */
            b = (b & 0x80ffffffu) | (a & 0x7f000000u);
            db = (db & 0x801fffffffffffffull) | (da & 0x7fe0000000000000ull);
            break;
        case 2:   /* short significands: many exact results, zero addends */
            a &= 0xfffff000u; b &= 0xffff0000u; c &= (r & 1) ? 0xffffff00u : 0x80000000u;
            da &= 0xfffffff000000000ull; db &= 0xffffffff00000000ull;
            dc &= (r & 2) ? 0xfffffffffff00000ull : 0x8000000000000000ull;
            break;
        case 3:   /* near the edges of the host shortcuts' exponent ranges */
            a = (a & 0x807fffffu) | (uint32_t)(120 + (r >> 58)) << 23;
            da = (da & 0x800fffffffffffffull) | (uint64_t)(600 + (r >> 60)) << 52;
            db = (db & 0x800fffffffffffffull) | (uint64_t)(600 + (r >> 56 & 63)) << 52;
            break;
        }
        for (int k = 0; k < 19; k++) {
            for (uint32_t fpsr = 0; fpsr <= EMU_FPSR_IXC; fpsr += EMU_FPSR_IXC) {
                EmuFpStatus soft = emu_fp_status_make(0, fpsr), host = soft;
                soft.no_host = true;
                uint64_t rs = run_op(k, &soft, a, b, c, da, db, dc);
                uint64_t rh = run_op(k, &host, a, b, c, da, db, dc);
                cr_assert_eq(rs, rh, "op %d on %#x %#x %#x / %#llx %#llx %#llx", k, a, b, c,
                             (unsigned long long)da, (unsigned long long)db, (unsigned long long)dc);
                cr_assert_eq(soft.flags, host.flags, "flags of op %d from FPSR %#x", k, fpsr);
            }
        }
    }
}
