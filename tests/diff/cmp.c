/* tests/diff/cmp.c — `difftool cmp`: compares the UART dumps of two runs of
 * the same generated guest (see gen.c, diff.h) block by block.
 *
 *   difftool cmp -s SEED -n BLOCKS [-f FIRST] [-c CLASSES] [-k LEN]
 *                [-p BLOCK] [-q MAX] [-F FAILED.txt] [-a NAME] [-b NAME]
 *                A.out B.out
 *
 * For each expected block it rebuilds the final state of each side (the dump
 * lists only what changed from the initial state, which it regenerates from
 * the seed) and compares: exceptions taken (count, then per record the
 * instruction, ESR, and FAR for data aborts, where FAR is defined), X0-X30,
 * SP, NZCV, FPSR, FPCR, V0-V31, the 256 dumped window bytes, the hash of the
 * whole 4 KiB window. A failing block prints its seed, number, encodings with
 * disassembly and both sides' exceptions, the first differing field with both
 * values, and the names of the other differing fields (the first MAX failing
 * blocks; the rest are counted). A block missing on one side fails.
 * Last line: "cmp: N passed, M failed". Exit status 1 if any failed.
 *
 * With -p BLOCK the outputs come from a `gen -p BLOCK` guest (variant i runs
 * the first i instructions); the first differing variant names the culprit,
 * printed as one line "CULPRIT class encoding disassembly | field A B".
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/diff/diff.h"

typedef struct Dump {
    bool present;
    uint64_t idx, start, nzcv, fpsr, fpcr, hash, excn;
    uint64_t rec[DIFF_MAX_EXC][3];
    uint64_t x[32];         /* x0..x30, sp */
    uint64_t v[32][2];
    uint64_t w[DIFF_WIN_DUMP_SIZE / 8];
} Dump;

typedef struct Side {
    const char *name;
    Dump *d;                /* indexed by block - first */
    uint64_t n;
    bool started, ended, unexpected;
    long bad_lines;
    char last[160];         /* last non-dump line, for a stopped emulator */
} Side;

typedef struct Ctx {
    uint64_t seed, first, n;
    int64_t prefix;
    DiffClasses classes;
    const char *classes_text;
    int len;
    csh cs;
} Ctx;

/* ---- parsing ------------------------------------------------------------ */

typedef struct Hex { const char *p; size_t left; bool ok; } Hex;

