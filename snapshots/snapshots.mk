# snapshots/: machine-state serialization, copy-on-write pages, qcow2.
LIB_SRCS += $(wildcard snapshots/*.c)
