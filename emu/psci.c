/* emu/psci.c — see psci.h. Function IDs and return codes from Arm DEN0022
 * (PSCI 1.1). */
#include "emu/psci.h"

#include <stdint.h>

enum {
    PSCI_VERSION = 0x84000000,
    PSCI_CPU_SUSPEND = 0x84000001,
    PSCI_CPU_OFF = 0x84000002,
    PSCI_CPU_ON = 0x84000003,
    PSCI_AFFINITY_INFO = 0x84000004,
    PSCI_MIGRATE = 0x84000005,
    PSCI_MIGRATE_INFO_TYPE = 0x84000006,
    PSCI_SYSTEM_OFF = 0x84000008,
    PSCI_SYSTEM_RESET = 0x84000009,
    PSCI_FEATURES = 0x8400000a,
    SMC64 = 0x40000000,       /* the 64-bit calling convention bit */
};

enum {
    PSCI_SUCCESS = 0,
    PSCI_NOT_SUPPORTED = -1,
    PSCI_INVALID_PARAMETERS = -2,
    PSCI_ALREADY_ON = -4,
};

static bool supported(uint32_t fn)
{
    switch (fn & ~SMC64) {
    case PSCI_VERSION: case PSCI_CPU_SUSPEND: case PSCI_CPU_OFF: case PSCI_CPU_ON:
    case PSCI_AFFINITY_INFO: case PSCI_MIGRATE_INFO_TYPE: case PSCI_SYSTEM_OFF:
    case PSCI_SYSTEM_RESET: case PSCI_FEATURES:
        return true;
    default:
        return false;
    }
}

bool emu_psci_call(EmuCpu *cpu, EmuPsciRequest *req)
{
    uint64_t x0 = emu_cpu_x(cpu, 0);
    uint32_t fn = (uint32_t)x0;
    if (x0 >> 32 || (fn & 0xbfffffe0u) != 0x84000000u)
        return false;
    int64_t ret = PSCI_NOT_SUPPORTED;
    *req = EMU_PSCI_NONE;
    switch (fn & ~SMC64) {
    case PSCI_VERSION:
        ret = 0x00010001;                  /* 1.1 */
        break;
    case PSCI_CPU_SUSPEND:
        ret = PSCI_SUCCESS;                /* returns at once: a wake-up */
        break;
    case PSCI_CPU_OFF:
    case PSCI_SYSTEM_OFF:
        *req = EMU_PSCI_SYSTEM_OFF;
        ret = PSCI_SUCCESS;
        break;
    case PSCI_SYSTEM_RESET:
        *req = EMU_PSCI_SYSTEM_RESET;
        ret = PSCI_SUCCESS;
        break;
    case PSCI_CPU_ON:
        ret = (emu_cpu_x(cpu, 1) & 0xff00ffffffull) == 0 ? PSCI_ALREADY_ON
                                                          : PSCI_INVALID_PARAMETERS;
        break;
    case PSCI_AFFINITY_INFO:
        ret = (emu_cpu_x(cpu, 1) & 0xff00ffffffull) == 0 ? 0 /* ON */ : PSCI_INVALID_PARAMETERS;
        break;
    case PSCI_MIGRATE_INFO_TYPE:
        ret = 2;                           /* no trusted OS: migration not needed */
        break;
    case PSCI_FEATURES:
        ret = supported((uint32_t)emu_cpu_x(cpu, 1)) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
        break;
    default:
        break;
    }
    emu_cpu_set_x(cpu, 0, (uint64_t)ret);
    return true;
}
