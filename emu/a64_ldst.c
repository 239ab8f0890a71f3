/* emu/a64_ldst.c — loads and stores (Arm ARM C4.1.4, op0 = x1x0), ARMv8.0.
 *
 * Classes, in the order of the Arm ARM's encoding index (and of the table
 * at the end of this file):
 *
 *   Advanced SIMD load/store multiple structures (+ post-indexed)
 *   Advanced SIMD load/store single structure (+ post-indexed)
 *   Load/store exclusive (and load-acquire/store-release)
 *   Load register (literal)
 *   Load/store pair: no-allocate, post-indexed, offset, pre-indexed
 *   Load/store register: unscaled, post-indexed, unprivileged, pre-indexed,
 *     register offset, unsigned immediate
 *
 * Not advertised by our Cortex-A57-like core, hence UNDEFINED (no row
 * matches): LSE (CAS*, CASP*, LD<op>, SWP), LOR (LDLAR, STLLR), RCpc
 * (LDAPR, LDAPUR, STLUR), PAuth (LDRAA, LDRAB), MTE (STG, STGP, LDG, ...).
 *
 * Faults. Every handler computes its addresses, performs all its memory
 * reads into temporaries, and only then writes registers (destinations
 * first, then the base register on writeback), so a data abort leaves the
 * register file as it was. A store of more than one access probes its whole
 * range first when that range crosses a page; within one page the first
 * access faults if any does (all accesses of one instruction are congruent
 * modulo the element size, so the SCTLR_EL1.A check agrees too).
 *
 * CONSTRAINED UNPREDICTABLE cases do what QEMU 7.2 (`qemu-aarch64 -cpu
 * cortex-a57`, the oracle of our differential tests) does:
 *   - load with writeback and Rt == Rn: Rn ends with the written-back address;
 *   - store with writeback and Rt == Rn: the value stored is Rn's old value;
 *   - LDP, LDPSW (general registers) with Rt == Rt2: Rt gets the first value;
 *   - LDP (SIMD&FP) and LDXP with Rt == Rt2: the second value;
 *   - STXR, STXP with Rs == Rt, Rt2 or Rn: the store uses the registers' old
 *     values, then Rs gets the status;
 *   - the should-be-one fields are ignored: Rs and Rt2 of LDAR/STLR, Rt2 of
 *     LDXR/STXR, Rs of LDXR/LDXP.
 *
 * The exclusive monitor (EmuCpu.excl_*) behaves exactly as QEMU 7.2's
 * (the Arm ARM leaves the order of the alignment and monitor checks
 * IMPLEMENTATION DEFINED and a size mismatch CONSTRAINED UNPREDICTABLE).
 * It records an address and up to 16 bytes of value, never a size:
 *   - LDXR (any size) sets excl_val[0] to the value loaded, zero-extended;
 *     LDXP W to the whole doubleword; LDXP X sets excl_val[0] and [1].
 *     Only LDXP X writes excl_val[1]: after LDXR or LDXP W it keeps what an
 *     earlier LDXP X left there, and STXP X compares against that.
 *   - A store-exclusive whose address is not the monitor's (or with no
 *     monitor) stores nothing, takes no fault, whatever the alignment, and
 *     sets status 1. Only an address match goes on to the access, which
 *     is QEMU's compare-and-swap and faults like a load first: alignment
 *     (DFSC 0x21 with WnR = 0), then read permission, then write
 *     permission (WnR = 1).
 *   - STXR of 1 << size bytes: stores when memory equals excl_val[0]
 *     truncated to the store's size; the status is 0 only if moreover the
 *     value read, zero-extended, equals all of excl_val[0]. So after LDXR X,
 *     STXRB stores its byte when the low byte is unchanged yet reports
 *     failure; after LDXRB, STXR X stores only if the upper 7 bytes are 0.
 *     Write permission is needed even when nothing is stored.
 *   - STXP W: the same as an 8-byte STXR of Rt2:Rt.
 *   - STXP X: stores both only when the 16 bytes equal excl_val[0..1]
 *     (status 0), else nothing (status 1, no write permission needed).
 * A store-exclusive clears the monitor unless it faults.
 *
 * Unprivileged forms (LDTR, STTR, ...) executed at EL1 with stage 1
 * translation on access memory with EL0's permissions: a walk for EL0
 * checks them first (unpriv_ok), then the access takes the normal path,
 * which EL1 permits wherever EL0 does (ARMv8.0 has no PAN).
 */
#include "emu/internal.h"

/* ---- Common helpers ---------------------------------------------------------- */

static inline uint64_t base_reg(const EmuCpu *cpu, const EmuInsn *in)
{
    return get_xsp(cpu, RN(in->raw));
}

/* True when [a, a + len) touches two pages. */
static inline bool crosses_page(uint64_t a, unsigned len)
{
    return (a & EMU_PAGE_MASK) + len > EMU_PAGE_SIZE;
}

static inline uint64_t zx(uint64_t v) { return v; }
static inline uint64_t sx8(uint64_t v) { return (uint64_t)(int64_t)(int8_t)v; }
static inline uint64_t sx16(uint64_t v) { return (uint64_t)(int64_t)(int16_t)v; }
static inline uint64_t sx32(uint64_t v) { return (uint64_t)(int64_t)(int32_t)v; }
static inline uint64_t sx8w(uint64_t v) { return (uint32_t)(int32_t)(int8_t)v; }
static inline uint64_t sx16w(uint64_t v) { return (uint32_t)(int32_t)(int16_t)v; }

/* Accesses of 1 << size bytes, size 0..3. Always inlined: a caller's
 * variable passed by address to an out-of-line function lives on the stack,
 * and its handler can no longer end in a tail jump. */
#define ALWAYS_INLINE static inline __attribute__((always_inline))
ALWAYS_INLINE bool load_sized(EmuCpu *cpu, uint64_t a, unsigned size, uint64_t *v)
{
    switch (size) {
    case 0: return emu_load8(cpu, a, v);
    case 1: return emu_load16(cpu, a, v);
    case 2: return emu_load32(cpu, a, v);
    default: return emu_load64(cpu, a, v);
    }
}

