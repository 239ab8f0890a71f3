/* emu/psci.h — the firmware side of PSCI 1.1 for one CPU, answered by the
 * board on HVC/SMC as QEMU does when it has no EL2/EL3 firmware. */
#ifndef EMU_PSCI_H
#define EMU_PSCI_H

#include <stdbool.h>

#include "emu/cpu.h"

typedef enum EmuPsciRequest {
    EMU_PSCI_NONE,
    EMU_PSCI_SYSTEM_OFF,     /* SYSTEM_OFF, or CPU_OFF of the only CPU */
    EMU_PSCI_SYSTEM_RESET,
} EmuPsciRequest;

/* If x0 holds a PSCI function ID (0x84000000-0x8400001f or
 * 0xc4000000-0xc400001f), perform it, write the result to x0, set *req for
 * power requests and return true. Otherwise return false (the HVC/SMC is
 * then UNDEFINED, as on QEMU). */
bool emu_psci_call(EmuCpu *cpu, EmuPsciRequest *req);

#endif
