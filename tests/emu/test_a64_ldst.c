/* tests/emu/test_a64_ldst.c — loads and stores (emu/a64_ldst.c).
 *
 * Most expected values come from QEMU: the table `qemu_cases` was produced
 * by running each instruction under `qemu-aarch64 -cpu cortex-a57` (7.2)
 * from the state that `diff_setup` builds here, and recording what changed:
 * X(n, v) general register n (x1, the base, as an offset from the buffer),
 * V(n, half, v) one 64-bit half of a V register, M(off, v) the 8-byte word
 * at x1 + off (BASE: the word holds x1's initial value). Everything not
 * listed must be unchanged.
 */
#include <criterion/criterion.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(a64_ldst, .init = setup, .fini = teardown, .timeout = 10);

/* ---- Whole-state comparison ------------------------------------------------ */

#define BUF       HARNESS_DATA          /* 512 pattern bytes */
#define BUF_LEN   512
#define BASE      (BUF + 256)           /* x1 at the start of every case */
#define RAM_END   (HARNESS_RAM + HARNESS_SIZE)

typedef struct State {
    uint64_t x[31], sp, pc;
    uint64_t v[32][2];
    uint8_t mem[BUF_LEN];
} State;

static void state_get(State *s)
{
    for (unsigned i = 0; i < 31; i++)
        s->x[i] = emu_cpu_x(h->cpu, i);
    s->sp = emu_cpu_sp(h->cpu);
    s->pc = emu_cpu_pc(h->cpu);
    for (unsigned i = 0; i < 32; i++)
        emu_cpu_v(h->cpu, i, s->v[i]);
    harness_read(h, BUF, s->mem, BUF_LEN);
}

static void state_assert_eq(const State *a, const State *b, const char *what)
{
    for (unsigned i = 0; i < 31; i++)
        cr_assert_eq(a->x[i], b->x[i], "%s: x%u is 0x%lx, expected 0x%lx", what, i,
                     (unsigned long)a->x[i], (unsigned long)b->x[i]);
    cr_assert_eq(a->sp, b->sp, "%s: sp", what);
    for (unsigned i = 0; i < 32; i++)
        for (unsigned j = 0; j < 2; j++)
            cr_assert_eq(a->v[i][j], b->v[i][j], "%s: v%u.d[%u] is 0x%lx, expected 0x%lx",
                         what, i, j, (unsigned long)a->v[i][j], (unsigned long)b->v[i][j]);
    for (unsigned i = 0; i < BUF_LEN; i++)
        cr_assert_eq(a->mem[i], b->mem[i], "%s: byte at buffer+0x%x is 0x%02x, expected 0x%02x",
                     what, i, a->mem[i], b->mem[i]);
}

/* The state the QEMU table was recorded from: byte i of the buffer is
 * i * 167 + 13, x1 = buffer + 256, V register n has halfwords
 * 0x8000 | n << 8 | i * 17. */
static void diff_setup(uint64_t x2)
{
    uint8_t pat[BUF_LEN];
    for (unsigned i = 0; i < BUF_LEN; i++)
        pat[i] = (uint8_t)(i * 167 + 13);
    harness_write(h, BUF, pat, BUF_LEN);
    static const uint64_t x[8] = {
        0x0123456789abcdefull, BASE, 0, 0xa5a5a5a5a5a5a5a5ull,
        0x1111222233334444ull, 0x5555666677778888ull, 6, 7,
    };
    for (unsigned i = 0; i < 8; i++)
        emu_cpu_set_x(h->cpu, i, x[i]);
    emu_cpu_set_x(h->cpu, 2, x2);
    for (unsigned n = 0; n < 32; n++) {
        uint64_t v[2] = { 0, 0 };
        for (unsigned i = 0; i < 8; i++)
            v[i / 4] |= (uint64_t)(0x8000 | n << 8 | i * 17) << (16 * (i % 4));
        emu_cpu_set_v(h->cpu, n, v);
    }
}

/* Run one instruction word at HARNESS_CODE; it must retire. */
static void run_one(uint32_t insn, const char *text)
{
    harness_code(h, &insn, 1);
    cr_assert_eq(harness_run(h, 1), 1, "%s did not retire", text);
    cr_assert_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4, "%s: pc 0x%lx (ESR_EL1 0x%lx)", text,
                 (unsigned long)emu_cpu_pc(h->cpu), (unsigned long)harness_esr(h));
}

/* Run one instruction word that must take a synchronous exception to EL1
 * without retiring. Returns ESR_EL1. */
static uint64_t run_fault(uint32_t insn, const char *text)
{
    harness_code(h, &insn, 1);
    harness_run(h, 1);
    cr_assert_eq(emu_cpu_pc(h->cpu), harness_vector(0x200), "%s: no exception (pc 0x%lx)",
                 text, (unsigned long)emu_cpu_pc(h->cpu));
    cr_assert_eq(harness_elr(h), HARNESS_CODE, "%s: ELR", text);
    return harness_esr(h);
}

/* Run an instruction that must fault and leave every register and the
 * buffer as they were. Returns ESR_EL1. */
static uint64_t run_fault_unchanged(uint32_t insn, const char *text)
{
    State before, after;
    state_get(&before);
    uint64_t esr = run_fault(insn, text);
    state_get(&after);
    state_assert_eq(&after, &before, text);
    return esr;
}

#define ESR_DABT(iss)  ((0x25ull << 26) | (1ull << 25) | (iss))
#define ESR_UNDEF      (1ull << 25)
#define WNR            (1u << 6)

/* ---- Table: every class, checked against QEMU ------------------------------- */

typedef struct Change {
    char kind;          /* 'x', 'v', 'm' */
    int n;              /* register, or offset from x1 */
    unsigned half;
    uint64_t val;
} Change;

typedef struct DiffCase {
    uint32_t insn;
    const char *text;
    uint64_t x2;
    Change ch[12];
} DiffCase;

#define X(r, v)    { 'x', r, 0, v }
#define V(r, h, v) { 'v', r, h, v }
#define M(o, v)    { 'm', o, 0, v }