static int nib(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Reads `bytes` little-endian bytes as one value (bytes <= 8). */
static uint64_t take(Hex *h, int bytes)
{
    uint64_t v = 0;
    if (!h->ok || h->left < (size_t)bytes * 2) {
        h->ok = false;
        return 0;
    }
    for (int i = 0; i < bytes; i++) {
        int hi = nib(h->p[0]), lo = nib(h->p[1]);
        if (hi < 0 || lo < 0) {
            h->ok = false;
            return 0;
        }
        v |= (uint64_t)(hi << 4 | lo) << (8 * i);
        h->p += 2;
        h->left -= 2;
    }
    return v;
}

static void window_init(uint64_t seed, uint64_t *w)
{
    uint64_t x = seed;
    for (uint32_t i = 0; i < DIFF_WIN_SIZE / 8; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        uint32_t j = i - (DIFF_WIN_DUMP - DIFF_WIN) / 8;
        if (j < DIFF_WIN_DUMP_SIZE / 8)
            w[j] = x;
    }
}

static const DiffBlock *block_of(const Ctx *c, uint64_t idx, DiffBlock *tmp)
{
    diff_block_make(tmp, c->seed, c->prefix >= 0 ? (uint64_t)c->prefix : idx,
                    &c->classes, c->len);
    return tmp;
}

static void initial(const Ctx *c, uint64_t idx, Dump *d)
{
    DiffBlock b;
    block_of(c, idx, &b);
    memcpy(d->x, b.st.x, sizeof b.st.x);
    d->x[31] = b.st.sp;
    memcpy(d->v, b.st.v, sizeof d->v);
    window_init(b.st.win_seed, d->w);
    d->nzcv = b.st.nzcv;
    d->fpsr = b.st.fpsr;
    d->fpcr = b.st.fpcr;
}

static bool parse_line(const Ctx *c, const char *line, size_t len, Dump *d)
{
    Hex h = { line, len, true };
    d->idx = take(&h, 8);
    d->start = take(&h, 8);
    d->nzcv = take(&h, 8);
    d->fpsr = take(&h, 8);
    d->fpcr = take(&h, 8);
    d->hash = take(&h, 8);
    d->excn = take(&h, 8);
    if (!h.ok)
        return false;
    uint64_t nrec = d->excn < DIFF_MAX_EXC ? d->excn : DIFF_MAX_EXC;
    for (uint64_t i = 0; i < nrec; i++)
        for (int k = 0; k < 3; k++)
            d->rec[i][k] = take(&h, 8);
    if (d->idx < c->first || d->idx - c->first >= c->n)
        return false;
    Dump init;
    initial(c, d->idx, &init);
    memcpy(d->x, init.x, sizeof d->x);
    memcpy(d->v, init.v, sizeof d->v);
    memcpy(d->w, init.w, sizeof d->w);

    uint32_t m = (uint32_t)take(&h, 4);
    for (int i = 0; i < 32; i++)
        if (m >> i & 1)
            d->x[i] = take(&h, 8);
    m = (uint32_t)take(&h, 4);
    for (int i = 0; i < 32; i++)
        if (m >> i & 1) {
            d->v[i][0] = take(&h, 8);
            d->v[i][1] = take(&h, 8);
        }
    m = (uint32_t)take(&h, 4);
    for (int i = 0; i < 32; i++)
        if (m >> i & 1)
            d->w[i] = take(&h, 8);
    return h.ok && h.left == 0;
}

static bool side_read(const Ctx *c, Side *s, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return false;
    }
    s->n = c->n;
    s->d = calloc(c->n ? c->n : 1, sizeof *s->d);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        Dump d;
        if (line[0] == 'B' && parse_line(c, line + 1, (size_t)len - 1, &d)) {
            d.present = true;
            s->d[d.idx - c->first] = d;
            continue;
        }
        if (!strcmp(line, "DIFF-START"))
            s->started = true;
        else if (!strcmp(line, "DIFF-END"))
            s->ended = true;
        else if (!strcmp(line, "UNEXPECTED"))
            s->unexpected = true;
        else if (len > 0)
            s->bad_lines++;
        if (len > 0)
            snprintf(s->last, sizeof s->last, "%.*s", (int)(len > 100 ? 100 : len), line);
    }
    free(line);
    fclose(f);
    return true;
}

/* ---- comparing ---------------------------------------------------------- */

static bool far_valid(uint64_t esr)
{
    uint32_t ec = (uint32_t)(esr >> 26) & 0x3f;
    return (ec == 0x24 || ec == 0x25) && !(esr >> 10 & 1);    /* FnV clear */
}

static const char *ec_name(uint64_t esr)
{
    switch ((esr >> 26) & 0x3f) {
    case 0x00: return "UNDEFINED";
    case 0x07: return "FP trap";
    case 0x0e: return "illegal state";
    case 0x18: return "sysreg trap";
    case 0x22: return "PC alignment";
    case 0x24: case 0x25: return "data abort";
    case 0x26: return "SP alignment";
    case 0x2c: return "FP exception";
    default: return "other";
    }
}

/* Instruction number of a record's ELR in the block, or -1. */
static int rec_insn(const Dump *d, int i)
{
    uint64_t off = d->rec[i][1] - d->start;
    return off % 4 == 0 && off / 4 < DIFF_MAX_LEN ? (int)(off / 4) : -1;
}

typedef struct Diff {
    char name[32];
    char a[80], b[80];
    char init[80];          /* value before the block, "" if not a register */
} Diff;

#define MAX_DIFFS 128

typedef struct DiffList { int n; Diff d[MAX_DIFFS]; } DiffList;

static Diff *add(DiffList *l, const char *name, const char *a, const char *b)
{
    static Diff spare;
    if (l->n >= MAX_DIFFS)
        return &spare;
    Diff *d = &l->d[l->n++];
    snprintf(d->name, sizeof d->name, "%s", name);
    snprintf(d->a, sizeof d->a, "%s", a);
    snprintf(d->b, sizeof d->b, "%s", b);
    d->init[0] = 0;
    return d;
}

static void add64(DiffList *l, const char *name, uint64_t a, uint64_t b, uint64_t init)
{
    char sa[24], sb[24];
    snprintf(sa, sizeof sa, "0x%016" PRIx64, a);
    snprintf(sb, sizeof sb, "0x%016" PRIx64, b);
    Diff *d = add(l, name, sa, sb);
    snprintf(d->init, sizeof d->init, "0x%016" PRIx64, init);
}

