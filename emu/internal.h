/* emu/internal.h — what the files of emu/ share: the CPU state, the
 * decoded-instruction contract, register and memory helpers.
 *
 * Instruction handlers live in one file per encoding group (a64_dp.c,
 * a64_ldst.c, a64_branch.c, a64_system.c, a64_fp.c, a64_simd.c). Each
 * exports one pattern table; a64_decode.c searches them in the order of the
 * Arm ARM's top-level encoding index.
 */
#ifndef EMU_INTERNAL_H
#define EMU_INTERNAL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "emu/cpu.h"
#include "emu/mem.h"

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* ---- Handler results ---------------------------------------------------- */

/* What an instruction handler returns. While a handler runs, cpu->pc is
 * the address of its instruction; handlers never write it. When a handler
 * returns, cpu->pc is the address of the instruction that produced the
 * result (the handler's own, or a later one of its block if it continued
 * with EMU_CONTINUE). */
typedef enum EmuStep {
    EMU_NEXT = 0,          /* retired; execution continues at pc + 4 */
    EMU_BRANCH,            /* retired; cpu->next_pc is the next pc */
    EMU_EXCEPTION,         /* not retired; cpu->exc holds a synchronous
                            * exception whose preferred return is this insn */
    EMU_EXCEPTION_RETIRED, /* retired (SVC, HVC, SMC); cpu->exc holds the
                            * exception, preferred return is pc + 4 */
    EMU_EXIT,              /* retired; cpu->next_pc is the next pc; the run
                            * loop returns to re-check interrupts, stops and
                            * translation state (MSR, WFI, power off) */
    EMU_HALT_HERE,         /* not retired, no exception: the run stops before
                            * this instruction (a breakpoint whose hook asked) */
} EmuStep;

typedef struct EmuInsn EmuInsn;
typedef EmuStep (*EmuInsnFn)(struct EmuCpu *cpu, const EmuInsn *in);

/* One decoded instruction. `imm` and `aux` are filled by the pattern's
 * optional decode function with whatever the handler wants precomputed
 * (a decoded bitmask immediate, say); handlers may also re-extract fields
 * from `raw`, which is always the instruction word. */
struct EmuInsn {
    EmuInsnFn fn;
    uint32_t raw;
    uint32_t aux;
    uint64_t imm;
};

/* One row of an encoding table: an instruction matches when
 * (raw & mask) == value and `decode` (if any) returns true. `decode` returns
 * false for unallocated encodings inside the pattern (the search goes on and
 * ends in UNDEFINED). Tables end with a row whose fn is NULL. */
typedef struct EmuInsnPattern {
    uint32_t mask, value;
    EmuInsnFn fn;
    const char *name;
    bool (*decode)(uint32_t raw, EmuInsn *out);
} EmuInsnPattern;

/* The group tables, by top-level encoding field op0 (bits 28:25). */
extern const EmuInsnPattern emu_a64_dp_imm_table[];    /* 100x  a64_dp.c */
extern const EmuInsnPattern emu_a64_branch_table[];    /* 101x  a64_branch.c */
extern const EmuInsnPattern emu_a64_system_table[];    /* 101x  a64_system.c */
extern const EmuInsnPattern emu_a64_ldst_table[];      /* x1x0  a64_ldst.c */
extern const EmuInsnPattern emu_a64_dp_reg_table[];    /* x101  a64_dp.c */
extern const EmuInsnPattern emu_a64_fp_table[];        /* x111  a64_fp.c */
extern const EmuInsnPattern emu_a64_simd_table[];      /* x111  a64_simd.c */
extern const EmuInsnPattern emu_a64_crypto_table[];    /* x111  a64_crypto.c */

/* B.cond's handler, and the fused twin of a handler whose instruction may be
 * followed by one (NULL if none): cpu.c pairs them when it decodes. */
EmuStep emu_a64_bcond(struct EmuCpu *cpu, const EmuInsn *in);
EmuInsnFn emu_a64_dp_fuse_bcond(EmuInsnFn fn);