ALWAYS_INLINE bool store_sized(EmuCpu *cpu, uint64_t a, unsigned size, uint64_t v)
{
    switch (size) {
    case 0: return emu_store8(cpu, a, v);
    case 1: return emu_store16(cpu, a, v);
    case 2: return emu_store32(cpu, a, v);
    default: return emu_store64(cpu, a, v);
    }
}

/* SIMD&FP register images of 1 << scale bytes, scale 0..4 (B H S D Q). A
 * load yields the register's two halves, low bytes filled and the rest
 * zero, as a write of V[t] leaves them. The caller writes them with
 * set_v_halves: building the image in a local EmuVReg and copying it whole
 * would read 16 bytes just stored as two 8-byte halves, which the host
 * cannot forward from its store buffer (a stall of a dozen cycles). */
ALWAYS_INLINE bool vload(EmuCpu *cpu, uint64_t a, unsigned scale,
                                                        uint64_t *lo, uint64_t *hi)
{
    *hi = 0;
    if (scale < 4)
        return load_sized(cpu, a, scale, lo);
    return emu_load64(cpu, a, lo) && emu_load64(cpu, a + 8, hi);
}

static inline void set_v_halves(EmuCpu *cpu, unsigned r, uint64_t lo, uint64_t hi)
{
    cpu->v[r].d[0] = lo;
    cpu->v[r].d[1] = hi;
}

static bool vstore(EmuCpu *cpu, uint64_t a, unsigned scale, const EmuVReg *r)
{
    if (scale < 4)
        return store_sized(cpu, a, scale, r->d[0]);
    if (crosses_page(a, 16) && !emu_probe_write(cpu, a, 16))
        return false;
    return emu_store64(cpu, a, r->d[0]) && emu_store64(cpu, a + 8, r->d[1]);
}

/* ---- Addressing forms -------------------------------------------------------- *
 *
 * One handler per form; the decoder precomputes the offset in `imm`:
 *   _off     [Xn|SP{, #imm}]  unsigned offset, unscaled, pair offset
 *   _unpriv  [Xn|SP{, #imm}]  unprivileged (LDTR, STTR, ...)
 *   _pre   [Xn|SP, #imm]!
 *   _post  [Xn|SP], #imm
 *   _reg   [Xn|SP, Xm{, LSL|SXTX {#amount}}]
 *   _regw  [Xn|SP, Wm, UXTW {#amount}]
 *   _regsw [Xn|SP, Wm, SXTW {#amount}]
 * For the register forms `aux` bits 15:8 hold the shift amount (0, or the
 * access size's log2 when S is set); the extend (option, bits 15:13: 010
 * UXTW, 011 LSL, 110 SXTW, 111 SXTX; option<1> == 0 never decodes) picks
 * the form, so no handler tests it. SXTX of a 64-bit register is LSL.
 */
static inline uint64_t reg_shift(const EmuInsn *in, uint64_t m)
{
    return m << (in->aux >> 8);
}

/* Whether EL0 may access [a, a + len): always at EL0 or with the MMU off;
 * at EL1 a walk for EL0 (AT S1E0R/W) of each page decides. Returns false
 * with cpu->exc holding the data abort (FAR: the first byte of the page
 * that faults) otherwise. */
static bool unpriv_ok(EmuCpu *cpu, uint64_t a, unsigned len, bool write)
{
    if (likely(cpu_el(cpu) == 0 || !(cpu->sys.sctlr_el1 & 1)))
        return true;
    for (uint64_t p = a; ; p = (p | EMU_PAGE_MASK) + 1) {
        uint64_t par = emu_mmu_at(cpu, p, write, 0);
        if (par & 1) {
            emu_raise_abort(cpu, EC_DABT_CUR, (write ? 1u << 6 : 0) | BITS(par, 6, 1), p);
            return false;
        }
        if (((a + len - 1) ^ p) >> EMU_PAGE_BITS == 0)
            return true;
    }
}

#define ADDR_off    uint64_t a = base_reg(cpu, in) + in->imm
#define ADDR_unpriv uint64_t a = base_reg(cpu, in) + in->imm
#define ADDR_pre    uint64_t a = base_reg(cpu, in) + in->imm
#define ADDR_post   uint64_t a = base_reg(cpu, in)
#define ADDR_reg    uint64_t a = base_reg(cpu, in) + reg_shift(in, get_x(cpu, RM(in->raw)))
#define ADDR_regw   uint64_t a = base_reg(cpu, in) + reg_shift(in, (uint32_t)get_x(cpu, RM(in->raw)))
#define ADDR_regsw  uint64_t a = base_reg(cpu, in) + reg_shift(in, sx32(get_x(cpu, RM(in->raw))))
#define CHECK_off(n, w)    true
#define CHECK_unpriv(n, w) unpriv_ok(cpu, a, n, w)
#define CHECK_pre(n, w)    true
#define CHECK_post(n, w)   true
#define CHECK_reg(n, w)    true
#define CHECK_regw(n, w)   true
#define CHECK_regsw(n, w)  true
#define WB_off      (void)0
#define WB_unpriv   (void)0
#define WB_pre      set_xsp(cpu, RN(in->raw), a)
#define WB_post     set_xsp(cpu, RN(in->raw), a + in->imm)
#define WB_reg      (void)0
#define WB_regw     (void)0
#define WB_regsw    (void)0

/* ---- Load/store register (general registers) --------------------------------- */

