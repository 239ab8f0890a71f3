/* tests/guest/id.c — the identification and reset-value system registers a
 * program sees at EL1 on `virt -cpu cortex-a57`, one per line, so that a
 * difference in what the CPU advertises is reported by name. */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"

#define SHOW(reg) do { \
        uint64_t v; \
        __asm__ volatile("mrs %0, " #reg : "=r"(v)); \
        printf("%-18s %#" PRIx64 "\n", #reg, v); \
    } while (0)

int main(void)
{
    uint64_t el;
    __asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
    printf("%-18s %" PRIu64 "\n", "CurrentEL", el >> 2);
    SHOW(midr_el1);
    SHOW(mpidr_el1);
    SHOW(revidr_el1);
    SHOW(id_aa64pfr0_el1);
    SHOW(id_aa64pfr1_el1);
    SHOW(id_aa64dfr0_el1);
    SHOW(id_aa64isar0_el1);
    SHOW(id_aa64isar1_el1);
    SHOW(id_aa64mmfr0_el1);
    SHOW(id_aa64mmfr1_el1);
    SHOW(id_aa64mmfr2_el1);
    SHOW(ctr_el0);
    SHOW(dczid_el0);
    SHOW(clidr_el1);
    SHOW(sctlr_el1);
    SHOW(tcr_el1);
    SHOW(mair_el1);
    SHOW(cntfrq_el0);
    SHOW(cntkctl_el1);
    SHOW(cntv_ctl_el0);
    SHOW(daif);
    SHOW(nzcv);
    SHOW(spsel);
    SHOW(fpcr);
    SHOW(fpsr);
    printf("id: ok\n");
    return 0;
}
