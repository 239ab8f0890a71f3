/* tests/emu/test_a64_simd.c — Advanced SIMD data processing (a64_simd.c,
 * a64_simd2.c) on raw encodings.
 *
 * The case tables are QEMU's answers: each row names an instruction (the
 * assembly, its encoding with Vd = v0, Vn = v1, Vm = v2, Rd = x0, Rn = x1),
 * FPCR, and an input set (mode, seed) that gen_state() expands into all 32
 * V registers and x0-x7. The expected v0, FPSR (starting from 0) and x0
 * come from running that instruction on those inputs under
 * `qemu-aarch64 -cpu cortex-a57` (QEMU 7.2), with an identical copy of the
 * generator in a static test program. Inputs lean on edge values: lane
 * extremes, NaNs (quiet, signalling, with payloads), infinities, denormals,
 * values at the integer conversion limits; FPCR varies FZ, DN and RMode.
 * Q = 0 rows check that bits 127:64 are zeroed.
 */
#include <criterion/criterion.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(a64_simd, .init = setup, .fini = teardown, .timeout = 30);

/* ---- Inputs --------------------------------------------------------------- */

/* A generated machine state (the test program's copy is identical). */
typedef struct GenState {
    uint64_t v[32][2];
    uint64_t x[8];
} GenState;
static uint64_t sm64(uint64_t *s) { uint64_t z = (*s += 0x9e3779b97f4a7c15ull); z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull; z = (z ^ (z >> 27)) * 0x94d049bb133111ebull; return z ^ (z >> 31); }
static uint32_t f32_pick(uint64_t *s) {
    uint64_t r = sm64(s);
    static const uint32_t sp[] = { 0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345, 0xffc00001, 0x7f800001, 0xff812345,
        0x00000001, 0x807fffff, 0x00400000, 0x3f800000, 0xbfc00000, 0x7f7fffff, 0xff7fffff, 0x00800000, 0x80800000, 0x40200000, 0xc0200000,
        0x3f000000, 0x4f000000, 0xcf000000, 0x4f800000, 0x5f000000, 0xdf000000, 0x5f800000, 0x3fc00000, 0x40400000, 0xbf000000, 0x3effffff, 0x4b000001 };
    switch (r % 4) {
    case 0: return sp[(r >> 8) % (sizeof sp / sizeof sp[0])];
    case 1: { uint32_t e = 100 + (uint32_t)((r >> 8) % 56); return (uint32_t)((r >> 20) & 0x807fffff) | e << 23; }
    case 2: { uint32_t e = 127 + (uint32_t)((r >> 8) % 24); return (uint32_t)((r >> 20) & 0x807fe000) | e << 23; }
    default: return (uint32_t)(r >> 16);
    }
}
static uint64_t f64_pick(uint64_t *s) {
    uint64_t r = sm64(s);
    static const uint64_t sp[] = { 0, 1ull << 63, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff8000012345678ull,
        0xfff8000000000001ull, 0x7ff0000000000001ull, 0xfff0000000012345ull, 1, 0x800fffffffffffffull, 0x0008000000000000ull,
        0x3ff0000000000000ull, 0xbff8000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x0010000000000000ull,
        0x4004000000000000ull, 0xc004000000000000ull, 0x3fe0000000000000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull,
        0x43e0000000000000ull, 0xc3e0000000000000ull, 0x43f0000000000000ull, 0x41f0000000000000ull, 0x3fdfffffffffffffull,
        0x36a0000000000000ull, 0x47efffffe0000000ull, 0x47f0000000000000ull, 0x3810000000000000ull, 0x3800000000000000ull };
    switch (r % 4) {
    case 0: return sp[(r >> 8) % (sizeof sp / sizeof sp[0])];
    case 1: { uint64_t e = 900 + (r >> 8) % 250; return (sm64(s) & 0x800fffffffffffffull) | e << 52; }
    case 2: { uint64_t e = 1023 + (r >> 8) % 60; return (sm64(s) & 0x800ffc0000000000ull) | e << 52; }
    default: return sm64(s);
    }
}
static uint64_t int_chunk(uint64_t *s) {
    uint64_t r = sm64(s), x = 0;
    static const uint16_t e16[] = { 0, 0xffff, 0x8000, 0x7fff, 1, 0x80, 0x7f, 0xff80, 0xff, 0x100, 0xfffe, 0x8001 };
    static const uint8_t e8[] = { 0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x81, 0x40, 0x3f, 0xc0 };
    static const uint32_t e32[] = { 0, 0x7fffffff, 0x80000000, 0xffffffff, 1, 0x8000, 0xffff8000, 0x10000 };
    switch (r % 8) {
    case 4: for (int i = 0; i < 4; i++) x |= (uint64_t)e16[sm64(s) % 12] << (16 * i); return x;
    case 5: for (int i = 0; i < 8; i++) x |= (uint64_t)e8[sm64(s) % 10] << (8 * i); return x;
    case 6: return sm64(s) & 0x0f0f0f0f0f0f0f0full;
    case 7: for (int i = 0; i < 2; i++) x |= (uint64_t)e32[sm64(s) % 8] << (32 * i); return x;
    case 3: return sm64(s) & 0x8000000000000fffull;
    default: return sm64(s);
    }
}
/* mode 0 integer, 1 f32 lanes, 2 f64 lanes, 3 f16 lanes, 4 integer with
 * shift counts in v2, 5 integer with table indices in v2 */
static void gen_state(GenState *st, uint64_t seed, int mode)
{
    uint64_t s = seed * 0x1234567ull + 17;
    for (int i = 0; i < 32; i++)
        for (int j = 0; j < 2; j++) {
            uint64_t c;
            if (mode == 1) c = f32_pick(&s) | (uint64_t)f32_pick(&s) << 32;
            else if (mode == 2) c = f64_pick(&s);
            else if (mode == 3) { c = 0; for (int k = 0; k < 4; k++) { uint64_t r = sm64(&s); uint16_t h = (r & 3) == 0 ? (uint16_t)(0x7c00 | (r >> 8 & 0x3ff)) : (r & 3) == 1 ? (uint16_t)(r >> 8 & 0x83ff) : (uint16_t)(r >> 16); c |= (uint64_t)h << (16 * k); } }
            else c = int_chunk(&s);
            st->v[i][j] = c;
        }
    if (mode == 4 || mode == 5)   /* v2: shift counts / table indices */
        for (int j = 0; j < 2; j++) {
            uint64_t c = 0;
            for (int k = 0; k < 8; k++) {
                uint64_t r = sm64(&s);
                c |= (mode == 4 ? (uint64_t)(uint8_t)((int)(r % 141) - 70) : r % 72) << (8 * k);
            }
            st->v[2][j] = c;
        }
    for (int i = 0; i < 8; i++) st->x[i] = int_chunk(&s);
}

/* ---- Cases ----------------------------------------------------------------- */

typedef struct SimdCase {
    const char *text;
    uint32_t insn, fpcr;
    int mode;                 /* gen_state mode: 0 integer, 1 f32, 2 f64, 3 f16,
                               * 4 shift counts in v2, 5 table indices in v2 */
    uint64_t seed;
    uint64_t v0[2];           /* expected v0, low then high */
    uint32_t fpsr;            /* expected FPSR */
    uint64_t x0;              /* expected x0 */
} SimdCase;

static void load_state(const SimdCase *c, uint32_t fpsr)
{
    GenState st;
    gen_state(&st, c->seed, c->mode);
    for (unsigned i = 0; i < 32; i++)
        emu_cpu_set_v(h->cpu, i, st.v[i]);
    for (unsigned i = 0; i < 8; i++)
        emu_cpu_set_x(h->cpu, i, st.x[i]);
    emu_cpu_set_fpcr(h->cpu, c->fpcr);
    emu_cpu_set_fpsr(h->cpu, fpsr);
}

/* Runs each case from FPSR = fpsr0 (flags accumulate: FPSR must end as
 * fpsr0 | the case's flags, the results unchanged). */
static void run_cases_from(const SimdCase *cases, size_t n, uint32_t fpsr0)
{
    for (size_t i = 0; i < n; i++) {
        const SimdCase *c = &cases[i];
        load_state(c, fpsr0);
        harness_code(h, &c->insn, 1);
        cr_assert_eq(harness_run(h, 1), 1, "%s: did not retire", c->text);
        uint64_t v0[2];
        emu_cpu_v(h->cpu, 0, v0);
        cr_expect(v0[0] == c->v0[0] && v0[1] == c->v0[1],
                  "%s (fpcr %#x, seed %llu): v0 = %016llx%016llx, want %016llx%016llx",
                  c->text, c->fpcr, (unsigned long long)c->seed,
                  (unsigned long long)v0[1], (unsigned long long)v0[0],
                  (unsigned long long)c->v0[1], (unsigned long long)c->v0[0]);
        cr_expect_eq(emu_cpu_fpsr(h->cpu), c->fpsr | fpsr0, "%s (fpcr %#x, seed %llu): fpsr %#x, want %#x",
                     c->text, c->fpcr, (unsigned long long)c->seed, emu_cpu_fpsr(h->cpu),
                     c->fpsr | fpsr0);
        cr_expect_eq(emu_cpu_x(h->cpu, 0), c->x0, "%s: x0 %#llx, want %#llx", c->text,
                     (unsigned long long)emu_cpu_x(h->cpu, 0), (unsigned long long)c->x0);
    }
}

#define RUN(cases) run_cases_from(cases, sizeof(cases) / sizeof(cases[0]), 0)
/* With FPSR.IXC set beforehand, which lets the FP paths skip their
 * inexactness tests (emu_f64_muladd_quick and the host shortcuts). */
#define RUN_IXC(cases) run_cases_from(cases, sizeof(cases) / sizeof(cases[0]), 0x10)

static const SimdCase same3_cases[] = {
    { "shadd v0.8b, v1.8b, v2.8b",             0x0e220420, 0x0000000, 0, 1060564595, { 0xffc020e020ff02bf, 0x0000000000000000 }, 0x00000000, 0x803fff017f813f01 },
    { "shadd v0.8h, v1.8h, v2.8h",             0x4e620420, 0x0000000, 0,  343409216, { 0xee020559fdf8ce43, 0xffc0007fc000441b }, 0x00000000, 0x30af6fda84c8c5be },
    { "shadd v0.2s, v1.2s, v2.2s",             0x0ea20420, 0x0000000, 0,  372360263, { 0xce064cd885f84999, 0x0000000000000000 }, 0x00000000, 0x80007fffffff },
    { "shadd v0.4s, v1.4s, v2.4s",             0x4ea20420, 0x0000000, 0,  190712729, { 0xfd82fd0ce2a4aaa1, 0x83e82d32e90a20a5 }, 0x00000000, 0xc0c0fe3fffc07f7f },
    { "uhadd v0.8b, v1.8b, v2.8b",             0x2e220420, 0x0000000, 0,  810492733, { 0x4040601f402064b9, 0x0000000000000000 }, 0x00000000, 0xf5d059a03a8ec714 },
    { "uhadd v0.8h, v1.8h, v2.8h",             0x6e620420, 0x0000000, 0,  834582397, { 0x42d1a57f8f01897f, 0x69aad0fd9fbb405f }, 0x00000000, 0xd0e0d060f090e0c },
    { "uhadd v0.2s, v1.2s, v2.2s",             0x2ea20420, 0x0000000, 0,  399179825, { 0xbdf5ea92bc16c5d5, 0x0000000000000000 }, 0x00000000, 0x1000000000000 },
    { "uhadd v0.4s, v1.4s, v2.4s",             0x6ea20420, 0x0000000, 0,   63168623, { 0xc7b1f20a48cb74d8, 0xbcd9a57293cec8ec }, 0x00000000, 0x40008070c030b07 },
    { "srhadd v0.8b, v1.8b, v2.8b",            0x0e221420, 0x0000000, 0,  158574525, { 0xd11517fa2bd7f4d6, 0x0000000000000000 }, 0x00000000, 0x67f },
    { "srhadd v0.8h, v1.8h, v2.8h",            0x4e621420, 0x0000000, 0,  216699722, { 0x30b21c44261c9ebd, 0xc00000000000c327 }, 0x00000000, 0x7f0100fffe007f },
    { "srhadd v0.2s, v1.2s, v2.2s",            0x0ea21420, 0x0000000, 0,  911635050, { 0x00000000c00007a7, 0x0000000000000000 }, 0x00000000, 0xfffe800000ff007f },
    { "srhadd v0.4s, v1.4s, v2.4s",            0x4ea21420, 0x0000000, 0,  583401320, { 0x068c0a84098d8c08, 0xffffc0003fffc000 }, 0x00000000, 0xffff00800001ff80 },
    { "urhadd v0.8b, v1.8b, v2.8b",            0x2e221420, 0x0000000, 0,  237815032, { 0x808672e8d9657024, 0x0000000000000000 }, 0x00000000, 0x807fff7fff0000 },
    { "urhadd v0.8h, v1.8h, v2.8h",            0x6e621420, 0x0000000, 0,  114016607, { 0x80000000000002d6, 0x6c0884e56d71c42a }, 0x00000000, 0xffff8000ffffffff },
    { "urhadd v0.2s, v1.2s, v2.2s",            0x2ea21420, 0x0000000, 0,  605432967, { 0x4385840104028c46, 0x0000000000000000 }, 0x00000000, 0xf0b0a0a0603050e },
    { "urhadd v0.4s, v1.4s, v2.4s",            0x6ea21420, 0x0000000, 0,  734745400, { 0x7e1cdc45087bc2ee, 0x6d6346e6f0145a7b }, 0x00000000, 0x7e3ec1bbcea28afb },
    { "shsub v0.8b, v1.8b, v2.8b",             0x0e222420, 0x0000000, 0, 1002157078, { 0x3cc539dff0ccf42f, 0x0000000000000000 }, 0x00000000, 0x650e1bb0d9a10092 },
    { "shsub v0.8h, v1.8h, v2.8h",             0x4e622420, 0x0000000, 0,  701535394, { 0x37a41714b7f9f8b7, 0x4548fcbafa020c1e }, 0x00000000, 0x8000000000000cc0 },
    { "shsub v0.2s, v1.2s, v2.2s",             0x0ea22420, 0x0000000, 0,   96489770, { 0xfe3a7dfafc5fda3e, 0x0000000000000000 }, 0x00000000, 0xffffffff80000000 },
    { "shsub v0.4s, v1.4s, v2.4s",             0x4ea22420, 0x0000000, 0,  130366815, { 0x3ba3bbd0c38a9d72, 0xc40bad8fc90f8862 }, 0x00000000, 0xf67c5ffe72ffd35e },
    { "uhsub v0.8b, v1.8b, v2.8b",             0x2e222420, 0x0000000, 0,  584452956, { 0xfdfbfefef8fffe1b, 0x0000000000000000 }, 0x00000000, 0x8000000000000869 },
    { "uhsub v0.8h, v1.8h, v2.8h",             0x6e622420, 0x0000000, 0,  108297828, { 0x392b1a6b6cc06a9b, 0x6e860ae75ce640bc }, 0x00000000, 0x7fff800100010080 },
    { "uhsub v0.2s, v1.2s, v2.2s",             0x2ea22420, 0x0000000, 0, 1011748218, { 0x0300c10005818603, 0x0000000000000000 }, 0x00000000, 0x1be },
    { "uhsub v0.4s, v1.4s, v2.4s",             0x6ea22420, 0x0000000, 0,  505246121, { 0xacde4e77560a9b54, 0xfd7cfb7dfa7af9ba }, 0x00000000, 0x80000000000008c9 },
    { "sqadd v0.16b, v1.16b, v2.16b",          0x4e220c20, 0x0000000, 0,  420703690, { 0x53418012dfaff8c2, 0x83030e000a08030b }, 0x08000000, 0x9e16b22a9c5296bf },
    { "sqadd v0.4h, v1.4h, v2.4h",             0x0e620c20, 0x0000000, 0, 1024794051, { 0x7fff097f47004301, 0x0000000000000000 }, 0x08000000, 0x30b0f020c000807 },
    { "sqadd v0.4s, v1.4s, v2.4s",             0x4ea20c20, 0x0000000, 0,  244964918, { 0x01fdbf7f400081c1, 0x800000000000040b }, 0x00000000, 0x7f010001000000 },
    { "sqadd v0.2d, v1.2d, v2.2d",             0x4ee20c20, 0x0000000, 0,  690826084, { 0x0101ff01fe808d6b, 0xed67121184cf11d8 }, 0x00000000, 0xffffffffffffffff },
    { "uqadd v0.16b, v1.16b, v2.16b",          0x6e220c20, 0x0000000, 0,  879936644, { 0xffffffff7ffffffe, 0x7fffffffffff8100 }, 0x08000000, 0x100007f00010001 },
    { "uqadd v0.4h, v1.4h, v2.4h",             0x2e620c20, 0x0000000, 0,  868391889, { 0x8040c1c0ffffffff, 0x0000000000000000 }, 0x08000000, 0xb0e0c0d020e0204 },
    { "uqadd v0.4s, v1.4s, v2.4s",             0x6ea20c20, 0x0000000, 0,  794212381, { 0xf5b4c4cbffffffff, 0x3dc4531426fd476c }, 0x08000000, 0xffffffffffffffff },
    { "uqadd v0.2d, v1.2d, v2.2d",             0x6ee20c20, 0x0000000, 0,  900053848, { 0x0adf8e88aca8b9b5, 0xe544b562c222cb9c }, 0x00000000, 0xd463a507fafd4c2c },
    { "sqsub v0.16b, v1.16b, v2.16b",          0x4e222c20, 0x0000000, 0,  844929867, { 0x904d9eb2f0877fe7, 0x3b2e5333d68c8bc8 }, 0x08000000, 0x709000e03050e01 },
    { "sqsub v0.4h, v1.4h, v2.4h",             0x0e622c20, 0x0000000, 0,  102000480, { 0x7fffbb03a43257e7, 0x0000000000000000 }, 0x08000000, 0xcde9e1543a941781 },
    { "sqsub v0.4s, v1.4s, v2.4s",             0x4ea22c20, 0x0000000, 0,  565793107, { 0x7fffffff62226c9d, 0x978ac59dc78ec42d }, 0x08000000, 0x807f3f7f4080c080 },
    { "sqsub v0.2d, v1.2d, v2.2d",             0x4ee22c20, 0x0000000, 0,  663705191, { 0xfb69efd5a15956d8, 0x429676b95384d604 }, 0x00000000, 0x8001fffe0080ffff },
    { "uqsub v0.16b, v1.16b, v2.16b",          0x6e222c20, 0x0000000, 0,  642092890, { 0x0000580000650023, 0x0000000000000000 }, 0x08000000, 0xfec040013fc07f },
    { "uqsub v0.4h, v1.4h, v2.4h",             0x2e622c20, 0x0000000, 0,  272207193, { 0x0000000008060000, 0x0000000000000000 }, 0x08000000, 0x122 },
    { "uqsub v0.4s, v1.4s, v2.4s",             0x6ea22c20, 0x0000000, 0,  119354031, { 0x2c4cdd5384321221, 0x76fbfbfe00000000 }, 0x08000000, 0xd060f070e020c08 },
    { "uqsub v0.2d, v1.2d, v2.2d",             0x6ee22c20, 0x0000000, 0,  708709353, { 0x3c9f764be2677368, 0x0000000000000000 }, 0x08000000, 0x962 },
    { "cmgt v0.16b, v1.16b, v2.16b",           0x4e223420, 0x0000000, 0,  848090346, { 0xff0000ff000000ff, 0xff0000ffffffff00 }, 0x00000000, 0x4000ffff818100fe },
    { "cmgt v0.4h, v1.4h, v2.4h",              0x0e623420, 0x0000000, 0, 1062075326, { 0x00000000ffff0000, 0x0000000000000000 }, 0x00000000, 0xdb0f7e39aeaa022e },
    { "cmgt v0.2s, v1.2s, v2.2s",              0x0ea23420, 0x0000000, 0,  476857577, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0xffff800000000000 },
    { "cmgt v0.2d, v1.2d, v2.2d",              0x4ee23420, 0x0000000, 0,  575339610, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x82d1e618eeed1a9f },
    { "cmhi v0.16b, v1.16b, v2.16b",           0x6e223420, 0x0000000, 0,   31603045, { 0x000000ff00ffff00, 0x0000ffffff000000 }, 0x00000000, 0x404080fe7f7fff80 },
    { "cmhi v0.4h, v1.4h, v2.4h",              0x2e623420, 0x0000000, 0,  907133810, { 0xffffffff0000ffff, 0x0000000000000000 }, 0x00000000, 0xae4fd20e32d80fd6 },
    { "cmhi v0.2s, v1.2s, v2.2s",              0x2ea23420, 0x0000000, 0, 1005515028, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x8000000000000942 },
    { "cmhi v0.2d, v1.2d, v2.2d",              0x6ee23420, 0x0000000, 0,  644918832, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x5ccee8c898ac3b6e },
    { "cmge v0.16b, v1.16b, v2.16b",           0x4e223c20, 0x0000000, 0,  401332509, { 0xff00000000000000, 0x0000000000000000 }, 0x00000000, 0xd23 },
    { "cmge v0.4h, v1.4h, v2.4h",              0x0e623c20, 0x0000000, 0,  406665186, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0xcc247772e313a4d7 },
    { "cmge v0.2s, v1.2s, v2.2s",              0x0ea23c20, 0x0000000, 0, 1011412249, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0x9174c3a32709e84d },
    { "cmge v0.2d, v1.2d, v2.2d",              0x4ee23c20, 0x0000000, 0,  961374878, { 0xffffffffffffffff, 0xffffffffffffffff }, 0x00000000, 0x15c9a6cb2533927d },
    { "cmhs v0.16b, v1.16b, v2.16b",           0x6e223c20, 0x0000000, 0,  368504075, { 0x0000ff00ffff0000, 0xff000000000000ff }, 0x00000000, 0x7f818000c0800101 },
    { "cmhs v0.4h, v1.4h, v2.4h",              0x2e623c20, 0x0000000, 0,  874120754, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0x6fd07c65babf4e33 },
    { "cmhs v0.2s, v1.2s, v2.2s",              0x2ea23c20, 0x0000000, 0,   73460672, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0x2ecd67ab5ba1b6c3 },
    { "cmhs v0.2d, v1.2d, v2.2d",              0x6ee23c20, 0x0000000, 0,  271577467, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000000, 0xa7a9aaa180978152 },
    { "cmtst v0.16b, v1.16b, v2.16b",          0x4e228c20, 0x0000000, 0,  557519258, { 0x000000000000ffff, 0x0000000000000000 }, 0x00000000, 0x9bd5a6d5c8bcc5c4 },
    { "cmtst v0.4h, v1.4h, v2.4h",             0x0e628c20, 0x0000000, 0,  263246046, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0xb389e933f529aec0 },
    { "cmtst v0.2s, v1.2s, v2.2s",             0x0ea28c20, 0x0000000, 0,  919182176, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x60a0d0508080b0f },
    { "cmtst v0.2d, v1.2d, v2.2d",             0x4ee28c20, 0x0000000, 0,  511018008, { 0xffffffffffffffff, 0xffffffffffffffff }, 0x00000000, 0x8000000000000a49 },
    { "cmeq v0.16b, v1.16b, v2.16b",           0x6e228c20, 0x0000000, 0,  729007971, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x6539f3933ab2bcd9 },
    { "cmeq v0.4h, v1.4h, v2.4h",              0x2e628c20, 0x0000000, 0,  350561756, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x953 },
    { "cmeq v0.2s, v1.2s, v2.2s",              0x2ea28c20, 0x0000000, 0,  632581587, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x8000000000000b34 },
    { "cmeq v0.2d, v1.2d, v2.2d",              0x6ee28c20, 0x0000000, 0,  539974024, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x17fffffff },
    { "sshl v0.16b, v1.16b, v2.16b",           0x4e224420, 0x0000000, 4,  715829016, { 0x0000008000000000, 0x80ff000000000000 }, 0x00000000, 0x978126ec47841347 },
    { "sshl v0.8h, v1.8h, v2.8h",              0x4e624420, 0x0000000, 4,  864423529, { 0xffff0000ffff0000, 0x0000000000000000 }, 0x00000000, 0x7fff800101008001 },
    { "sshl v0.2s, v1.2s, v2.2s",              0x0ea24420, 0x0000000, 4,  398876505, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x3f3f7f81010140 },
    { "sshl v0.2d, v1.2d, v2.2d",              0x4ee24420, 0x0000000, 4,  935575124, { 0x4000800000000000, 0x0000000000000000 }, 0x00000000, 0xb080b0e0f050c06 },
    { "ushl v0.16b, v1.16b, v2.16b",           0x6e224420, 0x0000000, 4,  662108053, { 0x0000000000000000, 0x000000fe00e00000 }, 0x00000000, 0x5ee424553e873b06 },
    { "ushl v0.8h, v1.8h, v2.8h",              0x6e624420, 0x0000000, 4,  451855530, { 0x0000000000000000, 0x00000a0000000000 }, 0x00000000, 0x4c2 },
    { "ushl v0.2s, v1.2s, v2.2s",              0x2ea24420, 0x0000000, 4,   37911787, { 0x000002b76b560000, 0x0000000000000000 }, 0x00000000, 0x3f3f00c03f01ff40 },
    { "ushl v0.2d, v1.2d, v2.2d",              0x6ee24420, 0x0000000, 4,  867299278, { 0xc785a7703a000000, 0x0093808747b3efd4 }, 0x00000000, 0x13f40fe803f007f },
    { "sqshl v0.16b, v1.16b, v2.16b",          0x4e224c20, 0x0000000, 4,  481754393, { 0x007f7f7f7f000000, 0x0000ff8000000000 }, 0x08000000, 0x10000 },
    { "sqshl v0.8h, v1.8h, v2.8h",             0x4e624c20, 0x0000000, 4,   96434479, { 0x8000000000000000, 0x7fff000080000000 }, 0x08000000, 0x915e1508efcd4542 },
    { "sqshl v0.2s, v1.2s, v2.2s",             0x0ea24c20, 0x0000000, 4, 1065940748, { 0x7fffffff00000000, 0x0000000000000000 }, 0x08000000, 0xffffffff00008000 },
    { "sqshl v0.2d, v1.2d, v2.2d",             0x4ee24c20, 0x0000000, 4,  151739246, { 0x7fffffffffffffff, 0x7fffffffffffffff }, 0x08000000, 0xfffffe80007fff },
    { "uqshl v0.16b, v1.16b, v2.16b",          0x6e224c20, 0x0000000, 4,  478785924, { 0x00ffffffff00ffff, 0xff00ff00ffff00ff }, 0x08000000, 0x664f3ac8d2c4883e },
    { "uqshl v0.8h, v1.8h, v2.8h",             0x6e624c20, 0x0000000, 4,  203037919, { 0xffffffff00002689, 0xffffffff0000ffff }, 0x08000000, 0x100007fffffff },
    { "uqshl v0.2s, v1.2s, v2.2s",             0x2ea24c20, 0x0000000, 4,  129203522, { 0x0000002000000000, 0x0000000000000000 }, 0x00000000, 0x808181017f01c001 },
    { "uqshl v0.2d, v1.2d, v2.2d",             0x6ee24c20, 0x0000000, 4,  713138482, { 0x0000000000000001, 0x0000000002ffffff }, 0x00000000, 0x80c050d03060b09 },
    { "srshl v0.16b, v1.16b, v2.16b",          0x4e225420, 0x0000000, 4,   62938215, { 0x0000900000000000, 0x0000000000000000 }, 0x00000000, 0x63f561c0281f6295 },
    { "srshl v0.8h, v1.8h, v2.8h",             0x4e625420, 0x0000000, 4,  843947012, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xffffffff },
    { "srshl v0.2s, v1.2s, v2.2s",             0x0ea25420, 0x0000000, 4,  997086259, { 0x00000000e101e000, 0x0000000000000000 }, 0x00000000, 0x4df },
    { "srshl v0.2d, v1.2d, v2.2d",             0x4ee25420, 0x0000000, 4,  506915234, { 0x0000000000000000, 0xfff9689a1cf5460e }, 0x00000000, 0x2cd20e144cd2ec19 },
    { "urshl v0.16b, v1.16b, v2.16b",          0x6e225420, 0x0000000, 4,  432530773, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x60f9f7aa15e04898 },
    { "urshl v0.8h, v1.8h, v2.8h",             0x6e625420, 0x0000000, 4, 1044103583, { 0x0000000000000000, 0x6000000000000000 }, 0x00000000, 0xc84 },
    { "urshl v0.2s, v1.2s, v2.2s",             0x2ea25420, 0x0000000, 4,  426669064, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xd37b410555404b3a },
    { "urshl v0.2d, v1.2d, v2.2d",             0x6ee25420, 0x0000000, 4,  535757530, { 0xbdb3dde3e123d100, 0x0000000000000000 }, 0x00000000, 0x180000000 },
    { "sqrshl v0.16b, v1.16b, v2.16b",         0x4e225c20, 0x0000000, 4,  863726107, { 0x7f207f7ffc007f00, 0x0000000000000002 }, 0x08000000, 0x800100ffffff0001 },
    { "sqrshl v0.8h, v1.8h, v2.8h",            0x4e625c20, 0x0000000, 4,  718145770, { 0x00007fff00007fff, 0xfffc7fffff877fff }, 0x08000000, 0x4b100e314025d277 },
    { "sqrshl v0.2s, v1.2s, v2.2s",            0x0ea25c20, 0x0000000, 4,  558741239, { 0x000000007fffffff, 0x0000000000000000 }, 0x08000000, 0xaf20f306176c0869 },
    { "sqrshl v0.2d, v1.2d, v2.2d",            0x4ee25c20, 0x0000000, 4,  657757688, { 0x0000000000000000, 0x7fffffffffffffff }, 0x08000000, 0x6c1658954ed565bf },
    { "uqrshl v0.16b, v1.16b, v2.16b",         0x6e225c20, 0x0000000, 4,  583321924, { 0x0000ffffffffffff, 0x000000ffffffffff }, 0x08000000, 0x7c1ebd41d274f794 },
    { "uqrshl v0.8h, v1.8h, v2.8h",            0x6e625c20, 0x0000000, 4,   48524306, { 0x0000ffff00000000, 0x000002a20000ffff }, 0x08000000, 0x7f7fff7fff8001 },
    { "uqrshl v0.2s, v1.2s, v2.2s",            0x2ea25c20, 0x0000000, 4,  681426471, { 0xffffffffffffffff, 0x0000000000000000 }, 0x08000000, 0x8e0 },
    { "uqrshl v0.2d, v1.2d, v2.2d",            0x6ee25c20, 0x0000000, 4,  709594605, { 0xffffffffffffffff, 0x0000000000000003 }, 0x08000000, 0x495e7a9cff7c046b },
    { "smax v0.16b, v1.16b, v2.16b",           0x4e226420, 0x0000000, 0,  760901911, { 0x45004f4b0000007f, 0x00007f0000000d40 }, 0x00000000, 0x37b },
    { "smax v0.4h, v1.4h, v2.4h",              0x0e626420, 0x0000000, 0,  460732805, { 0x0000007f00ff0080, 0x0000000000000000 }, 0x00000000, 0xdb4cbfe14438074c },
    { "smax v0.4s, v1.4s, v2.4s",              0x4ea26420, 0x0000000, 0,  694403849, { 0xbd5ce718099c107a, 0x6b6dc01500010001 }, 0x00000000, 0x225afbd0832818a2 },
    { "umax v0.16b, v1.16b, v2.16b",           0x6e226420, 0x0000000, 0,  980144456, { 0xc0800100ff8105fb, 0x5de0838cc85ffbec }, 0x00000000, 0xff80fefe403fff40 },
    { "umax v0.4h, v1.4h, v2.4h",              0x2e626420, 0x0000000, 0,  321738446, { 0xa33dfefe8180ae0b, 0x0000000000000000 }, 0x00000000, 0x17fffffff },
    { "umax v0.4s, v1.4s, v2.4s",              0x6ea26420, 0x0000000, 0,  775032024, { 0x771be25fa107504c, 0x15cf6e819b5a5bca }, 0x00000000, 0x100010000 },
    { "smin v0.16b, v1.16b, v2.16b",           0x4e226c20, 0x0000000, 0,  821384859, { 0xebdd8ca1f005b7cd, 0xd6de0706060600e8 }, 0x00000000, 0x8000000000000a4b },
    { "smin v0.4h, v1.4h, v2.4h",              0x0e626c20, 0x0000000, 0,   93825344, { 0xd398ff008fbbb794, 0x0000000000000000 }, 0x00000000, 0xf5f87db0b916c3c5 },
    { "smin v0.4s, v1.4s, v2.4s",              0x4ea26c20, 0x0000000, 0,  205292132, { 0xe70ddaa70a000c0c, 0x007ffffe00800080 }, 0x00000000, 0xc010e030e0b000d },
    { "umin v0.16b, v1.16b, v2.16b",           0x6e226c20, 0x0000000, 0,  877226553, { 0x0100800080c0ff7f, 0x800000fc00800100 }, 0x00000000, 0x67b },
    { "umin v0.4h, v1.4h, v2.4h",              0x2e626c20, 0x0000000, 0,  180160820, { 0x807f408100817fff, 0x0000000000000000 }, 0x00000000, 0x8898c9df2c72ea28 },
    { "umin v0.4s, v1.4s, v2.4s",              0x6ea26c20, 0x0000000, 0,  674423176, { 0x7f7f813f12a0e404, 0x8181ffff3f3f8140 }, 0x00000000, 0x6a05617d88a4dcf2 },
    { "sabd v0.16b, v1.16b, v2.16b",           0x4e227420, 0x0000000, 0,  274547587, { 0x7e807f01bf014001, 0x407f01807f010ea6 }, 0x00000000, 0x8000ff007fff80 },
    { "sabd v0.4h, v1.4h, v2.4h",              0x0e627420, 0x0000000, 0,  255916784, { 0x39610bd94fb03c82, 0x0000000000000000 }, 0x00000000, 0x8000ff00ff0000 },
    { "sabd v0.4s, v1.4s, v2.4s",              0x4ea27420, 0x0000000, 0,  717943993, { 0x3fff0182fe7f7f7e, 0x45aacb4a71921336 }, 0x00000000, 0xc0014000c081feff },
    { "uabd v0.16b, v1.16b, v2.16b",           0x6e227420, 0x0000000, 0,  403530812, { 0x1b474c93cb2a0271, 0x421a9f0f4d211a3d }, 0x00000000, 0x2c6 },
    { "uabd v0.4h, v1.4h, v2.4h",              0x2e627420, 0x0000000, 0,  697881730, { 0x7f01ff8000000412, 0x0000000000000000 }, 0x00000000, 0x80000000000007e2 },
    { "uabd v0.4s, v1.4s, v2.4s",              0x6ea27420, 0x0000000, 0,  898934847, { 0xf8fffdf8010e860c, 0x466f737d4d68bd51 }, 0x00000000, 0xeed70084b62331cb },
    { "saba v0.16b, v1.16b, v2.16b",           0x4e227c20, 0x0000000, 0,  682263325, { 0x0d59b16b9ca2edf2, 0xae527f52331a130a }, 0x00000000, 0x9715f79bb3e46e5e },
    { "saba v0.4h, v1.4h, v2.4h",              0x0e627c20, 0x0000000, 0,  199736905, { 0x91f2a4a45ad44534, 0x0000000000000000 }, 0x00000000, 0x6f804d2d8880fc24 },
    { "saba v0.4s, v1.4s, v2.4s",              0x4ea27c20, 0x0000000, 0,  526843267, { 0xb3f5b89908d3bbc4, 0x81c1febf00bfc594 }, 0x00000000, 0x17fffc000ff4001 },
    { "uaba v0.16b, v1.16b, v2.16b",           0x6e227c20, 0x0000000, 0,   54088042, { 0xd42704df7bc6283a, 0x20cd2731e39efb55 }, 0x00000000, 0x7fffffff80000000 },
    { "uaba v0.4h, v1.4h, v2.4h",              0x2e627c20, 0x0000000, 0,  413745461, { 0x798cf74e69c034db, 0x0000000000000000 }, 0x00000000, 0x3ec701aa59d325f1 },
    { "uaba v0.4s, v1.4s, v2.4s",              0x6ea27c20, 0x0000000, 0,  617466266, { 0x22ba2da9a8ed9bee, 0x800c820f818b0388 }, 0x00000000, 0x16b },
    { "add v0.8b, v1.8b, v2.8b",               0x0e228420, 0x0000000, 0,  122164934, { 0x194d8db13e5c89da, 0x0000000000000000 }, 0x00000000, 0xfec0018080407f7f },
    { "add v0.8h, v1.8h, v2.8h",               0x4e628420, 0x0000000, 0,  196014878, { 0x3bb82dbd09397a08, 0xc37dcf44c27930a3 }, 0x00000000, 0x50bc723c79b7483a },
    { "add v0.2s, v1.2s, v2.2s",               0x0ea28420, 0x0000000, 0,  581345712, { 0x00010000ffffffff, 0x0000000000000000 }, 0x00000000, 0xfe007fc0fe01c001 },
    { "add v0.2d, v1.2d, v2.2d",               0x4ee28420, 0x0000000, 0,  462156829, { 0x7fffffff000106a1, 0xc0808000c080013d }, 0x00000000, 0x9d68c2ee8f98118e },
    { "sub v0.8b, v1.8b, v2.8b",               0x2e228420, 0x0000000, 0,  928996821, { 0x55cf64074f2326c0, 0x0000000000000000 }, 0x00000000, 0x926 },
    { "sub v0.8h, v1.8h, v2.8h",               0x6e628420, 0x0000000, 0,  237424739, { 0x50c76c7540783f11, 0xc0ff01017f813f7f }, 0x00000000, 0x6de84019c4468a46 },
    { "sub v0.2s, v1.2s, v2.2s",               0x2ea28420, 0x0000000, 0,  256677688, { 0x7277d876145b2ab7, 0x0000000000000000 }, 0x00000000, 0x80017fff007f00ff },
    { "sub v0.2d, v1.2d, v2.2d",               0x6ee28420, 0x0000000, 0,  832734644, { 0xf5f8f7fcfcf772f4, 0xff818001ff808002 }, 0x00000000, 0x5bd6fc1eebfe8ed3 },
    { "mla v0.16b, v1.16b, v2.16b",            0x4e229420, 0x0000000, 0,  930343221, { 0x3847be8adf3a2a54, 0x8080017f7f8053b4 }, 0x00000000, 0x8000000000000841 },
    { "mla v0.4h, v1.4h, v2.4h",               0x0e629420, 0x0000000, 0,  450763313, { 0x5cf8235e6e58de9c, 0x0000000000000000 }, 0x00000000, 0xffffffff00010000 },
    { "mla v0.4s, v1.4s, v2.4s",               0x4ea29420, 0x0000000, 0,  604699652, { 0xa23416715d93410f, 0x807f41bf01feff3f }, 0x00000000, 0x97b1cbd605a500dc },
    { "mls v0.16b, v1.16b, v2.16b",            0x6e229420, 0x0000000, 0,   46964232, { 0xc3c39ebd9fad309a, 0x0a01d4c93f3f78c0 }, 0x00000000, 0x401d40e61f1cdba2 },
    { "mls v0.4h, v1.4h, v2.4h",               0x2e629420, 0x0000000, 0,  623868316, { 0xcbd2212e6de37c25, 0x0000000000000000 }, 0x00000000, 0x40fe010180c00080 },
    { "mls v0.4s, v1.4s, v2.4s",               0x6ea29420, 0x0000000, 0,  889498440, { 0xfffeffffff80fcce, 0x1c73bfdfbf741ed2 }, 0x00000000, 0x8000000000010000 },
    { "mul v0.16b, v1.16b, v2.16b",            0x4e229c20, 0x0000000, 0,  291577126, { 0xc02800b962c18064, 0xdc086763b0e89835 }, 0x00000000, 0x9311e0044ebee5a4 },
    { "mul v0.4h, v1.4h, v2.4h",               0x0e629c20, 0x0000000, 0,  398831106, { 0x000000000000699a, 0x0000000000000000 }, 0x00000000, 0x826e4d3c9f64353c },
    { "mul v0.4s, v1.4s, v2.4s",               0x4ea29c20, 0x0000000, 0,  580182939, { 0x800000003ee080c0, 0x7c7f810000c1bdc1 }, 0x00000000, 0x9c6425c64b2e83e9 },
    { "pmul v0.8b, v1.8b, v2.8b",              0x2e229c20, 0x0000000, 0,  344133170, { 0x2a80150000ff0080, 0x0000000000000000 }, 0x00000000, 0x407ffffe007fc0ff },
    { "pmul v0.16b, v1.16b, v2.16b",           0x6e229c20, 0x0000000, 0,  945842643, { 0xe85820d84074a0bc, 0x00001c8200000080 }, 0x00000000, 0x9080502060c0804 },
    { "smaxp v0.8b, v1.8b, v2.8b",             0x0e22a420, 0x0000000, 0,  313535132, { 0x070f0f0c6b681f47, 0x0000000000000000 }, 0x00000000, 0x8001fffe00ff },
    { "smaxp v0.8h, v1.8h, v2.8h",             0x4e62a420, 0x0000000, 0,  567578375, { 0x0000000096624e92, 0x0e020a0fffff0000 }, 0x00000000, 0x201090c0b01000f },
    { "smaxp v0.4s, v1.4s, v2.4s",             0x4ea2a420, 0x0000000, 0,  754816018, { 0xfe8081c0007fff80, 0x7fffffff6618d2f6 }, 0x00000000, 0x807fc04040408101 },
    { "umaxp v0.8b, v1.8b, v2.8b",             0x2e22a420, 0x0000000, 0,  479725870, { 0x000000bd3fc0fe7f, 0x0000000000000000 }, 0x00000000, 0xff8080007fff0080 },
    { "umaxp v0.8h, v1.8h, v2.8h",             0x6e62a420, 0x0000000, 0, 1052394191, { 0xd145a9bcc07f803f, 0x0d080d0dfdc44edb }, 0x00000000, 0x8000000000000ac9 },
    { "umaxp v0.4s, v1.4s, v2.4s",             0x6ea2a420, 0x0000000, 0,  543583576, { 0xa12a4772a079fdef, 0xeb21718680c0c080 }, 0x00000000, 0xaf45107fd296a20c },
    { "sminp v0.8b, v1.8b, v2.8b",             0x0e22ac20, 0x0000000, 0,  773757729, { 0x80ff00ff0080ffff, 0x0000000000000000 }, 0x00000000, 0xe45de4c41413bcd4 },
    { "sminp v0.8h, v1.8h, v2.8h",             0x4e62ac20, 0x0000000, 0,  650820366, { 0x0000800080000000, 0x8000000046beecb6 }, 0x00000000, 0x7f008000800080 },
    { "sminp v0.4s, v1.4s, v2.4s",             0x4ea2ac20, 0x0000000, 0,  519216735, { 0xff3fff0180000000, 0x8000000008060808 }, 0x00000000, 0x90f0f0705070a06 },
    { "uminp v0.8b, v1.8b, v2.8b",             0x2e22ac20, 0x0000000, 0,  696009821, { 0x0000000b00000000, 0x0000000000000000 }, 0x00000000, 0xd07040c0b0c0b04 },
    { "uminp v0.8h, v1.8h, v2.8h",             0x6e62ac20, 0x0000000, 0,  850433027, { 0x33240c667f810100, 0x20062ac5223a01af }, 0x00000000, 0x320d46f8548eac5 },
    { "uminp v0.4s, v1.4s, v2.4s",             0x6ea2ac20, 0x0000000, 0,  864870216, { 0x0000000004030306, 0xb19b3db10001007f }, 0x00000000, 0xda3ebafda194363d },
    { "addp v0.16b, v1.16b, v2.16b",           0x4e22bc20, 0x0000000, 0,  659733587, { 0x468b4291803f7e40, 0x01807efd7efefe80 }, 0x00000000, 0x210bb23407c980c3 },
    { "addp v0.4h, v1.4h, v2.4h",              0x0e62bc20, 0x0000000, 0,  535316221, { 0x6507653900010001, 0x0000000000000000 }, 0x00000000, 0xc08080fffe40fec0 },
    { "addp v0.2s, v1.2s, v2.2s",              0x0ea2bc20, 0x0000000, 0,   75202844, { 0x000004d580000e9a, 0x0000000000000000 }, 0x00000000, 0x817f813ffefe3f3f },
    { "addp v0.2d, v1.2d, v2.2d",              0x4ee2bc20, 0x0000000, 0,  569032701, { 0x0000800000ff8001, 0x0000000100010000 }, 0x00000000, 0x108060c0c030a0c },
    { "sqdmulh v0.4h, v1.4h, v2.4h",           0x0e62b420, 0x0000000, 0,  534185866, { 0x1d0c000000000279, 0x0000000000000000 }, 0x00000000, 0x4865f8c9f38f19cf },
    { "sqdmulh v0.8h, v1.8h, v2.8h",           0x4e62b420, 0x0000000, 0,  837546584, { 0xff80ffffffc10000, 0x000080c03fc10000 }, 0x00000000, 0x7e0dacc91a9fcf6c },
    { "sqdmulh v0.2s, v1.2s, v2.2s",           0x0ea2b420, 0x0000000, 0,  192905257, { 0xff8a9a64e9d8f6c5, 0x0000000000000000 }, 0x00000000, 0xb090d0d0e070500 },
    { "sqdmulh v0.4s, v1.4s, v2.4s",           0x4ea2b420, 0x0000000, 0,  384905831, { 0xffff000100000000, 0x0000081c00000000 }, 0x00000000, 0x810080007f80803f },
    { "sqrdmulh v0.4h, v1.4h, v2.4h",          0x2e62b420, 0x0000000, 0,  488601413, { 0xd693d97bf07bfa65, 0x0000000000000000 }, 0x00000000, 0xfffeff807fff7fff },
    { "sqrdmulh v0.8h, v1.8h, v2.8h",          0x6e62b420, 0x0000000, 0,  254492004, { 0x000000000000fffa, 0xf2fa0000000000a5 }, 0x00000000, 0xff7f01ff3f81c07f },
    { "sqrdmulh v0.2s, v1.2s, v2.2s",          0x2ea2b420, 0x0000000, 0,  355461765, { 0xffffc3a4ffff95f0, 0x0000000000000000 }, 0x00000000, 0x49cc19833993b5fe },
    { "sqrdmulh v0.4s, v1.4s, v2.4s",          0x6ea2b420, 0x0000000, 0,  332922368, { 0xe66d507fd3f3ed02, 0x1e7f6cd300404602 }, 0x00000000, 0xe07d51453eaaaf42 },
    { "and v0.8b, v1.8b, v2.8b",               0x0e221c20, 0x0000000, 0,  900841135, { 0x3fc000010000c000, 0x0000000000000000 }, 0x00000000, 0xffffffff00000001 },
    { "and v0.16b, v1.16b, v2.16b",            0x4e221c20, 0x0000000, 0,  199918740, { 0x000040fe800000ff, 0x002200007c34c3ce }, 0x00000000, 0x2dd5b2a9d28167e7 },
    { "bic v0.8b, v1.8b, v2.8b",               0x0e621c20, 0x0000000, 0,  849511245, { 0xcd004a12c0150198, 0x0000000000000000 }, 0x00000000, 0xf6146d028d7edf2a },
    { "bic v0.16b, v1.16b, v2.16b",            0x4e621c20, 0x0000000, 0,  216753004, { 0x408140fbf8c0c07b, 0x10031dd51c446028 }, 0x00000000, 0xa050707090a000a },
    { "orr v0.8b, v1.8b, v2.8b",               0x0ea21c20, 0x0000000, 0,  425922976, { 0xad70b621e5c98661, 0x0000000000000000 }, 0x00000000, 0xfefeff40813f0101 },
    { "orr v0.16b, v1.16b, v2.16b",            0x4ea21c20, 0x0000000, 0,  462888995, { 0x6d9fafedfb1fddd7, 0xffbfbffb9e36f7ff }, 0x00000000, 0x1000000008000 },
    { "orn v0.8b, v1.8b, v2.8b",               0x0ee21c20, 0x0000000, 0,  961682489, { 0xfffffffffffffdf9, 0x0000000000000000 }, 0x00000000, 0x9bc8da8bc6c74bf2 },
    { "orn v0.16b, v1.16b, v2.16b",            0x4ee21c20, 0x0000000, 0,  777821946, { 0xce71f77bf37f7fbf, 0xff7ebf7fffc03ffe }, 0x00000000, 0x80007fff00000001 },
    { "eor v0.8b, v1.8b, v2.8b",               0x2e221c20, 0x0000000, 0,  366020716, { 0xfb4ddbf424b041b2, 0x0000000000000000 }, 0x00000000, 0xedaf04902eda030b },
    { "eor v0.16b, v1.16b, v2.16b",            0x6e221c20, 0x0000000, 0,  237738243, { 0x887b1295a3d29992, 0x28e4750522b1aaad }, 0x00000000, 0xb13eb9d7c02f6020 },
    { "bsl v0.8b, v1.8b, v2.8b",               0x2e621c20, 0x0000000, 0,    7474356, { 0xb7666cac4fe888a7, 0x0000000000000000 }, 0x00000000, 0x180000000 },
    { "bsl v0.16b, v1.16b, v2.16b",            0x6e621c20, 0x0000000, 0,   59730360, { 0x00000000000008f8, 0xa86000506f810f88 }, 0x00000000, 0x449fecee339cd6c2 },
    { "bit v0.8b, v1.8b, v2.8b",               0x2ea21c20, 0x0000000, 0, 1065661204, { 0xb301ff01807f7f7f, 0x0000000000000000 }, 0x00000000, 0x5d2beb32e46ce9ae },
    { "bit v0.16b, v1.16b, v2.16b",            0x6ea21c20, 0x0000000, 0, 1044768530, { 0x010080602c807aef, 0x040200040400014e }, 0x00000000, 0x100fffe7fff7fff },
    { "bif v0.8b, v1.8b, v2.8b",               0x2ee21c20, 0x0000000, 0,  278828834, { 0x5908050bdc05a437, 0x0000000000000000 }, 0x00000000, 0x7c8b1a23db120722 },
    { "bif v0.16b, v1.16b, v2.16b",            0x6ee21c20, 0x0000000, 0,  961877134, { 0x330fa29ab3298bf6, 0x800000000000021b }, 0x00000000, 0xff80fffe0000 },
};

