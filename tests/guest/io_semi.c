/* tests/guest/io_semi.c — the semihosting console: picolibc's
 * --oslib=semihost provides stdio and _exit (SYS_EXIT with the status).
 * The raw UART helpers still work for programs that want both. */
#include "guest.h"

#define UART_BASE 0x09000000ul

void guest_uart_putc(int c)
{
    volatile uint32_t *r = (volatile uint32_t *)UART_BASE;
    while (r[0x18 / 4] & (1u << 5))
        ;
    r[0] = (uint8_t)c;
}

int guest_uart_getc(void)
{
    volatile uint32_t *r = (volatile uint32_t *)UART_BASE;
    while (r[0x18 / 4] & (1u << 4))
        ;
    return r[0] & 0xff;
}
