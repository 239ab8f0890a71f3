/* tests/replay/testdir.c — see testdir.h. */
#include "tests/replay/testdir.h"

#include <criterion/criterion.h>
#include <glib.h>
#include <glib/gstdio.h>

char *testdir_new(const char *tmpl)
{
    GError *err = NULL;
    char *dir = g_dir_make_tmp(tmpl, &err);
    cr_assert_not_null(dir, "%s", err ? err->message : "");
    return dir;
}

void testdir_remove(char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
    g_free(dir);
}
