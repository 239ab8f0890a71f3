/* bench/bench.c — the benchmark guest: a fixed amount of work (no input, no
 * timer reads, so the same instruction count on every run and every
 * emulator), just over 1e9 instructions at -O2 (1,042,230,043 when
 * written; run-bench.sh measures it every time), in four kinds:
 *   hash    FNV-1a and xorshift mixing over a 64 KiB buffer (integer, loads)
 *   matmul  a 40x40 double matrix product, repeated (FP multiply-add, loads)
 *   memory  memcpy, memset, memcmp, strlen over buffers of many sizes
 *           (picolibc's, which for this target are plain byte loops)
 *   branch  a small interpreter loop (indirect branches, calls)
 * It prints one checksum per kind; the figures are timed from outside. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

#define N 40

static unsigned char buf[65536], buf2[65536];
static double a[N][N], b[N][N], c[N][N];

static uint64_t hash_work(unsigned rounds)
{
    uint64_t h = FNV_INIT, x = 88172645463325252ull;
    for (unsigned r = 0; r < rounds; r++) {
        h = fnv1a(h, buf, sizeof buf);
        for (unsigned i = 0; i < sizeof buf / 8; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ((uint64_t *)buf)[i] ^= x + h;
        }
    }
    return h ^ x;
}

static uint64_t matmul_work(unsigned rounds)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3) % 11) / 11.0 - 0.5;
            b[i][j] = (double)((i * 5 + j * 13) % 17) / 17.0 - 0.5;
        }
    for (unsigned r = 0; r < rounds; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int k = 0; k < N; k++)
                    s += a[i][k] * b[k][j];
                c[i][j] = s;
            }
        /* Feed back, scaled to stay bounded. */
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                a[i][j] = c[i][j] * 0.25 + (double)((i + j + (int)r) & 3) * 0.01;
    }
    return fnv1a(FNV_INIT, c, sizeof c);
}

static uint64_t memory_work(unsigned rounds)
{
    uint64_t h = 0;
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)((i * 37 + (i >> 8)) | 1);
    for (unsigned r = 0; r < rounds; r++) {
        for (unsigned len = 1; len < 16384; len = len * 3 / 2 + 1) {
            unsigned off = (r * 7 + len) & 63;
            memcpy(buf2 + off, buf + (len & 15), len);
            memset(buf2 + off + len, 0, 64);
            h += (uint64_t)strlen((char *)buf2 + off);
            h += (uint64_t)(memcmp(buf2 + off, buf + (len & 15), len) == 0);
            memmove(buf2 + 1, buf2, len);
        }
        h = h * 31 + buf2[r & 4095];
    }
    return h;
}

enum { OP_ADD, OP_XOR, OP_ROT, OP_MUL, OP_JNZ, OP_HALT };
static const uint8_t program[] = { OP_ADD, OP_XOR, OP_ROT, OP_MUL, OP_ADD, OP_ROT, OP_JNZ, OP_HALT };

static uint64_t branch_work(unsigned rounds)
{
    uint64_t acc = 1, total = 0;
    for (unsigned r = 0; r < rounds; r++) {
        unsigned pc = 0, count = 64;
        for (;;) {
            switch (program[pc]) {
            case OP_ADD: acc += r | 1; pc++; break;
            case OP_XOR: acc ^= acc >> 11; pc++; break;
            case OP_ROT: acc = (acc << 9) | (acc >> 55); pc++; break;
            case OP_MUL: acc *= 0x9e3779b97f4a7c15ull; pc++; break;
            case OP_JNZ: pc = --count ? 0 : pc + 1; break;
            default: goto done;
            }
        }
done:
        total += acc;
    }
    return total;
}

int main(void)
{
    printf("bench: hash   %016" PRIx64 "\n", hash_work(750));
    printf("bench: matmul %016" PRIx64 "\n", matmul_work(720));
    printf("bench: memory %016" PRIx64 "\n", memory_work(360));
    printf("bench: branch %016" PRIx64 "\n", branch_work(90000));
    printf("bench: ok\n");
    return 0;
}
