/* tests/diff/gen.c — random-instruction blocks for the differential test
 * against qemu-system-aarch64, and the `difftool` entry point.
 *
 *   difftool gen -s SEED -n BLOCKS [-f FIRST] [-c CLASSES] [-k LEN]
 *                [-p BLOCK] -o OUT.s
 *   difftool cmp ...            (see cmp.c)
 *
 * `gen` writes assembly for aarch64-linux-gnu-as; link it with
 * `ld -Ttext=0x40000000 -e _start`. The guest, at EL1 with the MMU off:
 *   - installs a vector table whose synchronous handlers record ESR_EL1,
 *     ELR_EL1 and FAR_EL1 in the dump area, skip the instruction (ELR += 4)
 *     and return; any other exception prints "UNEXPECTED" and powers off;
 *   - enables FP/SIMD (CPACR_EL1.FPEN = 3), prints "DIFF-START";
 *   - per block: fills the 4 KiB window from a per-block xorshift seed, loads
 *     x0-x30, SP, v0-v31, FPCR, FPSR from the block's table and enters the
 *     block with ERET (SPSR = NZCV | EL1h, DAIF masked), runs its LEN random
 *     instructions, saves everything and prints the dump line (diff.h);
 *   - prints "DIFF-END" and calls PSCI SYSTEM_OFF (hvc #0).
 * With -p BLOCK it writes LEN + 1 variants of that one block instead: variant
 * i keeps the first i instructions and replaces the rest by NOPs, so the
 * first variant that differs names the culprit instruction.
 *
 * Addressing is constrained so that generated loads and stores stay in the
 * window: the base register is x28 (window centre) or SP (near it), register
 * offsets use x27 (small), immediates are small, and x27, x28 and SP are
 * never a destination (only base writeback moves x28 and SP, by small
 * steps). Everything else in each group's encoding space is random, so
 * unallocated encodings occur too.
 */
#include <capstone/capstone.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/diff/diff.h"

/* ---- deterministic randomness ------------------------------------------ */

typedef struct Rng { uint64_t s; } Rng;

static uint64_t next64(Rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);   /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint32_t below(Rng *r, uint32_t n) { return (uint32_t)(next64(r) % n); }

/* ---- classes ------------------------------------------------------------ */

static const struct { const char *name; unsigned bit; } class_names[] = {
    {"dpimm", DIFF_DPIMM}, {"dpreg", DIFF_DPREG}, {"ldst", DIFF_LDST},
    {"branch", DIFF_BRANCH}, {"fp", DIFF_FP}, {"simd", DIFF_SIMD},
    {"sys", DIFF_SYS}, {"all", DIFF_ALL},
};

bool diff_classes_parse(const char *s, DiffClasses *out)
{
    bool ok = true;
    char *copy = strdup(s), *save = NULL;
    memset(out, 0, sizeof *out);
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (t[0] == '-') {
            if (out->nexcl == 8 || strlen(t + 1) >= sizeof out->excl[0] || !t[1])
                ok = false;
            else
                strcpy(out->excl[out->nexcl++], t + 1);
            continue;
        }
        unsigned bit = 0;
        for (size_t i = 0; i < sizeof class_names / sizeof class_names[0]; i++)
            if (!strcmp(t, class_names[i].name))
                bit = class_names[i].bit;
        ok = ok && bit;
        out->bits |= bit;
    }
    free(copy);
    return ok && out->bits;
}

static bool excluded(const DiffClasses *cl, const char *name)
{
    for (int i = 0; i < cl->nexcl; i++)
        if (strstr(name, cl->excl[i]))
            return true;
    return false;
}

const char *diff_class_name(unsigned cls_bit)
{
    for (size_t i = 0; i < sizeof class_names / sizeof class_names[0]; i++)
        if (class_names[i].bit == cls_bit)
            return class_names[i].name;
    return "?";
}

/* ---- field helpers ------------------------------------------------------ */

static uint32_t set_field(uint32_t w, int lo, int width, uint32_t v)
{
    uint32_t m = ((1u << width) - 1) << lo;
    return (w & ~m) | ((v << lo) & m);
}

static uint32_t field(uint32_t w, int lo, int width)
{
    return (w >> lo) & ((1u << width) - 1);
}

/* A destination other than x27/x28; 31 (ZR) only where allowed. */
static uint32_t pick_reg(Rng *r, bool allow31)
{
    for (;;) {
        uint32_t x = below(r, 32);
        if (x != DIFF_BASE_REG && x != DIFF_IDX_REG && (allow31 || x != 31))
            return x;
    }
}

static uint32_t fix_reg(Rng *r, uint32_t w, int lo, bool allow31)
{
    uint32_t x = field(w, lo, 5);
    if (x == DIFF_BASE_REG || x == DIFF_IDX_REG || (!allow31 && x == 31))
        w = set_field(w, lo, 5, pick_reg(r, allow31));
    return w;
}

/* ---- instruction classes ------------------------------------------------ */

/* Encoding-index groups: a group's fixed bits, the rest random. Picking a
 * group first, then random bits inside it, gives mostly allocated encodings
 * while keeping the unallocated corners of every group in the stream. */
typedef struct Group { uint32_t mask, value; const char *name; } Group;

#define NGROUPS(t) (sizeof t / sizeof t[0])

/* Data processing -- immediate (op0 = 100x). */
static const Group dpimm_groups[] = {
    {0x1f000000, 0x10000000, "pc-rel"},
    {0x1f800000, 0x11000000, "add/sub imm"},
    {0x1f800000, 0x11800000, "add/sub imm tags (v8.5)"},
    {0x1f800000, 0x12000000, "logical imm"},
    {0x1f800000, 0x12800000, "move wide"},
    {0x1f800000, 0x13000000, "bitfield"},
    {0x1f800000, 0x13800000, "extract"},
};