#define DEFINE_LOAD_FORM(name, form, bits, conv)                               \
static EmuStep name##_##form(EmuCpu *cpu, const EmuInsn *in)                   \
{                                                                              \
    ADDR_##form;                                                               \
    uint64_t v;                                                                \
    if (unlikely(!CHECK_##form((bits) / 8, false) || !emu_load##bits(cpu, a, &v))) \
        return EMU_EXCEPTION;                                                  \
    set_x(cpu, RT(in->raw), conv(v));                                          \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}
#define DEFINE_LOAD(name, bits, conv)                                          \
    DEFINE_LOAD_FORM(name, off, bits, conv)                                    \
    DEFINE_LOAD_FORM(name, unpriv, bits, conv)                                 \
    DEFINE_LOAD_FORM(name, pre, bits, conv)                                    \
    DEFINE_LOAD_FORM(name, post, bits, conv)                                   \
    DEFINE_LOAD_FORM(name, reg, bits, conv)                                    \
    DEFINE_LOAD_FORM(name, regw, bits, conv)                                   \
    DEFINE_LOAD_FORM(name, regsw, bits, conv)

#define DEFINE_STORE_FORM(name, form, bits)                                    \
static EmuStep name##_##form(EmuCpu *cpu, const EmuInsn *in)                   \
{                                                                              \
    ADDR_##form;                                                               \
    if (unlikely(!CHECK_##form((bits) / 8, true) ||                            \
                 !emu_store##bits(cpu, a, get_x(cpu, RT(in->raw)))))           \
        return EMU_EXCEPTION;                                                  \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}
#define DEFINE_STORE(name, bits)                                               \
    DEFINE_STORE_FORM(name, off, bits)                                         \
    DEFINE_STORE_FORM(name, unpriv, bits)                                      \
    DEFINE_STORE_FORM(name, pre, bits)                                         \
    DEFINE_STORE_FORM(name, post, bits)                                        \
    DEFINE_STORE_FORM(name, reg, bits)                                         \
    DEFINE_STORE_FORM(name, regw, bits)                                        \
    DEFINE_STORE_FORM(name, regsw, bits)

DEFINE_STORE(strb, 8)
DEFINE_LOAD(ldrb, 8, zx)
DEFINE_LOAD(ldrsb_x, 8, sx8)
DEFINE_LOAD(ldrsb_w, 8, sx8w)
DEFINE_STORE(strh, 16)
DEFINE_LOAD(ldrh, 16, zx)
DEFINE_LOAD(ldrsh_x, 16, sx16)
DEFINE_LOAD(ldrsh_w, 16, sx16w)
DEFINE_STORE(str_w, 32)
DEFINE_LOAD(ldr_w, 32, zx)
DEFINE_LOAD(ldrsw, 32, sx32)
DEFINE_STORE(str_x, 64)
DEFINE_LOAD(ldr_x, 64, zx)

/* ---- Load/store register (SIMD&FP) ------------------------------------------- *
 * `aux` bits 7:0 hold the access size's log2 (0..4: B H S D Q). */

#define DEFINE_VFORMS(form)                                                    \
static EmuStep vldr_##form(EmuCpu *cpu, const EmuInsn *in)                     \
{                                                                              \
    if (!emu_fp_enabled(cpu))                                                  \
        return EMU_EXCEPTION;                                                  \
    ADDR_##form;                                                               \
    uint64_t lo, hi;                                                           \
    if (!vload(cpu, a, in->aux & 0xff, &lo, &hi))                              \
        return EMU_EXCEPTION;                                                  \
    set_v_halves(cpu, RT(in->raw), lo, hi);                                    \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}                                                                              \
static EmuStep vstr_##form(EmuCpu *cpu, const EmuInsn *in)                     \
{                                                                              \
    if (!emu_fp_enabled(cpu))                                                  \
        return EMU_EXCEPTION;                                                  \
    ADDR_##form;                                                               \
    if (!vstore(cpu, a, in->aux & 0xff, &cpu->v[RT(in->raw)]))                 \
        return EMU_EXCEPTION;                                                  \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}
DEFINE_VFORMS(off)
DEFINE_VFORMS(pre)
DEFINE_VFORMS(post)
DEFINE_VFORMS(reg)
DEFINE_VFORMS(regw)
DEFINE_VFORMS(regsw)

/* PRFM, PRFUM: a hint. Every prfop, allocated or not, executes as a NOP. */
static EmuStep op_prfm(EmuCpu *cpu, const EmuInsn *in)
{
    EMU_CONTINUE(cpu, in);
}

/* Load/store register, all forms:
 *
 *   31 30 29 27 26 25 24 23 22 21 20     12 11 10 9  5 4  0
 *   size  1 1 1  V  0  0  opc   0  imm9     op4   Rn   Rt     op4: 00 unscaled,
 *   size  1 1 1  V  0  0  opc   1  Rm option S 1 0 Rn  Rt         01 post, 10 unpriv,
 *   size  1 1 1  V  0  1  opc   imm12             Rn   Rt         11 pre
 *
 * The access size's log2 ("scale") is size, or opc<1>:size for V = 1
 * (opc<1> set only with size 00: Q).
 */
static unsigned ldst_scale(uint32_t raw)
{
    unsigned size = BITS(raw, 31, 30);
    return BIT(raw, 26) ? (BIT(raw, 23) << 2) | size : size;
}

static bool dec_simm9(uint32_t raw, EmuInsn *out)
{
    out->aux = ldst_scale(raw);
    out->imm = (uint64_t)sext(BITS(raw, 20, 12), 9);
    return true;
}

static bool dec_uimm12(uint32_t raw, EmuInsn *out)
{
    out->aux = ldst_scale(raw);
    out->imm = (uint64_t)BITS(raw, 21, 10) << out->aux;
    return true;
}

static bool dec_regoff(uint32_t raw, EmuInsn *out)
{
    if (!BIT(raw, 14))                  /* option<1> == 0: unallocated */
        return false;
    unsigned scale = ldst_scale(raw);
    out->aux = scale | (BIT(raw, 12) ? scale : 0) << 8;
    return true;
}

/* ---- Load/store pair ------------------------------------------------------------ *
 *
 *   31 30 29 27 26 25 23 22 21    15 14  10 9  5 4  0
 *    opc  1 0 1  V  mode  L  imm7     Rt2    Rn   Rt
 *
 * mode: 000 no-allocate offset (LDNP/STNP), 001 post-indexed, 010 offset,
 * 011 pre-indexed. imm7 is scaled by the element size: 4 << opc<1> for
 * general registers (opc 01 with L = 1 is LDPSW), 4 << opc for SIMD&FP
 * (S, D, Q). Unallocated: opc 11; LDPSW without L (STGP, MTE) and in the
 * no-allocate class; SIMD&FP opc 11.
 */
static bool dec_pair(uint32_t raw, EmuInsn *out)
{
    unsigned opc = BITS(raw, 31, 30);
    unsigned scale = BIT(raw, 26) ? 2 + opc : 2 + (opc >> 1);
    out->aux = scale;
    out->imm = (uint64_t)(sext(BITS(raw, 21, 15), 7) * (1 << scale));
    return true;
}

#define DEFINE_LDP_FORM(name, form, load, n, conv)                             \
static EmuStep name##_##form(EmuCpu *cpu, const EmuInsn *in)                   \
{                                                                              \
    ADDR_##form;                                                               \
    uint64_t v1, v2;                                                           \
    if (unlikely(!load(cpu, a, &v1) || !load(cpu, a + (n), &v2)))              \
        return EMU_EXCEPTION;                                                  \
    set_x(cpu, RT2(in->raw), conv(v2));                                        \
    set_x(cpu, RT(in->raw), conv(v1));                                         \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}
#define DEFINE_LDP(name, load, n, conv)                                        \
    DEFINE_LDP_FORM(name, off, load, n, conv)                                  \
    DEFINE_LDP_FORM(name, pre, load, n, conv)                                  \
    DEFINE_LDP_FORM(name, post, load, n, conv)

#define DEFINE_STP_FORM(name, form, store, n)                                  \
static EmuStep name##_##form(EmuCpu *cpu, const EmuInsn *in)                   \
{                                                                              \
    ADDR_##form;                                                               \
    if (unlikely(crosses_page(a, 2 * (n))) && !emu_probe_write(cpu, a, 2 * (n))) \
        return EMU_EXCEPTION;                                                  \
    if (unlikely(!store(cpu, a, get_x(cpu, RT(in->raw))) ||                    \
                 !store(cpu, a + (n), get_x(cpu, RT2(in->raw)))))              \
        return EMU_EXCEPTION;                                                  \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}
#define DEFINE_STP(name, store, n)                                             \
    DEFINE_STP_FORM(name, off, store, n)                                       \
    DEFINE_STP_FORM(name, pre, store, n)                                       \
    DEFINE_STP_FORM(name, post, store, n)

DEFINE_STP(stp_w, emu_store32, 4)
DEFINE_LDP(ldp_w, emu_load32, 4, zx)
DEFINE_LDP(ldpsw, emu_load32, 4, sx32)
DEFINE_STP(stp_x, emu_store64, 8)
DEFINE_LDP(ldp_x, emu_load64, 8, zx)

#define DEFINE_VPAIR_FORMS(form)                                               \
static EmuStep vldp_##form(EmuCpu *cpu, const EmuInsn *in)                     \
{                                                                              \
    if (!emu_fp_enabled(cpu))                                                  \
        return EMU_EXCEPTION;                                                  \
    ADDR_##form;                                                               \
    unsigned scale = in->aux;                                                  \
    uint64_t lo1, hi1, lo2, hi2;                                               \
    if (!vload(cpu, a, scale, &lo1, &hi1) ||                                   \
        !vload(cpu, a + (1u << scale), scale, &lo2, &hi2))                     \
        return EMU_EXCEPTION;                                                  \
    set_v_halves(cpu, RT(in->raw), lo1, hi1);                                  \
    set_v_halves(cpu, RT2(in->raw), lo2, hi2);                                 \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}                                                                              \
static EmuStep vstp_##form(EmuCpu *cpu, const EmuInsn *in)                     \
{                                                                              \
    if (!emu_fp_enabled(cpu))                                                  \
        return EMU_EXCEPTION;                                                  \
    ADDR_##form;                                                               \
    unsigned scale = in->aux, n = 1u << scale;                                 \
    if (crosses_page(a, 2 * n) && !emu_probe_write(cpu, a, 2 * n))             \
        return EMU_EXCEPTION;                                                  \
    if (!vstore(cpu, a, scale, &cpu->v[RT(in->raw)]) ||                        \
        !vstore(cpu, a + n, scale, &cpu->v[RT2(in->raw)]))                     \
        return EMU_EXCEPTION;                                                  \
    WB_##form;                                                                 \
    EMU_CONTINUE(cpu, in);                                                     \
}
DEFINE_VPAIR_FORMS(off)
DEFINE_VPAIR_FORMS(pre)
DEFINE_VPAIR_FORMS(post)

/* ---- Load register (literal) ---------------------------------------------------- *
 *
 *   31 30 29 27 26 25 24 23       5 4  0
 *    opc  0 1 1  V  0  0   imm19      Rt
 *
 * Address = this instruction's pc + imm19 * 4 (in `imm`). opc: 00 LDR W,
 * 01 LDR X, 10 LDRSW, 11 PRFM; with V = 1: S, D, Q (`aux` = 2, 3, 4);
 * V = 1, opc = 11 is unallocated.
 */
static bool dec_literal(uint32_t raw, EmuInsn *out)
{
    out->imm = (uint64_t)(sext(BITS(raw, 23, 5), 19) * 4);
    out->aux = 2 + BITS(raw, 31, 30);
    return true;
}

#define DEFINE_LDR_LITERAL(name, load, conv)                                   \
static EmuStep name(EmuCpu *cpu, const EmuInsn *in)                            \
{                                                                              \
    uint64_t v;                                                                \
    if (unlikely(!load(cpu, cpu->pc + in->imm, &v)))                           \
        return EMU_EXCEPTION;                                                  \
    set_x(cpu, RT(in->raw), conv(v));                                          \
    EMU_CONTINUE(cpu, in);                                                     \
}
DEFINE_LDR_LITERAL(ldr_w_lit, emu_load32, zx)
DEFINE_LDR_LITERAL(ldr_x_lit, emu_load64, zx)
DEFINE_LDR_LITERAL(ldrsw_lit, emu_load32, sx32)

static EmuStep vldr_lit(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    uint64_t lo, hi;
    if (!vload(cpu, cpu->pc + in->imm, in->aux, &lo, &hi))
        return EMU_EXCEPTION;
    set_v_halves(cpu, RT(in->raw), lo, hi);
    EMU_CONTINUE(cpu, in);
}

/* ---- Load/store exclusive, load-acquire/store-release ---------------------------- *
 *
 *   31 30 29    24 23 22 21 20 16 15 14 10 9  5 4  0
 *   size  001000  o2  L  o1  Rs   o0  Rt2   Rn   Rt
 *
 *   o2 L o1 o0
 *    0 0  0  x   STXR, STLXR      all sizes
 *    0 1  0  x   LDXR, LDAXR      all sizes
 *    0 0  1  x   STXP, STLXP      size 1x (size 0x: CASP, LSE)
 *    0 1  1  x   LDXP, LDAXP      size 1x (size 0x: CASP, LSE)
 *    1 0  0  1   STLR             (o0 = 0: STLLR, LOR)
 *    1 1  0  1   LDAR             (o0 = 0: LDLAR, LOR)
 *    1 x  1  x   CAS, LSE
 *
 * All need natural alignment (the pairs: of the pair's total size) and
 * raise an alignment fault (DFSC 0x21) otherwise, whatever SCTLR_EL1.A
 * says; a store-exclusive checks it only when the monitor holds its
 * address (header). One PE, no caches: acquire and release order nothing further.
 * `aux` = the access size's log2 (a pair: of one register).
 */
static bool dec_excl(uint32_t raw, EmuInsn *out)
{
    out->aux = BITS(raw, 31, 30);
    return true;
}

static EmuStep op_ldxr(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned size = in->aux;
    uint64_t a = base_reg(cpu, in), v;
    if (!emu_check_align(cpu, a, 1u << size, false) || !load_sized(cpu, a, size, &v))
        return EMU_EXCEPTION;
    cpu->excl_valid = true;
    cpu->excl_addr = a;
    cpu->excl_val[0] = v;
    set_x(cpu, RT(in->raw), v);
    EMU_CONTINUE(cpu, in);
}

/* QEMU's compare-and-swap of 1 << size bytes at the monitor's address
 * (see the header): alignment and read faults first, then write
 * permission whatever the comparison. Returns false on a fault, else sets
 * *status. */
static bool excl_cmpxchg(EmuCpu *cpu, uint64_t a, unsigned size, uint64_t v, uint32_t *status)
{
    unsigned len = 1u << size;
    uint64_t cmp = cpu->excl_val[0], cur;
    if (size < 3)
        cmp &= (1ull << (8 * len)) - 1;
    if (!emu_check_align(cpu, a, len, false) || !load_sized(cpu, a, size, &cur) ||
        !emu_probe_write(cpu, a, len))
        return false;
    if (cur == cmp && !store_sized(cpu, a, size, v))
        return false;
    *status = cur != cpu->excl_val[0];
    return true;
}

static inline bool monitor_holds(const EmuCpu *cpu, uint64_t a)
{
    return cpu->excl_valid && cpu->excl_addr == a;
}

static EmuStep op_stxr(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t a = base_reg(cpu, in);
    uint32_t status = 1;
    if (monitor_holds(cpu, a) &&
        !excl_cmpxchg(cpu, a, in->aux, get_x(cpu, RT(in->raw)), &status))
        return EMU_EXCEPTION;
    cpu->excl_valid = false;
    set_w(cpu, RM(in->raw), status);
    EMU_CONTINUE(cpu, in);
}

/* LDXP W: one 8-byte access, Rt the low word. LDXP X: 16 bytes. */
static EmuStep op_ldxp(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t a = base_reg(cpu, in), lo, hi;
    if (in->aux == 2) {
        if (!emu_check_align(cpu, a, 8, false) || !emu_load64(cpu, a, &lo))
            return EMU_EXCEPTION;
        cpu->excl_val[0] = lo;
        hi = lo >> 32;
        lo = (uint32_t)lo;
    } else {
        if (!emu_check_align(cpu, a, 16, false) || !emu_load64(cpu, a, &lo) ||
            !emu_load64(cpu, a + 8, &hi))
            return EMU_EXCEPTION;
        cpu->excl_val[0] = lo;
        cpu->excl_val[1] = hi;
    }
    cpu->excl_valid = true;
    cpu->excl_addr = a;
    set_x(cpu, RT(in->raw), lo);
    set_x(cpu, RT2(in->raw), hi);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_stxp(EmuCpu *cpu, const EmuInsn *in)
{
    uint64_t a = base_reg(cpu, in), cur0, cur1;
    uint64_t t = get_x(cpu, RT(in->raw)), t2 = get_x(cpu, RT2(in->raw));
    uint32_t status = 1;
    if (monitor_holds(cpu, a)) {
        if (in->aux == 2) {
            if (!excl_cmpxchg(cpu, a, 3, (uint32_t)t | t2 << 32, &status))
                return EMU_EXCEPTION;
        } else {
            /* 16-byte aligned: one page. */
            if (!emu_check_align(cpu, a, 16, false) || !emu_load64(cpu, a, &cur0) ||
                !emu_load64(cpu, a + 8, &cur1))
                return EMU_EXCEPTION;
            if (cur0 == cpu->excl_val[0] && cur1 == cpu->excl_val[1]) {
                if (!emu_store64(cpu, a, t) || !emu_store64(cpu, a + 8, t2))
                    return EMU_EXCEPTION;
                status = 0;
            }
        }
    }
    cpu->excl_valid = false;
    set_w(cpu, RM(in->raw), status);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_ldar(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned size = in->aux;
    uint64_t a = base_reg(cpu, in), v;
    if (!emu_check_align(cpu, a, 1u << size, false) || !load_sized(cpu, a, size, &v))
        return EMU_EXCEPTION;
    set_x(cpu, RT(in->raw), v);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_stlr(EmuCpu *cpu, const EmuInsn *in)
{
    unsigned size = in->aux;
    uint64_t a = base_reg(cpu, in);
    if (!emu_check_align(cpu, a, 1u << size, true) ||
        !store_sized(cpu, a, size, get_x(cpu, RT(in->raw))))
        return EMU_EXCEPTION;
    EMU_CONTINUE(cpu, in);
}

/* ---- Advanced SIMD load/store structures ---------------------------------------- */

static inline uint64_t get_lane(const EmuVReg *r, unsigned esz, unsigned i)
{
    switch (esz) {
    case 0: return r->b[i];
    case 1: return r->h[i];
    case 2: return r->s[i];
    default: return r->d[i];
    }
}

static inline void set_lane(EmuVReg *r, unsigned esz, unsigned i, uint64_t v)
{
    switch (esz) {
    case 0: r->b[i] = (uint8_t)v; break;
    case 1: r->h[i] = (uint16_t)v; break;
    case 2: r->s[i] = (uint32_t)v; break;
    default: r->d[i] = v; break;
    }
}

/* Post-indexed forms (bit 23) add Rm, or with Rm = 31 the number of bytes
 * transferred (`imm`), to the base. */
static inline void struct_writeback(EmuCpu *cpu, const EmuInsn *in, uint64_t a)
{
    if (!BIT(in->raw, 23))
        return;
    unsigned rm = RM(in->raw);
    set_xsp(cpu, RN(in->raw), a + (rm == 31 ? in->imm : get_x(cpu, rm)));
}

/* Multiple structures:
 *
 *   31 30 29     23 22 21 20 16 15  12 11 10 9  5 4  0
 *    0  Q  0011000  L  0 00000  opcode  size  Rn   Rt      no writeback
 *    0  Q  0011001  L  0  Rm    opcode  size  Rn   Rt      post-indexed
 *
 * opcode -> (registers repeated, elements per structure):
 *   0000 LD4/ST4 (1,4)  0010 LD1/ST1 x4 (4,1)  0100 LD3/ST3 (1,3)
 *   0110 LD1/ST1 x3 (3,1)  0111 LD1/ST1 x1 (1,1)  1000 LD2/ST2 (1,2)
 *   1010 LD1/ST1 x2 (2,1); others unallocated, as is size 11 with Q = 0
 *   when elements per structure > 1.
 * `aux`: esize log2 in bits 1:0, Q in bit 2, rpt in 6:4, selem in 10:8;
 * `imm`: bytes transferred.
 */
static const uint8_t mult_rpt[16] = { [0] = 1, [2] = 4, [4] = 1, [6] = 3, [7] = 1, [8] = 1, [10] = 2 };
static const uint8_t mult_selem[16] = { [0] = 4, [2] = 1, [4] = 3, [6] = 1, [7] = 1, [8] = 2, [10] = 1 };

static bool dec_ldst_mult(uint32_t raw, EmuInsn *out)
{
    unsigned opcode = BITS(raw, 15, 12), esz = BITS(raw, 11, 10), q = BIT(raw, 30);
    unsigned rpt = mult_rpt[opcode], selem = mult_selem[opcode];
    if (!rpt || (esz == 3 && !q && selem > 1))
        return false;
    out->aux = esz | q << 2 | rpt << 4 | selem << 8;
    out->imm = (8u << q) * rpt * selem;
    return true;
}

static EmuStep op_ld_mult(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned esz = in->aux & 3, q = BIT(in->aux, 2);
    unsigned rpt = BITS(in->aux, 6, 4), selem = BITS(in->aux, 10, 8);
    unsigned elements = (8u << q) >> esz, rt = RT(in->raw);
    uint64_t a = base_reg(cpu, in), off = 0, v;
    EmuVReg t[4];
    memset(t, 0, sizeof t);
    if (selem == 1 && !(cpu->sys.sctlr_el1 & 2)) {
        /* Little-endian: each register's image is the memory image. */
        for (unsigned r = 0; r < rpt; r++)
            for (unsigned h = 0; h <= q; h++, off += 8)
                if (!emu_load64(cpu, a + off, &t[r].d[h]))
                    return EMU_EXCEPTION;
    } else {
        for (unsigned r = 0; r < rpt; r++)
            for (unsigned e = 0; e < elements; e++)
                for (unsigned s = 0; s < selem; s++, off += 1u << esz) {
                    if (!load_sized(cpu, a + off, esz, &v))
                        return EMU_EXCEPTION;
                    set_lane(&t[r + s], esz, e, v);
                }
    }
    for (unsigned i = 0; i < rpt * selem; i++)
        cpu->v[(rt + i) & 31] = t[i];
    struct_writeback(cpu, in, a);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_st_mult(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned esz = in->aux & 3, q = BIT(in->aux, 2);
    unsigned rpt = BITS(in->aux, 6, 4), selem = BITS(in->aux, 10, 8);
    unsigned elements = (8u << q) >> esz, rt = RT(in->raw);
    uint64_t a = base_reg(cpu, in), off = 0;
    if (crosses_page(a, (unsigned)in->imm) && !emu_probe_write(cpu, a, (unsigned)in->imm))
        return EMU_EXCEPTION;
    if (selem == 1 && !(cpu->sys.sctlr_el1 & 2)) {
        for (unsigned r = 0; r < rpt; r++)
            for (unsigned h = 0; h <= q; h++, off += 8)
                if (!emu_store64(cpu, a + off, cpu->v[(rt + r) & 31].d[h]))
                    return EMU_EXCEPTION;
    } else {
        for (unsigned r = 0; r < rpt; r++)
            for (unsigned e = 0; e < elements; e++)
                for (unsigned s = 0; s < selem; s++, off += 1u << esz)
                    if (!store_sized(cpu, a + off, esz,
                                     get_lane(&cpu->v[(rt + r + s) & 31], esz, e)))
                        return EMU_EXCEPTION;
    }
    struct_writeback(cpu, in, a);
    EMU_CONTINUE(cpu, in);
}

/* Single structure:
 *
 *   31 30 29     23 22 21 20 16 15 13 12 11 10 9  5 4  0
 *    0  Q  0011010  L  R 00000  opcode  S  size  Rn   Rt    no writeback
 *    0  Q  0011011  L  R  Rm    opcode  S  size  Rn   Rt    post-indexed
 *
 * Elements per structure = opcode<0>:R + 1. opcode<2:1>: 00 B (lane
 * Q:S:size), 01 H (size<0> = 0; lane Q:S:size<1>), 10 S (size 00; lane
 * Q:S) or D (size 01, S = 0; lane Q), 11 LDnR (L = 1 and S = 0 only;
 * element size = size). `aux`: esize log2 in bits 1:0, selem in 6:4, lane
 * in 11:8, Q in bit 12; `imm`: bytes transferred.
 */
static bool dec_ldst_single(uint32_t raw, EmuInsn *out)
{
    unsigned opcode = BITS(raw, 15, 13), s = BIT(raw, 12), size = BITS(raw, 11, 10);
    unsigned q = BIT(raw, 30), selem = ((opcode & 1) << 1 | BIT(raw, 21)) + 1;
    unsigned esz, index;
    switch (opcode >> 1) {
    case 0:
        esz = 0;
        index = q << 3 | s << 2 | size;
        break;
    case 1:
        if (size & 1)
            return false;
        esz = 1;
        index = q << 2 | s << 1 | size >> 1;
        break;
    case 2:
        if (size == 0) {
            esz = 2;
            index = q << 1 | s;
        } else if (size == 1 && !s) {
            esz = 3;
            index = q;
        } else {
            return false;
        }
        break;
    default:            /* LDnR has its own rows; no store replicates */
        return false;
    }
    out->aux = esz | selem << 4 | index << 8 | q << 12;
    out->imm = selem << esz;
    return true;
}

static bool dec_ld_repl(uint32_t raw, EmuInsn *out)
{
    if (BIT(raw, 12))
        return false;
    unsigned esz = BITS(raw, 11, 10), selem = (BIT(raw, 13) << 1 | BIT(raw, 21)) + 1;
    out->aux = esz | selem << 4 | BIT(raw, 30) << 12;
    out->imm = selem << esz;
    return true;
}

static EmuStep op_ld_single(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned esz = in->aux & 3, selem = BITS(in->aux, 6, 4), index = BITS(in->aux, 11, 8);
    unsigned rt = RT(in->raw);
    uint64_t a = base_reg(cpu, in), v[4];
    for (unsigned s = 0; s < selem; s++)
        if (!load_sized(cpu, a + (s << esz), esz, &v[s]))
            return EMU_EXCEPTION;
    for (unsigned s = 0; s < selem; s++)
        set_lane(&cpu->v[(rt + s) & 31], esz, index, v[s]);
    struct_writeback(cpu, in, a);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_ld_repl(EmuCpu *cpu, const EmuInsn *in)
{
    static const uint64_t spread[4] = {
        0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1,
    };
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned esz = in->aux & 3, selem = BITS(in->aux, 6, 4), q = BIT(in->aux, 12);
    unsigned rt = RT(in->raw);
    uint64_t a = base_reg(cpu, in), v[4];
    for (unsigned s = 0; s < selem; s++)
        if (!load_sized(cpu, a + (s << esz), esz, &v[s]))
            return EMU_EXCEPTION;
    for (unsigned s = 0; s < selem; s++) {
        EmuVReg *r = &cpu->v[(rt + s) & 31];
        r->d[0] = v[s] * spread[esz];
        r->d[1] = q ? r->d[0] : 0;
    }
    struct_writeback(cpu, in, a);
    EMU_CONTINUE(cpu, in);
}

static EmuStep op_st_single(EmuCpu *cpu, const EmuInsn *in)
{
    if (!emu_fp_enabled(cpu))
        return EMU_EXCEPTION;
    unsigned esz = in->aux & 3, selem = BITS(in->aux, 6, 4), index = BITS(in->aux, 11, 8);
    unsigned rt = RT(in->raw);
    uint64_t a = base_reg(cpu, in);
    if (crosses_page(a, (unsigned)in->imm) && !emu_probe_write(cpu, a, (unsigned)in->imm))
        return EMU_EXCEPTION;
    for (unsigned s = 0; s < selem; s++)
        if (!store_sized(cpu, a + (s << esz), esz, get_lane(&cpu->v[(rt + s) & 31], esz, index)))
            return EMU_EXCEPTION;
    struct_writeback(cpu, in, a);
    EMU_CONTINUE(cpu, in);
}

/* ---- The table -------------------------------------------------------------------- */

/* Load/store register kinds: size (31:30), V (26), opc (23:22). */
#define K(size, v, opc) (((uint32_t)(size) << 30) | ((v) << 26) | ((opc) << 22))

/* X(kind, name, handler prefix) for the general-register kinds... */
#define GPR_KINDS(X)                                                           \
    X(K(0, 0, 0), "strb", strb)       X(K(0, 0, 1), "ldrb", ldrb)              \
    X(K(0, 0, 2), "ldrsb_x", ldrsb_x) X(K(0, 0, 3), "ldrsb_w", ldrsb_w)        \
    X(K(1, 0, 0), "strh", strh)       X(K(1, 0, 1), "ldrh", ldrh)              \
    X(K(1, 0, 2), "ldrsh_x", ldrsh_x) X(K(1, 0, 3), "ldrsh_w", ldrsh_w)        \
    X(K(2, 0, 0), "str_w", str_w)     X(K(2, 0, 1), "ldr_w", ldr_w)            \
    X(K(2, 0, 2), "ldrsw", ldrsw)                                              \
    X(K(3, 0, 0), "str_x", str_x)     X(K(3, 0, 1), "ldr_x", ldr_x)
/* ...and the SIMD&FP ones. */
#define FP_KINDS(X)                                                            \
    X(K(0, 1, 0), "str_b", vstr)      X(K(0, 1, 1), "ldr_b", vldr)             \
    X(K(1, 1, 0), "str_h", vstr)      X(K(1, 1, 1), "ldr_h", vldr)             \
    X(K(2, 1, 0), "str_s", vstr)      X(K(2, 1, 1), "ldr_s", vldr)             \
    X(K(3, 1, 0), "str_d", vstr)      X(K(3, 1, 1), "ldr_d", vldr)             \
    X(K(0, 1, 2), "str_q", vstr)      X(K(0, 1, 3), "ldr_q", vldr)
#define PRFM K(3, 0, 2)

#define ROW_UNSCALED(k, nm, fn) { 0xffe00c00, 0x38000000 | (k), fn##_off, nm "_unscaled", dec_simm9 },
#define ROW_POST(k, nm, fn)     { 0xffe00c00, 0x38000400 | (k), fn##_post, nm "_post", dec_simm9 },
#define ROW_UNPRIV(k, nm, fn)   { 0xffe00c00, 0x38000800 | (k), fn##_unpriv, nm "_unpriv", dec_simm9 },
#define ROW_PRE(k, nm, fn)      { 0xffe00c00, 0x38000c00 | (k), fn##_pre, nm "_pre", dec_simm9 },
#define ROW_REG(k, nm, fn)                                                     \
    { 0xffe02c00, 0x38202800 | (k), fn##_reg, nm "_reg", dec_regoff },         \
    { 0xffe0ac00, 0x38200800 | (k), fn##_regw, nm "_reg", dec_regoff },        \
    { 0xffe0ac00, 0x38208800 | (k), fn##_regsw, nm "_reg", dec_regoff },
#define ROW_UIMM(k, nm, fn)     { 0xffc00000, 0x39000000 | (k), fn##_off, nm "_uimm", dec_uimm12 },

/* Pair kinds: opc (31:30), V (26), L (22). */
#define P(opc, v, l) (((uint32_t)(opc) << 30) | ((v) << 26) | ((l) << 22))
#define PAIR_KINDS_NOPSW(X)                                                    \
    X(P(0, 0, 0), "stp_w", stp_w)     X(P(0, 0, 1), "ldp_w", ldp_w)            \
    X(P(2, 0, 0), "stp_x", stp_x)     X(P(2, 0, 1), "ldp_x", ldp_x)            \
    X(P(0, 1, 0), "stp_s", vstp)      X(P(0, 1, 1), "ldp_s", vldp)             \
    X(P(1, 1, 0), "stp_d", vstp)      X(P(1, 1, 1), "ldp_d", vldp)             \
    X(P(2, 1, 0), "stp_q", vstp)      X(P(2, 1, 1), "ldp_q", vldp)
#define PAIR_KINDS(X) PAIR_KINDS_NOPSW(X) X(P(1, 0, 1), "ldpsw", ldpsw)

#define ROW_NP(k, nm, fn)       { 0xffc00000, 0x28000000 | (k), fn##_off, nm "_nt", dec_pair },
#define ROW_PPOST(k, nm, fn)    { 0xffc00000, 0x28800000 | (k), fn##_post, nm "_post", dec_pair },
#define ROW_POFF(k, nm, fn)     { 0xffc00000, 0x29000000 | (k), fn##_off, nm, dec_pair },
#define ROW_PPRE(k, nm, fn)     { 0xffc00000, 0x29800000 | (k), fn##_pre, nm "_pre", dec_pair },

const EmuInsnPattern emu_a64_ldst_table[] = {
    /* Advanced SIMD load/store multiple structures (+ post-indexed) */
    { 0xbfff0000, 0x0c000000, op_st_mult, "st_mult", dec_ldst_mult },
    { 0xbfff0000, 0x0c400000, op_ld_mult, "ld_mult", dec_ldst_mult },
    { 0xbfe00000, 0x0c800000, op_st_mult, "st_mult_post", dec_ldst_mult },
    { 0xbfe00000, 0x0cc00000, op_ld_mult, "ld_mult_post", dec_ldst_mult },
    /* Advanced SIMD load/store single structure (+ post-indexed) */
    { 0xbfdf0000, 0x0d000000, op_st_single, "st_single", dec_ldst_single },
    { 0xbfdfc000, 0x0d40c000, op_ld_repl, "ld_repl", dec_ld_repl },
    { 0xbfdf0000, 0x0d400000, op_ld_single, "ld_single", dec_ldst_single },
    { 0xbfc00000, 0x0d800000, op_st_single, "st_single_post", dec_ldst_single },
    { 0xbfc0c000, 0x0dc0c000, op_ld_repl, "ld_repl_post", dec_ld_repl },
    { 0xbfc00000, 0x0dc00000, op_ld_single, "ld_single_post", dec_ldst_single },
    /* Load/store exclusive */
    { 0x3fe00000, 0x08000000, op_stxr, "stxr", dec_excl },
    { 0x3fe00000, 0x08400000, op_ldxr, "ldxr", dec_excl },
    { 0xbfe00000, 0x88200000, op_stxp, "stxp", dec_excl },
    { 0xbfe00000, 0x88600000, op_ldxp, "ldxp", dec_excl },
    { 0x3fe08000, 0x08808000, op_stlr, "stlr", dec_excl },
    { 0x3fe08000, 0x08c08000, op_ldar, "ldar", dec_excl },
    /* Load register (literal) */
    { 0xff000000, 0x18000000, ldr_w_lit, "ldr_w_lit", dec_literal },
    { 0xff000000, 0x58000000, ldr_x_lit, "ldr_x_lit", dec_literal },
    { 0xff000000, 0x98000000, ldrsw_lit, "ldrsw_lit", dec_literal },
    { 0xff000000, 0xd8000000, op_prfm, "prfm_lit", NULL },
    { 0xff000000, 0x1c000000, vldr_lit, "ldr_s_lit", dec_literal },
    { 0xff000000, 0x5c000000, vldr_lit, "ldr_d_lit", dec_literal },
    { 0xff000000, 0x9c000000, vldr_lit, "ldr_q_lit", dec_literal },
    /* Load/store no-allocate pair (offset) */
    PAIR_KINDS_NOPSW(ROW_NP)
    /* Load/store register pair (post-indexed, offset, pre-indexed) */
    PAIR_KINDS(ROW_PPOST)
    PAIR_KINDS(ROW_POFF)
    PAIR_KINDS(ROW_PPRE)
    /* Load/store register (unscaled immediate) */
    GPR_KINDS(ROW_UNSCALED)
    { 0xffe00c00, 0x38000000 | PRFM, op_prfm, "prfum", NULL },
    FP_KINDS(ROW_UNSCALED)
    /* Load/store register (immediate post-indexed) */
    GPR_KINDS(ROW_POST)
    FP_KINDS(ROW_POST)
    /* Load/store register (unprivileged) */
    GPR_KINDS(ROW_UNPRIV)
    /* Load/store register (immediate pre-indexed) */
    GPR_KINDS(ROW_PRE)
    FP_KINDS(ROW_PRE)
    /* Load/store register (register offset) */
    GPR_KINDS(ROW_REG)
    { 0xffe00c00, 0x38200800 | PRFM, op_prfm, "prfm_reg", dec_regoff },
    FP_KINDS(ROW_REG)
    /* Load/store register (unsigned immediate) */
    GPR_KINDS(ROW_UIMM)
    { 0xffc00000, 0x39000000 | PRFM, op_prfm, "prfm", NULL },
    FP_KINDS(ROW_UIMM)
    { 0 },
};