static const SimdCase same3s_cases[] = {
    { "sqadd b0, b1, b2",                      0x5e220c20, 0x0000000, 0,  707446022, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x1fffe00010001 },
    { "sqadd h0, h1, h2",                      0x5e620c20, 0x0000000, 0,  648900797, { 0x000000000000ca72, 0x0000000000000000 }, 0x00000000, 0x180000000 },
    { "sqadd s0, s1, s2",                      0x5ea20c20, 0x0000000, 0,   70456436, { 0x00000000810c000f, 0x0000000000000000 }, 0x00000000, 0x403fc0feff01c03f },
    { "sqadd d0, d1, d2",                      0x5ee20c20, 0x0000000, 0,  101252160, { 0x084e41078e07068b, 0x0000000000000000 }, 0x00000000, 0x7e2b438ca9256f2b },
    { "uqadd b0, b1, b2",                      0x7e220c20, 0x0000000, 0,  500760552, { 0x0000000000000037, 0x0000000000000000 }, 0x00000000, 0xdd818fe2a749a30f },
    { "uqadd h0, h1, h2",                      0x7e620c20, 0x0000000, 0,  963865173, { 0x000000000000ffff, 0x0000000000000000 }, 0x08000000, 0x81fefec0fefe3fff },
    { "uqadd s0, s1, s2",                      0x7ea20c20, 0x0000000, 0,  362474618, { 0x00000000b1284eda, 0x0000000000000000 }, 0x00000000, 0x800000000000050e },
    { "uqadd d0, d1, d2",                      0x7ee20c20, 0x0000000, 0,   94426808, { 0x090f050c0b0e1734, 0x0000000000000000 }, 0x00000000, 0x80000000000003f6 },
    { "sqsub b0, b1, b2",                      0x5e222c20, 0x0000000, 0,  830209937, { 0x00000000000000eb, 0x0000000000000000 }, 0x00000000, 0xd8c156696e34f2c8 },
    { "sqsub h0, h1, h2",                      0x5e622c20, 0x0000000, 0,  935926697, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x80008000ffff0080 },
    { "sqsub s0, s1, s2",                      0x5ea22c20, 0x0000000, 0,  298120496, { 0x0000000080000000, 0x0000000000000000 }, 0x08000000, 0xffff8000ffff8000 },
    { "sqsub d0, d1, d2",                      0x5ee22c20, 0x0000000, 0,  905052261, { 0x244208649f2db39f, 0x0000000000000000 }, 0x00000000, 0xff017f3fc0ff807f },
    { "uqsub b0, b1, b2",                      0x7e222c20, 0x0000000, 0,  560390084, { 0x0000000000000059, 0x0000000000000000 }, 0x00000000, 0x7bd2f8e58cfe553a },
    { "uqsub h0, h1, h2",                      0x7e622c20, 0x0000000, 0,  491904005, { 0x000000000000518f, 0x0000000000000000 }, 0x00000000, 0x83bfaa7a06ebcdbb },
    { "uqsub s0, s1, s2",                      0x7ea22c20, 0x0000000, 0,  844426481, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0x80867dcd06329ff },
    { "uqsub d0, d1, d2",                      0x7ee22c20, 0x0000000, 0,  887700768, { 0x7df4f570f0f571fe, 0x0000000000000000 }, 0x00000000, 0x7ffffe007f00ff },
    { "sqshl b0, b1, b2",                      0x5e224c20, 0x0000000, 4,  118236471, { 0x0000000000000080, 0x0000000000000000 }, 0x08000000, 0x100007fffffff },
    { "sqshl h0, h1, h2",                      0x5e624c20, 0x0000000, 4,  811474096, { 0x0000000000008000, 0x0000000000000000 }, 0x08000000, 0xa0c0e0f0a0f0f03 },
    { "sqshl s0, s1, s2",                      0x5ea24c20, 0x0000000, 4,  243792894, { 0x000000007fffffff, 0x0000000000000000 }, 0x08000000, 0x80fffe0001fffe },
    { "sqshl d0, d1, d2",                      0x5ee24c20, 0x0000000, 4,  174039752, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x49a647a76e7a6203 },
    { "uqshl b0, b1, b2",                      0x7e224c20, 0x0000000, 4,  760135945, { 0x00000000000000ff, 0x0000000000000000 }, 0x08000000, 0xff80007f8000ff80 },
    { "uqshl h0, h1, h2",                      0x7e624c20, 0x0000000, 4,  255135908, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xf12d4024d1035706 },
    { "uqshl s0, s1, s2",                      0x7ea24c20, 0x0000000, 4,  837472986, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x5ff },
    { "uqshl d0, d1, d2",                      0x7ee24c20, 0x0000000, 4,  329227013, { 0x0000000057d3a765, 0x0000000000000000 }, 0x00000000, 0x864b214b017c783d },
    { "sqrshl b0, b1, b2",                     0x5e225c20, 0x0000000, 4,  865247611, { 0x000000000000007f, 0x0000000000000000 }, 0x08000000, 0xffffffff00008000 },
    { "sqrshl h0, h1, h2",                     0x5e625c20, 0x0000000, 4,  789339904, { 0x0000000000008000, 0x0000000000000000 }, 0x08000000, 0x56b3c95ec719a51c },
    { "sqrshl s0, s1, s2",                     0x5ea25c20, 0x0000000, 4,  339881317, { 0x000000007fffffff, 0x0000000000000000 }, 0x08000000, 0x94af23760de73463 },
    { "sqrshl d0, d1, d2",                     0x5ee25c20, 0x0000000, 4,  722494782, { 0x0000000006d00000, 0x0000000000000000 }, 0x00000000, 0x100800180018001 },
    { "uqrshl b0, b1, b2",                     0x7e225c20, 0x0000000, 4,  756822351, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x100007fffffff },
    { "uqrshl h0, h1, h2",                     0x7e625c20, 0x0000000, 4, 1057494263, { 0x000000000000ffff, 0x0000000000000000 }, 0x08000000, 0xd08080d0a010b03 },
    { "uqrshl s0, s1, s2",                     0x7ea25c20, 0x0000000, 4,  620767195, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x70106080b01070d },
    { "uqrshl d0, d1, d2",                     0x7ee25c20, 0x0000000, 4, 1059750800, { 0x000017ef2059d286, 0x0000000000000000 }, 0x00000000, 0xc98d8b6fddc78d4d },
    { "cmgt d0, d1, d2",                       0x5ee23420, 0x0000000, 0,  608414849, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xe4d4a4cde3fa7b7b },
    { "cmhi d0, d1, d2",                       0x7ee23420, 0x0000000, 0,  944071708, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x257db49e51560ebc },
    { "cmge d0, d1, d2",                       0x5ee23c20, 0x0000000, 0,  177371937, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x7f3 },
    { "cmhs d0, d1, d2",                       0x7ee23c20, 0x0000000, 0,  392929156, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x93ee7892bc1dc07e },
    { "cmtst d0, d1, d2",                      0x5ee28c20, 0x0000000, 0,   67118658, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x1000000000001 },
    { "cmeq d0, d1, d2",                       0x7ee28c20, 0x0000000, 0,  110754501, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x5e4ddee8f5030e29 },
    { "add d0, d1, d2",                        0x5ee28420, 0x0000000, 0,  212969263, { 0x360c02f54c8187a0, 0x0000000000000000 }, 0x00000000, 0xfffefffeff800100 },
    { "sub d0, d1, d2",                        0x7ee28420, 0x0000000, 0,  993108007, { 0xffff00fd01000001, 0x0000000000000000 }, 0x00000000, 0xad4 },
    { "sshl d0, d1, d2",                       0x5ee24420, 0x0000000, 4,  625007065, { 0xffff0001ff000002, 0x0000000000000000 }, 0x00000000, 0x40feff3f80813f7f },
    { "ushl d0, d1, d2",                       0x7ee24420, 0x0000000, 4,  614412981, { 0x40c34202c0c24100, 0x0000000000000000 }, 0x00000000, 0x10000ffff8000 },
    { "srshl d0, d1, d2",                      0x5ee25420, 0x0000000, 4,  133018649, { 0x07ffdfdfc03807e8, 0x0000000000000000 }, 0x00000000, 0xfe0101803f7f7f3f },
    { "urshl d0, d1, d2",                      0x7ee25420, 0x0000000, 4,  100760521, { 0x000024c28ce768e2, 0x0000000000000000 }, 0x00000000, 0x7fa46806fa314ad8 },
    { "sqdmulh h0, h1, h2",                    0x5e62b420, 0x0000000, 0,  138082906, { 0x000000000000f4fb, 0x0000000000000000 }, 0x00000000, 0x1cc },
    { "sqdmulh s0, s1, s2",                    0x5ea2b420, 0x0000000, 0,  830921313, { 0x00000000e95775eb, 0x0000000000000000 }, 0x00000000, 0x30b0a0408080501 },
    { "sqrdmulh h0, h1, h2",                   0x7e62b420, 0x0000000, 0,  819261171, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xc0fe408180ff8081 },
    { "sqrdmulh s0, s1, s2",                   0x7ea2b420, 0x0000000, 0,  226172473, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xe73 },
};

