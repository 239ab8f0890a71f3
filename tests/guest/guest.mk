# tests/guest/: bare-metal AArch64 guest programs, built with the cross
# compiler and picolibc, run on QEMU and on rewind by run-guests.sh.
#
# Each program is built as $(BUILD)/guest/NAME-LEVEL-CONSOLE.elf:
# LEVEL an optimization level, CONSOLE `uart` (stdio on the PL011, PSCI
# SYSTEM_OFF at exit) or `semi` (picolibc's semihosting stdio, the exit
# status through SYS_EXIT; run with -semihosting).

GUEST_DIR    := tests/guest
GUEST_OUT    := $(BUILD)/guest
GUEST_CC     := $(CROSS)gcc
GUEST_CFLAGS := -g -Wall -Wextra -Werror -std=gnu11 --specs=picolibc.specs \
                -DPICOLIBC_DOUBLE_PRINTF_SCANF -I$(GUEST_DIR)
GUEST_LDFLAGS := -nostartfiles -T$(GUEST_DIR)/guest.ld -Wl,--no-warn-rwx-segments -lm
GUEST_DEPS   := $(GUEST_DIR)/start.S $(GUEST_DIR)/common.c $(GUEST_DIR)/guest.h \
                $(GUEST_DIR)/guest.ld $(GUEST_DIR)/guest.mk
GUEST_CONSOLE_uart := $(GUEST_DIR)/io_uart.c
GUEST_CONSOLE_semi := --oslib=semihost $(GUEST_DIR)/io_semi.c

# guest_elf NAME LEVEL CONSOLE: the rule for one build of one program.
define guest_elf
$(GUEST_OUT)/$(1)-$(2)-$(3).elf: $(GUEST_DIR)/$(1).c $(GUEST_DEPS) $(GUEST_DIR)/io_$(3).c
	@mkdir -p $$(@D)
	$(GUEST_CC) -$(2) $(GUEST_CFLAGS) $(GUEST_CFLAGS_$(1)) -o $$@ $(GUEST_DIR)/$(1).c $(GUEST_DIR)/start.S \
	    $(GUEST_DIR)/common.c $(GUEST_CONSOLE_$(3)) $(GUEST_LDFLAGS)
GUEST_ELFS += $(GUEST_OUT)/$(1)-$(2)-$(3).elf
endef

GUEST_ELFS :=
# Programs whose code generation matters: three levels on the UART, one
# level through semihosting.
$(foreach p,int fp str exc simd,\
  $(foreach o,O0 O2 O3,$(eval $(call guest_elf,$(p),$(o),uart)))\
  $(eval $(call guest_elf,$(p),O2,semi)))
# The long loop: one level each way (its instruction count is what counts).
$(eval $(call guest_elf,loop,O2,uart))
$(eval $(call guest_elf,loop,O2,semi))
# Translation tables and the MMU: O0 and O2.
$(eval $(call guest_elf,mmu,O0,uart))
$(eval $(call guest_elf,mmu,O2,uart))
# Interrupts: GICv2, the virtual timer, SGIs, the UART's receive
# interrupt (input irq.in).
$(eval $(call guest_elf,irq,O0,uart))
$(eval $(call guest_elf,irq,O2,uart))
# Load/store addressing forms in assembly: the code does not matter.
$(eval $(call guest_elf,ldst,O2,uart))
# A preemptive miniature kernel: EL0 tasks, timer, context switches.
$(eval $(call guest_elf,sched,O0,uart))
$(eval $(call guest_elf,sched,O2,uart))
# Semihosting calls made directly.
$(eval $(call guest_elf,semi,O2,semi))
# Exclusives, barriers, CRC32; atomics inline (no libgcc LSE probe, which
# needs getauxval).
GUEST_CFLAGS_sync := -mno-outline-atomics
$(eval $(call guest_elf,sync,O0,uart))
$(eval $(call guest_elf,sync,O2,uart))
# EL0 and exception returns.
$(eval $(call guest_elf,el0,O0,uart))
$(eval $(call guest_elf,el0,O2,uart))
# The demo's ledger (make demo): frame pointers for the backtrace.
GUEST_CFLAGS_ledger := -fno-omit-frame-pointer
$(eval $(call guest_elf,ledger,O2,uart))
# Identification registers: the code does not matter.
$(eval $(call guest_elf,id,O2,uart))
# A planted bug for reverse debugging (tests/replay/test_travel.c).
$(eval $(call guest_elf,planted,O2,uart))
# Serial input: UART only (its input is tests/guest/echo.in).
$(eval $(call guest_elf,echo,O0,uart))
$(eval $(call guest_elf,echo,O2,uart))
# The real-time clock: its output depends on the host's time, so QEMU's
# cannot match it; tests/replay/ records and replays it instead.
$(eval $(call guest_elf,rtc,O2,uart))
RR_ONLY_ELFS := $(GUEST_OUT)/rtc-O2-uart.elf
GUEST_ELFS := $(filter-out $(RR_ONLY_ELFS),$(GUEST_ELFS))

.PHONY: guests guest-check guest-qemu
guests: $(GUEST_ELFS)

# Every guest on QEMU and on rewind: same output, same exit status.
guest-check: $(BUILD)/rewind $(GUEST_ELFS)
	$(GUEST_DIR)/run-guests.sh --rewind $(BUILD)/rewind $(GUEST_ELFS)

# Every guest on QEMU alone (checks the guests themselves).
guest-qemu: $(GUEST_ELFS)
	$(GUEST_DIR)/run-guests.sh --qemu-only $(GUEST_ELFS)
