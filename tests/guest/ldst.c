/* tests/guest/ldst.c — load/store addressing forms written out in assembly:
 * immediate (scaled, unscaled, negative), pre- and post-index writeback,
 * register offsets with every extend and shift, sign-extending loads, pairs
 * (with writeback, LDPSW, non-temporal), literals, unprivileged
 * LDTR/STTR, SIMD single and multiple structures with post-index by
 * immediate and register, PRFM. Each case starts from the same 512-byte
 * buffer and base; it prints the registers it produced and a hash of the
 * buffer afterwards. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

static uint8_t buf[512] __attribute__((aligned(16)));
static uint64_t r[6];

/* CASE(name, asm): x0 = buf + 256 (the base), x1 = 8, x2 = -24 (offsets),
 * v0..v3 filled with 0x11..0x44; the asm leaves results in x3..x7 and may
 * move x0; all six are recorded. */
#define CASE(name, body) \
    static void name(void) { \
        register uint64_t x0 __asm__("x0") = (uint64_t)(buf + 256); \
        register uint64_t x1 __asm__("x1") = 8; \
        register uint64_t x2 __asm__("x2") = (uint64_t)-24; \
        register uint64_t x3 __asm__("x3") = 0, x4 __asm__("x4") = 0, x5 __asm__("x5") = 0; \
        register uint64_t x6 __asm__("x6") = 0, x7 __asm__("x7") = 0; \
        __asm__ volatile("movi v0.16b, #0x11\n movi v1.16b, #0x22\n movi v2.16b, #0x33\n" \
                         "movi v3.16b, #0x44\n" body : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), \
                         "+r"(x6), "+r"(x7) : : "v0", "v1", "v2", "v3", "memory"); \
        r[0] = x0 - (uint64_t)(buf + 256); r[1] = x3; r[2] = x4; r[3] = x5; r[4] = x6; r[5] = x7; \
    }

CASE(imm_scaled, "ldr x3, [x0, #8]\n ldr w4, [x0, #252]\n ldrh w5, [x0, #254]\n ldrb w6, [x0, #255]\n str x3, [x0, #16]")
CASE(imm_unscaled, "ldur x3, [x0, #-3]\n ldur w4, [x0, #255]\n sturh w3, [x0, #-255]\n stur x3, [x0, #1]\n ldurb w5, [x0, #-256]")
CASE(pre_index, "ldr x3, [x0, #8]!\n ldr x4, [x0, #-16]!\n str x3, [x0, #32]!\n ldrb w5, [x0, #1]!")
CASE(post_index, "ldr x3, [x0], #8\n ldr w4, [x0], #-12\n str x3, [x0], #255\n strb w3, [x0], #-256\n ldrh w5, [x0]")
CASE(reg_lsl, "ldr x3, [x0, x1]\n ldr x4, [x0, x1, lsl #3]\n ldr w5, [x0, x1, lsl #2]\n ldrh w6, [x0, x1, lsl #1]\n str x5, [x0, x2]")
CASE(reg_extend, "ldr x3, [x0, w2, sxtw]\n ldr x4, [x0, w2, sxtw #3]\n mov w7, #0xfffffff8\n ldr w5, [x0, w7, sxtw #2]\n ldrb w6, [x0, w1, uxtw]\n str w6, [x0, x2, sxtx]")
CASE(reg_uxtw_big, "mov w7, #0x10\n ldr x3, [x0, w7, uxtw #3]\n mov x7, #-2\n ldrh w4, [x0, x7, lsl #1]\n ldrsb x5, [x0, x7]")
CASE(sign_ext, "ldrsb x3, [x0, #-1]\n ldrsb w4, [x0, #-1]\n ldrsh x5, [x0, #-2]\n ldrsw x6, [x0, #-4]\n ldursh w7, [x0, #-3]")
CASE(pairs, "ldp x3, x4, [x0, #-16]\n ldp w5, w6, [x0, #60]\n stp x4, x3, [x0, #64]\n ldpsw x7, x3, [x0, #-8]")
CASE(pairs_wb, "ldp x3, x4, [x0, #-32]!\n stp x4, x3, [x0], #48\n ldp w5, w6, [x0], #-8\n stp w6, w5, [x0, #8]!")
CASE(pairs_nt, "ldnp x3, x4, [x0, #16]\n stnp x4, x3, [x0, #-64]\n ldnp q0, q1, [x0, #-64]\n fmov x5, d1\n umov x6, v0.d[1]")
CASE(literal, "ldr x3, 1f\n ldr w4, 1f\n ldrsw x5, 1f\n ldr d0, 1f\n fmov x6, d0\n b 2f\n .balign 8\n1: .quad 0x89abcdef01234567\n2:")
CASE(unpriv, "ldtr x3, [x0, #8]\n ldtrsb x4, [x0, #-1]\n ldtrh w5, [x0, #-2]\n sttr x3, [x0, #-8]\n sttrb w3, [x0, #100]")
CASE(fp_regs, "ldr q0, [x0, #-48]\n ldr d1, [x0, #24]\n ldr s2, [x0, #-4]\n ldr h3, [x0, #2]\n str q0, [x0, #48]\n str h3, [x0, #-100]\n"
              " fmov x3, d0\n umov x4, v0.d[1]\n fmov x5, d1\n fmov w6, s2\n umov w7, v3.h[0]")
