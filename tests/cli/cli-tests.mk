# tests/cli/: the command line end to end. The Criterion suites here
# (test_*.c) join tests/unit through tests/tests.mk; this fragment adds
# bundle-check to make check.
#
# bundle-check (run-bundle.sh): the serial echo guest recorded, bundled
# twice to the same bytes, listed and extracted by GNU tar, replayed from
# the tar in another directory with its ELF deleted (same output, icount
# and final state hash as the directory's replay); a tampered and a
# truncated bundle refused, a changed program not bundled.
.PHONY: bundle-check
bundle-check: $(BUILD)/rewind $(GUEST_OUT)/echo-O2-uart.elf
	tests/cli/run-bundle.sh $(BUILD)/rewind $(GUEST_OUT)

check-run: bundle-check
