/* emu/a64_crypto.c — the ARMv8.0 Cryptographic Extension, as QEMU 7.2's
 * `-cpu cortex-a57` executes it (ID_AA64ISAR0_EL1 = 0x11120: AES with
 * PMULL, SHA1, SHA256).
 *
 *   Crypto AES                 0100 1110 ss10 100o oooo 10nn nnnd dddd
 *                              size 00; opcode 00100 AESE, 00101 AESD,
 *                              00110 AESMC, 00111 AESIMC; others UNDEF
 *   Crypto three-register SHA  0101 1110 ss0m mmmm 0ooo 00nn nnnd dddd
 *                              size 00; opcode 000 SHA1C .. 110 SHA256SU1;
 *                              111 UNDEF
 *   Crypto two-register SHA    0101 1110 ss10 100o oooo 10nn nnnd dddd
 *                              size 00; opcode 00000 SHA1H, 00001 SHA1SU1,
 *                              00010 SHA256SU0; others UNDEF
 *   PMULL{2} .1Q (AdvSIMD three different, size 11, opcode 1110)
 *                              0Q00 1110 111m mmmm 1110 00nn nnnd dddd
 *
 * Every row is an exact match on all fixed bits, so the unallocated
 * neighbours fall through to the other FP/SIMD tables, none of which claims
 * them, and end UNDEFINED. The 8-bit PMULL (size 00) is a64_simd.c's; this
 * table is searched first, so the size 11 form is decided here.
 *
 * The AES state is the 16-byte vector register, byte i = row i % 4 of
 * column i / 4 (FIPS-197 order: the first input byte is Vn.b[0]). SHA words
 * are the 32-bit lanes, lane 0 least significant.
 */
#include "emu/internal.h"

/* FIPS-197 S-box (SubBytes), indexed by the input byte. */
static const uint8_t sbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

/* Its inverse (InvSubBytes). */
static const uint8_t inv_sbox[256] = {
    0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb,
    0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb,
    0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
    0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25,
    0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92,
    0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
    0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06,
    0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b,
    0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
    0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e,
    0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b,
    0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
    0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f,
    0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef,
    0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
    0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d,
};

/* ---- AES ------------------------------------------------------------------ */

/* GF(2^8) multiplication by x modulo x^8 + x^4 + x^3 + x + 1. */
static inline uint8_t xtime(uint8_t a)
{
    return (uint8_t)((a << 1) ^ ((a >> 7) * 0x1b));
}

/* a * b in GF(2^8), for the (Inv)MixColumns coefficients. */
static uint8_t gmul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    for (; b; b >>= 1, a = xtime(a))
        if (b & 1)
            p ^= a;
    return p;
}

/* AESShiftRows then AESSubBytes (they commute): row r rotates left by r
 * columns, out[r + 4c] = S[in[r + 4((c + r) % 4)]]. */
static void shift_sub(EmuVReg *out, const EmuVReg *in)
{
    for (unsigned c = 0; c < 4; c++)
        for (unsigned r = 0; r < 4; r++)
            out->b[r + 4 * c] = sbox[in->b[r + 4 * ((c + r) & 3)]];
}

/* AESInvShiftRows then AESInvSubBytes: out[r + 4((c + r) % 4)] = S'[in[r + 4c]]. */
static void inv_shift_sub(EmuVReg *out, const EmuVReg *in)
{
    for (unsigned c = 0; c < 4; c++)
        for (unsigned r = 0; r < 4; r++)
            out->b[r + 4 * ((c + r) & 3)] = inv_sbox[in->b[r + 4 * c]];
}

/* Multiply every column by the circulant matrix whose first row is k[]:
 * (2 3 1 1) for MixColumns, (14 11 13 9) for InvMixColumns. */
static void mix(EmuVReg *out, const EmuVReg *in, const uint8_t k[4])
{
    for (unsigned c = 0; c < 4; c++) {
        const uint8_t *col = &in->b[4 * c];
        for (unsigned r = 0; r < 4; r++) {
            uint8_t v = 0;
            for (unsigned j = 0; j < 4; j++)
                v ^= gmul(col[j], k[(j - r) & 3]);
            out->b[4 * c + r] = v;
        }
    }
}

