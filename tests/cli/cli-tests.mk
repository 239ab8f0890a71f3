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

# repl-check and script-check: the prompt and --script end to end.
#
# script-check (run-script.sh): the serial echo guest recorded under a
# script (send, expect-output, assert) replays on its own to the same
# output, icount and state hash; replays under scripts: exit status 0, 5
# for a failed assert or expect-output, 6 for a wrong line, with FILE:LINE;
# a failed script's recording sealed; run --script leaves nothing in TMPDIR.
# repl-check (run-repl.sh): once, the readline prompt in a terminal (tmux):
# commands, Tab completion, Ctrl-C at the prompt and during a long seek,
# Ctrl-D, the history file.
.PHONY: script-check repl-check
script-check: $(BUILD)/rewind $(GUEST_OUT)/echo-O2-uart.elf
	tests/cli/run-script.sh $(BUILD)/rewind $(GUEST_OUT)
repl-check: $(BUILD)/rewind $(GUEST_OUT)/loop-O2-uart.elf
	tests/cli/run-repl.sh $(BUILD)/rewind $(GUEST_OUT)

check-run: script-check repl-check