/* Decode one instruction word. Never fails: unallocated encodings decode to
 * the UNDEFINED handler. Returns the matching row's name. */
const char *emu_a64_decode(uint32_t raw, EmuInsn *out);

/* ---- CPU state ---------------------------------------------------------- */

/* PSTATE bits in SPSR layout. */
#define PSTATE_N    (1u << 31)
#define PSTATE_Z    (1u << 30)
#define PSTATE_C    (1u << 29)
#define PSTATE_V    (1u << 28)
#define PSTATE_NZCV 0xf0000000u
#define PSTATE_SS   (1u << 21)
#define PSTATE_IL   (1u << 20)
#define PSTATE_D    (1u << 9)
#define PSTATE_A    (1u << 8)
#define PSTATE_I    (1u << 7)
#define PSTATE_F    (1u << 6)
#define PSTATE_DAIF (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F)
#define PSTATE_M    0x1fu      /* M[4:0]: EL in 3:2, SP select in 0 */

/* Exception classes (ESR_ELx.EC) we raise. */
enum {
    EC_UNKNOWN = 0x00,
    EC_WFX = 0x01,
    EC_FP_ACCESS = 0x07,
    EC_ILLEGAL_STATE = 0x0e,
    EC_SVC64 = 0x15,
    EC_HVC64 = 0x16,
    EC_SMC64 = 0x17,
    EC_SYSREG = 0x18,
    EC_IABT_LOWER = 0x20,
    EC_IABT_CUR = 0x21,
    EC_PC_ALIGN = 0x22,
    EC_DABT_LOWER = 0x24,
    EC_DABT_CUR = 0x25,
    EC_SP_ALIGN = 0x26,
    EC_FP_EXC64 = 0x2c,
    EC_BRK64 = 0x3c,
};

/* Fault status codes (IFSC/DFSC). */
enum {
    FSC_SYNC_EXTERNAL = 0x10,
    FSC_ALIGNMENT = 0x21,
};

/* Vector offsets within VBAR. */
enum { VEC_SYNC = 0x000, VEC_IRQ = 0x080, VEC_FIQ = 0x100, VEC_SERROR = 0x180 };

typedef union EmuVReg {
    uint8_t b[16];
    uint16_t h[8];
    uint32_t s[4];
    uint64_t d[2];
    float f[4];
    double df[2];
} EmuVReg;

/* The FP environment of one operation: FPCR's modes in, FPSR's cumulative
 * flags out (emu/fpu.h works on it). */
typedef struct EmuFpStatus {
    uint32_t flags;     /* EMU_FPSR_* bits */
    uint8_t rmode;      /* EmuFpRound */
    bool fz;            /* FPCR.FZ */
    bool dn;            /* FPCR.DN */
    bool ahp;           /* FPCR.AHP: alternative half precision format */
    bool no_host;       /* tests only: never use the host FPU shortcut */
} EmuFpStatus;

typedef struct EmuTlbEntry {
    uint64_t tag;        /* va >> 12, or EMU_TLB_INVALID */
    uintptr_t addend;    /* host address = addend + va */
} EmuTlbEntry;
#define EMU_TLB_INVALID UINT64_MAX
#define EMU_TLB_SIZE 256

/* A write TLB entry also points at the page's write marks (emu/mem.h,
 * emu_mem_write_marks): a store sets the byte of each 8-byte granule it
 * writes. */
typedef struct EmuTlbWriteEntry {
    uint64_t tag;
    uintptr_t addend;
    uint8_t *marks;
} EmuTlbWriteEntry;

typedef struct EmuCodePage EmuCodePage;

typedef struct EmuCodeTlbEntry {
    uint64_t tag;        /* va >> 12, or EMU_TLB_INVALID */
    EmuCodePage *page;
} EmuCodeTlbEntry;
#define EMU_CODE_TLB_SIZE 64

