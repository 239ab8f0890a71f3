/* emu/a64_branch.c — branches and exception-generating instructions
 * (Arm ARM C4.1.3: "Branches, Exception Generating and System
 * instructions", less the system class, which is in a64_system.c). */
#include "emu/internal.h"

/* B, BL: 0 0 0 1 0 1 imm26 (op at bit 31). */
static EmuStep op_b(EmuCpu *cpu, const EmuInsn *in)
{
    EMU_JUMP(cpu, in, cpu->pc + (uint64_t)in->imm);
}

static EmuStep op_bl(EmuCpu *cpu, const EmuInsn *in)
{
    cpu->x[30] = cpu->pc + 4;
    EMU_JUMP(cpu, in, cpu->pc + (uint64_t)in->imm);
}

static bool dec_imm26(uint32_t raw, EmuInsn *out)
{
    out->imm = (uint64_t)(sext(BITS(raw, 25, 0), 26) * 4);
    return true;
}

static bool dec_imm19(uint32_t raw, EmuInsn *out)
{
    out->imm = (uint64_t)(sext(BITS(raw, 23, 5), 19) * 4);
    return true;
}

static bool dec_bcond(uint32_t raw, EmuInsn *out)
{
    dec_imm19(raw, out);
    out->aux = 0;
    for (unsigned n = 0; n < 16; n++)
        out->aux |= (uint32_t)emu_cond_holds(n << 28, raw & 15) << n;
    return true;
}

static bool dec_imm14(uint32_t raw, EmuInsn *out)
{
    out->imm = (uint64_t)(sext(BITS(raw, 18, 5), 14) * 4);
    return true;
}

/* B.cond: 0101010 0 imm19 0 cond. aux holds the condition's truth table
 * over the 16 NZCV values (bit n: taken when NZCV == n); the body is
 * emu_bcond (internal.h), which fused compare-and-branch handlers inline. */
EmuStep emu_a64_bcond(EmuCpu *cpu, const EmuInsn *in)
{
    return emu_bcond(cpu, in);
}

/* CBZ/CBNZ: sf 011010 op imm19 Rt */
static EmuStep op_cbz(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t v = get_x(cpu, RT(in->raw));
    if (!BIT(in->raw, 31))
        v = (uint32_t)v;
    if ((v == 0) == !BIT(in->raw, 24))
        EMU_JUMP(cpu, in, cpu->pc + (uint64_t)in->imm);
    EMU_CONTINUE(cpu, in);
}

/* TBZ/TBNZ: b5 011011 op b40 imm14 Rt */
static EmuStep op_tbz(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned bit = (BIT(in->raw, 31) << 5) | BITS(in->raw, 23, 19);
    unsigned set = (get_x(cpu, RT(in->raw)) >> bit) & 1;
    if (set == BIT(in->raw, 24))
        EMU_JUMP(cpu, in, cpu->pc + (uint64_t)in->imm);
    EMU_CONTINUE(cpu, in);
}

/* BR, BLR, RET: 1101011 0 0 op 11111 000000 Rn 00000 */
static EmuStep op_br(EmuCpu *cpu, const EmuInsn *in)
{
    EMU_JUMP(cpu, in, get_x(cpu, RN(in->raw)));
}

static EmuStep op_blr(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t target = get_x(cpu, RN(in->raw));
    cpu->x[30] = cpu->pc + 4;
    EMU_JUMP(cpu, in, target);
}

/* ERET. An illegal return (to AArch32, to a higher EL, to a reserved mode)
 * sets PSTATE.IL and keeps EL and SP; the next instruction then takes an
 * Illegal Execution state exception. */
static EmuStep op_eret(EmuCpu *cpu, const EmuInsn *in)
{
    if (cpu_el(cpu) == 0)
        return emu_undef(cpu);
    uint32_t spsr = (uint32_t)cpu->sys.spsr_el1;
    unsigned m = spsr & PSTATE_M;
    bool illegal = (m & 0x10) || ((m >> 2) & 3) > 1 || (m & 2) || m == 1;
    cpu->nzcv = spsr & PSTATE_NZCV;
    uint32_t keep = spsr & (PSTATE_DAIF | PSTATE_SS);
    if (illegal) {
        cpu->pstate = (cpu->pstate & PSTATE_M) | keep | PSTATE_IL;
    } else {
        emu_set_el_sp(cpu, (m >> 2) & 3, m & 1);
        cpu->pstate = (cpu->pstate & PSTATE_M) | keep | (spsr & PSTATE_IL);
    }
    cpu->excl_valid = false;
    cpu->next_pc = cpu->sys.elr_el1;
    return EMU_EXIT;
}

