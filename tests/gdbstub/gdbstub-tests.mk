# tests/gdbstub/: the gdb stub. The Criterion suites here (test_*.c) join
# tests/unit through tests/tests.mk; this fragment adds the fuzz target of
# the packet framing, which tests/tests.mk keeps out of tests/unit.
#
#   make fuzz-packet                       libFuzzer for FUZZ_PACKET_TIME s (60)
#   make fuzz-packet FUZZ_PACKET_TIME=600  longer
#
# Built with clang's libFuzzer (-fsanitize=fuzzer,address,undefined; Debian
# packages clang and libclang-rt-dev). The corpus it grows is kept in
# $(BUILD)/tests/gdbstub/corpus and taken up again by the next run; a
# failing input is written next to it as crash-* and fails the target.

FUZZ_CC          ?= clang
FUZZ_PACKET      := $(BUILD)/tests/gdbstub/fuzz-packet
FUZZ_PACKET_TIME ?= 60
FUZZ_PACKET_DIR  := $(BUILD)/tests/gdbstub
FUZZ_SAN         := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                    -fno-omit-frame-pointer

$(FUZZ_PACKET): tests/gdbstub/fuzz_packet.c gdbstub/packet.c gdbstub/packet.h
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=gnu11 $(WARN) -O1 -g -I. $(shell pkg-config --cflags glib-2.0) $(FUZZ_SAN) \
	    -o $@ tests/gdbstub/fuzz_packet.c gdbstub/packet.c $(shell pkg-config --libs glib-2.0)

.PHONY: fuzz-packet
fuzz-packet: $(FUZZ_PACKET)
	@mkdir -p $(FUZZ_PACKET_DIR)/corpus
	$(FUZZ_PACKET) -max_total_time=$(FUZZ_PACKET_TIME) -max_len=4096 -print_final_stats=1 \
	    -dict=tests/gdbstub/fuzz_packet.dict -artifact_prefix=$(FUZZ_PACKET_DIR)/ \
	    $(FUZZ_PACKET_DIR)/corpus

# gdb-multiarch against `rewind replay -gdb` on a recording of the
# planted-bug guest (run-gdb.sh): breakpoints both ways, stepi and
# reverse-stepi, a reverse watchpoint from the end of the recording,
# reverse-finish and reverse-next, monitor commands, a second gdb after a
# detach.
.PHONY: gdb-check
gdb-check: $(BUILD)/rewind $(GUEST_OUT)/planted-O2-uart.elf $(GUEST_OUT)/echo-O2-uart.elf
	tests/gdbstub/run-gdb.sh $(BUILD)/rewind $(GUEST_OUT)
