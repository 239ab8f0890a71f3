/* tests/diff/diff.h — the differential tester's shared contract: the guest's
 * memory map, the layout of the per-block dump, and the deterministic block
 * generator that both `difftool gen` (writes the guest) and `difftool cmp`
 * (shows the encodings of a failing block) call.
 *
 * A block is fully determined by (seed, block number, classes, length) and
 * the installed capstone, which biases sampling towards allocated encodings:
 * diff_block_make() reproduces any block without generating the others.
 */
#ifndef TESTS_DIFF_DIFF_H
#define TESTS_DIFF_DIFF_H

#include <stdbool.h>
#include <stdint.h>

/* Guest memory map (QEMU virt, 128 MiB of RAM at 0x40000000). */
#define DIFF_CODE     0x40000000u   /* ELF load address, entry point */
#define DIFF_UART     0x09000000u   /* PL011 data register */
#define DIFF_WIN      0x47000000u   /* 4 KiB scratch window, hashed whole */
#define DIFF_WIN_SIZE 4096u
#define DIFF_WIN_DUMP (DIFF_WIN + 1920u) /* 256 bytes dumped byte by byte */
#define DIFF_WIN_DUMP_SIZE 256u
#define DIFF_BASE_REG 28            /* x28: load/store base, window centre */
#define DIFF_IDX_REG  27            /* x27: small register offset */
#define DIFF_SAVE     0x47010000u   /* dump area, layout below */

/* Dump area (guest RAM at DIFF_SAVE). Each block prints one line:
 *   "B" HEX "\n", HEX = lowercase hex of these little-endian bytes:
 *   idx start nzcv fpsr fpcr hash excn   7 x 8 bytes (offsets 0..55 below)
 *   records                              min(excn, 8) x (ESR, ELR, FAR)
 *   xmask  x[i] for each set bit         4 bytes, then 8 each (x0-x30, sp)
 *   vmask  v[i] for each set bit         4 bytes, then 16 each
 *   wmask  w[i] for each set bit         4 bytes, then 8 each (32 words
 *                                        of the window at DIFF_WIN_DUMP)
 * A mask bit is set when the value differs from the block's initial value
 * (the comparator regenerates those), which keeps the UART traffic small
 * without losing anything: both sides print the same line iff their final
 * states are equal. */
enum {
    DIFF_OFF_IDX   = 0,     /* block number (or prefix length) */
    DIFF_OFF_START = 8,     /* address of the block's first instruction */
    DIFF_OFF_NZCV  = 16,
    DIFF_OFF_FPSR  = 24,
    DIFF_OFF_FPCR  = 32,
    DIFF_OFF_HASH  = 40,    /* FNV-1a over the 4 KiB window, 64-bit words */
    DIFF_OFF_EXCN  = 48,    /* synchronous exceptions taken in the block */
    DIFF_OFF_EXC   = 56,    /* records: ESR_EL1, ELR_EL1, FAR_EL1 */
    DIFF_OFF_TAB   = 248,   /* the block's table (guest-private) */
    DIFF_OFF_MASK  = 256,   /* scratch for a printed mask */
    DIFF_OFF_X     = 264,   /* x0..x30, sp */
    DIFF_OFF_V     = 528,   /* v0..v31, 16 bytes each */
    DIFF_OFF_IWIN  = 1040,  /* initial copy of the dumped window */
    DIFF_HEAD      = 56,
};
#define DIFF_MAX_EXC 8

/* Instruction classes (bit set). */
enum {
    DIFF_DPIMM  = 1 << 0,   /* data processing, immediate */
    DIFF_DPREG  = 1 << 1,   /* data processing, register */
    DIFF_LDST   = 1 << 2,   /* loads and stores, every addressing mode */
    DIFF_BRANCH = 1 << 3,   /* forward in-block branches mixed with DP */
    DIFF_FP     = 1 << 4,   /* scalar floating point */
    DIFF_SIMD   = 1 << 5,   /* Advanced SIMD, vector and scalar */
    DIFF_SYS    = 1 << 6,   /* hints, barriers, NZCV/FPCR/FPSR, ID registers */
    DIFF_ALL    = (1 << 7) - 1,
};

#define DIFF_MAX_LEN 64

/* Initial state of a block, loaded by the guest's setup routine. */
typedef struct DiffState {
    uint64_t x[31];
    uint64_t sp, nzcv, fpcr, fpsr, win_seed;
    uint64_t v[32][2];      /* [lo, hi] */
} DiffState;

typedef struct DiffBlock {
    int len;
    uint32_t insn[DIFF_MAX_LEN];
    uint8_t cls[DIFF_MAX_LEN];  /* class bit each instruction came from */
    const char *sub[DIFF_MAX_LEN]; /* its encoding-index group (static) */
    DiffState st;
} DiffBlock;

/* What a stream draws from: "CLASS[,CLASS...][,-WORD...]", e.g. "all",
 * "simd,-crypto". A "-WORD" drops the encoding groups whose name contains
 * WORD (group names as printed in failure reports, e.g. "crypto aes");
 * "-fpcr-res" keeps the random FPCR to RMode/FZ/DN/AHP (by default 1 block in
 * 8 also writes the AArch32-only Len/Stride and RAZ/WI bits). */
typedef struct DiffClasses {
    unsigned bits;
    int nexcl;
    char excl[8][32];
} DiffClasses;

/* Returns false on an unknown class or too many exclusions. */
bool diff_classes_parse(const char *s, DiffClasses *out);
const char *diff_class_name(unsigned cls_bit);

/* Fills *b with block number `block` of the stream (seed, classes, len). */
void diff_block_make(DiffBlock *b, uint64_t seed, uint64_t block,
                     const DiffClasses *classes, int len);

/* `difftool cmp ...` (cmp.c). */
int diff_cmp_main(int argc, char **argv);

#endif
