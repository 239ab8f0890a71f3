# cli/: main, option parsing, commands. main.c is the program, the rest a library.
LIB_SRCS += $(filter-out cli/main.c,$(wildcard cli/*.c))