static const DiffCase qemu_cases[] = {
    { 0x39420420, "ldrb w0, [x1, #0x81]", 0x0, { X(0, 0x34) } },
    { 0x39820020, "ldrsb x0, [x1, #0x80]", 0x0, { X(0, 0xffffffffffffff8d) } },
    { 0x39c20020, "ldrsb w0, [x1, #0x80]", 0x0, { X(0, 0xffffff8d) } },
    { 0x39c20420, "ldrsb w0, [x1, #0x81]", 0x0, { X(0, 0x34) } },
    { 0x79410020, "ldrh w0, [x1, #0x80]", 0x0, { X(0, 0x348d) } },
    { 0x79810420, "ldrsh x0, [x1, #0x82]", 0x0, { X(0, 0xffffffffffff82db) } },
    { 0x79c10420, "ldrsh w0, [x1, #0x82]", 0x0, { X(0, 0xffff82db) } },
    { 0xb9408020, "ldr w0, [x1, #0x80]", 0x0, { X(0, 0x82db348d) } },
    { 0xb9808420, "ldrsw x0, [x1, #0x84]", 0x0, { X(0, 0x1e77d029) } },
    { 0xf9400420, "ldr x0, [x1, #8]", 0x0, { X(0, 0xd62f88e13a93ec45) } },
    { 0xf9407c23, "ldr x3, [x1, #248]", 0x0, { X(3, 0x66bf1871ca237cd5) } },
    { 0xb8403023, "ldr w3, [x1, #3]", 0x0, { X(3, 0xf750a902) } },
    { 0xf85f8020, "ldur x0, [x1, #-8]", 0x0, { X(0, 0x66bf1871ca237cd5) } },
    { 0xf8501020, "ldur x0, [x1, #-255]", 0x0, { X(0, 0x459ef750a9025bb4) } },
    { 0x385ff020, "ldurb w0, [x1, #-1]", 0x0, { X(0, 0x66) } },
    { 0x38dfd020, "ldursb w0, [x1, #-3]", 0x0, { X(0, 0x18) } },
    { 0x789fe020, "ldursh x0, [x1, #-2]", 0x0, { X(0, 0x66bf) } },
    { 0xb89fc020, "ldursw x0, [x1, #-4]", 0x0, { X(0, 0x66bf1871) } },
    { 0xf85f0420, "ldr x0, [x1], #-16", 0x0, { X(0, 0x9ef750a9025bb40d), X(1, 0xf0) } },
    { 0xf8410c20, "ldr x0, [x1, #16]!", 0x0, { X(0, 0xe67c01972cb247d), X(1, 0x110) } },
    { 0x78c02420, "ldrsh w0, [x1], #2", 0x0, { X(0, 0xffffb40d), X(1, 0x102) } },
    { 0x384ffc20, "ldrb w0, [x1, #255]!", 0x0, { X(0, 0x66), X(1, 0x1ff) } },
    { 0xb8900c20, "ldrsw x0, [x1, #-256]!", 0x0, { X(0, 0x25bb40d), X(1, 0x0) } },
    { 0xf8408820, "ldtr x0, [x1, #8]", 0x0, { X(0, 0xd62f88e13a93ec45) } },
    { 0x38880820, "ldtrsb x0, [x1, #0x80]", 0x0, { X(0, 0xffffffffffffff8d) } },
    { 0x78df9820, "ldtrsh w0, [x1, #-7]", 0x0, { X(0, 0x237c) } },
    { 0x78480820, "ldtrh w0, [x1, #0x80]", 0x0, { X(0, 0x348d) } },
    { 0xb880c820, "ldtrsw x0, [x1, #12]", 0x0, { X(0, 0xffffffffd62f88e1) } },
    { 0xf8626820, "ldr x0, [x1, x2]", 0x10, { X(0, 0xe67c01972cb247d) } },
    { 0xf8627820, "ldr x0, [x1, x2, lsl #3]", 0x2, { X(0, 0xe67c01972cb247d) } },
    { 0xb8624820, "ldr w0, [x1, w2, uxtw]", 0xffffffff00000020, { X(0, 0xe23b94ed) } },
    { 0xb8625820, "ldr w0, [x1, w2, uxtw #2]", 0xdeadbeef00000008, { X(0, 0xe23b94ed) } },
    { 0xf862d820, "ldr x0, [x1, w2, sxtw #3]", 0xfffffffe, { X(0, 0x2e87e03992eb449d) } },
    { 0x7862f820, "ldrh w0, [x1, x2, sxtx #1]", 0xfffffffffffffffc, { X(0, 0x7cd5) } },
    { 0x38a26820, "ldrsb x0, [x1, x2]", 0x90, { X(0, 0xfffffffffffffffd) } },
    { 0x38e2c820, "ldrsb w0, [x1, w2, sxtw]", 0x12345678ffffff90, { X(0, 0xfffffffd) } },
    { 0x78a2e820, "ldrsh x0, [x1, x2, sxtx]", 0xfffffffffffffff9, { X(0, 0x237c) } },
    { 0xb8a27820, "ldrsw x0, [x1, x2, lsl #2]", 0x3, { X(0, 0xffffffffd62f88e1) } },
    { 0x78e27820, "ldrsh w0, [x1, x2, lsl #1]", 0x5, { X(0, 0x3a93) } },
    { 0xf87f6820, "ldr x0, [x1, xzr]", 0x0, { X(0, 0x9ef750a9025bb40d) } },
    { 0xf8408421, "ldr x1, [x1], #8", 0x0, { X(1, 0x108) } },
    { 0xf8408c21, "ldr x1, [x1, #8]!", 0x0, { X(1, 0x108) } },
    { 0xf8408c3f, "ldr xzr, [x1, #8]!", 0x0, { X(1, 0x108) } },
    { 0x39004020, "strb w0, [x1, #0x10]", 0x0, { M(16, 0xe67c01972cb24ef) } },
    { 0x79002020, "strh w0, [x1, #0x10]", 0x0, { M(16, 0xe67c01972cbcdef) } },
    { 0xb9001020, "str w0, [x1, #0x10]", 0x0, { M(16, 0xe67c01989abcdef) } },
    { 0xf8011020, "str x0, [x1, #0x11]", 0x0, { M(16, 0x23456789abcdef7d), M(24, 0x469ff851aa035c01) } },
    { 0x781fe020, "sturh w0, [x1, #-2]", 0x0, { M(-8, 0xcdef1871ca237cd5) } },
    { 0xf8101023, "stur x3, [x1, #-255]", 0x0, { M(-256, 0xa5a5a5a5a5a5a50d), M(-248, 0xd62f88e13a93eca5) } },
    { 0xf8008420, "str x0, [x1], #8", 0x0, { X(1, 0x108), M(0, 0x123456789abcdef) } },
    { 0xb81fcc20, "str w0, [x1, #-4]!", 0x0, { X(1, 0xfc), M(-8, 0x89abcdefca237cd5) } },
    { 0x381ffc20, "strb w0, [x1, #-1]!", 0x0, { X(1, 0xff), M(-8, 0xefbf1871ca237cd5) } },
    { 0x38003820, "sttrb w0, [x1, #3]", 0x0, { M(0, 0x9ef750a9ef5bb40d) } },
    { 0x781fd820, "sttrh w0, [x1, #-3]", 0x0, { M(-8, 0x66cdef71ca237cd5) } },
    { 0xb8005820, "sttr w0, [x1, #5]", 0x0, { M(0, 0xabcdefa9025bb40d), M(8, 0xd62f88e13a93ec89) } },
    { 0xf81f0820, "sttr x0, [x1, #-16]", 0x0, { M(-16, 0x123456789abcdef) } },
    { 0xf822d820, "str x0, [x1, w2, sxtw #3]", 0xffffffff, { M(-8, 0x123456789abcdef) } },
    { 0x78227820, "strh w0, [x1, x2, lsl #1]", 0x5, { M(8, 0xd62f88e1cdefec45) } },
    { 0x3822e820, "strb w0, [x1, x2, sxtx]", 0xfffffffffffffffe, { M(-8, 0x66ef1871ca237cd5) } },
    { 0xb8225820, "str w0, [x1, w2, uxtw #2]", 0x100000004, { M(16, 0xe67c01989abcdef) } },
    { 0xf900103f, "str xzr, [x1, #0x20]", 0x0, { M(32, 0x0) } },
    { 0xf8008421, "str x1, [x1], #8", 0x0, { X(1, 0x108), M(0, BASE) } },
    { 0xf81f8c21, "str x1, [x1, #-8]!", 0x0, { X(1, 0xf8), M(-8, BASE) } },
    { 0xa9410820, "ldp x0, x2, [x1, #16]", 0x0, { X(0, 0xe67c01972cb247d), X(2, 0x469ff851aa035cb5) } },
    { 0x297f0820, "ldp w0, w2, [x1, #-8]", 0x0, { X(0, 0xca237cd5), X(2, 0x66bf1871) } },
    { 0x69500820, "ldpsw x0, x2, [x1, #0x80]", 0x0, { X(0, 0xffffffff82db348d), X(2, 0x1e77d029) } },
    { 0x68c10820, "ldpsw x0, x2, [x1], #8", 0x0, { X(0, 0x25bb40d), X(1, 0x108), X(2, 0xffffffff9ef750a9) } },
    { 0x69ff1023, "ldpsw x3, x4, [x1, #-8]!", 0x0, { X(1, 0xf8), X(3, 0xffffffffca237cd5), X(4, 0x66bf1871) } },
    { 0xa8c20820, "ldp x0, x2, [x1], #32", 0x0, { X(0, 0x9ef750a9025bb40d), X(1, 0x120), X(2, 0xd62f88e13a93ec45) } },
    { 0xa9ff0820, "ldp x0, x2, [x1, #-16]!", 0x0, { X(0, 0x2e87e03992eb449d), X(1, 0xf0), X(2, 0x66bf1871ca237cd5) } },
    { 0x29c09023, "ldp w3, w4, [x1, #4]!", 0x0, { X(1, 0x104), X(3, 0x9ef750a9), X(4, 0x3a93ec45) } },
    { 0xa8408820, "ldnp x0, x2, [x1, #8]", 0x0, { X(0, 0xd62f88e13a93ec45), X(2, 0xe67c01972cb247d) } },
    { 0x287f8820, "ldnp w0, w2, [x1, #-4]", 0x0, { X(0, 0x66bf1871), X(2, 0x25bb40d) } },
    { 0xa9010820, "stp x0, x2, [x1, #16]", 0x0, { M(16, 0x123456789abcdef), M(24, 0x0) } },
    { 0x29bf0820, "stp w0, w2, [x1, #-8]!", 0x0, { X(1, 0xf8), M(-8, 0x89abcdef) } },
    { 0xa8bf0820, "stp x0, x2, [x1], #-16", 0x0, { X(1, 0xf0), M(0, 0x123456789abcdef), M(8, 0x0) } },
    { 0x28008820, "stnp w0, w2, [x1, #4]", 0x0, { M(0, 0x89abcdef025bb40d), M(8, 0xd62f88e100000000) } },
    { 0xa8309424, "stnp x4, x5, [x1, #-248]", 0x0, { M(-248, 0x1111222233334444), M(-240, 0x5555666677778888) } },
    { 0xa9008c3f, "stp xzr, x3, [x1, #8]", 0x0, { M(8, 0x0), M(16, 0xa5a5a5a5a5a5a5a5) } },
    { 0xa9400020, "ldp x0, x0, [x1] (Rt == Rt2: the first value)", 0x0, { X(0, 0x9ef750a9025bb40d) } },
    { 0x29400020, "ldp w0, w0, [x1] (Rt == Rt2: the first value)", 0x0, { X(0, 0x25bb40d) } },
    { 0x69400020, "ldpsw x0, x0, [x1] (Rt == Rt2: the first value)", 0x0, { X(0, 0x25bb40d) } },
    { 0xa8c10821, "ldp x1, x2, [x1], #16 (Rt == Rn: the writeback wins)", 0x0, { X(1, 0x110), X(2, 0xd62f88e13a93ec45) } },
    { 0xa9c10422, "ldp x2, x1, [x1, #16]! (Rt2 == Rn: the writeback wins)", 0x0, { X(1, 0x110), X(2, 0xe67c01972cb247d) } },
    { 0xa9810821, "stp x1, x2, [x1, #16]!", 0x0, { X(1, 0x110), M(16, BASE), M(24, 0x0) } },
    { 0xa8bf0422, "stp x2, x1, [x1], #-16", 0x0, { X(1, 0xf0), M(0, 0x0), M(8, BASE) } },
    { 0x3d420020, "ldr b0, [x1, #0x80]", 0x0, { V(0, 0, 0x8d), V(0, 1, 0x0) } },
    { 0x7d410020, "ldr h0, [x1, #0x80]", 0x0, { V(0, 0, 0x348d), V(0, 1, 0x0) } },
    { 0xbd408020, "ldr s0, [x1, #0x80]", 0x0, { V(0, 0, 0x82db348d), V(0, 1, 0x0) } },
    { 0xfd400420, "ldr d0, [x1, #8]", 0x0, { V(0, 0, 0xd62f88e13a93ec45), V(0, 1, 0x0) } },
    { 0x3dc00420, "ldr q0, [x1, #0x10]", 0x0, { V(0, 0, 0xe67c01972cb247d), V(0, 1, 0x469ff851aa035cb5) } },
    { 0x3cdf0020, "ldur q0, [x1, #-16]", 0x0, { V(0, 0, 0x2e87e03992eb449d), V(0, 1, 0x66bf1871ca237cd5) } },
    { 0x7c5fd021, "ldur h1, [x1, #-3]", 0x0, { V(1, 0, 0xbf18), V(1, 1, 0x0) } },
    { 0x3cc10420, "ldr q0, [x1], #16", 0x0, { X(1, 0x110), V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0xd62f88e13a93ec45) } },
    { 0xfc5f8c20, "ldr d0, [x1, #-8]!", 0x0, { X(1, 0xf8), V(0, 0, 0x66bf1871ca237cd5), V(0, 1, 0x0) } },
    { 0x3c5ffc22, "ldr b2, [x1, #-1]!", 0x0, { X(1, 0xff), V(2, 0, 0x66), V(2, 1, 0x0) } },
    { 0xbc5fc423, "ldr s3, [x1], #-4", 0x0, { X(1, 0xfc), V(3, 0, 0x25bb40d), V(3, 1, 0x0) } },
    { 0x3ce27820, "ldr q0, [x1, x2, lsl #4]", 0x2, { V(0, 0, 0x7ed73089e23b94ed), V(0, 1, 0xb60f68c11a73cc25) } },
    { 0x3c627820, "ldr b0, [x1, x2, lsl #0]", 0x81, { V(0, 0, 0x34), V(0, 1, 0x0) } },
    { 0x3c626820, "ldr b0, [x1, x2]", 0x81, { V(0, 0, 0x34), V(0, 1, 0x0) } },
    { 0x7c62d820, "ldr h0, [x1, w2, sxtw #1]", 0xfffffffc, { V(0, 0, 0x7cd5), V(0, 1, 0x0) } },
    { 0xbc62c824, "ldr s4, [x1, w2, sxtw]", 0xfffffffc, { V(4, 0, 0x66bf1871), V(4, 1, 0x0) } },
    { 0xfc627825, "ldr d5, [x1, x2, lsl #3]", 0x3, { V(5, 0, 0x469ff851aa035cb5), V(5, 1, 0x0) } },
    { 0x3d004020, "str b0, [x1, #0x10]", 0x0, { M(16, 0xe67c01972cb2400) } },
    { 0x7d002020, "str h0, [x1, #0x10]", 0x0, { M(16, 0xe67c01972cb8000) } },
    { 0xbd001020, "str s0, [x1, #0x10]", 0x0, { M(16, 0xe67c01980118000) } },
    { 0xfd000820, "str d0, [x1, #0x10]", 0x0, { M(16, 0x8033802280118000) } },
    { 0x3d800420, "str q0, [x1, #0x10]", 0x0, { M(16, 0x8033802280118000), M(24, 0x8077806680558044) } },
    { 0x3c9ff020, "stur q0, [x1, #-1]", 0x0, { M(-8, 0xbf1871ca237cd5), M(0, 0x4480338022801180), M(8, 0xd680778066805580) } },
    { 0xbc1f9021, "stur s1, [x1, #-7]", 0x0, { M(-8, 0x66bf1881118100d5) } },
    { 0x3c9e0420, "str q0, [x1], #-32", 0x0, { X(1, 0xe0), M(0, 0x8033802280118000), M(8, 0x8077806680558044) } },
    { 0xbc004c20, "str s0, [x1, #4]!", 0x0, { X(1, 0x104), M(0, 0x80118000025bb40d) } },
    { 0x3c1fec27, "str b7, [x1, #-2]!", 0x0, { X(1, 0xfe), M(-8, 0x66001871ca237cd5) } },
    { 0x7c006426, "str h6, [x1], #6", 0x0, { X(1, 0x106), M(0, 0x9ef750a9025b8600) } },
    { 0xfc227820, "str d0, [x1, x2, lsl #3]", 0xfffffffffffffffe, { M(-16, 0x8033802280118000) } },
    { 0x3ca27821, "str q1, [x1, x2, lsl #4]", 0x3, { M(48, 0x8133812281118100), M(56, 0x8177816681558144) } },
    { 0x3c227822, "str b2, [x1, x2, lsl #0]", 0x7, { M(0, 0xf750a9025bb40d) } },
    { 0xad410420, "ldp q0, q1, [x1, #32]", 0x0, { V(0, 0, 0x7ed73089e23b94ed), V(0, 1, 0xb60f68c11a73cc25), V(1, 0, 0xee47a0f952ab045d), V(1, 1, 0x267fd8318ae33c95) } },
    { 0x6dbf0420, "stp d0, d1, [x1, #-16]!", 0x0, { X(1, 0xf0), M(-16, 0x8033802280118000), M(-8, 0x8133812281118100) } },
    { 0x2cc10420, "ldp s0, s1, [x1], #8", 0x0, { X(1, 0x108), V(0, 0, 0x25bb40d), V(0, 1, 0x0), V(1, 0, 0x9ef750a9), V(1, 1, 0x0) } },
    { 0x6d7ec430, "ldp d16, d17, [x1, #-24]", 0x0, { V(16, 0, 0xf64fa8015ab30c65), V(16, 1, 0x0), V(17, 0, 0x2e87e03992eb449d), V(17, 1, 0x0) } },
    { 0xad3f0420, "stp q0, q1, [x1, #-32]", 0x0, { M(-32, 0x8033802280118000), M(-24, 0x8077806680558044), M(-16, 0x8133812281118100), M(-8, 0x8177816681558144) } },
    { 0x2cbf7c3e, "stp s30, s31, [x1], #-8", 0x0, { X(1, 0xf8), M(0, 0x9f119f009e119e00) } },
    { 0xac7f0420, "ldnp q0, q1, [x1, #-32]", 0x0, { V(0, 0, 0xbe1770c9227bd42d), V(0, 1, 0xf64fa8015ab30c65), V(1, 0, 0x2e87e03992eb449d), V(1, 1, 0x66bf1871ca237cd5) } },
    { 0x6c008c22, "stnp d2, d3, [x1, #8]", 0x0, { M(8, 0x8233822282118200), M(16, 0x8333832283118300) } },
    { 0xac3e1424, "stnp q4, q5, [x1, #-64]", 0x0, { M(-64, 0x8433842284118400), M(-56, 0x8477846684558444), M(-48, 0x8533852285118500), M(-40, 0x8577856685558544) } },
    { 0x2c7f9c26, "ldnp s6, s7, [x1, #-4]", 0x0, { V(6, 0, 0x66bf1871), V(6, 1, 0x0), V(7, 0, 0x25bb40d), V(7, 1, 0x0) } },
    { 0x6d400020, "ldp d0, d0, [x1] (Rt == Rt2: the second value)", 0x0, { V(0, 0, 0xd62f88e13a93ec45), V(0, 1, 0x0) } },
    { 0x2d400020, "ldp s0, s0, [x1] (Rt == Rt2: the second value)", 0x0, { V(0, 0, 0x9ef750a9), V(0, 1, 0x0) } },
    { 0x4c407020, "ld1 {v0.16b}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0xd62f88e13a93ec45) } },
    { 0x0c407020, "ld1 {v0.8b}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0x0) } },
    { 0x4c40a820, "ld1 {v0.4s, v1.4s}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0xd62f88e13a93ec45), V(1, 0, 0xe67c01972cb247d), V(1, 1, 0x469ff851aa035cb5) } },
    { 0x4c406c3e, "ld1 {v30.2d, v31.2d, v0.2d}, [x1]", 0x0, { V(0, 0, 0x7ed73089e23b94ed), V(0, 1, 0xb60f68c11a73cc25), V(30, 0, 0x9ef750a9025bb40d), V(30, 1, 0xd62f88e13a93ec45), V(31, 0, 0xe67c01972cb247d), V(31, 1, 0x469ff851aa035cb5) } },
    { 0x0cdf2420, "ld1 {v0.4h, v1.4h, v2.4h, v3.4h}, [x1], #32", 0x0, { X(1, 0x120), V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0x0), V(1, 0, 0xd62f88e13a93ec45), V(1, 1, 0x0), V(2, 0, 0xe67c01972cb247d), V(2, 1, 0x0), V(3, 0, 0x469ff851aa035cb5), V(3, 1, 0x0) } },
    { 0x0c407c24, "ld1 {v4.1d}, [x1]", 0x0, { V(4, 0, 0x9ef750a9025bb40d), V(4, 1, 0x0) } },
    { 0x4cc2a03f, "ld1 {v31.16b, v0.16b}, [x1], x2", 0x20, { X(1, 0x120), V(0, 0, 0xe67c01972cb247d), V(0, 1, 0x469ff851aa035cb5), V(31, 0, 0x9ef750a9025bb40d), V(31, 1, 0xd62f88e13a93ec45) } },
    { 0x4c408420, "ld2 {v0.8h, v1.8h}, [x1]", 0x0, { V(0, 0, 0x88e1ec4550a9b40d), V(0, 1, 0xf8515cb5c019247d), V(1, 0, 0xd62f3a939ef7025b), V(1, 1, 0x469faa030e6772cb) } },
    { 0x0cdf8022, "ld2 {v2.8b, v3.8b}, [x1], #16", 0x0, { X(1, 0x110), V(2, 0, 0x2fe19345f7a95b0d), V(2, 1, 0x0), V(3, 0, 0xd6883aec9e5002b4), V(3, 1, 0x0) } },
    { 0x4c408c20, "ld2 {v0.2d, v1.2d}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0xe67c01972cb247d), V(1, 0, 0xd62f88e13a93ec45), V(1, 1, 0x469ff851aa035cb5) } },
    { 0x0c408826, "ld2 {v6.2s, v7.2s}, [x1]", 0x0, { V(6, 0, 0x3a93ec45025bb40d), V(6, 1, 0x0), V(7, 0, 0xd62f88e19ef750a9), V(7, 1, 0x0) } },
    { 0x4cc24820, "ld3 {v0.4s, v1.4s, v2.4s}, [x1], x2", 0xfffffffffffffff0, { X(1, 0xf0), V(0, 0, 0xd62f88e1025bb40d), V(0, 1, 0x7ed73089aa035cb5), V(1, 0, 0x72cb247d9ef750a9), V(1, 1, 0x1a73cc25469ff851), V(2, 0, 0xe67c0193a93ec45), V(2, 1, 0xb60f68c1e23b94ed) } },
    { 0x4c404020, "ld3 {v0.16b, v1.16b, v2.16b}, [x1]", 0x0, { V(0, 0, 0xc0cbd6e1ecf7020d), V(0, 1, 0x68737e89949faab5), V(1, 0, 0x67727d88939ea9b4), V(1, 1, 0xf1a25303b46515c), V(2, 0, 0xe19242f3a45505b), V(2, 1, 0xb6c1ccd7e2edf803) } },
    { 0x0cdf4425, "ld3 {v5.4h, v6.4h, v7.4h}, [x1], #24", 0x0, { X(1, 0x118), V(5, 0, 0x72cb88e19ef7b40d), V(5, 1, 0x0), V(6, 0, 0xc019d62fec45025b), V(6, 1, 0x0), V(7, 0, 0xe67247d3a9350a9), V(7, 1, 0x0) } },
    { 0x4c404c20, "ld3 {v0.2d, v1.2d, v2.2d}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0x469ff851aa035cb5), V(1, 0, 0xd62f88e13a93ec45), V(1, 1, 0x7ed73089e23b94ed), V(2, 0, 0xe67c01972cb247d), V(2, 1, 0xb60f68c11a73cc25) } },
    { 0x0c400020, "ld4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x1]", 0x0, { V(0, 0, 0x51b5197de145a90d), V(0, 1, 0x0), V(1, 0, 0xf85cc02488ec50b4), V(1, 1, 0x0), V(2, 0, 0x9f0367cb2f93f75b), V(2, 1, 0x0), V(3, 0, 0x46aa0e72d63a9e02), V(3, 1, 0x0) } },
    { 0x4cdf0020, "ld4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x1], #64", 0x0, { X(1, 0x140), V(0, 0, 0x51b5197de145a90d), V(0, 1, 0x3195f95dc12589ed), V(1, 0, 0xf85cc02488ec50b4), V(1, 1, 0xd83ca00468cc3094), V(2, 0, 0x9f0367cb2f93f75b), V(2, 1, 0x7fe347ab0f73d73b), V(3, 0, 0x46aa0e72d63a9e02), V(3, 1, 0x268aee52b61a7ee2) } },
    { 0x4c400420, "ld4 {v0.8h, v1.8h, v2.8h, v3.8h}, [x1]", 0x0, { V(0, 0, 0x5cb5247dec45b40d), V(0, 1, 0x3c95045dcc2594ed), V(1, 0, 0xaa0372cb3a93025b), V(1, 1, 0x8ae352ab1a73e23b), V(2, 0, 0xf851c01988e150a9), V(2, 1, 0xd831a0f968c13089), V(3, 0, 0x469f0e67d62f9ef7), V(3, 1, 0x267fee47b60f7ed7) } },
    { 0x0c40083e, "ld4 {v30.2s, v31.2s, v0.2s, v1.2s}, [x1]", 0x0, { V(0, 0, 0xaa035cb53a93ec45), V(0, 1, 0x0), V(1, 0, 0x469ff851d62f88e1), V(1, 1, 0x0), V(30, 0, 0x72cb247d025bb40d), V(30, 1, 0x0), V(31, 0, 0xe67c0199ef750a9), V(31, 1, 0x0) } },
    { 0x4c400c20, "ld4 {v0.2d, v1.2d, v2.2d, v3.2d}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0x7ed73089e23b94ed), V(1, 0, 0xd62f88e13a93ec45), V(1, 1, 0xb60f68c11a73cc25), V(2, 0, 0xe67c01972cb247d), V(2, 1, 0xee47a0f952ab045d), V(3, 0, 0x469ff851aa035cb5), V(3, 1, 0x267fd8318ae33c95) } },
    { 0x4c007c20, "st1 {v0.2d}, [x1]", 0x0, { M(0, 0x8033802280118000), M(8, 0x8077806680558044) } },
    { 0x0c9f7020, "st1 {v0.8b}, [x1], #8", 0x0, { X(1, 0x108), M(0, 0x8033802280118000) } },
    { 0x4c002020, "st1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x1]", 0x0, { M(0, 0x8033802280118000), M(8, 0x8077806680558044), M(16, 0x8133812281118100), M(24, 0x8177816681558144), M(32, 0x8233822282118200), M(40, 0x8277826682558244), M(48, 0x8333832283118300), M(56, 0x8377836683558344) } },
    { 0x0c9f6c20, "st1 {v0.1d, v1.1d, v2.1d}, [x1], #24", 0x0, { X(1, 0x118), M(0, 0x8033802280118000), M(8, 0x8133812281118100), M(16, 0x8233822282118200) } },
    { 0x0c82ac20, "st1 {v0.1d, v1.1d}, [x1], x2", 0x4, { X(1, 0x104), M(0, 0x8033802280118000), M(8, 0x8133812281118100) } },
    { 0x4c008820, "st2 {v0.4s, v1.4s}, [x1]", 0x0, { M(0, 0x8111810080118000), M(8, 0x8133812280338022), M(16, 0x8155814480558044), M(24, 0x8177816680778066) } },
    { 0x0c9f8022, "st2 {v2.8b, v3.8b}, [x1], #16", 0x0, { X(1, 0x110), M(0, 0x8382111183820000), M(8, 0x8382333383822222) } },
    { 0x4c008c20, "st2 {v0.2d, v1.2d}, [x1]", 0x0, { M(0, 0x8033802280118000), M(8, 0x8133812281118100), M(16, 0x8077806680558044), M(24, 0x8177816681558144) } },
    { 0x0c004020, "st3 {v0.8b, v1.8b, v2.8b}, [x1]", 0x0, { M(0, 0x1111828180000000), M(8, 0x8022222282818011), M(16, 0x8281803333338281) } },
    { 0x4c9f4420, "st3 {v0.8h, v1.8h, v2.8h}, [x1], #48", 0x0, { X(1, 0x130), M(0, 0x8011820081008000), M(8, 0x8122802282118111), M(16, 0x8233813380338222), M(24, 0x8055824481448044), M(32, 0x8166806682558155), M(40, 0x8277817780778266) } },
    { 0x4c9f0020, "st4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x1], #64", 0x0, { X(1, 0x140), M(0, 0x8382818000000000), M(8, 0x8382818011111111), M(16, 0x8382818022222222), M(24, 0x8382818033333333), M(32, 0x8382818044444444), M(40, 0x8382818055555555), M(48, 0x8382818066666666), M(56, 0x8382818077777777) } },
    { 0x0c000424, "st4 {v4.4h, v5.4h, v6.4h, v7.4h}, [x1]", 0x0, { M(0, 0x8700860085008400), M(8, 0x8711861185118411), M(16, 0x8722862285228422), M(24, 0x8733863385338433) } },
    { 0x4c00083e, "st4 {v30.4s, v31.4s, v0.4s, v1.4s}, [x1]", 0x0, { M(0, 0x9f119f009e119e00), M(8, 0x8111810080118000), M(16, 0x9f339f229e339e22), M(24, 0x8133812280338022), M(32, 0x9f559f449e559e44), M(40, 0x8155814480558044), M(48, 0x9f779f669e779e66), M(56, 0x8177816680778066) } },
    { 0x0d409020, "ld1 {v0.s}[1], [x1]", 0x0, { V(0, 0, 0x25bb40d80118000) } },
    { 0x4d401c20, "ld1 {v0.b}[15], [x1]", 0x0, { V(0, 1, 0xd77806680558044) } },
    { 0x4ddf5020, "ld1 {v0.h}[6], [x1], #2", 0x0, { X(1, 0x102), V(0, 1, 0x8077b40d80558044) } },
    { 0x0d408421, "ld1 {v1.d}[0], [x1]", 0x0, { V(1, 0, 0x9ef750a9025bb40d) } },
    { 0x4d604820, "ld2 {v0.h, v1.h}[5], [x1]", 0x0, { V(0, 1, 0x80778066b40d8044), V(1, 1, 0x81778166025b8144) } },
    { 0x4dff803f, "ld2 {v31.s, v0.s}[2], [x1], #8", 0x0, { X(1, 0x108), V(0, 1, 0x807780669ef750a9), V(31, 1, 0x9f779f66025bb40d) } },
    { 0x4d40a420, "ld3 {v0.d, v1.d, v2.d}[1], [x1]", 0x0, { V(0, 1, 0x9ef750a9025bb40d), V(1, 1, 0xd62f88e13a93ec45), V(2, 1, 0xe67c01972cb247d) } },
    { 0x0ddf3c20, "ld3 {v0.b, v1.b, v2.b}[7], [x1], #3", 0x0, { X(1, 0x103), V(0, 0, 0xd33802280118000), V(1, 0, 0xb433812281118100), V(2, 0, 0x5b33822282118200) } },
    { 0x4dffb020, "ld4 {v0.s, v1.s, v2.s, v3.s}[3], [x1], #16", 0x0, { X(1, 0x110), V(0, 1, 0x25bb40d80558044), V(1, 1, 0x9ef750a981558144), V(2, 1, 0x3a93ec4582558244), V(3, 1, 0xd62f88e183558344) } },
    { 0x0de22024, "ld4 {v4.b, v5.b, v6.b, v7.b}[0], [x1], x2", 0x8, { X(1, 0x108), V(4, 0, 0x843384228411840d), V(5, 0, 0x85338522851185b4), V(6, 0, 0x863386228611865b), V(7, 0, 0x8733872287118702) } },
    { 0x4d60a420, "ld4 {v0.d, v1.d, v2.d, v3.d}[1], [x1]", 0x0, { V(0, 1, 0x9ef750a9025bb40d), V(1, 1, 0xd62f88e13a93ec45), V(2, 1, 0xe67c01972cb247d), V(3, 1, 0x469ff851aa035cb5) } },
    { 0x4d008420, "st1 {v0.d}[1], [x1]", 0x0, { M(0, 0x8077806680558044) } },
    { 0x4d9f1423, "st1 {v3.b}[13], [x1], #1", 0x0, { X(1, 0x101), M(0, 0x9ef750a9025bb483) } },
    { 0x4d009022, "st1 {v2.s}[3], [x1]", 0x0, { M(0, 0x9ef750a982778266) } },
    { 0x4da20420, "st2 {v0.b, v1.b}[9], [x1], x2", 0x5, { X(1, 0x105), M(0, 0x9ef750a9025b8180) } },
    { 0x0d208426, "st2 {v6.d, v7.d}[0], [x1]", 0x0, { M(0, 0x8633862286118600), M(8, 0x8733872287118700) } },
    { 0x4d9fa020, "st3 {v0.s, v1.s, v2.s}[2], [x1], #12", 0x0, { X(1, 0x10c), M(0, 0x8155814480558044), M(8, 0xd62f88e182558244) } },
    { 0x0d007830, "st3 {v16.h, v17.h, v18.h}[3], [x1]", 0x0, { M(0, 0x9ef7923391339033) } },
    { 0x4d207820, "st4 {v0.h, v1.h, v2.h, v3.h}[7], [x1]", 0x0, { M(0, 0x8377827781778077) } },
    { 0x4dbfa43c, "st4 {v28.d, v29.d, v30.d, v31.d}[1], [x1], #32", 0x0, { X(1, 0x120), M(0, 0x9c779c669c559c44), M(8, 0x9d779d669d559d44), M(16, 0x9e779e669e559e44), M(24, 0x9f779f669f559f44) } },
    { 0x4d40c820, "ld1r {v0.4s}, [x1]", 0x0, { V(0, 0, 0x25bb40d025bb40d), V(0, 1, 0x25bb40d025bb40d) } },
    { 0x0d40c020, "ld1r {v0.8b}, [x1]", 0x0, { V(0, 0, 0xd0d0d0d0d0d0d0d), V(0, 1, 0x0) } },
    { 0x0ddfcc23, "ld1r {v3.1d}, [x1], #8", 0x0, { X(1, 0x108), V(3, 0, 0x9ef750a9025bb40d), V(3, 1, 0x0) } },
    { 0x4d40c422, "ld1r {v2.8h}, [x1]", 0x0, { V(2, 0, 0xb40db40db40db40d), V(2, 1, 0xb40db40db40db40d) } },
    { 0x4d60cc20, "ld2r {v0.2d, v1.2d}, [x1]", 0x0, { V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0x9ef750a9025bb40d), V(1, 0, 0xd62f88e13a93ec45), V(1, 1, 0xd62f88e13a93ec45) } },
    { 0x4dffc024, "ld2r {v4.16b, v5.16b}, [x1], #2", 0x0, { X(1, 0x102), V(4, 0, 0xd0d0d0d0d0d0d0d), V(4, 1, 0xd0d0d0d0d0d0d0d), V(5, 0, 0xb4b4b4b4b4b4b4b4), V(5, 1, 0xb4b4b4b4b4b4b4b4) } },
    { 0x4d40e420, "ld3r {v0.8h, v1.8h, v2.8h}, [x1]", 0x0, { V(0, 0, 0xb40db40db40db40d), V(0, 1, 0xb40db40db40db40d), V(1, 0, 0x25b025b025b025b), V(1, 1, 0x25b025b025b025b), V(2, 0, 0x50a950a950a950a9), V(2, 1, 0x50a950a950a950a9) } },
    { 0x0ddfe825, "ld3r {v5.2s, v6.2s, v7.2s}, [x1], #12", 0x0, { X(1, 0x10c), V(5, 0, 0x25bb40d025bb40d), V(5, 1, 0x0), V(6, 0, 0x9ef750a99ef750a9), V(6, 1, 0x0), V(7, 0, 0x3a93ec453a93ec45), V(7, 1, 0x0) } },
    { 0x0dffe420, "ld4r {v0.4h, v1.4h, v2.4h, v3.4h}, [x1], #8", 0x0, { X(1, 0x108), V(0, 0, 0xb40db40db40db40d), V(0, 1, 0x0), V(1, 0, 0x25b025b025b025b), V(1, 1, 0x0), V(2, 0, 0x50a950a950a950a9), V(2, 1, 0x0), V(3, 0, 0x9ef79ef79ef79ef7), V(3, 1, 0x0) } },
    { 0x4d60e03e, "ld4r {v30.16b, v31.16b, v0.16b, v1.16b}, [x1]", 0x0, { V(0, 0, 0x5b5b5b5b5b5b5b5b), V(0, 1, 0x5b5b5b5b5b5b5b5b), V(1, 0, 0x202020202020202), V(1, 1, 0x202020202020202), V(30, 0, 0xd0d0d0d0d0d0d0d), V(30, 1, 0xd0d0d0d0d0d0d0d), V(31, 0, 0xb4b4b4b4b4b4b4b4), V(31, 1, 0xb4b4b4b4b4b4b4b4) } },
    { 0x0de2ec20, "ld4r {v0.1d, v1.1d, v2.1d, v3.1d}, [x1], x2", 0x10, { X(1, 0x110), V(0, 0, 0x9ef750a9025bb40d), V(0, 1, 0x0), V(1, 0, 0xd62f88e13a93ec45), V(1, 1, 0x0), V(2, 0, 0xe67c01972cb247d), V(2, 1, 0x0), V(3, 0, 0x469ff851aa035cb5), V(3, 1, 0x0) } },
};

Test(a64_ldst, every_class_matches_qemu)
{
    for (unsigned c = 0; c < sizeof qemu_cases / sizeof qemu_cases[0]; c++) {
        const DiffCase *d = &qemu_cases[c];
        State expect, got;
        diff_setup(d->x2);
        harness_code(h, &d->insn, 1);
        state_get(&expect);
        expect.pc = HARNESS_CODE + 4;
        for (const Change *ch = d->ch; ch->kind; ch++) {
            switch (ch->kind) {
            case 'x':
                expect.x[ch->n] = ch->n == 1 ? BUF + ch->val : ch->val;
                break;
            case 'v':
                expect.v[ch->n][ch->half] = ch->val;
                break;
            default:
                memcpy(&expect.mem[256 + ch->n], &ch->val, 8);
                break;
            }
        }
        run_one(d->insn, d->text);
        state_get(&got);
        state_assert_eq(&got, &expect, d->text);
    }
}

/* ---- Hand-written cases ------------------------------------------------------- */

Test(a64_ldst, unsigned_offset_reaches_its_largest_scaled_immediate)
{
    harness_write64(h, HARNESS_DATA + 32760, 0x1122334455667788ull);
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA);
    run_one(0xf97ffc20, "ldr x0, [x1, #32760]");
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x1122334455667788ull);

    uint64_t q[2] = { 0x0102030405060708ull, 0x1112131415161718ull }, v[2];
    harness_write(h, HARNESS_DATA + 65520, q, 16);
    run_one(0x3dfffc20, "ldr q0, [x1, #65520]");
    emu_cpu_v(h->cpu, 0, v);
    cr_assert(v[0] == q[0] && v[1] == q[1]);
}

Test(a64_ldst, sp_is_the_base_register_31)
{
    harness_code(h, (uint32_t[]){
        0xa9bf7bfd,   /* stp x29, x30, [sp, #-16]! */
        0xf94007e0,   /* ldr x0, [sp, #8] */
        0xa8c17be3,   /* ldp x3, x30, [sp], #16 */
    }, 3);
    emu_cpu_set_sp(h->cpu, HARNESS_DATA + 0x100);
    emu_cpu_set_x(h->cpu, 29, 0x2929);
    emu_cpu_set_x(h->cpu, 30, 0x3030);
    cr_assert_eq(harness_run(h, 3), 3);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0xf0), 0x2929);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0xf8), 0x3030);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x3030);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0x2929);
    cr_assert_eq(emu_cpu_sp(h->cpu), HARNESS_DATA + 0x100);
}

