/* tests/guest/int.c — integer arithmetic: every operation over a table of
 * edge values, one line per operation (an FNV-1a hash of all its results,
 * plus a few results in clear), then self-checks against known constants.
 * Division by zero and INT64_MIN / -1 go through inline SDIV/UDIV to get the
 * architecture's results (0 and INT64_MIN) instead of C's undefined ones. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

static const uint64_t vals[] = {
    0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
    0x12345678, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
    0x123456789abcdef0ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0xfffffffffffffffeull, 0xffffffffffffffffull, 0xdeadbeefcafebabeull,
    0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000100000001ull,
    (uint64_t)-1000, (uint64_t)-7, 1000000007, 0x8000000000000001ull,
};
#define NV (sizeof vals / sizeof vals[0])

static unsigned fails;

static void check(const char *what, uint64_t got, uint64_t want)
{
    if (got != want) {
        printf("FAIL %s: got %#" PRIx64 " want %#" PRIx64 "\n", what, got, want);
        fails++;
    }
}

static uint64_t hw_udiv(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static int64_t hw_sdiv(int64_t a, int64_t b)
{
    int64_t r;
    __asm__("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static uint32_t hw_udiv32(uint32_t a, uint32_t b)
{
    uint32_t r;
    __asm__("udiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static int32_t hw_sdiv32(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static uint64_t rbit64(uint64_t a)
{
    uint64_t r;
    __asm__("rbit %0, %1" : "=r"(r) : "r"(a));
    return r;
}
static uint64_t rev16(uint64_t a)
{
    uint64_t r;
    __asm__("rev16 %0, %1" : "=r"(r) : "r"(a));
    return r;
}
static uint64_t cls64(uint64_t a)
{
    uint64_t r;
    __asm__("cls %0, %1" : "=r"(r) : "r"(a));
    return r;
}
static uint64_t clz64(uint64_t a)
{
    uint64_t r;
    __asm__("clz %0, %1" : "=r"(r) : "r"(a));
    return r;
}
/* Flags NZCV after ADDS/SUBS/ADCS/SBCS. */
static uint64_t nzcv_adds(uint64_t a, uint64_t b)
{
    uint64_t f;
    __asm__("adds xzr, %1, %2\n\tmrs %0, nzcv" : "=r"(f) : "r"(a), "r"(b) : "cc");
    return f >> 28;
}
static uint64_t nzcv_subs32(uint64_t a, uint64_t b)
{
    uint64_t f;
    __asm__("subs wzr, %w1, %w2\n\tmrs %0, nzcv" : "=r"(f) : "r"(a), "r"(b) : "cc");
    return f >> 28;
}
static uint64_t adcs_chain(uint64_t a, uint64_t b)
{
    uint64_t r, f;
    __asm__("adds %0, %2, %3\n\tadcs %0, %0, %2\n\tsbcs %0, %0, %3\n\tmrs %1, nzcv"
            : "=&r"(r), "=r"(f) : "r"(a), "r"(b) : "cc");
    return r ^ (f << 4);
}
static uint64_t ccmp_csel(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("cmp %1, %2\n\tccmp %1, #5, #4, ne\n\tcsinc %0, %1, %2, gt\n\t"
            "cneg %0, %0, lo"
            : "=r"(r) : "r"(a), "r"(b) : "cc");
    return r;
}

typedef uint64_t (*binop)(uint64_t, uint64_t);

#define OP(name, expr) \
    static uint64_t op_##name(uint64_t a, uint64_t b) { (void)a; (void)b; return (expr); }

