/* emu/fdt.h — the flattened device tree describing the virt board, built
 * with libfdt for the guest (Linux reads it; bare-metal programs may). */
#ifndef EMU_FDT_H
#define EMU_FDT_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct EmuFdtConfig {
    uint64_t ram_base, ram_size;
    uint64_t uart_base;
    unsigned uart_spi;            /* GIC SPI number of the UART */
    uint64_t rtc_base;            /* 0: no RTC */
    unsigned rtc_spi;
    const char *bootargs;         /* NULL: no bootargs property */
    uint64_t initrd_start, initrd_end;   /* both 0: no initrd */
    /* /chosen's rng-seed (32 bytes) and kaslr-seed (8), as QEMU gives
     * them; NULL: neither. */
    const uint8_t *seeds;
} EmuFdtConfig;
#define EMU_FDT_SEED_BYTES 40

/* A newly allocated DTB (g_free it); *size is its total size. */
void *emu_fdt_build(const EmuFdtConfig *cfg, size_t *size);

#endif