Test(a64_ldst, sp_base_has_no_alignment_check)
{
    emu_cpu_set_sp(h->cpu, HARNESS_DATA + 3);
    harness_write64(h, HARNESS_DATA + 3 + 8, 0xfeedull);
    run_one(0xf94007e0, "ldr x0, [sp, #8]");
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0xfeedull);
}

Test(a64_ldst, load_crossing_a_page_boundary)
{
    harness_write64(h, HARNESS_DATA + 0xffc, 0x8877665544332211ull);
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA + 0xffc);
    run_one(0xf9400020, "ldr x0, [x1]");
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x8877665544332211ull);
}

/* ---- Load register (literal) ---- */

Test(a64_ldst, literal_loads_are_pc_relative)
{
    static const struct {
        uint32_t insn;
        const char *text;
        unsigned reg;       /* 0..31: x; 32 + n: v */
        uint64_t lo, hi;
    } cases[] = {
        { 0x18000080, "ldr w0, .+16", 0, 0x89abcdef, 0 },
        { 0x58000080, "ldr x0, .+16", 0, 0x0123456789abcdefull, 0 },
        { 0x98000080, "ldrsw x0, .+16", 0, 0xffffffff89abcdefull, 0 },
        { 0x1c000080, "ldr s0, .+16", 32, 0x89abcdef, 0 },
        { 0x5c000080, "ldr d0, .+16", 32, 0x0123456789abcdefull, 0 },
        { 0x9c000080, "ldr q0, .+16", 32, 0x0123456789abcdefull, 0xfedcba9876543210ull },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        uint32_t code[8] = { cases[c].insn, 0, 0, 0, 0x89abcdef, 0x01234567, 0x76543210, 0xfedcba98 };
        uint64_t ones[2] = { ~0ull, ~0ull }, v[2];
        harness_code(h, code, 8);
        emu_cpu_set_v(h->cpu, 0, ones);
        emu_cpu_set_x(h->cpu, 0, ~0ull);
        cr_assert_eq(harness_run(h, 1), 1, "%s", cases[c].text);
        if (cases[c].reg < 32) {
            cr_assert_eq(emu_cpu_x(h->cpu, 0), cases[c].lo, "%s", cases[c].text);
        } else {
            emu_cpu_v(h->cpu, 0, v);
            cr_assert(v[0] == cases[c].lo && v[1] == cases[c].hi, "%s: %lx %lx", cases[c].text,
                      (unsigned long)v[0], (unsigned long)v[1]);
        }
    }
}

