/* tests/replay/machinehash.h — a machine's state as tests compare it: the
 * CPU's state hash, and RAM's over every page that is not all zero (a page
 * written and later restored to zeros counts as never written). */
#ifndef TESTS_REPLAY_MACHINEHASH_H
#define TESTS_REPLAY_MACHINEHASH_H

#include "emu/machine.h"
#include "replay/statehash.h"

void machine_hash(EmuMachine *m, RrStateHash *h);
/* Two hashes equal (cpu, ram and pages). */
bool machine_hash_equal(const RrStateHash *a, const RrStateHash *b);

#endif
