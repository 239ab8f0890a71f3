/* tests/guest/common.c — exception dispatch and PSCI, linked into every
 * guest. */
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"

static exc_hook_fn hook;

void guest_set_exception_hook(exc_hook_fn fn)
{
    hook = fn;
}

void guest_exception(struct exc_frame *f, unsigned vector)
{
    if (hook) {
        hook(f, vector);
        return;
    }
    printf("unexpected exception: vector %u esr %#llx elr %#llx far %#llx\n",
           vector, (unsigned long long)f->esr, (unsigned long long)f->elr,
           (unsigned long long)f->far);
    exit(99);
}

void guest_poweroff(void)
{
    register uint64_t x0 __asm__("x0") = 0x84000008;   /* SYSTEM_OFF */
    for (;;)
        __asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
}