/* AESE Vd.16B, Vn.16B / AESD: Vd = (Inv)SubBytes((Inv)ShiftRows(Vd ^ Vn)),
 * `rows` being shift_sub or inv_shift_sub. */
static inline __attribute__((always_inline)) EmuStep
aes_round(struct EmuCpu *cpu, const EmuInsn *in, void (*rows)(EmuVReg *, const EmuVReg *))
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg *vd = &cpu->v[RD(in->raw)], t;
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    t.d[0] = vd->d[0] ^ vn->d[0];
    t.d[1] = vd->d[1] ^ vn->d[1];
    rows(vd, &t);
    EMU_CONTINUE(cpu, in);
}

static EmuStep h_aese(struct EmuCpu *cpu, const EmuInsn *in) { return aes_round(cpu, in, shift_sub); }
static EmuStep h_aesd(struct EmuCpu *cpu, const EmuInsn *in) { return aes_round(cpu, in, inv_shift_sub); }

/* AESMC Vd.16B, Vn.16B / AESIMC: Vd = (Inv)MixColumns(Vn). */
static EmuStep h_aesmc(struct EmuCpu *cpu, const EmuInsn *in)
{
    static const uint8_t k[4] = { 2, 3, 1, 1 };
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg t;
    mix(&t, &cpu->v[RN(in->raw)], k);
    cpu->v[RD(in->raw)] = t;
    EMU_CONTINUE(cpu, in);
}

static EmuStep h_aesimc(struct EmuCpu *cpu, const EmuInsn *in)
{
    static const uint8_t k[4] = { 14, 11, 13, 9 };
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg t;
    mix(&t, &cpu->v[RN(in->raw)], k);
    cpu->v[RD(in->raw)] = t;
    EMU_CONTINUE(cpu, in);
}

/* ---- SHA-1 and SHA-256 ------------------------------------------------------- */

static inline uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t ror32(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static uint32_t sha1_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static uint32_t sha1_parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
static uint32_t sha1_majority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }

/* SHA1C/SHA1P/SHA1M Qd, Sn, Vm.4S: four rounds on the state X = Vd (lanes
 * a..d in 0..3 of the Arm ARM's X<31:0>..X<127:96>), Y = Sn (e), W = Vm.
 * Each round ends with ROL(Y:X, 32) on the 160-bit Y:X: the lanes move up
 * one, the old Y enters lane 0 and lane 3 becomes the new Y. */
static EmuStep sha1_rounds(struct EmuCpu *cpu, const EmuInsn *in,
                           uint32_t (*f)(uint32_t, uint32_t, uint32_t))
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    EmuVReg x = *vd;
    const EmuVReg w = cpu->v[RM(in->raw)];
    uint32_t y = cpu->v[RN(in->raw)].s[0];
    for (unsigned e = 0; e < 4; e++) {
        y += rol32(x.s[0], 5) + f(x.s[1], x.s[2], x.s[3]) + w.s[e];
        x.s[1] = rol32(x.s[1], 30);
        uint32_t top = x.s[3];
        x.s[3] = x.s[2];
        x.s[2] = x.s[1];
        x.s[1] = x.s[0];
        x.s[0] = y;
        y = top;
    }
    *vd = x;
    EMU_CONTINUE(cpu, in);
}

static EmuStep h_sha1c(struct EmuCpu *cpu, const EmuInsn *in) { return sha1_rounds(cpu, in, sha1_choose); }
static EmuStep h_sha1p(struct EmuCpu *cpu, const EmuInsn *in) { return sha1_rounds(cpu, in, sha1_parity); }
static EmuStep h_sha1m(struct EmuCpu *cpu, const EmuInsn *in) { return sha1_rounds(cpu, in, sha1_majority); }

/* SHA1SU0 Vd.4S, Vn.4S, Vm.4S: Vd = (Vn<63:0>:Vd<127:64>) ^ Vd ^ Vm. */
static EmuStep h_sha1su0(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    const EmuVReg *vn = &cpu->v[RN(in->raw)], *vm = &cpu->v[RM(in->raw)];
    uint64_t lo = vd->d[1] ^ vd->d[0] ^ vm->d[0];
    uint64_t hi = vn->d[0] ^ vd->d[1] ^ vm->d[1];
    vd->d[0] = lo;
    vd->d[1] = hi;
    EMU_CONTINUE(cpu, in);
}