/* Data processing -- register (op0 = x101). */
static const Group dpreg_groups[] = {
    {0x5fe00000, 0x1ac00000, "dp 2-source"},
    {0x5fe00000, 0x5ac00000, "dp 1-source"},
    {0x1f000000, 0x0a000000, "logical shifted"},
    {0x1f200000, 0x0b000000, "add/sub shifted"},
    {0x1f200000, 0x0b200000, "add/sub extended"},
    {0x1fe0fc00, 0x1a000000, "add/sub carry"},
    {0x1fe07c00, 0x1a000400, "rotate into flags (v8.4)"},
    {0x1fe03c00, 0x1a000800, "evaluate into flags (v8.4)"},
    {0x1fe00800, 0x1a400000, "cond compare reg"},
    {0x1fe00800, 0x1a400800, "cond compare imm"},
    {0x1fe00000, 0x1a800000, "cond select"},
    {0x1f000000, 0x1b000000, "dp 3-source"},
};

/* Loads and stores (op0 = x1x0). */
static const Group ldst_groups[] = {
    {0xbfbf0000, 0x0c000000, "simd ld/st multiple"},
    {0xbfa00000, 0x0c800000, "simd ld/st multiple post"},
    {0xbf9f0000, 0x0d000000, "simd ld/st single"},
    {0xbf800000, 0x0d800000, "simd ld/st single post"},
    {0x3f000000, 0x08000000, "exclusive/ordered"},
    {0x3f200c00, 0x19000000, "ldapr/stlur (v8.4)"},
    {0x3b000000, 0x18000000, "literal"},
    {0x3b800000, 0x28000000, "pair no-alloc"},
    {0x3b800000, 0x28800000, "pair post"},
    {0x3b800000, 0x29000000, "pair offset"},
    {0x3b800000, 0x29800000, "pair pre"},
    {0x3b200c00, 0x38000000, "unscaled imm"},
    {0x3b200c00, 0x38000400, "post-index imm"},
    {0x3b200c00, 0x38000800, "unprivileged"},
    {0x3b200c00, 0x38000c00, "pre-index imm"},
    {0x3b200c00, 0x38200000, "atomic (v8.1)"},
    {0x3b200c00, 0x38200800, "register offset"},
    {0x3b200400, 0x38200400, "pac (v8.3)"},
    {0x3b000000, 0x39000000, "unsigned offset"},
};

/* Scalar floating point (op0 = x0x1, bits 27:25 = 111). */
static const Group fp_groups[] = {
    {0x5f200000, 0x1e000000, "fp<->fixed"},
    {0x5f20fc00, 0x1e200000, "fp<->int"},
    {0x5f207c00, 0x1e204000, "fp 1-source"},
    {0x5f203c00, 0x1e202000, "fp compare"},
    {0x5f201c00, 0x1e201000, "fp immediate"},
    {0x5f200c00, 0x1e200400, "fp cond compare"},
    {0x5f200c00, 0x1e200800, "fp 2-source"},
    {0x5f200c00, 0x1e200c00, "fp cond select"},
    {0x5f000000, 0x1f000000, "fp 3-source"},
};

/* Advanced SIMD, vector (op0 = 0xx0) and scalar (op0 = 01x1), crypto. */
static const Group simd_groups[] = {
    {0x9f200400, 0x0e200400, "simd three same"},
    {0x9f200c00, 0x0e200000, "simd three different"},
    {0x9f3e0c00, 0x0e200800, "simd two-reg misc"},
    {0x9f3e0c00, 0x0e300800, "simd across lanes"},
    {0x9fe08400, 0x0e000400, "simd copy"},
    {0x9ff80400, 0x0f000400, "simd modified imm"},
    {0x9f800400, 0x0f000400, "simd shift imm"},
    {0x9f000400, 0x0f000000, "simd x indexed"},
    {0xbf208c00, 0x0e000800, "simd permute"},
    {0xbf208400, 0x2e000000, "simd extract"},
    {0xbf208c00, 0x0e000000, "simd table lookup"},
    {0xff3e0c00, 0x4e280800, "crypto aes"},
    {0xff208c00, 0x5e000000, "crypto sha 3-reg"},
    {0xff3e0c00, 0x5e280800, "crypto sha 2-reg"},
    {0xdf200400, 0x5e200400, "scalar three same"},
    {0xdf200c00, 0x5e200000, "scalar three different"},
    {0xdf3e0c00, 0x5e200800, "scalar two-reg misc"},
    {0xdf3e0c00, 0x5e300800, "scalar pairwise"},
    {0xdfe08400, 0x5e000400, "scalar copy"},
    {0xdf800400, 0x5f000400, "scalar shift imm"},
    {0xdf000400, 0x5f000000, "scalar x indexed"},
};

/* Whether capstone decodes w: only a bias for sampling (capstone is not
 * the oracle), so that about 3 in 4 generated words are allocated
 * encodings. The stream therefore depends on the capstone version too. */
static bool decodes(uint32_t w)
{
    static csh cs;
    static int state;   /* 0 unopened, 1 open, -1 unavailable */
    if (!state)
        state = cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &cs) == CS_ERR_OK ? 1 : -1;
    if (state < 0)
        return true;
    uint8_t code[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
    cs_insn *insn;
    size_t n = cs_disasm(cs, code, 4, 0x40000000, 1, &insn);
    if (n)
        cs_free(insn, n);
    return n == 1;
}

static uint32_t pick(Rng *r, const DiffClasses *cl, const Group *g, size_t n,
                     const char **name)
{
    const Group *ok[32];
    uint32_t nok = 0;
    for (size_t i = 0; i < n; i++)
        if (!excluded(cl, g[i].name))
            ok[nok++] = &g[i];
    const Group *p = nok ? ok[below(r, nok)] : &g[below(r, (uint32_t)n)];
    bool any = !below(r, 4);
    uint32_t w;
    *name = p->name;
    for (int tries = 0; ; tries++) {
        w = ((uint32_t)next64(r) & ~p->mask) | p->value;
        if (any || tries == 32 || decodes(w))
            return w;
    }
}

