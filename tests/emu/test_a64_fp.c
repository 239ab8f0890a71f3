/* tests/emu/test_a64_fp.c — scalar floating-point instructions on raw
 * encodings.
 *
 * Each case starts from a fixed register pattern (below), sets a few
 * inputs, FPCR, FPSR and NZCV, runs the one instruction and checks that
 * exactly the listed registers changed (to the listed values; V registers
 * as low:high 64-bit halves, so upper-bit zeroing is checked), plus NZCV
 * and FPSR; or that it is UNDEFINED (synchronous exception, EC 0, nothing
 * changed). Expected values come from running the same instruction with
 * the same register state under qemu-aarch64 -cpu cortex-a57.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(a64_fp, .init = setup, .fini = teardown, .timeout = 10);

/* A register value: kind 'x' (lo) or 'v' (lo:hi); kind 0 ends a list. */
typedef struct Reg {
    char kind;
    unsigned n;
    uint64_t lo, hi;
} Reg;

typedef struct FpInsnCase {
    char what[160];            /* assembly and the behaviour shown (inline:
                                * Criterion copies parameters between processes) */
    uint32_t insn;
    uint32_t fpcr, nzcv, fpsr; /* nzcv as bits 3:0 */
    Reg in[4];
    bool undef;
    Reg out[3];                /* the registers that change */
    uint32_t nzcv_out, fpsr_out;
} FpInsnCase;

/* The starting pattern: every register distinct, V upper halves nonzero. */
static uint64_t x_init(unsigned k) { return 0x0101010101010101ull * k ^ 0xf000000000000000ull; }
static uint64_t v_init_lo(unsigned k) { return 0xa5a5a5a500000000ull | k; }
static uint64_t v_init_hi(unsigned k) { return 0x5a5a5a5a5a5a5a00ull | k; }

static void load_state(const FpInsnCase *t, uint64_t x[31], uint64_t v[32][2])
{
    for (unsigned k = 0; k < 31; k++)
        x[k] = x_init(k);
    for (unsigned k = 0; k < 32; k++) {
        v[k][0] = v_init_lo(k);
        v[k][1] = v_init_hi(k);
    }
    for (const Reg *r = t->in; r < t->in + 4 && r->kind; r++) {
        if (r->kind == 'x') {
            x[r->n] = r->lo;
        } else {
            v[r->n][0] = r->lo;
            v[r->n][1] = r->hi;
        }
    }
}

static void check(const FpInsnCase *t)
{
    uint64_t x[31], v[32][2];
    load_state(t, x, v);
    for (unsigned k = 0; k < 31; k++)
        emu_cpu_set_x(h->cpu, k, x[k]);
    for (unsigned k = 0; k < 32; k++)
        emu_cpu_set_v(h->cpu, k, v[k]);
    h->cpu->fpcr = t->fpcr;
    h->cpu->fpsr = t->fpsr;
    h->cpu->nzcv = t->nzcv << 28;
    harness_code(h, &t->insn, 1);
    harness_run(h, 1);

    if (t->undef) {
        cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200), "%s: not UNDEFINED", t->what);
        cr_assert_eq(harness_esr(h) >> 26, EC_UNKNOWN, "%s: ESR %#llx", t->what,
                     (unsigned long long)harness_esr(h));
        cr_assert_eq(harness_elr(h), HARNESS_CODE);
        cr_assert_eq(h->cpu->fpsr, t->fpsr, "%s: FPSR changed", t->what);
    } else {
        cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4, "%s: did not retire (ESR %#llx)",
                     t->what, (unsigned long long)harness_esr(h));
        for (const Reg *r = t->out; r < t->out + 3 && r->kind; r++) {
            if (r->kind == 'x') {
                x[r->n] = r->lo;
            } else {
                v[r->n][0] = r->lo;
                v[r->n][1] = r->hi;
            }
        }
        cr_expect_eq(h->cpu->nzcv >> 28, t->nzcv_out, "%s: NZCV %x, expected %x", t->what,
                     h->cpu->nzcv >> 28, t->nzcv_out);
        cr_expect_eq(h->cpu->fpsr, t->fpsr_out, "%s: FPSR %#x, expected %#x", t->what,
                     h->cpu->fpsr, t->fpsr_out);
    }
    for (unsigned k = 0; k < 31; k++)
        cr_expect_eq(emu_cpu_x(h->cpu, k), x[k], "%s: x%u = %#llx, expected %#llx", t->what, k,
                     (unsigned long long)emu_cpu_x(h->cpu, k), (unsigned long long)x[k]);
    for (unsigned k = 0; k < 32; k++) {
        uint64_t got[2];
        emu_cpu_v(h->cpu, k, got);
        cr_expect(got[0] == v[k][0] && got[1] == v[k][1],
                  "%s: v%u = %016llx:%016llx, expected %016llx:%016llx", t->what, k,
                  (unsigned long long)got[1], (unsigned long long)got[0],
                  (unsigned long long)v[k][1], (unsigned long long)v[k][0]);
    }
}

