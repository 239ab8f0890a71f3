/* tests/emu/test_psci.c — PSCI function IDs and results. */
#include <criterion/criterion.h>

#include "emu/psci.h"
#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(psci, .init = setup, .fini = teardown, .timeout = 10);

static int64_t call(uint64_t fn, uint64_t a1, EmuPsciRequest *req, bool *handled)
{
    emu_cpu_set_x(h->cpu, 0, fn);
    emu_cpu_set_x(h->cpu, 1, a1);
    *handled = emu_psci_call(h->cpu, req);
    return (int64_t)emu_cpu_x(h->cpu, 0);
}

Test(psci, version_is_1_1)
{
    EmuPsciRequest req;
    bool handled;
    cr_assert_eq(call(0x84000000, 0, &req, &handled), 0x10001);
    cr_assert(handled);
    cr_assert_eq(req, EMU_PSCI_NONE);
}

Test(psci, system_off_and_reset_are_requests)
{
    EmuPsciRequest req;
    bool handled;
    call(0x84000008, 0, &req, &handled);
    cr_assert_eq(req, EMU_PSCI_SYSTEM_OFF);
    call(0x84000009, 0, &req, &handled);
    cr_assert_eq(req, EMU_PSCI_SYSTEM_RESET);
}

Test(psci, cpu_on_of_the_only_cpu_is_already_on)
{
    EmuPsciRequest req;
    bool handled;
    cr_assert_eq(call(0xc4000003, 0, &req, &handled), -4);
    cr_assert_eq(call(0xc4000003, 1, &req, &handled), -2);
}

Test(psci, features_reports_supported_functions)
{
    EmuPsciRequest req;
    bool handled;
    cr_assert_eq(call(0x8400000a, 0x84000008, &req, &handled), 0);
    cr_assert_eq(call(0x8400000a, 0x8400000d, &req, &handled), -1);
}

Test(psci, unknown_psci_function_is_not_supported)
{
    EmuPsciRequest req;
    bool handled;
    cr_assert_eq(call(0x8400001f, 0, &req, &handled), -1);
    cr_assert(handled);
}

Test(psci, other_function_ids_are_not_psci)
{
    EmuPsciRequest req;
    bool handled;
    call(0x82000000, 0, &req, &handled);
    cr_assert_not(handled);
    call(0x184000000ull, 0, &req, &handled);
    cr_assert_not(handled);
}