/* Data processing -- immediate. Rd = 31 is SP for ADD/SUB (immediate)
 * without S and for AND/ORR/EOR (immediate): those never get Rd = 31. */
static uint32_t gen_dpimm(Rng *r, const DiffClasses *cl, const char **sub)
{
    uint32_t w = pick(r, cl, dpimm_groups, NGROUPS(dpimm_groups), sub);
    uint32_t op = field(w, 23, 6);
    bool sp_dest = (op == 0x22 && !field(w, 29, 1)) ||
                   (op == 0x24 && field(w, 29, 2) != 3);
    return fix_reg(r, w, 0, !sp_dest);
}

/* Data processing -- register. ADD/SUB (extended register) without S
 * writes SP when Rd = 31. */
static uint32_t gen_dpreg(Rng *r, const DiffClasses *cl, const char **sub)
{
    uint32_t w = pick(r, cl, dpreg_groups, NGROUPS(dpreg_groups), sub);
    bool sp_dest = (w & 0x1f200000u) == 0x0b200000u && !field(w, 29, 1);
    return fix_reg(r, w, 0, !sp_dest);
}

/* Access size in bytes of a single-register load/store (bits 31:30, V, opc). */
static uint32_t ldst_size(uint32_t w)
{
    uint32_t sz = field(w, 30, 2);
    if (field(w, 26, 1) && sz == 0 && field(w, 23, 1))
        return 16;
    return 1u << sz;
}

/* A second transfer register for a load that must not repeat Rt (a CONSTRAINED
 * UNPREDICTABLE pair): the one below it, and never the base or index
 * register (x29 once gave "ldp x29, x28, [x28]", whose wild x28 then
 * reached QEMU's flash window). */
static uint32_t other_than(uint32_t rt)
{
    uint32_t r = rt == 0 ? 1 : rt - 1;
    return r == DIFF_BASE_REG || r == DIFF_IDX_REG ? 26 : r;
}

static int32_t small(Rng *r, int32_t lo, int32_t hi)
{
    return lo + (int32_t)below(r, (uint32_t)(hi - lo + 1));
}

/* Loads and stores: op0 = x1x0 (bit 27 = 1, bit 25 = 0). Field by field:
 * Rn (9:5) is x28 or SP; Rt (4:0) and Rt2 (14:10) are never x27/x28; Rm
 * (20:16) in register-offset and post-index-register forms is x27; Rs of the
 * exclusives is never x27/x28 nor Rt/Rt2; immediates are small so that the
 * address stays near the window centre (aligned to the access size 3 times
 * in 4: Device memory with the MMU off faults on unaligned accesses). */
static uint32_t gen_ldst(Rng *r, const DiffClasses *cl, const char **sub)
{
    uint32_t w = pick(r, cl, ldst_groups, NGROUPS(ldst_groups), sub);
    uint32_t op0 = field(w, 28, 2);
    bool v = field(w, 26, 1), literal = op0 == 1 && !field(w, 24, 1);

    w = fix_reg(r, w, 0, true);
    if (literal)        /* imm19 (23:5) words: stay within +-1 KiB of the PC */
        return set_field(w, 5, 19, (uint32_t)small(r, -256, 255));
    w = set_field(w, 5, 5, below(r, 2) ? DIFF_BASE_REG : 31);

    if (op0 == 0 && !v) {           /* exclusives (and v8.1 CAS space) */
        w = fix_reg(r, w, 10, true);
        uint32_t rt = field(w, 0, 5);
        if (field(w, 22, 1) && field(w, 10, 5) == rt && rt != 31)
            w = set_field(w, 10, 5, other_than(rt));
        for (;;) {
            uint32_t rs = field(w, 16, 5);
            if (rs != DIFF_BASE_REG && rs != DIFF_IDX_REG &&
                (rs == 31 || (rs != rt && rs != field(w, 10, 5))))
                break;
            w = set_field(w, 16, 5, below(r, 32));
        }
    } else if (op0 == 0) {          /* Advanced SIMD structures */
        if (field(w, 23, 1))
            w = set_field(w, 16, 5, below(r, 2) ? DIFF_IDX_REG : 31);
    } else if (op0 == 1) {          /* v8.4 LDAPR/STLUR space: imm9 */
        w = set_field(w, 12, 9, (uint32_t)small(r, -64, 63));
    } else if (op0 == 2) {          /* pairs: imm7 (21:15), Rt2 (14:10) */
        w = fix_reg(r, w, 10, true);
        uint32_t rt = field(w, 0, 5);
        if (field(w, 22, 1) && field(w, 10, 5) == rt)
            w = set_field(w, 10, 5, other_than(rt));
        w = set_field(w, 15, 7, (uint32_t)small(r, -8, 7));
    } else if (!field(w, 24, 1)) {
        if (!field(w, 21, 1)) {     /* unscaled, post, unprivileged, pre */
            int32_t off = small(r, -64, 63);
            if (below(r, 4))
                off &= -(int32_t)ldst_size(w);
            w = set_field(w, 12, 9, (uint32_t)off);
        } else if (field(w, 10, 2) == 2) {  /* register offset */
            w = set_field(w, 16, 5, DIFF_IDX_REG);
        } else {                    /* atomics, PAC: Rs never x27/x28 */
            w = fix_reg(r, w, 16, true);
        }
    } else {                        /* unsigned offset: imm12 (21:10) */
        w = set_field(w, 10, 12, below(r, 16));
    }
    /* The promise above, checked: no transfer register is x27/x28. */
    for (unsigned lo = 0; lo <= 10; lo += 10) {
        uint32_t t = field(w, lo, 5);
        if ((lo == 0 || op0 == 0 || op0 == 2) && (t == DIFF_BASE_REG || t == DIFF_IDX_REG) &&
            !(op0 == 0 && v)) {
            fprintf(stderr, "difftool gen: %08" PRIx32 " writes x%" PRIu32 "\n", w, t);
            abort();
        }
    }
    return w;
}