static const SimdCase diff3_cases[] = {
    { "saddl v0.8h, v1.8b, v2.8b",             0x0e220020, 0x0000000, 0,  122345177, { 0xffcaff920077fff5, 0x00150078ffc8ffe2 }, 0x00000000, 0xf6e0187207c557a2 },
    { "saddl2 v0.4s, v1.8h, v2.8h",            0x4e620020, 0x0000000, 0,  136733370, { 0x000029aa000032ea, 0xffffc40300001cc3 }, 0x00000000, 0xff7fff0100ff80 },
    { "saddl v0.2d, v1.2s, v2.2s",             0x0ea20020, 0x0000000, 0,  577473063, { 0x0000000036854bc6, 0xffffffffbcf398d4 }, 0x00000000, 0xffff8000ffffffff },
    { "uaddl v0.8h, v1.8b, v2.8b",             0x2e220020, 0x0000000, 0,   64300426, { 0x0035002000b90083, 0x007000c200ac0070 }, 0x00000000, 0x271b8b7e37372143 },
    { "uaddl2 v0.4s, v1.8h, v2.8h",            0x6e620020, 0x0000000, 0,  914331469, { 0x0001c06e00015c4b, 0x0000c83a0000cba5 }, 0x00000000, 0x1fe3f3f7f00ff01 },
    { "uaddl v0.2d, v1.2s, v2.2s",             0x2ea20020, 0x0000000, 0,  457030215, { 0x000000008bbffa83, 0x0000000081c4512c }, 0x00000000, 0x92323f2cbaaf66f },
    { "ssubl v0.8h, v1.8b, v2.8b",             0x0e222020, 0x0000000, 0,  593972238, { 0x00000000fff8ffe7, 0xff80000000000000 }, 0x00000000, 0xdd9 },
    { "ssubl2 v0.4s, v1.8h, v2.8h",            0x4e622020, 0x0000000, 0,  618213320, { 0xffffeb680000d295, 0x00007ce400002e36 }, 0x00000000, 0xba5b9e49b5c21852 },
    { "ssubl v0.2d, v1.2s, v2.2s",             0x0ea22020, 0x0000000, 0,  618049517, { 0x0000000000008001, 0xffffffff7f010000 }, 0x00000000, 0xb598eb5ad415c3b7 },
    { "usubl v0.8h, v1.8b, v2.8b",             0x2e222020, 0x0000000, 0,  679980966, { 0xffb8001800f40079, 0x004fffb60047ff31 }, 0x00000000, 0x1000000000001 },
    { "usubl2 v0.4s, v1.8h, v2.8h",            0x6e622020, 0x0000000, 0, 1013750979, { 0x000000000000034a, 0x0000800000000000 }, 0x00000000, 0xff5ee22e2eccf119 },
    { "usubl v0.2d, v1.2s, v2.2s",             0x2ea22020, 0x0000000, 0,  657226248, { 0xfffffffff8c352eb, 0x0000000010d42652 }, 0x00000000, 0xc0a0d080c040e09 },
    { "sabal v0.8h, v1.8b, v2.8b",             0x0e225020, 0x0000000, 0,  283392226, { 0x003f005d00250076, 0x3797b17d72339f34 }, 0x00000000, 0x800000ff00010001 },
    { "sabal2 v0.4s, v1.8h, v2.8h",            0x4e625020, 0x0000000, 0,  683279520, { 0x00ff8308ff81057f, 0x2eae0bc9487108cd }, 0x00000000, 0xa0a06050407010b },
    { "sabal v0.2d, v1.2s, v2.2s",             0x0ea25020, 0x0000000, 0,  209312414, { 0xa6b32264b474a700, 0x0d000109860d0784 }, 0x00000000, 0xbb5016ba7b609338 },
    { "uabal v0.8h, v1.8b, v2.8b",             0x2e225020, 0x0000000, 0,  825395665, { 0x00480067003380d9, 0xfffd1c59182750c1 }, 0x00000000, 0x6e9f8f4c2691af1 },
    { "uabal2 v0.4s, v1.8h, v2.8h",            0x6e625020, 0x0000000, 0,  522063335, { 0xca32d4fdae5b53bb, 0x46b9f500747c35ae }, 0x00000000, 0x1000100ffff8001 },
    { "uabal v0.2d, v1.2s, v2.2s",             0x2ea25020, 0x0000000, 0,  158799167, { 0x2c48a64873649415, 0x0100ff80248b501f }, 0x00000000, 0xc020f0905060e0b },
    { "sabdl v0.8h, v1.8b, v2.8b",             0x0e227020, 0x0000000, 0,  260444650, { 0x0087001300510027, 0x004400bc007f0034 }, 0x00000000, 0x92e469feca2e8798 },
    { "sabdl2 v0.4s, v1.8h, v2.8h",            0x4e627020, 0x0000000, 0,  433902485, { 0x0000000100000aa2, 0x000080ff00000001 }, 0x00000000, 0x3dd6affbf8b7a2c7 },
    { "sabdl v0.2d, v1.2s, v2.2s",             0x0ea27020, 0x0000000, 0,  776103540, { 0x00000000499c9afa, 0x000000007e2ee0a7 }, 0x00000000, 0xb16a5091dc7bb2a2 },
    { "uabdl v0.8h, v1.8b, v2.8b",             0x2e227020, 0x0000000, 0,  343333555, { 0x004100f1007c002c, 0x00dd0001006900fc }, 0x00000000, 0x63dc0ff7e3385ceb },
    { "uabdl2 v0.4s, v1.8h, v2.8h",            0x6e627020, 0x0000000, 0,  181367144, { 0x0000169500006cc7, 0x0000449500002a31 }, 0x00000000, 0x109090505000f03 },
    { "uabdl v0.2d, v1.2s, v2.2s",             0x2ea27020, 0x0000000, 0,  647393782, { 0x000000002181b795, 0x00000000ab25eaa0 }, 0x00000000, 0x100000001 },
    { "smlal v0.8h, v1.8b, v2.8b",             0x0e228020, 0x0000000, 0,  294755919, { 0xffa1805380dc8145, 0xb4dfbc49638b20e6 }, 0x00000000, 0xbef },
    { "smlal2 v0.4s, v1.8h, v2.8h",            0x4e628020, 0x0000000, 0,  639925738, { 0xc599f0857c8392cd, 0x2643000180408180 }, 0x00000000, 0xf77561eb61f4ac72 },
    { "smlal v0.2d, v1.2s, v2.2s",             0x0ea28020, 0x0000000, 0,  765428494, { 0xe678d109bccf5a59, 0x300e677732bbfa97 }, 0x00000000, 0x2020c0e0800010d },
    { "umlal v0.8h, v1.8b, v2.8b",             0x2e228020, 0x0000000, 0,  363373471, { 0x4f7d3f53329110fd, 0xfb00000000000031 }, 0x00000000, 0x1018040813f8180 },
    { "umlal2 v0.4s, v1.8h, v2.8h",            0x6e628020, 0x0000000, 0,   41403348, { 0x014081404554bfff, 0x003aefd5000002d1 }, 0x00000000, 0xcea2ff4919602cea },
    { "umlal v0.2d, v1.2s, v2.2s",             0x2ea28020, 0x0000000, 0,   98733282, { 0x000000b26b70bff3, 0xbbc741467ffe0001 }, 0x00000000, 0xc3dfd2f7da60eac6 },
    { "smlsl v0.8h, v1.8b, v2.8b",             0x0e22a020, 0x0000000, 0,   72415896, { 0x1619fa50e66a69bc, 0xe1dfeaefd48b91d0 }, 0x00000000, 0x100ffff00ff0080 },
    { "smlsl2 v0.4s, v1.8h, v2.8h",            0x4e62a020, 0x0000000, 0,  642831289, { 0xf543fa9808efb929, 0x391d3e5a0121d8c5 }, 0x00000000, 0xc36341d02547bbe9 },
    { "smlsl v0.2d, v1.2s, v2.2s",             0x0ea2a020, 0x0000000, 0, 1050174327, { 0x050505090a000d0d, 0x0000baf2b14db19a }, 0x00000000, 0x7fffff8080010000 },
    { "umlsl v0.8h, v1.8b, v2.8b",             0x2e22a020, 0x0000000, 0,  805463433, { 0xa0c08080c0408ae6, 0x00000000000007db }, 0x00000000, 0x8040e08030c0404 },
    { "umlsl2 v0.4s, v1.8h, v2.8h",            0x6e62a020, 0x0000000, 0, 1005142636, { 0x00008000ffdbaf48, 0xfefac080fe3ffe81 }, 0x00000000, 0x908000901020c0d },
    { "umlsl v0.2d, v1.2s, v2.2s",             0x2ea2a020, 0x0000000, 0,  220225223, { 0xfafa130f19128482, 0xfbf5f80201050d03 }, 0x00000000, 0x80018000fffe0080 },
    { "smull v0.8h, v1.8b, v2.8b",             0x0e22c020, 0x0000000, 0,    3949541, { 0xffa9f300e5ab0f80, 0x13c0f780ffff00ea }, 0x00000000, 0xffffff8080000080 },
    { "smull2 v0.4s, v1.8h, v2.8h",            0x4e62c020, 0x0000000, 0,   96884746, { 0xffffff0000010000, 0x0000800000000000 }, 0x00000000, 0x4a22c13719dfb208 },
    { "smull v0.2d, v1.2s, v2.2s",             0x0ea2c020, 0x0000000, 0,  436929691, { 0x0069d73207850000, 0x00000000510ae60c }, 0x00000000, 0x8000000000000bfe },
    { "umull v0.8h, v1.8b, v2.8b",             0x2e22c020, 0x0000000, 0,   97167468, { 0x0000000000f53e58, 0x1d80000000000000 }, 0x00000000, 0x90a040e04030f0f },
    { "umull2 v0.4s, v1.8h, v2.8h",            0x6e62c020, 0x0000000, 0,  977047784, { 0x0c0ae7ea000306f6, 0x0d0df2f204860000 }, 0x00000000, 0x504080709050206 },
    { "umull v0.2d, v1.2s, v2.2s",             0x2ea2c020, 0x0000000, 0,  928356767, { 0x00177e2805a4e790, 0x0364a6f04b2eab5e }, 0x00000000, 0x80000000000002ac },
    { "saddw v0.8h, v1.8h, v2.8b",             0x0e221020, 0x0000000, 0,   60633809, { 0x80348156004a020e, 0x369110751080131c }, 0x00000000, 0x5701250c37677826 },
    { "saddw2 v0.2d, v1.2d, v2.4s",            0x4ea21020, 0x0000000, 0,  835285270, { 0xffffffffa0e512fc, 0x0e9dab31eab93d07 }, 0x00000000, 0x90d0e0406020507 },
    { "uaddw v0.8h, v1.8h, v2.8b",             0x2e221020, 0x0000000, 0,  527813714, { 0x0080010000fd00fc, 0x0fb2d2b9fd871f4d }, 0x00000000, 0xc0ff81c0fefeff7f },
    { "uaddw2 v0.2d, v1.2d, v2.4s",            0x6ea21020, 0x0000000, 0,  281296226, { 0xffff8000c665bf7f, 0x01ff0140b541d17f }, 0x00000000, 0x80000000ffff8000 },
    { "ssubw v0.8h, v1.8h, v2.8b",             0x0e223020, 0x0000000, 0, 1033764564, { 0xfff6ffcd00e17fef, 0x0714625b277ed944 }, 0x00000000, 0xf0a0a060c0c0a0f },
    { "ssubw2 v0.2d, v1.2d, v2.4s",            0x4ea23020, 0x0000000, 0,   83984482, { 0x2af21bc52e122453, 0xa68c2cf5deced446 }, 0x00000000, 0xf9882f0b63d4dde7 },
    { "usubw v0.8h, v1.8h, v2.8b",             0x2e223020, 0x0000000, 0,  851060411, { 0x930377fc3b642e13, 0x037603f8099c0c6b }, 0x00000000, 0xfe00c081818181c0 },
    { "usubw2 v0.2d, v1.2d, v2.4s",            0x6ea23020, 0x0000000, 0,  793130640, { 0x0d8d3cada5d92e8a, 0x0509070c8c060109 }, 0x00000000, 0x3da7ffdf2c707963 },
    { "addhn v0.8b, v1.8h, v2.8h",             0x0e224020, 0x0000000, 0,  688187369, { 0x01ffc085a4e4a414, 0x0000000000000000 }, 0x00000000, 0xfe807f8081813ffe },
    { "addhn2 v0.8h, v1.4s, v2.4s",            0x4e624020, 0x0000000, 0,  556160538, { 0x80000000000009db, 0xb41b05e0090f0506 }, 0x00000000, 0x1007f80000080 },
    { "addhn v0.2s, v1.2d, v2.2d",             0x0ea24020, 0x0000000, 0,  419018354, { 0x68704d2bf5409b8d, 0x0000000000000000 }, 0x00000000, 0x28f0d63b758d244f },
    { "raddhn v0.8b, v1.8h, v2.8h",            0x2e224020, 0x0000000, 0,  785689454, { 0x058c4ccb4a2a3c79, 0x0000000000000000 }, 0x00000000, 0xb6a },
    { "raddhn2 v0.8h, v1.4s, v2.4s",           0x6e624020, 0x0000000, 0,  205935583, { 0x3eaab2b343c2b786, 0xbecc195e860e010a }, 0x00000000, 0x403f807f81807f3f },
    { "raddhn v0.2s, v1.2d, v2.2d",            0x2ea24020, 0x0000000, 0,  360698715, { 0xf0fa771b24c6beee, 0x0000000000000000 }, 0x00000000, 0x80013f3f7f0181c0 },
    { "subhn v0.8b, v1.8h, v2.8h",             0x0e226020, 0x0000000, 0,  209977740, { 0xf4fbf9ffe3ac06fa, 0x0000000000000000 }, 0x00000000, 0xac1e3832e6c90dd3 },
    { "subhn2 v0.8h, v1.4s, v2.4s",            0x4e626020, 0x0000000, 0,  759618003, { 0xaa9328ba75950a3f, 0x007fc0013f4180fe }, 0x00000000, 0xddfadd6774e99c55 },
    { "subhn v0.2s, v1.2d, v2.2d",             0x0ea26020, 0x0000000, 0,  792505584, { 0x00807f01f416120a, 0x0000000000000000 }, 0x00000000, 0x17fffffff },
    { "rsubhn v0.8b, v1.8h, v2.8h",            0x2e226020, 0x0000000, 0,   45185077, { 0xe95abc87fe020301, 0x0000000000000000 }, 0x00000000, 0x8000000000000c9d },
    { "rsubhn2 v0.8h, v1.4s, v2.4s",           0x6e626020, 0x0000000, 0,  359223792, { 0xa8bdfa09eee58f24, 0x8b9a17a300000000 }, 0x00000000, 0x100007f0100fffe },
    { "rsubhn v0.2s, v1.2d, v2.2d",            0x2ea26020, 0x0000000, 0,  524240758, { 0xa49a140dba3d4390, 0x0000000000000000 }, 0x00000000, 0xc0c00081fe40017f },
    { "sqdmlal v0.4s, v1.4h, v2.4h",           0x0e629020, 0x0000000, 0,  609575535, { 0xcbfa6cf81ba1e58a, 0x000077ff0079deb4 }, 0x00000000, 0x800080000000ffff },
    { "sqdmlal2 v0.2d, v1.4s, v2.4s",          0x4ea29020, 0x0000000, 0,  831765535, { 0x7fffffffffffffff, 0x081b0c86850a3683 }, 0x08000000, 0x2a },
    { "sqdmlal s0, h1, h2",                    0x5e629020, 0x0000000, 0,  644127070, { 0x000000000102187d, 0x0000000000000000 }, 0x00000000, 0x7fff00fffffe0100 },
    { "sqdmlal d0, s1, s2",                    0x5ea29020, 0x0000000, 0,  126159856, { 0x031c84e0fc31e401, 0x0000000000000000 }, 0x00000000, 0xc664cb98039ca7f5 },
    { "sqdmlsl v0.4s, v1.4h, v2.4h",           0x0e62b020, 0x0000000, 0,   32142717, { 0x89c0674a64baee2b, 0xd5d1d8813df71927 }, 0x00000000, 0x90e050005000100 },
    { "sqdmlsl2 v0.2d, v1.4s, v2.4s",          0x4ea2b020, 0x0000000, 0,  420686200, { 0x215f3b5d6148c42f, 0x4af238a830131ec4 }, 0x00000000, 0xd02070709030d04 },
    { "sqdmlsl s0, h1, h2",                    0x5e62b020, 0x0000000, 0,  186821380, { 0x00000000f6ffcd99, 0x0000000000000000 }, 0x00000000, 0x184 },
    { "sqdmlsl d0, s1, s2",                    0x5ea2b020, 0x0000000, 0,  510214454, { 0x0b77f658a24682d6, 0x0000000000000000 }, 0x00000000, 0xf4d6d745b18677a5 },
    { "sqdmull v0.4s, v1.4h, v2.4h",           0x0e62d020, 0x0000000, 0,   63133133, { 0x00000000fd3f4050, 0xc173000000000000 }, 0x00000000, 0xba415982acb93fc8 },
    { "sqdmull2 v0.2d, v1.4s, v2.4s",          0x4ea2d020, 0x0000000, 0,  955041704, { 0xff96c0d96216b2ce, 0xff9601bd44f33340 }, 0x00000000, 0x810b49e00531d504 },
    { "sqdmull s0, h1, h2",                    0x5e62d020, 0x0000000, 0,  789638397, { 0x0000000001153914, 0x0000000000000000 }, 0x00000000, 0x34106f722df71bf5 },
    { "sqdmull d0, s1, s2",                    0x5ea2d020, 0x0000000, 0,  354354524, { 0x000016f7bea10000, 0x0000000000000000 }, 0x00000000, 0x8000fffffe },
    { "pmull v0.8h, v1.8b, v2.8b",             0x0e22e020, 0x0000000, 0,  677724037, { 0x0000000002df7d00, 0x0380000000000000 }, 0x00000000, 0xd0d0c030b0e0f09 },
    { "pmull2 v0.8h, v1.16b, v2.16b",          0x4e22e020, 0x0000000, 0,  427993886, { 0x000002fa00000000, 0x0600000406f900ff }, 0x00000000, 0xba4725b9d392d086 },
};

static const SimdCase misc_cases[] = {
    { "rev64 v0.16b, v1.16b",                  0x4e200820, 0x0000000, 0,  350139035, { 0x128dc601ad5149c6, 0x00000000ffffff7f }, 0x00000000, 0x1000080000000 },
    { "rev64 v0.4h, v1.4h",                    0x0e600820, 0x0000000, 0,  845935790, { 0x8521a9c70f1100e4, 0x0000000000000000 }, 0x00000000, 0xa68 },
    { "rev64 v0.2s, v1.2s",                    0x0ea00820, 0x0000000, 0,  522500150, { 0xbe05c98d2f9ac578, 0x0000000000000000 }, 0x00000000, 0xa94190dba35a3c2c },
    { "rev32 v0.8b, v1.8b",                    0x2e200820, 0x0000000, 0,  199078987, { 0x05fbd568302281cc, 0x0000000000000000 }, 0x00000000, 0xec4f7a8fbe762ead },
    { "rev32 v0.8h, v1.8h",                    0x6e600820, 0x0000000, 0, 1005972340, { 0x9d81876b00b59a82, 0x000001008001007f }, 0x00000000, 0x7f00ffff808000 },
    { "rev16 v0.16b, v1.16b",                  0x4e201820, 0x0000000, 0,  136841479, { 0x00ff00013f80c080, 0x0080000000000080 }, 0x00000000, 0x50e05030f000605 },
    { "saddlp v0.4h, v1.8b",                   0x0e202820, 0x0000000, 0,  617002126, { 0x0008000b0012000b, 0x0000000000000000 }, 0x00000000, 0x903050d050d0106 },
    { "saddlp v0.4s, v1.8h",                   0x4e602820, 0x0000000, 0,  475101093, { 0x0000000000000289, 0xffff9e17ffffea89 }, 0x00000000, 0x1000100800001 },
    { "saddlp v0.1d, v1.2s",                   0x0ea02820, 0x0000000, 0,  408311566, { 0xffffffff41be81c1, 0x0000000000000000 }, 0x00000000, 0xc0c03f803f017f01 },
    { "uaddlp v0.4h, v1.8b",                   0x2e202820, 0x0000000, 0,  860289142, { 0x0100018000810081, 0x0000000000000000 }, 0x00000000, 0x1000101000000 },
    { "uaddlp v0.4s, v1.8h",                   0x6e602820, 0x0000000, 0,  713457319, { 0x000080ff00000001, 0x0001855300010894 }, 0x00000000, 0x9fb0868f53932e89 },
    { "uaddlp v0.1d, v1.2s",                   0x2ea02820, 0x0000000, 0,   78198260, { 0x0000000000000454, 0x0000000000000000 }, 0x00000000, 0xffff800000000000 },
    { "sadalp v0.4h, v1.8b",                   0x0e206820, 0x0000000, 0,  544537932, { 0x801400180014000a, 0x0000000000000000 }, 0x00000000, 0x7fff8000007f },
    { "sadalp v0.4s, v1.8h",                   0x4e606820, 0x0000000, 0, 1053198634, { 0x28004384a2ee94eb, 0x0001fffe00000bba }, 0x00000000, 0x6067b2110dbf6759 },
    { "sadalp v0.1d, v1.2s",                   0x0ea06820, 0x0000000, 0,  598858280, { 0xe579d32b96b52c17, 0x0000000000000000 }, 0x00000000, 0x8000000000000b2d },
    { "uadalp v0.4h, v1.8b",                   0x2e206820, 0x0000000, 0,  498764217, { 0x02a6407c3f204105, 0x0000000000000000 }, 0x00000000, 0x7f00000001 },
    { "uadalp v0.4s, v1.8h",                   0x6e606820, 0x0000000, 0,  808200814, { 0x7fffc0020141007f, 0x8001ff35ff813d3a }, 0x00000000, 0x800000000000065c },
    { "uadalp v0.1d, v1.2s",                   0x2ea06820, 0x0000000, 0,  401845907, { 0x0fb7ba89e16580b2, 0x0000000000000000 }, 0x00000000, 0xb61023b8d9dfa64 },
    { "suqadd v0.16b, v1.16b",                 0x4e203820, 0x0000000, 0,  474536306, { 0x3a6d1a734f0a7f4e, 0x7f7f7f7f107f1c7f }, 0x08000000, 0x8000000000000e9f },
    { "suqadd v0.4h, v1.4h",                   0x0e603820, 0x0000000, 0,  683183105, { 0x800000007fff024d, 0x0000000000000000 }, 0x08000000, 0xd9ba953fda886dad },
    { "suqadd v0.2d, v1.2d",                   0x4ee03820, 0x0000000, 0,  720462988, { 0x7fe98bd88d00b890, 0x51b7eae0dd35a678 }, 0x00000000, 0x8000000000000711 },
    { "usqadd v0.16b, v1.16b",                 0x6e203820, 0x0000000, 0,  914659243, { 0x4200718500c8be51, 0x00000000000001ff }, 0x08000000, 0x1080c0f07040205 },
    { "usqadd v0.4h, v1.4h",                   0x2e603820, 0x0000000, 0,   84382786, { 0xffffffff844fffff, 0x0000000000000000 }, 0x08000000, 0xff007f7fff00ff },
    { "usqadd v0.2d, v1.2d",                   0x6ee03820, 0x0000000, 0,  115279406, { 0x8b0993dbe9efe396, 0x0000000000000000 }, 0x08000000, 0x1000001ff800001 },
    { "sqabs v0.16b, v1.16b",                  0x4e207820, 0x0000000, 0,  299787274, { 0x255329737827476e, 0x01007f017f010001 }, 0x08000000, 0x7a2a9c0918937130 },
    { "sqabs v0.4h, v1.4h",                    0x0e607820, 0x0000000, 0,  186732209, { 0x7ae707307d5a777e, 0x0000000000000000 }, 0x00000000, 0xff01ff7f7f00fffe },
    { "sqabs v0.2d, v1.2d",                    0x4ee07820, 0x0000000, 0,   14260999, { 0x7ec0ff0100bfbfc1, 0x05090a000a0a0a09 }, 0x00000000, 0x97a1ab8d82a3c13c },
    { "sqneg v0.16b, v1.16b",                  0x6e207820, 0x0000000, 0,  719487863, { 0x000000000000ff47, 0x0202407fc1408100 }, 0x08000000, 0x100008101813f80 },
    { "sqneg v0.4h, v1.4h",                    0x2e607820, 0x0000000, 0,  597676388, { 0xb4424eb5fdac6421, 0x0000000000000000 }, 0x00000000, 0x58d4ca565b509ae6 },
    { "sqneg v0.2d, v1.2d",                    0x6ee07820, 0x0000000, 0,  400163951, { 0x7ffffffffffffee7, 0xd98be628111f2ae1 }, 0x00000000, 0x60c9ac7711f45a10 },
    { "cls v0.8b, v1.8b",                      0x0e204820, 0x0000000, 0,  932554597, { 0x0107070706000007, 0x0000000000000000 }, 0x00000000, 0x10000 },
    { "cls v0.8h, v1.8h",                      0x4e604820, 0x0000000, 0,   55359648, { 0x0000000300000001, 0x000700060007000f }, 0x00000000, 0xa1996831d726d83c },
    { "cls v0.4s, v1.4s",                      0x4ea04820, 0x0000000, 0,   97470256, { 0x0000000100000007, 0x0000000600000003 }, 0x00000000, 0x7ffffffe007f8001 },
    { "clz v0.8b, v1.8b",                      0x2e204820, 0x0000000, 0,  273554779, { 0x0800070100000107, 0x0000000000000000 }, 0x00000000, 0xabe94910ac43078c },
    { "clz v0.8h, v1.8h",                      0x6e604820, 0x0000000, 0,  742967927, { 0x0002000300020001, 0x0000000200020000 }, 0x00000000, 0x347c00e7cc331140 },
    { "clz v0.4s, v1.4s",                      0x6ea04820, 0x0000000, 0,  376499405, { 0x0000000000000016, 0x0000000000000000 }, 0x00000000, 0x8000000080000000 },
    { "cnt v0.8b, v1.8b",                      0x0e205820, 0x0000000, 0,  444956636, { 0x0306050204050104, 0x0000000000000000 }, 0x00000000, 0xb0c09060309030f },
    { "cnt v0.16b, v1.16b",                    0x4e205820, 0x0000000, 0,  510601946, { 0x0701020102000107, 0x0604030207020404 }, 0x00000000, 0x8000000000008000 },
    { "not v0.8b, v1.8b",                      0x2e205820, 0x0000000, 0,  389381863, { 0xffffffff00007fff, 0x0000000000000000 }, 0x00000000, 0xa01040a0d080606 },
    { "not v0.16b, v1.16b",                    0x6e205820, 0x0000000, 0,  396433588, { 0x00000000fffeffff, 0x00007fff00007fff }, 0x00000000, 0xe68552bf6913cdfa },
    { "rbit v0.8b, v1.8b",                     0x2e605820, 0x0000000, 0,  476377848, { 0xc75df631bb5cacdd, 0x0000000000000000 }, 0x00000000, 0x46454039612ff5b2 },
    { "rbit v0.16b, v1.16b",                   0x6e605820, 0x0000000, 0,  872500047, { 0x037ffe01038100fe, 0xa116deaf43f9f81c }, 0x00000000, 0x800000000000032c },
    { "cmgt v0.8b, v1.8b, #0",                 0x0e208820, 0x0000000, 0,  232032044, { 0x00ff0000ffff00ff, 0x0000000000000000 }, 0x00000000, 0x53cd1626330856bc },
    { "cmgt v0.8h, v1.8h, #0",                 0x4e608820, 0x0000000, 0,  636566235, { 0x00000000ffffffff, 0x0000ffff00000000 }, 0x00000000, 0xd5b61ee2d2d17b9d },
    { "cmgt v0.2d, v1.2d, #0",                 0x4ee08820, 0x0000000, 0,   83993440, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x4e272d8999f2762e },
    { "cmeq v0.8b, v1.8b, #0",                 0x0e209820, 0x0000000, 0,  855453026, { 0x000000000000ff00, 0x0000000000000000 }, 0x00000000, 0x50e0d0c000d030c },
    { "cmeq v0.8h, v1.8h, #0",                 0x4e609820, 0x0000000, 0,  209200274, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x8000000000000a91 },
    { "cmeq v0.2d, v1.2d, #0",                 0x4ee09820, 0x0000000, 0,  530589274, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x80ffffff80fffe },
    { "cmlt v0.8b, v1.8b, #0",                 0x0e20a820, 0x0000000, 0, 1029840260, { 0xffffff0000000000, 0x0000000000000000 }, 0x00000000, 0xff808000ff800080 },
    { "cmlt v0.8h, v1.8h, #0",                 0x4e60a820, 0x0000000, 0,  154978737, { 0x0000ffffffff0000, 0x0000000000000000 }, 0x00000000, 0xff80000000ff8001 },
    { "cmlt v0.2d, v1.2d, #0",                 0x4ee0a820, 0x0000000, 0,  444832970, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xfb507451402361a3 },
    { "cmge v0.8b, v1.8b, #0",                 0x2e208820, 0x0000000, 0,  992692747, { 0xffffffff00ffffff, 0x0000000000000000 }, 0x00000000, 0x33efc7b358bd89a5 },
    { "cmge v0.8h, v1.8h, #0",                 0x6e608820, 0x0000000, 0,   76150859, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0x8000000000000bab },
    { "cmge v0.2d, v1.2d, #0",                 0x6ee08820, 0x0000000, 0,  159016506, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000000, 0xfe9dafe935b5dda2 },
    { "cmle v0.8b, v1.8b, #0",                 0x2e209820, 0x0000000, 0,  937747071, { 0x00ffff0000ffff00, 0x0000000000000000 }, 0x00000000, 0x3fd6388ac4cdbdf6 },
    { "cmle v0.8h, v1.8h, #0",                 0x6e609820, 0x0000000, 0,  708706264, { 0xffff0000ffff0000, 0xffff000000000000 }, 0x00000000, 0x3974c5d38e608bac },
    { "cmle v0.2d, v1.2d, #0",                 0x6ee09820, 0x0000000, 0,  290033225, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x178d97c620f49ba6 },
    { "abs v0.16b, v1.16b",                    0x4e20b820, 0x0000000, 0,  869374943, { 0x010001027f010080, 0x060903080406040a }, 0x00000000, 0xa0a0c0608060206 },
    { "abs v0.4h, v1.4h",                      0x0e60b820, 0x0000000, 0,  702633914, { 0x5a1849ce0bc8710a, 0x0000000000000000 }, 0x00000000, 0x20a178dd4e55bfed },
    { "abs v0.2s, v1.2s",                      0x0ea0b820, 0x0000000, 0,  897891861, { 0x533434bf3611adf2, 0x0000000000000000 }, 0x00000000, 0x24ef43669f923573 },
    { "abs v0.2d, v1.2d",                      0x4ee0b820, 0x0000000, 0,  578267249, { 0x000100ff0001007f, 0x7fffffffffff8000 }, 0x00000000, 0x7b16af3ca49c8c27 },
    { "neg v0.16b, v1.16b",                    0x6e20b820, 0x0000000, 0,  806500810, { 0x5fc430ae660fe224, 0x800000000000fa47 }, 0x00000000, 0xff007f01000000 },
    { "neg v0.4h, v1.4h",                      0x2e60b820, 0x0000000, 0,   17261838, { 0xfc00fdf9fffcf8f5, 0x0000000000000000 }, 0x00000000, 0x7d87973e5827c707 },
    { "neg v0.2s, v1.2s",                      0x2ea0b820, 0x0000000, 0,  425186967, { 0xf0fbf5fef2f5fff8, 0x0000000000000000 }, 0x00000000, 0x100000001 },
    { "neg v0.2d, v1.2d",                      0x6ee0b820, 0x0000000, 0,  901707856, { 0x7fffffffffffffff, 0xf3f0f3f0fefcf3fd }, 0x00000000, 0x7fffffff },
    { "xtn v0.8b, v1.8h",                      0x0e212820, 0x0000000, 0,   52028624, { 0x000081400f06050a, 0x0000000000000000 }, 0x00000000, 0x2eeb26cae5461134 },
    { "xtn2 v0.16b, v1.8h",                    0x4e212820, 0x0000000, 0,   23425124, { 0x01040c0a0d0d0f05, 0xff00ffffffffffff }, 0x00000000, 0x99d8046b9f978635 },
    { "xtn v0.2s, v1.2d",                      0x0ea12820, 0x0000000, 0, 1005031580, { 0x050703000c37e91c, 0x0000000000000000 }, 0x00000000, 0xa28 },
    { "xtn2 v0.8h, v1.4s",                     0x4e612820, 0x0000000, 0,  952477771, { 0x170d65f24a9a31a3, 0xfafcc808882553f2 }, 0x00000000, 0x73803694c02f8a24 },
    { "sqxtn v0.8b, v1.8h",                    0x0e214820, 0x0000000, 0,  596851862, { 0x7f7f7f0d7f7f7f80, 0x0000000000000000 }, 0x08000000, 0x7f8140fe80c0fe81 },
    { "sqxtn2 v0.16b, v1.8h",                  0x4e214820, 0x0000000, 0,  961149378, { 0x0000800080000000, 0x7f80807f7f807f80 }, 0x08000000, 0xe8ebb57585407b36 },
    { "sqxtn v0.2s, v1.2d",                    0x0ea14820, 0x0000000, 0,  877457551, { 0x7fffffff80000000, 0x0000000000000000 }, 0x08000000, 0x4c4d3a98f4142b8e },
    { "sqxtn2 v0.8h, v1.4s",                   0x4e614820, 0x0000000, 0,   25257556, { 0x7fffffff00010000, 0x800080007fff7fff }, 0x08000000, 0xcddaccc624818933 },
    { "uqxtn v0.8b, v1.8h",                    0x2e214820, 0x0000000, 0, 1056497232, { 0xffffffff00ff0100, 0x0000000000000000 }, 0x08000000, 0x8000 },
    { "uqxtn2 v0.16b, v1.8h",                  0x6e214820, 0x0000000, 0,  458818212, { 0x1516d11bed713719, 0xff00ffffffffffff }, 0x08000000, 0x10000018000007f },
    { "uqxtn v0.2s, v1.2d",                    0x2ea14820, 0x0000000, 0,  755433612, { 0xffffffffffffffff, 0x0000000000000000 }, 0x08000000, 0x80000000000006d9 },
    { "uqxtn2 v0.8h, v1.4s",                   0x6e614820, 0x0000000, 0,  855976858, { 0x03000b0c0b0f0e06, 0xffffffffffffffff }, 0x08000000, 0x80000000 },
    { "sqxtun v0.8b, v1.8h",                   0x2e212820, 0x0000000, 0,  536632555, { 0xffffffff00ffffff, 0x0000000000000000 }, 0x08000000, 0x228 },
    { "sqxtun2 v0.16b, v1.8h",                 0x6e212820, 0x0000000, 0,  948212991, { 0x0040ffff3f004081, 0x01000001ff00ffff }, 0x08000000, 0x8000000000000209 },
    { "sqxtun v0.2s, v1.2d",                   0x2ea12820, 0x0000000, 0,   13995662, { 0xffffffffffffffff, 0x0000000000000000 }, 0x08000000, 0x80007fffffff },
    { "sqxtun2 v0.8h, v1.4s",                  0x6e612820, 0x0000000, 0,  113124609, { 0x7fffffffffff8000, 0xffffffffffffffff }, 0x08000000, 0x800000010000 },
    { "shll v0.8h, v1.8b, #8",                 0x2e213820, 0x0000000, 0,  597833508, { 0x3f007f0040003f00, 0xff00ff00ff008100 }, 0x00000000, 0x403ffefe3fff8181 },
    { "shll2 v0.4s, v1.8h, #16",               0x6e613820, 0x0000000, 0,  235558035, { 0x000000000bc20000, 0x8000000000000000 }, 0x00000000, 0x7f80000001ffff },
    { "shll v0.2d, v1.2s, #32",                0x2ea13820, 0x0000000, 0, 1025101164, { 0xb28fd46200000000, 0xf9f8b39200000000 }, 0x00000000, 0x80000000000009b4 },
};

static const SimdCase miscs_cases[] = {
    { "suqadd b0, b1",                         0x5e203820, 0x0000000, 0,  246427151, { 0x000000000000007f, 0x0000000000000000 }, 0x00000000, 0xa40db47f0129f54e },
    { "suqadd h0, h1",                         0x5e603820, 0x0000000, 0,  730540837, { 0x0000000000007fff, 0x0000000000000000 }, 0x08000000, 0x46fa0297a87c83d4 },
    { "suqadd s0, s1",                         0x5ea03820, 0x0000000, 0,  373666368, { 0x0000000080fe408c, 0x0000000000000000 }, 0x00000000, 0x8001010000000001 },
    { "suqadd d0, d1",                         0x5ee03820, 0x0000000, 0,   61260670, { 0x3292215a2f36f3f0, 0x0000000000000000 }, 0x00000000, 0x3040b040d0b0407 },
    { "usqadd b0, b1",                         0x7e203820, 0x0000000, 0,  454665053, { 0x000000000000003f, 0x0000000000000000 }, 0x00000000, 0x1f469a9034e85397 },
    { "usqadd h0, h1",                         0x7e603820, 0x0000000, 0,   60454634, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0x40feff800140fec0 },
    { "usqadd s0, s1",                         0x7ea03820, 0x0000000, 0,  450766865, { 0x00000000356094a6, 0x0000000000000000 }, 0x00000000, 0xb067f4543f4c686b },
    { "usqadd d0, d1",                         0x7ee03820, 0x0000000, 0,   84199672, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0xccc },
    { "sqabs b0, b1",                          0x5e207820, 0x0000000, 0,  624186500, { 0x000000000000007f, 0x0000000000000000 }, 0x00000000, 0x100010000 },
    { "sqabs h0, h1",                          0x5e607820, 0x0000000, 0,   94133135, { 0x00000000000002b1, 0x0000000000000000 }, 0x00000000, 0x8000fe813f017f7f },
    { "sqabs s0, s1",                          0x5ea07820, 0x0000000, 0,  332092591, { 0x000000000000ff00, 0x0000000000000000 }, 0x00000000, 0xffff800000000001 },
    { "sqabs d0, d1",                          0x5ee07820, 0x0000000, 0,  243472720, { 0x143f7b687c3d7acf, 0x0000000000000000 }, 0x00000000, 0x6070e0009020f0b },
    { "sqneg b0, b1",                          0x7e207820, 0x0000000, 0,  560400747, { 0x00000000000000f3, 0x0000000000000000 }, 0x00000000, 0xffffffffffff8000 },
    { "sqneg h0, h1",                          0x7e607820, 0x0000000, 0,   64125604, { 0x000000000000ff80, 0x0000000000000000 }, 0x00000000, 0x40409040f0a0704 },
    { "sqneg s0, s1",                          0x7ea07820, 0x0000000, 0,  846244794, { 0x000000001cc2c41b, 0x0000000000000000 }, 0x00000000, 0xc3b92f08c9e3819e },
    { "sqneg d0, d1",                          0x7ee07820, 0x0000000, 0,  187543858, { 0x1291b40384e0206a, 0x0000000000000000 }, 0x00000000, 0x59b31a650287f61d },
    { "cmgt d0, d1, #0",                       0x5ee08820, 0x0000000, 0,  555525549, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xffff800000000000 },
    { "cmeq d0, d1, #0",                       0x5ee09820, 0x0000000, 0,  194194303, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x800000000000 },
    { "cmlt d0, d1, #0",                       0x5ee0a820, 0x0000000, 0,  913154881, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xffffffff00000001 },
    { "cmge d0, d1, #0",                       0x7ee08820, 0x0000000, 0,  422587139, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xe48d23058034d82e },
    { "cmle d0, d1, #0",                       0x7ee09820, 0x0000000, 0, 1024792388, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x6a78d18172806442 },
    { "abs d0, d1",                            0x5ee0b820, 0x0000000, 0,  168883495, { 0x0000000000000954, 0x0000000000000000 }, 0x00000000, 0x33eee351b66cc178 },
    { "neg d0, d1",                            0x7ee0b820, 0x0000000, 0,  164955491, { 0x4b5aca893ec3724d, 0x0000000000000000 }, 0x00000000, 0xf38a95c6ecf4736e },
    { "sqxtn b0, h1",                          0x5e214820, 0x0000000, 0,  654913318, { 0x0000000000000080, 0x0000000000000000 }, 0x08000000, 0x80c0003f81c001c0 },
    { "sqxtn h0, s1",                          0x5e614820, 0x0000000, 0,  186604277, { 0x0000000000008000, 0x0000000000000000 }, 0x08000000, 0x5f411dc7fe997ade },
    { "sqxtn s0, d1",                          0x5ea14820, 0x0000000, 0,  212172010, { 0x0000000080000000, 0x0000000000000000 }, 0x08000000, 0x761 },
    { "uqxtn b0, h1",                          0x7e214820, 0x0000000, 0,  888259089, { 0x00000000000000ff, 0x0000000000000000 }, 0x08000000, 0x7ffe7f80003ffe3f },
    { "uqxtn h0, s1",                          0x7e614820, 0x0000000, 0,  737266055, { 0x000000000000ffff, 0x0000000000000000 }, 0x08000000, 0x2de },
    { "uqxtn s0, d1",                          0x7ea14820, 0x0000000, 0,  879925672, { 0x00000000ffffffff, 0x0000000000000000 }, 0x08000000, 0x3fa185ab6d7244b7 },
    { "sqxtun b0, h1",                         0x7e212820, 0x0000000, 0,  616050152, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x8001800000000001 },
    { "sqxtun h0, s1",                         0x7e612820, 0x0000000, 0,  539578364, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0x8000000000000042 },
    { "sqxtun s0, d1",                         0x7ea12820, 0x0000000, 0, 1006013202, { 0x00000000ffffffff, 0x0000000000000000 }, 0x08000000, 0x804070203040b0e },
};

