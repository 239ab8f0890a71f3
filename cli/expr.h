/* cli/expr.h — expressions over a stopped machine, for `assert` in scripts
 * and at the prompt: registers, memory, the icount, and C's operators on
 * unsigned 64-bit values.
 *
 *   CliExpr *e = cli_expr_parse("*(u32*)0x40001000 != 0xdeadbeef && x0 == 42", &err);
 *   uint64_t v;
 *   if (cli_expr_eval(e, &env, &v, &err) && !v) {
 *       char *why = cli_expr_explain(e, &env);   // "*(u32*)0x40001000 = 0xdeadbeef,
 *       ...                                      //  expected != 0xdeadbeef"
 *   }
 *
 * Grammar, loosest binding first (C's precedence and meaning):
 *
 *   expr    := and { "||" and }
 *   and     := bitor { "&&" bitor }
 *   bitor   := bitxor { "|" bitxor }
 *   bitxor  := bitand { "^" bitand }
 *   bitand  := equal { "&" equal }
 *   equal   := rel { ("==" | "!=") rel }
 *   rel     := shift { ("<" | "<=" | ">" | ">=") shift }
 *   shift   := add { ("<<" | ">>") add }
 *   add     := mul { ("+" | "-") mul }
 *   mul     := unary { ("*" | "/" | "%") unary }
 *   unary   := ("!" | "~" | "-") unary
 *            | "*" "(" TYPE "*" ")" unary       a load of TYPE's size
 *            | "*" unary                        a load of 8 bytes
 *            | "(" TYPE ")" unary               truncation to TYPE
 *            | primary
 *   primary := NUMBER | REGISTER | "(" expr ")"
 *   TYPE    := u8 | u16 | u32 | u64
 *   NUMBER  := decimal | 0x hex | 0b binary
 *   REGISTER:= x0-x30 | w0-w30 (low 32 bits) | sp | pc | lr (x30) | fp (x29)
 *            | xzr | wzr | cpsr (also pstate) | fpsr | fpcr | icount
 *
 * Arithmetic wraps at 64 bits; comparisons are unsigned; a shift by 64 or
 * more gives 0; && and || give 0 or 1 and do not evaluate their right side
 * when the left decides. Loads are little-endian, through the guest's MMU.
 */
#ifndef CLI_EXPR_H
#define CLI_EXPR_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

/* Where the values come from. `reg` gets a canonical name: x0..x30, sp,
 * pc, cpsr, fpsr, fpcr or icount (the parser has checked it); `mem` reads
 * `size` bytes (1, 2, 4, 8) at a virtual address, false if it cannot. */
typedef struct CliExprEnv {
    uint64_t (*reg)(void *opaque, const char *name);
    bool (*mem)(void *opaque, uint64_t addr, unsigned size, uint64_t *value);
    void *opaque;
} CliExprEnv;

#define CLI_EXPR_ERROR (cli_expr_error_quark())
GQuark cli_expr_error_quark(void);
typedef enum CliExprError {
    CLI_EXPR_ERROR_SYNTAX,       /* the text is not an expression; the message says where */
    CLI_EXPR_ERROR_REGISTER,     /* a name that is no register */
    CLI_EXPR_ERROR_EVAL,         /* a load that failed, a division by zero */
} CliExprError;

typedef struct CliExpr CliExpr;

/* NULL with *err (one line, naming the column) if `text` is not an
 * expression of the grammar above. */
CliExpr *cli_expr_parse(const char *text, GError **err) __attribute__((warn_unused_result));
void cli_expr_free(CliExpr *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CliExpr, cli_expr_free)

/* The expression's text, as parsed. */
const char *cli_expr_text(const CliExpr *e);

/* The value; false with *err for a load that fails or a division by zero. */
bool cli_expr_eval(const CliExpr *e, const CliExprEnv *env, uint64_t *value, GError **err)
    __attribute__((warn_unused_result));

/* Why the expression is false (g_free): the values seen, e.g.
 * "x0 = 0x29, expected == 0x2a" for `x0 == 0x2a`, the false side of an
 * &&, both sides of an ||, with the registers and memory an operand is made
 * of in parentheses. The icount is shown in decimal, the rest in hex. */
char *cli_expr_explain(const CliExpr *e, const CliExprEnv *env);

#endif
