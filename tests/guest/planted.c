/* tests/guest/planted.c — a planted bug for reverse debugging: a global is
 * written every 1000 iterations up to 3000, then once more, wrongly, at
 * iteration 4321; tick() is called every 3000 iterations. The addresses
 * are printed so that tests can set watchpoints and breakpoints on them
 * (tests/replay/test_travel.c: reverse-continue with a write watchpoint
 * lands on the corrupting store). */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

static volatile uint32_t victim;
static volatile uint32_t calls;

__attribute__((noinline)) static void tick(uint32_t i)
{
    calls = calls + i;
}

int main(void)
{
    printf("planted: victim at %p, tick at %p\n", (void *)&victim, (void *)tick);
    for (uint32_t i = 0; i < 10000; i++) {
        if (i % 1000 == 0 && i < 4000)
            victim = i;
        if (i == 4321)
            victim = 0xdeadbeef;             /* the planted bug */
        if (i % 3000 == 0)
            tick(i);
    }
    printf("planted: victim %" PRIx32 ", calls %" PRIu32 "\n", victim, calls);
    printf("planted: ok\n");
    return 0;
}
