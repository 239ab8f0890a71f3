/* emu/loader.c — ELF loading through libelf. */
#include "emu/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <string.h>
#include <unistd.h>

#include "emu/errors.h"

/* The virt board's flash banks: 0x0-0x08000000. */
#define FLASH_END 0x08000000ull

#ifndef EM_AARCH64
#define EM_AARCH64 183
#endif

static bool load_segments(EmuMem *mem, const char *path, Elf *elf, EmuImageInfo *info,
                          GError **err)
{
    GElf_Ehdr eh;
    if (!gelf_getehdr(elf, &eh)) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT, "%s: unreadable ELF header: %s",
                    path, elf_errmsg(-1));
        return false;
    }
    if (gelf_getclass(elf) != ELFCLASS64 || eh.e_machine != EM_AARCH64) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_MACHINE,
                    "%s: not an AArch64 program (ELF class %d, machine %u; need ELFCLASS64, "
                    "EM_AARCH64 = 183): build it with aarch64-linux-gnu-gcc",
                    path, gelf_getclass(elf) == ELFCLASS64 ? 64 : 32, eh.e_machine);
        return false;
    }
    if (eh.e_ident[EI_DATA] != ELFDATA2LSB) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_MACHINE,
                    "%s: big-endian AArch64 is not supported; build a little-endian program", path);
        return false;
    }
    if (eh.e_type != ET_EXEC) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT,
                    "%s: ELF type %u is not an executable (ET_EXEC); link it with a fixed "
                    "address (no -shared, no -pie)", path, eh.e_type);
        return false;
    }
    size_t nph;
    if (elf_getphdrnum(elf, &nph) != 0) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT, "%s: unreadable program headers: %s",
                    path, elf_errmsg(-1));
        return false;
    }
    uint64_t ram_lo = emu_mem_ram_base(mem), ram_hi = ram_lo + emu_mem_ram_size(mem);
    size_t file_size;
    char *file = elf_rawfile(elf, &file_size);
    info->entry = eh.e_entry;
    info->warning = NULL;
    info->low = UINT64_MAX;
    info->high = 0;
    unsigned loaded = 0;
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, (int)i, &ph)) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT, "%s: program header %zu unreadable",
                        path, i);
            return false;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        uint64_t lo = ph.p_paddr, hi = ph.p_paddr + ph.p_memsz;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset > file_size ||
            ph.p_filesz > file_size - ph.p_offset || hi < lo) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT,
                        "%s: segment %zu is damaged (file offset 0x%" G_GINT64_MODIFIER "x, "
                        "size 0x%" G_GINT64_MODIFIER "x, file is 0x%zx bytes)",
                        path, i, ph.p_offset, ph.p_filesz, file_size);
            return false;
        }
        bool flash_window = hi <= FLASH_END;
        if ((hi <= ram_lo || lo >= ram_hi) && flash_window && !(ph.p_flags & (PF_X | PF_W))) {
            /* QEMU loads this into the board's flash, which rewind does not
             * model; it is read-only data no program needs (linkers put
             * .note.gnu.build-id there when .text is placed with -Ttext). */
            if (!info->warning)
                info->warning = g_strdup_printf(
                    "%s: read-only segment %zu at 0x%" G_GINT64_MODIFIER "x-0x%"
                    G_GINT64_MODIFIER "x is in the flash window, which rewind does not "
                    "emulate; ignored", path, i, lo, hi);
            continue;
        }
        if (hi <= ram_lo || lo >= ram_hi) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_MACHINE,
                        "%s: segment %zu at 0x%" G_GINT64_MODIFIER "x-0x%" G_GINT64_MODIFIER
                        "x is outside RAM (0x%" G_GINT64_MODIFIER "x-0x%" G_GINT64_MODIFIER
                        "x); link the program for RAM at 0x40000000 or give more memory with -m",
                        path, i, lo, hi, ram_lo, ram_hi);
            return false;
        }
        /* A segment reaching outside RAM is clipped, as QEMU drops writes
         * to unassigned addresses: linkers put the ELF headers below .text
         * (ld -Ttext=0x40000000 starts the segment at 0x3fff0000). */
        uint64_t clo = MAX(lo, ram_lo), chi = MIN(hi, ram_hi);
        uint64_t file_end = lo + ph.p_filesz;
        if (clo < file_end) {
            uint64_t n = MIN(chi, file_end) - clo;
            if (!emu_mem_write_phys(mem, clo, file + ph.p_offset + (clo - lo), n))
                g_assert_not_reached();   /* clipped to RAM above */
        }
        for (uint64_t a = MAX(clo, file_end); a < chi;) {
            static const uint8_t zero_block[4096];
            size_t n = MIN(chi - a, sizeof zero_block);
            if (!emu_mem_write_phys(mem, a, zero_block, n))
                g_assert_not_reached();
            a += n;
        }
        lo = clo;
        hi = chi;
        info->low = MIN(info->low, lo);
        info->high = MAX(info->high, hi);
        loaded++;
    }
    if (!loaded) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT, "%s: no loadable segment", path);
        return false;
    }
    if (info->entry < ram_lo || info->entry >= ram_hi) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_MACHINE,
                    "%s: entry point 0x%" G_GINT64_MODIFIER "x is outside RAM (0x%"
                    G_GINT64_MODIFIER "x-0x%" G_GINT64_MODIFIER "x)", path, info->entry, ram_lo,
                    ram_hi);
        return false;
    }
    return true;
}

bool emu_load_elf(EmuMem *mem, const char *path, EmuImageInfo *info, GError **err)
{
    info->warning = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_IO, "%s: %s", path, g_strerror(errno));
        return false;
    }
    elf_version(EV_CURRENT);
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    bool ok = false;
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_FORMAT,
                    "%s: not an ELF file; rewind runs AArch64 ELF executables", path);
    } else {
        ok = load_segments(mem, path, elf, info, err);
    }
    if (elf)
        elf_end(elf);
    close(fd);
    if (!ok)
        g_clear_pointer(&info->warning, g_free);
    return ok;
}
