/* cli/disas.h — AArch64 disassembly for people, through capstone: one
 * instruction's text, and listing lines labelled with the program's
 * symbols, as the command table's `disas` and `x/i` print them:
 *
 *      0x40000200 <tick>:      adrp    x2, #0x40003000
 *   => 0x40000204 <tick+4>:    ldr     w1, [x2, #0xe30]
 *      0x4000011c <main+156>:  bl      #0x40000200 <tick>
 *
 * Branch, adr/adrp and literal-load targets get their symbol too. A word
 * that is not an instruction reads ".inst 0x%08x (undefined)".
 */
#ifndef CLI_DISAS_H
#define CLI_DISAS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli/symbols.h"

typedef struct CliDisas CliDisas;

/* `syms` (may be NULL: addresses only) stays the caller's and must outlive
 * the disassembler. Returns NULL with *err set if capstone cannot open an
 * AArch64 disassembler. */
CliDisas *cli_disas_new(const CliSymbols *syms, GError **err) __attribute__((warn_unused_result));
void cli_disas_free(CliDisas *d);

/* Append the text of the instruction word `insn` at `addr` to `out`
 * ("mnemonic operands", no newline). False if it is not an instruction
 * (the ".inst" text is appended then). */
bool cli_disas_insn(CliDisas *d, uint64_t addr, uint32_t insn, GString *out);

/* Append one listing line: "=> " if `current` (else three spaces), the
 * address, its symbol, the instruction, a newline. */
void cli_disas_line(CliDisas *d, uint64_t addr, uint32_t insn, bool current, GString *out);

#endif