/* Scalar floating point. Rd (4:0) may be a general register (FMOV,
 * FCVTZS...). Type (23:22) is single or double 3 times in 4. */
static uint32_t gen_fp(Rng *r, const DiffClasses *cl, const char **sub)
{
    uint32_t w = pick(r, cl, fp_groups, NGROUPS(fp_groups), sub);
    if (below(r, 4))
        w &= ~(1u << 23);
    return fix_reg(r, w, 0, true);
}

static uint32_t gen_simd(Rng *r, const DiffClasses *cl, const char **sub)
{
    uint32_t w = pick(r, cl, simd_groups, NGROUPS(simd_groups), sub);
    return fix_reg(r, w, 0, true);
}

/* System instructions that neither change control state nor depend on
 * time: hints other than WFE/WFI, barriers and CLREX (CRm, op2 and Rt at
 * random: some unallocated), MRS/MSR of NZCV, FPCR, FPSR, MRS of the ID
 * register space (op0=3, op1=0, CRn=0: reserved ones read as zero; less
 * the registers where rewind advertises less than QEMU, see case 3) and
 * of the cache identification registers. */
static uint32_t gen_sys(Rng *r, const DiffClasses *cl, const char **sub)
{
    static const char *names[] = { "hint", "barrier", "nzcv/fpcr/fpsr",
                                   "id-registers", "cache-id-registers" };
    int ok[5], nok = 0;
    for (int i = 0; i < 5; i++)
        if (!excluded(cl, names[i]))
            ok[nok++] = i;
    int k = nok ? ok[below(r, (uint32_t)nok)] : 0;
    uint32_t w, op;
    *sub = names[k];
    switch (k) {
    case 0:
        do
            op = below(r, 128);
        while (op == 2 || op == 3);
        return 0xd503201fu | op << 5;
    case 1:
        w = 0xd503301fu | below(r, 16) << 8 | below(r, 8) << 5;
        return below(r, 8) ? w : set_field(w, 0, 5, pick_reg(r, true));
    case 2: {
        static const uint32_t reg[] = { 0x000b4200, 0x000b4400, 0x000b4420 };
        w = 0xd5100000u | reg[below(r, 3)] | below(r, 2) << 21;
        return w | pick_reg(r, true);
    }
    case 3: {
        /* Not the AArch32 ID registers (CRm 1-3) nor ID_AA64PFR0, ID_AA64DFR0
         * and ID_AA64MMFR0: rewind deliberately advertises less than QEMU's
         * cortex-a57 there (no AArch32, PMU or mixed-endian); unit tests pin
         * those values. */
        unsigned crm, op2;
        do {
            crm = below(r, 8);
            op2 = below(r, 8);
        } while ((crm >= 1 && crm <= 3) || (op2 == 0 && (crm == 4 || crm == 5 || crm == 7)));
        return 0xd5380000u | crm << 8 | op2 << 5 | pick_reg(r, true);
    }
    default: {  /* CCSIDR, CLIDR, AIDR, CSSELR, CTR_EL0, DCZID_EL0 */
        static const uint32_t reg[] = { 0x00390000, 0x00390020, 0x003900e0,
                                        0x003a0000, 0x003b0020, 0x003b00e0 };
        return 0xd5000000u | 0x00300000u | reg[below(r, 6)] | pick_reg(r, true);
    }
    }
}

/* A forward branch from instruction i of len to i + off, 1 <= off <= len - i
 * (len - i is the first instruction after the block). */
static uint32_t gen_branch(Rng *r, int i, int len)
{
    uint32_t off = 1 + below(r, (uint32_t)(len - i));
    switch (below(r, 5)) {
    case 0:     /* B.cond; bit 4 set is unallocated in v8.0 */
        return 0x54000000u | off << 5 | below(r, 16) | (below(r, 16) ? 0 : 0x10);
    case 1:     /* CBZ / CBNZ */
        return 0x34000000u | below(r, 2) << 31 | below(r, 2) << 24 |
               off << 5 | below(r, 32);
    case 2:     /* TBZ / TBNZ */
        return 0x36000000u | below(r, 2) << 31 | below(r, 2) << 24 |
               below(r, 32) << 19 | off << 5 | below(r, 32);
    case 3:     /* B */
        return 0x14000000u | off;
    default:    /* BL: x30 = an absolute address, identical on both */
        return 0x94000000u | off;
    }
}

/* ---- initial values ----------------------------------------------------- */

static uint64_t rand_x(Rng *r)
{
    static const uint64_t edge[] = {
        0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
        0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
        0x8000000000000001ull, 0xfffffffffffffffeull, 0x3ff0000000000000ull,
    };
    switch (below(r, 8)) {
    case 0: return below(r, 64);
    case 1: return (uint64_t)-(int64_t)(1 + below(r, 64));
    case 2: return edge[below(r, sizeof edge / sizeof edge[0])];
    case 3: return (uint32_t)next64(r);
    case 4: return (uint64_t)(int64_t)(int32_t)next64(r);
    case 5: return 1ull << below(r, 64);
    default: return next64(r);
    }
}

