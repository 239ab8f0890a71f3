/* tests/guest/loop.c — a long run (about 1e8 instructions at -O2): a
 * checksum over a mix of integer mixing, data-dependent branches, loads and
 * stores into a 64 KiB table and a small double-precision recurrence. It
 * prints the checksum every 1/8 of the run, so a divergence shows roughly
 * when it happened. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

#define ROUNDS 8
#define ITERS  (1120000 / ROUNDS)

static uint32_t table[16384];

int main(void)
{
    uint64_t x = 0x0123456789abcdefull, sum = 0;
    double d = 0.5;
    for (unsigned i = 0; i < 16384; i++)
        table[i] = i * 2654435761u;
    for (unsigned r = 0; r < ROUNDS; r++) {
        for (unsigned i = 0; i < ITERS; i++) {
            for (unsigned k = 0; k < 4; k++) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                uint32_t idx = (uint32_t)(x >> 50);
                uint32_t t = table[idx];
                if (t & 1)
                    sum += t * 3 + (x >> 32);
                else
                    sum ^= t + (sum << 1);
                table[(idx + k) & 16383] = t + (uint32_t)sum;
            }
            d = d * 3.7 * (1.0 - d);        /* logistic map: stays in (0,1) */
            if ((i & 255) == 0)
                sum += (uint64_t)(d * 1e6);
        }
        printf("round %u: sum %016" PRIx64 " x %016" PRIx64 " d %.17g\n", r, sum, x, d);
    }
    uint64_t h = fnv1a(FNV_INIT, table, sizeof table);
    printf("table %016" PRIx64 "\n", h);
    printf("loop: ok\n");
    return 0;
}