/* A pending synchronous exception, filled by a handler returning
 * EMU_EXCEPTION or EMU_EXCEPTION_RETIRED. */
typedef struct EmuExc {
    uint32_t esr;        /* EC << 26 | IL << 25 | ISS */
    uint64_t far;
    bool far_valid;
} EmuExc;

/* EL1 system registers we keep as plain storage. */
typedef struct EmuSysregs {
    uint64_t sctlr_el1, actlr_el1, cpacr_el1;
    uint64_t ttbr0_el1, ttbr1_el1, tcr_el1, mair_el1, amair_el1;
    uint64_t vbar_el1, esr_el1, far_el1, elr_el1, spsr_el1, par_el1;
    uint64_t afsr0_el1, afsr1_el1, contextidr_el1;
    uint64_t tpidr_el0, tpidr_el1, tpidrro_el0;
    uint64_t mdscr_el1, oslsr_el1, osdlr_el1, mdccint_el1;
    uint64_t cntkctl_el1, cntv_ctl_el0, cntv_cval_el0, cntp_ctl_el0, cntp_cval_el0;
    uint64_t csselr_el1;
    uint64_t sp_el0, sp_el1;      /* the banked SP not currently in cpu->sp */
} EmuSysregs;

struct EmuCpu {
    /* Hot state first. x[31] is always zero so that reads of XZR need no
     * branch; writes go through set_x(), which restores it. */
    uint64_t x[32];
    uint64_t sp;                  /* SP_EL0 or SP_EL1, per PSTATE.EL/SP */
    uint64_t pc;                  /* the instruction being executed */
    uint64_t next_pc;             /* set by handlers returning EMU_BRANCH/EXIT */
    const struct EmuInsn *block_end;  /* EMU_CONTINUE stops here */
    uint32_t nzcv;                /* PSTATE.NZCV, bits 31:28 only */
    uint32_t pstate;              /* the rest of PSTATE (DAIF, EL, SP, IL) */
    EmuTlbEntry tlb_read[EMU_TLB_SIZE];
    EmuTlbWriteEntry tlb_write[EMU_TLB_SIZE];

    EmuVReg v[32];
    uint32_t fpcr, fpsr;

    EmuSysregs sys;
    uint64_t icount;

    /* Exclusive monitor. */
    bool excl_valid;
    uint64_t excl_addr;
    uint64_t excl_val[2];

    EmuExc exc;
    uint64_t slow_val;           /* result of emu_load_slow for the inline loads */
    EmuFpStatus fp_scratch;      /* for handlers whose FP status must not live
                                  * on their stack (so they can tail-jump) */
    EmuStop stop;
    const char *error;
    char *error_buf;             /* owns a formatted error, if any */
    uint64_t block_pc;           /* pc where the current block started */
    uint64_t run_end;            /* emu_cpu_run returns at this icount */
    uint64_t chain_end;          /* EMU_JUMP chains while the icount after
                                  * the branch is below this: run_end less a
                                  * page of instructions, or 0 once the run
                                  * loop must look (emu_cpu_kick) */
    const struct EmuInsn *page_end;  /* one past the current code page's slots */
    bool in_block;               /* the run loop is inside a block */
    bool irq_line, fiq_line;
    bool exit_request;           /* leave the run loop at the next branch */

    EmuCodeTlbEntry ctlb[EMU_CODE_TLB_SIZE];
    struct EmuCodeCache *code;   /* decoded pages by physical address */

    EmuMem *mem;
    EmuCpuHooks hooks;

    /* Debugging (emu_cpu_set_debug): breakpoints sorted, watchpoints. */
    EmuDebugHooks debug;
    uint64_t *bps;
    size_t nbp;
    EmuWatch *watches;
    size_t nwatch;
    /* Decoded slots at a breakpoint's address run a trampoline that
     * reports it, then the instruction's own handler, kept here. */
    GArray *trampolines;          /* Trampoline */
    uint64_t mmu_switches;        /* MSRs that turned SCTLR_EL1.M on or off */
};

