# emu/: the AArch64 CPU, guest memory, the virt board and its devices, loaders.
LIB_SRCS += $(wildcard emu/*.c)
