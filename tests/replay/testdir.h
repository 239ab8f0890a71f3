/* tests/replay/testdir.h — a fresh temporary directory for a test, and its
 * removal with everything in it. */
#ifndef TESTS_REPLAY_TESTDIR_H
#define TESTS_REPLAY_TESTDIR_H

/* A new directory under the system's temporary directory, named from
 * `tmpl` (ending in XXXXXX); asserts on failure. g_free it through
 * testdir_remove. */
char *testdir_new(const char *tmpl);
/* Remove `dir` with its files (no subdirectories) and free the string. */
void testdir_remove(char *dir);

#endif