static uint32_t rand_f32(Rng *r)
{
    static const uint32_t edge[] = {
        0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000,
        0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000,
        0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0x4f000000,
        0xcf000000, 0x5f000000, 0x3effffff, 0x3f000000, 0x4b000000,
    };
    uint32_t sign = below(r, 2) << 31;
    switch (below(r, 4)) {
    case 0: return edge[below(r, sizeof edge / sizeof edge[0])];
    case 1: return (uint32_t)next64(r);
    default:    /* moderate magnitude: exponents 2^-8 .. 2^31 */
        return sign | (119 + below(r, 40)) << 23 | ((uint32_t)next64(r) & 0x7fffff);
    }
}

static uint64_t rand_f64(Rng *r)
{
    static const uint64_t edge[] = {
        0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
        0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
        0x7ff0000000000001ull, 0x7ff4000000000000ull, 0x0000000000000001ull,
        0x000fffffffffffffull, 0x0010000000000000ull, 0x7fefffffffffffffull,
        0x43e0000000000000ull, 0xc3e0000000000000ull, 0x41e0000000000000ull,
        0x3fe0000000000000ull, 0x4330000000000000ull, 0x36a0000000000000ull,
    };
    uint64_t sign = (uint64_t)below(r, 2) << 63;
    switch (below(r, 4)) {
    case 0: return edge[below(r, sizeof edge / sizeof edge[0])];
    case 1: return next64(r);
    default:
        return sign | (uint64_t)(1015 + below(r, 70)) << 52 |
               (next64(r) & 0xfffffffffffffull);
    }
}

static uint64_t rand_v64(Rng *r)
{
    switch (below(r, 6)) {
    case 0: return rand_f64(r);
    case 1: return (uint64_t)rand_f32(r) << 32 | rand_f32(r);
    case 2: return next64(r);
    case 3: {   /* half-precision lanes, NaN/Inf/denormal patterns included */
        uint64_t v = 0;
        for (int i = 0; i < 4; i++) {
            static const uint16_t edge[] = {0x0000, 0x8000, 0x3c00, 0x7c00,
                                            0xfc00, 0x7e00, 0x7c01, 0x0001,
                                            0x03ff, 0x7bff};
            uint64_t h = below(r, 2) ? edge[below(r, 10)] : (uint16_t)next64(r);
            v |= h << (16 * i);
        }
        return v;
    }
    case 4: {   /* small signed byte lanes: saturation edges */
        uint64_t v = 0;
        for (int i = 0; i < 8; i++)
            v |= (uint64_t)(uint8_t)(below(r, 2) ? 0x80 - 2 + below(r, 4)
                                                 : below(r, 256)) << (8 * i);
        return v;
    }
    default: return rand_x(r);
    }
}

/* FPCR: RMode (23:22), FZ (24), DN (25), AHP (26) at random; 1 in 8 blocks
 * also set bits that cortex-a57 leaves RAZ/WI (trap enables, FZ16, Len,
 * Stride) to check that the write ignores them. */
static uint64_t rand_fpcr(Rng *r, const DiffClasses *cl)
{
    uint64_t v = (uint64_t)below(r, 4) << 22;
    if (!below(r, 4)) v |= 1u << 24;
    if (!below(r, 4)) v |= 1u << 25;
    if (!below(r, 4)) v |= 1u << 26;
    if (!below(r, 8) && !excluded(cl, "fpcr-res"))
        v |= next64(r) & 0x003f9f00u;
    return v;
}

/* FPSR: cumulative bits (IOC..IXC, IDC, QC) sometimes already set. */
static uint64_t rand_fpsr(Rng *r)
{
    return below(r, 4) ? 0 : next64(r) & 0x0800009fu;
}

static void make_state(Rng *r, const DiffClasses *cl, DiffState *st)
{
    for (int i = 0; i < 31; i++)
        st->x[i] = rand_x(r);
    /* x28: window centre, misaligned by 1..15 in 1 block of 16 */
    st->x[DIFF_BASE_REG] = DIFF_WIN + DIFF_WIN_SIZE / 2 +
                           (below(r, 16) ? 0 : 1 + below(r, 15));
    st->x[DIFF_IDX_REG] = (uint64_t)(int64_t)small(r, -4, 15);
    st->sp = DIFF_WIN + DIFF_WIN_SIZE / 2 + 16 * (uint64_t)(int64_t)small(r, -4, 4);
    st->nzcv = (uint64_t)below(r, 16) << 28;
    st->fpcr = rand_fpcr(r, cl);
    st->fpsr = rand_fpsr(r);
    st->win_seed = next64(r) | 1;
    for (int i = 0; i < 32; i++) {
        st->v[i][0] = rand_v64(r);
        st->v[i][1] = rand_v64(r);
    }
}

void diff_block_make(DiffBlock *b, uint64_t seed, uint64_t block,
                     const DiffClasses *cl, int len)
{
    Rng r = { seed * 0xd1342543de82ef95ull ^ (block + 1) * 0x9e3779b97f4a7c15ull };
    unsigned bits[7];
    int nbits = 0;
    for (int i = 0; i < 7; i++)
        if (cl->bits & (1u << i))
            bits[nbits++] = 1u << i;

    memset(b, 0, sizeof *b);
    b->len = len;
    make_state(&r, cl, &b->st);
    for (int i = 0; i < len; i++) {
        unsigned c = bits[below(&r, (uint32_t)nbits)];
        uint32_t w = 0;
        const char *sub = "branch";
        switch (c) {
        case DIFF_DPIMM: w = gen_dpimm(&r, cl, &sub); break;
        case DIFF_DPREG: w = gen_dpreg(&r, cl, &sub); break;
        case DIFF_LDST: w = gen_ldst(&r, cl, &sub); break;
        case DIFF_FP: w = gen_fp(&r, cl, &sub); break;
        case DIFF_SIMD: w = gen_simd(&r, cl, &sub); break;
        case DIFF_SYS: w = gen_sys(&r, cl, &sub); break;
        case DIFF_BRANCH:   /* half branches, half flag/register producers */
            if (below(&r, 2))
                w = gen_branch(&r, i, len);
            else
                w = below(&r, 2) ? gen_dpimm(&r, cl, &sub) : gen_dpreg(&r, cl, &sub);
            break;
        }
        b->insn[i] = w;
        b->sub[i] = sub;
        b->cls[i] = (uint8_t)c;
    }
}

