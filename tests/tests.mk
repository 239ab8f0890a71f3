# tests/: Criterion unit tests mirroring the source folders, guest programs,
# differential tests against QEMU.
TEST_SRCS := $(wildcard tests/*/*.c)
TEST_SRCS := $(filter-out tests/guest/% tests/diff/% tests/gdbstub/fuzz_%,$(TEST_SRCS))
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/obj/%.o)
TEST_ASAN_OBJS := $(TEST_SRCS:%.c=$(BUILD)/asan/%.o)

$(TEST_OBJS) $(TEST_ASAN_OBJS): ALL_CFLAGS += $(CRIT_CFLAGS)

$(BUILD)/tests/unit: $(TEST_OBJS) $(BUILD)/librewind.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(CRIT_LIBS)
$(BUILD)/tests/unit-asan: $(TEST_ASAN_OBJS) $(BUILD)/asan/librewind.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS) $(CRIT_LIBS)

# Guest programs some unit tests run (tests/snapshots/), found through
# REWIND_GUEST_DIR.
UNIT_GUESTS := $(addprefix $(BUILD)/guest/,sched-O2-uart.elf irq-O2-uart.elf echo-O2-uart.elf \
                 rtc-O2-uart.elf loop-O2-semi.elf loop-O2-uart.elf planted-O2-uart.elf \
                 mmu-O2-uart.elf)
export REWIND_GUEST_DIR := $(BUILD)/guest

.PHONY: unit unit-asan check-run check-long-run
unit: $(BUILD)/tests/unit $(UNIT_GUESTS)
	$(BUILD)/tests/unit $(UNIT_ARGS)
# One job: Criterion's runner leaks 48 bytes of its own when it runs workers
# in parallel, which would fail the leak check for a reason not ours.
# A leak, overflow or undefined behaviour in a test fails the run.
unit-asan: $(BUILD)/tests/unit-asan $(UNIT_GUESTS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    $(BUILD)/tests/unit-asan --jobs 1 $(UNIT_ARGS)

# Guest and differential checks join once their fragments exist.
check-run: all unit unit-asan $(if $(wildcard tests/guest/guest.mk),guest-check) \
           $(if $(wildcard tests/diff/diff.mk),diff-check) \
           $(if $(wildcard tests/replay/replay-tests.mk),rr-check) \
           $(if $(wildcard tests/gdbstub/gdbstub-tests.mk),gdb-check)
check-long-run: all $(if $(wildcard tests/diff/diff.mk),diff-long) \
                $(if $(wildcard tests/gdbstub/gdbstub-tests.mk),fuzz-packet)

# Guest programs and differential tests bring their own fragments.
-include tests/guest/guest.mk
-include tests/diff/diff.mk
-include tests/replay/replay-tests.mk
-include tests/gdbstub/gdbstub-tests.mk
-include tests/cli/cli-tests.mk