Test(a64_ldst, literal_offset_can_be_negative)
{
    harness_code(h, (uint32_t[]){ 0x11223344, 0x55667788, 0x58ffffc0 /* ldr x0, .-8 */ }, 3);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE + 8);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x5566778811223344ull);
}

Test(a64_ldst, prefetches_are_nops_whatever_their_operation)
{
    static const uint32_t prf[] = {
        0xd8000040,   /* prfm pldl1keep, .+8 */
        0xf9800420,   /* prfm pldl1keep, [x1, #8] */
        0xf89ff020,   /* prfum pldl1keep, [x1, #-1] */
        0xf8a27820,   /* prfm pldl1keep, [x1, x2, lsl #3] */
        0xf980003f,   /* prfm #0x1f, [x1] (unallocated prfop) */
        0xd800001e,   /* prfm #0x1e, .  (unallocated prfop, literal) */
    };
    emu_cpu_set_x(h->cpu, 1, 0x100000000ull);   /* no memory there: never accessed */
    emu_cpu_set_x(h->cpu, 2, 1);
    for (unsigned i = 0; i < sizeof prf / sizeof prf[0]; i++) {
        State before, after;
        state_get(&before);
        run_one(prf[i], "prfm");
        state_get(&after);
        after.pc = before.pc;
        state_assert_eq(&after, &before, "prfm");
    }
}