static void exc_text(const Dump *d, int i, char *out, size_t n)
{
    snprintf(out, n, "insn %d ESR=0x%08" PRIx64 " (%s)%s", rec_insn(d, i),
             d->rec[i][0], ec_name(d->rec[i][0]), "");
    if (far_valid(d->rec[i][0]))
        snprintf(out + strlen(out), n - strlen(out), " FAR=0x%" PRIx64, d->rec[i][2]);
}

/* `init` holds the block's initial state (registers, window). */
static void compare(const Dump *a, const Dump *b, const Dump *init, DiffList *l)
{
    char name[32], sa[80], sb[80];
    l->n = 0;
    if (a->excn != b->excn) {
        snprintf(sa, sizeof sa, "%" PRIu64, a->excn);
        snprintf(sb, sizeof sb, "%" PRIu64, b->excn);
        add(l, "exceptions", sa, sb);
    }
    uint64_t nrec = a->excn < b->excn ? a->excn : b->excn;
    if (nrec > DIFF_MAX_EXC)
        nrec = DIFF_MAX_EXC;
    for (uint64_t i = 0; i < nrec; i++) {
        bool same = a->rec[i][0] == b->rec[i][0] &&
                    a->rec[i][1] - a->start == b->rec[i][1] - b->start &&
                    (!far_valid(a->rec[i][0]) || a->rec[i][2] == b->rec[i][2]);
        if (!same) {
            snprintf(name, sizeof name, "exception %" PRIu64, i);
            exc_text(a, (int)i, sa, sizeof sa);
            exc_text(b, (int)i, sb, sizeof sb);
            add(l, name, sa, sb);
        }
    }
    for (int i = 0; i < 32; i++)
        if (a->x[i] != b->x[i]) {
            snprintf(name, sizeof name, i == 31 ? "SP" : "X%d", i);
            add64(l, name, a->x[i], b->x[i], init->x[i]);
        }
    if (a->nzcv != b->nzcv) add64(l, "NZCV", a->nzcv, b->nzcv, init->nzcv);
    if (a->fpsr != b->fpsr) add64(l, "FPSR", a->fpsr, b->fpsr, init->fpsr);
    if (a->fpcr != b->fpcr) add64(l, "FPCR", a->fpcr, b->fpcr, init->fpcr);
    for (int i = 0; i < 32; i++)
        if (a->v[i][0] != b->v[i][0] || a->v[i][1] != b->v[i][1]) {
            snprintf(name, sizeof name, "V%d", i);
            snprintf(sa, sizeof sa, "0x%016" PRIx64 "%016" PRIx64, a->v[i][1], a->v[i][0]);
            snprintf(sb, sizeof sb, "0x%016" PRIx64 "%016" PRIx64, b->v[i][1], b->v[i][0]);
            Diff *d = add(l, name, sa, sb);
            snprintf(d->init, sizeof d->init, "0x%016" PRIx64 "%016" PRIx64,
                     init->v[i][1], init->v[i][0]);
        }
    for (int i = 0; i < (int)(DIFF_WIN_DUMP_SIZE / 8); i++)
        for (int k = 0; k < 8; k++) {
            uint8_t ba = (uint8_t)(a->w[i] >> (8 * k)), bb = (uint8_t)(b->w[i] >> (8 * k));
            if (ba != bb) {
                snprintf(name, sizeof name, "mem[0x%x]", DIFF_WIN_DUMP + 8 * i + k);
                snprintf(sa, sizeof sa, "0x%02x", ba);
                snprintf(sb, sizeof sb, "0x%02x", bb);
                Diff *d = add(l, name, sa, sb);
                snprintf(d->init, sizeof d->init, "0x%02x", (uint8_t)(init->w[i] >> (8 * k)));
            }
        }
    if (a->hash != b->hash)
        add(l, "window hash", "differs", "(a byte outside the dumped 256)");
    if (a->start != b->start)   /* same image: a different address is a loader bug */
        add64(l, "block address", a->start, b->start, 0);
}

/* ---- reporting ---------------------------------------------------------- */

