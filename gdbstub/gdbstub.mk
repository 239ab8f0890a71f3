# gdbstub/: gdb remote serial protocol.
LIB_SRCS += $(wildcard gdbstub/*.c)
