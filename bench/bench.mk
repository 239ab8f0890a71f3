# bench/: rewind against QEMU, same guest, one run each way.
#
# The guest is bench/bench.c, linked with the guest runtime of tests/guest/
# (start code, linker script, UART console) at -O2. run-rrlog.sh then
# compares recording logs: bench/ticks.c (timer ticks, WFI) and the
# serial-echo guest of tests/guest/ (echo-O2-uart.elf, from guest.mk).

BENCH_OUT := $(BUILD)/bench
BENCH_ELF := $(BENCH_OUT)/bench.elf

BENCH_TICKS_ELF := $(BENCH_OUT)/ticks.elf
BENCH_ECHO_ELF  := $(GUEST_OUT)/echo-O2-uart.elf
BENCH_ELFS      := $(BENCH_ELF) $(BENCH_TICKS_ELF) $(BENCH_ECHO_ELF)

$(BENCH_ELF): bench/bench.c $(GUEST_DEPS) $(GUEST_DIR)/io_uart.c bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) -O2 $(GUEST_CFLAGS) -o $@ bench/bench.c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_DIR)/io_uart.c $(GUEST_LDFLAGS)

$(BENCH_TICKS_ELF): bench/ticks.c $(GUEST_DEPS) $(GUEST_DIR)/io_uart.c bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) -O2 $(GUEST_CFLAGS) -o $@ bench/ticks.c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_DIR)/io_uart.c $(GUEST_LDFLAGS)

.PHONY: bench-run
bench-run: all $(BENCH_ELFS)
	bench/run-bench.sh $(BUILD)/rewind $(BENCH_ELF)
	bench/run-rrlog.sh $(BUILD)/rewind $(BENCH_TICKS_ELF) $(BENCH_ECHO_ELF)