/* SVC, HVC, SMC, BRK, HLT: 11010100 opc imm16 000 LL */
static EmuStep op_svc(EmuCpu *cpu, const EmuInsn *in)
{
    emu_raise(cpu, EC_SVC64, BITS(in->raw, 20, 5));
    return EMU_EXCEPTION_RETIRED;
}

/* After a call the board answered: go on, or leave the run loop if the
 * board stopped the CPU (power off, exit). */
static EmuStep finish_board_call(EmuCpu *cpu)
{
    if (cpu->stop == EMU_STOP_NONE)
        return EMU_NEXT;
    cpu->next_pc = cpu->pc + 4;
    return EMU_EXIT;
}

/* HVC and SMC are UNDEFINED at EL0 and, with no EL2 or EL3, everywhere
 * except for the calls the board answers itself (PSCI). */
static EmuStep call_board(EmuCpu *cpu, const EmuInsn *in,
                          bool (*hook)(void *, EmuCpu *, uint16_t))
{
    if (cpu_el(cpu) == 0 || !hook || !hook(cpu->hooks.opaque, cpu, BITS(in->raw, 20, 5)))
        return emu_undef(cpu);
    return finish_board_call(cpu);
}

static EmuStep op_hvc(EmuCpu *cpu, const EmuInsn *in)
{
    return call_board(cpu, in, cpu->hooks.hvc);
}

static EmuStep op_smc(EmuCpu *cpu, const EmuInsn *in)
{
    return call_board(cpu, in, cpu->hooks.smc);
}

static EmuStep op_brk(EmuCpu *cpu, const EmuInsn *in)
{
    return emu_raise(cpu, EC_BRK64, BITS(in->raw, 20, 5));
}

/* HLT #0xf000 is the A64 semihosting trap when the board enables it;
 * otherwise HLT is UNDEFINED (no external debug). */
static EmuStep op_hlt(EmuCpu *cpu, const EmuInsn *in)
{
    if (BITS(in->raw, 20, 5) != 0xf000 || !cpu->hooks.semihost ||
        !cpu->hooks.semihost(cpu->hooks.opaque, cpu))
        return emu_undef(cpu);
    return finish_board_call(cpu);
}

const EmuInsnPattern emu_a64_branch_table[] = {
    /* Conditional branch (immediate) */
    { 0xff000010, 0x54000000, emu_a64_bcond, "b_cond", dec_bcond },
    /* Exception generation */
    { 0xffe0001f, 0xd4000001, op_svc, "svc", NULL },
    { 0xffe0001f, 0xd4000002, op_hvc, "hvc", NULL },
    { 0xffe0001f, 0xd4000003, op_smc, "smc", NULL },
    { 0xffe0001f, 0xd4200000, op_brk, "brk", NULL },
    { 0xffe0001f, 0xd4400000, op_hlt, "hlt", NULL },
    /* Unconditional branch (register) */
    { 0xfffffc1f, 0xd61f0000, op_br, "br", NULL },
    { 0xfffffc1f, 0xd63f0000, op_blr, "blr", NULL },
    { 0xfffffc1f, 0xd65f0000, op_br, "ret", NULL },
    { 0xffffffff, 0xd69f03e0, op_eret, "eret", NULL },
    /* Unconditional branch (immediate) */
    { 0xfc000000, 0x14000000, op_b, "b", dec_imm26 },
    { 0xfc000000, 0x94000000, op_bl, "bl", dec_imm26 },
    /* Compare and branch (immediate) */
    { 0x7e000000, 0x34000000, op_cbz, "cbz_cbnz", dec_imm19 },
    /* Test and branch (immediate) */
    { 0x7e000000, 0x36000000, op_tbz, "tbz_tbnz", dec_imm14 },
    { 0 },
};
