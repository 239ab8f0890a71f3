# tests/diff/: differential test of rewind against qemu-system-aarch64 on
# random instruction blocks. `difftool gen` writes a guest, `difftool cmp`
# compares two UART dumps, run-diff.sh drives both emulators.
#
#   make diff-check   8,500 blocks: each class alone, then all mixed
#   make diff-long    1,000,000 blocks: 1,000 images of 1,000 blocks of
#                     8, 16 or 32 instructions
#   tests/diff/run-diff.sh SEED:CLASSES:BLOCKS ...   any other run
# Both end with "diff: N passed, M failed" (blocks).

DIFF_SRCS := tests/diff/gen.c tests/diff/cmp.c
DIFF_OBJS := $(DIFF_SRCS:%.c=$(BUILD)/obj/%.o)
DIFFTOOL  := $(BUILD)/tests/diff/difftool
DIFF_RUN   = DIFFTOOL=$(DIFFTOOL) REWIND=$(BUILD)/rewind CROSS=$(CROSS) \
             tests/diff/run-diff.sh -w $(BUILD)/tests/diff/work -t 120

$(DIFFTOOL): $(DIFF_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

DIFF_CHECK_SPECS := 1:dpimm:1000 2:dpreg:1000 3:ldst:1000 4:branch:1000 \
                    5:fp:1000 6:simd:1000 8:sys:500 7:all:2000
DIFF_LONG_CLASSES := dpimm dpreg ldst branch fp simd sys all

.PHONY: difftool diff-check diff-long diff-selftest
difftool: $(DIFFTOOL)

# The self-test first: a comparison that cannot fail would pass vacuously.
diff-check: $(DIFFTOOL) $(BUILD)/rewind diff-selftest
	$(DIFF_RUN) -K $(DIFF_CHECK_SPECS)

# Seeds 1000..1999, classes in turn, blocks of 16, 8 and 32 instructions in
# turn across the class cycles; two failing blocks shown per image.
diff-long: $(DIFFTOOL) $(BUILD)/rewind
	$(DIFF_RUN) -q 2 -l 1 $$(for s in $$(seq 1000 1999); do \
	    set -- $(DIFF_LONG_CLASSES); n=$$#; shift $$((s % n)); c=$$1; \
	    set -- 16 8 32; shift $$((s / n % 3)); \
	    echo "$$s:$$c:1000:0:$$1"; done)

# The tool against itself: QEMU twice must pass, a corrupted dump must fail.
# Quiet, so that the only "diff:" line of diff-check is its own.
DIFF_SELFTEST_LOG = $(BUILD)/tests/diff/selftest.log
diff-selftest: $(DIFFTOOL)
	@mkdir -p $(BUILD)/tests/diff
	@$(DIFF_RUN) -B qemu 11:all:300 >$(DIFF_SELFTEST_LOG) 2>&1; \
	 grep -q '^diff: 300 passed, 0 failed$$' $(DIFF_SELFTEST_LOG) || \
	     { cat $(DIFF_SELFTEST_LOG); echo "diff-selftest: QEMU against itself differs"; exit 1; }
	@! $(DIFF_RUN) -B corrupt 12:all:300 >$(DIFF_SELFTEST_LOG) 2>&1 && \
	 grep -q '^diff: 299 passed, 1 failed$$' $(DIFF_SELFTEST_LOG) || \
	     { cat $(DIFF_SELFTEST_LOG); echo "diff-selftest: a corrupted dump was not caught"; exit 1; }
	@echo "diff-selftest: ok (QEMU against itself: 300 blocks equal; one corrupted byte caught)"