OP(add, a + b)
OP(sub, a - b)
OP(mul, a * b)
OP(umulh, (uint64_t)(((unsigned __int128)a * b) >> 64))
OP(smulh, (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64))
OP(umull32, (uint64_t)(uint32_t)a * (uint32_t)b)
OP(smull32, (uint64_t)((int64_t)(int32_t)a * (int32_t)b))
OP(udiv, hw_udiv(a, b))
OP(sdiv, (uint64_t)hw_sdiv((int64_t)a, (int64_t)b))
OP(urem, a - hw_udiv(a, b) * b)
OP(srem, (uint64_t)((int64_t)a - hw_sdiv((int64_t)a, (int64_t)b) * (int64_t)b))
OP(udiv32, hw_udiv32((uint32_t)a, (uint32_t)b))
OP(sdiv32, (uint32_t)hw_sdiv32((int32_t)a, (int32_t)b))
OP(lsl, a << (b & 63))
OP(lsr, a >> (b & 63))
OP(asr, (uint64_t)((int64_t)a >> (b & 63)))
OP(ror, (a >> (b & 63)) | (a << ((64 - (b & 63)) & 63)))
OP(lsl32, (uint32_t)((uint32_t)a << (b & 31)))
OP(asr32, (uint32_t)((int32_t)a >> (b & 31)))
OP(and_not, a & ~b)
OP(orn, a | ~b)
OP(eon, a ^ ~b)
OP(udiv128, (uint64_t)(((unsigned __int128)a << 64 | b) / (((unsigned __int128)b << 1) | 1)))
OP(umod128, (uint64_t)(((unsigned __int128)a << 64 | b) % ((unsigned __int128)a | 3)))
OP(sdiv128, (uint64_t)(((__int128)(int64_t)a * 1000003) / (((__int128)(int64_t)b) | 1)))
OP(mul128, (uint64_t)((((unsigned __int128)a * b) * ((unsigned __int128)b + a)) >> 37))
OP(madd, a * b + (a ^ b))
OP(msub, (a ^ 0x55) - a * b)
OP(nzcv_adds, nzcv_adds(a, b))
OP(nzcv_subs32, nzcv_subs32(a, b))
OP(adcs_chain, adcs_chain(a, b))
OP(ccmp_csel, ccmp_csel(a, b))
OP(ubfx, (a >> (b & 31)) & 0xfff)
OP(sbfx, (uint64_t)(((int64_t)(a << 20)) >> 44))
OP(bfi, (a & ~0xff0ull) | ((b & 0xff) << 4))
OP(min_max, (int64_t)a < (int64_t)b ? a - (b > a ? b : a) : b)
OP(add_ovf, ({ int64_t r; (uint64_t)__builtin_add_overflow((int64_t)a, (int64_t)b, &r) << 63 | (uint64_t)r >> 1; }))
OP(mul_ovf, ({ uint64_t r; (uint64_t)__builtin_mul_overflow(a, b, &r) << 63 | r >> 1; }))
OP(sext, (uint64_t)(int8_t)a + (uint64_t)(int16_t)b + (uint64_t)(int32_t)(a ^ b))

static const struct {
    const char *name;
    binop fn;
} ops[] = {
#define E(n) { #n, op_##n }
    E(add), E(sub), E(mul), E(umulh), E(smulh), E(umull32), E(smull32),
    E(udiv), E(sdiv), E(urem), E(srem), E(udiv32), E(sdiv32), E(lsl), E(lsr),
    E(asr), E(ror), E(lsl32), E(asr32), E(and_not), E(orn), E(eon),
    E(udiv128), E(umod128), E(sdiv128), E(mul128), E(madd), E(msub),
    E(nzcv_adds), E(nzcv_subs32), E(adcs_chain), E(ccmp_csel), E(ubfx),
    E(sbfx), E(bfi), E(min_max), E(add_ovf), E(mul_ovf), E(sext),
#undef E
};