static void disasm(const Ctx *c, uint32_t w, uint64_t pc, char *out, size_t n)
{
    uint8_t code[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
    cs_insn *insn;
    if (c->cs && cs_disasm(c->cs, code, 4, pc, 1, &insn) == 1) {
        snprintf(out, n, "%s %s", insn->mnemonic, insn->op_str);
        cs_free(insn, 1);
    } else {
        snprintf(out, n, "(unallocated)");
    }
}

static void show_excs(const char *who, const Dump *d)
{
    printf("  exceptions %-7s", who);
    if (!d->excn)
        printf(" none");
    for (uint64_t i = 0; i < d->excn && i < DIFF_MAX_EXC; i++) {
        char t[96];
        exc_text(d, (int)i, t, sizeof t);
        printf("%s %s", i ? ";" : "", t);
    }
    if (d->excn > DIFF_MAX_EXC)
        printf(" (+%" PRIu64 " more)", d->excn - DIFF_MAX_EXC);
    printf("\n");
}

static void show_block(const Ctx *c, const Side *A, const Side *B, uint64_t idx,
                       const Dump *a, const Dump *b, const DiffList *l)
{
    DiffBlock blk;
    block_of(c, idx, &blk);
    uint64_t start = a->present ? a->start : b->present ? b->start : 0;
    int keep = c->prefix >= 0 ? (int)idx : blk.len;
    uint64_t bno = c->prefix >= 0 ? (uint64_t)c->prefix : idx;
    printf("FAIL seed=%" PRIu64 " block=%" PRIu64 " classes=%s len=%d"
           "  (again: tests/diff/run-diff.sh -k %d '%" PRIu64 ":%s:1:%" PRIu64 "')\n",
           c->seed, bno, c->classes_text, c->len, c->len, c->seed, c->classes_text, bno);
    for (int i = 0; i < keep; i++) {
        char t[256];
        disasm(c, blk.insn[i], start + 4 * (uint64_t)i, t, sizeof t);
        printf("  [%2d] %08x  %-40s [%s: %s]\n", i, blk.insn[i], t,
               diff_class_name(blk.cls[i]), blk.sub[i]);
    }
    if (!a->present || !b->present) {
        const Side *m = a->present ? B : A;
        printf("  block missing in %s output (%s; last line: \"%s\")\n", m->name,
               m->ended ? "run ended" : "run stopped early", m->last);
        return;
    }
    show_excs(A->name, a);
    show_excs(B->name, b);
    printf("  first difference: %s: %s=%s %s=%s", l->d[0].name, A->name,
           l->d[0].a, B->name, l->d[0].b);
    printf(l->d[0].init[0] ? " (before the block: %s)\n" : "\n", l->d[0].init);
    if (l->n > 1) {
        printf("  also differ:");
        for (int i = 1; i < l->n && i < 24; i++)
            printf(" %s", l->d[i].name);
        printf(l->n > 24 ? " ...\n" : "\n");
    }
}

/* -S: per encoding group, how many generated instructions side A ran and
 * how many raised UNDEFINED there (only complete records are counted:
 * blocks with more than DIFF_MAX_EXC exceptions are skipped). */
static void print_stats(const Ctx *c, const Side *A)
{
    struct { const char *name; unsigned cls; long n, undef; } g[128];
    int ng = 0;
    for (uint64_t i = 0; i < c->n; i++) {
        const Dump *d = &A->d[i];
        if (!d->present || d->excn > DIFF_MAX_EXC)
            continue;
        DiffBlock b;
        block_of(c, c->first + i, &b);
        for (int k = 0; k < b.len; k++) {
            int j = 0;
            while (j < ng && (g[j].name != b.sub[k] || g[j].cls != b.cls[k]))
                j++;
            if (j == ng) {
                if (ng == 128)
                    continue;
                g[ng].name = b.sub[k];
                g[ng].cls = b.cls[k];
                g[ng].n = g[ng].undef = 0;
                ng++;
            }
            g[j].n++;
            for (uint64_t e = 0; e < d->excn; e++)
                if (rec_insn(d, (int)e) == k && !(d->rec[e][0] >> 26))
                    g[j].undef++;
        }
    }
    for (int j = 0; j < ng; j++)
        printf("stats: %-7s %-28s %6ld insns %5.1f%% UNDEFINED on %s\n",
               diff_class_name(g[j].cls), g[j].name, g[j].n,
               g[j].n ? 100.0 * (double)g[j].undef / (double)g[j].n : 0.0, A->name);
}

static int usage(void)
{
    fprintf(stderr, "usage: difftool cmp -s SEED -n BLOCKS [-f FIRST] [-c CLASSES] "
                    "[-k LEN] [-p BLOCK] [-q MAX] [-F FILE] [-a NAME] [-b NAME] A B\n");
    return 2;
}

int diff_cmp_main(int argc, char **argv)
{
    Ctx c = { .n = 1000, .prefix = -1, .classes_text = "all", .len = 16 };
    bool classes_ok = diff_classes_parse("all", &c.classes);
    Side A = { .name = "qemu" }, B = { .name = "rewind" };
    long max_show = 20;
    bool stats = false;
    const char *failed_path = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt(argc, argv, "s:n:f:c:k:p:q:F:a:b:S")) != -1) {
        switch (opt) {
        case 's': c.seed = strtoull(optarg, NULL, 0); break;
        case 'n': c.n = strtoull(optarg, NULL, 0); break;
        case 'f': c.first = strtoull(optarg, NULL, 0); break;
        case 'c':
            c.classes_text = optarg;
            classes_ok = diff_classes_parse(optarg, &c.classes);
            break;
        case 'k': c.len = atoi(optarg); break;
        case 'p': c.prefix = strtoll(optarg, NULL, 0); break;
        case 'q': max_show = atol(optarg); break;
        case 'F': failed_path = optarg; break;
        case 'a': A.name = optarg; break;
        case 'b': B.name = optarg; break;
        case 'S': stats = true; break;
        default: return usage();
        }
    }
    if (argc - optind != 2 || !classes_ok || c.len < 1 || c.len > DIFF_MAX_LEN)
        return usage();
    if (c.prefix >= 0) {
        c.first = 0;
        c.n = (uint64_t)c.len + 1;
    }
    if (!side_read(&c, &A, argv[optind]) || !side_read(&c, &B, argv[optind + 1]))
        return 2;
    if (cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &c.cs) != CS_ERR_OK)
        c.cs = 0;
    FILE *failed = failed_path ? fopen(failed_path, "w") : NULL;

    uint64_t pass = 0, fail = 0;
    static DiffList l;
    for (uint64_t i = 0; i < c.n; i++) {
        const Dump *a = &A.d[i], *b = &B.d[i];
        l.n = 0;
        if (a->present && b->present) {
            Dump init;
            initial(&c, c.first + i, &init);
            compare(a, b, &init, &l);
            if (!l.n) {
                pass++;
                continue;
            }
        }
        fail++;
        if (failed) {   /* "BLOCK FIELD": the runner localizes one per kind */
            const char *f = l.n ? l.d[0].name : "missing";
            fprintf(failed, "%" PRIu64 " %.*s\n", c.first + i, (int)strcspn(f, " "), f);
        }
        if (c.prefix >= 0) {    /* the first differing variant: culprit */
            DiffBlock blk;
            block_of(&c, i, &blk);
            char t[256] = "(none: initial state)", enc[16] = "-";
            char grp[96] = "setup";
            if (i > 0) {
                disasm(&c, blk.insn[i - 1], (a->present ? a->start : b->start) + 4 * (i - 1),
                       t, sizeof t);
                snprintf(enc, sizeof enc, "%08x", blk.insn[i - 1]);
                snprintf(grp, sizeof grp, "%s: %s", diff_class_name(blk.cls[i - 1]),
                         blk.sub[i - 1]);
            }
            show_block(&c, &A, &B, i, a, b, &l);
            if (l.n)
                printf("CULPRIT [%s] %s %s | %s %s=%s %s=%s\n", grp, enc, t, l.d[0].name,
                       A.name, l.d[0].a, B.name, l.d[0].b);
            else
                printf("CULPRIT [%s] %s %s | missing output\n", grp, enc, t);
            break;
        }
        if ((long)fail <= max_show)
            show_block(&c, &A, &B, c.first + i, a, b, &l);
    }
    if (c.prefix >= 0 && !fail)
        printf("CULPRIT none (no variant differs: the difference depends on "
               "instructions after a taken branch, or is not reproducible)\n");
    for (Side *s = &A; s; s = s == &A ? &B : NULL) {
        if (!s->started || !s->ended || s->unexpected || s->bad_lines)
            printf("note: %s output:%s%s%s (%ld other lines; last: \"%s\")\n", s->name,
                   s->started ? "" : " no DIFF-START", s->ended ? "" : " no DIFF-END",
                   s->unexpected ? " UNEXPECTED exception" : "", s->bad_lines, s->last);
    }
    if (stats)
        print_stats(&c, &A);
    if (failed)
        fclose(failed);
    if (c.cs)
        cs_close(&c.cs);
    free(A.d);
    free(B.d);
    if ((long)fail > max_show && c.prefix < 0)
        printf("(%" PRIu64 " more failing blocks not shown)\n", fail - (uint64_t)max_show);
    printf("cmp: %" PRIu64 " passed, %" PRIu64 " failed\n", pass, fail);
    return fail ? 1 : 0;
}
