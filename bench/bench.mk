# bench/: rewind against QEMU, same guest, one run.
.PHONY: bench-run
bench-run: all
