/* tests/emu/testelf.c — see testelf.h. */
#include "tests/emu/testelf.h"

#include <criterion/criterion.h>
#include <elf.h>
#include <glib.h>
#include <string.h>

char *testelf_write(const char *dir, const char *name, uint16_t machine, uint64_t paddr,
                    const void *payload, size_t len, size_t bss)
{
    Elf64_Ehdr eh = { 0 };
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = machine;
    eh.e_version = EV_CURRENT;
    eh.e_entry = paddr;
    eh.e_phoff = sizeof eh;
    eh.e_ehsize = sizeof eh;
    eh.e_phentsize = sizeof(Elf64_Phdr);
    eh.e_phnum = 1;
    Elf64_Phdr ph = {
        .p_type = PT_LOAD, .p_offset = sizeof eh + sizeof ph, .p_vaddr = paddr,
        .p_paddr = paddr, .p_filesz = len, .p_memsz = len + bss, .p_flags = PF_R | PF_X,
    };
    GByteArray *b = g_byte_array_new();
    g_byte_array_append(b, (const guint8 *)&eh, sizeof eh);
    g_byte_array_append(b, (const guint8 *)&ph, sizeof ph);
    g_byte_array_append(b, payload, (guint)len);
    char *path = g_build_filename(dir, name, NULL);
    cr_assert(g_file_set_contents(path, (const char *)b->data, b->len, NULL));
    g_byte_array_unref(b);
    return path;
}