/* Ask the run loop to look (interrupt lines, stops, a lowered run_end)
 * before the next branch: ends EMU_JUMP's chaining too. */
static inline void emu_cpu_kick(struct EmuCpu *cpu)
{
    cpu->exit_request = true;
    cpu->chain_end = 0;
}

/* Threaded dispatch: a handler that retired normally ends with
 * `EMU_CONTINUE(cpu, in);` instead of `return EMU_NEXT;` to run the next
 * instruction of its block itself (a tail call: no return to the run loop,
 * one indirect jump per handler, which the host predicts far better than
 * the loop's single call site). At the end of the block it returns
 * EMU_NEXT with cpu->pc on its own instruction. */
#define EMU_CONTINUE(cpu, in) EMU_CONTINUE_WITH(cpu, in, (in)[1].fn)

/* The same into a handler `next_fn` known in advance to be the next
 * instruction's (or its body, inlined). */
#define EMU_CONTINUE_WITH(cpu, in, next_fn)                                    \
    do {                                                                       \
        const EmuInsn *next_ = (in) + 1;                                       \
        if (likely(next_ != (cpu)->block_end)) {                               \
            (cpu)->pc += 4;                                                    \
            return next_fn((cpu), next_);                                      \
        }                                                                      \
        return EMU_NEXT;                                                       \
    } while (0)

/* Where execution enters a code page's slots other than by falling
 * through (a block's start, a branch's target) it marks the slot, in the
 * entry bytes that follow the page's slots (cpu.c, EmuCodePage): from the
 * entries, emu_cpu_take_execs tells which instructions may have run. */
#define EMU_MARK_ENTRY(cpu, pc) (((uint8_t *)(cpu)->page_end)[((pc) & 0xfff) >> 2] = 1)

/* A taken branch that stays in its 4 KiB page continues threaded too: it
 * retires itself into cpu->icount, starts a new block at the target and
 * jumps to it. The new block may run to the end of the page, so this needs
 * a page of budget left (cpu->chain_end, which is also 0 when something
 * asked the run loop to look). Otherwise, and for a target in another page
 * or misaligned, it returns EMU_BRANCH and the run loop goes on exactly.
 * Same page and aligned is one test: pc is aligned, so the bits of
 * target ^ pc outside 11:2 are those that must be zero. */
#define EMU_JUMP(cpu, in, target)                                              \
    do {                                                                       \
        uint64_t t_ = (target), pc_ = (cpu)->pc;                               \
        uint64_t ic_ = (cpu)->icount + ((pc_ - (cpu)->block_pc) >> 2) + 1;     \
        if (likely(((t_ ^ pc_) & ~(uint64_t)0xffc) == 0 && ic_ < (cpu)->chain_end)) { \
            const EmuInsn *n_ = (in) + ((int64_t)(t_ - pc_) >> 2);             \
            EMU_MARK_ENTRY(cpu, t_);                                           \
            (cpu)->icount = ic_;                                               \
            (cpu)->block_pc = (cpu)->pc = t_;                                  \
            (cpu)->block_end = (cpu)->page_end;                                \
            return n_->fn((cpu), n_);                                          \
        }                                                                      \
        (cpu)->next_pc = t_;                                                   \
        return EMU_BRANCH;                                                     \
    } while (0)

/* B.cond (a64_branch.c): `aux` is the condition's truth table over the 16
 * values of NZCV (bit n: taken when NZCV == n), `imm` the byte offset. */
static inline __attribute__((always_inline)) EmuStep emu_bcond(struct EmuCpu *cpu, const EmuInsn *in)
{
    if (!((in->aux >> (cpu->nzcv >> 28)) & 1))
        EMU_CONTINUE(cpu, in);
    EMU_JUMP(cpu, in, cpu->pc + in->imm);
}

