/* emu/machine.h — the virt board: QEMU's memory map for `-M virt`, one
 * Cortex-A57-like CPU, RAM at 0x40000000, a PL011 at 0x09000000, PSCI over
 * HVC/SMC, a GICv2 at 0x08000000, the generic timer (PPIs 27 and 30), a
 * PL031 RTC at 0x09010000,
 * optional semihosting, a device tree.
 *
 * The board runs on the caller's thread. Host input (serial bytes) is
 * handed to it between runs; host output leaves through callbacks.
 */
#ifndef EMU_MACHINE_H
#define EMU_MACHINE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "emu/cpu.h"
#include "emu/mem.h"
#include "emu/gic.h"
#include "emu/pl011.h"
#include "emu/pl031.h"

#define EMU_VIRT_RAM_BASE  0x40000000ull
#define EMU_VIRT_UART_BASE 0x09000000ull
#define EMU_VIRT_UART_SPI  1
#define EMU_VIRT_RTC_BASE  0x09010000ull
#define EMU_VIRT_RTC_SPI   2
#define EMU_DEFAULT_RAM    (128ull << 20)
/* Virtual time: one instruction is 2^shift ns; shift 0 is a 1 GHz core. */
#define EMU_DEFAULT_ICOUNT_SHIFT 0
/* The generic timer's frequency, as on QEMU's virt. */
#define EMU_CNTFRQ_HZ      62500000ull

typedef struct EmuMachine EmuMachine;

typedef struct EmuMachineConfig {
    uint64_t ram_size;            /* bytes; 0 means EMU_DEFAULT_RAM */
    bool semihosting;             /* HLT #0xf000 is a semihosting call */
    bool no_reboot;               /* PSCI SYSTEM_RESET powers off instead */
    const char *cmdline;          /* SYS_GET_CMDLINE; may be NULL */
    unsigned icount_shift;        /* one instruction is 2^shift ns */
    /* Guest output: UART bytes and semihosting console writes (stderr on
     * QEMU). */
    void (*serial_out)(void *opaque, uint8_t byte);
    void (*console_out)(void *opaque, const uint8_t *buf, size_t len);
    /* Semihosting writes to ":tt" opened for writing: QEMU's stdout.
     * NULL: they go to serial_out. */
    void (*semihost_stdout)(void *opaque, const uint8_t *buf, size_t len);
    /* The host clock, seconds since the epoch (the RTC reads it once); NULL
     * reads as 0. */
    uint64_t (*host_seconds)(void *opaque);
    /* Random bytes for the guest: the device tree's rng-seed and kaslr-seed
     * (EMU_FDT_SEED_BYTES, asked for at every load of the program). NULL:
     * the device tree has no seeds. */
    void (*entropy)(void *opaque, uint8_t *buf, size_t len);
    /* WFI with a timer armed: false (the default) skips virtual time to
     * it at once; true makes emu_machine_run return EMU_MACHINE_WAIT, and
     * the caller decides how much idle time passes (emu_machine_idle). */
    bool idle_returns;
    void *opaque;
} EmuMachineConfig;

typedef enum EmuMachineEvent {
    EMU_MACHINE_BUDGET,           /* the budget ran out, or a debug hook
                                   * stopped the CPU (emu_cpu_set_debug) */
    EMU_MACHINE_POWEROFF,         /* PSCI SYSTEM_OFF or CPU_OFF */
    EMU_MACHINE_EXIT,             /* semihosting SYS_EXIT; see exit_status */
    EMU_MACHINE_IDLE,             /* WFI, no interrupt pending and no timer
                                   * armed: only host input can wake it */
    EMU_MACHINE_ERROR,            /* see emu_machine_error */
    EMU_MACHINE_WAIT,             /* idle_returns: WFI with a timer armed,
                                   * emu_machine_wait_ns() away */
} EmuMachineEvent;

/* `cfg` is copied; its callbacks and opaque stay the caller's. */
EmuMachine *emu_machine_new(const EmuMachineConfig *cfg, GError **err);
void emu_machine_free(EmuMachine *m);

/* Load an ELF program, place the device tree as QEMU does for an ELF (at
 * the start of RAM when the program leaves room there) and reset the CPU
 * to its entry point. */
bool emu_machine_load_elf(EmuMachine *m, const char *path, GError **err)
    __attribute__((warn_unused_result));

/* Run up to `budget` instructions (stops early at power off, exit, idle or
 * error). PSCI SYSTEM_RESET reloads the program and goes on, unless
 * no_reboot. WFI with a timer armed skips virtual time to it at once. */
EmuMachineEvent emu_machine_run(EmuMachine *m, uint64_t budget);

/* After EMU_MACHINE_WAIT: the virtual nanoseconds until the timer event the
 * CPU waits for; and let `ns` of them pass as idle time (all of them fire
 * the timer; fewer wake the CPU early, as a WFI may). */
uint64_t emu_machine_wait_ns(const EmuMachine *m);
void emu_machine_idle(EmuMachine *m, uint64_t ns);

int emu_machine_exit_status(const EmuMachine *m);
const char *emu_machine_error(const EmuMachine *m);
/* Something worth telling the user about the loaded program (a segment
 * ignored), or NULL. */
const char *emu_machine_warning(const EmuMachine *m);

/* Snapshots (snapshots/vmstate.c) save the CPU, RAM, each device and the
 * board's own part below, and restore them in that order, then call
 * emu_machine_state_loaded. */
#define EMU_BOARD_HANDLES 64
typedef struct EmuBoardState {
    uint64_t idle_ns;             /* virtual time skipped in WFI */
    uint32_t psci_request;        /* EmuPsciRequest not yet acted on */
    bool exited;                  /* semihosting SYS_EXIT */
    int32_t exit_status;
    int32_t semihost_errno;
    uint8_t handle_kind[EMU_BOARD_HANDLES], handle_offset[EMU_BOARD_HANDLES];
} EmuBoardState;
void emu_machine_board_state(const EmuMachine *m, EmuBoardState *out);
/* Whether a run could have produced `st` (set only a valid one). */
bool emu_machine_board_state_valid(const EmuBoardState *st);
void emu_machine_set_board_state(EmuMachine *m, const EmuBoardState *st);
/* After a restore: timer lines and device deadlines follow the restored
 * time. */
void emu_machine_state_loaded(EmuMachine *m);

EmuCpu *emu_machine_cpu(EmuMachine *m);
EmuGic *emu_machine_gic(EmuMachine *m);
EmuPl031 *emu_machine_rtc(EmuMachine *m);
EmuMem *emu_machine_mem(EmuMachine *m);
EmuPl011 *emu_machine_uart(EmuMachine *m);
uint64_t emu_machine_icount(const EmuMachine *m);

#endif