/* ---- Unallocated and unadvertised encodings ---- */

Test(a64_ldst, unallocated_and_unadvertised_encodings_are_undefined)
{
    /* Each checked UNDEFINED (SIGILL) under qemu-aarch64 -cpu cortex-a57. */
    static const struct { uint32_t insn; const char *text; } undef[] = {
        { 0xc8e0fc41, "casal x0, x1, [x2] (LSE)" },
        { 0x48207c82, "casp x0, x1, x2, x3, [x4] (LSE)" },
        { 0x08207c20, "casp, size 00 (LSE)" },
        { 0xf8200041, "ldadd x0, x1, [x2] (LSE)" },
        { 0xf8208041, "swp x0, x1, [x2] (LSE)" },
        { 0xf8bfc020, "ldapr x0, [x1] (RCpc)" },
        { 0xd9400020, "ldapur x0, [x1] (RCpc)" },
        { 0xd9000020, "stlur x0, [x1] (RCpc)" },
        { 0xf8200420, "ldraa x0, [x1] (PAuth)" },
        { 0xc89f7c20, "stllr x0, [x1] (LOR)" },
        { 0xc8df7c20, "ldlar x0, [x1] (LOR)" },
        { 0x69000820, "stgp x0, x2, [x1] (MTE)" },
        { 0xd9200820, "stg x0, [x1] (MTE)" },
        { 0x68400820, "ldpsw, no-allocate form" },
        { 0x68000820, "stnp with opc 01" },
        { 0xe9400820, "ldp with opc 11" },
        { 0xed400820, "ldp (SIMD&FP) with opc 11" },
        { 0xdc000040, "ldr (literal, SIMD&FP) with opc 11" },
        { 0xb9c00020, "ldr size 10 opc 11" },
        { 0xf9c00020, "ldr size 11 opc 11" },
        { 0xb8c00420, "ldr size 10 opc 11, post-indexed" },
        { 0x7d800020, "str (SIMD&FP) size 01 opc 10" },
        { 0x7dc00020, "ldr (SIMD&FP) size 01 opc 11" },
        { 0x7c800420, "str (SIMD&FP) size 01 opc 10, post-indexed" },
        { 0x3c400820, "ldtr b0 (no unprivileged SIMD&FP form)" },
        { 0x3cc00820, "ldtr q0 (no unprivileged SIMD&FP form)" },
        { 0xf8800820, "prfm, unprivileged form" },
        { 0xf8800420, "prfm, post-indexed form" },
        { 0xf8800c20, "prfm, pre-indexed form" },
        { 0xf8620820, "ldr x0, [x1, x2] with option 000" },
        { 0xf8622820, "ldr x0, [x1, x2] with option 001" },
        { 0xf8628820, "ldr x0, [x1, x2] with option 100" },
        { 0xf862a820, "ldr x0, [x1, x2] with option 101" },
        { 0xf8a20820, "prfm [x1, x2] with option 000" },
        { 0x0c408c20, "ld2 {v0.1d, v1.1d}, [x1]" },
        { 0x0c404c20, "ld3 {v0.1d-v2.1d}, [x1]" },
        { 0x0c400c20, "ld4 {v0.1d-v3.1d}, [x1]" },
        { 0x0c008c20, "st2 {v0.1d, v1.1d}, [x1]" },
        { 0x4c401020, "ld multiple, opcode 0001" },
        { 0x4c403020, "ld multiple, opcode 0011" },
        { 0x4c405020, "ld multiple, opcode 0101" },
        { 0x4c409020, "ld multiple, opcode 1001" },
        { 0x4c40b020, "ld multiple, opcode 1011" },
        { 0x4c40c020, "ld multiple, opcode 1100" },
        { 0x4c40f020, "ld multiple, opcode 1111" },
        { 0x4c417020, "ld1 {v0.16b}, [x1] with Rm field 1" },
        { 0x4ce27020, "ld1 post-indexed with bit 21 set" },
        { 0xcc407020, "ld1 with bit 31 set" },
        { 0x0d00c020, "st1r (stores do not replicate)" },
        { 0x0d80c020, "st1r, post-indexed" },
        { 0x0d20e020, "st4r" },
        { 0x0d40d020, "ld1r with S = 1" },
        { 0x0d404420, "ld1 {v0.h}[..] with size<0> = 1" },
        { 0x0d408820, "ld1 single, S lanes with size 10" },
        { 0x0d409420, "ld1 {v0.d}[..] with S = 1" },
        { 0x0d419020, "ld1 {v0.s}[1], [x1] with Rm field 1" },
    };
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA);
    emu_cpu_set_x(h->cpu, 2, HARNESS_DATA);
    emu_cpu_set_x(h->cpu, 4, HARNESS_DATA);
    for (unsigned i = 0; i < sizeof undef / sizeof undef[0]; i++) {
        cr_assert_str_eq(emu_a64_name(undef[i].insn), "unallocated", "%s", undef[i].text);
        emu_cpu_set_pstate(h->cpu, 0x3c5);     /* EL1h, DAIF masked */
        cr_assert_eq(run_fault_unchanged(undef[i].insn, undef[i].text), ESR_UNDEF, "%s", undef[i].text);
    }
}

