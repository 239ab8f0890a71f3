/* cli/disas.c — see disas.h. */
#include "cli/disas.h"

#include <capstone/capstone.h>
#include <inttypes.h>
#include <string.h>

struct CliDisas {
    csh handle;
    cs_insn *insn;               /* capstone's buffer for one instruction */
    const CliSymbols *syms;
};

CliDisas *cli_disas_new(const CliSymbols *syms, GError **err)
{
    csh h;
    cs_err e = cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &h);
    if (e != CS_ERR_OK) {
        g_set_error(err, g_quark_from_static_string("cli-disas-error"), 0, "capstone: %s",
                    cs_strerror(e));
        return NULL;
    }
    CliDisas *d = g_new0(CliDisas, 1);
    d->handle = h;
    d->insn = cs_malloc(h);
    d->syms = syms;
    return d;
}

void cli_disas_free(CliDisas *d)
{
    if (!d)
        return;
    cs_free(d->insn, 1);
    cs_close(&d->handle);
    g_free(d);
}

/* Whether the last operand of `mnemonic` is a pc-relative target worth a
 * symbol: branches, adr/adrp, literal loads. */
static bool has_target(const char *mnemonic, const char *ops)
{
    static const char *const names[] = { "b", "bl", "cbz", "cbnz", "tbz", "tbnz", "adr", "adrp",
                                         "ldr", "ldrsw", "prfm" };
    if (strchr(ops, '['))
        return false;
    if (g_str_has_prefix(mnemonic, "b."))
        return true;
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        if (!strcmp(mnemonic, names[i]))
            return true;
    return false;
}

bool cli_disas_insn(CliDisas *d, uint64_t addr, uint32_t insn, GString *out)
{
    uint8_t bytes[4] = { insn, insn >> 8, insn >> 16, insn >> 24 };
    const uint8_t *code = bytes;
    size_t size = sizeof bytes;
    uint64_t at = addr;
    if (!cs_disasm_iter(d->handle, &code, &size, &at, d->insn)) {
        g_string_append_printf(out, ".inst 0x%08" PRIx32 " (undefined)", insn);
        return false;
    }
    const char *m = d->insn->mnemonic, *ops = d->insn->op_str;
    if (*ops)
        g_string_append_printf(out, "%-7s %s", m, ops);
    else
        g_string_append(out, m);
    const char *imm = strrchr(ops, '#');
    if (imm && has_target(m, ops)) {
        char *end;
        uint64_t target = g_ascii_strtoull(imm + 1, &end, 0);
        g_autofree char *sym = *end ? NULL : cli_symbols_format(d->syms, target);
        if (sym)
            g_string_append_printf(out, " <%s>", sym);
    }
    return true;
}

void cli_disas_line(CliDisas *d, uint64_t addr, uint32_t insn, bool current, GString *out)
{
    g_autofree char *sym = cli_symbols_format(d->syms, addr);
    g_string_append_printf(out, "%s0x%" PRIx64, current ? "=> " : "   ", addr);
    if (sym)
        g_string_append_printf(out, " <%s>", sym);
    g_string_append(out, ":\t");
    cli_disas_insn(d, addr, insn, out);
    g_string_append_c(out, '\n');
}