static const SimdCase across_cases[] = {
    { "saddlv h0, v1.8b",                      0x0e303820, 0x0000000, 0,  167794448, { 0x000000000000ff82, 0x0000000000000000 }, 0x00000000, 0x4d4 },
    { "saddlv h0, v1.16b",                     0x4e303820, 0x0000000, 0,  596934341, { 0x000000000000ff40, 0x0000000000000000 }, 0x00000000, 0x693 },
    { "saddlv s0, v1.4h",                      0x0e703820, 0x0000000, 0,  962273265, { 0x00000000ffff8081, 0x0000000000000000 }, 0x00000000, 0x17fffffff },
    { "saddlv d0, v1.4s",                      0x4eb03820, 0x0000000, 0,  611474182, { 0x000000003d184ea2, 0x0000000000000000 }, 0x00000000, 0xeec21f0eb880d96d },
    { "uaddlv h0, v1.8b",                      0x2e303820, 0x0000000, 0,  285120750, { 0x00000000000003fd, 0x0000000000000000 }, 0x00000000, 0x32017ff43fdd99fd },
    { "uaddlv h0, v1.16b",                     0x6e303820, 0x0000000, 0,  121937653, { 0x0000000000000b38, 0x0000000000000000 }, 0x00000000, 0x800100000080 },
    { "uaddlv s0, v1.4h",                      0x2e703820, 0x0000000, 0,  769464154, { 0x0000000000008909, 0x0000000000000000 }, 0x00000000, 0x60f0f0f0002010c },
    { "uaddlv d0, v1.4s",                      0x6eb03820, 0x0000000, 0,  250126585, { 0x0000000000001575, 0x0000000000000000 }, 0x00000000, 0x1407f7fffff817f },
    { "smaxv b0, v1.8b",                       0x0e30a820, 0x0000000, 0,  955928104, { 0x000000000000003f, 0x0000000000000000 }, 0x00000000, 0xfffe000040403f3f },
    { "smaxv b0, v1.16b",                      0x4e30a820, 0x0000000, 0,  868673541, { 0x0000000000000008, 0x0000000000000000 }, 0x00000000, 0xffffffff0100 },
    { "smaxv h0, v1.8h",                       0x4e70a820, 0x0000000, 0,  474910795, { 0x0000000000007fff, 0x0000000000000000 }, 0x00000000, 0xb7f65f707fd49175 },
    { "smaxv s0, v1.4s",                       0x4eb0a820, 0x0000000, 0,  369041565, { 0x0000000067baeb07, 0x0000000000000000 }, 0x00000000, 0x80000000ffffffff },
    { "umaxv b0, v1.8b",                       0x2e30a820, 0x0000000, 0,   14391255, { 0x00000000000000a8, 0x0000000000000000 }, 0x00000000, 0x7a9 },
    { "umaxv b0, v1.16b",                      0x6e30a820, 0x0000000, 0,  521025322, { 0x00000000000000d7, 0x0000000000000000 }, 0x00000000, 0x83a86f5aaa19964c },
    { "umaxv h0, v1.8h",                       0x6e70a820, 0x0000000, 0,  607968683, { 0x000000000000fefe, 0x0000000000000000 }, 0x00000000, 0x3593446210db6c35 },
    { "umaxv s0, v1.4s",                       0x6eb0a820, 0x0000000, 0,  916915809, { 0x00000000090b0101, 0x0000000000000000 }, 0x00000000, 0x40e0009080b040d },
    { "sminv b0, v1.8b",                       0x0e31a820, 0x0000000, 0,  771477093, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x8000ff80000000ff },
    { "sminv b0, v1.16b",                      0x4e31a820, 0x0000000, 0,  556332446, { 0x00000000000000fe, 0x0000000000000000 }, 0x00000000, 0xffff8000ffffffff },
    { "sminv h0, v1.8h",                       0x4e71a820, 0x0000000, 0,  202034516, { 0x000000000000c668, 0x0000000000000000 }, 0x00000000, 0x800000000000043b },
    { "sminv s0, v1.4s",                       0x4eb1a820, 0x0000000, 0,  667093750, { 0x000000008c9ff69b, 0x0000000000000000 }, 0x00000000, 0xfb7bb8037f8be23e },
    { "uminv b0, v1.8b",                       0x2e31a820, 0x0000000, 0,  787138435, { 0x000000000000004d, 0x0000000000000000 }, 0x00000000, 0x985dbc0f6ae804df },
    { "uminv b0, v1.16b",                      0x6e31a820, 0x0000000, 0,  708024485, { 0x0000000000000001, 0x0000000000000000 }, 0x00000000, 0x8000fffeffff0080 },
    { "uminv h0, v1.8h",                       0x6e71a820, 0x0000000, 0,  606519656, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x16ca1b82a20ab453 },
    { "uminv s0, v1.4s",                       0x6eb1a820, 0x0000000, 0,  150170950, { 0x00000000000009a7, 0x0000000000000000 }, 0x00000000, 0x1c08101ff7ffe00 },
    { "addv b0, v1.8b",                        0x0e31b820, 0x0000000, 0,   75292233, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x184 },
    { "addv b0, v1.16b",                       0x4e31b820, 0x0000000, 0, 1030063909, { 0x000000000000008b, 0x0000000000000000 }, 0x00000000, 0x4eecd28215c26428 },
    { "addv h0, v1.8h",                        0x4e71b820, 0x0000000, 0,  211864716, { 0x00000000000099f4, 0x0000000000000000 }, 0x00000000, 0xf07f52b5d5837916 },
    { "addv s0, v1.4s",                        0x4eb1b820, 0x0000000, 0,  783691327, { 0x00000000fc6e150d, 0x0000000000000000 }, 0x00000000, 0x7fff01007fff00ff },
    { "addp d0, v1.2d",                        0x5ef1b820, 0x0000000, 0,   85717858, { 0x91fccfc8902671a1, 0x0000000000000000 }, 0x00000000, 0xffff800180000001 },
};

static const SimdCase copy_cases[] = {
    { "dup v0.16b, v1.b[5]",                   0x4e0b0420, 0x0000000, 0,  602921421, { 0x0a0a0a0a0a0a0a0a, 0x0a0a0a0a0a0a0a0a }, 0x00000000, 0xd53c341bb31f1e06 },
    { "dup v0.4h, v1.h[7]",                    0x0e1e0420, 0x0000000, 0,  332437732, { 0x8000800080008000, 0x0000000000000000 }, 0x00000000, 0x803000a08020701 },
    { "dup v0.2s, v1.s[3]",                    0x0e1c0420, 0x0000000, 0,  123738114, { 0x7ffec03f7ffec03f, 0x0000000000000000 }, 0x00000000, 0x800001403f018180 },
    { "dup v0.2d, v1.d[1]",                    0x4e180420, 0x0000000, 0,  195301543, { 0x0e0f060b08000603, 0x0e0f060b08000603 }, 0x00000000, 0xa080a010e0d0e04 },
    { "dup v0.8b, w1",                         0x0e010c20, 0x0000000, 0,  915534628, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x1fffe007f0001 },
    { "dup v0.8h, w1",                         0x4e020c20, 0x0000000, 0,  522121151, { 0x0207020702070207, 0x0207020702070207 }, 0x00000000, 0xc07f4081fe7ffefe },
    { "dup v0.4s, w1",                         0x4e040c20, 0x0000000, 0,   94522886, { 0xeb886596eb886596, 0xeb886596eb886596 }, 0x00000000, 0xe0b0008090e0605 },
    { "dup v0.2d, x1",                         0x4e080c20, 0x0000000, 0,  301997926, { 0x47746ac279e0d256, 0x47746ac279e0d256 }, 0x00000000, 0x7fffffffffff8000 },
    { "dup v0.2s, w1",                         0x0e040c20, 0x0000000, 0,  750284678, { 0x0c0f03000c0f0300, 0x0000000000000000 }, 0x00000000, 0x4060d0d0d010e0a },
    { "ins v0.b[9], w1",                       0x4e131c20, 0x0000000, 0,  113162893, { 0x91ff6cddb0f8ca66, 0x69a936abe6afec16 }, 0x00000000, 0x80000000 },
    { "ins v0.h[2], w1",                       0x4e0a1c20, 0x0000000, 0,  376560027, { 0x7954000085cbcb9c, 0x35724ca68f1cf40c }, 0x00000000, 0x7fff000180008000 },
    { "ins v0.s[3], w1",                       0x4e1c1c20, 0x0000000, 0,   97151399, { 0x772ef7e835ecfef0, 0x0705080453ae6f0a }, 0x00000000, 0x8000000000000fcc },
    { "ins v0.d[1], x1",                       0x4e181c20, 0x0000000, 0,  702749029, { 0xdda963b11a7a6c5a, 0x8000000000010000 }, 0x00000000, 0xdd184b0c088f2eb },
    { "ins v0.b[3], v1.b[12]",                 0x6e076420, 0x0000000, 0,  926167062, { 0x0001000001008000, 0x1d7508750eb4d36a }, 0x00000000, 0x813f807f3fffc001 },
    { "ins v0.h[7], v1.h[0]",                  0x6e1e0420, 0x0000000, 0, 1021580112, { 0x8001000080000001, 0x0000070503010809 }, 0x00000000, 0x934 },
    { "ins v0.s[1], v1.s[2]",                  0x6e0c4420, 0x0000000, 0,  465282547, { 0x0c156f2aac389d69, 0x0d02060a0e05000d }, 0x00000000, 0x607040b060b0a0b },
    { "ins v0.d[0], v1.d[1]",                  0x6e084420, 0x0000000, 0,  952718095, { 0x0600050d0109020e, 0x80000000ffffffff }, 0x00000000, 0x94ef8901afd3a2a5 },
    { "umov w0, v1.b[15]",                     0x0e1f3c20, 0x0000000, 0,  395564050, { 0x0000000100ff00ff, 0x007f7fff0080ffff }, 0x00000000, 0x96 },
    { "umov w0, v1.h[3]",                      0x0e0e3c20, 0x0000000, 0,  252350830, { 0x9436a4e6796a7bab, 0xff80008000010000 }, 0x00000000, 0x10 },
    { "umov w0, v1.s[2]",                      0x0e143c20, 0x0000000, 0,  584907652, { 0x0000000000000abf, 0x00000000000001d7 }, 0x00000000, 0x1000000 },
    { "umov x0, v1.d[1]",                      0x4e183c20, 0x0000000, 0,  302514099, { 0xc0000080feff01ff, 0xffff800000008000 }, 0x00000000, 0xb9507c5e5ea23c0c },
    { "smov w0, v1.b[2]",                      0x0e052c20, 0x0000000, 0,  795066736, { 0x0100007f80000001, 0x040e08090b010304 }, 0x00000000, 0x7f },
    { "smov w0, v1.h[6]",                      0x0e1a2c20, 0x0000000, 0,  367493760, { 0xa1c7267bb5bba4bd, 0x5d62070756d9b330 }, 0x00000000, 0x1810 },
    { "smov x0, v1.b[9]",                      0x4e132c20, 0x0000000, 0,  492218142, { 0x0000000080000000, 0x8000000000000888 }, 0x00000000, 0x0 },
    { "smov x0, v1.h[1]",                      0x4e062c20, 0x0000000, 0,  708863685, { 0x80661fa0d287f318, 0x25c71102955d8d51 }, 0x00000000, 0x0 },
    { "smov x0, v1.s[3]",                      0x4e1c2c20, 0x0000000, 0,  510092656, { 0xcee99e19c5588f05, 0xfffefffffffe0080 }, 0x00000000, 0x3fc081c0 },
    { "mov b0, v1.b[15]",                      0x5e1f0420, 0x0000000, 0,   55468122, { 0x00000000000000ff, 0x0000000000000000 }, 0x00000000, 0x8bc0b9b615f76fe2 },
    { "mov h0, v1.h[3]",                       0x5e0e0420, 0x0000000, 0,  328314433, { 0x0000000000007fff, 0x0000000000000000 }, 0x00000000, 0xb99417149f99029d },
    { "mov s0, v1.s[2]",                       0x5e140420, 0x0000000, 0,  248976680, { 0x000000008599f695, 0x0000000000000000 }, 0x00000000, 0x5d4 },
    { "mov d0, v1.d[1]",                       0x5e180420, 0x0000000, 0,  357237239, { 0x7529b39db8e727b3, 0x0000000000000000 }, 0x00000000, 0xa4380690cb53aac0 },
};

static const SimdCase perm_cases[] = {
    { "uzp1 v0.8b, v1.8b, v2.8b",              0x0e021820, 0x0000000, 0,  473897950, { 0x0000ffff0f02020d, 0x0000000000000000 }, 0x00000000, 0xcc0858230c08c2ba },
    { "uzp1 v0.16b, v1.16b, v2.16b",           0x4e021820, 0x0000000, 0,  227874426, { 0xff00feff0000007c, 0xffc00081fe00007f }, 0x00000000, 0x7f007fffff0001 },
    { "uzp1 v0.4h, v1.4h, v2.4h",              0x0e421820, 0x0000000, 0,  102588846, { 0x658a35fa0d0d0c0b, 0x0000000000000000 }, 0x00000000, 0xc00040400081807f },
    { "uzp1 v0.8h, v1.8h, v2.8h",              0x4e421820, 0x0000000, 0,   18430380, { 0xfffe7fff060e0804, 0x06e989b1ff80007f }, 0x00000000, 0xc8027478ded98850 },
    { "uzp1 v0.2s, v1.2s, v2.2s",              0x0e821820, 0x0000000, 0,  106830265, { 0xc37e5ef800000d05, 0x0000000000000000 }, 0x00000000, 0xffff8000ffffffff },
    { "uzp1 v0.4s, v1.4s, v2.4s",              0x4e821820, 0x0000000, 0,  401569303, { 0x090e060e090d0401, 0x7f81007f06f20afd }, 0x00000000, 0x7f01010040c04040 },
    { "uzp1 v0.2d, v1.2d, v2.2d",              0x4ec21820, 0x0000000, 0,  616658867, { 0xf73174715a80d88a, 0x2ea16116cdb56af6 }, 0x00000000, 0x7f7f7f00ff007f3f },
    { "uzp2 v0.8b, v1.8b, v2.8b",              0x0e025820, 0x0000000, 0,  134069369, { 0x0080008000007fff, 0x0000000000000000 }, 0x00000000, 0x8fa970bf99612d17 },
    { "uzp2 v0.16b, v1.16b, v2.16b",           0x4e025820, 0x0000000, 0,  455983407, { 0x0080ffff3f000040, 0x16dcae5480000001 }, 0x00000000, 0x8001ffff0001fffe },
    { "uzp2 v0.4h, v1.4h, v2.4h",              0x0e425820, 0x0000000, 0,  327689525, { 0x01c040008b47315b, 0x0000000000000000 }, 0x00000000, 0x5ef },
    { "uzp2 v0.8h, v1.8h, v2.8h",              0x4e425820, 0x0000000, 0,  358879479, { 0xba52dd4d00000000, 0x0000000000000000 }, 0x00000000, 0x94348c71b5163c44 },
    { "uzp2 v0.2s, v1.2s, v2.2s",              0x0e825820, 0x0000000, 0,  548798617, { 0x8ab0076d313df012, 0x0000000000000000 }, 0x00000000, 0xffffffff },
    { "uzp2 v0.4s, v1.4s, v2.4s",              0x4e825820, 0x0000000, 0,  829131550, { 0x8000000000000001, 0xbbda4a7eca062b10 }, 0x00000000, 0x7fff8180fe813ffe },
    { "uzp2 v0.2d, v1.2d, v2.2d",              0x4ec25820, 0x0000000, 0, 1016509766, { 0x80000000ffff7fff, 0x0308060e0d0c0f04 }, 0x00000000, 0x28 },
    { "trn1 v0.8b, v1.8b, v2.8b",              0x0e022820, 0x0000000, 0,  471530010, { 0x0000070c02040208, 0x0000000000000000 }, 0x00000000, 0x101008001ffff },
    { "trn1 v0.16b, v1.16b, v2.16b",           0x4e022820, 0x0000000, 0,  149790455, { 0x3fff3fff81ff01ff, 0x8000ff01ffff7f00 }, 0x00000000, 0xff808000ff80ffff },
    { "trn1 v0.4h, v1.4h, v2.4h",              0x0e422820, 0x0000000, 0,  659133608, { 0x0001010d0000000f, 0x0000000000000000 }, 0x00000000, 0x6f8821208a6e41f2 },
    { "trn1 v0.8h, v1.8h, v2.8h",              0x4e422820, 0x0000000, 0,  327272026, { 0x0a0800000c0b0000, 0xe2a6fd618f164f53 }, 0x00000000, 0x8000000000000e35 },
    { "trn1 v0.2s, v1.2s, v2.2s",              0x0e822820, 0x0000000, 0,  401202950, { 0xffffffff4d137e59, 0x0000000000000000 }, 0x00000000, 0xdc4 },
    { "trn1 v0.4s, v1.4s, v2.4s",              0x4e822820, 0x0000000, 0,  834871075, { 0x0e0407073fff0140, 0x060a0a0eaec0412b }, 0x00000000, 0xe1a62c83b201bf7e },
    { "trn1 v0.2d, v1.2d, v2.2d",              0x4ec22820, 0x0000000, 0,  173001695, { 0x6fa73439eb7fb86b, 0x31a8ec384480d14a }, 0x00000000, 0xc04081807f3ffe00 },
    { "trn2 v0.8b, v1.8b, v2.8b",              0x0e026820, 0x0000000, 0,  866343068, { 0xd200be00ac00ed80, 0x0000000000000000 }, 0x00000000, 0xd030c0503030607 },
    { "trn2 v0.16b, v1.16b, v2.16b",           0x4e026820, 0x0000000, 0,  810913542, { 0x5000497f03814400, 0xfe8043fe2700e680 }, 0x00000000, 0x800000008000 },
    { "trn2 v0.4h, v1.4h, v2.4h",              0x0e426820, 0x0000000, 0,  571435350, { 0x9f5b7589eadf97ed, 0x0000000000000000 }, 0x00000000, 0x807f408080c0017f },
    { "trn2 v0.8h, v1.8h, v2.8h",              0x4e426820, 0x0000000, 0, 1001078436, { 0xa0e2aa16b0407948, 0x0a0f007f020bfffe }, 0x00000000, 0xfefe81407f0100ff },
    { "trn2 v0.2s, v1.2s, v2.2s",              0x0e826820, 0x0000000, 0,  103656507, { 0x0180c07f00000000, 0x0000000000000000 }, 0x00000000, 0x10000ff00000000 },
    { "trn2 v0.4s, v1.4s, v2.4s",              0x4e826820, 0x0000000, 0,  450382639, { 0xffff000159a09852, 0x8bc7f4c17ffe81ff }, 0x00000000, 0xfde5f4b331842b56 },
    { "trn2 v0.2d, v1.2d, v2.2d",              0x4ec26820, 0x0000000, 0,  418181254, { 0xc49539a6bee1abf4, 0xe49e0fda117b2ff8 }, 0x00000000, 0x78a23f44da94623a },
    { "zip1 v0.8b, v1.8b, v2.8b",              0x0e023820, 0x0000000, 0,  577071914, { 0x8056000000780042, 0x0000000000000000 }, 0x00000000, 0x7fff010000ff8001 },
    { "zip1 v0.16b, v1.16b, v2.16b",           0x4e023820, 0x0000000, 0,  339078742, { 0xa1ffacff64ff58ff, 0x0fff8cffdaff3dff }, 0x00000000, 0x3a04fbf47926f63 },
    { "zip1 v0.4h, v1.4h, v2.4h",              0x0e423820, 0x0000000, 0,  378932153, { 0xfa326c2b04e27d62, 0x0000000000000000 }, 0x00000000, 0x163 },
    { "zip1 v0.8h, v1.8h, v2.8h",              0x4e423820, 0x0000000, 0,  638946942, { 0x0000800001000000, 0x0000000000808000 }, 0x00000000, 0xfe7fff807f3f3f81 },
    { "zip1 v0.2s, v1.2s, v2.2s",              0x0e823820, 0x0000000, 0,  775684772, { 0xf9ed9cf50f0c0501, 0x0000000000000000 }, 0x00000000, 0x50e0a0c030d0a0c },
    { "zip1 v0.4s, v1.4s, v2.4s",              0x4e823820, 0x0000000, 0,   85146029, { 0x00ff8000000006e7, 0x7fffff8080000000 }, 0x00000000, 0xffff800000010000 },
    { "zip1 v0.2d, v1.2d, v2.2d",              0x4ec23820, 0x0000000, 0,  467672865, { 0x89c723a94fae4bac, 0x0000fffe01007fff }, 0x00000000, 0x403f010180408000 },
    { "zip2 v0.8b, v1.8b, v2.8b",              0x0e027820, 0x0000000, 0,  348909228, { 0x1500d40191005200, 0x0000000000000000 }, 0x00000000, 0x2090f0c03060000 },
    { "zip2 v0.16b, v1.16b, v2.16b",           0x4e027820, 0x0000000, 0,  916927188, { 0x0501a701f2807600, 0x6cff93ff4cfe5d00 }, 0x00000000, 0x77bb695ac533adfa },
    { "zip2 v0.4h, v1.4h, v2.4h",              0x0e427820, 0x0000000, 0,  166681427, { 0x0906060d090a0809, 0x0000000000000000 }, 0x00000000, 0x7f3ffe0180fe40c0 },
    { "zip2 v0.8h, v1.8h, v2.8h",              0x4e427820, 0x0000000, 0,  667901120, { 0x8001df77007f7e1e, 0x00019b940080c749 }, 0x00000000, 0x8000000000000d4b },
    { "zip2 v0.2s, v1.2s, v2.2s",              0x0e827820, 0x0000000, 0,  947097004, { 0x040a07066b34bf0f, 0x0000000000000000 }, 0x00000000, 0xff3fff8180c0ff40 },
    { "zip2 v0.4s, v1.4s, v2.4s",              0x4e827820, 0x0000000, 0,  617113117, { 0x74716c6b00000000, 0x4570a5afffff8000 }, 0x00000000, 0x7fff008000007fff },
    { "zip2 v0.2d, v1.2d, v2.2d",              0x4ec27820, 0x0000000, 0,  462843164, { 0xffff800000010000, 0xffff800000008000 }, 0x00000000, 0xeefca66fc9d2828e },
    { "ext v0.8b, v1.8b, v2.8b, #3",           0x2e021820, 0x0000000, 0,   76143464, { 0x000efe80807f0081, 0x0000000000000000 }, 0x00000000, 0x3070a02090f030a },
    { "ext v0.16b, v1.16b, v2.16b, #13",       0x6e026820, 0x0000000, 0,  892424863, { 0xc04080807f020701, 0x9804c4bf21c00100 }, 0x00000000, 0xff182c5bc29aee31 },
    { "ext v0.16b, v1.16b, v2.16b, #0",        0x6e020020, 0x0000000, 0,  464660410, { 0x48f986c788fcb388, 0x000000000000066e }, 0x00000000, 0x141 },
    { "ext v0.8b, v1.8b, v2.8b, #7",           0x2e023820, 0x0000000, 0,  486828509, { 0x39ab4b3626be2580, 0x0000000000000000 }, 0x00000000, 0xac0 },
    { "tbl v0.8b, {v1.16b}, v2.8b",            0x0e020020, 0x0000000, 5,  101985552, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xe000c030a030c },
    { "tbl v0.16b, {v1.16b}, v2.16b",          0x4e020020, 0x0000000, 5,  652704604, { 0x8900260089000000, 0x0000000000000000 }, 0x00000000, 0x909df96e4470bb2c },
    { "tbx v0.16b, {v1.16b}, v2.16b",          0x4e021020, 0x0000000, 5,  557897733, { 0x6c7061c74f501ed3, 0x7fff80010000007f }, 0x00000000, 0x8000fe3f017f3f81 },
    { "tbx v0.8b, {v1.16b}, v2.8b",            0x0e021020, 0x0000000, 5,  391627342, { 0xffffc200e301ff80, 0x0000000000000000 }, 0x00000000, 0x79c588ad8d745e39 },
    { "tbl v0.16b, {v1.16b, v2.16b}, v2.16b",  0x4e022020, 0x0000000, 5,  565401201, { 0x0000003100000000, 0x00dc007825000000 }, 0x00000000, 0xfeb5d3034a9207aa },
    { "tbx v0.16b, {v1.16b, v2.16b, v3.16b}, v2.16b", 0x4e025020, 0x0000000, 5,  170178119, { 0x7fff37ff003a0001, 0xf4924164fcc10c1a }, 0x00000000, 0x17fffffff },
    { "tbl v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v2.16b", 0x4e026020, 0x0000000, 5,  328870946, { 0x142d0000ff02d106, 0x7f0d80000009002a }, 0x00000000, 0x3f7f407f817f7f00 },
    { "tbx v0.8b, {v1.16b, v2.16b, v3.16b, v4.16b}, v2.8b", 0x0e027020, 0x0000000, 5,  919891700, { 0x00168f1600808000, 0x0000000000000000 }, 0x00000000, 0x4f9c414aeb295dd1 },
};

static const SimdCase modimm_cases[] = {
    { "movi v0.16b, #0x5a",                    0x4f02e740, 0x0000000, 0,  656052498, { 0x5a5a5a5a5a5a5a5a, 0x5a5a5a5a5a5a5a5a }, 0x00000000, 0x1fa },
    { "movi v0.8b, #0xff",                     0x0f07e7e0, 0x0000000, 0,  350687916, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x65de61ca0e254baa },
    { "movi v0.4h, #0x12, lsl #8",             0x0f00a640, 0x0000000, 0,  217606309, { 0x1200120012001200, 0x0000000000000000 }, 0x00000000, 0x61c1533699e6c418 },
    { "movi v0.4s, #0x34, lsl #24",            0x4f016680, 0x0000000, 0,  537755140, { 0x3400000034000000, 0x3400000034000000 }, 0x00000000, 0x2b530a7930ed9b54 },
    { "movi v0.2s, #0x56, msl #8",             0x0f02c6c0, 0x0000000, 0,  501127790, { 0x000056ff000056ff, 0x0000000000000000 }, 0x00000000, 0x80403fc0810001ff },
    { "movi v0.4s, #0x56, msl #16",            0x4f02d6c0, 0x0000000, 0,   17202382, { 0x0056ffff0056ffff, 0x0056ffff0056ffff }, 0x00000000, 0x47dfb4877801f713 },
    { "movi d0, #0xff00ff0000ff00ff",          0x2f05e4a0, 0x0000000, 0,  225238558, { 0xff00ff0000ff00ff, 0x0000000000000000 }, 0x00000000, 0xff800101007fff },
    { "movi v0.2d, #0x00ffff00000000ff",       0x6f03e420, 0x0000000, 0,   83544154, { 0x00ffff00000000ff, 0x00ffff00000000ff }, 0x00000000, 0xd0d0a0a0502000b },
    { "mvni v0.4h, #0x12",                     0x2f008640, 0x0000000, 0,  345782311, { 0xffedffedffedffed, 0x0000000000000000 }, 0x00000000, 0x3f00ff40000180ff },
    { "mvni v0.8h, #0x12, lsl #8",             0x6f00a640, 0x0000000, 0,  991445972, { 0xedffedffedffedff, 0xedffedffedffedff }, 0x00000000, 0xffff00018001ffff },
    { "mvni v0.4s, #0x34, lsl #16",            0x6f014680, 0x0000000, 0,  871058241, { 0xffcbffffffcbffff, 0xffcbffffffcbffff }, 0x00000000, 0x8000ffff8000 },
    { "mvni v0.2s, #0x56, msl #16",            0x2f02d6c0, 0x0000000, 0, 1050514274, { 0xffa90000ffa90000, 0x0000000000000000 }, 0x00000000, 0xa77 },
    { "orr v0.4h, #0x12, lsl #8",              0x0f00b640, 0x0000000, 0,  545712946, { 0x72791716f264f6e8, 0x0000000000000000 }, 0x00000000, 0xff800000007fffff },
    { "orr v0.4s, #0x34, lsl #16",             0x4f015680, 0x0000000, 0,  404910003, { 0x7ffffffeffb4fffe, 0x9774f64a52b60a49 }, 0x00000000, 0x8000000000000000 },
    { "orr v0.2s, #0x34",                      0x0f011680, 0x0000000, 0,  212491067, { 0x0080007f00800134, 0x0000000000000000 }, 0x00000000, 0xa040e8345615aee2 },
    { "bic v0.8h, #0x12",                      0x6f009640, 0x0000000, 0,  190497197, { 0x800000007fedffed, 0xb120000cd6a8736c }, 0x00000000, 0x227e5b197ef70597 },
    { "bic v0.2s, #0x34, lsl #24",             0x2f017680, 0x0000000, 0,  235986267, { 0x42aabc2a893b2432, 0x0000000000000000 }, 0x00000000, 0xd0845e0a003bf98 },
    { "bic v0.4s, #0xff, lsl #8",              0x6f0737e0, 0x0000000, 0,  697504468, { 0x00800000ff8000ff, 0x99df00f12c8d00fb }, 0x00000000, 0x40e0a0b0b08020d },
    { "fmov v0.4s, #-1.5",                     0x4f07f700, 0x0000000, 0, 1022835227, { 0xbfc00000bfc00000, 0xbfc00000bfc00000 }, 0x00000000, 0x1 },
    { "fmov v0.2s, #0.125",                    0x0f02f400, 0x0000000, 0,  648678393, { 0x3e0000003e000000, 0x0000000000000000 }, 0x00000000, 0xe8183223d0a20f53 },
    { "fmov v0.2d, #31.0",                     0x6f01f7e0, 0x0000000, 0, 1034236649, { 0x403f000000000000, 0x403f000000000000 }, 0x00000000, 0x8000ffffffff },
};

