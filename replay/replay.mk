# replay/: icount clock, record/replay, event log, time-travel engine.
LIB_SRCS += $(wildcard replay/*.c)