static void unary(void)
{
    uint64_t h[8];
    for (int i = 0; i < 8; i++)
        h[i] = FNV_INIT;
    for (unsigned i = 0; i < NV; i++) {
        uint64_t a = OPAQUE(vals[i]);
        uint64_t r[8] = {
            clz64(a), cls64(a), (uint64_t)__builtin_popcountll(a),
            a ? (uint64_t)__builtin_ctzll(a) : 64, rbit64(a),
            __builtin_bswap64(a), rev16(a), __builtin_bswap32((uint32_t)a),
        };
        for (int k = 0; k < 8; k++)
            h[k] = fnv1a(h[k], &r[k], 8);
    }
    static const char *const names[8] = { "clz", "cls", "popcount", "ctz",
                                          "rbit", "rev", "rev16", "rev32" };
    for (int k = 0; k < 8; k++)
        printf("%-12s %016" PRIx64 "\n", names[k], h[k]);
}

/* A 32-bit CRC (reflected, polynomial 0xedb88320), bit by bit. */
static uint32_t crc32_bits(const char *s, unsigned n)
{
    uint32_t c = 0xffffffffu;
    for (unsigned i = 0; i < n; i++) {
        c ^= (uint8_t)s[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return ~c;
}

/* splitmix64 */
static uint64_t mix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

int main(void)
{
    printf("int: %u values, %u operations\n", (unsigned)NV, (unsigned)(sizeof ops / sizeof ops[0]));
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        uint64_t h = FNV_INIT;
        for (unsigned i = 0; i < NV; i++)
            for (unsigned j = 0; j < NV; j++) {
                uint64_t r = ops[k].fn(OPAQUE(vals[i]), OPAQUE(vals[j]));
                h = fnv1a(h, &r, sizeof r);
            }
        uint64_t sample = ops[k].fn(OPAQUE(vals[22]), OPAQUE(vals[12]));
        printf("%-12s %016" PRIx64 "  f(%#" PRIx64 ", %#" PRIx64 ") = %#" PRIx64 "\n",
               ops[k].name, h, vals[22], vals[12], sample);
    }
    unary();

    /* Random operands through the same operations. */
    uint64_t s = 42, h = FNV_INIT;
    for (unsigned n = 0; n < 20000; n++) {
        uint64_t a = mix(&s), b = mix(&s) >> (a & 63);
        uint64_t r = ops[n % (sizeof ops / sizeof ops[0])].fn(a, b);
        h = fnv1a(h, &r, sizeof r);
    }
    printf("random       %016" PRIx64 "\n", h);

    /* Known answers. */
    check("fnv1a(\"\")", fnv1a(FNV_INIT, "", 0), 0xcbf29ce484222325ull);
    check("fnv1a(\"a\")", fnv1a(FNV_INIT, "a", 1), 0xaf63dc4c8601ec8cull);
    check("fnv1a(\"foobar\")", fnv1a(FNV_INIT, "foobar", 6), 0x85944171f73967e8ull);
    check("crc32(\"123456789\")", crc32_bits("123456789", 9), 0xcbf43926u);
    check("umulh(-1,-1)", op_umulh(OPAQUE(~0ull), OPAQUE(~0ull)), 0xfffffffffffffffeull);
    check("smulh(-1,-1)", op_smulh(OPAQUE(~0ull), OPAQUE(~0ull)), 0);
    check("sdiv(INT64_MIN,-1)", op_sdiv(OPAQUE(1ull << 63), OPAQUE(~0ull)), 1ull << 63);
    check("udiv(x,0)", op_udiv(OPAQUE(12345ull), OPAQUE(0ull)), 0);
    check("sdiv(x,0)", op_sdiv(OPAQUE(12345ull), OPAQUE(0ull)), 0);
    check("rbit(1)", rbit64(OPAQUE(1ull)), 1ull << 63);
    check("cls(0)", cls64(OPAQUE(0ull)), 63);
    check("clz(0)", clz64(OPAQUE(0ull)), 64);
    check("popcount", (uint64_t)__builtin_popcountll(OPAQUE(0xdeadbeefcafebabeull)), 46);
    uint64_t sm = 0;
    check("splitmix64(0)", mix(&sm), 0xe220a8397b1dcdafull);
    printf("int: %s (%u failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
