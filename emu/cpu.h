/* emu/cpu.h — one AArch64 processing element (EL0/EL1, AArch64 only).
 *
 * The CPU runs guest code from an EmuMem it does not own. Everything it
 * needs from the board (PSCI, semihosting, the generic timer's counter)
 * arrives through EmuCpuHooks, so the CPU knows nothing of devices.
 */
#ifndef EMU_CPU_H
#define EMU_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/mem.h"

typedef struct EmuCpu EmuCpu;

/* Why emu_cpu_run returned before its budget was spent. */
typedef enum EmuStop {
    EMU_STOP_NONE = 0,    /* budget exhausted */
    EMU_STOP_WFI,         /* WFI/WFE retired with nothing to wake it */
    EMU_STOP_HALT,        /* the board asked to stop (power off, exit) */
    EMU_STOP_ERROR,       /* the emulator cannot go on; see emu_cpu_error */
    EMU_STOP_DEBUG,       /* a debug hook asked (emu_cpu_request_stop) */
} EmuStop;

typedef struct EmuCpuHooks {
    /* HVC/SMC #imm. Return true if the call was handled (PSCI): the
     * instruction then retires with no exception. False: UNDEFINED. */
    bool (*hvc)(void *opaque, EmuCpu *cpu, uint16_t imm);
    bool (*smc)(void *opaque, EmuCpu *cpu, uint16_t imm);
    /* HLT #0xf000. Return true if semihosting handled it. */
    bool (*semihost)(void *opaque, EmuCpu *cpu);
    /* The generic timer's physical count (CNTPCT_EL0) at the current icount. */
    uint64_t (*counter)(void *opaque, const EmuCpu *cpu);
    /* A generic timer register (CNTV_*, CNTP_*) was written. */
    void (*timer_changed)(void *opaque, EmuCpu *cpu);
    void *opaque;
} EmuCpuHooks;

/* Debugging: breakpoints and watchpoints by virtual address. The CPU does
 * not stop at them by itself: it calls a hook at the exact icount
 * (emu_cpu_icount), and the hook decides. To stop, a hook calls
 * emu_cpu_request_stop(cpu, EMU_STOP_DEBUG): the run then ends within a few
 * instructions, and whoever wants the exact point replays to it. */
typedef struct EmuDebugHooks {
    /* The instruction at `pc` is about to execute (not yet retired). */
    void (*breakpoint)(void *opaque, EmuCpu *cpu, uint64_t pc);
    /* The instruction executing accesses [va, va + size), a watched range;
     * `write` or read. Called once per access (a pair: twice). */
    void (*watch)(void *opaque, EmuCpu *cpu, uint64_t va, unsigned size, bool write);
    void *opaque;
} EmuDebugHooks;

typedef struct EmuWatch {
    uint64_t va, len;
    bool read, write;            /* which accesses it reports */
} EmuWatch;

/* Which instructions may have run since the last take, by physical page
 * (1024 words each): a superset, exact where execution entered and then
 * ran straight (a conditional branch counts as falling through; a page
 * whose code was rewritten counts whole). For a reverse scan that skips
 * what never ran a breakpoint's instruction. Pages in increasing address
 * order; *out g_malloc'd, NULL when none. */
typedef struct EmuPageExecs {
    uint64_t pa;
    uint64_t slots[16];          /* bit i: the word at pa + 4 i may have run */
} EmuPageExecs;
size_t emu_cpu_take_execs(EmuCpu *cpu, EmuPageExecs **out);

/* Replace the breakpoints and watchpoints (copied; `hooks` too). With none
 * the CPU runs at full speed; with breakpoints, blocks end at them and
 * branches return to the run loop; with watchpoints, the pages they touch
 * take the slow path. */
void emu_cpu_set_debug(EmuCpu *cpu, const EmuDebugHooks *hooks, const uint64_t *bps, size_t nbp,
                       const EmuWatch *watches, size_t nwatch);

/* `mem` and `hooks->opaque` stay the caller's and must outlive the CPU. */
EmuCpu *emu_cpu_new(EmuMem *mem, const EmuCpuHooks *hooks);
void emu_cpu_free(EmuCpu *cpu);

/* Architectural reset to EL1h, MMU off, DAIF masked, pc = `entry`. The
 * icount is not reset: it is the position in the whole execution, and a
 * guest-requested reset is an event inside it. */
void emu_cpu_reset(EmuCpu *cpu, uint64_t entry);

/* Run until `budget` instructions have retired, or earlier at a stop reason.
 * Returns how many retired; emu_cpu_stop_reason() tells why it returned. */
uint64_t emu_cpu_run(EmuCpu *cpu, uint64_t budget);
EmuStop emu_cpu_stop_reason(const EmuCpu *cpu);
/* Make the current (or next) emu_cpu_run return by the time the icount
 * reaches `icount` (the board's next device event moved earlier). */
void emu_cpu_limit_run(EmuCpu *cpu, uint64_t icount);
/* A hook or device may ask the running CPU to return after the current
 * instruction with `reason`. */