CASE(fp_index, "ldr b0, [x0, x1]\n ldr q1, [x0, x1, lsl #4]\n str d1, [x0], #-16\n ldr s2, [x0, #16]!\n"
               " umov w3, v0.b[0]\n fmov x4, d1\n fmov w5, s2")
CASE(ld1_multi, "ld1 {v0.16b, v1.16b}, [x0], #32\n ld1 {v2.4s}, [x0], x1\n umov x3, v0.d[1]\n umov x4, v1.d[0]\n umov x5, v2.d[1]")
CASE(st1_multi, "ld1 {v0.2d, v1.2d, v2.2d}, [x0]\n st1 {v0.8h, v1.8h, v2.8h, v3.8h}, [x0], #64\n st1 {v2.2s}, [x0], x2")
CASE(ld_struct, "ld2 {v0.8h, v1.8h}, [x0]\n ld3 {v1.4s, v2.4s, v3.4s}, [x0], #48\n ld4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x0], x1\n"
                " umov x3, v0.d[0]\n umov x4, v1.d[1]\n umov x5, v2.d[0]\n umov x6, v3.d[1]")
CASE(st_struct, "ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0]\n st2 {v0.4s, v1.4s}, [x0], #32\n st3 {v1.8b, v2.8b, v3.8b}, [x0], x1\n"
                " st4 {v0.2d, v1.2d, v2.2d, v3.2d}, [x0]")
CASE(lane_rep, "ld1 {v0.s}[3], [x0], #4\n ld1r {v1.8h}, [x0]\n ld2r {v2.4s, v3.4s}, [x0], x1\n st1 {v0.h}[5], [x0], #2\n"
               " st3 {v1.b, v2.b, v3.b}[15], [x0]\n umov x3, v0.d[1]\n umov x4, v1.d[0]\n umov x5, v2.d[1]\n umov x6, v3.d[0]")
CASE(prefetch, "prfm pldl1keep, [x0, #64]\n prfm pstl2strm, [x0, x1]\n prfum plil3keep, [x0, #-1]\n prfm pldl1keep, 1f\n1: ldr x3, [x0]")

static const struct { const char *name; void (*fn)(void); } cases[] = {
#define E(n) { #n, n }
    E(imm_scaled), E(imm_unscaled), E(pre_index), E(post_index), E(reg_lsl), E(reg_extend),
    E(reg_uxtw_big), E(sign_ext), E(pairs), E(pairs_wb), E(pairs_nt), E(literal), E(unpriv),
    E(fp_regs), E(fp_index), E(ld1_multi), E(st1_multi), E(ld_struct), E(st_struct),
    E(lane_rep), E(prefetch),
#undef E
};

int main(void)
{
    uint64_t all = FNV_INIT;
    for (unsigned k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        for (unsigned i = 0; i < sizeof buf; i++)
            buf[i] = (uint8_t)(i * 29 + 0x80 + (i >> 4));
        cases[k].fn();
        uint64_t h = fnv1a(FNV_INIT, buf, sizeof buf);
        printf("%-14s base%+" PRId64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64
               " %016" PRIx64 " mem %016" PRIx64 "\n", cases[k].name, (int64_t)r[0], r[1], r[2], r[3],
               r[4], r[5], h);
        all = fnv1a(all, r, sizeof r);
        all = fnv1a(all, &h, sizeof h);
    }
    printf("all %016" PRIx64 "\n", all);
    printf("ldst: ok\n");
    return 0;
}