/* ---- Data aborts ---- */

Test(a64_ldst, load_outside_ram_aborts_and_changes_nothing)
{
    diff_setup(0);
    emu_cpu_set_x(h->cpu, 1, 0x100000000ull);
    uint64_t esr = run_fault_unchanged(0xf8408c20, "ldr x0, [x1, #8]!");
    cr_assert_eq(esr >> 26, 0x25);
    cr_assert_eq(esr, ESR_DABT(0x10));
    cr_assert_eq(h->cpu->sys.far_el1, 0x100000008ull);
}

Test(a64_ldst, store_outside_ram_aborts_with_wnr)
{
    diff_setup(0);
    emu_cpu_set_x(h->cpu, 1, 0x100000000ull);
    uint64_t esr = run_fault_unchanged(0xf8008420, "str x0, [x1], #8");
    cr_assert_eq(esr, ESR_DABT(WNR | 0x10));
    cr_assert_eq(h->cpu->sys.far_el1, 0x100000000ull);
}

Test(a64_ldst, pair_whose_second_half_faults_changes_nothing)
{
    diff_setup(0);
    emu_cpu_set_x(h->cpu, 1, RAM_END - 8);
    harness_write64(h, RAM_END - 8, 0x5a5a5a5a5a5a5a5aull);
    run_fault_unchanged(0xa8c20820, "ldp x0, x2, [x1], #32");
    cr_assert_eq(h->cpu->sys.far_el1, RAM_END);
    run_fault_unchanged(0xad410420 & ~(0x7fu << 15), "ldp q0, q1, [x1]");

    run_fault_unchanged(0xa8bf0820, "stp x0, x2, [x1], #-16");
    cr_assert_eq(harness_read64(h, RAM_END - 8), 0x5a5a5a5a5a5a5a5aull, "stp wrote its first half");
    run_fault_unchanged(0xad3f0420 & ~(0x7fu << 15), "stp q0, q1, [x1]");
    cr_assert_eq(harness_read64(h, RAM_END - 8), 0x5a5a5a5a5a5a5a5aull, "stp q wrote its first half");
    run_fault_unchanged(0x3c9ff020 & ~(0x1ffu << 12), "stur q0, [x1]");
    cr_assert_eq(harness_read64(h, RAM_END - 8), 0x5a5a5a5a5a5a5a5aull, "str q wrote its first half");
}

Test(a64_ldst, structure_access_that_faults_changes_nothing)
{
    diff_setup(0);
    uint8_t tail[48];
    memset(tail, 0x5a, sizeof tail);
    harness_write(h, RAM_END - 48, tail, sizeof tail);
    emu_cpu_set_x(h->cpu, 1, RAM_END - 48);
    run_fault_unchanged(0x4cdf0020, "ld4 {v0.16b-v3.16b}, [x1], #64");
    run_fault_unchanged(0x4c002020, "st1 {v0.16b-v3.16b}, [x1]");
    run_fault_unchanged(0x4c9f0020, "st4 {v0.16b-v3.16b}, [x1], #64");
    uint8_t now[48];
    harness_read(h, RAM_END - 48, now, sizeof now);
    cr_assert_arr_eq(now, tail, sizeof tail, "a faulting structure store wrote memory");
    cr_assert_eq(h->cpu->sys.far_el1, RAM_END);

    emu_cpu_set_x(h->cpu, 1, RAM_END - 2);
    run_fault_unchanged(0x4dffb020, "ld4 {v0.s-v3.s}[3], [x1], #16");
    run_fault_unchanged(0x4d207820, "st4 {v0.h-v3.h}[7], [x1]");
    run_fault_unchanged(0x4d60e03e, "ld4r {v30.16b, v31.16b, v0.16b, v1.16b}, [x1]");
    harness_read(h, RAM_END - 48, now, sizeof now);
    cr_assert_arr_eq(now, tail, sizeof tail, "a faulting single-structure store wrote memory");
}

/* ---- SIMD&FP access trap ---- */

Test(a64_ldst, simd_and_fp_accesses_trap_when_cpacr_disables_them)
{
    static const uint32_t fp[] = {
        0x3dc00420,   /* ldr q0, [x1, #16] */
        0xfd000820,   /* str d0, [x1, #16] */
        0x1c000040,   /* ldr s0, .+8 */
        0xad410420,   /* ldp q0, q1, [x1, #32] */
        0x4c407020,   /* ld1 {v0.16b}, [x1] */
        0x4c9f0020,   /* st4 {v0.16b-v3.16b}, [x1], #64 */
        0x0d409020,   /* ld1 {v0.s}[1], [x1] */
        0x4d40c820,   /* ld1r {v0.4s}, [x1] */
        0x4d008420,   /* st1 {v0.d}[1], [x1] */
    };
    diff_setup(0);
    for (unsigned i = 0; i < sizeof fp / sizeof fp[0]; i++) {
        h->cpu->sys.cpacr_el1 = 0;
        emu_cpu_set_pstate(h->cpu, 0x3c5);
        uint64_t esr = run_fault_unchanged(fp[i], "fp access");
        cr_assert_eq(esr, (0x07ull << 26) | (1ull << 25) | (1ull << 24) | (0xeull << 20),
                     "0x%08x: ESR 0x%lx", fp[i], (unsigned long)esr);
    }
    h->cpu->sys.cpacr_el1 = 0;
    run_one(0xf9400420, "ldr x0, [x1, #8]");   /* general registers are not affected */
}

/* ---- Exclusives ---- */

#define LDXR_X   0xc85f7c20   /* ldxr x0, [x1] */
#define STXR_X   0xc8037c22   /* stxr w3, x2, [x1] */

static void excl_setup(uint64_t addr, uint64_t mem)
{
    harness_write64(h, addr, mem);
    emu_cpu_set_x(h->cpu, 1, addr);
    emu_cpu_set_x(h->cpu, 2, 0x2222222222222222ull);
    emu_cpu_set_x(h->cpu, 3, 0x3333);
}

Test(a64_ldst, ldxr_stxr_succeed_and_clear_the_monitor)
{
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    harness_code(h, (uint32_t[]){ LDXR_X, STXR_X, 0xc8047c25 /* stxr w4, x5, [x1] */ }, 3);
    emu_cpu_set_x(h->cpu, 4, 0x4444);
    emu_cpu_set_x(h->cpu, 5, 0x5555);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x1234);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0, "status of a successful stxr");
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x2222222222222222ull);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 4), 1, "a second stxr must fail: the first cleared the monitor");
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x2222222222222222ull);
}

Test(a64_ldst, stxr_without_ldxr_fails_and_stores_nothing)
{
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    run_one(STXR_X, "stxr w3, x2, [x1]");
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 1);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x1234);
}

Test(a64_ldst, stxr_fails_when_address_or_value_differ)
{
    /* Another address. */
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    harness_write64(h, HARNESS_DATA + 0x48, 0x5678);
    harness_code(h, (uint32_t[]){ LDXR_X, STXR_X }, 2);
    cr_assert_eq(harness_run(h, 1), 1);
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA + 0x48);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 1);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x48), 0x5678);
    /* The failed stxr cleared the monitor: the right address fails too now. */
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA + 0x40);
    emu_cpu_set_pc(h->cpu, HARNESS_CODE + 4);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 1);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x1234);

    /* Another size: ldxrb then stxrh. The monitor records no size; the
     * halfword 0x1234 differs from the recorded byte 0x34, zero-extended. */
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    harness_code(h, (uint32_t[]){ 0x085f7c20 /* ldxrb w0, [x1] */, 0x48037c22 /* stxrh w3, w2, [x1] */ }, 2);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x34);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 1);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x1234);

    /* Memory changed in between by an ordinary store. */
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    emu_cpu_set_x(h->cpu, 6, 0x9999);
    harness_code(h, (uint32_t[]){ LDXR_X, 0xf9000026 /* str x6, [x1] */, STXR_X }, 3);
    cr_assert_eq(harness_run(h, 3), 3);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 1);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x9999);
}

Test(a64_ldst, stxr_succeeds_after_a_store_of_the_same_value)
{
    /* QEMU compares values, not accesses: an intervening store that leaves
     * memory as the load saw it does not break the reservation. */
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    emu_cpu_set_x(h->cpu, 6, 0x1234);
    harness_code(h, (uint32_t[]){ LDXR_X, 0xf9000026 /* str x6, [x1] */, STXR_X }, 3);
    cr_assert_eq(harness_run(h, 3), 3);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x2222222222222222ull);
}

Test(a64_ldst, clrex_and_exceptions_clear_the_monitor)
{
    excl_setup(HARNESS_DATA + 0x40, 0x1234);
    harness_code(h, (uint32_t[]){ LDXR_X, 0xd5033f5f /* clrex */, STXR_X }, 3);
    cr_assert_eq(harness_run(h, 3), 3);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 1);
}

Test(a64_ldst, exclusive_sizes_byte_half_word)
{
    static const struct { uint32_t ld, st; const char *text; uint64_t loaded, stored; } cases[] = {
        { 0x085f7c20, 0x08037c22, "ldxrb/stxrb", 0xf8, 0x1122334455667722ull },
        { 0x485f7c20, 0x48037c22, "ldxrh/stxrh", 0x77f8, 0x1122334455662222ull },
        { 0x885f7c20, 0x88037c22, "ldxr/stxr w", 0x556677f8, 0x1122334422222222ull },
        { 0xc85ffc20, 0xc803fc22, "ldaxr/stlxr x", 0x11223344556677f8ull, 0x2222222222222222ull },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        excl_setup(HARNESS_DATA + 0x40, 0x11223344556677f8ull);
        harness_code(h, (uint32_t[]){ cases[c].ld, cases[c].st }, 2);
        cr_assert_eq(harness_run(h, 2), 2);
        cr_assert_eq(emu_cpu_x(h->cpu, 0), cases[c].loaded, "%s", cases[c].text);
        cr_assert_eq(emu_cpu_x(h->cpu, 3), 0, "%s", cases[c].text);
        cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), cases[c].stored, "%s", cases[c].text);
    }
}

