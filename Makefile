# rewind — one GNU Makefile; each folder adds its sources in its own fragment.
#
#   make demo        install missing Debian packages, build, run the demo
#   make check       install missing Debian packages, build, run every test
#   make check-long  the long differential runs
#   make bench       rewind against QEMU on the same guests
#   make             build build/rewind only (packages must be present)

BUILD   := build
CC      ?= gcc
CROSS   ?= aarch64-linux-gnu-
PKGS    := glib-2.0 capstone libelf readline slirp

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lfdt -lm
CRIT_CFLAGS = $(shell pkg-config --cflags criterion)
CRIT_LIBS   = $(shell pkg-config --libs criterion)

WARN     := -Wall -Wextra -Werror -Wno-unused-parameter
CFLAGS   ?= -O2 -g
# The emulated FPU rounds every operation itself: no contraction of a * b + c
# into a fused multiply-add where the host has one (emu/fpu.c's FMA clones).
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) -ffp-contract=off -I. $(PKG_CFLAGS) -MMD -MP
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRCS :=
include emu/emu.mk
include replay/replay.mk
include snapshots/snapshots.mk
include gdbstub/gdbstub.mk
include cli/cli.mk
include tests/tests.mk
include bench/bench.mk

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
ASAN_OBJS := $(LIB_SRCS:%.c=$(BUILD)/asan/%.o)

.DEFAULT_GOAL := all
.PHONY: all deps demo check check-long bench clean
all: $(BUILD)/rewind

deps:
	@build-aux/install-deps

# demo and check install packages first, then build in a fresh make so that
# pkg-config sees what was just installed. Builds use every host CPU.
NPROC := $(shell nproc 2>/dev/null || echo 2)
demo: deps
	@$(MAKE) --no-print-directory -j$(NPROC) demo-run
check: deps
	@$(MAKE) --no-print-directory -j$(NPROC) check-run
check-long: deps
	@$(MAKE) --no-print-directory -j$(NPROC) check-long-run
bench: deps
	@$(MAKE) --no-print-directory -j$(NPROC) all $(BENCH_ELFS) $(BENCH_TRAVEL)
	@$(MAKE) --no-print-directory bench-run

$(BUILD)/librewind.a: $(LIB_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^
$(BUILD)/asan/librewind.a: $(ASAN_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(BUILD)/rewind: $(BUILD)/obj/cli/main.o $(BUILD)/librewind.a
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(BUILD)/asan/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

# The demo: record a ledger with an input-dependent bug under a script,
# bundle and replay it, and find the guilty store going backwards with a
# script and with gdb (build-aux/demo.sh).
DEMO_ELF = $(GUEST_OUT)/ledger-O2-uart.elf
.PHONY: demo-run
demo-run: all $(DEMO_ELF)
	@build-aux/demo.sh $(BUILD)/rewind $(GUEST_OUT)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