/* ---- the guest ---------------------------------------------------------- */

static void mov_imm(FILE *f, const char *reg, uint64_t v)
{
    fprintf(f, "\tmovz %s, #0x%" PRIx64 "\n", reg, v & 0xffff);
    for (int s = 16; s < 64; s += 16)
        if ((v >> s) & 0xffff)
            fprintf(f, "\tmovk %s, #0x%" PRIx64 ", lsl #%d\n", reg, (v >> s) & 0xffff, s);
}

static void put_string(FILE *f, const char *s)
{
    for (; *s; s++)
        fprintf(f, "\tmov w1, #%d\n\tstr w1, [x7]\n", *s);
}

/* Table layout read by `setup`: x0-x30 then SP contiguous, like the dump. */
enum { T_IDX = 0, T_WSEED = 8, T_NZCV = 16, T_FPCR = 24, T_FPSR = 32,
       T_X = 48, T_SP = 296, T_V = 304, T_SIZE = 816 };

static void write_prologue(FILE *f)
{
    fprintf(f, "\t.text\n\t.global _start\n_start:\n");
    fprintf(f, "\tadr x0, vectors\n\tmsr vbar_el1, x0\n");
    fprintf(f, "\tmov x0, #(3 << 20)\n\tmsr cpacr_el1, x0\n\tisb\n");
    mov_imm(f, "x7", DIFF_UART);
    put_string(f, "DIFF-START\n");
    fprintf(f, "\tb blocks\n");

    /* Synchronous exception: record (ESR, ELR, FAR) while fewer than
     * DIFF_MAX_EXC, count all, skip the instruction. Uses x0/x1 only, saved
     * in TPIDR_EL1/TPIDR_EL0 (no generated instruction touches them); ERET
     * restores NZCV. */
    fprintf(f, "sync:\n\tmsr tpidr_el1, x0\n\tmsr tpidr_el0, x1\n");
    mov_imm(f, "x0", DIFF_SAVE + DIFF_OFF_EXCN);
    fprintf(f, "\tldr x1, [x0]\n\tadd x1, x1, #1\n\tstr x1, [x0]\n"
               "\tsub x1, x1, #1\n\tcmp x1, #%d\n\tb.hs 1f\n"
               "\tadd x0, x0, #8\n\tadd x0, x0, x1, lsl #3\n\tadd x0, x0, x1, lsl #4\n"
               "\tmrs x1, esr_el1\n\tstr x1, [x0]\n"
               "\tmrs x1, elr_el1\n\tstr x1, [x0, #8]\n"
               "\tmrs x1, far_el1\n\tstr x1, [x0, #16]\n"
               "1:\tmrs x1, elr_el1\n\tadd x1, x1, #4\n\tmsr elr_el1, x1\n"
               "\tmrs x0, tpidr_el1\n\tmrs x1, tpidr_el0\n\teret\n", DIFF_MAX_EXC);
    fprintf(f, "unexpected:\n");
    mov_imm(f, "x7", DIFF_UART);
    put_string(f, "UNEXPECTED\n");
    fprintf(f, "\tb poweroff\n");

    /* puthex: x1 = address, x2 = byte count > 0, x7 = UART; x3-x6. */
    fprintf(f, "puthex:\n\tcbz x2, 2f\n"
               "1:\tldrb w3, [x1], #1\n"
               "\tlsr w4, w3, #4\n\tadd w5, w4, #48\n\tadd w6, w4, #87\n"
               "\tcmp w4, #10\n\tcsel w5, w6, w5, hs\n\tstr w5, [x7]\n"
               "\tand w4, w3, #15\n\tadd w5, w4, #48\n\tadd w6, w4, #87\n"
               "\tcmp w4, #10\n\tcsel w5, w6, w5, hs\n\tstr w5, [x7]\n"
               "\tsubs x2, x2, #1\n\tb.ne 1b\n2:\tret\n");

    /* setup: x0 = table, x30 = first instruction of the block. */
    fprintf(f, "setup:\n");
    mov_imm(f, "x1", DIFF_SAVE);
    fprintf(f, "\tldr x2, [x0, #%d]\n\tstr x2, [x1, #%d]\n", T_IDX, DIFF_OFF_IDX);
    fprintf(f, "\tstr x30, [x1, #%d]\n\tstr xzr, [x1, #%d]\n", DIFF_OFF_START, DIFF_OFF_EXCN);
    fprintf(f, "\tstr x0, [x1, #%d]\n", DIFF_OFF_TAB);
    fprintf(f, "\tmsr elr_el1, x30\n\tldr x2, [x0, #%d]\n", T_WSEED);
    mov_imm(f, "x3", DIFF_WIN);
    fprintf(f, "\tmov x4, #%u\n"
               "1:\teor x2, x2, x2, lsl #13\n\teor x2, x2, x2, lsr #7\n"
               "\teor x2, x2, x2, lsl #17\n\tstr x2, [x3], #8\n"
               "\tsubs x4, x4, #1\n\tb.ne 1b\n\tclrex\n", DIFF_WIN_SIZE / 8);
    mov_imm(f, "x3", DIFF_WIN_DUMP);
    fprintf(f, "\tadd x4, x1, #%d\n\tmov x5, #%u\n"
               "1:\tldr x2, [x3], #8\n\tstr x2, [x4], #8\n"
               "\tsubs x5, x5, #1\n\tb.ne 1b\n", DIFF_OFF_IWIN, DIFF_WIN_DUMP_SIZE / 8);
    fprintf(f, "\tldr x2, [x0, #%d]\n\tmov x3, #0x3c5\n\torr x2, x2, x3\n"
               "\tmsr spsr_el1, x2\n", T_NZCV);
    fprintf(f, "\tldr x2, [x0, #%d]\n\tmsr fpcr, x2\n", T_FPCR);
    fprintf(f, "\tldr x2, [x0, #%d]\n\tmsr fpsr, x2\n", T_FPSR);
    fprintf(f, "\tldr x2, [x0, #%d]\n\tmov sp, x2\n", T_SP);
    for (int i = 0; i < 32; i += 2)
        fprintf(f, "\tldp q%d, q%d, [x0, #%d]\n", i, i + 1, T_V + 16 * i);
    for (int i = 1; i < 31; i += 2)
        fprintf(f, "\tldp x%d, x%d, [x0, #%d]\n", i, i + 1, T_X + 8 * i);
    fprintf(f, "\tldr x0, [x0, #%d]\n\teret\n", T_X);

    /* delta: x1 = current values, x2 = initial values, x3 = count (<= 32),
     * x4 = element size (8 or 16). Prints a 4-byte mask of the elements
     * that changed, then those elements. Uses x8-x17, x23. */
    fprintf(f, "delta:\n\tmov x23, x30\n\tmov x17, x1\n\tmov x10, x1\n\tmov x11, x2\n"
               "\tmov x12, x3\n\tmov x13, x4\n\tmov x14, #0\n\tmov x15, #0\n"
               "1:\tldr x8, [x10]\n\tldr x9, [x11]\n\teor x8, x8, x9\n"
               "\tcmp x13, #16\n\tb.ne 2f\n"
               "\tldr x9, [x10, #8]\n\tldr x16, [x11, #8]\n\teor x9, x9, x16\n"
               "\torr x8, x8, x9\n"
               "2:\tcbz x8, 3f\n\tmov x9, #1\n\tlsl x9, x9, x15\n\torr x14, x14, x9\n"
               "3:\tadd x10, x10, x13\n\tadd x11, x11, x13\n\tadd x15, x15, #1\n"
               "\tcmp x15, x12\n\tb.ne 1b\n");
    mov_imm(f, "x1", DIFF_SAVE + DIFF_OFF_MASK);
    fprintf(f, "\tstr x14, [x1]\n\tmov x2, #4\n\tbl puthex\n"
               "\tmov x10, x17\n\tmov x15, #0\n"
               "4:\tlsr x9, x14, x15\n\ttbz x9, #0, 5f\n"
               "\tmov x1, x10\n\tmov x2, x13\n\tbl puthex\n"
               "5:\tadd x10, x10, x13\n\tadd x15, x15, #1\n"
               "\tcmp x15, x12\n\tb.ne 4b\n\tret x23\n");

    /* save_dump: entered with x0 in TPIDR_EL1, x30 in TPIDR_EL0, returns
     * through x30 (set by its BL) to the next block. */
    fprintf(f, "save_dump:\n");
    mov_imm(f, "x0", DIFF_SAVE);
    for (int i = 1; i < 29; i += 2)
        fprintf(f, "\tstp x%d, x%d, [x0, #%d]\n", i, i + 1, DIFF_OFF_X + 8 * i);
    fprintf(f, "\tstr x29, [x0, #%d]\n", DIFF_OFF_X + 8 * 29);
    fprintf(f, "\tmrs x1, tpidr_el1\n\tstr x1, [x0, #%d]\n", DIFF_OFF_X);
    fprintf(f, "\tmrs x1, tpidr_el0\n\tstr x1, [x0, #%d]\n", DIFF_OFF_X + 8 * 30);
    fprintf(f, "\tmov x1, sp\n\tstr x1, [x0, #%d]\n", DIFF_OFF_X + 8 * 31);
    fprintf(f, "\tmrs x1, nzcv\n\tstr x1, [x0, #%d]\n", DIFF_OFF_NZCV);
    fprintf(f, "\tmrs x1, fpsr\n\tstr x1, [x0, #%d]\n", DIFF_OFF_FPSR);
    fprintf(f, "\tmrs x1, fpcr\n\tstr x1, [x0, #%d]\n", DIFF_OFF_FPCR);
    for (int i = 0; i < 32; i += 2)
        fprintf(f, "\tstp q%d, q%d, [x0, #%d]\n", i, i + 1, DIFF_OFF_V + 16 * i);
    mov_imm(f, "x2", DIFF_WIN);
    mov_imm(f, "x4", 0x100000001b3ull);
    mov_imm(f, "x5", 0xcbf29ce484222325ull);
    fprintf(f, "\tmov x3, #%u\n"
               "1:\tldr x6, [x2], #8\n\teor x5, x5, x6\n\tmul x5, x5, x4\n"
               "\tsubs x3, x3, #1\n\tb.ne 1b\n\tstr x5, [x0, #%d]\n",
            DIFF_WIN_SIZE / 8, DIFF_OFF_HASH);
    fprintf(f, "\tmov x20, x30\n\tmov x21, x0\n\tldr x22, [x0, #%d]\n", DIFF_OFF_TAB);
    mov_imm(f, "x7", DIFF_UART);
    put_string(f, "B");
    fprintf(f, "\tmov x1, x21\n\tmov x2, #%d\n\tbl puthex\n", DIFF_HEAD);
    fprintf(f, "\tldr x2, [x21, #%d]\n\tmov x3, #%d\n\tcmp x2, x3\n"
               "\tcsel x2, x2, x3, lo\n\tmov x3, #24\n\tmul x2, x2, x3\n"
               "\tadd x1, x21, #%d\n\tbl puthex\n",
            DIFF_OFF_EXCN, DIFF_MAX_EXC, DIFF_OFF_EXC);
    fprintf(f, "\tadd x1, x21, #%d\n\tadd x2, x22, #%d\n\tmov x3, #32\n\tmov x4, #8\n"
               "\tbl delta\n", DIFF_OFF_X, T_X);
    fprintf(f, "\tadd x1, x21, #%d\n\tadd x2, x22, #%d\n\tmov x3, #32\n\tmov x4, #16\n"
               "\tbl delta\n", DIFF_OFF_V, T_V);
    mov_imm(f, "x1", DIFF_WIN_DUMP);
    fprintf(f, "\tadd x2, x21, #%d\n\tmov x3, #%u\n\tmov x4, #8\n\tbl delta\n",
            DIFF_OFF_IWIN, DIFF_WIN_DUMP_SIZE / 8);
    put_string(f, "\n");
    fprintf(f, "\tret x20\n");

    fprintf(f, "poweroff:\n");
    mov_imm(f, "x0", 0x84000008u);
    fprintf(f, "\thvc #0\n3:\tb 3b\n");

    /* Vector table: the four synchronous slots record, the rest stop. */
    fprintf(f, "\t.balign 2048\nvectors:\n");
    for (int i = 0; i < 16; i++)
        fprintf(f, "\t.balign 128\n\tb %s\n", i % 4 == 0 ? "sync" : "unexpected");
    fprintf(f, "\t.balign 16\nblocks:\n");
}

