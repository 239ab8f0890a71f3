/* cli/symbols.h — the guest program's symbols, read from its ELF symbol
 * table with libelf, for the command table: addresses shown as
 * "name+offset", names taken where an address is wanted, names listed for
 * completion.
 *
 *   CliSymbols *s = cli_symbols_load("planted.elf", &err);
 *   g_autofree char *where = cli_symbols_format(s, 0x40000090);   // "main+16"
 *   uint64_t addr, size;
 *   if (cli_symbols_lookup(s, "victim", &addr, &size)) ...
 *
 * The symbols kept are the functions, objects and plain labels defined in a
 * section of the program; not section or file symbols, absolute values,
 * thread-local variables, the Arm mapping symbols ($x, $d) or local labels
 * (.L...).
 */
#ifndef CLI_SYMBOLS_H
#define CLI_SYMBOLS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct CliSymbols CliSymbols;

/* Read the symbol table (.symtab, else .dynsym) of the ELF file `path`.
 * Returns NULL with *err set (G_FILE_ERROR) when the file does not open,
 * is not an ELF file, or has no symbol table (a stripped program); the
 * message names the file. */
CliSymbols *cli_symbols_load(const char *path, GError **err) __attribute__((warn_unused_result));
void cli_symbols_free(CliSymbols *s);

/* The symbol `addr` is in, and how far into it: a symbol with a size
 * covers [value, value + size); one without covers up to the next symbol
 * or the end of its section. Where several cover it, the one with a size,
 * global before weak before local, then the name with fewer leading
 * underscores wins (vfprintf before __d_vfprintf). *name is s's. False if
 * none covers `addr`. */
bool cli_symbols_find(const CliSymbols *s, uint64_t addr, const char **name, uint64_t *offset);

/* "name" or "name+offset" (decimal, as gdb writes it) for `addr`, or NULL
 * if no symbol covers it or `s` is NULL. g_free it. */
char *cli_symbols_format(const CliSymbols *s, uint64_t addr);

/* The address and size (0 if the symbol has none) of the symbol `name`,
 * the global one if several have that name. False if there is none. */
bool cli_symbols_lookup(const CliSymbols *s, const char *name, uint64_t *addr, uint64_t *size);

/* Every name once, sorted (strcmp), NULL-terminated; s's. */
const char *const *cli_symbols_names(const CliSymbols *s);

#endif
