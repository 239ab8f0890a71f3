/* tests/guest/io_uart.c — stdin/stdout/stderr on the PL011 at 0x09000000
 * (polled, no interrupts); _exit powers off through PSCI. */
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"

#define UART_BASE 0x09000000ul
#define UARTDR    0x000
#define UARTFR    0x018
#define UARTCR    0x030
#define FR_RXFE   (1u << 4)
#define FR_TXFF   (1u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE    (1u << 8)
#define CR_RXE    (1u << 9)

static inline volatile uint32_t *reg(unsigned off)
{
    return (volatile uint32_t *)(UART_BASE + off);
}

void guest_uart_putc(int c)
{
    while (*reg(UARTFR) & FR_TXFF)
        ;
    *reg(UARTDR) = (uint8_t)c;
}

int guest_uart_getc(void)
{
    while (*reg(UARTFR) & FR_RXFE)
        ;
    return *reg(UARTDR) & 0xff;
}

static int put(char c, FILE *f)
{
    (void)f;
    guest_uart_putc((unsigned char)c);
    return (unsigned char)c;
}

static int get(FILE *f)
{
    (void)f;
    return guest_uart_getc();
}

static FILE uart_file = FDEV_SETUP_STREAM(put, get, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &uart_file;
FILE *const stdout = &uart_file;
FILE *const stderr = &uart_file;

__attribute__((constructor)) static void uart_init(void)
{
    *reg(UARTCR) = CR_UARTEN | CR_TXE | CR_RXE;
}

void _exit(int status)
{
    (void)status;
    guest_poweroff();
}