void emu_cpu_request_stop(EmuCpu *cpu, EmuStop reason);
/* With EMU_STOP_ERROR: a sentence saying what went wrong, else NULL. */
const char *emu_cpu_error(const EmuCpu *cpu);

/* The level-sensitive IRQ and FIQ inputs. Taken between instructions when
 * unmasked by PSTATE.I/F. */
void emu_cpu_set_irq(EmuCpu *cpu, bool level);
void emu_cpu_set_fiq(EmuCpu *cpu, bool level);

/* The generic timer's registers, for the board that raises its interrupts:
 * CNTx_CTL_EL0 (ENABLE bit 0, IMASK bit 1) and CNTx_CVAL_EL0. */
typedef enum EmuTimerId { EMU_TIMER_PHYS, EMU_TIMER_VIRT } EmuTimerId;
void emu_cpu_timer_regs(const EmuCpu *cpu, EmuTimerId t, uint64_t *ctl, uint64_t *cval);

/* Instructions retired since reset. */
uint64_t emu_cpu_icount(const EmuCpu *cpu);

/* Registers, for loaders, tests and debuggers. n in 0..30; 31 is XZR. */
uint64_t emu_cpu_x(const EmuCpu *cpu, unsigned n);
void emu_cpu_set_x(EmuCpu *cpu, unsigned n, uint64_t value);
uint64_t emu_cpu_sp(const EmuCpu *cpu);
void emu_cpu_set_sp(EmuCpu *cpu, uint64_t value);
uint64_t emu_cpu_pc(const EmuCpu *cpu);
void emu_cpu_set_pc(EmuCpu *cpu, uint64_t value);
/* PSTATE in SPSR layout (NZCV, DAIF, EL, SP). */
uint32_t emu_cpu_pstate(const EmuCpu *cpu);
/* SCTLR_EL1.M: stage 1 translation on (virtual addresses are not physical). */
bool emu_cpu_mmu_enabled(const EmuCpu *cpu);
void emu_cpu_set_pstate(EmuCpu *cpu, uint32_t spsr);
/* How many times the guest turned the MMU on or off (MSR SCTLR_EL1): with
 * it off at two points and no switch between, every address in between
 * was physical. A count of this CPU object's run, not machine state. */
uint64_t emu_cpu_mmu_switches(const EmuCpu *cpu);
/* V registers as two 64-bit halves, low first. */
void emu_cpu_v(const EmuCpu *cpu, unsigned n, uint64_t out[2]);
void emu_cpu_set_v(EmuCpu *cpu, unsigned n, const uint64_t in[2]);
uint32_t emu_cpu_fpsr(const EmuCpu *cpu);
uint32_t emu_cpu_fpcr(const EmuCpu *cpu);
void emu_cpu_set_fpsr(EmuCpu *cpu, uint32_t v);
void emu_cpu_set_fpcr(EmuCpu *cpu, uint32_t v);

/* The architectural state register by register, for the replay log's state
 * hashes (replay/FORMAT.md) and for naming the registers that differ:
 * emu_cpu_state_reg_count() registers, each a name (NULL past the end;
 * `buf` may be used for it) and a value of up to 32 bytes in little-endian
 * order written to `out`, returning its length (0 past the end). The order
 * is FORMAT.md's: X0..X30, SP_EL0, SP_EL1, PC, PSTATE, FPCR, FPSR, V0..V31,
 * the EL1 system registers, the exclusive monitor. */
size_t emu_cpu_state_reg_count(void);
const char *emu_cpu_state_reg_name(size_t i, char buf[16]);
size_t emu_cpu_state_reg(const EmuCpu *cpu, size_t i, uint8_t out[32]);
/* The other way, for restoring a snapshot: set register i from `len` bytes
 * in the same form. Returns false, changing nothing, if there is no
 * register i or `len` is not its length. Set every register in order: SP_EL0
 * and SP_EL1 are taken in the banking of the PSTATE in force, which PSTATE,
 * set after them, keeps. */
bool emu_cpu_set_state_reg(EmuCpu *cpu, size_t i, const uint8_t *in, size_t len)
    __attribute__((warn_unused_result));
/* Restoring a snapshot: the icount it was taken at. The CPU forgets every
 * translation it cached and any stop it had been asked for. */
void emu_cpu_set_icount(EmuCpu *cpu, uint64_t icount);

/* Guest virtual memory as the CPU sees it now, for debuggers and firmware
 * calls: RAM only (never a device register), no exception taken. Returns
 * false if any byte is not RAM; a write may then be partly done. */
bool emu_cpu_read_virt(EmuCpu *cpu, uint64_t va, void *buf, size_t len);
/* The physical address of `va` for a read or write at the current EL, as
 * the debugger sees it (no exception taken); false if it would fault. */
bool emu_cpu_translate(EmuCpu *cpu, uint64_t va, bool write, uint64_t *pa);
bool emu_cpu_write_virt(EmuCpu *cpu, uint64_t va, const void *buf, size_t len);

/* The A64 name of an encoding as the decoder sees it ("add_imm", ...), or
 * "unallocated". For traces and the decoder/capstone cross-check. */
const char *emu_a64_name(uint32_t insn);

#endif