Test(a64_ldst, exclusive_pairs)
{
    uint64_t two[2] = { 0x1111111122222222ull, 0x3333333344444444ull };
    harness_write(h, HARNESS_DATA + 0x40, two, 16);
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA + 0x40);
    emu_cpu_set_x(h->cpu, 4, 0xaaaaaaaaaaaaaaaaull);
    emu_cpu_set_x(h->cpu, 5, 0xbbbbbbbbbbbbbbbbull);
    harness_code(h, (uint32_t[]){ 0xc87f0820 /* ldxp x0, x2, [x1] */,
                                  0xc8231424 /* stxp w3, x4, x5, [x1] */ }, 2);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), two[0]);
    cr_assert_eq(emu_cpu_x(h->cpu, 2), two[1]);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0xaaaaaaaaaaaaaaaaull);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x48), 0xbbbbbbbbbbbbbbbbull);

    harness_write(h, HARNESS_DATA + 0x40, two, 16);
    harness_code(h, (uint32_t[]){ 0x887f0820 /* ldxp w0, w2, [x1] */,
                                  0x88239424 /* stlxp w3, w4, w5, [x1] */ }, 2);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x22222222);
    cr_assert_eq(emu_cpu_x(h->cpu, 2), 0x11111111);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0xbbbbbbbbaaaaaaaaull);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x48), two[1]);

    /* As QEMU: an X pair store compares the second doubleword with what
     * the last LDXP X recorded (two[1], from the first LDXP above), which
     * LDXP W leaves alone; memory still holds both, so it succeeds. */
    harness_code(h, (uint32_t[]){ 0x887f0820 /* ldxp w0, w2, [x1] */,
                                  0xc8231424 /* stxp w3, x4, x5, [x1] */ }, 2);
    cr_assert_eq(harness_run(h, 2), 2);
    cr_assert_eq(emu_cpu_x(h->cpu, 3), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0xaaaaaaaaaaaaaaaaull);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x48), 0xbbbbbbbbbbbbbbbbull);
}

/* Load-exclusive and store-exclusive of different sizes at one address,
 * as QEMU 7.2 (qemu-aarch64 -cpu cortex-a57, inline asm). Memory holds
 * m0 (default 0x11223344556677f8) and 0x99aabbccddeeff00 at x1, 0x5555 and
 * 0 at x1 + 16; x4 = 0xa1a2a3a4a5a6a7a8, x5 = 0xb1b2b3b4b5b6b7b8. Each case
 * first runs `ldxp x6, x7, [x8]; clrex` with x8 = x1 + pre, which sets the
 * second doubleword that STXP X compares with. */
Test(a64_ldst, exclusive_accesses_of_mixed_sizes_compare_values_as_qemu)
{
    enum { LDXRB = 0x085f7c20, LDXRH = 0x485f7c20, LDXRW = 0x885f7c20, LDXRX = 0xc85f7c20,
           LDXPW = 0x887f0820, LDXPX = 0xc87f0820, STXRB = 0x08037c24, STXRH = 0x48037c24,
           STXRW = 0x88037c24, STXRX = 0xc8037c24, STXPW = 0x88231424, STXPX = 0xc8231424 };
    static const uint64_t M0 = 0x11223344556677f8ull, M1 = 0x99aabbccddeeff00ull;
    static const struct {
        uint32_t ld, st;
        const char *text;
        unsigned pre;
        uint64_t m0;            /* 0: M0 */
        uint32_t status;
        uint64_t after0, after1;
    } cases[] = {
        { LDXRB, STXRH, "ldxrb/stxrh", 0, 0, 1, M0, M1 },
        { LDXRH, STXRB, "ldxrh/stxrb (stores, reports failure)", 0, 0, 1, 0x11223344556677a8ull, M1 },
        { LDXRX, STXRB, "ldxr x/stxrb (stores, reports failure)", 0, 0, 1, 0x11223344556677a8ull, M1 },
        { LDXRX, STXRW, "ldxr x/stxr w (stores, reports failure)", 0, 0, 1, 0x11223344a5a6a7a8ull, M1 },
        { LDXRW, STXRX, "ldxr w/stxr x", 0, 0, 1, M0, M1 },
        { LDXRB, STXRX, "ldxrb/stxr x", 0, 0, 1, M0, M1 },
        { LDXRB, STXRX, "ldxrb/stxr x, upper bytes 0", 0, 0xf8, 0, 0xa1a2a3a4a5a6a7a8ull, M1 },
        { LDXRH, STXRB, "ldxrh/stxrb, upper byte 0", 0, 0x11223344000000f8ull, 0,
          0x11223344000000a8ull, M1 },
        { LDXRW, STXPW, "ldxr w/stxp w", 0, 0, 1, M0, M1 },
        { LDXPW, STXRX, "ldxp w/stxr x", 0, 0, 0, 0xa1a2a3a4a5a6a7a8ull, M1 },
        { LDXPW, STXRW, "ldxp w/stxr w (stores, reports failure)", 0, 0, 1, 0x11223344a5a6a7a8ull, M1 },
        { LDXPX, STXRX, "ldxp x/stxr x", 0, 0, 0, 0xa1a2a3a4a5a6a7a8ull, M1 },
        { LDXPX, STXPW, "ldxp x/stxp w", 0, 0, 0, 0xb5b6b7b8a5a6a7a8ull, M1 },
        { LDXRX, STXPW, "ldxr x/stxp w", 0, 0, 0, 0xb5b6b7b8a5a6a7a8ull, M1 },
        { LDXPX, STXPX, "ldxp x/stxp x", 0, 0, 0, 0xa1a2a3a4a5a6a7a8ull, 0xb1b2b3b4b5b6b7b8ull },
        { LDXPW, STXPX, "ldxp w/stxp x", 0, 0, 0, 0xa1a2a3a4a5a6a7a8ull, 0xb1b2b3b4b5b6b7b8ull },
        { LDXRX, STXPX, "ldxr x/stxp x", 0, 0, 0, 0xa1a2a3a4a5a6a7a8ull, 0xb1b2b3b4b5b6b7b8ull },
        { LDXRX, STXPX, "ldxr x/stxp x, high from another ldxp", 16, 0, 1, M0, M1 },
        { LDXPW, STXPX, "ldxp w/stxp x, high from another ldxp", 16, 0, 1, M0, M1 },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        uint64_t a = HARNESS_DATA + 0x40;
        harness_write64(h, a, cases[c].m0 ? cases[c].m0 : M0);
        harness_write64(h, a + 8, M1);
        harness_write64(h, a + 16, 0x5555);
        harness_write64(h, a + 24, 0);
        emu_cpu_set_x(h->cpu, 1, a);
        emu_cpu_set_x(h->cpu, 3, 7);
        emu_cpu_set_x(h->cpu, 4, 0xa1a2a3a4a5a6a7a8ull);
        emu_cpu_set_x(h->cpu, 5, 0xb1b2b3b4b5b6b7b8ull);
        emu_cpu_set_x(h->cpu, 8, a + cases[c].pre);
        harness_code(h, (uint32_t[]){ 0xc87f1d06 /* ldxp x6, x7, [x8] */, 0xd5033f5f /* clrex */,
                                      cases[c].ld, cases[c].st }, 4);
        cr_assert_eq(harness_run(h, 4), 4, "%s", cases[c].text);
        cr_assert_eq(emu_cpu_x(h->cpu, 3), cases[c].status, "%s: status", cases[c].text);
        cr_assert_eq(harness_read64(h, a), cases[c].after0, "%s: 0x%lx", cases[c].text,
                     (unsigned long)harness_read64(h, a));
        cr_assert_eq(harness_read64(h, a + 8), cases[c].after1, "%s: second doubleword",
                     cases[c].text);
    }
}

Test(a64_ldst, ldxp_with_rt_equal_rt2_keeps_the_second_value)
{
    uint64_t two[2] = { 0x1111111122222222ull, 0x3333333344444444ull };
    harness_write(h, HARNESS_DATA + 0x40, two, 16);
    emu_cpu_set_x(h->cpu, 1, HARNESS_DATA + 0x40);
    run_one(0xc87f0020, "ldxp x0, x0, [x1]");
    cr_assert_eq(emu_cpu_x(h->cpu, 0), two[1]);
    run_one(0x887f0020, "ldxp w0, w0, [x1]");
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0x11111111);
}

Test(a64_ldst, stxr_with_rs_equal_rt_or_rn_uses_the_old_values)
{
    /* As QEMU: ldxr x0,[x1]; mov x0,#0x99; stxr w0,x0,[x1] -> w0 = 0, mem = 0x99. */
    excl_setup(HARNESS_DATA + 0x40, 0x77);
    harness_code(h, (uint32_t[]){ LDXR_X, 0xc8007c20 /* stxr w0, x0, [x1] */ }, 2);
    cr_assert_eq(harness_run(h, 1), 1);
    emu_cpu_set_x(h->cpu, 0, 0x99);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x99);

    excl_setup(HARNESS_DATA + 0x40, 0x77);
    harness_code(h, (uint32_t[]){ LDXR_X, 0xc8017c20 /* stxr w1, x0, [x1] */ }, 2);
    cr_assert_eq(harness_run(h, 1), 1);
    emu_cpu_set_x(h->cpu, 0, 0x55);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_assert_eq(emu_cpu_x(h->cpu, 1), 0);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), 0x55);
}

Test(a64_ldst, ldxr_from_sp)
{
    harness_write64(h, HARNESS_DATA + 0x80, 0xabcdef);
    emu_cpu_set_sp(h->cpu, HARNESS_DATA + 0x80);
    run_one(0xc85f7fe0, "ldxr x0, [sp]");
    cr_assert_eq(emu_cpu_x(h->cpu, 0), 0xabcdef);
}

Test(a64_ldst, exclusive_loads_and_acquire_release_fault_when_unaligned)
{
    static const struct { uint32_t insn; const char *text; unsigned off; bool write; } cases[] = {
        { 0xc85f7c20, "ldxr x0, [x1]", 4, false },
        { 0x885f7c20, "ldxr w0, [x1]", 2, false },
        { 0x485f7c20, "ldxrh w0, [x1]", 1, false },
        { 0xc87f0820, "ldxp x0, x2, [x1]", 8, false },
        { 0x887f0820, "ldxp w0, w2, [x1]", 4, false },
        { 0xc8dffc20, "ldar x0, [x1]", 4, false },
        { 0x48dffc20, "ldarh w0, [x1]", 1, false },
        { 0x889ffc20, "stlr w0, [x1]", 2, true },
        { 0xc89ffc20, "stlr x0, [x1]", 6, true },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        diff_setup(0);
        uint64_t a = HARNESS_DATA + 0x40 + cases[c].off;
        emu_cpu_set_x(h->cpu, 1, a);
        emu_cpu_set_pstate(h->cpu, 0x3c5);
        uint64_t esr = run_fault_unchanged(cases[c].insn, cases[c].text);
        cr_assert_eq(esr, ESR_DABT((cases[c].write ? WNR : 0) | 0x21), "%s: ESR 0x%lx",
                     cases[c].text, (unsigned long)esr);
        cr_assert_eq(h->cpu->sys.far_el1, a, "%s: FAR", cases[c].text);
    }
}

/* QEMU 7.2 compares the address with the monitor first: an unaligned
 * store-exclusive elsewhere just fails. At the monitor's address (after a
 * smaller load-exclusive) it takes the alignment fault of QEMU's
 * compare-and-swap, which reads first: WnR = 0 (qemu-system-aarch64 -d int
 * shows ESR 0x96000021). */