/* SHA256hash(X, Y, W, part1) of the Arm ARM: four rounds on the working
 * variables a..d in X (lanes 0..3) and e..h in Y, each ending with
 * ROL(Y:X, 32) on the 256-bit Y:X. Returns X for SHA256H, Y for SHA256H2. */
static EmuVReg sha256_hash(EmuVReg x, EmuVReg y, const EmuVReg *w, bool part1)
{
    for (unsigned e = 0; e < 4; e++) {
        uint32_t ch = (y.s[0] & y.s[1]) ^ (~y.s[0] & y.s[2]);
        uint32_t maj = (x.s[0] & x.s[1]) ^ (x.s[0] & x.s[2]) ^ (x.s[1] & x.s[2]);
        uint32_t s1 = ror32(y.s[0], 6) ^ ror32(y.s[0], 11) ^ ror32(y.s[0], 25);
        uint32_t s0 = ror32(x.s[0], 2) ^ ror32(x.s[0], 13) ^ ror32(x.s[0], 22);
        uint32_t t1 = y.s[3] + s1 + ch + w->s[e];
        x.s[3] += t1;
        y.s[3] = t1 + s0 + maj;
        uint32_t xtop = x.s[3], ytop = y.s[3];
        x.s[3] = x.s[2]; x.s[2] = x.s[1]; x.s[1] = x.s[0]; x.s[0] = ytop;
        y.s[3] = y.s[2]; y.s[2] = y.s[1]; y.s[1] = y.s[0]; y.s[0] = xtop;
    }
    return part1 ? x : y;
}

/* SHA256H Qd, Qn, Vm.4S: Vd = SHA256hash(Vd, Vn, Vm, part1). */
static EmuStep h_sha256h(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    cpu->v[RD(in->raw)] = sha256_hash(cpu->v[RD(in->raw)], cpu->v[RN(in->raw)],
                                      &cpu->v[RM(in->raw)], true);
    EMU_CONTINUE(cpu, in);
}

/* SHA256H2 Qd, Qn, Vm.4S: Vd = SHA256hash(Vn, Vd, Vm, part2). */
static EmuStep h_sha256h2(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    cpu->v[RD(in->raw)] = sha256_hash(cpu->v[RN(in->raw)], cpu->v[RD(in->raw)],
                                      &cpu->v[RM(in->raw)], false);
    EMU_CONTINUE(cpu, in);
}

/* The SHA-256 message schedule functions sigma1 and sigma0. */
static inline uint32_t sigma1(uint32_t x) { return ror32(x, 17) ^ ror32(x, 19) ^ (x >> 10); }
static inline uint32_t sigma0(uint32_t x) { return ror32(x, 7) ^ ror32(x, 18) ^ (x >> 3); }

/* SHA256SU1 Vd.4S, Vn.4S, Vm.4S, with T0 = Vm<31:0>:Vn<127:32>:
 * r[e] = sigma1(e < 2 ? Vm[e + 2] : r[e - 2]) + Vd[e] + T0[e]. */
static EmuStep h_sha256su1(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg *vd = &cpu->v[RD(in->raw)], r;
    const EmuVReg *vn = &cpu->v[RN(in->raw)], *vm = &cpu->v[RM(in->raw)];
    const uint32_t t0[4] = { vn->s[1], vn->s[2], vn->s[3], vm->s[0] };
    for (unsigned e = 0; e < 4; e++)
        r.s[e] = sigma1(e < 2 ? vm->s[e + 2] : r.s[e - 2]) + vd->s[e] + t0[e];
    *vd = r;
    EMU_CONTINUE(cpu, in);
}

/* SHA1H Sd, Sn: Sd = ROL(Sn, 30), bits 127:32 of Vd zeroed. */
static EmuStep h_sha1h(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint32_t v = rol32(cpu->v[RN(in->raw)].s[0], 30);
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    vd->d[0] = v;
    vd->d[1] = 0;
    EMU_CONTINUE(cpu, in);
}

