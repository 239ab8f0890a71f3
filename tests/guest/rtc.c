/* tests/guest/rtc.c — the PL031 real-time clock: reads the host's time (a
 * non-deterministic input that record/replay must log), waits a while, reads
 * it again. Its output changes from run to run, so it is not compared with
 * QEMU; tests/replay/run-rr.sh checks that every replay prints exactly what
 * the recording did. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

#define RTC_DR 0x09010000u

int main(void)
{
    volatile uint32_t *dr = (volatile uint32_t *)(uintptr_t)RTC_DR;
    uint32_t t0 = *dr;
    printf("rtc: %" PRIu32 "\n", t0);
    uint64_t h = FNV_INIT;
    for (uint32_t i = 0; i < 2000000; i++)
        h = fnv1a(h, &i, sizeof i);
    uint32_t t1 = *dr;
    printf("rtc: later %" PRIu32 " (%s), work %016" PRIx64 "\n", t1,
           t1 >= t0 ? "not before" : "BEFORE", h);
    printf("rtc: ok\n");
    return 0;
}