static const SimdCase shift_cases[] = {
    { "sshr v0.16b, v1.16b, #3",               0x4f0d0420, 0x0000000, 0,  323018187, { 0x0100000000010100, 0x0000000000000007 }, 0x00000000, 0x6daf7b3ed603c8 },
    { "sshr v0.8b, v1.8b, #8",                 0x0f080420, 0x0000000, 0,  591159942, { 0x000000ff00ffffff, 0x0000000000000000 }, 0x00000000, 0xfffe01008000ff80 },
    { "sshr v0.4h, v1.4h, #16",                0x0f100420, 0x0000000, 0,  480172306, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0x3f81013ffeff00 },
    { "sshr v0.4s, v1.4s, #1",                 0x4f3f0420, 0x0000000, 0,  809925512, { 0xfd65b712ee5cd9a0, 0xffc03fff00807fff }, 0x00000000, 0x198e93b653c2e6d4 },
    { "sshr v0.2d, v1.2d, #64",                0x4f400420, 0x0000000, 0,  145145332, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x8000000000010000 },
    { "sshr v0.2d, v1.2d, #37",                0x4f5b0420, 0x0000000, 0,  549301624, { 0x0000000003fc040c, 0x0000000001717d2a }, 0x00000000, 0x100010000 },
    { "ushr v0.16b, v1.16b, #3",               0x6f0d0420, 0x0000000, 0,  960600509, { 0x0000000000000000, 0x10001f1f10001000 }, 0x00000000, 0x534 },
    { "ushr v0.8b, v1.8b, #8",                 0x2f080420, 0x0000000, 0,  551625472, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x40003f8000ff4001 },
    { "ushr v0.4h, v1.4h, #16",                0x2f100420, 0x0000000, 0,  266408042, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xcb3dd5c088c1c920 },
    { "ushr v0.4s, v1.4s, #1",                 0x6f3f0420, 0x0000000, 0,  687408350, { 0x0000000000000025, 0x7fff7fff00800040 }, 0x00000000, 0x3c5e39e1063e4382 },
    { "ushr v0.2d, v1.2d, #64",                0x6f400420, 0x0000000, 0,  344976300, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x435e6e2f5935edc6 },
    { "ushr v0.2d, v1.2d, #37",                0x6f5b0420, 0x0000000, 0,  846488928, { 0x0000000000407010, 0x00000000008ac9b6 }, 0x00000000, 0xc03f81003f8001 },
    { "ssra v0.16b, v1.16b, #3",               0x4f0d1420, 0x0000000, 0,  880840640, { 0x9f167c194fd4c3f0, 0x307c48b357c84d58 }, 0x00000000, 0x80000000ffffffff },
    { "ssra v0.8b, v1.8b, #8",                 0x0f081420, 0x0000000, 0,  628008348, { 0xfffe80ff00ff80ff, 0x0000000000000000 }, 0x00000000, 0x2e4ee61bf5db9b5e },
    { "ssra v0.4h, v1.4h, #16",                0x0f101420, 0x0000000, 0,   21231981, { 0xffffffffffff0d9b, 0x0000000000000000 }, 0x00000000, 0x973196f0bfa53f03 },
    { "ssra v0.4s, v1.4s, #1",                 0x4f3f1420, 0x0000000, 0,  435185661, { 0x813e8181fe0100fd, 0x5cc6bef0d66cc019 }, 0x00000000, 0xffff800000010000 },
    { "ssra v0.2d, v1.2d, #64",                0x4f401420, 0x0000000, 0,   87423746, { 0xc0fe3f00007f817e, 0x7ebd55a8b2533e1d }, 0x00000000, 0x16e },
    { "ssra v0.2d, v1.2d, #37",                0x4f5b1420, 0x0000000, 0,  996946837, { 0x0d0d05090f03fc01, 0xbf9b973dd082f61e }, 0x00000000, 0xfe0001ff0081c000 },
    { "usra v0.16b, v1.16b, #3",               0x6f0d1420, 0x0000000, 0,  459246023, { 0xff80008000ff8001, 0x05828e15841e160f }, 0x00000000, 0x1bcc5dc7e9f02499 },
    { "usra v0.8b, v1.8b, #8",                 0x2f081420, 0x0000000, 0,  893421796, { 0x8000000000000271, 0x0000000000000000 }, 0x00000000, 0x8d899aeea95acb6f },
    { "usra v0.4h, v1.4h, #16",                0x2f101420, 0x0000000, 0,  715847417, { 0x00008000ffff8000, 0x0000000000000000 }, 0x00000000, 0xb6ed25fa981232e2 },
    { "usra v0.4s, v1.4s, #1",                 0x6f3f1420, 0x0000000, 0,  536893443, { 0x8303c40c410f0000, 0x85529e442f5ba991 }, 0x00000000, 0x405080d0e040e0c },
    { "usra v0.2d, v1.2d, #64",                0x6f401420, 0x0000000, 0,  955941198, { 0x403f3f7f3f7f0000, 0x3b9f73e406c4ddb5 }, 0x00000000, 0x988c3e7826ed6e8a },
    { "usra v0.2d, v1.2d, #37",                0x6f5b1420, 0x0000000, 0,  894752034, { 0xdbc9f0c6c8eb8ec8, 0x030a04000c01010c }, 0x00000000, 0x2000c0c0408060b },
    { "srshr v0.16b, v1.16b, #3",              0x4f0d2420, 0x0000000, 0,  364161728, { 0x00000000f0000000, 0xfcfb03fb09f0f4fe }, 0x00000000, 0xfbf622a1d947eecc },
    { "srshr v0.8b, v1.8b, #8",                0x0f082420, 0x0000000, 0, 1024215513, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x7f7fff00800100 },
    { "srshr v0.4h, v1.4h, #16",               0x0f102420, 0x0000000, 0,  470693271, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x418943a295f87c75 },
    { "srshr v0.4s, v1.4s, #1",                0x4f3f2420, 0x0000000, 0,   88427656, { 0x00008080ffff8040, 0x0387018206808087 }, 0x00000000, 0x18a28a1b7cfb2a4f },
    { "srshr v0.2d, v1.2d, #64",               0x4f402420, 0x0000000, 0,  663890838, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x628cfd01dee7fc2b },
    { "srshr v0.2d, v1.2d, #37",               0x4f5b2420, 0x0000000, 0,  491281469, { 0xfffffffffff3fe06, 0xffffffffffcfec9a }, 0x00000000, 0xfec0c0fe00ff40ff },
    { "urshr v0.16b, v1.16b, #3",              0x6f0d2420, 0x0000000, 0,  394558628, { 0x061b1e1f1b160904, 0x0903181e090c1516 }, 0x00000000, 0xc6bf02ae2ff63ddb },
    { "urshr v0.8b, v1.8b, #8",                0x2f082420, 0x0000000, 0,  185857987, { 0x0100010101000001, 0x0000000000000000 }, 0x00000000, 0x8000000000000e8b },
    { "urshr v0.4h, v1.4h, #16",               0x2f102420, 0x0000000, 0,   68030518, { 0x0000000000000001, 0x0000000000000000 }, 0x00000000, 0x6cc8907a3a44a3c9 },
    { "urshr v0.4s, v1.4s, #1",                0x6f3f2420, 0x0000000, 0,  395259580, { 0x4000000000000019, 0x00000000000004d2 }, 0x00000000, 0x7f403f813f003f3f },
    { "urshr v0.2d, v1.2d, #64",               0x6f402420, 0x0000000, 0,  348012791, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x9da88315d0c5daad },
    { "urshr v0.2d, v1.2d, #37",               0x6f5b2420, 0x0000000, 0,    7000352, { 0x0000000004000c00, 0x0000000004000000 }, 0x00000000, 0x20f050d070c0c01 },
    { "srsra v0.16b, v1.16b, #3",              0x4f0d3420, 0x0000000, 0,  210327865, { 0xc1bc1a7c861e5531, 0xbaf879363902bb05 }, 0x00000000, 0x3f803f4081400081 },
    { "srsra v0.8b, v1.8b, #8",                0x0f083420, 0x0000000, 0,  415699566, { 0x00000000000007f6, 0x0000000000000000 }, 0x00000000, 0x3f810100818181ff },
    { "srsra v0.4h, v1.4h, #16",               0x0f103420, 0x0000000, 0,  946842217, { 0x9a05559cdec2345f, 0x0000000000000000 }, 0x00000000, 0x907597b7fbfd36ea },
    { "srsra v0.4s, v1.4s, #1",                0x4f3f3420, 0x0000000, 0,  503309520, { 0x53471d42bfd2bd65, 0x00007fffffff4000 }, 0x00000000, 0xa674cbf115418387 },
    { "srsra v0.2d, v1.2d, #64",               0x4f403420, 0x0000000, 0, 1031014534, { 0xc218adc533601c0c, 0xfe3ffffe00014081 }, 0x00000000, 0x8000000000000001 },
    { "srsra v0.2d, v1.2d, #37",               0x4f5b3420, 0x0000000, 0,  450627404, { 0x0300050202524d11, 0xb1e12613e8240d33 }, 0x00000000, 0xe0f0b0b0402030b },
    { "ursra v0.16b, v1.16b, #3",              0x6f0d3420, 0x0000000, 0,   70737745, { 0x100000010000011e, 0x8000000000001000 }, 0x00000000, 0x47c17f993e121ae3 },
    { "ursra v0.8b, v1.8b, #8",                0x2f083420, 0x0000000, 0,  922569787, { 0xd0f3f1042f5885e0, 0x0000000000000000 }, 0x00000000, 0xa521eed6a67fee0 },
    { "ursra v0.4h, v1.4h, #16",               0x2f103420, 0x0000000, 0,  421764039, { 0x9cf0e7efca2b3cfe, 0x0000000000000000 }, 0x00000000, 0x80017fffff80ffff },
    { "ursra v0.4s, v1.4s, #1",                0x6f3f3420, 0x0000000, 0,  671018187, { 0xc000000000000cc3, 0x7fff400000400001 }, 0x00000000, 0x80fe80c08001fe3f },
    { "ursra v0.2d, v1.2d, #64",               0x6f403420, 0x0000000, 0,  959007551, { 0x000000017fff007f, 0x8000000000000e7a }, 0x00000000, 0x8001fffe7fff0080 },
    { "ursra v0.2d, v1.2d, #37",               0x6f5b3420, 0x0000000, 0,  669083877, { 0xd9bbac9cf6acccd8, 0xc07ffefe03a4c140 }, 0x00000000, 0xfe80013f810001c0 },
    { "shl v0.16b, v1.16b, #7",                0x4f0f5420, 0x0000000, 0,  302192370, { 0x0080808000800000, 0x8080800080808080 }, 0x00000000, 0x2f8f6eee112c53b4 },
    { "shl v0.8h, v1.8h, #0",                  0x4f105420, 0x0000000, 0,  704847254, { 0x72c8751e54b661ad, 0x13c10b1659dba9a1 }, 0x00000000, 0x8000000000008000 },
    { "shl v0.4s, v1.4s, #31",                 0x4f3f5420, 0x0000000, 0,  669229892, { 0x0000000080000000, 0x0000000000000000 }, 0x00000000, 0xb04040d02060203 },
    { "shl v0.2d, v1.2d, #63",                 0x4f7f5420, 0x0000000, 0,  993329963, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xd31700704c6216ac },
    { "sli v0.16b, v1.16b, #0",                0x6f085420, 0x0000000, 0,  809380400, { 0x007f7fff007f0100, 0xffffffff00010000 }, 0x00000000, 0x95a },
    { "sli v0.8h, v1.8h, #15",                 0x6f1f5420, 0x0000000, 0,   89815686, { 0xd76228d6a7622307, 0xd359ebe3ed0dc3d8 }, 0x00000000, 0x80a070b08080503 },
    { "sli v0.4s, v1.4s, #5",                  0x6f255420, 0x0000000, 0,  555355264, { 0x4ebd37800266e543, 0x26d491050e2e7ae8 }, 0x00000000, 0xd89be9f9d6259f1b },
    { "sli v0.2d, v1.2d, #1",                  0x6f415420, 0x0000000, 0,  993273505, { 0x00fe00010001ff00, 0x01ffff0000fe0003 }, 0x00000000, 0xa8f },
    { "sqshl v0.16b, v1.16b, #3",              0x4f0b7420, 0x0000000, 0,  462258971, { 0x0078205868700048, 0x7ff8807f807f0008 }, 0x08000000, 0xce834dd513ea87d5 },
    { "sqshl v0.8h, v1.8h, #15",               0x4f1f7420, 0x0000000, 0,  698305230, { 0x7fff7fff7fff7fff, 0x8000800080008000 }, 0x08000000, 0x800000000000 },
    { "sqshl v0.4s, v1.4s, #0",                0x4f207420, 0x0000000, 0,  681245792, { 0xf327550a2efa56f6, 0xffffffff00000001 }, 0x00000000, 0x1c4 },
    { "sqshl v0.2d, v1.2d, #63",               0x4f7f7420, 0x0000000, 0,   75545707, { 0x7fffffffffffffff, 0x7fffffffffffffff }, 0x08000000, 0x8001ff807fffff80 },
    { "uqshl v0.16b, v1.16b, #7",              0x6f0f7420, 0x0000000, 0,  487371734, { 0x800000ffffff0080, 0xffffffffffffffff }, 0x08000000, 0xdb6e7a93d2cc4c5b },
    { "uqshl v0.8h, v1.8h, #9",                0x6f197420, 0x0000000, 0, 1036266017, { 0xffffffffffffffff, 0xffffffffffffffff }, 0x08000000, 0x7f00818140c03f80 },
    { "uqshl v0.4s, v1.4s, #30",               0x6f3e7420, 0x0000000, 0,  874722208, { 0xffffffffffffffff, 0xffffffffffffffff }, 0x08000000, 0xca6dd745add95b37 },
    { "uqshl v0.2d, v1.2d, #1",                0x6f417420, 0x0000000, 0,  130458908, { 0xffffffffffffffff, 0x0000000200000000 }, 0x08000000, 0x8000000000000e21 },
    { "sqshlu v0.16b, v1.16b, #1",             0x6f096420, 0x0000000, 0,  278756104, { 0x101e00480018d600, 0x1810021a04060006 }, 0x08000000, 0x1000000000001 },
    { "sqshlu v0.8h, v1.8h, #15",              0x6f1f6420, 0x0000000, 0, 1012780086, { 0x000000000000ffff, 0x00000000ffff0000 }, 0x08000000, 0xf2709123fd5a91f },
    { "sqshlu v0.4s, v1.4s, #31",              0x6f3f6420, 0x0000000, 0,  895688403, { 0xffffffff00000000, 0x0000000000000000 }, 0x08000000, 0x60b090d0a0c0505 },
    { "sqshlu v0.2d, v1.2d, #63",              0x6f7f6420, 0x0000000, 0,  352903746, { 0xffffffffffffffff, 0xffffffffffffffff }, 0x08000000, 0x2e11bd094ee11c2d },
    { "sri v0.16b, v1.16b, #8",                0x6f084420, 0x0000000, 0,  699830483, { 0xfffe7fff7fff8001, 0xfd1ee3de1fd0881a }, 0x00000000, 0x40c0c080fe0000fe },
    { "sri v0.8b, v1.8b, #1",                  0x2f0f4420, 0x0000000, 0,  193407081, { 0xceb19d9e966f7836, 0x0000000000000000 }, 0x00000000, 0x17fffffff },
    { "sri v0.4s, v1.4s, #5",                  0x6f3b4420, 0x0000000, 0,  975086193, { 0x048050ff06cc9369, 0x8028702000582860 }, 0x00000000, 0x9ce8efeef89a493 },
    { "sri v0.2d, v1.2d, #64",                 0x6f404420, 0x0000000, 0,  795199830, { 0x3467c26d2584aaed, 0xfe7fffc0ffc0ff3f }, 0x00000000, 0x803fff3f01c03f },
    { "shrn v0.8b, v1.8h, #3",                 0x0f0d8420, 0x0000000, 0,  316515098, { 0x0100e041946e7ed6, 0x0000000000000000 }, 0x00000000, 0xf000b000c0f010b },
    { "shrn2 v0.8h, v1.4s, #16",               0x4f108420, 0x0000000, 0,  946225261, { 0x43e009db6039f001, 0x0080ffff00018000 }, 0x00000000, 0x1f41ce0c206d0879 },
    { "shrn v0.2s, v1.2d, #32",                0x0f208420, 0x0000000, 0,  455716395, { 0x800000001259a63e, 0x0000000000000000 }, 0x00000000, 0xff7f3f3f3fc080c0 },
    { "shrn2 v0.16b, v1.8h, #1",               0x4f0f8420, 0x0000000, 0,   38063162, { 0x0000000100008000, 0x1b7a1a56000000a3 }, 0x00000000, 0x8000000000000087 },
    { "rshrn v0.8b, v1.8h, #3",                0x0f0d8c20, 0x0000000, 0,  972379886, { 0x000000693d7cfa82, 0x0000000000000000 }, 0x00000000, 0x8000000000000dfd },
    { "rshrn2 v0.8h, v1.4s, #16",              0x4f108c20, 0x0000000, 0,  795462294, { 0x34df17979e959d8a, 0x010f040a0080fffe }, 0x00000000, 0x407f403fc0010081 },
    { "rshrn v0.2s, v1.2d, #32",               0x0f208c20, 0x0000000, 0, 1059274978, { 0x46e171470000ffff, 0x0000000000000000 }, 0x00000000, 0x7e563f8002df02e },
    { "rshrn2 v0.16b, v1.8h, #1",              0x4f0f8c20, 0x0000000, 0,  312043062, { 0x0c0e0d040c060104, 0x00010080cf27da84 }, 0x00000000, 0x100000000 },
    { "sqshrn v0.8b, v1.8h, #3",               0x0f0d9420, 0x0000000, 0,  814755446, { 0x7f8080807f407f7f, 0x0000000000000000 }, 0x08000000, 0xf89e26774182ee08 },
    { "sqshrn2 v0.8h, v1.4s, #16",             0x4f109420, 0x0000000, 0,  507254212, { 0x9ccf648e343a8777, 0x80000000c2b57698 }, 0x00000000, 0x7b81270d71dd7a6e },
    { "sqshrn v0.2s, v1.2d, #32",              0x0f209420, 0x0000000, 0,  270537504, { 0x7fffffff050c0109, 0x0000000000000000 }, 0x00000000, 0xbe3108739f60b407 },
    { "sqshrn2 v0.16b, v1.8h, #1",             0x4f0f9420, 0x0000000, 0,  971992255, { 0x000000000000033e, 0x7f7f8080807f807f }, 0x08000000, 0x5c57f55c159984d9 },
    { "sqrshrn v0.8b, v1.8h, #3",              0x0f0d9c20, 0x0000000, 0, 1020299561, { 0x7f017f7f8000007f, 0x0000000000000000 }, 0x08000000, 0xb282653caa6afa0a },
    { "sqrshrn2 v0.8h, v1.4s, #16",            0x4f109c20, 0x0000000, 0,  914318155, { 0x8000000000000bc9, 0xffff00ffb9f51695 }, 0x00000000, 0xe94 },
    { "sqrshrn v0.2s, v1.2d, #32",             0x0f209c20, 0x0000000, 0,  511267497, { 0x0e08020d00000001, 0x0000000000000000 }, 0x00000000, 0x86ef27636a367f9a },
    { "sqrshrn2 v0.16b, v1.8h, #1",            0x4f0f9c20, 0x0000000, 0,  995894572, { 0xa3e2715525542814, 0x7f80807f7f8080c0 }, 0x08000000, 0x4459019ca1e5b234 },
    { "uqshrn v0.8b, v1.8h, #3",               0x2f0d9420, 0x0000000, 0,  261840620, { 0x28ff20ff000000ff, 0x0000000000000000 }, 0x08000000, 0x90c01080709020d },
    { "uqshrn2 v0.8h, v1.4s, #16",             0x6f109420, 0x0000000, 0,  705665106, { 0x000506080f010a06, 0xb70f086db118e6bb }, 0x00000000, 0xfe },
    { "uqshrn v0.2s, v1.2d, #32",              0x2f209420, 0x0000000, 0,  915709486, { 0x0100ff8000000000, 0x0000000000000000 }, 0x00000000, 0x8000000000000cac },
    { "uqshrn2 v0.16b, v1.8h, #1",             0x6f0f9420, 0x0000000, 0,  424565609, { 0x400181c00040fe3f, 0xffffffffffffffff }, 0x08000000, 0x80000000000004ec },
    { "uqrshrn v0.8b, v1.8h, #3",              0x2f0d9c20, 0x0000000, 0,  561891089, { 0xffffffffff20ff10, 0x0000000000000000 }, 0x08000000, 0xffffffff00010000 },
    { "uqrshrn2 v0.8h, v1.4s, #16",            0x6f109c20, 0x0000000, 0,  913583824, { 0x80ff3fc07f3f3f01, 0x0001ffff007f7fff }, 0x08000000, 0x9763dbc098b2f295 },
    { "uqrshrn v0.2s, v1.2d, #32",             0x2f209c20, 0x0000000, 0,  582289071, { 0x8be4d80effff0000, 0x0000000000000000 }, 0x00000000, 0xd43 },
    { "uqrshrn2 v0.16b, v1.8h, #1",            0x6f0f9c20, 0x0000000, 0,  116218736, { 0xf895b10e7cd54e16, 0x000180ff40ffffff }, 0x08000000, 0xf00070703070304 },
    { "sqshrun v0.8b, v1.8h, #3",              0x2f0d8420, 0x0000000, 0,  732139717, { 0x000000bf00ffff00, 0x0000000000000000 }, 0x08000000, 0x5062e68dbe3dac29 },
    { "sqshrun2 v0.8h, v1.4s, #16",            0x6f108420, 0x0000000, 0,  477232265, { 0x0000000000000ed9, 0x00007fff01000001 }, 0x08000000, 0xd2915b1781a5457e },
    { "sqshrun v0.2s, v1.2d, #32",             0x2f208420, 0x0000000, 0,   99764818, { 0x000000000d0c0b05, 0x0000000000000000 }, 0x08000000, 0xffff800000008000 },
    { "sqshrun2 v0.16b, v1.8h, #1",            0x6f0f8420, 0x0000000, 0,  532903099, { 0x800000007fffffff, 0x0000000000000000 }, 0x08000000, 0x7f000000007fff },
    { "sqrshrun v0.8b, v1.8h, #3",             0x2f0d8c20, 0x0000000, 0,  367833324, { 0xe1e2ffa000000000, 0x0000000000000000 }, 0x08000000, 0x2caf537cf10647c9 },
    { "sqrshrun2 v0.8h, v1.4s, #16",           0x6f108c20, 0x0000000, 0,  757697355, { 0x030d080d0004080c, 0x7fff0000373c022c }, 0x08000000, 0x6fa9f38b14ee9ae8 },
    { "sqrshrun v0.2s, v1.2d, #32",            0x2f208c20, 0x0000000, 0,  839921017, { 0x0000000003060d0c, 0x0000000000000000 }, 0x08000000, 0x1c0010180c0013f },
    { "sqrshrun2 v0.16b, v1.8h, #1",           0x6f0f8c20, 0x0000000, 0,  991681565, { 0xff80000100ff8001, 0x8040000000ff0000 }, 0x08000000, 0x80000000ffff8000 },
    { "sshll v0.8h, v1.8b, #0",                0x0f08a420, 0x0000000, 0,  898503578, { 0xff800000ff80ff80, 0x003f00000000fffe }, 0x00000000, 0xbc9 },
    { "sshll2 v0.4s, v1.8h, #15",              0x4f1fa420, 0x0000000, 0,  843958572, { 0x16fe800026258000, 0xd37f0000e6b70000 }, 0x00000000, 0x4000fffeff803ffe },
    { "sshll v0.2d, v1.2s, #31",               0x0f3fa420, 0x0000000, 0,   80265510, { 0x0000800000000000, 0xffffffff80000000 }, 0x00000000, 0xa916415791e63906 },
    { "ushll v0.8h, v1.8b, #0",                0x2f08a420, 0x0000000, 0,  244287122, { 0x00b600c900fb00a0, 0x0099002e008a0015 }, 0x00000000, 0x100017fff0000 },
    { "ushll2 v0.4s, v1.8h, #15",              0x6f1fa420, 0x0000000, 0,  159873036, { 0x21d380000a228000, 0x3d59000069500000 }, 0x00000000, 0x8c5e18f74dcf8fc3 },
    { "ushll v0.2d, v1.2s, #31",               0x2f3fa420, 0x0000000, 0,  160913218, { 0x0785070480000000, 0x0080030780000000 }, 0x00000000, 0x1c0810100fec0ff },
};

static const SimdCase shifts_cases[] = {
    { "sshr d0, d1, #64",                      0x5f400420, 0x0000000, 0,   57156588, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xff40c0fe407f00c0 },
    { "ushr d0, d1, #1",                       0x7f7f0420, 0x0000000, 0,  184157216, { 0x0700060582808484, 0x0000000000000000 }, 0x00000000, 0x20f0f0e0f00070c },
    { "ssra d0, d1, #63",                      0x5f411420, 0x0000000, 0,  813043409, { 0x81685d5af02708f3, 0x0000000000000000 }, 0x00000000, 0xe9ef1cec2732ce44 },
    { "usra d0, d1, #64",                      0x7f401420, 0x0000000, 0,  730147576, { 0xe6a3d25c04d1d38d, 0x0000000000000000 }, 0x00000000, 0x1010000ff0000 },
    { "srshr d0, d1, #1",                      0x5f7f2420, 0x0000000, 0,   84774307, { 0xc0000000000007c6, 0x0000000000000000 }, 0x00000000, 0xb3e5ea9d7590cea3 },
    { "urshr d0, d1, #64",                     0x7f402420, 0x0000000, 0,  207762633, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xb71 },
    { "srsra d0, d1, #32",                     0x5f603420, 0x0000000, 0,  603465447, { 0x00ff010000ff007f, 0x0000000000000000 }, 0x00000000, 0x10000807fff8000 },
    { "ursra d0, d1, #7",                      0x7f793420, 0x0000000, 0,  489690671, { 0x21a6bd8d1c7ffaef, 0x0000000000000000 }, 0x00000000, 0x71c },
    { "shl d0, d1, #63",                       0x5f7f5420, 0x0000000, 0,    6150780, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x7f3f8001ffff4081 },
    { "sli d0, d1, #32",                       0x7f605420, 0x0000000, 0,  310516417, { 0x03060e01030f070a, 0x0000000000000000 }, 0x00000000, 0x7fffffff00000000 },
    { "sri d0, d1, #64",                       0x7f404420, 0x0000000, 0,  747100340, { 0x060302020b000d08, 0x0000000000000000 }, 0x00000000, 0x7a2 },
    { "sqshl b0, b1, #3",                      0x5f0b7420, 0x0000000, 0,  608979390, { 0x000000000000007f, 0x0000000000000000 }, 0x08000000, 0x166b7e94d0b39abb },
    { "sqshl h0, h1, #15",                     0x5f1f7420, 0x0000000, 0,  369027857, { 0x0000000000008000, 0x0000000000000000 }, 0x08000000, 0x7fffffff00008000 },
    { "sqshl s0, s1, #1",                      0x5f217420, 0x0000000, 0,  702446340, { 0x000000007fffffff, 0x0000000000000000 }, 0x08000000, 0x7bc2f14d4071e011 },
    { "sqshl d0, d1, #62",                     0x5f7e7420, 0x0000000, 0,  762200741, { 0x8000000000000000, 0x0000000000000000 }, 0x08000000, 0xff80fffeff80ff80 },
    { "uqshl b0, b1, #3",                      0x7f0b7420, 0x0000000, 0,  367832535, { 0x0000000000000008, 0x0000000000000000 }, 0x00000000, 0xc01010503070d08 },
    { "uqshl h0, h1, #15",                     0x7f1f7420, 0x0000000, 0,  666773950, { 0x000000000000ffff, 0x0000000000000000 }, 0x08000000, 0x9020d0b0b0a0806 },
    { "uqshl s0, s1, #1",                      0x7f217420, 0x0000000, 0,  554366681, { 0x00000000de81551c, 0x0000000000000000 }, 0x00000000, 0xffffffff00010000 },
    { "uqshl d0, d1, #62",                     0x7f7e7420, 0x0000000, 0,  285021280, { 0xffffffffffffffff, 0x0000000000000000 }, 0x08000000, 0x15c2cc2be714cff },
    { "sqshlu b0, b1, #3",                     0x7f0b6420, 0x0000000, 0,  774142562, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0x100000180010000 },
    { "sqshlu h0, h1, #15",                    0x7f1f6420, 0x0000000, 0, 1025888724, { 0x000000000000ffff, 0x0000000000000000 }, 0x08000000, 0x7f003f00c0fe0001 },
    { "sqshlu s0, s1, #1",                     0x7f216420, 0x0000000, 0,  180512857, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0x5757797bdfa54d33 },
    { "sqshlu d0, d1, #62",                    0x7f7e6420, 0x0000000, 0,  292183494, { 0xffffffffffffffff, 0x0000000000000000 }, 0x08000000, 0x7f000100ffffff },
    { "sqshrn b0, h1, #4",                     0x5f0c9420, 0x0000000, 0,  591488335, { 0x000000000000007f, 0x0000000000000000 }, 0x08000000, 0x9d1 },
    { "sqshrn h0, s1, #16",                    0x5f109420, 0x0000000, 0,  275071623, { 0x000000000000060b, 0x0000000000000000 }, 0x00000000, 0xcd38a3eb3aa1460b },
    { "sqshrn s0, d1, #1",                     0x5f3f9420, 0x0000000, 0,  579847772, { 0x0000000080000000, 0x0000000000000000 }, 0x08000000, 0xfffe00800100 },
    { "sqrshrn b0, h1, #4",                    0x5f0c9c20, 0x0000000, 0,  638620055, { 0x0000000000000008, 0x0000000000000000 }, 0x00000000, 0x7f407ffe40400080 },
    { "sqrshrn h0, s1, #16",                   0x5f109c20, 0x0000000, 0,  278373239, { 0x000000000000ff81, 0x0000000000000000 }, 0x00000000, 0x7ffe01803f3f3f80 },
    { "sqrshrn s0, d1, #1",                    0x5f3f9c20, 0x0000000, 0,  733365956, { 0x00000000000004eb, 0x0000000000000000 }, 0x00000000, 0x7195124beb4cc82b },
    { "uqshrn b0, h1, #4",                     0x7f0c9420, 0x0000000, 0,  181798228, { 0x00000000000000ff, 0x0000000000000000 }, 0x08000000, 0xfffffe00fffffe },
    { "uqshrn h0, s1, #16",                    0x7f109420, 0x0000000, 0,   29727574, { 0x000000000000007f, 0x0000000000000000 }, 0x00000000, 0xcb18c3f82cf66b2d },
    { "uqshrn s0, d1, #1",                     0x7f3f9420, 0x0000000, 0,  864636913, { 0x00000000ffffffff, 0x0000000000000000 }, 0x08000000, 0xf6657597c0878489 },
    { "uqrshrn b0, h1, #4",                    0x7f0c9c20, 0x0000000, 0,  958526827, { 0x00000000000000ff, 0x0000000000000000 }, 0x08000000, 0x1817f00807f7f40 },
    { "uqrshrn h0, s1, #16",                   0x7f109c20, 0x0000000, 0,   35561880, { 0x0000000000008001, 0x0000000000000000 }, 0x00000000, 0x7f007f00800100 },
    { "uqrshrn s0, d1, #1",                    0x7f3f9c20, 0x0000000, 0,  136004518, { 0x00000000ffffffff, 0x0000000000000000 }, 0x08000000, 0x13b75cf5ce22ac0e },
    { "sqshrun b0, h1, #4",                    0x7f0c8420, 0x0000000, 0,  510264397, { 0x00000000000000ff, 0x0000000000000000 }, 0x08000000, 0x496b3cc27af4a594 },
    { "sqshrun h0, s1, #16",                   0x7f108420, 0x0000000, 0,  691968635, { 0x0000000000000e09, 0x0000000000000000 }, 0x00000000, 0xc0a0b040e0f0c04 },
    { "sqshrun s0, d1, #1",                    0x7f3f8420, 0x0000000, 0,  736705002, { 0x00000000ffffffff, 0x0000000000000000 }, 0x08000000, 0xfe00ff00ff010140 },
    { "sqrshrun b0, h1, #4",                   0x7f0c8c20, 0x0000000, 0,  544819475, { 0x0000000000000000, 0x0000000000000000 }, 0x08000000, 0x8000000000000a13 },
    { "sqrshrun h0, s1, #16",                  0x7f108c20, 0x0000000, 0,  291865678, { 0x000000000000395a, 0x0000000000000000 }, 0x00000000, 0x900060505040401 },
    { "sqrshrun s0, d1, #1",                   0x7f3f8c20, 0x0000000, 0,  779409399, { 0x00000000ffffffff, 0x0000000000000000 }, 0x08000000, 0x18e09dd569ecac9 },
};

