# bench/: rewind against QEMU, same guest, one run each way.
#
# The guest is bench/bench.c, linked with the guest runtime of tests/guest/
# (start code, linker script, UART console) at -O2. run-rrlog.sh then
# compares recording logs: bench/ticks.c (timer ticks, WFI) and the
# serial-echo guest of tests/guest/ (echo-O2-uart.elf, from guest.mk).
# Last, bench/travel.c (a host program on librewind.a) times the
# time-travel engine on two recordings: the loop guest of tests/guest/
# (about 1e8 instructions) and bench.elf (about 1e9). Then run-gdbbench.sh:
# one gdb-multiarch session of reverse debugging against rewind's replay and
# against QEMU's (rr=replay), on recordings of bench/gdbbench.c (about 1e8
# instructions, built at -Og for source-level stepping).

BENCH_OUT := $(BUILD)/bench
BENCH_ELF := $(BENCH_OUT)/bench.elf

BENCH_TICKS_ELF := $(BENCH_OUT)/ticks.elf
BENCH_ECHO_ELF  := $(GUEST_OUT)/echo-O2-uart.elf
BENCH_LOOP_ELF  := $(GUEST_OUT)/loop-O2-uart.elf
BENCH_GDB_ELF   := $(BENCH_OUT)/gdbbench.elf
BENCH_ELFS      := $(BENCH_ELF) $(BENCH_TICKS_ELF) $(BENCH_ECHO_ELF) $(BENCH_LOOP_ELF) \
                   $(BENCH_GDB_ELF)
BENCH_TRAVEL    := $(BENCH_OUT)/travel-bench

$(BENCH_ELF): bench/bench.c $(GUEST_DEPS) $(GUEST_DIR)/io_uart.c bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) -O2 $(GUEST_CFLAGS) -o $@ bench/bench.c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_DIR)/io_uart.c $(GUEST_LDFLAGS)

$(BENCH_TICKS_ELF): bench/ticks.c $(GUEST_DEPS) $(GUEST_DIR)/io_uart.c bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) -O2 $(GUEST_CFLAGS) -o $@ bench/ticks.c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_DIR)/io_uart.c $(GUEST_LDFLAGS)

$(BENCH_GDB_ELF): bench/gdbbench.c $(GUEST_DEPS) $(GUEST_DIR)/io_uart.c bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) -Og $(GUEST_CFLAGS) -o $@ bench/gdbbench.c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_DIR)/io_uart.c $(GUEST_LDFLAGS)

$(BENCH_TRAVEL): $(BUILD)/obj/bench/travel.o $(BUILD)/librewind.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

.PHONY: bench-run
bench-run: all $(BENCH_ELFS) $(BENCH_TRAVEL)
	bench/run-bench.sh $(BUILD)/rewind $(BENCH_ELF)
	bench/run-rrlog.sh $(BUILD)/rewind $(BENCH_TICKS_ELF) $(BENCH_ECHO_ELF)
	$(BENCH_TRAVEL) $(BENCH_LOOP_ELF)
	$(BENCH_TRAVEL) $(BENCH_ELF)
	bench/run-gdbbench.sh $(BUILD)/rewind $(BENCH_GDB_ELF)
