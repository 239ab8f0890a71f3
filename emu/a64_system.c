/* emu/a64_system.c — the system instruction class: hints, barriers,
 * PSTATE writes, SYS (cache, TLB and address-translation maintenance) and
 * MRS/MSR of the system registers an EL1/EL0 AArch64 guest uses.
 *
 *   31       22 21 20 19 18 16 15 12 11  8 7  5 4  0
 *   1101010100  L  op0   op1   CRn   CRm   op2   Rt
 *
 * A system register is named by the 16 bits op0:op1:CRn:CRm:op2 (bits
 * 20:5 of MRS/MSR), the key of the table below.
 */
#include "emu/internal.h"

#include <stddef.h>

#define SR(op0, op1, crn, crm, op2) \
    (((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

/* Identification values: a Cortex-A57-like ARMv8.0 core, advertising only
 * what rewind implements. */
#define MIDR_VALUE     0x411fd070ull   /* Cortex-A57 r1p0 */
#define MPIDR_VALUE    0x80000000ull   /* uniprocessor-capable, Aff0 = 0 */
#define CTR_VALUE      0x8444c004ull
#define DCZID_BS       4               /* 2^4 words: DC ZVA zeroes 64 bytes */
#define CLIDR_VALUE    0x0a200023ull
#define PFR0_VALUE     0x0000000000000011ull  /* EL0, EL1 AArch64; FP, AdvSIMD */
#define ISAR0_VALUE    0x0000000000011120ull  /* AES+PMULL, SHA1, SHA256, CRC32 */
#define MMFR0_VALUE    0x0000000000000025ull  /* 48-bit PA, 16-bit ASID, 4K/64K */
#define DFR0_VALUE     0x0000000000000006ull  /* ARMv8 debug, no PMU */
#define CNTFRQ_VALUE   62500000ull
#define SCTLR_RESET    0x00c50838ull
#define FPCR_MASK      0x07f70000u    /* AHP DN FZ RMode Stride Len, as QEMU keeps them */
#define FPSR_MASK      0xf800009fu    /* NZCV QC IDC IXC UFC OFC DZC IOC */

/* ---- Hints and barriers ---------------------------------------------------- */

/* WFE: a NOP, except at EL0 with SCTLR_EL1.nTWE clear, where it traps
 * (EC 0x01, TI = 1). */
static EmuStep op_wfe(EmuCpu *cpu, const EmuInsn *in)
{
    if (cpu_el(cpu) == 0 && !(cpu->sys.sctlr_el1 & (1u << 18)))
        return emu_raise(cpu, EC_WFX, (1u << 24) | (0xeu << 20) | 1);
    EMU_CONTINUE(cpu, in);
}

/* HINT #imm: NOP, YIELD, SEV, SEVL, and the hints of later extensions (PAC,
 * BTI, CSDB, ESB) that execute as NOP on a core without them. */
static EmuStep op_nop(EmuCpu *cpu, const EmuInsn *in)
{
    EMU_CONTINUE(cpu, in);
}

/* WFI retires and stops the CPU unless an interrupt is already pending
 * (masked or not: a pending interrupt is a wake-up event). WFE is a hint
 * that returns at once, as on QEMU: on one CPU there is no other PE whose
 * SEV it could wait for. */
static EmuStep op_wfi(EmuCpu *cpu, const EmuInsn *in)
{
    /* At EL0 with SCTLR_EL1.nTWI clear, WFI traps to EL1 (EC 0x01, TI = 0). */
    if (cpu_el(cpu) == 0 && !(cpu->sys.sctlr_el1 & (1u << 16)))
        return emu_raise(cpu, EC_WFX, (1u << 24) | (0xeu << 20));
    cpu->next_pc = cpu->pc + 4;
    if (!cpu->irq_line && !cpu->fiq_line)
        cpu->stop = EMU_STOP_WFI;
    return EMU_EXIT;
}

static EmuStep op_clrex(EmuCpu *cpu, const EmuInsn *in)
{
    cpu->excl_valid = false;
    EMU_CONTINUE(cpu, in);
}

/* ---- MSR (immediate) --------------------------------------------------------- */

static EmuStep op_msr_imm(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned op1 = BITS(in->raw, 18, 16), op2 = BITS(in->raw, 7, 5);
    unsigned crm = BITS(in->raw, 11, 8);
    bool el0 = cpu_el(cpu) == 0;
    if (op1 == 0 && op2 == 5) {                        /* SPSel */
        if (el0)
            return emu_undef(cpu);
        emu_set_el_sp(cpu, 1, crm & 1);
    } else if (op1 == 3 && (op2 == 6 || op2 == 7)) {   /* DAIFSet, DAIFClr */
        if (el0 && !(cpu->sys.sctlr_el1 & (1u << 9)))  /* SCTLR_EL1.UMA */
            return emu_raise(cpu, EC_SYSREG, 0);
        uint32_t bits = crm << 6;
        if (op2 == 6)
            cpu->pstate |= bits;
        else
            cpu->pstate &= ~bits;
    } else {
        return emu_undef(cpu);
    }
    cpu->next_pc = cpu->pc + 4;
    return EMU_EXIT;
}

/* ---- SYS: cache, TLB and translation maintenance ------------------------------ */

/* ISS for a trapped MSR/MRS/SYS (EC 0x18). */
static uint32_t sys_iss(uint32_t raw)
{
    return (BITS(raw, 20, 19) << 20) | (BITS(raw, 7, 5) << 17) | (BITS(raw, 18, 16) << 14) |
           (BITS(raw, 15, 12) << 10) | (RT(raw) << 5) | (BITS(raw, 11, 8) << 1) |
           BIT(raw, 21);                              /* Direction: 1 = read (MRS) */
}

static EmuStep dc_zva(EmuCpu *cpu, uint64_t va)
{
    unsigned len = 4u << DCZID_BS;
    va &= ~(uint64_t)(len - 1);
    if (!emu_probe_write(cpu, va, len))
        return EMU_EXCEPTION;
    for (unsigned i = 0; i < len; i += 8)
        if (!emu_store64(cpu, va + i, 0))
            return EMU_EXCEPTION;
    return EMU_NEXT;
}

static EmuStep op_sys(EmuCpu *cpu, const EmuInsn *in)
{
    uint32_t raw = in->raw;
    unsigned op1 = BITS(raw, 18, 16), crn = BITS(raw, 15, 12);
    unsigned crm = BITS(raw, 11, 8), op2 = BITS(raw, 7, 5);
    uint64_t xt = get_x(cpu, RT(raw));
    bool el0 = cpu_el(cpu) == 0;
    uint64_t sctlr = cpu->sys.sctlr_el1;

    if (crn == 7 && op1 == 3) {                   /* EL0-capable DC/IC */
        if (crm == 4 && op2 == 1) {               /* DC ZVA */
            if (el0 && !(sctlr & (1u << 14)))     /* SCTLR_EL1.DZE */
                return emu_raise(cpu, EC_SYSREG, sys_iss(raw));
            return dc_zva(cpu, xt);
        }
        bool known = (crm == 5 && op2 == 1) ||                    /* IC IVAU */
                     ((crm == 10 || crm == 11 || crm == 14 || crm == 12) && op2 == 1);
        if (!known)
            return emu_undef(cpu);
        if (el0 && !(sctlr & (1u << 26)))         /* SCTLR_EL1.UCI */
            return emu_raise(cpu, EC_SYSREG, sys_iss(raw));
        EMU_CONTINUE(cpu, in);                          /* caches are not modelled */
    }
    if (el0)
        return emu_undef(cpu);
    if (op1 == 0 && crn == 7) {
        if ((crm == 1 || crm == 5) && op2 == 0)   /* IC IALLUIS, IC IALLU */
            EMU_CONTINUE(cpu, in);
        if (crm == 6 && (op2 == 1 || op2 == 2))   /* DC IVAC, DC ISW */
            EMU_CONTINUE(cpu, in);
        if ((crm == 10 || crm == 14) && op2 == 2) /* DC CSW, DC CISW */
            EMU_CONTINUE(cpu, in);
        if (crm == 8 && op2 <= 3) {               /* AT S1E1R/W, S1E0R/W */
            cpu->sys.par_el1 = emu_mmu_at(cpu, xt, op2 & 1, op2 < 2 ? 1 : 0);
            EMU_CONTINUE(cpu, in);
        }
        return emu_undef(cpu);
    }
    if (op1 == 0 && crn == 8) {                   /* TLBI *E1* */
        emu_tlb_flush(cpu);
        EMU_CONTINUE(cpu, in);
    }
    return emu_undef(cpu);
}

/* ---- System registers ------------------------------------------------------------ */

enum { R0 = 1, W0 = 2, R1 = 4, W1 = 8, RW1 = R1 | W1, RW = R0 | W0 | R1 | W1, RO = R0 | R1 };

typedef enum SysregKind { SR_STORE, SR_CONST, SR_SPECIAL } SysregKind;

typedef struct Sysreg {
    uint16_t key;
    uint8_t access;
    SysregKind kind;
    const char *name;
    size_t offset;       /* SR_STORE: into EmuSysregs */
    uint64_t value;      /* SR_CONST */
} Sysreg;

#define STORE(k, acc, field) { k, acc, SR_STORE, #field, offsetof(EmuSysregs, field), 0 }
#define CONST(k, acc, name, v) { k, acc, SR_CONST, name, 0, v }
#define SPECIAL(k, acc, name) { k, acc, SR_SPECIAL, name, 0, 0 }

enum {
    K_CCSIDR = SR(3, 1, 0, 0, 0), K_CSSELR = SR(3, 2, 0, 0, 0),
    K_SCTLR = SR(3, 0, 1, 0, 0), K_CPACR = SR(3, 0, 1, 0, 2),
    K_TTBR0 = SR(3, 0, 2, 0, 0), K_TTBR1 = SR(3, 0, 2, 0, 1), K_TCR = SR(3, 0, 2, 0, 2),
    K_SPSR = SR(3, 0, 4, 0, 0), K_ELR = SR(3, 0, 4, 0, 1), K_SP_EL0 = SR(3, 0, 4, 1, 0),
    K_SPSEL = SR(3, 0, 4, 2, 0), K_CURRENTEL = SR(3, 0, 4, 2, 2),
    K_DAIF = SR(3, 3, 4, 2, 1), K_NZCV = SR(3, 3, 4, 2, 0),
    K_FPCR = SR(3, 3, 4, 4, 0), K_FPSR = SR(3, 3, 4, 4, 1),
    K_DCZID = SR(3, 3, 0, 0, 7), K_CTR = SR(3, 3, 0, 0, 1),
    K_ISR = SR(3, 0, 12, 1, 0),
    K_OSLAR = SR(2, 0, 1, 0, 4), K_OSLSR = SR(2, 0, 1, 1, 4),
    K_CNTFRQ = SR(3, 3, 14, 0, 0), K_CNTPCT = SR(3, 3, 14, 0, 1), K_CNTVCT = SR(3, 3, 14, 0, 2),
    K_CNTP_TVAL = SR(3, 3, 14, 2, 0), K_CNTP_CTL = SR(3, 3, 14, 2, 1), K_CNTP_CVAL = SR(3, 3, 14, 2, 2),
    K_CNTV_TVAL = SR(3, 3, 14, 3, 0), K_CNTV_CTL = SR(3, 3, 14, 3, 1), K_CNTV_CVAL = SR(3, 3, 14, 3, 2),
};

static const Sysreg sysregs[] = {
    /* Identification (op0=3, op1=0, CRn=0). Unlisted IDs in CRm 1..7 read
     * as zero (see find_sysreg). */
    CONST(SR(3, 0, 0, 0, 0), R1, "midr_el1", MIDR_VALUE),
    CONST(SR(3, 0, 0, 0, 5), R1, "mpidr_el1", MPIDR_VALUE),
    CONST(SR(3, 0, 0, 0, 6), R1, "revidr_el1", 0),
    CONST(SR(3, 0, 0, 4, 0), R1, "id_aa64pfr0_el1", PFR0_VALUE),
    CONST(SR(3, 0, 0, 5, 0), R1, "id_aa64dfr0_el1", DFR0_VALUE),
    CONST(SR(3, 0, 0, 6, 0), R1, "id_aa64isar0_el1", ISAR0_VALUE),
    CONST(SR(3, 0, 0, 7, 0), R1, "id_aa64mmfr0_el1", MMFR0_VALUE),
    CONST(SR(3, 1, 0, 0, 1), R1, "clidr_el1", CLIDR_VALUE),
    CONST(SR(3, 1, 0, 0, 7), R1, "aidr_el1", 0),
    /* Cortex-A57 implementation-defined registers, as QEMU has them: read
     * as zero (one core: L2CTLR.NumCPUs = 0), writes ignored. */
    CONST(SR(3, 1, 11, 0, 2), RW1, "l2ctlr_el1", 0),
    CONST(SR(3, 1, 11, 0, 3), RW1, "l2ectlr_el1", 0),
    CONST(SR(3, 1, 15, 0, 0), RW1, "l2actlr_el1", 0),
    CONST(SR(3, 1, 15, 2, 0), RW1, "cpuactlr_el1", 0),
    CONST(SR(3, 1, 15, 2, 1), RW1, "cpuectlr_el1", 0),
    CONST(SR(3, 1, 15, 2, 2), RW1, "cpumerrsr_el1", 0),
    CONST(SR(3, 1, 15, 2, 3), RW1, "l2merrsr_el1", 0),
    SPECIAL(K_CCSIDR, R1, "ccsidr_el1"),
    SPECIAL(K_CSSELR, RW1, "csselr_el1"),
    SPECIAL(K_CTR, RO, "ctr_el0"),
    SPECIAL(K_DCZID, RO, "dczid_el0"),
    /* System control */
    SPECIAL(K_SCTLR, RW1, "sctlr_el1"),
    STORE(SR(3, 0, 1, 0, 1), RW1, actlr_el1),
    SPECIAL(K_CPACR, RW1, "cpacr_el1"),
    SPECIAL(K_TTBR0, RW1, "ttbr0_el1"),
    SPECIAL(K_TTBR1, RW1, "ttbr1_el1"),
    SPECIAL(K_TCR, RW1, "tcr_el1"),
    STORE(SR(3, 0, 10, 2, 0), RW1, mair_el1),
    STORE(SR(3, 0, 10, 3, 0), RW1, amair_el1),
    STORE(SR(3, 0, 12, 0, 0), RW1, vbar_el1),
    SPECIAL(K_ISR, R1, "isr_el1"),
    STORE(SR(3, 0, 13, 0, 1), RW1, contextidr_el1),
    STORE(SR(3, 0, 13, 0, 4), RW1, tpidr_el1),
    STORE(SR(3, 3, 13, 0, 2), RW, tpidr_el0),
    STORE(SR(3, 3, 13, 0, 3), RO | W1, tpidrro_el0),
    /* Exceptions */
    STORE(SR(3, 0, 5, 1, 0), RW1, afsr0_el1),
    STORE(SR(3, 0, 5, 1, 1), RW1, afsr1_el1),
    STORE(SR(3, 0, 5, 2, 0), RW1, esr_el1),
    STORE(SR(3, 0, 6, 0, 0), RW1, far_el1),
    STORE(SR(3, 0, 7, 4, 0), RW1, par_el1),
    SPECIAL(K_SPSR, RW1, "spsr_el1"),
    STORE(SR(3, 0, 4, 0, 1), RW1, elr_el1),
    SPECIAL(K_SP_EL0, RW1, "sp_el0"),
    SPECIAL(K_SPSEL, RW1, "spsel"),
    SPECIAL(K_CURRENTEL, R1, "currentel"),
    SPECIAL(K_DAIF, RW, "daif"),
    SPECIAL(K_NZCV, RW, "nzcv"),
    SPECIAL(K_FPCR, RW, "fpcr"),
    SPECIAL(K_FPSR, RW, "fpsr"),
    /* Debug: no hardware breakpoints are modelled; the registers hold
     * what is written. */
    STORE(SR(2, 0, 0, 2, 2), RW1, mdscr_el1),
    STORE(SR(2, 0, 0, 2, 0), RW1, mdccint_el1),
    SPECIAL(K_OSLAR, W1, "oslar_el1"),
    STORE(SR(2, 0, 1, 1, 4), R1, oslsr_el1),
    STORE(SR(2, 0, 1, 3, 4), RW1, osdlr_el1),
    /* Generic timer */
    SPECIAL(K_CNTFRQ, RO | W1, "cntfrq_el0"),
    SPECIAL(K_CNTPCT, RO, "cntpct_el0"),
    SPECIAL(K_CNTVCT, RO, "cntvct_el0"),
    STORE(SR(3, 0, 14, 1, 0), RW1, cntkctl_el1),
    SPECIAL(K_CNTP_TVAL, RW, "cntp_tval_el0"),
    SPECIAL(K_CNTP_CTL, RW, "cntp_ctl_el0"),
    SPECIAL(K_CNTP_CVAL, RW, "cntp_cval_el0"),
    SPECIAL(K_CNTV_TVAL, RW, "cntv_tval_el0"),
    SPECIAL(K_CNTV_CTL, RW, "cntv_ctl_el0"),
    SPECIAL(K_CNTV_CVAL, RW, "cntv_cval_el0"),
};

static const Sysreg raz_id = CONST(0, R1, "id_reserved", 0);
static const Sysreg dbg_wi = CONST(0, RW1, "dbg_bvr_bcr_wvr_wcr", 0);

static const Sysreg *find_sysreg(unsigned key)
{
    for (size_t i = 0; i < sizeof sysregs / sizeof sysregs[0]; i++)
        if (sysregs[i].key == key)
            return &sysregs[i];
    /* op0=3 op1=0 CRn=0 CRm=1..7: the ID space, reserved entries RAZ. */
    if ((key & 0xff80) == SR(3, 0, 0, 0, 0) && ((key >> 3) & 15) >= 1 && ((key >> 3) & 15) <= 7)
        return &raz_id;
    /* DBGBVR<n>, DBGBCR<n>, DBGWVR<n>, DBGWCR<n>: op0=2 op1=0 CRn=0 op2=4..7 */
    if ((key & 0xff80) == SR(2, 0, 0, 0, 0) && (key & 7) >= 4)
        return &dbg_wi;
    return NULL;
}

static uint64_t counter(EmuCpu *cpu)
{
    return cpu->hooks.counter ? cpu->hooks.counter(cpu->hooks.opaque, cpu) : emu_cpu_icount(cpu);
}

static uint64_t timer_ctl_read(EmuCpu *cpu, uint64_t ctl, uint64_t cval)
{
    /* ISTATUS (bit 2) when enabled and the compare value is reached. */
    bool fired = (ctl & 1) && counter(cpu) >= cval;
    return (ctl & 3) | (fired ? 4 : 0);
}

static uint64_t ccsidr(EmuCpu *cpu)
{
    switch (cpu->sys.csselr_el1) {
    case 0: return 0x701fe00a;                  /* L1 D: 32 KiB, 2-way, 64 B lines */
    case 1: return 0x201fe012;                  /* L1 I: 48 KiB, 3-way */
    case 2: return 0x70ffe07a;                  /* L2: 2 MiB, 16-way */
    default: return 0;
    }
}

/* Read a register whose access has been checked. */
static EmuStep sysreg_read(EmuCpu *cpu, const Sysreg *r, uint64_t *v)
{
    if (r->kind == SR_CONST) {
        *v = r->value;
        return EMU_NEXT;
    }
    if (r->kind == SR_STORE) {
        memcpy(v, (const char *)&cpu->sys + r->offset, 8);
        return EMU_NEXT;
    }
    switch (r->key) {
    case K_CCSIDR: *v = ccsidr(cpu); break;
    case K_CSSELR: *v = cpu->sys.csselr_el1; break;
    case K_CTR: *v = CTR_VALUE; break;
    case K_DCZID: {
        bool prohibited = cpu_el(cpu) == 0 && !(cpu->sys.sctlr_el1 & (1u << 14));
        *v = DCZID_BS | (prohibited ? 0x10 : 0);
        break;
    }
    case K_SCTLR: *v = cpu->sys.sctlr_el1; break;
    case K_CPACR: *v = cpu->sys.cpacr_el1; break;
    case K_TTBR0: *v = cpu->sys.ttbr0_el1; break;
    case K_TTBR1: *v = cpu->sys.ttbr1_el1; break;
    case K_TCR: *v = cpu->sys.tcr_el1; break;
    case K_ISR: *v = (cpu->irq_line ? 0x80 : 0) | (cpu->fiq_line ? 0x40 : 0); break;
    case K_SPSR: *v = cpu->sys.spsr_el1; break;
    case K_SP_EL0:
        if (cpu->pstate & 1)
            *v = cpu->sys.sp_el0;
        else
            return emu_undef(cpu);   /* SP_EL0 is the current SP */
        break;
    case K_SPSEL: *v = cpu->pstate & 1; break;
    case K_CURRENTEL: *v = cpu_el(cpu) << 2; break;
    case K_DAIF: *v = cpu->pstate & PSTATE_DAIF; break;
    case K_NZCV: *v = cpu->nzcv; break;
    case K_FPCR:
        if (!emu_fp_enabled(cpu))
            return EMU_EXCEPTION;
        *v = cpu->fpcr;
        break;
    case K_FPSR:
        if (!emu_fp_enabled(cpu))
            return EMU_EXCEPTION;
        *v = cpu->fpsr;
        break;
    case K_CNTFRQ: *v = CNTFRQ_VALUE; break;
    case K_CNTPCT: case K_CNTVCT: *v = counter(cpu); break;
    case K_CNTP_CTL: *v = timer_ctl_read(cpu, cpu->sys.cntp_ctl_el0, cpu->sys.cntp_cval_el0); break;
    case K_CNTV_CTL: *v = timer_ctl_read(cpu, cpu->sys.cntv_ctl_el0, cpu->sys.cntv_cval_el0); break;
    case K_CNTP_CVAL: *v = cpu->sys.cntp_cval_el0; break;
    case K_CNTV_CVAL: *v = cpu->sys.cntv_cval_el0; break;
    case K_CNTP_TVAL: *v = (uint64_t)(int64_t)(int32_t)(cpu->sys.cntp_cval_el0 - counter(cpu)) & 0xffffffffu; break;
    case K_CNTV_TVAL: *v = (uint64_t)(int64_t)(int32_t)(cpu->sys.cntv_cval_el0 - counter(cpu)) & 0xffffffffu; break;
    default: return emu_undef(cpu);
    }
    return EMU_NEXT;
}

static void timer_changed(EmuCpu *cpu)
{
    if (cpu->hooks.timer_changed)
        cpu->hooks.timer_changed(cpu->hooks.opaque, cpu);
}

/* Write a register whose access has been checked. Returns EMU_EXIT when the
 * write changes what the run loop must re-check (interrupt masks,
 * translation, timers). */
static EmuStep sysreg_write(EmuCpu *cpu, const Sysreg *r, uint64_t v)
{
    if (r->kind == SR_CONST)
        return EMU_NEXT;                           /* RAZ/WI debug registers */
    if (r->kind == SR_STORE) {
        memcpy((char *)&cpu->sys + r->offset, &v, 8);
        return EMU_NEXT;
    }
    switch (r->key) {
    case K_CSSELR:
        cpu->sys.csselr_el1 = v & 0xf;
        return EMU_NEXT;
    case K_SCTLR:
        cpu->mmu_switches += (cpu->sys.sctlr_el1 ^ v) & 1;
        cpu->sys.sctlr_el1 = v;
        emu_tlb_flush(cpu);
        break;
    case K_CPACR: cpu->sys.cpacr_el1 = v & (3u << 20); break;
    case K_TTBR0: cpu->sys.ttbr0_el1 = v; emu_tlb_flush(cpu); break;
    case K_TTBR1: cpu->sys.ttbr1_el1 = v; emu_tlb_flush(cpu); break;
    case K_TCR: cpu->sys.tcr_el1 = v; emu_tlb_flush(cpu); break;
    case K_SPSR: cpu->sys.spsr_el1 = v & 0xf03003dfull; return EMU_NEXT;
    case K_SP_EL0:
        if (!(cpu->pstate & 1))
            return emu_undef(cpu);
        cpu->sys.sp_el0 = v;
        return EMU_NEXT;
    case K_SPSEL: emu_set_el_sp(cpu, 1, v & 1); break;
    case K_DAIF: cpu->pstate = (cpu->pstate & ~PSTATE_DAIF) | (v & PSTATE_DAIF); break;
    case K_NZCV: cpu->nzcv = v & PSTATE_NZCV; return EMU_NEXT;
    case K_FPCR:
        if (!emu_fp_enabled(cpu))
            return EMU_EXCEPTION;
        cpu->fpcr = v & FPCR_MASK;
        return EMU_NEXT;
    case K_FPSR:
        if (!emu_fp_enabled(cpu))
            return EMU_EXCEPTION;
        cpu->fpsr = v & FPSR_MASK;
        return EMU_NEXT;
    case K_OSLAR:
        cpu->sys.oslsr_el1 = (cpu->sys.oslsr_el1 & ~2ull) | ((v & 1) << 1);
        return EMU_NEXT;
    case K_CNTFRQ: return EMU_NEXT;   /* fixed by the board */
    case K_CNTP_CTL: cpu->sys.cntp_ctl_el0 = v & 3; timer_changed(cpu); break;
    case K_CNTV_CTL: cpu->sys.cntv_ctl_el0 = v & 3; timer_changed(cpu); break;
    case K_CNTP_CVAL: cpu->sys.cntp_cval_el0 = v; timer_changed(cpu); break;
    case K_CNTV_CVAL: cpu->sys.cntv_cval_el0 = v; timer_changed(cpu); break;
    case K_CNTP_TVAL: cpu->sys.cntp_cval_el0 = counter(cpu) + (uint64_t)(int64_t)(int32_t)v; timer_changed(cpu); break;
    case K_CNTV_TVAL: cpu->sys.cntv_cval_el0 = counter(cpu) + (uint64_t)(int64_t)(int32_t)v; timer_changed(cpu); break;
    default: return emu_undef(cpu);
    }
    cpu->next_pc = cpu->pc + 4;
    return EMU_EXIT;
}

/* EL0 access: registers marked R0/W0 are allowed, with the SCTLR_EL1 and
 * CNTKCTL_EL1 controls a bare-metal or Linux guest relies on. */
static bool el0_allowed(EmuCpu *cpu, const Sysreg *r, bool write)
{
    if (!(r->access & (write ? W0 : R0)))
        return false;
    uint64_t sctlr = cpu->sys.sctlr_el1, kctl = cpu->sys.cntkctl_el1;
    switch (r->key) {
    case K_DAIF: return sctlr & (1u << 9);          /* UMA */
    case K_CTR: return sctlr & (1u << 15);          /* UCT */
    case K_CNTPCT: return kctl & 1;                 /* EL0PCTEN */
    case K_CNTVCT: return kctl & 2;                 /* EL0VCTEN */
    case K_CNTFRQ: return kctl & 3;
    case K_CNTP_TVAL: case K_CNTP_CTL: case K_CNTP_CVAL: return kctl & (1u << 9);  /* EL0PTEN */
    case K_CNTV_TVAL: case K_CNTV_CTL: case K_CNTV_CVAL: return kctl & (1u << 8);  /* EL0VTEN */
    default: return true;
    }
}

static bool dec_sysreg(uint32_t raw, EmuInsn *out)
{
    const Sysreg *r = find_sysreg(BITS(raw, 20, 5));
    if (!r)
        return false;
    out->imm = (uint64_t)(uintptr_t)r;
    return true;
}

/* EMU_NEXT if the current EL may read (write) `r`; otherwise the exception:
 * a trap (EC 0x18) for a register EL0 may access when enabled, UNDEFINED
 * for the rest. */
static EmuStep check_access(EmuCpu *cpu, const EmuInsn *in, const Sysreg *r, bool write)
{
    unsigned at_el1 = write ? W1 : R1, at_el0 = write ? W0 : R0;
    if (cpu_el(cpu) ? (r->access & at_el1) : el0_allowed(cpu, r, write))
        return EMU_NEXT;
    return cpu_el(cpu) == 0 && (r->access & at_el0) ? emu_raise(cpu, EC_SYSREG, sys_iss(in->raw))
                                                    : emu_undef(cpu);
}

static EmuStep op_mrs(EmuCpu *cpu, const EmuInsn *in)
{
    const Sysreg *r = (const Sysreg *)(uintptr_t)in->imm;
    EmuStep s = check_access(cpu, in, r, false);
    if (s != EMU_NEXT)
        return s;
    uint64_t v;
    s = sysreg_read(cpu, r, &v);
    if (s != EMU_NEXT)
        return s;
    set_x(cpu, RT(in->raw), v);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_msr(EmuCpu *cpu, const EmuInsn *in)
{
    const Sysreg *r = (const Sysreg *)(uintptr_t)in->imm;
    EmuStep s = check_access(cpu, in, r, true);
    if (s != EMU_NEXT)
        return s;
    return sysreg_write(cpu, r, get_x(cpu, RT(in->raw)));
}

void emu_sysregs_reset(EmuCpu *cpu)
{
    memset(&cpu->sys, 0, sizeof cpu->sys);
    cpu->sys.sctlr_el1 = SCTLR_RESET;
    cpu->sys.oslsr_el1 = 0xa;     /* OSLM = 0b10 (lock implemented), OSLK = 1 */
}

const EmuInsnPattern emu_a64_system_table[] = {
    /* Hints: 1101010100 0 00 011 0010 CRm op2 11111 */
    { 0xffffffff, 0xd503207f, op_wfi, "wfi", NULL },
    { 0xffffffff, 0xd503205f, op_wfe, "wfe", NULL },
    { 0xfffff01f, 0xd503201f, op_nop, "hint", NULL },
    /* Barriers: 1101010100 0 00 011 0011 CRm op2 11111 */
    { 0xfffff0ff, 0xd503305f, op_clrex, "clrex", NULL },
    { 0xfffff0ff, 0xd503309f, op_nop, "dsb", NULL },
    { 0xfffff0ff, 0xd50330bf, op_nop, "dmb", NULL },
    { 0xfffff0ff, 0xd50330df, op_nop, "isb", NULL },
    /* PSTATE: 1101010100 0 00 op1 0100 CRm op2 11111 */
    { 0xfff8f01f, 0xd500401f, op_msr_imm, "msr_imm", NULL },
    /* SYS: 1101010100 0 01 op1 CRn CRm op2 Rt */
    { 0xfff80000, 0xd5080000, op_sys, "sys", NULL },
    /* MSR/MRS (register): 1101010100 L 1 o0 op1 CRn CRm op2 Rt */
    { 0xfff00000, 0xd5100000, op_msr, "msr_reg", dec_sysreg },
    { 0xfff00000, 0xd5300000, op_mrs, "mrs", dec_sysreg },
    { 0 },
};
