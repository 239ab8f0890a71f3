# bench/: rewind against QEMU, same guest, one run each way.
#
# The guest is bench/bench.c, linked with the guest runtime of tests/guest/
# (start code, linker script, UART console) at -O2.

BENCH_OUT := $(BUILD)/bench
BENCH_ELF := $(BENCH_OUT)/bench.elf

$(BENCH_ELF): bench/bench.c $(GUEST_DEPS) $(GUEST_DIR)/io_uart.c bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) -O2 $(GUEST_CFLAGS) -o $@ bench/bench.c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_DIR)/io_uart.c $(GUEST_LDFLAGS)

.PHONY: bench-run
bench-run: all $(BENCH_ELF)
	bench/run-bench.sh $(BUILD)/rewind $(BENCH_ELF)