static void write_block(FILE *f, const DiffBlock *b, uint64_t idx, int keep)
{
    fprintf(f, "\tadrp x0, tab%" PRIu64 "\n\tadd x0, x0, :lo12:tab%" PRIu64 "\n"
               "\tbl setup\n", idx, idx);
    for (int i = 0; i < b->len; i++)
        fprintf(f, "\t.inst 0x%08x\n", i < keep ? b->insn[i] : 0xd503201fu);
    fprintf(f, "\tmsr tpidr_el1, x0\n\tmsr tpidr_el0, x30\n\tbl save_dump\n");
}

static void write_table(FILE *f, const DiffBlock *b, uint64_t idx)
{
    const DiffState *s = &b->st;
    fprintf(f, "\t.balign 16\ntab%" PRIu64 ":\n", idx);
    fprintf(f, "\t.quad 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64
               ", 0x%" PRIx64 ", 0\n",
            idx, s->win_seed, s->nzcv, s->fpcr, s->fpsr);
    for (int i = 0; i < 31; i++)
        fprintf(f, "\t.quad 0x%" PRIx64 "\n", s->x[i]);
    fprintf(f, "\t.quad 0x%" PRIx64 "\n", s->sp);
    fprintf(f, "\t.quad 0\n");
    for (int i = 0; i < 32; i++)
        fprintf(f, "\t.quad 0x%" PRIx64 ", 0x%" PRIx64 "\n", s->v[i][0], s->v[i][1]);
}