/* SHA1SU1 Vd.4S, Vn.4S: T = Vd ^ (Vn >> 32); r[e] = ROL(T[e], 1), and
 * r[3] also ^ ROL(T[0], 2). */
static EmuStep h_sha1su1(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    const EmuVReg *vn = &cpu->v[RN(in->raw)];
    const uint32_t t[4] = { vd->s[0] ^ vn->s[1], vd->s[1] ^ vn->s[2],
                            vd->s[2] ^ vn->s[3], vd->s[3] };
    vd->s[0] = rol32(t[0], 1);
    vd->s[1] = rol32(t[1], 1);
    vd->s[2] = rol32(t[2], 1);
    vd->s[3] = rol32(t[3], 1) ^ rol32(t[0], 2);
    EMU_CONTINUE(cpu, in);
}

/* SHA256SU0 Vd.4S, Vn.4S, with T = Vn<31:0>:Vd<127:32>:
 * r[e] = sigma0(T[e]) + Vd[e]. */
static EmuStep h_sha256su0(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    const uint32_t t[4] = { vd->s[1], vd->s[2], vd->s[3], cpu->v[RN(in->raw)].s[0] };
    for (unsigned e = 0; e < 4; e++)
        vd->s[e] += sigma0(t[e]);
    EMU_CONTINUE(cpu, in);
}

/* ---- PMULL .1Q --------------------------------------------------------------- */

/* PMULL{2} Vd.1Q, Vn.{1,2}D, Vm.{1,2}D: the 128-bit carry-less product of
 * the low (PMULL) or high (PMULL2, Q = 1) doublewords. */
static EmuStep h_pmull_1q(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned half = BIT(in->raw, 30);
    uint64_t a = cpu->v[RN(in->raw)].d[half], b = cpu->v[RM(in->raw)].d[half];
    uint64_t lo = 0, hi = 0;
    for (unsigned i = 0; i < 64; i++)
        if ((b >> i) & 1) {
            lo ^= a << i;
            hi ^= i ? a >> (64 - i) : 0;
        }
    EmuVReg *vd = &cpu->v[RD(in->raw)];
    vd->d[0] = lo;
    vd->d[1] = hi;
    EMU_CONTINUE(cpu, in);
}

/* ---- Table ----------------------------------------------------------------- */

#define AES(op)   (0x4e280800u | (uint32_t)(op) << 12)
#define SHA3(op)  (0x5e000000u | (uint32_t)(op) << 12)
#define SHA2(op)  (0x5e280800u | (uint32_t)(op) << 12)

const EmuInsnPattern emu_a64_crypto_table[] = {
    { 0xfffffc00, AES(4), h_aese, "aese", NULL },
    { 0xfffffc00, AES(5), h_aesd, "aesd", NULL },
    { 0xfffffc00, AES(6), h_aesmc, "aesmc", NULL },
    { 0xfffffc00, AES(7), h_aesimc, "aesimc", NULL },
    { 0xffe0fc00, SHA3(0), h_sha1c, "sha1c", NULL },
    { 0xffe0fc00, SHA3(1), h_sha1p, "sha1p", NULL },
    { 0xffe0fc00, SHA3(2), h_sha1m, "sha1m", NULL },
    { 0xffe0fc00, SHA3(3), h_sha1su0, "sha1su0", NULL },
    { 0xffe0fc00, SHA3(4), h_sha256h, "sha256h", NULL },
    { 0xffe0fc00, SHA3(5), h_sha256h2, "sha256h2", NULL },
    { 0xffe0fc00, SHA3(6), h_sha256su1, "sha256su1", NULL },
    { 0xfffffc00, SHA2(0), h_sha1h, "sha1h", NULL },
    { 0xfffffc00, SHA2(1), h_sha1su1, "sha1su1", NULL },
    { 0xfffffc00, SHA2(2), h_sha256su0, "sha256su0", NULL },
    { 0xffe0fc00, 0x0ee0e000, h_pmull_1q, "pmull", NULL },
    { 0xffe0fc00, 0x4ee0e000, h_pmull_1q, "pmull2", NULL },
    { 0 },
};