static const FpInsnCase fixed_cases[] = {
    { "scvtf s0, w1, #16: W is read as 32 bits; 1.5 in 16.16; the rest of V0 is zeroed", 0x1e02c020, 0x0, 0x0, 0x0, { { 'x', 1, 0xffffffff00018000ull, 0 } }, false, { { 'v', 0, 0x3fc00000ull, 0x0ull } }, 0x0, 0x0 },
    { "ucvtf d2, x3, #64: 2^63 / 2^64 is 0.5", 0x9e430062, 0x0, 0x0, 0x0, { { 'x', 3, 0x8000000000000000ull, 0 } }, false, { { 'v', 2, 0x3fe0000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "scvtf d4, x5, #1: negative fixed point rounds by FPCR", 0x9e42fca4, 0x800000, 0x0, 0x0, { { 'x', 5, 0x8000000000000001ull, 0 } }, false, { { 'v', 4, 0xc3d0000000000000ull, 0x0ull } }, 0x0, 0x10 },
    { "fcvtzs w4, s5, #1: truncates 5.5 to 5 with IXC; the X register top half is zeroed", 0x1e18fca4, 0x0, 0x0, 0x0, { { 'v', 5, 0x40300000ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'x', 4, 0x5ull, 0 } }, 0x0, 0x10 },
    { "fcvtzu x6, d7, #32: negative saturates to 0 with IOC", 0x9e5980e6, 0x0, 0x0, 0x0, { { 'v', 7, 0xbff199999999999aull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'x', 6, 0x0ull, 0 } }, 0x0, 0x1 },
    { "fcvtzs x8, d9, #64: 0.5 * 2^64 saturates to INT64_MAX with IOC", 0x9e580128, 0x0, 0x0, 0x0, { { 'v', 9, 0x3fe0000000000000ull, 0x5a5a5a5a5a5a5a09ull } }, false, { { 'x', 8, 0x7fffffffffffffffull, 0 } }, 0x0, 0x1 },
    { "fcvtzs w10, s11, #32: -0.5 * 2^32 is INT32_MIN exactly", 0x1e18816a, 0x0, 0x0, 0x0, { { 'v', 11, 0xbf000000ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'x', 10, 0x80000000ull, 0 } }, 0x0, 0x0 },
    { "fcvtzu w12, d13, #3: rounds towards zero whatever FPCR says", 0x1e59f5ac, 0x400000, 0x0, 0x0, { { 'v', 13, 0x3ff199999999999aull, 0x5a5a5a5a5a5a5a0dull } }, false, { { 'x', 12, 0x8ull, 0 } }, 0x0, 0x10 },
    { "fcvtzs wzr, s1, #8: a zero-register destination discards the result but keeps the flags", 0x1e18e03f, 0x0, 0x0, 0x0, { { 'v', 1, 0x7fa00001ull, 0x5a5a5a5a5a5a5a01ull } }, false, {  }, 0x0, 0x1 },
    { "fcvtzs w0, s1, #32 (patched): unallocated: a 32-bit form with scale < 32 (fbits 33)", 0x1e187c20, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "scvtf h0, w1, #16: half precision (FEAT_FP16) is UNDEFINED", 0x1ec2c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "scvtf s0, w1, #16 (patched): unallocated: rmode:opcode 00:000", 0x1e00c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "scvtf s0, w1, #16 (patched): unallocated: type 10", 0x1e82c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase int_cases[] = {
    { "fcvtns w0, s1: 2.5 ties to even 2, IXC", 0x1e200020, 0x0, 0x0, 0x0, { { 'v', 1, 0x40200000ull, 0x5a5a5a5a5a5a5a01ull } }, false, { { 'x', 0, 0x2ull, 0 } }, 0x0, 0x10 },
    { "fcvtas x2, d3: -2.5 ties away to -3", 0x9e640062, 0x0, 0x0, 0x0, { { 'v', 3, 0xc004000000000000ull, 0x5a5a5a5a5a5a5a03ull } }, false, { { 'x', 2, 0xfffffffffffffffdull, 0 } }, 0x0, 0x10 },
    { "fcvtps w4, d5: 1.1 rounds up to 2", 0x1e6800a4, 0x0, 0x0, 0x0, { { 'v', 5, 0x3ff199999999999aull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'x', 4, 0x2ull, 0 } }, 0x0, 0x10 },
    { "fcvtpu x4, d5: FCVTPU 1.1 is 2", 0x9e6900a4, 0x0, 0x0, 0x0, { { 'v', 5, 0x3ff199999999999aull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'x', 4, 0x2ull, 0 } }, 0x0, 0x10 },
    { "fcvtms x6, s7: -1.1 rounds down to -2", 0x9e3000e6, 0x0, 0x0, 0x0, { { 'v', 7, 0xbf8ccccdull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'x', 6, 0xfffffffffffffffeull, 0 } }, 0x0, 0x10 },
    { "fcvtmu w6, s7: FCVTMU of a negative saturates to 0 with IOC", 0x1e3100e6, 0x0, 0x0, 0x0, { { 'v', 7, 0xbf8ccccdull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'x', 6, 0x0ull, 0 } }, 0x0, 0x1 },
    { "fcvtzu w8, s9: 2^33 saturates to UINT32_MAX with IOC", 0x1e390128, 0x0, 0x0, 0x0, { { 'v', 9, 0x50000000ull, 0x5a5a5a5a5a5a5a09ull } }, false, { { 'x', 8, 0xffffffffull, 0 } }, 0x0, 0x1 },
    { "fcvtzs x10, d11: NaN converts to 0 with IOC", 0x9e78016a, 0x0, 0x0, 0x0, { { 'v', 11, 0x7ff8000000012345ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'x', 10, 0x0ull, 0 } }, 0x0, 0x1 },
    { "fcvtzs w10, d11: truncates towards zero", 0x1e78016a, 0x0, 0x0, 0x0, { { 'v', 11, 0xc004000000000000ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'x', 10, 0xfffffffeull, 0 } }, 0x0, 0x10 },
    { "fcvtnu x12, d13: FCVTNU 2.5 is 2", 0x9e6101ac, 0x0, 0x0, 0x0, { { 'v', 13, 0x4004000000000000ull, 0x5a5a5a5a5a5a5a0dull } }, false, { { 'x', 12, 0x2ull, 0 } }, 0x0, 0x10 },
    { "fcvtau w14, s15: FCVTAU 2.5 is 3", 0x1e2501ee, 0x0, 0x0, 0x0, { { 'v', 15, 0x40200000ull, 0x5a5a5a5a5a5a5a0full } }, false, { { 'x', 14, 0x3ull, 0 } }, 0x0, 0x10 },
    { "scvtf d0, w1: W source is sign-extended from 32 bits", 0x1e620020, 0x0, 0x0, 0x0, { { 'x', 1, 0x12345678ffffffffull, 0 } }, false, { { 'v', 0, 0xbff0000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "ucvtf d0, w1: UCVTF W source is zero-extended", 0x1e630020, 0x0, 0x0, 0x0, { { 'x', 1, 0x12345678ffffffffull, 0 } }, false, { { 'v', 0, 0x41efffffffe00000ull, 0x0ull } }, 0x0, 0x0 },
    { "ucvtf s2, x3: UINT64_MAX rounds to 2^64 with IXC", 0x9e230062, 0x0, 0x0, 0x0, { { 'x', 3, 0xffffffffffffffffull, 0 } }, false, { { 'v', 2, 0x5f800000ull, 0x0ull } }, 0x0, 0x10 },
    { "scvtf s4, x5: rounds by FPCR (RZ)", 0x9e2200a4, 0xc00000, 0x0, 0x0, { { 'x', 5, 0x7fffffffffffffffull, 0 } }, false, { { 'v', 4, 0x5effffffull, 0x0ull } }, 0x0, 0x10 },
    { "scvtf s6, xzr: XZR converts to +0", 0x9e2203e6, 0x0, 0x0, 0x0, {  }, false, { { 'v', 6, 0x0ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov w0, s1: copies the low 32 bits, zeroes X top half", 0x1e260020, 0x0, 0x0, 0x0, { { 'v', 1, 0x1122334455667788ull, 0x5a5a5a5a5a5a5a01ull } }, false, { { 'x', 0, 0x55667788ull, 0 } }, 0x0, 0x0 },
    { "fmov s2, w3: zero-extends into the whole V register", 0x1e270062, 0x0, 0x0, 0x0, { { 'x', 3, 0xffffffff80000001ull, 0 } }, false, { { 'v', 2, 0x80000001ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov x4, d5: copies 64 bits", 0x9e6600a4, 0x0, 0x0, 0x0, { { 'v', 5, 0x123456789abcdefull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'x', 4, 0x123456789abcdefull, 0 } }, 0x0, 0x0 },
    { "fmov d6, x7: zeroes the upper half", 0x9e6700e6, 0x0, 0x0, 0x0, { { 'x', 7, 0xfedcba9876543210ull, 0 } }, false, { { 'v', 6, 0xfedcba9876543210ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov x8, v9.d[1]: reads the upper half", 0x9eae0128, 0x0, 0x0, 0x0, { { 'v', 9, 0x1ull, 0xcafef00dd00dfeedull } }, false, { { 'x', 8, 0xcafef00dd00dfeedull, 0 } }, 0x0, 0x0 },
    { "fmov v10.d[1], x11: writes the upper half and keeps the lower one", 0x9eaf016a, 0x0, 0x0, 0x0, { { 'x', 11, 0x1234ull, 0 } }, false, { { 'v', 10, 0xa5a5a5a50000000aull, 0x1234ull } }, 0x0, 0x0 },
    { "fmov d12, xzr: from XZR is +0", 0x9e6703ec, 0x0, 0x0, 0x0, {  }, false, { { 'v', 12, 0x0ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov w0, h1: the half forms are FEAT_FP16: UNDEFINED", 0x1ee60020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmov h0, w1: FMOV H, W is UNDEFINED", 0x1ee70020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fjcvtzs w0, d1: FJCVTZS (ARMv8.3) is UNDEFINED", 0x1e7e0020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmov x0, d1 (patched): unallocated: FMOV with sf 0 and type 01", 0x1e660020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmov x0, v1.d[1] (patched): unallocated: the top-half form needs sf 1", 0x1eae0020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fcvtas w0, s1 (patched): unallocated: FCVTAS with rmode 01", 0x1e2c0020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "scvtf s0, w1 (patched): unallocated: SCVTF with rmode 10", 0x1e320020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fcvtzs w0, h1: FCVTZS from half is FEAT_FP16: UNDEFINED", 0x1ef80020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fcvtzs w0, s1 (patched): unallocated: S bit set", 0x3e380020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase dp1_cases[] = {
    { "fmov s0, s1: copies the low 32 bits and zeroes the rest", 0x1e204020, 0x0, 0x0, 0x0, { { 'v', 1, 0x1111111122222222ull, 0x3333ull } }, false, { { 'v', 0, 0x22222222ull, 0x0ull } }, 0x0, 0x0 },
    { "fabs d2, d3: clears the sign of a NaN without processing it", 0x1e60c062, 0x0, 0x0, 0x0, { { 'v', 3, 0xfff4000000000001ull, 0x5a5a5a5a5a5a5a03ull } }, false, { { 'v', 2, 0x7ff4000000000001ull, 0x0ull } }, 0x0, 0x0 },
    { "fneg s4, s5: flips the sign of a signalling NaN, no IOC", 0x1e2140a4, 0x0, 0x0, 0x0, { { 'v', 5, 0x7fa00001ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 4, 0xffa00001ull, 0x0ull } }, 0x0, 0x0 },
    { "fsqrt d6, d7: square root of 2", 0x1e61c0e6, 0x0, 0x0, 0x0, { { 'v', 7, 0x4000000000000000ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 6, 0x3ff6a09e667f3bcdull, 0x0ull } }, 0x0, 0x10 },
    { "fsqrt s6, s7: square root of -1 is the default NaN with IOC", 0x1e21c0e6, 0x0, 0x0, 0x0, { { 'v', 7, 0xbf800000ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 6, 0x7fc00000ull, 0x0ull } }, 0x0, 0x1 },
    { "fcvt d0, s1: single to double", 0x1e22c020, 0x0, 0x0, 0x0, { { 'v', 1, 0x3fc00000ull, 0x5a5a5a5a5a5a5a01ull } }, false, { { 'v', 0, 0x3ff8000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fcvt s2, d3: double to single rounds by FPCR", 0x1e624062, 0x400000, 0x0, 0x0, { { 'v', 3, 0x3ff199999999999aull, 0x5a5a5a5a5a5a5a03ull } }, false, { { 'v', 2, 0x3f8ccccdull, 0x0ull } }, 0x0, 0x10 },
    { "fcvt h4, s5: single to half writes 16 bits", 0x1e23c0a4, 0x0, 0x0, 0x0, { { 'v', 5, 0x3fc00000ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 4, 0x3e00ull, 0x0ull } }, 0x0, 0x0 },
    { "fcvt h4, s5: AHP: single NaN to half is zero with IOC", 0x1e23c0a4, 0x4000000, 0x0, 0x0, { { 'v', 5, 0x7fc12345ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 4, 0x0ull, 0x0ull } }, 0x0, 0x1 },
    { "fcvt s6, h7: half to single", 0x1ee240e6, 0x0, 0x0, 0x0, { { 'v', 7, 0x3e00ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 6, 0x3fc00000ull, 0x0ull } }, 0x0, 0x0 },
    { "fcvt d8, h9: half to double: a signalling NaN is quietened", 0x1ee2c128, 0x0, 0x0, 0x0, { { 'v', 9, 0x7d01ull, 0x5a5a5a5a5a5a5a09ull } }, false, { { 'v', 8, 0x7ffc040000000000ull, 0x0ull } }, 0x0, 0x1 },
    { "fcvt h10, d11: double to half overflows to inf", 0x1e63c16a, 0x0, 0x0, 0x0, { { 'v', 11, 0x40f0000000000000ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'v', 10, 0x7c00ull, 0x0ull } }, 0x0, 0x14 },
    { "frintn s0, s1: FRINTN 2.5 is 2", 0x1e244020, 0x0, 0x0, 0x0, { { 'v', 1, 0x40200000ull, 0x5a5a5a5a5a5a5a01ull } }, false, { { 'v', 0, 0x40000000ull, 0x0ull } }, 0x0, 0x0 },
    { "frinta d2, d3: FRINTA -2.5 is -3", 0x1e664062, 0x0, 0x0, 0x0, { { 'v', 3, 0xc004000000000000ull, 0x5a5a5a5a5a5a5a03ull } }, false, { { 'v', 2, 0xc008000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "frintp s4, s5: FRINTP -2.5 is -2", 0x1e24c0a4, 0x0, 0x0, 0x0, { { 'v', 5, 0xc0200000ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 4, 0xc0000000ull, 0x0ull } }, 0x0, 0x0 },
    { "frintm d6, d7: FRINTM 1.1 is 1", 0x1e6540e6, 0x0, 0x0, 0x0, { { 'v', 7, 0x3ff199999999999aull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 6, 0x3ff0000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "frintz s8, s9: FRINTZ -2.5 is -2", 0x1e25c128, 0x0, 0x0, 0x0, { { 'v', 9, 0xc0200000ull, 0x5a5a5a5a5a5a5a09ull } }, false, { { 'v', 8, 0xc0000000ull, 0x0ull } }, 0x0, 0x0 },
    { "frintx d10, d11: FRINTX sets IXC", 0x1e67416a, 0x0, 0x0, 0x0, { { 'v', 11, 0x4004000000000000ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'v', 10, 0x4000000000000000ull, 0x0ull } }, 0x0, 0x10 },
    { "frinti s12, s13: FRINTI rounds by FPCR (RM) without IXC", 0x1e27c1ac, 0x800000, 0x0, 0x0, { { 'v', 13, 0x3fc00000ull, 0x5a5a5a5a5a5a5a0dull } }, false, { { 'v', 12, 0x3f800000ull, 0x0ull } }, 0x0, 0x0 },
    { "frinti d12, d13: FRINTI with FZ flushes a denormal, IDC", 0x1e67c1ac, 0x1000000, 0x0, 0x0, { { 'v', 13, 0x8000000000000001ull, 0x5a5a5a5a5a5a5a0dull } }, false, { { 'v', 12, 0x8000000000000000ull, 0x0ull } }, 0x0, 0x80 },
    { "fcvt d0, s1 (patched): unallocated: FCVT to its own type", 0x1e224020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fcvt d0, s1 (patched): unallocated: FCVT opc 10", 0x1e234020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fabs h0, h1: half FABS is FEAT_FP16: UNDEFINED", 0x1ee0c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fsqrt h0, h1: half FSQRT is UNDEFINED", 0x1ee1c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "frint32z s0, s1: FRINT32Z (ARMv8.5) is UNDEFINED", 0x1e284020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "bfcvt h0, s1: BFCVT (ARMv8.6) is UNDEFINED", 0x1e634020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "frinta s0, s1 (patched): unallocated: opcode 001101", 0x1e26c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fabs s0, s1 (patched): unallocated: type 10", 0x1ea0c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fabs s0, s1 (patched): unallocated: M bit set", 0x9e20c020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase cmp_cases[] = {
    { "fcmp s0, s1: equal sets Z and C", 0x1e212000, 0x0, 0x8, 0x0, { { 'v', 0, 0x3f800000ull, 0x5a5a5a5a5a5a5a00ull }, { 'v', 1, 0x3f800000ull, 0x5a5a5a5a5a5a5a01ull } }, false, {  }, 0x6, 0x0 },
    { "fcmp d2, #0.0: less than zero sets N", 0x1e602048, 0x0, 0x0, 0x0, { { 'v', 2, 0xc004000000000000ull, 0x5a5a5a5a5a5a5a02ull } }, false, {  }, 0x8, 0x0 },
    { "fcmp s3, s4: greater sets C", 0x1e242060, 0x0, 0x0, 0x0, { { 'v', 3, 0x40000000ull, 0x5a5a5a5a5a5a5a03ull }, { 'v', 4, 0x3f800000ull, 0x5a5a5a5a5a5a5a04ull } }, false, {  }, 0x2, 0x0 },
    { "fcmp s5, s6: a quiet NaN is unordered (C V) without IOC", 0x1e2620a0, 0x0, 0x0, 0x0, { { 'v', 5, 0x7fc12345ull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x3f800000ull, 0x5a5a5a5a5a5a5a06ull } }, false, {  }, 0x3, 0x0 },
    { "fcmpe s5, s6: FCMPE raises IOC for a quiet NaN", 0x1e2620b0, 0x0, 0x0, 0x0, { { 'v', 5, 0x3f800000ull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x7fc12345ull, 0x5a5a5a5a5a5a5a06ull } }, false, {  }, 0x3, 0x1 },
    { "fcmp d7, d8: FCMP raises IOC for a signalling NaN", 0x1e6820e0, 0x0, 0x0, 0x0, { { 'v', 7, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a07ull }, { 'v', 8, 0x7ff4000000000001ull, 0x5a5a5a5a5a5a5a08ull } }, false, {  }, 0x3, 0x1 },
    { "fcmpe d9, #0.0: FCMPE with zero: -0 equals +0", 0x1e602138, 0x0, 0x0, 0x0, { { 'v', 9, 0x8000000000000000ull, 0x5a5a5a5a5a5a5a09ull } }, false, {  }, 0x6, 0x0 },
    { "fcmp s10, #0.0: FZ: a denormal equals zero, with IDC", 0x1e202148, 0x1000000, 0x0, 0x0, { { 'v', 10, 0x1ull, 0x5a5a5a5a5a5a5a0aull } }, false, {  }, 0x6, 0x80 },
    { "fcmp s0, s1 (patched): unallocated: op 01", 0x1e216000, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fcmp s0, s1 (patched): unallocated: opcode2 low bits", 0x1e212001, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fcmp h0, h1: half compare is FEAT_FP16: UNDEFINED", 0x1ee12000, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase imm_cases[] = {
    { "fmov s0, #1.0: FMOV #1.0 zeroes the rest of V0", 0x1e2e1000, 0x0, 0x0, 0x0, {  }, false, { { 'v', 0, 0x3f800000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov d1, #-0.125: a negative double immediate", 0x1e781001, 0x0, 0x0, 0x0, {  }, false, { { 'v', 1, 0xbfc0000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov s2, #31.0: the largest single immediate exponent", 0x1e27f002, 0x0, 0x0, 0x0, {  }, false, { { 'v', 2, 0x41f80000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov d3, #0.1328125: the smallest immediate", 0x1e683003, 0x0, 0x0, 0x0, {  }, false, { { 'v', 3, 0x3fc1000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmov h0, #1.0: half immediate is FEAT_FP16: UNDEFINED", 0x1eee1000, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmov s0, #1.0 (patched): unallocated: imm5 nonzero", 0x1e2e1020, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase ccmp_cases[] = {
    { "fccmp s0, s1, #4, eq: condition true: compares (less)", 0x1e210404, 0x0, 0x4, 0x0, { { 'v', 0, 0x3f800000ull, 0x5a5a5a5a5a5a5a00ull }, { 'v', 1, 0x40000000ull, 0x5a5a5a5a5a5a5a01ull } }, false, {  }, 0x8, 0x0 },
    { "fccmp s0, s1, #4, eq: condition false: NZCV = #4", 0x1e210404, 0x0, 0x0, 0x0, { { 'v', 0, 0x3f800000ull, 0x5a5a5a5a5a5a5a00ull }, { 'v', 1, 0x40000000ull, 0x5a5a5a5a5a5a5a01ull } }, false, {  }, 0x4, 0x0 },
    { "fccmp d2, d3, #0xf, ne: a quiet NaN is unordered without IOC", 0x1e63144f, 0x0, 0x0, 0x0, { { 'v', 2, 0x7ff8000000012345ull, 0x5a5a5a5a5a5a5a02ull }, { 'v', 3, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a03ull } }, false, {  }, 0x3, 0x0 },
    { "fccmpe d2, d3, #0, ne: FCCMPE raises IOC for a quiet NaN", 0x1e631450, 0x0, 0x0, 0x0, { { 'v', 2, 0x7ff8000000012345ull, 0x5a5a5a5a5a5a5a02ull }, { 'v', 3, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a03ull } }, false, {  }, 0x3, 0x1 },
    { "fccmpe d2, d3, #2, eq: FCCMPE with a false condition raises nothing", 0x1e630452, 0x0, 0x0, 0x0, { { 'v', 2, 0x7ff8000000012345ull, 0x5a5a5a5a5a5a5a02ull }, { 'v', 3, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a03ull } }, false, {  }, 0x2, 0x0 },
    { "fccmp h0, h1, #0, eq: half FCCMP is UNDEFINED", 0x1ee10400, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase dp2_cases[] = {
    { "fmul s0, s1, s2: 1.5 * 2", 0x1e220820, 0x0, 0x0, 0x0, { { 'v', 1, 0x3fc00000ull, 0x5a5a5a5a5a5a5a01ull }, { 'v', 2, 0x40000000ull, 0x5a5a5a5a5a5a5a02ull } }, false, { { 'v', 0, 0x40400000ull, 0x0ull } }, 0x0, 0x0 },
    { "fdiv d3, d4, d5: 1 / 3 rounds to nearest", 0x1e651883, 0x0, 0x0, 0x0, { { 'v', 4, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a04ull }, { 'v', 5, 0x4008000000000000ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 3, 0x3fd5555555555555ull, 0x0ull } }, 0x0, 0x10 },
    { "fdiv s3, s4, s5: x / 0 is inf with DZC", 0x1e251883, 0x0, 0x0, 0x0, { { 'v', 4, 0x3f800000ull, 0x5a5a5a5a5a5a5a04ull }, { 'v', 5, 0x0ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 3, 0x7f800000ull, 0x0ull } }, 0x0, 0x2 },
    { "fadd s6, s7, s8: sNaN + qNaN returns the quietened sNaN with IOC", 0x1e2828e6, 0x0, 0x0, 0x0, { { 'v', 7, 0x7fc12345ull, 0x5a5a5a5a5a5a5a07ull }, { 'v', 8, 0x7fa00001ull, 0x5a5a5a5a5a5a5a08ull } }, false, { { 'v', 6, 0x7fe00001ull, 0x0ull } }, 0x0, 0x1 },
    { "fadd d6, d7, d8: DN returns the default NaN", 0x1e6828e6, 0x2000000, 0x0, 0x0, { { 'v', 7, 0x7ff8000000012345ull, 0x5a5a5a5a5a5a5a07ull }, { 'v', 8, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a08ull } }, false, { { 'v', 6, 0x7ff8000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fsub d9, d10, d11: x - x is -0 in RM", 0x1e6b3949, 0x800000, 0x0, 0x0, { { 'v', 10, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a0aull }, { 'v', 11, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'v', 9, 0x8000000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmax s12, s13, s14: max(-0, +0) is +0", 0x1e2e49ac, 0x0, 0x0, 0x0, { { 'v', 13, 0x80000000ull, 0x5a5a5a5a5a5a5a0dull }, { 'v', 14, 0x0ull, 0x5a5a5a5a5a5a5a0eull } }, false, { { 'v', 12, 0x0ull, 0x0ull } }, 0x0, 0x0 },
    { "fmin d15, d16, d17: min propagates NaN", 0x1e715a0f, 0x0, 0x0, 0x0, { { 'v', 16, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a10ull }, { 'v', 17, 0x7ff8000000012345ull, 0x5a5a5a5a5a5a5a11ull } }, false, { { 'v', 15, 0x7ff8000000012345ull, 0x0ull } }, 0x0, 0x0 },
    { "fmaxnm s18, s19, s20: maxnm prefers the number to a quiet NaN", 0x1e346a72, 0x0, 0x0, 0x0, { { 'v', 19, 0x7fc12345ull, 0x5a5a5a5a5a5a5a13ull }, { 'v', 20, 0x3f800000ull, 0x5a5a5a5a5a5a5a14ull } }, false, { { 'v', 18, 0x3f800000ull, 0x0ull } }, 0x0, 0x0 },
    { "fminnm d21, d22, d23: minnm of two numbers", 0x1e777ad5, 0x0, 0x0, 0x0, { { 'v', 22, 0x4000000000000000ull, 0x5a5a5a5a5a5a5a16ull }, { 'v', 23, 0xc004000000000000ull, 0x5a5a5a5a5a5a5a17ull } }, false, { { 'v', 21, 0xc004000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fnmul s24, s25, s26: FNMUL negates the product", 0x1e3a8b38, 0x0, 0x0, 0x0, { { 'v', 25, 0x3fc00000ull, 0x5a5a5a5a5a5a5a19ull }, { 'v', 26, 0x40000000ull, 0x5a5a5a5a5a5a5a1aull } }, false, { { 'v', 24, 0xc0400000ull, 0x0ull } }, 0x0, 0x0 },
    { "fnmul s24, s25, s26: FNMUL negates a propagated NaN too", 0x1e3a8b38, 0x0, 0x0, 0x0, { { 'v', 25, 0x7fc12345ull, 0x5a5a5a5a5a5a5a19ull }, { 'v', 26, 0x40000000ull, 0x5a5a5a5a5a5a5a1aull } }, false, { { 'v', 24, 0xffc12345ull, 0x0ull } }, 0x0, 0x0 },
    { "fnmul d27, d28, d29: FNMUL negates the default NaN of inf * 0", 0x1e7d8b9b, 0x0, 0x0, 0x0, { { 'v', 28, 0x7ff0000000000000ull, 0x5a5a5a5a5a5a5a1cull }, { 'v', 29, 0x0ull, 0x5a5a5a5a5a5a5a1dull } }, false, { { 'v', 27, 0xfff8000000000000ull, 0x0ull } }, 0x0, 0x1 },
    { "fmul s0, s1, s2: overflow rounds to the largest normal in RZ with OFC IXC", 0x1e220820, 0xc00000, 0x0, 0x0, { { 'v', 1, 0x7f000000ull, 0x5a5a5a5a5a5a5a01ull }, { 'v', 2, 0x7f000000ull, 0x5a5a5a5a5a5a5a02ull } }, false, { { 'v', 0, 0x7f7fffffull, 0x0ull } }, 0x0, 0x14 },
    { "fmul s0, s1, s2: FZ flushes a tiny product to zero with UFC", 0x1e220820, 0x1000000, 0x0, 0x0, { { 'v', 1, 0x800000ull, 0x5a5a5a5a5a5a5a01ull }, { 'v', 2, 0x3f000000ull, 0x5a5a5a5a5a5a5a02ull } }, false, { { 'v', 0, 0x0ull, 0x0ull } }, 0x0, 0x8 },
    { "fadd s0, s1, s2: flags accumulate onto the FPSR already set", 0x1e222820, 0x0, 0x0, 0x8000081, { { 'v', 1, 0x3f800000ull, 0x5a5a5a5a5a5a5a01ull }, { 'v', 2, 0x33800000ull, 0x5a5a5a5a5a5a5a02ull } }, false, { { 'v', 0, 0x3f800000ull, 0x0ull } }, 0x0, 0x8000091 },
    { "fmul s0, s1, s2 (patched): unallocated: opcode 1001", 0x1e229820, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmul s0, s1, s2 (patched): unallocated: opcode 1111", 0x1e22f820, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fadd h0, h1, h2: half FADD is FEAT_FP16: UNDEFINED", 0x1ee22820, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fadd s0, s1, s2 (patched): unallocated: S bit set", 0x3e222820, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase csel_cases[] = {
    { "fcsel s0, s1, s2, eq: condition true selects Rn and zeroes the top", 0x1e220c20, 0x0, 0x4, 0x0, { { 'v', 1, 0x3f800000ull, 0x99ull }, { 'v', 2, 0x40000000ull, 0x5a5a5a5a5a5a5a02ull } }, false, { { 'v', 0, 0x3f800000ull, 0x0ull } }, 0x4, 0x0 },
    { "fcsel d3, d4, d5, lt: condition false selects Rm", 0x1e65bc83, 0x0, 0x0, 0x0, { { 'v', 4, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a04ull }, { 'v', 5, 0x7ff4000000000001ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 3, 0x7ff4000000000001ull, 0x0ull } }, 0x0, 0x0 },
    { "fcsel d3, d4, d5, lt: N != V: LT holds", 0x1e65bc83, 0x0, 0x8, 0x0, { { 'v', 4, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a04ull }, { 'v', 5, 0x4000000000000000ull, 0x5a5a5a5a5a5a5a05ull } }, false, { { 'v', 3, 0x3ff0000000000000ull, 0x0ull } }, 0x8, 0x0 },
    { "fcsel h0, h1, h2, eq: half FCSEL is UNDEFINED", 0x1ee20c20, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

static const FpInsnCase dp3_cases[] = {
    { "fmadd s0, s1, s2, s3: Rn * Rm + Ra", 0x1f020c20, 0x0, 0x0, 0x0, { { 'v', 1, 0x3fc00000ull, 0x5a5a5a5a5a5a5a01ull }, { 'v', 2, 0x40000000ull, 0x5a5a5a5a5a5a5a02ull }, { 'v', 3, 0x3f800000ull, 0x5a5a5a5a5a5a5a03ull } }, false, { { 'v', 0, 0x40800000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmsub d4, d5, d6, d7: Ra - Rn * Rm", 0x1f469ca4, 0x0, 0x0, 0x0, { { 'v', 5, 0x3ff199999999999aull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x4008000000000000ull, 0x5a5a5a5a5a5a5a06ull }, { 'v', 7, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 4, 0xc002666666666667ull, 0x0ull } }, 0x0, 0x0 },
    { "fnmadd s8, s9, s10, s11: -Ra - Rn * Rm", 0x1f2a2d28, 0x0, 0x0, 0x0, { { 'v', 9, 0x3fc00000ull, 0x5a5a5a5a5a5a5a09ull }, { 'v', 10, 0x40000000ull, 0x5a5a5a5a5a5a5a0aull }, { 'v', 11, 0x3f800000ull, 0x5a5a5a5a5a5a5a0bull } }, false, { { 'v', 8, 0xc0800000ull, 0x0ull } }, 0x0, 0x0 },
    { "fnmsub d12, d13, d14, d15: Rn * Rm - Ra", 0x1f6ebdac, 0x0, 0x0, 0x0, { { 'v', 13, 0x4000000000000000ull, 0x5a5a5a5a5a5a5a0dull }, { 'v', 14, 0x4008000000000000ull, 0x5a5a5a5a5a5a5a0eull }, { 'v', 15, 0x3ff0000000000000ull, 0x5a5a5a5a5a5a5a0full } }, false, { { 'v', 12, 0x4014000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmadd d0, d1, d2, d3: fused: (1 + 2^-30)(1 - 2^-30) - 1 keeps -2^-60", 0x1f420c20, 0x0, 0x0, 0x0, { { 'v', 1, 0x3ff0000000400000ull, 0x5a5a5a5a5a5a5a01ull }, { 'v', 2, 0x3fefffffff800000ull, 0x5a5a5a5a5a5a5a02ull }, { 'v', 3, 0xbff0000000000000ull, 0x5a5a5a5a5a5a5a03ull } }, false, { { 'v', 0, 0xbc30000000000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmsub s4, s5, s6, s7: FMSUB negates a NaN Rn before propagating it", 0x1f069ca4, 0x0, 0x0, 0x0, { { 'v', 5, 0x7fc12345ull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x3f800000ull, 0x5a5a5a5a5a5a5a06ull }, { 'v', 7, 0x3f800000ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 4, 0xffc12345ull, 0x0ull } }, 0x0, 0x0 },
    { "fnmadd s4, s5, s6, s7: FNMADD negates a NaN Ra", 0x1f261ca4, 0x0, 0x0, 0x0, { { 'v', 5, 0x3f800000ull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x3f800000ull, 0x5a5a5a5a5a5a5a06ull }, { 'v', 7, 0x7fc12345ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 4, 0xffc12345ull, 0x0ull } }, 0x0, 0x0 },
    { "fmadd s4, s5, s6, s7: inf * 0 + quiet NaN is the default NaN with IOC", 0x1f061ca4, 0x0, 0x0, 0x0, { { 'v', 5, 0x7f800000ull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x0ull, 0x5a5a5a5a5a5a5a06ull }, { 'v', 7, 0x7fc12345ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 4, 0x7fc00000ull, 0x0ull } }, 0x0, 0x1 },
    { "fnmsub s4, s5, s6, s7: exact cancellation is -0 in RM", 0x1f269ca4, 0x800000, 0x0, 0x0, { { 'v', 5, 0x40000000ull, 0x5a5a5a5a5a5a5a05ull }, { 'v', 6, 0x3fc00000ull, 0x5a5a5a5a5a5a5a06ull }, { 'v', 7, 0x40400000ull, 0x5a5a5a5a5a5a5a07ull } }, false, { { 'v', 4, 0x80000000ull, 0x0ull } }, 0x0, 0x0 },
    { "fmadd h0, h1, h2, h3: half FMADD is FEAT_FP16: UNDEFINED", 0x1fc20c20, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmadd s0, s1, s2, s3 (patched): unallocated: type 10", 0x1f820c20, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
    { "fmadd s0, s1, s2, s3 (patched): unallocated: M bit set", 0x9f020c20, 0x0, 0x0, 0x0, {  }, true, {  }, 0x0, 0x0 },
};

#define FP_INSN_TEST(group)                                                        \
    ParameterizedTestParameters(a64_fp, group) {                                   \
        return cr_make_param_array(FpInsnCase, (FpInsnCase *)group##_cases,        \
                                   sizeof(group##_cases) / sizeof(group##_cases[0])); \
    }                                                                              \
    ParameterizedTest(const FpInsnCase *t, a64_fp, group) { check(t); }

/* Conversion between FP and fixed point: SCVTF, UCVTF, FCVTZS, FCVTZU #fbits. */
FP_INSN_TEST(fixed)
/* Conversion between FP and integer, FMOV between general and FP registers. */
FP_INSN_TEST(int)
/* 1 source: FMOV, FABS, FNEG, FSQRT, FCVT, FRINTx. */
FP_INSN_TEST(dp1)
/* FCMP, FCMPE, with a register or #0.0. */
FP_INSN_TEST(cmp)
/* FMOV (scalar, immediate). */
FP_INSN_TEST(imm)
/* FCCMP, FCCMPE. */
FP_INSN_TEST(ccmp)
/* 2 source: FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL. */
FP_INSN_TEST(dp2)
/* FCSEL. */
FP_INSN_TEST(csel)
/* 3 source, fused: FMADD, FMSUB, FNMADD, FNMSUB. */
FP_INSN_TEST(dp3)

/* CPACR_EL1.FPEN = 00 traps every class to EL1 with EC 0x07, changing
 * nothing. */
Test(a64_fp, every_class_traps_when_fp_is_disabled)
{
    static const uint32_t insns[] = {
        0x1e02c020,   /* scvtf s0, w1, #16 */
        0x1e200020,   /* fcvtns w0, s1 */
        0x9eaf0128,   /* fmov x8, v9.d[1] */
        0x1e20c020,   /* fabs s0, s1 */
        0x1e212000,   /* fcmp s0, s1 */
        0x1e2e1000,   /* fmov s0, #1.0 */
        0x1e210400,   /* fccmp s0, s1, #0, eq */
        0x1e222820,   /* fadd s0, s1, s2 */
        0x1e220c20,   /* fcsel s0, s1, s2, eq */
        0x1f020c20,   /* fmadd s0, s1, s2, s3 */
    };
    for (unsigned i = 0; i < sizeof insns / sizeof insns[0]; i++) {
        h->cpu->sys.cpacr_el1 = 0;
        uint64_t before[2];
        emu_cpu_v(h->cpu, 0, before);
        harness_code(h, &insns[i], 1);
        harness_run(h, 1);
        cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200), "insn %#x", insns[i]);
        cr_assert_eq(harness_esr(h) >> 26, EC_FP_ACCESS, "insn %#x: ESR %#llx", insns[i],
                     (unsigned long long)harness_esr(h));
        uint64_t after[2];
        emu_cpu_v(h->cpu, 0, after);
        cr_assert(before[0] == after[0] && before[1] == after[1]);
        emu_cpu_set_pstate(h->cpu, emu_cpu_pstate(h->cpu) | 0x5);   /* back to EL1h */
    }
}

/* FPEN = 01 allows EL1 but traps EL0. */
Test(a64_fp, fpen_01_traps_el0_only)
{
    uint32_t insn = 0x1e222820;   /* fadd s0, s1, s2 */
    h->cpu->sys.cpacr_el1 = 1u << 20;
    harness_code(h, &insn, 1);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4);
    harness_code(h, &insn, 1);
    emu_cpu_set_pstate(h->cpu, emu_cpu_pstate(h->cpu) & ~0xfu);   /* EL0t */
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x400), "taken from EL0 to the lower-EL vector");
    cr_assert_eq(harness_esr(h) >> 26, EC_FP_ACCESS);
}

/* A block of FP instructions runs threaded (each handler continues into
 * the next); the budget still stops it exactly, and any split of the
 * budget gives the same state. */
Test(a64_fp, block_of_fp_instructions_stops_exactly_on_budget)
{
    static const uint32_t code[] = {
        0x1e6e1000,   /* fmov d0, #1.0 */
        0x1e602800,   /* fadd d0, d0, d0 */
        0x1e602800,   /* fadd d0, d0, d0 */
        0x1e602800,   /* fadd d0, d0, d0 */
        0x1e602008,   /* fcmp d0, #0.0 */
        0x1e701001,   /* fmov d1, #-2.0 */
        0x1e61cc02,   /* fcsel d2, d0, d1, gt */
        0x9e780043,   /* fcvtzs x3, d2 */
    };
    for (unsigned split = 1; split <= 8; split++) {
        harness_code(h, code, 8);
        emu_cpu_set_x(h->cpu, 3, 0);
        cr_assert_eq(harness_run(h, split), split);
        cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4 * split);
        cr_assert_eq(harness_run(h, 8 - split), 8 - split);
        uint64_t d0[2], d2[2];
        emu_cpu_v(h->cpu, 0, d0);
        emu_cpu_v(h->cpu, 2, d2);
        cr_assert_eq(d0[0], 0x4020000000000000ull, "8.0 after splitting at %u", split);
        cr_assert_eq(d2[0], 0x4020000000000000ull);
        cr_assert_eq(emu_cpu_x(h->cpu, 3), 8);
        cr_assert_eq(h->cpu->nzcv, 0x20000000u, "greater than zero: C");
        cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 32);
    }
}