/* EMU_CONTINUE into a next instruction known to be a B.cond: its body runs
 * inline, no indirect jump (the fused compare-and-branch of a64_dp.c). */
#define EMU_CONTINUE_BCOND(cpu, in) EMU_CONTINUE_WITH(cpu, in, emu_bcond)

/* ---- Field extraction --------------------------------------------------- */

#define BITS(x, hi, lo) (((x) >> (lo)) & ((2u << ((hi) - (lo))) - 1u))
#define BIT(x, n)       (((x) >> (n)) & 1u)
#define RD(i) ((i) & 31u)
#define RT(i) ((i) & 31u)
#define RN(i) (((i) >> 5) & 31u)
#define RM(i) (((i) >> 16) & 31u)
#define RA(i) (((i) >> 10) & 31u)
#define RT2(i) (((i) >> 10) & 31u)

static inline int64_t sext(uint64_t v, unsigned bits)
{
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

/* ---- Registers ---------------------------------------------------------- */

/* Register 31 as XZR. */
static inline uint64_t get_x(const struct EmuCpu *c, unsigned r) { return c->x[r]; }
static inline uint32_t get_w(const struct EmuCpu *c, unsigned r) { return (uint32_t)c->x[r]; }
static inline void set_x(struct EmuCpu *c, unsigned r, uint64_t v) { c->x[r] = v; c->x[31] = 0; }
static inline void set_w(struct EmuCpu *c, unsigned r, uint32_t v) { set_x(c, r, v); }

/* Register 31 as SP. */
static inline uint64_t get_xsp(const struct EmuCpu *c, unsigned r)
{
    return r == 31 ? c->sp : c->x[r];
}
static inline void set_xsp(struct EmuCpu *c, unsigned r, uint64_t v)
{
    if (r == 31)
        c->sp = v;
    else
        c->x[r] = v;
}

static inline unsigned cpu_el(const struct EmuCpu *c) { return (c->pstate >> 2) & 3; }

/* Condition codes: cond 0..15 against NZCV. */
bool emu_cond_holds(uint32_t nzcv, unsigned cond);

/* ---- Exceptions --------------------------------------------------------- */

/* Fill cpu->exc and return EMU_EXCEPTION, for `return undef(cpu);`. */
EmuStep emu_undef(struct EmuCpu *cpu);
EmuStep emu_raise(struct EmuCpu *cpu, unsigned ec, uint32_t iss);
EmuStep emu_raise_abort(struct EmuCpu *cpu, unsigned ec, uint32_t iss, uint64_t far);

/* Enter an exception at EL1. `ret` is ELR, `vec` the VEC_* offset. */
void emu_exception_enter(struct EmuCpu *cpu, uint32_t esr, uint64_t far,
                         bool far_valid, uint64_t ret, unsigned vec);

/* FP/SIMD access check (CPACR_EL1.FPEN). Returns true if the instruction
 * may go on; false with cpu->exc filled (trap to EL1, EC 0x07). Every FP and
 * SIMD handler starts with: if (!emu_fp_enabled(cpu)) return EMU_EXCEPTION; */
bool emu_fp_enabled_slow(struct EmuCpu *cpu);
static inline bool emu_fp_enabled(struct EmuCpu *cpu)
{
    /* CPACR_EL1.FPEN == 0b11: no trap at EL0 or EL1, the common case. */
    if (likely(((cpu->sys.cpacr_el1 >> 20) & 3) == 3))
        return true;
    return emu_fp_enabled_slow(cpu);
}

/* ---- Memory ------------------------------------------------------------- */

/* Access kinds for the slow path and faults. */
typedef enum EmuAccess { EMU_ACC_READ, EMU_ACC_WRITE, EMU_ACC_FETCH } EmuAccess;

/* Slow paths: translate, fill the TLB, or go to MMIO. They return false
 * with cpu->exc set to the data abort. */
bool emu_load_slow(struct EmuCpu *cpu, uint64_t va, unsigned size, uint64_t *val);
bool emu_store_slow(struct EmuCpu *cpu, uint64_t va, unsigned size, uint64_t val);

void emu_tlb_flush(struct EmuCpu *cpu);

/* Translate a virtual address for an access at the current EL (mmu.c).
 * Returns false with cpu->exc holding the abort (translation, permission,
 * access flag or address size fault). */
bool emu_mmu_translate(struct EmuCpu *cpu, uint64_t va, EmuAccess acc, uint64_t *pa);
/* AT S1E1R/W, S1E0R/W: the PAR_EL1 value for a read or write at `el`. */
uint64_t emu_mmu_at(struct EmuCpu *cpu, uint64_t va, bool write, unsigned el);

/* Loads and stores of 1, 2, 4 or 8 bytes at any alignment. Return false
 * with cpu->exc holding the abort; the handler then returns EMU_EXCEPTION
 * (a faulting instruction must not have changed registers yet). */
#define EMU_DEFINE_ACCESS(bits, type)                                          \
static inline bool emu_load##bits(struct EmuCpu *c, uint64_t va, uint64_t *v)  \
{                                                                              \
    uint64_t page = va >> 12;                                                  \
    const EmuTlbEntry *e = &c->tlb_read[page & (EMU_TLB_SIZE - 1)];            \
    if (likely(e->tag == page && (va & 0xfff) <= 4096 - sizeof(type))) {       \
        type t;                                                                \
        memcpy(&t, (const void *)(e->addend + va), sizeof(type));             \
        *v = t;                                                                \
        return true;                                                           \
    }                                                                          \
    /* The slow path writes cpu->slow_val, not *v, so that the caller's     \
     * variable does not escape and its handler can still tail-jump. */       \
    if (!emu_load_slow(c, va, sizeof(type), &c->slow_val))                     \
        return false;                                                          \
    *v = c->slow_val;                                                          \
    return true;                                                               \
}                                                                              \
static inline bool emu_store##bits(struct EmuCpu *c, uint64_t va, uint64_t v)  \
{                                                                              \
    uint64_t page = va >> 12;                                                  \
    const EmuTlbWriteEntry *e = &c->tlb_write[page & (EMU_TLB_SIZE - 1)];      \
    unsigned off = va & 0xfff;                                                 \
    if (likely(e->tag == page && off <= 4096 - sizeof(type))) {                \
        type t = (type)v;                                                      \
        memcpy((void *)(e->addend + va), &t, sizeof(type));                   \
        e->marks[off >> EMU_GRANULE_BITS] = 1;                                 \
        e->marks[(off + sizeof(type) - 1) >> EMU_GRANULE_BITS] = 1;            \
        return true;                                                           \
    }                                                                          \
    return emu_store_slow(c, va, sizeof(type), v);                             \
}
EMU_DEFINE_ACCESS(8, uint8_t)
EMU_DEFINE_ACCESS(16, uint16_t)
EMU_DEFINE_ACCESS(32, uint32_t)
EMU_DEFINE_ACCESS(64, uint64_t)
#undef EMU_DEFINE_ACCESS

/* Check that a store of `len` bytes at `va` would not fault, without
 * storing: lets multi-register stores (STP, ST4) fault before writing
 * anything. Returns false with cpu->exc set. */
bool emu_probe_write(struct EmuCpu *cpu, uint64_t va, unsigned len);
bool emu_probe_read(struct EmuCpu *cpu, uint64_t va, unsigned len);

/* Alignment fault unless va is a multiple of `align` (a power of two). */
bool emu_check_align(struct EmuCpu *cpu, uint64_t va, unsigned align, bool write);

/* The system registers' MRS/MSR handlers (a64_system.c). */
void emu_sysregs_reset(struct EmuCpu *cpu);

/* Change PSTATE.EL/SP, swapping the banked stack pointers. */
void emu_set_el_sp(struct EmuCpu *cpu, unsigned el, unsigned spsel);

#endif