Test(a64_ldst, store_exclusive_checks_alignment_only_at_the_monitors_address)
{
    static const struct { uint32_t ld, st; const char *text; unsigned off; } cases[] = {
        { 0x085f7c20, 0x48037c24, "ldxrb/stxrh w3, w4, [x1]", 1 },
        { 0x085f7c20, 0xc8037c24, "ldxrb/stxr w3, x4, [x1]", 4 },
        { 0x885f7c20, 0xc8231424, "ldxr w/stxp w3, x4, x5, [x1]", 8 },
        { 0x885f7c20, 0x88231424, "ldxr w/stxp w3, w4, w5, [x1]", 4 },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        diff_setup(0);
        uint64_t a = HARNESS_DATA + 0x40 + cases[c].off;
        emu_cpu_set_x(h->cpu, 1, a);
        emu_cpu_set_pstate(h->cpu, 0x3c5);
        /* Without the monitor: status 1, nothing stored, no fault. */
        State before, after;
        state_get(&before);
        run_one(cases[c].st, cases[c].text);
        cr_assert_eq(emu_cpu_x(h->cpu, 3), 1, "%s: status without a monitor", cases[c].text);
        emu_cpu_set_x(h->cpu, 3, before.x[3]);
        state_get(&after);
        after.pc = before.pc;
        state_assert_eq(&after, &before, cases[c].text);

        run_one(cases[c].ld, cases[c].text);
        uint64_t esr = run_fault_unchanged(cases[c].st, cases[c].text);
        cr_assert_eq(esr, ESR_DABT(0x21), "%s: ESR 0x%lx", cases[c].text, (unsigned long)esr);
        cr_assert_eq(h->cpu->sys.far_el1, a, "%s: FAR", cases[c].text);
    }
}

Test(a64_ldst, acquire_release_load_and_store)
{
    static const struct { uint32_t ld, st; const char *text; uint64_t loaded, stored; } cases[] = {
        { 0x08dffc20, 0x089ffc22, "ldarb/stlrb", 0xf8, 0x11223344556677aaull },
        { 0x48dffc20, 0x489ffc22, "ldarh/stlrh", 0x77f8, 0x112233445566bbaaull },
        { 0x88dffc20, 0x889ffc22, "ldar/stlr w", 0x556677f8, 0x11223344ddccbbaaull },
        { 0xc8dffc20, 0xc89ffc22, "ldar/stlr x", 0x11223344556677f8ull, 0x44332211ddccbbaaull },
        /* QEMU 7.2 ignores the should-be-one Rs and Rt2 fields. */
        { 0xc8c0fc20, 0xc8808022, "ldar/stlr x, Rs = 0, Rt2 = 0", 0x11223344556677f8ull,
          0x44332211ddccbbaaull },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        harness_write64(h, HARNESS_DATA + 0x40, 0x11223344556677f8ull);
        emu_cpu_set_x(h->cpu, 1, HARNESS_DATA + 0x40);
        emu_cpu_set_x(h->cpu, 2, 0x44332211ddccbbaaull);
        harness_code(h, (uint32_t[]){ cases[c].ld, cases[c].st }, 2);
        cr_assert_eq(harness_run(h, 2), 2, "%s", cases[c].text);
        cr_assert_eq(emu_cpu_x(h->cpu, 0), cases[c].loaded, "%s", cases[c].text);
        cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x40), cases[c].stored, "%s", cases[c].text);
    }
}

/* ---- Structure loads with SCTLR_EL1.A: element-wise path ---- */

Test(a64_ldst, structure_load_element_path_matches_the_chunked_path)
{
    for (unsigned c = 0; c < sizeof qemu_cases / sizeof qemu_cases[0]; c++) {
        const DiffCase *d = &qemu_cases[c];
        if ((d->insn & 0xbf800000) != 0x0c000000 && (d->insn & 0xbf800000) != 0x0c800000)
            continue;       /* multiple structures only */
        State a, b;
        diff_setup(d->x2);
        run_one(d->insn, d->text);
        state_get(&a);
        diff_setup(d->x2);
        h->cpu->sys.sctlr_el1 |= 2;
        run_one(d->insn, d->text);
        h->cpu->sys.sctlr_el1 &= ~2ull;
        state_get(&b);
        state_assert_eq(&b, &a, d->text);
    }
}

/* ---- Unprivileged accesses under stage 1 translation ---- */

/* VA 0x8000_0000 + n * 4K -> HARNESS_DATA + n * 4K with, per page n:
 * 0 AP=01 (EL0 and EL1 RW), 1 AP=11 (both RO), 2 AP=00 (EL1 only),
 * 3 AP=10 (EL1 RO). RAM is identity-mapped by an EL1-only 1 GiB block. */
#define TBL0 0x40400000ull
#define TBL1 0x40401000ull
#define TBL2 0x40402000ull
#define TBL3 0x40403000ull
#define UVA  0x80000000ull

static void map_pages(void)
{
    harness_write64(h, TBL0, TBL1 | 3);
    harness_write64(h, TBL1 + 1 * 8, 0x40000000ull | 0x701);      /* block, AP=00 */
    harness_write64(h, TBL1 + 2 * 8, TBL2 | 3);
    harness_write64(h, TBL2, TBL3 | 3);
    static const unsigned ap[4] = { 1, 3, 0, 2 };
    for (unsigned n = 0; n < 4; n++)
        harness_write64(h, TBL3 + n * 8, (HARNESS_DATA + n * 0x1000) | 0x703 | ap[n] << 6);
    h->cpu->sys.ttbr0_el1 = TBL0;
    h->cpu->sys.tcr_el1 = 16 | (16ull << 16) | (2ull << 30);
    h->cpu->sys.mair_el1 = 0xff;
    h->cpu->sys.sctlr_el1 |= 1;
    emu_tlb_flush(h->cpu);
    for (unsigned n = 0; n < 4; n++)
        harness_write64(h, HARNESS_DATA + n * 0x1000 + 8, 0x1000 + n);
}

Test(a64_ldst, unprivileged_access_at_el1_uses_el0_permissions)
{
    map_pages();
    static const struct {
        uint32_t insn;
        const char *text;
        uint64_t va;
        bool ok;
        uint32_t iss;   /* when it faults */
    } cases[] = {
        { 0xf8408820, "ldtr x0, [x1, #8] (EL0 RW page)", UVA, true, 0 },
        { 0xf8008822, "sttr x2, [x1, #8] (EL0 RW page)", UVA, true, 0 },
        { 0xf8408820, "ldtr x0, [x1, #8] (read-only page)", UVA + 0x1000, true, 0 },
        { 0xf8008822, "sttr x2, [x1, #8] (read-only page)", UVA + 0x1000, false, WNR | 0x0f },
        { 0xf8408820, "ldtr x0, [x1, #8] (EL1-only page)", UVA + 0x2000, false, 0x0f },
        { 0x38408820, "ldtrb w0, [x1, #8] (EL1 read-only page)", UVA + 0x3000, false, 0x0f },
        { 0x38008822, "sttrb w2, [x1, #8] (EL1-only block)", HARNESS_DATA, false, WNR | 0x0d },
        { 0xb8808820, "ldtrsw x0, [x1, #8] (EL1-only block)", HARNESS_DATA, false, 0x0d },
        { 0xf9400420, "ldr x0, [x1, #8] (EL1-only page, privileged)", UVA + 0x2000, true, 0 },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        emu_cpu_set_x(h->cpu, 0, 0xdead);
        emu_cpu_set_x(h->cpu, 1, cases[c].va);
        emu_cpu_set_x(h->cpu, 2, 0x5555);
        emu_cpu_set_pstate(h->cpu, 0x3c5);
        if (cases[c].ok) {
            run_one(cases[c].insn, cases[c].text);
            continue;
        }
        uint64_t esr = run_fault_unchanged(cases[c].insn, cases[c].text);
        cr_assert_eq(esr, ESR_DABT(cases[c].iss), "%s: ESR 0x%lx", cases[c].text, (unsigned long)esr);
        cr_assert_eq(h->cpu->sys.far_el1, cases[c].va + 8, "%s: FAR", cases[c].text);
    }
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 8), 0x5555, "sttr to the EL0 RW page");
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0x1008), 0x1001, "sttr to the read-only page");
}

Test(a64_ldst, unprivileged_access_crossing_into_an_el1_page_faults_there)
{
    map_pages();
    emu_cpu_set_x(h->cpu, 1, UVA + 0x1ffc);       /* RO page, then the EL1-only one */
    uint64_t esr = run_fault_unchanged(0xf8400820, "ldtr x0, [x1]");
    cr_assert_eq(esr, ESR_DABT(0x0f));
    cr_assert_eq(h->cpu->sys.far_el1, UVA + 0x2000);
    emu_cpu_set_x(h->cpu, 1, UVA + 0xffc);        /* RW page, then the RO one */
    emu_cpu_set_pstate(h->cpu, 0x3c5);
    esr = run_fault_unchanged(0xf8000822, "sttr x2, [x1]");
    cr_assert_eq(esr, ESR_DABT(WNR | 0x0f));
    cr_assert_eq(h->cpu->sys.far_el1, UVA + 0x1000);
    cr_assert_eq(harness_read64(h, HARNESS_DATA + 0xff8) >> 32, 0, "sttr wrote its first page");
}

/* After an address match QEMU 7.2 (one CPU: a non-atomic compare-and-swap)
 * writes even when the values differ, so STXR and STXP W need write
 * permission either way; STXP X writes only on success. Checked with
 * qemu-system-aarch64 on an EL1 read-only page. */
Test(a64_ldst, store_exclusive_on_a_read_only_page)
{
    map_pages();
    uint64_t va = UVA + 0x3000, pa = HARNESS_DATA + 0x3000;   /* EL1 read-only */
    static const struct { uint32_t ld, st; const char *text; bool faults; } cases[] = {
        { 0xc85f7c20, 0xc8037c24, "ldxr x/stxr x, value changed", true },
        { 0x887f0820, 0x88231424, "ldxp w/stxp w, value changed", true },
        { 0xc87f0820, 0xc8231424, "ldxp x/stxp x, value changed", false },
    };
    for (unsigned c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        harness_write64(h, pa, 0x1234);
        emu_cpu_set_x(h->cpu, 1, va);
        emu_cpu_set_x(h->cpu, 3, 7);
        emu_cpu_set_pstate(h->cpu, 0x3c5);
        run_one(cases[c].ld, cases[c].text);
        harness_write64(h, pa, 0x9999);
        if (cases[c].faults) {
            uint64_t esr = run_fault_unchanged(cases[c].st, cases[c].text);
            cr_assert_eq(esr, ESR_DABT(WNR | 0x0f), "%s: ESR 0x%lx", cases[c].text,
                         (unsigned long)esr);
            cr_assert_eq(h->cpu->sys.far_el1, va, "%s: FAR", cases[c].text);
        } else {
            run_one(cases[c].st, cases[c].text);
            cr_assert_eq(emu_cpu_x(h->cpu, 3), 1, "%s: status", cases[c].text);
        }
        cr_assert_eq(harness_read64(h, pa), 0x9999, "%s", cases[c].text);
    }
}