static const SimdCase elem_cases[] = {
    { "mul v0.4h, v1.4h, v2.h[7]",             0x0f728820, 0x0000000, 0,  121228275, { 0x6f3d0ef6974ada13, 0x0000000000000000 }, 0x00000000, 0xa040e0107070009 },
    { "mul v0.8h, v1.8h, v2.h[2]",             0x4f628020, 0x0000000, 0,  734156649, { 0x0000307980000000, 0x2abde9d21ea129b8 }, 0x00000000, 0x716cc0218f0780a0 },
    { "mul v0.4s, v1.4s, v2.s[3]",             0x4fa28820, 0x0000000, 0,   80129671, { 0x86f66983cc3a0cca, 0x80000000f7e3fa98 }, 0x00000000, 0x283 },
    { "mla v0.4h, v1.4h, v2.h[7]",             0x2f720820, 0x0000000, 0,  811640582, { 0x007f0100ff800100, 0x0000000000000000 }, 0x00000000, 0x13a9de9c20dd5fd8 },
    { "mla v0.8h, v1.8h, v2.h[2]",             0x6f620020, 0x0000000, 0, 1016985187, { 0x76dce7a9c36c3ea8, 0x77f285f177f377f1 }, 0x00000000, 0xe54389f18b929c5d },
    { "mla v0.4s, v1.4s, v2.s[3]",             0x6fa20820, 0x0000000, 0,   21945919, { 0x6f8b46465dfd4ffe, 0x7c0100000ff7e5f0 }, 0x00000000, 0x230530bf69497811 },
    { "mls v0.4h, v1.4h, v2.h[7]",             0x2f724820, 0x0000000, 0,  377211754, { 0x6b3af5bfb23dd8c8, 0x0000000000000000 }, 0x00000000, 0xd00080a02040201 },
    { "mls v0.8h, v1.8h, v2.h[2]",             0x6f624020, 0x0000000, 0, 1052446198, { 0x0ca458c1acfbd888, 0xabe3d5ce96556999 }, 0x00000000, 0xeb9185bff06ccd24 },
    { "mls v0.4s, v1.4s, v2.s[3]",             0x6fa24820, 0x0000000, 0,  231123143, { 0x00017dc03ac77a6c, 0x81ff00ff63e1193f }, 0x00000000, 0x73b8096b21d14590 },
    { "sqdmulh v0.4h, v1.4h, v2.h[7]",         0x0f72c820, 0x0000000, 0,  357095200, { 0x106d10c9ff0a1991, 0x0000000000000000 }, 0x00000000, 0x7f007f00000100 },
    { "sqdmulh v0.8h, v1.8h, v2.h[2]",         0x4f62c020, 0x0000000, 0,  115291171, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xa9621c5b1bba9103 },
    { "sqdmulh v0.4s, v1.4s, v2.s[3]",         0x4fa2c820, 0x0000000, 0,  547591629, { 0x0609f900050501ff, 0xffff004140c0003e }, 0x00000000, 0x86ef01629b904497 },
    { "sqrdmulh v0.4h, v1.4h, v2.h[7]",        0x0f72d820, 0x0000000, 0,  738289323, { 0xfe5a037006e50762, 0x0000000000000000 }, 0x00000000, 0x2b6cc3eaf64f8f96 },
    { "sqrdmulh v0.8h, v1.8h, v2.h[2]",        0x4f62d020, 0x0000000, 0,  174598164, { 0xff50fd1bfd58fe98, 0x02fa03a6fbdd0158 }, 0x00000000, 0x92ed0d13f2714fd4 },
    { "sqrdmulh v0.4s, v1.4s, v2.s[3]",        0x4fa2d820, 0x0000000, 0,  348130179, { 0x0000800000008000, 0x80523dca9e5268b0 }, 0x00000000, 0xbe7 },
    { "smull v0.4s, v1.4h, v2.h[5]",           0x0f52a820, 0x0000000, 0,  718428291, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x90b080e0403060a },
    { "smull2 v0.2d, v1.4s, v2.s[1]",          0x4fa2a020, 0x0000000, 0,  388867082, { 0xffffff81007f0000, 0xffc080007f000000 }, 0x00000000, 0x4a2a321604ac442a },
    { "smull2 v0.4s, v1.8h, v2.h[0]",          0x4f42a020, 0x0000000, 0,  220340822, { 0xfbd1af6809287771, 0x07baf540fcc2fa20 }, 0x00000000, 0x80000000000005cf },
    { "umull v0.4s, v1.4h, v2.h[5]",           0x2f52a820, 0x0000000, 0,  167940684, { 0x003f807f7fc0ff80, 0x0000000000008001 }, 0x00000000, 0x58d },
    { "umull2 v0.2d, v1.4s, v2.s[1]",          0x6fa2a020, 0x0000000, 0,  123583054, { 0x0029b1389adfe280, 0x02392b652c685388 }, 0x00000000, 0xf07050103090605 },
    { "umull2 v0.4s, v1.8h, v2.h[0]",          0x6f42a020, 0x0000000, 0,  800741994, { 0x0026504a00428cf1, 0x00131eb2002f64cc }, 0x00000000, 0x5246fad94363f18 },
    { "smlal v0.4s, v1.4h, v2.h[5]",           0x0f522820, 0x0000000, 0,  914013464, { 0x0c37dd0efacf5c90, 0x09e6171a03657b91 }, 0x00000000, 0x7fff007f00ffffff },
    { "smlal2 v0.2d, v1.4s, v2.s[1]",          0x4fa22020, 0x0000000, 0,  412181538, { 0x0a08020f29d0cb4c, 0x0f247e94d935b669 }, 0x00000000, 0xffff800000000001 },
    { "smlal2 v0.4s, v1.8h, v2.h[0]",          0x4f422020, 0x0000000, 0,  512670840, { 0x002a380000296491, 0x8409e0ee66972807 }, 0x00000000, 0xa86c99fc8c6b2864 },
    { "umlal v0.4s, v1.4h, v2.h[5]",           0x2f522820, 0x0000000, 0,  502721878, { 0x00000180818101c0, 0x39b26f0360d0be2c }, 0x00000000, 0xffff800000008000 },
    { "umlal2 v0.2d, v1.4s, v2.s[1]",          0x6fa22020, 0x0000000, 0,  869137821, { 0x81be4136007c5577, 0x00828e9d9590f1f5 }, 0x00000000, 0x40013f7f01ff40fe },
    { "umlal2 v0.4s, v1.8h, v2.h[0]",          0x6f422020, 0x0000000, 0,  883917995, { 0x7f3f7fff7f0193d4, 0x8000000000000eb8 }, 0x00000000, 0xffffffff00000000 },
    { "smlsl v0.4s, v1.4h, v2.h[5]",           0x0f526820, 0x0000000, 0, 1072746584, { 0x80000000fdbde643, 0xc03fc0fe80800080 }, 0x00000000, 0xc0801070d0d0004 },
    { "smlsl2 v0.2d, v1.4s, v2.s[1]",          0x4fa26020, 0x0000000, 0,  794411448, { 0x09050d8d82050d0c, 0x007ffffe8000ff80 }, 0x00000000, 0x100010000 },
    { "smlsl2 v0.4s, v1.8h, v2.h[0]",          0x4f426020, 0x0000000, 0,  261322024, { 0x00720a62cf14ea40, 0xff71ab8000763e7c }, 0x00000000, 0x106020402040800 },
    { "umlsl v0.4s, v1.4h, v2.h[5]",           0x2f526820, 0x0000000, 0,   85522336, { 0x5895ad762e74468f, 0xaa1bea2625d436bd }, 0x00000000, 0x704010f05080808 },
    { "umlsl2 v0.2d, v1.4s, v2.s[1]",          0x6fa26020, 0x0000000, 0,  633623501, { 0x190c8767bd52d233, 0x8000000000008000 }, 0x00000000, 0x6ff1cd3e1e9b28b3 },
    { "umlsl2 v0.4s, v1.8h, v2.h[0]",          0x6f426020, 0x0000000, 0, 1063573904, { 0x3dd68453ffbeabe9, 0xff2957aaff2c2856 }, 0x00000000, 0x7f00017fff },
    { "sqdmull v0.4s, v1.4h, v2.h[5]",         0x0f52b820, 0x0000000, 0,  298395801, { 0x007f00801fe00000, 0x0000000000bec080 }, 0x00000000, 0x5cc },
    { "sqdmull2 v0.2d, v1.4s, v2.s[1]",        0x4fa2b020, 0x0000000, 0,   26732651, { 0x07bb0030bea081a4, 0xf2dc931c52f91228 }, 0x00000000, 0x8000000000000a8c },
    { "sqdmull2 v0.4s, v1.8h, v2.h[0]",        0x4f42b020, 0x0000000, 0, 1013559124, { 0x1120c970ee708ea6, 0xd4db2228e53abc2c }, 0x00000000, 0x6da },
    { "sqdmlal v0.4s, v1.4h, v2.h[5]",         0x0f523820, 0x0000000, 0,  167824252, { 0x0000000080000000, 0x01817f40fe00ff40 }, 0x00000000, 0x5d2854df7e503523 },
    { "sqdmlal2 v0.2d, v1.4s, v2.s[1]",        0x4fa23020, 0x0000000, 0,  597548311, { 0x8000000000000000, 0x5a62c813868a279b }, 0x08000000, 0x268 },
    { "sqdmlal2 v0.4s, v1.8h, v2.h[0]",        0x4f423020, 0x0000000, 0,  633145266, { 0x36bf95bcd31ce99f, 0xbe0cc8ecfb588120 }, 0x00000000, 0xef1984c598293664 },
    { "sqdmlsl v0.4s, v1.4h, v2.h[5]",         0x0f527820, 0x0000000, 0,  671233632, { 0x003ec141fffe7e80, 0x706c692e990d123b }, 0x00000000, 0xaac5687124f974b9 },
    { "sqdmlsl2 v0.2d, v1.4s, v2.s[1]",        0x4fa27020, 0x0000000, 0,  809164459, { 0x7d8fe750efff3fc3, 0x030a0e0e040c030d }, 0x00000000, 0xd13a9b8090a2dfaf },
    { "sqdmlsl2 v0.4s, v1.8h, v2.h[0]",        0x4f427020, 0x0000000, 0, 1070114180, { 0x40b0907f7fffffff, 0x0406fc0301fd100c }, 0x08000000, 0x80704030f0b0404 },
    { "sqdmulh h0, h1, v2.h[4]",               0x5f42c820, 0x0000000, 0,  300749092, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xf3dd1b47d82ed627 },
    { "sqdmulh s0, s1, v2.s[3]",               0x5fa2c820, 0x0000000, 0,    2732557, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xffff00ff00000001 },
    { "sqrdmulh h0, h1, v2.h[4]",              0x5f42d820, 0x0000000, 0,  444024926, { 0x00000000000000d9, 0x0000000000000000 }, 0x00000000, 0x8133738cce0ebd70 },
    { "sqrdmulh s0, s1, v2.s[3]",              0x5fa2d820, 0x0000000, 0,  499624801, { 0x0000000003ec95d7, 0x0000000000000000 }, 0x00000000, 0xf88dfea3a0d14e67 },
    { "sqdmull s0, h1, v2.h[7]",               0x5f72b820, 0x0000000, 0,  321521721, { 0x00000000fffffb14, 0x0000000000000000 }, 0x00000000, 0x80000000000002f9 },
    { "sqdmull d0, s1, v2.s[1]",               0x5fa2b020, 0x0000000, 0,  566429100, { 0x1cf6cc893240aef6, 0x0000000000000000 }, 0x00000000, 0xf070606090f0f0b },
    { "sqdmlal s0, h1, v2.h[7]",               0x5f723820, 0x0000000, 0,  318783464, { 0x00000000040220db, 0x0000000000000000 }, 0x00000000, 0x7fffffff00008000 },
    { "sqdmlal d0, s1, v2.s[1]",               0x5fa23020, 0x0000000, 0,  144474622, { 0x0000eb54e4460000, 0x0000000000000000 }, 0x00000000, 0xe2eedea298ae6a2f },
    { "sqdmlsl s0, h1, v2.h[7]",               0x5f727820, 0x0000000, 0, 1070958446, { 0x0000000000807f3f, 0x0000000000000000 }, 0x00000000, 0x2c1eb0cbd73a1887 },
    { "sqdmlsl d0, s1, v2.s[1]",               0x5fa27020, 0x0000000, 0,  965161997, { 0x00ba49932d6c7f00, 0x0000000000000000 }, 0x00000000, 0xd96de72bba7576f8 },
};

static const SimdCase fsame3_cases[] = {
    { "fadd v0.2s, v1.2s, v2.2s",              0x0e22d420, 0x2000000, 1,  593318705, { 0x4f0000003fa156c5, 0x0000000000000000 }, 0x00000010, 0xb8495de1060e4d3b },
    { "fadd v0.4s, v1.4s, v2.4s",              0x4e22d420, 0x0000000, 1,  232355884, { 0xc8650800ffc00001, 0x00000001c1916000 }, 0x00000010, 0x4b7b29a6095c8f1a },
    { "fadd v0.2d, v1.2d, v2.2d",              0x4e62d420, 0x2000000, 2,  417123512, { 0xffefffffffffffff, 0xd90f2be9e42b023c }, 0x00000010, 0x3aa },
    { "fsub v0.2s, v1.2s, v2.2s",              0x0ea2d420, 0x0000000, 1,  840284378, { 0xdae65287649ab1f9, 0x0000000000000000 }, 0x00000010, 0x80000000000002e7 },
    { "fsub v0.4s, v1.4s, v2.4s",              0x4ea2d420, 0x0800000, 1,  446856318, { 0xcb8b0f3f49a386ff, 0xc78ec2d04acac005 }, 0x00000010, 0xfffe800180018000 },
    { "fsub v0.2d, v1.2d, v2.2d",              0x4ee2d420, 0x0c00000, 2,  190046863, { 0xfff8000000000001, 0xe0242f7ff33b9b0a }, 0x00000010, 0xe2c0f35e63911bb5 },
    { "fmul v0.2s, v1.2s, v2.2s",              0x2e22dc20, 0x0400000, 1,  458200285, { 0x800000004720c2be, 0x0000000000000000 }, 0x00000018, 0xcd55fa98a9c1df1d },
    { "fmul v0.4s, v1.4s, v2.4s",              0x6e22dc20, 0x0000000, 1, 1070258663, { 0x000000000f29226e, 0x0ca9f953ffc12345 }, 0x00000019, 0xffff80007fffffff },
    { "fmul v0.2d, v1.2d, v2.2d",              0x6e62dc20, 0x0000000, 2,  431735727, { 0x60a2da512798d831, 0x347bbfba75941ad4 }, 0x00000010, 0x80017f40013fc0 },
    { "fdiv v0.2s, v1.2s, v2.2s",              0x2e22fc20, 0x0800000, 1, 1031523357, { 0x13ef8f613c1c3840, 0x0000000000000000 }, 0x00000010, 0x809020803090406 },
    { "fdiv v0.4s, v1.4s, v2.4s",              0x6e22fc20, 0x0000000, 1, 1041877318, { 0xaffe2ef3b4216700, 0xc702c2f97fc00000 }, 0x00000010, 0x1007fff80017fff },
    { "fdiv v0.2d, v1.2d, v2.2d",              0x6e62fc20, 0x0800000, 2,  887433345, { 0x8000000000000001, 0xce71b3f65a051e40 }, 0x00000018, 0x20a08010204060e },
    { "fmulx v0.2s, v1.2s, v2.2s",             0x0e22dc20, 0x0400000, 1,  153393027, { 0x976fd506bf008072, 0x0000000000000000 }, 0x00000010, 0x7fffffff00000000 },
    { "fmulx v0.4s, v1.4s, v2.4s",             0x4e22dc20, 0x0000000, 1,  940307525, { 0x0000000035846e3a, 0x8f8815b65656cb9c }, 0x00000018, 0xff0100 },
    { "fmulx v0.2d, v1.2d, v2.2d",             0x4e62dc20, 0x3000000, 2,  297157697, { 0x36d9b5f7f720cccf, 0x1fcf071813a161ee }, 0x00000010, 0x8000000000000000 },
    { "fmax v0.2s, v1.2s, v2.2s",              0x0e22f420, 0x0000000, 1,  264534660, { 0x3bb4190545dc0000, 0x0000000000000000 }, 0x00000000, 0xe6a1deaeeeefa98d },
    { "fmax v0.4s, v1.4s, v2.4s",              0x4e22f420, 0x3000000, 1,  914939185, { 0x46b2a0006197ba43, 0x3effffff396204f9 }, 0x00000000, 0x4040ff4081c081fe },
    { "fmax v0.2d, v1.2d, v2.2d",              0x4e62f420, 0x3000000, 2,  342983596, { 0x40d1c40000000000, 0x038dbb158f23866c }, 0x00000000, 0x1ff800000 },
    { "fmin v0.2s, v1.2s, v2.2s",              0x0ea2f420, 0x0000000, 1,  542091933, { 0xcad260000448420e, 0x0000000000000000 }, 0x00000000, 0xffff40fefefe013f },
    { "fmin v0.4s, v1.4s, v2.4s",              0x4ea2f420, 0x0000000, 1,  893934894, { 0xcfa1a296429aa000, 0x3f000000c90ec000 }, 0x00000000, 0x313da092d39cbc58 },
    { "fmin v0.2d, v1.2d, v2.2d",              0x4ee2f420, 0x0800000, 2,  949341308, { 0x7ff8000012345678, 0xc275b80000000000 }, 0x00000000, 0xe0603050a0b0e0e },
    { "fmaxnm v0.2s, v1.2s, v2.2s",            0x0e22c420, 0x1000000, 1,  554565111, { 0x4897a0004878c000, 0x0000000000000000 }, 0x00000000, 0x70e0f05020d0c0b },
    { "fmaxnm v0.4s, v1.4s, v2.4s",            0x4e22c420, 0x3000000, 1,  652312043, { 0x4a91063ec13c4000, 0x5f000000b4f131be }, 0x00000000, 0xd3aec78918c393cd },
    { "fmaxnm v0.2d, v1.2d, v2.2d",            0x4e62c420, 0x0400000, 2,  523389242, { 0x41e0000000000000, 0x4554243b41ea879d }, 0x00000000, 0x800000000000 },
    { "fminnm v0.2s, v1.2s, v2.2s",            0x0ea2c420, 0x3000000, 1,  345714972, { 0xc29a4000ac24c202, 0x0000000000000000 }, 0x00000000, 0x80d04010d060e08 },
    { "fminnm v0.4s, v1.4s, v2.4s",            0x4ea2c420, 0x0400000, 1,  607556925, { 0x8000000030aa5639, 0x3f9977afda83968b }, 0x00000000, 0xfefe7f407f8181c0 },
    { "fminnm v0.2d, v1.2d, v2.2d",            0x4ee2c420, 0x0000000, 2,  616021459, { 0xe0f816f257555353, 0x488664e2141cefd9 }, 0x00000000, 0x8000000000010000 },
    { "fmla v0.2s, v1.2s, v2.2s",              0x0e22cc20, 0x0800000, 1,  794284048, { 0xd63f96a6b8eeb714, 0x0000000000000000 }, 0x00000010, 0x40fe803f010080ff },
    { "fmla v0.4s, v1.4s, v2.4s",              0x4e22cc20, 0x1000000, 1,  636450700, { 0x5569c0004cd26e03, 0xffc00001d2abbc3c }, 0x00000010, 0xe8bf82bbd5672b56 },
    { "fmla v0.2d, v1.2d, v2.2d",              0x4e62cc20, 0x1000000, 2,  398809327, { 0x4477df0edcee385a, 0x456b835800000000 }, 0x00000010, 0xb000502010e070d },
    { "fmls v0.2s, v1.2s, v2.2s",              0x0ea2cc20, 0x0400000, 1,  514160541, { 0xd0b3e000c6743711, 0x0000000000000000 }, 0x00000010, 0x4c620443028390ce },
    { "fmls v0.4s, v1.4s, v2.4s",              0x4ea2cc20, 0x0000000, 1,  669832653, { 0xdc105abfba72a503, 0x41b14722c990eeff }, 0x00000010, 0x8000000000000b5c },
    { "fmls v0.2d, v1.2d, v2.2d",              0x4ee2cc20, 0x1000000, 2,  973495637, { 0xe5d316c1c0ac96d5, 0x7ff8000000000000 }, 0x00000010, 0x1ffffffff },
    { "fabd v0.2s, v1.2s, v2.2s",              0x2ea2d420, 0x0000000, 1, 1072815528, { 0x45f70ef75005eef0, 0x0000000000000000 }, 0x00000010, 0xffc081004080c0c0 },
    { "fabd v0.4s, v1.4s, v2.4s",              0x6ea2d420, 0x3000000, 1,   91681920, { 0x5f0000007fc00000, 0x5e1e6ea17fc00000 }, 0x00000011, 0x7fffffff00008000 },
    { "fabd v0.2d, v1.2d, v2.2d",              0x6ee2d420, 0x2000000, 2,  104708882, { 0x4252e40000000000, 0x406af00000000000 }, 0x00000000, 0x5484bf87c2478b4b },
    { "fcmeq v0.2s, v1.2s, v2.2s",             0x0e22e420, 0x0400000, 1,  131308298, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x180000080ff80 },
    { "fcmeq v0.4s, v1.4s, v2.4s",             0x4e22e420, 0x0000000, 1,  253202499, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x800000000000035f },
    { "fcmeq v0.2d, v1.2d, v2.2d",             0x4e62e420, 0x2000000, 2,  112583272, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xa74769bbaf9eb304 },
    { "fcmge v0.2s, v1.2s, v2.2s",             0x2e22e420, 0x3000000, 1,  747389910, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0x807f3f403f3f7fc0 },
    { "fcmge v0.4s, v1.4s, v2.4s",             0x6e22e420, 0x0400000, 1,  589332846, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x7314e9b00a593a3 },
    { "fcmge v0.2d, v1.2d, v2.2d",             0x6e62e420, 0x0800000, 2,  856505809, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x43a5594e3417c84 },
    { "fcmgt v0.2s, v1.2s, v2.2s",             0x2ea2e420, 0x0000000, 1,  211073491, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0xc0fe40808001fec0 },
    { "fcmgt v0.4s, v1.4s, v2.4s",             0x6ea2e420, 0x0800000, 1,  510396391, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000001, 0x59aab9d20a58f1d6 },
    { "fcmgt v0.2d, v1.2d, v2.2d",             0x6ee2e420, 0x0c00000, 2,  429559740, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000001, 0xef966a0e7dc5e83 },
    { "facge v0.2s, v1.2s, v2.2s",             0x2e22ec20, 0x0000000, 1, 1016569479, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000001, 0x73d37984142c6fa },
    { "facge v0.4s, v1.4s, v2.4s",             0x6e22ec20, 0x2000000, 1,  195158346, { 0x00000000ffffffff, 0x00000000ffffffff }, 0x00000000, 0x7080d040d0b040a },
    { "facge v0.2d, v1.2d, v2.2d",             0x6e62ec20, 0x0400000, 2,  475204401, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x100000001 },
    { "facgt v0.2s, v1.2s, v2.2s",             0x2ea2ec20, 0x0c00000, 1,  428570365, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x800000000001 },
    { "facgt v0.4s, v1.4s, v2.4s",             0x6ea2ec20, 0x3000000, 1,   72241685, { 0x0000000000000000, 0x0000000000000000 }, 0x00000080, 0x34486211e88cf94 },
    { "facgt v0.2d, v1.2d, v2.2d",             0x6ee2ec20, 0x1000000, 2,  894190972, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000000, 0xcaa48e3b19538903 },
    { "frecps v0.2s, v1.2s, v2.2s",            0x0e22fc20, 0x0400000, 1,    2378731, { 0x4000000040000001, 0x0000000000000000 }, 0x00000010, 0xfffe80017fff0080 },
    { "frecps v0.4s, v1.4s, v2.4s",            0x4e22fc20, 0x3000000, 1,  528257236, { 0x4000000040000000, 0x40000009c78c03e8 }, 0x00000010, 0x6d5 },
    { "frecps v0.2d, v1.2d, v2.2d",            0x4e62fc20, 0x3000000, 2,  501679318, { 0x58290724a2fe300a, 0x53996bef30013f40 }, 0x00000010, 0x8000000000000905 },
    { "frsqrts v0.2s, v1.2s, v2.2s",           0x0ea2fc20, 0x3000000, 1, 1038952694, { 0xdfae200051313c78, 0x0000000000000000 }, 0x00000010, 0x7ffe3f80810000 },
    { "frsqrts v0.4s, v1.4s, v2.4s",           0x4ea2fc20, 0x0c00000, 1,  979635855, { 0x3fc00000fb0874c5, 0x3fc00740c1f5b700 }, 0x00000010, 0xc0a0d0704070300 },
    { "frsqrts v0.2d, v1.2d, v2.2d",           0x4ee2fc20, 0x2000000, 2,  402760421, { 0xc9063f5cf2662b88, 0xc851111e5d1056d4 }, 0x00000010, 0x80000000000008c3 },
    { "faddp v0.2s, v1.2s, v2.2s",             0x2e22d420, 0x0000000, 1,  174708330, { 0x55d58f4544480000, 0x0000000000000000 }, 0x00000010, 0xd596fb110bb5deb5 },
    { "faddp v0.4s, v1.4s, v2.4s",             0x6e22d420, 0x3000000, 1,  172245778, { 0x2ebea6803f000014, 0x4a62e00224572a4f }, 0x00000090, 0xd0200050d0f000f },
    { "faddp v0.2d, v1.2d, v2.2d",             0x6e62d420, 0x0400000, 2,  524611126, { 0x433d680000004ca0, 0xc2a936ba3a7a345b }, 0x00000010, 0xff01000001ffff },
    { "fmaxp v0.2s, v1.2s, v2.2s",             0x2e22f420, 0x0800000, 1,  551926006, { 0x38b415b86324b630, 0x0000000000000000 }, 0x00000000, 0x7fffffff00000000 },
    { "fmaxp v0.4s, v1.4s, v2.4s",             0x6e22f420, 0x0400000, 1,  730128388, { 0xb2d1f86542120000, 0x5b750ad63e8d53fe }, 0x00000000, 0xfd8 },
    { "fmaxp v0.2d, v1.2d, v2.2d",             0x6e62f420, 0x1000000, 2,  413602036, { 0x3e188684f33d17f0, 0x61b268a07329eaf5 }, 0x00000000, 0x17fff0100ff80 },
    { "fminp v0.2s, v1.2s, v2.2s",             0x2ea2f420, 0x0000000, 1,  662712532, { 0xc8c8896cbfd78000, 0x0000000000000000 }, 0x00000000, 0x6ae025572279c28a },
    { "fminp v0.4s, v1.4s, v2.4s",             0x6ea2f420, 0x0000000, 1,  909703714, { 0x3f368cf2e5928c8e, 0xc19ac00000800000 }, 0x00000000, 0x39226d4f7ef147c9 },
    { "fminp v0.2d, v1.2d, v2.2d",             0x6ee2f420, 0x3000000, 2,  787143756, { 0x85c1fdabafe4fe78, 0x8cbf45e5ca3d8b78 }, 0x00000000, 0x4e383020f84ad5b1 },
    { "fmaxnmp v0.2s, v1.2s, v2.2s",           0x2e22c420, 0x3000000, 1,  326014208, { 0xc2a052f1beeb938a, 0x0000000000000000 }, 0x00000000, 0x8000000000000eb4 },
    { "fmaxnmp v0.4s, v1.4s, v2.4s",           0x6e22c420, 0x0c00000, 1,  540256253, { 0x43cea0003fc80000, 0x5f0000003cdbacf5 }, 0x00000000, 0x7d6b221e217f20c6 },
    { "fmaxnmp v0.2d, v1.2d, v2.2d",           0x6e62c420, 0x0000000, 2, 1061357254, { 0x7ff8000000000001, 0x43e0000000000000 }, 0x00000001, 0x40d06050e0708 },
    { "fminnmp v0.2s, v1.2s, v2.2s",           0x2ea2c420, 0x0000000, 1,  666745272, { 0xdb0a525dc796c4d9, 0x0000000000000000 }, 0x00000000, 0x8000000000000a54 },
    { "fminnmp v0.4s, v1.4s, v2.4s",           0x6ea2c420, 0x0c00000, 1,  311944577, { 0x4112a43991ad9a73, 0x3b41b56cc3cae2ff }, 0x00000000, 0xffff800080008000 },
    { "fminnmp v0.2d, v1.2d, v2.2d",           0x6ee2c420, 0x0c00000, 2,  528946130, { 0x41b0200000000000, 0xc0ad0c0000000000 }, 0x00000000, 0x8000fffe00010080 },
    { "fmulx s0, s1, s2",                      0x5e22dc20, 0x2000000, 1,  167719094, { 0x00000000f48af530, 0x0000000000000000 }, 0x00000010, 0x4001c0ff8101017f },
    { "fmulx d0, d1, d2",                      0x5e62dc20, 0x2000000, 2,  753107502, { 0x462b4e87bd0746c8, 0x0000000000000000 }, 0x00000010, 0xe3a2ae77bd33026d },
    { "fcmeq s0, s1, s2",                      0x5e22e420, 0x0c00000, 1,  710684260, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x8000000000000e21 },
    { "fcmeq d0, d1, d2",                      0x5e62e420, 0x0400000, 2,  489525093, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x68c380461b8da9e },
    { "fcmge s0, s1, s2",                      0x7e22e420, 0x3000000, 1,  705886400, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xffffffff80000000 },
    { "fcmge d0, d1, d2",                      0x7e62e420, 0x0000000, 2,  649443576, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xffff80007fffffff },
    { "fcmgt s0, s1, s2",                      0x7ea2e420, 0x0400000, 1,  592765725, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0xb893329b8d95ca75 },
    { "fcmgt d0, d1, d2",                      0x7ee2e420, 0x3000000, 2,  449145215, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xa73d94120048d616 },
    { "facge s0, s1, s2",                      0x7e22ec20, 0x2000000, 1, 1019522711, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x4d65bf55166a219f },
    { "facge d0, d1, d2",                      0x7e62ec20, 0x0400000, 2,  332413661, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x1000000010000 },
    { "facgt s0, s1, s2",                      0x7ea2ec20, 0x2000000, 1,  814402481, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0x7fffffff00010000 },
    { "facgt d0, d1, d2",                      0x7ee2ec20, 0x2000000, 2,  934141551, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x7bdefd9ed382eecf },
    { "fabd s0, s1, s2",                       0x7ea2d420, 0x0400000, 1,  318322435, { 0x000000004f800000, 0x0000000000000000 }, 0x00000010, 0xd4d5e51426a8f3c5 },
    { "fabd d0, d1, d2",                       0x7ee2d420, 0x0c00000, 2,   31057035, { 0x540e3971ef60ddd0, 0x0000000000000000 }, 0x00000010, 0x1800080817fff00 },
    { "frecps s0, s1, s2",                     0x5e22fc20, 0x0000000, 1, 1015989031, { 0x00000000c245c3f9, 0x0000000000000000 }, 0x00000010, 0x7ffffffefffeff80 },
    { "frecps d0, d1, d2",                     0x5e62fc20, 0x0000000, 2,  937246190, { 0xc25e53ffffff8000, 0x0000000000000000 }, 0x00000000, 0x1fe00ff8001fe3f },
    { "frsqrts s0, s1, s2",                    0x5ea2fc20, 0x0800000, 1,  113243508, { 0x0000000050d7d736, 0x0000000000000000 }, 0x00000010, 0x484822b7980f133b },
    { "frsqrts d0, d1, d2",                    0x5ee2fc20, 0x2000000, 2,  789087781, { 0x3ff8000000000000, 0x0000000000000000 }, 0x00000010, 0x7000d030e0d0101 },
};

