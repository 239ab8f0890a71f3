/* bench/gdbbench.c — the guest of bench/run-gdbbench.sh: the same gdb
 * session against rewind and against QEMU's record/replay, on a recording
 * of about 1e8 instructions. Built at -Og, so that source-level stepping
 * follows the lines. What the session uses:
 *   setup()   runs once, at the start: reverse-continue to a breakpoint on
 *             it crosses the whole recording
 *   seed      a global written once, just after setup(): reverse-continue
 *             with a write watchpoint on it crosses the whole recording too
 *   the loop  in main, a few statements per pass, one of them a call of
 *             about 1e5 instructions: reverse-next walks back over them
 *   finish()  runs once, at the end: where the session starts going back
 * No input (QEMU's rr=record loses serial input). */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

#define PASSES 1000     /* passes of main's loop */
#define MIXES  8200     /* xorshift rounds per mix() call */

static uint32_t table[4096];
volatile uint64_t seed;         /* the watchpoint's target */
volatile uint64_t result;

__attribute__((noinline)) void setup(void)
{
    for (unsigned i = 0; i < 4096; i++)
        table[i] = i * 2654435761u;
}

__attribute__((noinline)) uint64_t mix(uint64_t x, unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        table[x >> 52] += (uint32_t)x;
    }
    return x;
}

__attribute__((noinline)) uint64_t fold(uint64_t a, uint64_t b)
{
    return (a << 5 | a >> 59) ^ b;
}

__attribute__((noinline)) void finish(uint64_t sum)
{
    result = sum;
}

int main(void)
{
    printf("gdbbench: start\n");
    setup();
    seed = 0x0123456789abcdefull;
    uint64_t x = seed, sum = 0;
    for (unsigned i = 0; i < PASSES; i++) {
        x = mix(x, MIXES);
        sum += x & 0xffff;
        if (sum & 1)
            sum = fold(sum, x);
        else
            sum ^= x >> 7;
        table[i & 4095] ^= (uint32_t)sum;  /* gdbbench: rc-loop */
    }
    finish(sum);
    printf("gdbbench: sum %016" PRIx64 " table %016" PRIx64 "\n", result,
           fnv1a(FNV_INIT, table, sizeof table));
    printf("gdbbench: ok\n");
    return 0;
}
