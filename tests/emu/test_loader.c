/* tests/emu/test_loader.c — ELF loading and its errors. */
#include <criterion/criterion.h>
#include <elf.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "emu/errors.h"
#include "emu/loader.h"
#include "tests/emu/testelf.h"

static EmuMem *mem;
static char *dir;

static void setup(void)
{
    mem = emu_mem_new(0x40000000, 1 << 20);
    dir = g_dir_make_tmp("rewind-loader-XXXXXX", NULL);
}

static void teardown(void)
{
    emu_mem_free(mem);
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(dir);
}

TestSuite(loader, .init = setup, .fini = teardown, .timeout = 10);

static char *write_elf(const char *name, uint16_t machine, uint64_t paddr,
                       const void *payload, size_t len, size_t bss)
{
    return testelf_write(dir, name, machine, paddr, payload, len, bss);
}

Test(loader, loads_segment_and_zeroes_bss)
{
    uint32_t code[2] = { 0xd503201f, 0x14000000 };
    uint8_t junk[16];
    memset(junk, 0xaa, sizeof junk);
    cr_assert(emu_mem_write_phys(mem, 0x40001008, junk, sizeof junk));
    g_autofree char *p = write_elf("ok.elf", EM_AARCH64, 0x40001000, code, sizeof code, 16);
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert(emu_load_elf(mem, p, &info, &err));
    cr_assert_eq(info.entry, 0x40001000);
    cr_assert_eq(info.low, 0x40001000);
    cr_assert_eq(info.high, 0x40001018);
    uint32_t back[2];
    cr_assert(emu_mem_read_phys(mem, 0x40001000, back, sizeof back));
    cr_assert_eq(back[0], code[0]);
    cr_assert_eq(back[1], code[1]);
    uint8_t bss[16];
    cr_assert(emu_mem_read_phys(mem, 0x40001008, bss, sizeof bss));
    for (unsigned i = 0; i < 16; i++)
        cr_assert_eq(bss[i], 0);
}

Test(loader, missing_file_names_the_file)
{
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert_not(emu_load_elf(mem, "/nonexistent/prog.elf", &info, &err));
    cr_assert_eq(err->code, EMU_ERROR_IO);
    cr_assert(strstr(err->message, "/nonexistent/prog.elf") != NULL);
    g_error_free(err);
}

Test(loader, not_an_elf_is_refused)
{
    g_autofree char *p = g_build_filename(dir, "text.elf", NULL);
    cr_assert(g_file_set_contents(p, "hello, not an ELF\n", -1, NULL));
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert_not(emu_load_elf(mem, p, &info, &err));
    cr_assert_eq(err->code, EMU_ERROR_FORMAT);
    cr_assert(strstr(err->message, "not an ELF") != NULL);
    g_error_free(err);
}

Test(loader, wrong_machine_is_refused)
{
    uint32_t code = 0;
    g_autofree char *p = write_elf("x86.elf", EM_X86_64, 0x40000000, &code, 4, 0);
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert_not(emu_load_elf(mem, p, &info, &err));
    cr_assert_eq(err->code, EMU_ERROR_MACHINE);
    cr_assert(strstr(err->message, "not an AArch64 program") != NULL);
    g_error_free(err);
}

Test(loader, segment_outside_ram_is_refused)
{
    uint32_t code = 0;
    g_autofree char *p = write_elf("low.elf", EM_AARCH64, 0x1000, &code, 4, 0);
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert_not(emu_load_elf(mem, p, &info, &err));
    cr_assert_eq(err->code, EMU_ERROR_MACHINE);
    cr_assert(strstr(err->message, "outside RAM") != NULL);
    g_error_free(err);
}

Test(loader, segment_reaching_past_ram_is_clipped)
{
    uint32_t code[2] = { 0x11111111, 0x22222222 };
    g_autofree char *p = write_elf("big.elf", EM_AARCH64, 0x400ffffc, code, 8, 0x2000);
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert(emu_load_elf(mem, p, &info, &err));
    uint32_t w;
    cr_assert(emu_mem_read_phys(mem, 0x400ffffc, &w, 4));
    cr_assert_eq(w, 0x11111111);
    cr_assert_eq(info.high, 0x40100000);
}

Test(loader, entry_outside_ram_is_refused)
{
    uint32_t code[2] = { 0, 0 };
    /* The segment starts below RAM; so does the entry point. */
    g_autofree char *p = write_elf("below.elf", EM_AARCH64, 0x3ffffffc, code, 8, 0);
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert_not(emu_load_elf(mem, p, &info, &err));
    cr_assert(strstr(err->message, "entry point 0x3ffffffc is outside RAM") != NULL,
              "%s", err->message);
    g_error_free(err);
}

Test(loader, truncated_file_is_refused)
{
    uint32_t code[64] = { 0 };
    g_autofree char *p = write_elf("trunc.elf", EM_AARCH64, 0x40000000, code, sizeof code, 0);
    gchar *data;
    gsize len;
    cr_assert(g_file_get_contents(p, &data, &len, NULL));
    cr_assert(g_file_set_contents(p, data, (gssize)(len - 100), NULL));
    g_free(data);
    EmuImageInfo info;
    GError *err = NULL;
    cr_assert_not(emu_load_elf(mem, p, &info, &err));
    cr_assert(strstr(err->message, "damaged") != NULL, "%s", err->message);
    g_error_free(err);
}

Test(loader, read_only_segment_in_flash_window_is_ignored_with_warning)
{
    uint32_t note[4] = { 4, 16, 3, 0x554e47 };
    g_autofree char *p = write_elf("note.elf", EM_AARCH64, 0x4000e8, note, sizeof note, 0);
    /* Mark the segment read-only (the writer makes it R+X). */
    gchar *data;
    gsize len;
    cr_assert(g_file_get_contents(p, &data, &len, NULL));
    Elf64_Phdr *ph = (Elf64_Phdr *)(data + sizeof(Elf64_Ehdr));
    ph->p_flags = PF_R;
    ((Elf64_Ehdr *)data)->e_entry = 0x40000000;
    cr_assert(g_file_set_contents(p, data, (gssize)len, NULL));
    g_free(data);
    EmuImageInfo info;
    GError *err = NULL;
    /* Only that segment: nothing loadable remains. */
    cr_assert_not(emu_load_elf(mem, p, &info, &err));
    cr_assert(strstr(err->message, "no loadable segment") != NULL, "%s", err->message);
    cr_assert_null(info.warning);
    g_error_free(err);
}