static int usage(void)
{
    fprintf(stderr,
        "usage: difftool gen -s SEED -n BLOCKS [-f FIRST] [-c CLASSES] [-k LEN]\n"
        "                    [-p BLOCK] -o OUT.s\n"
        "       difftool cmp -s SEED [-c CLASSES] [-k LEN] [-p BLOCK] [-q MAX]\n"
        "                    [-a NAME] [-b NAME] A.out B.out\n"
        "classes: dpimm dpreg ldst branch fp simd sys all (comma-separated),\n"
        "         -WORD drops the encoding groups named with WORD (diff.h)\n");
    return 2;
}

static int gen_main(int argc, char **argv)
{
    uint64_t seed = 0, nblocks = 1000, first = 0;
    int64_t prefix = -1;
    DiffClasses classes;
    bool classes_ok = diff_classes_parse("all", &classes);
    int len = 16, opt;
    const char *out = NULL;
    optind = 1;
    while ((opt = getopt(argc, argv, "s:n:f:c:k:p:o:")) != -1) {
        switch (opt) {
        case 's': seed = strtoull(optarg, NULL, 0); break;
        case 'n': nblocks = strtoull(optarg, NULL, 0); break;
        case 'f': first = strtoull(optarg, NULL, 0); break;
        case 'c': classes_ok = diff_classes_parse(optarg, &classes); break;
        case 'k': len = atoi(optarg); break;
        case 'p': prefix = strtoll(optarg, NULL, 0); break;
        case 'o': out = optarg; break;
        default: return usage();
        }
    }
    if (!out || !classes_ok || len < 1 || len > DIFF_MAX_LEN)
        return usage();
    FILE *f = fopen(out, "w");
    if (!f) {
        fprintf(stderr, "difftool: %s: %s\n", out, strerror(errno));
        return 1;
    }
    write_prologue(f);
    DiffBlock b;
    uint64_t count = prefix >= 0 ? (uint64_t)len + 1 : nblocks;
    if (prefix >= 0)
        diff_block_make(&b, seed, (uint64_t)prefix, &classes, len);
    for (uint64_t i = 0; i < count; i++) {
        if (prefix < 0)
            diff_block_make(&b, seed, first + i, &classes, len);
        uint64_t idx = prefix >= 0 ? i : first + i;
        write_block(f, &b, idx, prefix >= 0 ? (int)i : len);
    }
    mov_imm(f, "x7", DIFF_UART);
    put_string(f, "DIFF-END\n");
    fprintf(f, "\tb poweroff\n\t.data\n");
    for (uint64_t i = 0; i < count; i++) {
        if (prefix < 0)
            diff_block_make(&b, seed, first + i, &classes, len);
        write_table(f, &b, prefix >= 0 ? i : first + i);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "difftool: %s: %s\n", out, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    if (!strcmp(argv[1], "gen"))
        return gen_main(argc - 1, argv + 1);
    if (!strcmp(argv[1], "cmp"))
        return diff_cmp_main(argc - 1, argv + 1);
    return usage();
}