static const SimdCase fmisc_cases[] = {
    { "fabs v0.4s, v1.4s",                     0x4ea0f820, 0x3000000, 1,  808626839, { 0x1a179e3d121d72e2, 0x402000004778a000 }, 0x00000000, 0x4379f01702c0e15c },
    { "fabs v0.2d, v1.2d",                     0x4ee0f820, 0x0000000, 2, 1058394588, { 0x3ac65bafd75c34fe, 0x40feb00000000000 }, 0x00000000, 0x587b48a7b2ed09b1 },
    { "fneg v0.4s, v1.4s",                     0x6ea0f820, 0x0400000, 1,  812612720, { 0xbb2918a5ffc00000, 0x8040000047786000 }, 0x00000000, 0x1ff01fffe0181c0 },
    { "fneg v0.2d, v1.2d",                     0x6ee0f820, 0x0000000, 2,  868484078, { 0x45cb57e0f298c3cf, 0x8000000000000000 }, 0x00000000, 0xa020c0c0e040805 },
    { "fsqrt v0.4s, v1.4s",                    0x6ea1f820, 0x0400000, 1,  933533858, { 0x7fc0000054a41a62, 0x4175bb483da5305f }, 0x00000011, 0xf0d08040d000c0d },
    { "fsqrt v0.2d, v1.2d",                    0x6ee1f820, 0x0000000, 2,  595921349, { 0x7ff8000000000000, 0x3ddd731522b0c81f }, 0x00000011, 0x599eecf47c8b8135 },
    { "frintn v0.4s, v1.4s",                   0x4e218820, 0x0800000, 1, 1036550990, { 0x00000000c0000000, 0x46326000ca230000 }, 0x00000000, 0xd1dfecddd9d39f0a },
    { "frintn v0.2d, v1.2d",                   0x4e618820, 0x0400000, 2,  945501967, { 0x8000000000000000, 0x0000000000000000 }, 0x00000000, 0xf050c000f0a0602 },
    { "frintm v0.4s, v1.4s",                   0x4e219820, 0x0000000, 1,  858641688, { 0x0000000000000000, 0x000000007f800000 }, 0x00000000, 0x17f0000ff008080 },
    { "frintm v0.2d, v1.2d",                   0x4e619820, 0x1000000, 2,  315032293, { 0xc2cc95f6f4e62500, 0x47d7b2e5946b0d5c }, 0x00000000, 0x40017f808100ff81 },
    { "frintp v0.4s, v1.4s",                   0x4ea18820, 0x2000000, 1,  377911454, { 0x8000000080000000, 0x00000000d4e0f7c3 }, 0x00000000, 0xc0994fa53026f404 },
    { "frintp v0.2d, v1.2d",                   0x4ee18820, 0x3000000, 2,  259684038, { 0x3ff0000000000000, 0x42a7300000000000 }, 0x00000000, 0x10d0c03020f0804 },
    { "frintz v0.4s, v1.4s",                   0x4ea19820, 0x0000000, 1,  280589775, { 0xcd0fa232df000000, 0x7fc1234545cde000 }, 0x00000000, 0xb4dd03d46859df1b },
    { "frintz v0.2d, v1.2d",                   0x4ee19820, 0x0000000, 2,  998543184, { 0xc0be2c0000000000, 0x401c000000000000 }, 0x00000000, 0x408000ffc03f007f },
    { "frinta v0.4s, v1.4s",                   0x6e218820, 0x0c00000, 1,  725270948, { 0x3f800000c0400000, 0x41700000cf000000 }, 0x00000000, 0x1c000807f0040fe },
    { "frinta v0.2d, v1.2d",                   0x6e618820, 0x1000000, 2,  780602844, { 0xc112900000000000, 0x42fa300000000000 }, 0x00000000, 0xff00ff0080fffe },
    { "frintx v0.4s, v1.4s",                   0x6e219820, 0x1000000, 1,  302819572, { 0x8000000000000000, 0x4590e000ff7fffff }, 0x00000010, 0x26a6a2a3f8ba215f },
    { "frintx v0.2d, v1.2d",                   0x6e619820, 0x0800000, 2,  716782551, { 0x4063c00000000000, 0x5be6adcc21f7496c }, 0x00000010, 0xffff008000000100 },
    { "frinti v0.4s, v1.4s",                   0x6ea19820, 0x1000000, 1,  226041337, { 0x476dac00df000000, 0xbf80000080000000 }, 0x00000000, 0x1279b511bc8667aa },
    { "frinti v0.2d, v1.2d",                   0x6ee19820, 0x3000000, 2,  352906310, { 0xc34a880000000000, 0xc1e0000000000000 }, 0x00000000, 0x800000010100fffe },
    { "fcvtns v0.4s, v1.4s",                   0x4e21a820, 0x0000000, 1,  925640957, { 0x0000000000025e00, 0x00019d4000000000 }, 0x00000010, 0x80000000 },
    { "fcvtns v0.2d, v1.2d",                   0x4e61a820, 0x0000000, 2,   94537904, { 0x7fffffffffffffff, 0xf720000000000000 }, 0x00000001, 0xff80008001008000 },
    { "fcvtms v0.4s, v1.4s",                   0x4e21b820, 0x0400000, 1,  823560953, { 0xffffffff80000000, 0x0000000000029544 }, 0x00000011, 0xa593d20c9dedad9a },
    { "fcvtms v0.2d, v1.2d",                   0x4e61b820, 0x0400000, 2,  221923520, { 0x8000000000000000, 0x0000000000000000 }, 0x00000001, 0x916648dc1e08cde8 },
    { "fcvtps v0.4s, v1.4s",                   0x4ea1a820, 0x0400000, 1,  597671030, { 0x000001c700800001, 0xfffff52800000000 }, 0x00000010, 0x84be0832ce9473b1 },
    { "fcvtps v0.2d, v1.2d",                   0x4ee1a820, 0x0c00000, 2,  224766121, { 0x0000000000000001, 0x0000000000000001 }, 0x00000010, 0x3f81fe81fe01807f },
    { "fcvtzs v0.4s, v1.4s",                   0x4ea1b820, 0x0000000, 1,  164117309, { 0x0000000000e00483, 0x0000000000000000 }, 0x00000011, 0x8000000000000d16 },
    { "fcvtzs v0.2d, v1.2d",                   0x4ee1b820, 0x0000000, 2,  695363510, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0xffff800000010000 },
    { "fcvtas v0.4s, v1.4s",                   0x4e21c820, 0x0000000, 1,  506944648, { 0xffffffff7fffffff, 0x7fffffff00515000 }, 0x00000011, 0x8000000000000dac },
    { "fcvtas v0.2d, v1.2d",                   0x4e61c820, 0x0000000, 2,  862328600, { 0x0000000000000000, 0x7fffffffffffffff }, 0x00000011, 0xa4465fa0d85e1c33 },
    { "fcvtnu v0.4s, v1.4s",                   0x6e21a820, 0x0800000, 1,  125100179, { 0x000000000000097a, 0x0000000000000000 }, 0x00000011, 0x68fd251347212c7c },
    { "fcvtnu v0.2d, v1.2d",                   0x6e61a820, 0x0400000, 2,  469512695, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0x8000000000000cab },
    { "fcvtmu v0.4s, v1.4s",                   0x6e21b820, 0x1000000, 1,  731029700, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x4b5b17bc3c6d5099 },
    { "fcvtmu v0.2d, v1.2d",                   0x6e61b820, 0x2000000, 2,  164464582, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0xd5d83373fef31b3b },
    { "fcvtpu v0.4s, v1.4s",                   0x6ea1a820, 0x0800000, 1,  264176465, { 0x0080000180000000, 0x0000000000000000 }, 0x00000011, 0x800000018000ff80 },
    { "fcvtpu v0.2d, v1.2d",                   0x6ee1a820, 0x3000000, 2,  221502868, { 0x0000000000000000, 0x0000000080000000 }, 0x00000001, 0xc000a0f0e070c0d },
    { "fcvtzu v0.4s, v1.4s",                   0x6ea1b820, 0x0800000, 1, 1034332139, { 0xffffffff00000033, 0x0000000000000000 }, 0x00000011, 0x7fffffff00000001 },
    { "fcvtzu v0.2d, v1.2d",                   0x6ee1b820, 0x0000000, 2,  378668116, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000011, 0x40fe7f3fc04080fe },
    { "fcvtau v0.4s, v1.4s",                   0x6e21c820, 0x2000000, 1,  817770734, { 0x0000000000000000, 0x0000062900000000 }, 0x00000011, 0xffff8000ffffffff },
    { "fcvtau v0.2d, v1.2d",                   0x6e61c820, 0x3000000, 2,  495904659, { 0x0000000000000000, 0x0000000000000000 }, 0x00000011, 0x8756094cf1d26483 },
    { "frecpe v0.4s, v1.4s",                   0x4ea1d820, 0x0400000, 1,  730173563, { 0xb5b10000bbd80000, 0xca1a00003baa8000 }, 0x00000000, 0x7f00000100fffe },
    { "frecpe v0.2d, v1.2d",                   0x4ee1d820, 0x3000000, 2,  790260787, { 0x3e23a00000000000, 0x4000000000000000 }, 0x00000000, 0x1ff8001ff7f0180 },
    { "frsqrte v0.4s, v1.4s",                  0x6ea1d820, 0x1000000, 1,  111218129, { 0x3a5000007fc00000, 0x3ce100007fc00000 }, 0x00000001, 0xff800001ff800080 },
    { "frsqrte v0.2d, v1.2d",                  0x6ee1d820, 0x1000000, 2,  332634474, { 0x543b900000000000, 0x3ff6a00000000000 }, 0x00000000, 0xc0ff818081c00181 },
    { "fcmgt v0.4s, v1.4s, #0.0",              0x4ea0c820, 0x0c00000, 1,  277075837, { 0x0000000000000000, 0x00000000ffffffff }, 0x00000000, 0x40c0d0d0d0c0c0c },
    { "fcmgt v0.2d, v1.2d, #0.0",              0x4ee0c820, 0x3000000, 2,  870490658, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000080, 0xfe017f8081813f3f },
    { "fcmge v0.4s, v1.4s, #0.0",              0x6ea0c820, 0x0800000, 1,  774064164, { 0x0000000000000000, 0x00000000ffffffff }, 0x00000000, 0x2ebea03b1421f8da },
    { "fcmge v0.2d, v1.2d, #0.0",              0x6ee0c820, 0x1000000, 2,  391213983, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000000, 0xc0e0d0f080d010d },
    { "fcmeq v0.4s, v1.4s, #0.0",              0x4ea0d820, 0x2000000, 1,  191308868, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x403 },
    { "fcmeq v0.2d, v1.2d, #0.0",              0x4ee0d820, 0x0400000, 2,  906629866, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x2030100010b090f },
    { "fcmle v0.4s, v1.4s, #0.0",              0x6ea0d820, 0x1000000, 1,  387487111, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000080, 0x3f8000fefe010180 },
    { "fcmle v0.2d, v1.2d, #0.0",              0x6ee0d820, 0x3000000, 2,  639429500, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000000, 0xfec07f7f7f00807f },
    { "fcmlt v0.4s, v1.4s, #0.0",              0x4ea0e820, 0x0400000, 1,  577521258, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000000, 0x6030d0d01020508 },
    { "fcmlt v0.2d, v1.2d, #0.0",              0x4ee0e820, 0x0000000, 2,  353320730, { 0xffffffffffffffff, 0xffffffffffffffff }, 0x00000000, 0x8000000000000e53 },
    { "scvtf v0.2s, v1.2s",                    0x0e21d820, 0x2000000, 0,  470218346, { 0x00000000454ad000, 0x0000000000000000 }, 0x00000000, 0x17fffffff },
    { "scvtf v0.2s, v1.2s",                    0x0e21d820, 0x0400000, 0,  872198537, { 0x4e325dc5cd3200a0, 0x0000000000000000 }, 0x00000010, 0x800000000000047a },
    { "scvtf v0.4s, v1.4s",                    0x4e21d820, 0x0000000, 0,   53259062, { 0x47800000bf800000, 0x4e0c546f4eeecaa4 }, 0x00000010, 0x294020518ec834a2 },
    { "scvtf v0.4s, v1.4s",                    0x4e21d820, 0x0400000, 0,   63885127, { 0xbf8000003f800000, 0x4d20d0a14d108021 }, 0x00000010, 0x80408180fffe0081 },
    { "scvtf v0.2d, v1.2d",                    0x4e61d820, 0x0000000, 0,  903998195, { 0x4390180c1028281c, 0x43cbe89283fc35ed }, 0x00000010, 0x10080fffe0001 },
    { "scvtf v0.2d, v1.2d",                    0x4e61d820, 0x0400000, 0,  918323396, { 0xc3d6e7bf7e10dcf1, 0xc36fe03000201018 }, 0x00000010, 0xfac3bd0cdecacfc9 },
    { "ucvtf v0.2s, v1.2s",                    0x2e21d820, 0x0000000, 0, 1025282277, { 0x4cdca7884f2b6ef9, 0x0000000000000000 }, 0x00000010, 0x181c0fe000040 },
    { "ucvtf v0.2s, v1.2s",                    0x2e21d820, 0x0000000, 0,  367577501, { 0x4ea71c984d3023a4, 0x0000000000000000 }, 0x00000010, 0x1000080000000 },
    { "ucvtf v0.4s, v1.4s",                    0x6e21d820, 0x0000000, 0,   33554647, { 0x4f00000045193000, 0x4e5b02d74f009360 }, 0x00000010, 0x85914fab1d8a4e1c },
    { "ucvtf v0.4s, v1.4s",                    0x6e21d820, 0x0000000, 0, 1052884788, { 0x4d2090d14d70f070, 0x3f8000004f7fff80 }, 0x00000010, 0x6010d0c0b03010a },
    { "ucvtf v0.2d, v1.2d",                    0x6e61d820, 0x0c00000, 0, 1013529291, { 0x43e000000fe0003f, 0x4380602078305028 }, 0x00000010, 0x7ffe01ff007fc0c0 },
    { "ucvtf v0.2d, v1.2d",                    0x6e61d820, 0x0800000, 0,  797743715, { 0x4065e00000000000, 0x43e0381030103007 }, 0x00000010, 0x54a },
    { "urecpe v0.2s, v1.2s",                   0x0ea1c820, 0x0000000, 0,  224385301, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x1407ffe3f3fc001 },
    { "urecpe v0.4s, v1.4s",                   0x4ea1c820, 0x0800000, 0,  772918646, { 0x85800000c7800000, 0xffffffffff800000 }, 0x00000000, 0x80ff7f7f80ff3f81 },
    { "ursqrte v0.2s, v1.2s",                  0x2ea1c820, 0x3000000, 0, 1059879797, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0x8000ff00807fff },
    { "ursqrte v0.4s, v1.4s",                  0x6ea1c820, 0x0000000, 0,  823788203, { 0xffffffffffffffff, 0x82800000a2800000 }, 0x00000000, 0xc536eb40a397ca0f },
    { "fcvtn v0.4h, v1.4s",                    0x0e216820, 0x0000000, 1,  626735632, { 0xfc007c00ecc26986, 0x0000000000000000 }, 0x00000014, 0x5b4dc700c4ff9892 },
    { "fcvtn v0.4h, v1.4s",                    0x0e216820, 0x3000000, 1,  490264290, { 0x800080007c000000, 0x0000000000000000 }, 0x0000009c, 0x8040c07f7f7f3f7f },
    { "fcvtn2 v0.8h, v1.4s",                   0x4e216820, 0x3000000, 1,  292116909, { 0x4b000001ffc00001, 0xfc0080001d39daa3 }, 0x00000014, 0x7f80808181c0ff80 },
    { "fcvtn2 v0.8h, v1.4s",                   0x4e216820, 0x3000000, 1,  616080809, { 0xff80000000400000, 0x0000d156a7c07c00 }, 0x0000001c, 0x800000000000 },
    { "fcvtn v0.2s, v1.2d",                    0x0e616820, 0x0c00000, 2,  177094848, { 0xbfc00000006b7445, 0x0000000000000000 }, 0x00000018, 0x70402010d01080f },
    { "fcvtn v0.2s, v1.2d",                    0x0e616820, 0x0800000, 2,  283091542, { 0xd4150000c70b2000, 0x0000000000000000 }, 0x00000000, 0x29d946da89042bc7 },
    { "fcvtn2 v0.4s, v1.2d",                   0x4e616820, 0x1000000, 2,  102774914, { 0x3a60294f741aaf45, 0xffc000003f000000 }, 0x00000001, 0x84ef832d30187637 },
    { "fcvtn2 v0.4s, v1.2d",                   0x4e616820, 0x0c00000, 2,  751615277, { 0x40b6c80000000000, 0x7f7fffff00000000 }, 0x0000001c, 0xd020f0b040e030f },
    { "fcvtxn v0.2s, v1.2d",                   0x2e616820, 0x1000000, 2,  297740636, { 0x827083913fee9d51, 0x0000000000000000 }, 0x00000010, 0x80000000ffffffff },
    { "fcvtxn v0.2s, v1.2d",                   0x2e616820, 0x1000000, 2,  481757402, { 0xd1301d2bff7fffff, 0x0000000000000000 }, 0x00000014, 0x80000100ffff0001 },
    { "fcvtxn2 v0.4s, v1.2d",                  0x6e616820, 0x3000000, 2,  213291005, { 0x47f0000000000000, 0x56498000d6d4e000 }, 0x00000000, 0xffff80007fffffff },
    { "fcvtxn2 v0.4s, v1.2d",                  0x6e616820, 0x1000000, 2,  385463439, { 0xc5b43aa4c36a8402, 0x8000000056b1a000 }, 0x00000008, 0x10181fe7f3fff3f },
    { "fcvtl v0.4s, v1.4h",                    0x0e217820, 0x0000000, 3,  128998538, { 0x35c00000c7728000, 0x7fdb200042eb0000 }, 0x00000000, 0x198116096aac8b80 },
    { "fcvtl v0.4s, v1.4h",                    0x0e217820, 0x1000000, 3, 1007919001, { 0x3b54c000ba792000, 0x363000007fdbc000 }, 0x00000001, 0xff007f0000ffff },
    { "fcvtl2 v0.4s, v1.8h",                   0x4e217820, 0x3000000, 3,  529791509, { 0x7fc0000038420000, 0x7fc000003e9e0000 }, 0x00000000, 0xcf6997e07998111f },
    { "fcvtl2 v0.4s, v1.8h",                   0x4e217820, 0x1000000, 3,  297623516, { 0xbbd02000c71de000, 0xc442800038300000 }, 0x00000000, 0x4af90f87e220fafe },
    { "fcvtl v0.2d, v1.2s",                    0x0e617820, 0x0000000, 1, 1059640519, { 0xbfe0000000000000, 0x47d6577e00000000 }, 0x00000000, 0x903000d0a000d01 },
    { "fcvtl v0.2d, v1.2s",                    0x0e617820, 0x0c00000, 1,   22102750, { 0x3b97bf37a0000000, 0x40a3d00000000000 }, 0x00000000, 0x800180007fff8000 },
    { "fcvtl2 v0.2d, v1.4s",                   0x4e617820, 0x2000000, 1, 1050984391, { 0x3f5de8b7e0000000, 0x3fdfffffe0000000 }, 0x00000000, 0x8000007fff800001 },
    { "fcvtl2 v0.2d, v1.4s",                   0x4e617820, 0x0000000, 1,  459148803, { 0x0000000000000000, 0xc3a6305320000000 }, 0x00000000, 0x101fefec0018040 },
    { "fcvtxn s0, d1",                         0x7e616820, 0x2000000, 2,  631862826, { 0x0000000058498000, 0x0000000000000000 }, 0x00000000, 0xa000b09020d0203 },
    { "fcvtxn s0, d1",                         0x7e616820, 0x0c00000, 2, 1030895962, { 0x0000000055014000, 0x0000000000000000 }, 0x00000000, 0xc72beb1f0f7ccb14 },
    { "fcvtns s0, s1",                         0x5e21a820, 0x0c00000, 1,   12725640, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0x222a64ddc0604304 },
    { "fcvtns d0, d1",                         0x5e61a820, 0x0000000, 2, 1003250435, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0x800000000000076c },
    { "fcvtms s0, s1",                         0x5e21b820, 0x3000000, 1,  756858327, { 0x0000000000760000, 0x0000000000000000 }, 0x00000000, 0x554c482830feb1c7 },
    { "fcvtms d0, d1",                         0x5e61b820, 0x0400000, 2,  340393185, { 0x8000000000000000, 0x0000000000000000 }, 0x00000001, 0xed14f694bac20a72 },
    { "fcvtps s0, s1",                         0x5ea1a820, 0x2000000, 1,  121567598, { 0x000000000003dc00, 0x0000000000000000 }, 0x00000000, 0xa0e050101010a00 },
    { "fcvtps d0, d1",                         0x5ee1a820, 0x0c00000, 2,  507556225, { 0x7fffffffffffffff, 0x0000000000000000 }, 0x00000001, 0x3f8001c03f3f4040 },
    { "fcvtzs s0, s1",                         0x5ea1b820, 0x0400000, 1,  204995844, { 0x00000000ffffffd8, 0x0000000000000000 }, 0x00000010, 0xbee11155c56f0716 },
    { "fcvtzs d0, d1",                         0x5ee1b820, 0x0c00000, 2,  823247412, { 0x0065638f5c7576d0, 0x0000000000000000 }, 0x00000000, 0x7fffffff7fff0000 },
    { "fcvtas s0, s1",                         0x5e21c820, 0x0000000, 1,  930817256, { 0x0000000000fae000, 0x0000000000000000 }, 0x00000000, 0x13f9bb5b407cbb8e },
    { "fcvtas d0, d1",                         0x5e61c820, 0x0c00000, 2,  854721964, { 0x8000000000000000, 0x0000000000000000 }, 0x00000000, 0xff80007f8001 },
    { "fcvtnu s0, s1",                         0x7e21a820, 0x0800000, 1,   67152905, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x8000 },
    { "fcvtnu d0, d1",                         0x7e61a820, 0x3000000, 2,  908125397, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0xffffffff00008000 },
    { "fcvtmu s0, s1",                         0x7e21b820, 0x0400000, 1,  611999250, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x1000000000000 },
    { "fcvtmu d0, d1",                         0x7e61b820, 0x0400000, 2,  966381216, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0xf0d0903090c060d },
    { "fcvtpu s0, s1",                         0x7ea1a820, 0x0800000, 1, 1050195334, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0xd6a308144ab3362 },
    { "fcvtpu d0, d1",                         0x7ee1a820, 0x0800000, 2,  721788088, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x800080007fffff },
    { "fcvtzu s0, s1",                         0x7ea1b820, 0x0c00000, 1,  152598153, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x107000f0a030c0c },
    { "fcvtzu d0, d1",                         0x7ee1b820, 0x0c00000, 2,  550672614, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0xc0803fff7f7f017f },
    { "fcvtau s0, s1",                         0x7e21c820, 0x1000000, 1,  247227971, { 0x0000000000000000, 0x0000000000000000 }, 0x00000001, 0x1ffff8000 },
    { "fcvtau d0, d1",                         0x7e61c820, 0x1000000, 2,  821786366, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0x3f8081fe7f008140 },
    { "frecpe s0, s1",                         0x5ea1d820, 0x2000000, 1,  465139136, { 0x00000000f0870000, 0x0000000000000000 }, 0x00000000, 0xd970159adc4323ee },
    { "frecpe d0, d1",                         0x5ee1d820, 0x0000000, 2,  866328802, { 0xbf5d500000000000, 0x0000000000000000 }, 0x00000000, 0x80a020100010e0d },
    { "frsqrte s0, s1",                        0x7ea1d820, 0x0000000, 1,  827053663, { 0x00000000389e8000, 0x0000000000000000 }, 0x00000000, 0x81fe40fe0081fe81 },
    { "frsqrte d0, d1",                        0x7ee1d820, 0x0000000, 2,  936627277, { 0x4496900000000000, 0x0000000000000000 }, 0x00000000, 0x7fff000000ff0080 },
    { "frecpx s0, s1",                         0x5ea1f820, 0x0400000, 1,  156484744, { 0x00000000be000000, 0x0000000000000000 }, 0x00000000, 0xbd4188c2b7acd135 },
    { "frecpx d0, d1",                         0x5ee1f820, 0x2000000, 2,   31820163, { 0x3d00000000000000, 0x0000000000000000 }, 0x00000000, 0x8ff60b56e4e8ca1d },
    { "fcmgt s0, s1, #0.0",                    0x5ea0c820, 0x1000000, 1, 1041276113, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xb78f77482da3c26b },
    { "fcmgt d0, d1, #0.0",                    0x5ee0c820, 0x1000000, 2,  675772414, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xe0c0e010d000c0f },
    { "fcmge s0, s1, #0.0",                    0x7ea0c820, 0x1000000, 1,  353254125, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0x3004a6118b671a20 },
    { "fcmge d0, d1, #0.0",                    0x7ee0c820, 0x0000000, 2,  994412914, { 0xffffffffffffffff, 0x0000000000000000 }, 0x00000000, 0xa090b07000d0d0f },
    { "fcmeq s0, s1, #0.0",                    0x5ea0d820, 0x1000000, 1,  644647949, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x80008001ff80ff80 },
    { "fcmeq d0, d1, #0.0",                    0x5ee0d820, 0x0c00000, 2,   12489576, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xfbaeed232996227c },
    { "fcmle s0, s1, #0.0",                    0x7ea0d820, 0x2000000, 1,  378922918, { 0x00000000ffffffff, 0x0000000000000000 }, 0x00000000, 0xff7fff00000100 },
    { "fcmle d0, d1, #0.0",                    0x7ee0d820, 0x0c00000, 2,  866069283, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0xf0a02040e0c0307 },
    { "fcmlt s0, s1, #0.0",                    0x5ea0e820, 0x0000000, 1,   16674897, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x203 },
    { "fcmlt d0, d1, #0.0",                    0x5ee0e820, 0x0400000, 2,  101374195, { 0x0000000000000000, 0x0000000000000000 }, 0x00000000, 0x8000000000000dd7 },
    { "scvtf s0, s1",                          0x5e21d820, 0x0800000, 0,  833215156, { 0x0000000047ff4080, 0x0000000000000000 }, 0x00000000, 0x4060e0b040f0b09 },
    { "scvtf d0, d1",                          0x5e61d820, 0x1000000, 0,   62087613, { 0xc3d51f727f94b6c5, 0x0000000000000000 }, 0x00000010, 0x7fffffff },
    { "ucvtf s0, s1",                          0x7e21d820, 0x0800000, 0,  595803450, { 0x000000004e9d5047, 0x0000000000000000 }, 0x00000010, 0x2e02d8b0819bec87 },
    { "ucvtf d0, d1",                          0x7e61d820, 0x2000000, 0,   27733511, { 0x43d16b16900b619b, 0x0000000000000000 }, 0x00000010, 0xb088309dbed7f277 },
    { "fmaxv s0, v1.4s",                       0x6e30f820, 0x0800000, 1,  262561408, { 0x000000004ab92000, 0x0000000000000000 }, 0x00000000, 0x4a99e12cdd0f9c9b },
    { "fmaxv s0, v1.4s",                       0x6e30f820, 0x0c00000, 1,  940494617, { 0x000000007fc00000, 0x0000000000000000 }, 0x00000000, 0x4040c001ff40fefe },
    { "fminv s0, v1.4s",                       0x6eb0f820, 0x0000000, 1,  688122956, { 0x00000000cf000000, 0x0000000000000000 }, 0x00000000, 0xd67c4e25846e1fb4 },
    { "fminv s0, v1.4s",                       0x6eb0f820, 0x0c00000, 1,  496030488, { 0x00000000c7c94000, 0x0000000000000000 }, 0x00000000, 0xa40 },
    { "fmaxnmv s0, v1.4s",                     0x6e30c820, 0x0800000, 1,  477754644, { 0x000000004a3ba000, 0x0000000000000000 }, 0x00000000, 0x5f3bc5e6da719f45 },
    { "fmaxnmv s0, v1.4s",                     0x6e30c820, 0x2000000, 1,  100533207, { 0x000000004067e000, 0x0000000000000000 }, 0x00000000, 0x3fff403fff8040fe },
    { "fminnmv s0, v1.4s",                     0x6eb0c820, 0x0000000, 1,  674855931, { 0x00000000ff7fffff, 0x0000000000000000 }, 0x00000001, 0x8000000000000471 },
    { "fminnmv s0, v1.4s",                     0x6eb0c820, 0x0800000, 1,  493801769, { 0x000000003de1e200, 0x0000000000000000 }, 0x00000001, 0x465c76db9c7c38bf },
    { "faddp s0, v1.2s",                       0x7e30d820, 0x0400000, 1,  598060499, { 0x000000004b000008, 0x0000000000000000 }, 0x00000010, 0x2fad36d824ce9f76 },
    { "faddp d0, v1.2d",                       0x7e70d820, 0x0c00000, 2,   84268886, { 0x6b01c69ae8d12f29, 0x0000000000000000 }, 0x00000010, 0x8100010000007f00 },
    { "fmaxp s0, v1.2s",                       0x7e30f820, 0x0000000, 1,   15140557, { 0x00000000c7322000, 0x0000000000000000 }, 0x00000000, 0xeddb250c74da3e9f },
    { "fmaxp d0, v1.2d",                       0x7e70f820, 0x0000000, 2,  154258520, { 0x3c5563db361ffd20, 0x0000000000000000 }, 0x00000000, 0x100000001 },
    { "fminp s0, v1.2s",                       0x7eb0f820, 0x0800000, 1,  604581524, { 0x000000001ee2015e, 0x0000000000000000 }, 0x00000000, 0xa0a09030e010506 },
    { "fminp d0, v1.2d",                       0x7ef0f820, 0x3000000, 2,  924872588, { 0xc64076fd03afbb03, 0x0000000000000000 }, 0x00000000, 0xed5c54b3da28b2aa },
    { "fmaxnmp s0, v1.2s",                     0x7e30c820, 0x0400000, 1,  445114526, { 0x000000007f800000, 0x0000000000000000 }, 0x00000000, 0x10000ffff8000 },
    { "fmaxnmp d0, v1.2d",                     0x7e70c820, 0x3000000, 2,  388391942, { 0x0000000000000000, 0x0000000000000000 }, 0x00000080, 0x308010b0207070f },
    { "fminnmp s0, v1.2s",                     0x7eb0c820, 0x0000000, 1,  943121257, { 0x00000000c4825743, 0x0000000000000000 }, 0x00000000, 0x5ad98a555fb9064f },
    { "fminnmp d0, v1.2d",                     0x7ef0c820, 0x0000000, 2,  391363445, { 0xc38a780000000000, 0x0000000000000000 }, 0x00000000, 0x3eb00d74e20487b4 },
};

static const SimdCase felem_cases[] = {
    { "fmla v0.2s, v1.2s, v2.s[3]",            0x0fa21820, 0x0c00000, 1,   50927119, { 0xb20637774475c39d, 0x0000000000000000 }, 0x00000010, 0xffff8000 },
    { "fmla v0.4s, v1.4s, v2.s[1]",            0x4fa21020, 0x3000000, 1,  900677923, { 0x7fc00000cad3828e, 0xff7fffffc8f3e3d0 }, 0x00000010, 0x800000000000 },
    { "fmla v0.2d, v1.2d, v2.d[1]",            0x4fc21820, 0x2000000, 2,  200277565, { 0x243c4c4d0c2c98a9, 0xccbdb3378b9be324 }, 0x00000010, 0x8000000000000356 },
    { "fmla s0, s1, v2.s[2]",                  0x5f821820, 0x0800000, 1,  839101386, { 0x00000000653b21db, 0x0000000000000000 }, 0x00000010, 0xff800101000000 },
    { "fmla d0, d1, v2.d[0]",                  0x5fc21020, 0x0000000, 2,  122944393, { 0x404728e87c300d47, 0x0000000000000000 }, 0x00000010, 0x176a9e903ebb2c86 },
    { "fmls v0.2s, v1.2s, v2.s[3]",            0x0fa25820, 0x0c00000, 1,  697998496, { 0xd95cde9e78fe2acb, 0x0000000000000000 }, 0x00000010, 0x8010c0604010107 },
    { "fmls v0.4s, v1.4s, v2.s[1]",            0x4fa25020, 0x0000000, 1,  864505210, { 0x4b3421324dc8e9e0, 0xfdb6efc37f800000 }, 0x00000010, 0x8081fe7f807f4080 },
    { "fmls v0.2d, v1.2d, v2.d[1]",            0x4fc25820, 0x3000000, 2, 1046357055, { 0x7ff0000000000000, 0xf5f01a3b7d010d1d }, 0x00000014, 0xfffeffff00ff8000 },
    { "fmls s0, s1, v2.s[2]",                  0x5f825820, 0x0c00000, 1,  664684172, { 0x0000000067562629, 0x0000000000000000 }, 0x00000010, 0xb5a8f7386021a982 },
    { "fmls d0, d1, v2.d[0]",                  0x5fc25020, 0x1000000, 2,  663701171, { 0xc5f766d7c8205dff, 0x0000000000000000 }, 0x00000010, 0x90909030c00010c },
    { "fmul v0.2s, v1.2s, v2.s[3]",            0x0fa29820, 0x2000000, 1,   43696277, { 0xc699df165081cb97, 0x0000000000000000 }, 0x00000010, 0x95a5761cb177e245 },
    { "fmul v0.4s, v1.4s, v2.s[1]",            0x4fa29020, 0x0400000, 1,  138547405, { 0xc818260d80000000, 0xc74d034e7f800000 }, 0x00000010, 0x96bfed00dd618062 },
    { "fmul v0.2d, v1.2d, v2.d[1]",            0x4fc29820, 0x0000000, 2,  842744309, { 0xcb9302c2c7983de0, 0xbf71e6e36b036e7f }, 0x00000010, 0x8000000000000b1d },
    { "fmul s0, s1, v2.s[2]",                  0x5f829820, 0x0800000, 1,  157722376, { 0x00000000d293e4b4, 0x0000000000000000 }, 0x00000000, 0xbaed06efa54fbf81 },
    { "fmul d0, d1, v2.d[0]",                  0x5fc29020, 0x2000000, 2,  698717374, { 0x4666ebeb72567a35, 0x0000000000000000 }, 0x00000010, 0xffffffff00008000 },
    { "fmulx v0.2s, v1.2s, v2.s[3]",           0x2fa29820, 0x0000000, 1,  130621667, { 0x0020000007558000, 0x0000000000000000 }, 0x00000000, 0x80010080007f0001 },
    { "fmulx v0.4s, v1.4s, v2.s[1]",           0x6fa29020, 0x0000000, 1,  651406961, { 0x476945dcc0a8311f, 0x488f8800bf400000 }, 0x00000010, 0x7fff80010080 },
    { "fmulx v0.2d, v1.2d, v2.d[1]",           0x6fc29820, 0x0000000, 2,  549886280, { 0x4093bbf180000000, 0x3e19cfe26d90887a }, 0x00000010, 0x80008000fffffe },
    { "fmulx s0, s1, v2.s[2]",                 0x7f829820, 0x2000000, 1,   78070606, { 0x000000007fc00000, 0x0000000000000000 }, 0x00000001, 0x702000b080e0702 },
    { "fmulx d0, d1, v2.d[0]",                 0x7fc29020, 0x0c00000, 2,  656791092, { 0xe7635f3326e8f700, 0x0000000000000000 }, 0x00000010, 0x463b408bd3673521 },
    { "scvtf v0.4s, v1.4s, #16",               0x4f30e420, 0x0400000, 0,  438941356, { 0xc6fffe0146ffff00, 0x3f807f80bf7f0000 }, 0x00000010, 0x300060f04080102 },
    { "ucvtf v0.2d, v1.2d, #64",               0x6f40e420, 0x1000000, 0,  385236426, { 0x3ee0001ffff00000, 0x3fe9c242b7de93ed }, 0x00000010, 0x6d21fdf1cc0cbc83 },
    { "scvtf v0.2s, v1.2s, #32",               0x0f20e420, 0x0400000, 0,  747980575, { 0x3efffe023b804000, 0x0000000000000000 }, 0x00000010, 0x8000ffffffff },
    { "ucvtf v0.4s, v1.4s, #1",                0x6f3fe420, 0x0400000, 0,  805667461, { 0x4d6d64af4d4e6e0b, 0x4e800101427e0000 }, 0x00000010, 0x8000000000010000 },
    { "fcvtzs v0.2s, v1.2s, #1",               0x0f3ffc20, 0x0400000, 1,  120376602, { 0x7fffffff00000000, 0x0000000000000000 }, 0x00000011, 0x8081c001c0403ffe },
    { "fcvtzu v0.4s, v1.4s, #32",              0x6f20fc20, 0x1000000, 1,   90066788, { 0xffffffff00000000, 0x0000000000000000 }, 0x00000011, 0xbcc219b09c5228fe },
    { "fcvtzs v0.2d, v1.2d, #60",              0x4f44fc20, 0x0000000, 2,   57825145, { 0x8000000000000000, 0x7fffffffffffffff }, 0x00000001, 0xb73caf40f2bfa792 },
    { "fcvtzu v0.2d, v1.2d, #3",               0x6f7dfc20, 0x1000000, 2,  488294213, { 0x0000000000000000, 0xffffffffffffffff }, 0x00000001, 0x5a33b85605dc2130 },
    { "scvtf s0, s1, #8",                      0x5f38e420, 0x0c00000, 0,  980585490, { 0x00000000415dd000, 0x0000000000000000 }, 0x00000000, 0x1000f030f090e05 },
    { "fcvtzs d0, d1, #63",                    0x5f41fc20, 0x0c00000, 2, 1025159164, { 0xffa4cb3d1a85cbd4, 0x0000000000000000 }, 0x00000000, 0xffffffff00000000 },
    { "ucvtf d0, d1, #1",                      0x7f7fe420, 0x0000000, 0,  223292534, { 0x41e0001000000000, 0x0000000000000000 }, 0x00000000, 0x80000000000002f2 },
    { "fcvtzu s0, s1, #3",                     0x7f3dfc20, 0x2000000, 1,  816152740, { 0x0000000000000000, 0x0000000000000000 }, 0x00000010, 0x80008001000100ff },
};

