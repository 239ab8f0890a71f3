# tests/replay/: record and replay end to end (run-rr.sh), on guest
# programs of tests/guest/. The unit tests of replay/ are in this folder
# too and build with the others (tests/tests.mk).
RR_GUESTS := echo-O2-uart irq-O2-uart sched-O2-uart rtc-O2-uart loop-O2-uart

.PHONY: rr-check
rr-check: $(BUILD)/rewind $(RR_GUESTS:%=$(GUEST_OUT)/%.elf)
	tests/replay/run-rr.sh $(BUILD)/rewind $(GUEST_OUT)