static const SimdCase fvariants_cases[] = {
    { "fadd v0.4s, v1.4s, v2.4s",              0x4e22d420, 0x1000000, 1, 1069214916, { 0x5f000000b9b4b7e6, 0x5f8000014b045a26 }, 0x00000010, 0x8000ffff8000 },
    { "fadd v0.4s, v1.4s, v2.4s",              0x4e22d420, 0x0800000, 1,  446262477, { 0x7f7fffff4a14ed2b, 0x46b26186cd0e31cb }, 0x00000010, 0xa0c0a0c0c070e02 },
    { "fadd v0.4s, v1.4s, v2.4s",              0x4e22d420, 0x3000000, 1,  517438264, { 0xff7c5ccd7fc00000, 0x47ed400043c0526a }, 0x00000091, 0x76eca903027741c6 },
    { "fadd v0.4s, v1.4s, v2.4s",              0x4e22d420, 0x0000000, 1,  396775961, { 0x5f000000bf000000, 0x4885cb9ac1944000 }, 0x00000010, 0x77a },
    { "fmul v0.2d, v1.2d, v2.2d",              0x6e62dc20, 0x0000000, 2,  729262775, { 0xfff8000000012345, 0x47e0860b8b267e15 }, 0x00000001, 0x409080b090b0b0c },
    { "fmul v0.2d, v1.2d, v2.2d",              0x6e62dc20, 0x0000000, 2,  701421331, { 0x3f084cc927678e80, 0x0429a86ee269f2f2 }, 0x00000010, 0x7c5316ef470a9db1 },
    { "fmul v0.2d, v1.2d, v2.2d",              0x6e62dc20, 0x0000000, 2,   26822653, { 0xcb86580000000000, 0x8000000000000002 }, 0x00000018, 0x800000000001 },
    { "fmul v0.2d, v1.2d, v2.2d",              0x6e62dc20, 0x0c00000, 2, 1018174120, { 0x5f03e6933cb0a129, 0x7ff8000000000001 }, 0x00000011, 0x11b706b5cab8b623 },
    { "fmla v0.4s, v1.4s, v2.4s",              0x4e22cc20, 0x0000000, 1,  429388896, { 0xca8dd7ff23941ef6, 0x48bdbbffd167a32b }, 0x00000010, 0x817f3f400181ff7f },
    { "fmla v0.4s, v1.4s, v2.4s",              0x4e22cc20, 0x3000000, 1,  401098804, { 0xc880e00041360000, 0x45ff2000c9c6dc1b }, 0x00000010, 0x7fffffffffffffff },
    { "fmla v0.4s, v1.4s, v2.4s",              0x4e22cc20, 0x0000000, 1,  577560202, { 0xb496862fc4734000, 0x3ea814816c065119 }, 0x00000010, 0x8000000000000559 },
    { "fmla v0.4s, v1.4s, v2.4s",              0x4e22cc20, 0x1000000, 1,   76018872, { 0x6e5fdb216b000001, 0x4e8000004d8ee320 }, 0x00000010, 0x8000000000008000 },
    { "fdiv v0.2d, v1.2d, v2.2d",              0x6e62fc20, 0x0c00000, 2,   34334947, { 0x47b53c175ba54f06, 0x8000000000000000 }, 0x00000010, 0xc03f8000fe00c0fe },
    { "fdiv v0.2d, v1.2d, v2.2d",              0x6e62fc20, 0x0400000, 2,  780865678, { 0x2974c1488df9d6d3, 0x3db8804f6940aa04 }, 0x00000010, 0x332cdefe10156058 },
    { "fdiv v0.2d, v1.2d, v2.2d",              0x6e62fc20, 0x0000000, 2, 1013097307, { 0x7ff8000012345678, 0x14753645552dd0f9 }, 0x00000010, 0xff80000100fffe },
    { "fdiv v0.2d, v1.2d, v2.2d",              0x6e62fc20, 0x2000000, 2,  353705672, { 0x7ff0000000000000, 0xbd35a071cdc6b8f6 }, 0x00000014, 0xffdfea95595474c },
    { "fsqrt v0.4s, v1.4s",                    0x6ea1f820, 0x0000000, 1,  287989706, { 0x414e60d8ffc12345, 0x40486dff7fc00000 }, 0x00000011, 0x3f3f8181fffe3f81 },
    { "fsqrt v0.4s, v1.4s",                    0x6ea1f820, 0x0400000, 1,  522474813, { 0x430778353c0f8a81, 0x7fc000003f3504f4 }, 0x00000011, 0x209030e05000509 },
    { "fsqrt v0.4s, v1.4s",                    0x6ea1f820, 0x0000000, 1,  199992031, { 0x7fc000002569e846, 0x7fc000007fc00000 }, 0x00000011, 0x800000000000 },
    { "fsqrt v0.4s, v1.4s",                    0x6ea1f820, 0x0000000, 1, 1003948218, { 0x7fc000003f9cc471, 0x7fc123457fc00000 }, 0x00000011, 0x8000000000000e1d },
    { "fcvtzs v0.4s, v1.4s",                   0x4ea1b820, 0x0000000, 1,  832569583, { 0x00000b0d00000012, 0x00000000ffff91d8 }, 0x00000010, 0x42dbc102f718605d },
    { "fcvtzs v0.4s, v1.4s",                   0x4ea1b820, 0x0000000, 1, 1006891845, { 0x7fffffffffffffbe, 0x00000000fffe2840 }, 0x00000011, 0xf28 },
    { "fcvtzs v0.4s, v1.4s",                   0x4ea1b820, 0x0000000, 1,  711393804, { 0x000000000000da14, 0x001281c000d2cc7b }, 0x00000010, 0x14081800000fe7f },
    { "fcvtzs v0.4s, v1.4s",                   0x4ea1b820, 0x0000000, 1,  861723066, { 0x00002f5800000000, 0xfbb19148ff8970f6 }, 0x00000010, 0x1 },
    { "frintx v0.2d, v1.2d",                   0x6e619820, 0x0000000, 2,  185021263, { 0x41531f3b80000000, 0x0000000000000000 }, 0x00000010, 0x80000000ffffffff },
    { "frintx v0.2d, v1.2d",                   0x6e619820, 0x2000000, 2,  844829931, { 0xc29ec00000000000, 0xe535519b2893517c }, 0x00000000, 0x1050c01000507 },
    { "frintx v0.2d, v1.2d",                   0x6e619820, 0x0800000, 2,  998254401, { 0x0000000000000000, 0x76fdfd51b175401b }, 0x00000010, 0xc080fe3f00808040 },
    { "frintx v0.2d, v1.2d",                   0x6e619820, 0x3000000, 2,  730618696, { 0x8000000000000000, 0xc167600000000000 }, 0x00000010, 0x800000008000 },
    { "fmaxnm v0.4s, v1.4s, v2.4s",            0x4e22c420, 0x1000000, 1,  678664959, { 0x7f7fffff39545631, 0x301c96984801a000 }, 0x00000000, 0x6040c0800020402 },
    { "fmaxnm v0.4s, v1.4s, v2.4s",            0x4e22c420, 0x3000000, 1,  442496959, { 0x5f00000000000000, 0x3fcc879840400000 }, 0x00000000, 0x8cbef1d9565b6ba5 },
    { "fmaxnm v0.4s, v1.4s, v2.4s",            0x4e22c420, 0x2000000, 1,  325460344, { 0x96d1bc2dbfa6a923, 0xc28e2000c0f687ea }, 0x00000000, 0x623b81c78400dca0 },
    { "fmaxnm v0.4s, v1.4s, v2.4s",            0x4e22c420, 0x2000000, 1,  734218652, { 0x416e200034e966b6, 0x9ee9274b6bd8df74 }, 0x00000000, 0xd795c6ce499bc391 },
    { "scvtf v0.2d, v1.2d",                    0x4e61d820, 0x0c00000, 0,  457592592, { 0x4394380c00343410, 0xc3cd30abe5c9c60f }, 0x00000010, 0x8000000000000826 },
    { "scvtf v0.2d, v1.2d",                    0x4e61d820, 0x2000000, 0,  769093315, { 0x43c055841ef99cc1, 0xc3d9b1e268e7de81 }, 0x00000010, 0xd6b2a407263081c6 },
    { "scvtf v0.2d, v1.2d",                    0x4e61d820, 0x3000000, 0,  968398517, { 0xc3966e02ec6d2db6, 0xc2fff00ff8000020 }, 0x00000010, 0xf090f0a020a010f },
    { "scvtf v0.2d, v1.2d",                    0x4e61d820, 0x0000000, 0,  911580976, { 0x435fc00040402000, 0x43aa141016181a08 }, 0x00000010, 0x800000000001 },
    { "fcvtn v0.2s, v1.2d",                    0x0e616820, 0x0000000, 2,  906861920, { 0x80000000ffc00000, 0x0000000000000000 }, 0x00000018, 0x4e066a245df426eb },
    { "fcvtn v0.2s, v1.2d",                    0x0e616820, 0x2000000, 2,  984257180, { 0x000000007f800000, 0x0000000000000000 }, 0x0000001c, 0x24de318e6f7e0d8c },
    { "fcvtn v0.2s, v1.2d",                    0x0e616820, 0x0000000, 2,  460879307, { 0x7b40f822d3af6000, 0x0000000000000000 }, 0x00000010, 0x6f5206bc9a26c2f },
    { "fcvtn v0.2s, v1.2d",                    0x0e616820, 0x0000000, 2,  726395018, { 0x0a8c201b7fc00000, 0x0000000000000000 }, 0x00000010, 0xa8bd00992e8f33ca },
};

Test(a64_simd, three_same_integer_matches_qemu) { RUN(same3_cases); }
Test(a64_simd, scalar_three_same_matches_qemu) { RUN(same3s_cases); }
Test(a64_simd, three_different_matches_qemu) { RUN(diff3_cases); }
Test(a64_simd, two_register_misc_integer_matches_qemu) { RUN(misc_cases); }
Test(a64_simd, scalar_two_register_misc_integer_matches_qemu) { RUN(miscs_cases); }
Test(a64_simd, across_lanes_and_scalar_addp_match_qemu) { RUN(across_cases); }
Test(a64_simd, dup_ins_umov_smov_match_qemu) { RUN(copy_cases); }
Test(a64_simd, permutes_ext_and_table_lookups_match_qemu) { RUN(perm_cases); }
Test(a64_simd, modified_immediates_match_qemu) { RUN(modimm_cases); }
Test(a64_simd, shift_by_immediate_matches_qemu) { RUN(shift_cases); }
Test(a64_simd, scalar_shift_by_immediate_matches_qemu) { RUN(shifts_cases); }
Test(a64_simd, integer_by_element_matches_qemu) { RUN(elem_cases); }
Test(a64_simd, fp_three_same_matches_qemu) { RUN(fsame3_cases); }
Test(a64_simd, fp_two_register_misc_across_and_pairwise_match_qemu) { RUN(fmisc_cases); }
Test(a64_simd, fp_by_element_and_fixed_point_match_qemu) { RUN(felem_cases); }
Test(a64_simd, fp_lanes_follow_fpcr_rounding_fz_and_dn) { RUN(fvariants_cases); }
Test(a64_simd, fp_cases_from_inexact_fpsr_match_qemu)
{
    RUN_IXC(fsame3_cases);
    RUN_IXC(fmisc_cases);
    RUN_IXC(felem_cases);
    RUN_IXC(fvariants_cases);
}

/* ---- Hand-written properties ------------------------------------------------ */

static uint64_t v_lo(unsigned n) { uint64_t v[2]; emu_cpu_v(h->cpu, n, v); return v[0]; }
static uint64_t v_hi(unsigned n) { uint64_t v[2]; emu_cpu_v(h->cpu, n, v); return v[1]; }
static void set_v(unsigned n, uint64_t lo, uint64_t hi) { emu_cpu_set_v(h->cpu, n, (uint64_t[]){ lo, hi }); }

static void run1(uint32_t insn)
{
    harness_code(h, &insn, 1);
    cr_assert_eq(harness_run(h, 1), 1);
}

Test(a64_simd, add_8b_zeroes_the_upper_half)
{
    set_v(0, ~0ull, ~0ull);
    set_v(1, 0x0102030405060708, 0x1111111111111111);
    set_v(2, 0x10101010101010ff, 0x2222222222222222);
    run1(0x0e228420);   /* add v0.8b, v1.8b, v2.8b */
    cr_assert_eq(v_lo(0), 0x1112131415161707);
    cr_assert_eq(v_hi(0), 0);
}

Test(a64_simd, scalar_result_zeroes_the_rest_of_the_register)
{
    set_v(0, ~0ull, ~0ull);
    set_v(1, 0x7f, 0);
    set_v(2, 0x01, 0);
    run1(0x5e220c20);   /* sqadd b0, b1, b2 */
    cr_assert_eq(v_lo(0), 0x7f);
    cr_assert_eq(v_hi(0), 0);
    cr_assert_eq(emu_cpu_fpsr(h->cpu), 1u << 27);   /* saturated: QC */
}

Test(a64_simd, qc_is_sticky)
{
    emu_cpu_set_fpsr(h->cpu, (1u << 27) | 0x10);
    set_v(1, 1, 0);
    set_v(2, 1, 0);
    run1(0x5ee20c20);   /* sqadd d0, d1, d2: no saturation */
    cr_assert_eq(v_lo(0), 2);
    cr_assert_eq(emu_cpu_fpsr(h->cpu), (1u << 27) | 0x10);
}

Test(a64_simd, fp_flags_accumulate_into_fpsr)
{
    emu_cpu_set_fpsr(h->cpu, 0x02);                        /* DZC from before */
    set_v(1, 0x3f8000007f800001ull, 0);                    /* 1.0, sNaN */
    set_v(2, 0x4040000000000000ull, 0);                    /* 3.0, 0.0 */
    run1(0x2e22fc20);   /* fdiv v0.2s, v1.2s, v2.2s */
    cr_assert_eq(v_lo(0), 0x3eaaaaab7fc00001ull);          /* 1/3, quietened NaN */
    cr_assert_eq(emu_cpu_fpsr(h->cpu), 0x02 | 0x10 | 0x01); /* + IXC, IOC */
}

Test(a64_simd, fp_default_nan_under_dn)
{
    emu_cpu_set_fpcr(h->cpu, 1u << 25);
    set_v(1, 0x7ff8000000001234ull, 0x3ff0000000000000ull);
    set_v(2, 0x3ff0000000000000ull, 0x7ff0000000000001ull);
    run1(0x4e62d420);   /* fadd v0.2d, v1.2d, v2.2d */
    cr_assert_eq(v_lo(0), 0x7ff8000000000000ull);
    cr_assert_eq(v_hi(0), 0x7ff8000000000000ull);
    cr_assert_eq(emu_cpu_fpsr(h->cpu), 0x01);              /* the sNaN: IOC */
}

Test(a64_simd, ins_keeps_the_other_lanes)
{
    set_v(0, 0x0011223344556677, 0x8899aabbccddeeff);
    emu_cpu_set_x(h->cpu, 1, 0xabcd);
    run1(0x4e0a1c20);   /* mov v0.h[2], w1 */
    cr_assert_eq(v_lo(0), 0x0011abcd44556677);
    cr_assert_eq(v_hi(0), 0x8899aabbccddeeff);
}

Test(a64_simd, umov_and_smov_write_general_registers)
{
    set_v(1, 0x00000000000080ff, 0xfedcba9876543210);
    run1(0x0e013c20);   /* umov w0, v1.b[0] */
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0xff);
    run1(0x4e022c20);   /* smov x0, v1.h[0] */
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0xffffffffffff80ffull);
    run1(0x0e022c20);   /* smov w0, v1.h[0] */
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0xffff80ffull);
    run1(0x4e183c20);   /* mov x0, v1.d[1] */
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0xfedcba9876543210ull);
}

Test(a64_simd, umov_to_xzr_discards)
{
    set_v(1, 0x1234, 0);
    run1(0x0e023c3f);   /* umov wzr, v1.h[0] */
    cr_assert_eq(emu_cpu_x(h->cpu, 31), 0);
}

Test(a64_simd, tbl_table_wraps_from_v31_to_v0)
{
    set_v(31, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
    set_v(0, 0x1716151413121110, 0x1f1e1d1c1b1a1918);
    set_v(2, 0x0000ff2010001f1f, 0);
    run1(0x0e0223e1);   /* tbl v1.8b, {v31.16b, v0.16b}, v2.8b */
    cr_assert_eq(v_lo(1), 0x0000000010001f1f);
    cr_assert_eq(v_hi(1), 0);
}

Test(a64_simd, tbx_keeps_bytes_for_out_of_range_indices)
{
    set_v(0, 0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb);
    set_v(1, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
    set_v(2, 0x10ff0f0e00010203, 0x4020100f0e0d0c0b);
    run1(0x4e021020);   /* tbx v0.16b, {v1.16b}, v2.16b */
    cr_assert_eq(v_lo(0), 0xaaaa0f0e00010203);
    cr_assert_eq(v_hi(0), 0xbbbbbb0f0e0d0c0b);
}

Test(a64_simd, strlen_idiom_cmeq_umaxv)
{
    /* The zero-byte search of picolibc's strlen: cmeq v0.16b, v1.16b, #0;
     * umaxv b0, v0.16b; fmov x0, d0 is scalar FP, so read v0. */
    set_v(1, 0x6f6c6c6568, 0);           /* "hello" then zeros */
    harness_code(h, (uint32_t[]){ 0x4e209820, 0x6e30a800 }, 2);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(v_lo(0), 0xff);
    cr_assert_eq(v_hi(0), 0);
}

Test(a64_simd, shift_by_element_size_is_defined)
{
    set_v(1, 0x8000000000000001ull, 0x7fffffffffffffffull);
    run1(0x4f400420);   /* sshr v0.2d, v1.2d, #64 */
    cr_assert_eq(v_lo(0), ~0ull);
    cr_assert_eq(v_hi(0), 0);
    run1(0x6f400420);   /* ushr v0.2d, v1.2d, #64 */
    cr_assert_eq(v_lo(0), 0);
    cr_assert_eq(v_hi(0), 0);
}

/* ---- UNDEFINED ----------------------------------------------------------------- */

typedef struct RawCase {
    uint32_t insn;
    const char *text;
} RawCase;

/* Reserved size/Q combinations and unallocated opcodes of the ARMv8.0
 * classes; QEMU (cortex-a57) raises UNDEFINED for each. */
static const RawCase reserved[] = {
    { 0x0ee28420, "add v0.1d (size:Q = 110)" },
    { 0x4ee29c20, "mul with 64-bit lanes" },
    { 0x4e22b420, "sqdmulh with byte lanes" },
    { 0x2e629c20, "pmul with halfword lanes" },
    { 0x6e22bc20, "addp with U = 1" },
    { 0x4ee20420, "shadd with 64-bit lanes" },
    { 0x0e62d420, "fadd v0.1d (sz:Q = 10)" },
    { 0x0ea2dc20, "three same FP opcode 11011 with a = 1" },
    { 0x2ea2fc20, "three same FP opcode 11111 with U = 1, a = 1" },
    { 0x0ee20020, "saddl with 64-bit sources" },
    { 0x0e22f020, "three different opcode 1111" },
    { 0x2e629020, "sqdmlal with U = 1" },
    { 0x0e229020, "sqdmlal with byte sources" },
    { 0x4ee00820, "rev64 with 64-bit elements" },
    { 0x6ea00820, "rev32 with 32-bit elements" },
    { 0x4e601820, "rev16 with 16-bit elements" },
    { 0x4e605820, "cnt with halfword lanes" },
    { 0x0ee12820, "xtn from 128-bit elements" },
    { 0x0ee0b820, "abs v0.1d" },
    { 0x2e217820, "fcvtl with U = 1" },
    { 0x2e216820, "fcvtxn with sz = 0" },
    { 0x4ee1c820, "urecpe with 64-bit lanes" },
    { 0x2ee1f820, "fsqrt v0.1d" },
    { 0x4ea1f820, "frecpx (vector form does not exist)" },
    { 0x0eb1b820, "addv from two 32-bit lanes" },
    { 0x4ef1b820, "addv with 64-bit lanes" },
    { 0x6e31b820, "addv with U = 1" },
    { 0x6e70f820, "fmaxv on doubles" },
    { 0x2e30f820, "fmaxv from two lanes" },
    { 0x0e30f820, "fmaxv with U = 0 (FP16)" },
    { 0x4e000420, "dup with imm5 = 00000" },
    { 0x0e180420, "dup v0.1d, v1.d[1]" },
    { 0x0e083c20, "umov to w from a doubleword" },
    { 0x0e042c20, "smov to w from a word" },
    { 0x4e082c20, "smov to x from a doubleword" },
    { 0x0e011c20, "ins (general) with Q = 0" },
    { 0x4e011420, "copy imm4 = 0010" },
    { 0x2e010420, "copy op = 1, Q = 0" },
    { 0x0ec23820, "zip1 v0.1d" },
    { 0x4e020820, "permute opcode 000" },
    { 0x4e024820, "permute opcode 100" },
    { 0x2e024020, "ext v0.8b with index 8" },
    { 0x6e420020, "ext with op2 = 01" },
    { 0x4e420020, "tbl with op2 = 01" },
    { 0x2f00f400, "fmov (vector, immediate) op = 1, Q = 0" },
    { 0x0f00fc00, "fmov (vector, immediate) half precision (o2 = 1)" },
    { 0x0f000c00, "modified immediate with o2 = 1" },
    { 0x0f410420, "sshr v0.1d" },
    { 0x0f418420, "shrn from 128-bit elements" },
    { 0x0f40a420, "sshll from 64-bit elements" },
    { 0x0f10e420, "scvtf (fixed) on halfwords" },
    { 0x0f40fc20, "fcvtzs (fixed) v0.1d" },
    { 0x0f080c20, "shift by immediate opcode 00001" },
    { 0x4f028020, "mul (element) with byte lanes" },
    { 0x4fc28020, "mul (element) with 64-bit lanes" },
    { 0x4fe21020, "fmla (element) on doubles with L = 1" },
    { 0x0fc21020, "fmla (element) v0.1d" },
    { 0x2f821020, "by element U = 1 opcode 0001" },
    { 0x5ea28420, "add (scalar) on words" },
    { 0x5e22b420, "sqdmulh (scalar) on bytes" },
    { 0x5e220420, "shadd (scalar)" },
    { 0x5ee2d420, "fadd (scalar) in the SIMD scalar class" },
    { 0x5ea0b820, "abs (scalar) on words" },
    { 0x5e212820, "xtn (scalar)" },
    { 0x7ee0a820, "scalar two-reg misc U = 1 opcode 01010" },
    { 0x7ea1f820, "fsqrt (scalar) in the SIMD scalar class" },
    { 0x5eb1b820, "addp (scalar) from words" },
    { 0x5e30d820, "faddp (scalar) with U = 0 (FP16)" },
    { 0x5e010c20, "scalar copy with imm4 = 0001" },
    { 0x7e010420, "scalar copy with op = 1" },
    { 0x5f828020, "mul (scalar, element)" },
    { 0x5f200420, "sshr (scalar) on words" },
    { 0x5f088420, "shrn (scalar)" },
    { 0x5f08a420, "sshll (scalar)" },
    { 0x5f000420, "scalar shift with immh = 0000" },
    { 0x5f10e420, "scvtf (scalar, fixed) on halfwords" },
    { 0x5e20c020, "sqdmull (scalar) from bytes" },
};

/* Later extensions we do not advertise: FP16, RDM, dot product, complex,
 * i8mm, BF16, FHM, FRINT32, SHA3/SM, and the crypto instructions (which
 * QEMU's cortex-a57 does implement: we leave them out on purpose). */
static const RawCase extensions[] = {
    { 0x0e421420, "fadd" },
    { 0x4e421420, "fadd" },
    { 0x0e30c820, "fmaxnmv" },
    { 0x0ef8f820, "fabs" },
    { 0x0ef9b820, "fcvtzs" },
    { 0x0f1dfc20, "fcvtzs" },
    { 0x5e79d820, "scvtf" },
    { 0x0f121020, "fmla" },
    { 0x5f329820, "fmul" },
    { 0x5e422420, "fcmeq" },
    { 0x5e30d820, "faddp" },
    { 0x2e428420, "sqrdmlah" },
    { 0x7e828c20, "sqrdmlsh" },
    { 0x6fa2d020, "sqrdmlah" },
    { 0x0e829420, "sdot" },
    { 0x6fa2e020, "udot" },
    { 0x6e82cc20, "fcmla" },
    { 0x6e82e420, "fcadd" },
    { 0x4e82ac20, "usmmla" },
    { 0x0ea16820, "bfcvtn" },
    { 0x2e42fc20, "bfdot" },
    { 0x0e22ec20, "fmlal" },
    { 0x4e21e820, "frint32z" },
    { 0xce020c20, "eor3" },
    { 0xce420c20, "sm3ss1" },
    { 0x0f03fe00, "fmov" },
};

/* An UNDEFINED instruction does not retire: the exception is taken at it
 * (ELR = its address, EC 0) and v0 is untouched. */
static void expect_undefined(const RawCase *c)
{
    emu_cpu_set_pstate(h->cpu, 0x3c5);     /* EL1h, DAIF masked */
    set_v(0, 0x1111, 0x2222);
    harness_code(h, &c->insn, 1);
    harness_run(h, 1);
    cr_expect_eq(emu_cpu_pc(h->cpu), harness_vector(0x200), "%08x %s: no exception", c->insn, c->text);
    cr_expect_eq(harness_elr(h), HARNESS_CODE, "%08x %s", c->insn, c->text);
    cr_expect_eq(harness_esr(h), 1u << 25, "%08x %s: esr %#llx", c->insn, c->text,
                 (unsigned long long)harness_esr(h));
    cr_expect_eq(v_lo(0), 0x1111, "%08x %s: wrote v0", c->insn, c->text);
    cr_expect_str_eq(emu_a64_name(c->insn), "unallocated", "%08x %s", c->insn, c->text);
}

Test(a64_simd, reserved_encodings_are_undefined)
{
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
        expect_undefined(&reserved[i]);
}

Test(a64_simd, later_extensions_are_undefined)
{
    for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
        expect_undefined(&extensions[i]);
}

Test(a64_simd, fp_disabled_traps_with_ec_7)
{
    h->cpu->sys.cpacr_el1 = 0;
    set_v(0, 0x1111, 0x2222);
    harness_code(h, (uint32_t[]){ 0x4e228420 }, 1);   /* add v0.16b, v1.16b, v2.16b */
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200));
    cr_assert_eq(harness_elr(h), HARNESS_CODE);
    cr_assert_eq(harness_esr(h) >> 26, 0x07);
    cr_assert_eq(v_lo(0), 0x1111);
}

Test(a64_simd, decoder_names_follow_the_mnemonics)
{
    cr_expect_str_eq(emu_a64_name(0x4e228420), "add");            /* add v0.16b */
    cr_expect_str_eq(emu_a64_name(0x6e228c20), "cmeq");           /* cmeq v0.16b */
    cr_expect_str_eq(emu_a64_name(0x6e30a800), "umaxv");
    cr_expect_str_eq(emu_a64_name(0x0f0c8420), "shrn");           /* shrn v0.8b, v1.8h, #4 */
    cr_expect_str_eq(emu_a64_name(0x4e22d420), "fadd");
    cr_expect_str_eq(emu_a64_name(0x5ee28420), "add_scalar");     /* add d0, d1, d2 */
    cr_expect_str_eq(emu_a64_name(0x4f000400), "movi");           /* movi v0.4s, #0 */
}

/* Every Advanced SIMD instruction word in picolibc's aarch64 string
 * routines (memchr, memcmp, memcpy, memrchr, memset, rawmemchr, strchr,
 * strchrnul, strcmp, strcpy, strlen, strncmp, strnlen, strrchr, stpcpy,
 * memmove as assembled with -march=armv8-a): 77 words of ADD, ADDP, AND,
 * BIF, CMEQ, CMHS, DUP, EOR, MOV, ORR, SHRN, UMAXP, UMINP. Their values
 * were compared with QEMU by the differential runs; here, that none falls
 * through to UNDEFINED. */
Test(a64_simd, picolibc_string_routines_decode)
{
    static const uint32_t words[] = {
        0x0e209800, 0x0f0c8400, 0x0f0c8422, 0x0f0c8443, 0x4e010c20, 0x4e040c40,
        0x4e040c87, 0x4e040c90, 0x4e040ca5, 0x4e083c01, 0x4e083c6a, 0x4e083cc6,
        0x4e083e03, 0x4e083e05, 0x4e083e23, 0x4e083e25, 0x4e083e2a, 0x4e183e2b,
        0x4e201c21, 0x4e201c42, 0x4e209801, 0x4e209820, 0x4e209821, 0x4e209823,
        0x4e209840, 0x4e209842, 0x4e209844, 0x4e209a31, 0x4e20bc00, 0x4e22bc20,
        0x4e23bc63, 0x4e24bc63, 0x4e24bc66, 0x4e251c63, 0x4e251c84, 0x4e25bc71,
        0x4e25be31, 0x4e26bca5, 0x4e26bcb0, 0x4e26bcc6, 0x4e271c63, 0x4e271c65,
        0x4e271c84, 0x4e271c86, 0x4e301c71, 0x4e301c92, 0x4e301ca5, 0x4e301cc6,
        0x4e30be10, 0x4e32be31, 0x4ea41c66, 0x4ea41c70, 0x4ea41c71, 0x4eb08607,
        0x4ee6bcc6, 0x6e208c22, 0x6e208c23, 0x6e208c25, 0x6e208c44, 0x6e208c46,
        0x6e20a400, 0x6e20ac00, 0x6e211c00, 0x6e213ca3, 0x6e21a400, 0x6e21a422,
        0x6e223cc4, 0x6e22a421, 0x6e22a443, 0x6e22ac20, 0x6e22ac31, 0x6e231c41,
        0x6e251c82, 0x6e30a610, 0x6e31a631, 0x6ee71ca3, 0x6ee71cc4,
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        cr_expect_str_neq(emu_a64_name(words[i]), "unallocated", "%08x", words[i]);
}

Test(a64_simd, fmla_2d_is_fused_on_every_host_path)
{
    /* fmla v0.2d, v1.2d, v2.2d. Lane 0: (1 + 2^-27)^2 - 1 is 2^-26 + 2^-54
     * fused, and 2^-26 if the product were rounded first; lane 1:
     * 2 * 3 + 1, both exact (no IXC of their own). With IXC already set, an FMA host takes both lanes
     * inline; a quiet NaN in lane 1 sends the instruction down the general
     * path, which must agree on lane 0 and return the NaN. */
    static const struct { uint64_t n1, d1, want1; uint32_t fpsr0, fpsr; } cases[] = {
        { 0x4000000000000000ull, 0x3ff0000000000000ull, 0x401c000000000000ull, 0x10, 0x10 },
        { 0x4000000000000000ull, 0x3ff0000000000000ull, 0x401c000000000000ull, 0x00, 0x00 },
        { 0x7ff8000000000123ull, 0x3ff0000000000000ull, 0x7ff8000000000123ull, 0x10, 0x10 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        harness_code(h, (uint32_t[]){ 0x4e62cc20 }, 1);
        emu_cpu_set_v(h->cpu, 1, (uint64_t[]){ 0x3ff0000002000000ull, cases[i].n1 });
        emu_cpu_set_v(h->cpu, 2, (uint64_t[]){ 0x3ff0000002000000ull, 0x4008000000000000ull });
        emu_cpu_set_v(h->cpu, 0, (uint64_t[]){ 0xbff0000000000000ull, cases[i].d1 });
        emu_cpu_set_fpcr(h->cpu, 0);
        emu_cpu_set_fpsr(h->cpu, cases[i].fpsr0);
        cr_assert_eq(harness_run(h, 1), 1);
        uint64_t v0[2];
        emu_cpu_v(h->cpu, 0, v0);
        cr_expect_eq(v0[0], 0x3e50000001000000ull, "case %zu: lane 0 %#llx", i, (unsigned long long)v0[0]);
        cr_expect_eq(v0[1], cases[i].want1, "case %zu: lane 1 %#llx", i, (unsigned long long)v0[1]);
        cr_expect_eq(emu_cpu_fpsr(h->cpu), cases[i].fpsr, "case %zu: fpsr %#x", i, emu_cpu_fpsr(h->cpu));
    }
}
