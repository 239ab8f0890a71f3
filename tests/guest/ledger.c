/* tests/guest/ledger.c — the demo's guest (make demo): a one-account
 * ledger driven by commands on the serial port, one per line:
 *   deposit N     add N cents
 *   withdraw N    take N cents, if there are that many
 *   interest      add a month's interest, 1%
 *   balance       print the balance
 *   quit          end
 * After every command the ledger checks that the balance is what the
 * commands so far add up to (kept apart, in 64 bits), and says BUG when it
 * is not. There is a bug: interest is computed in 32 bits, so it goes
 * wrong only for a balance over about 42.9 million cents, that is, only
 * for some inputs. Built with frame pointers for `bt`. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

volatile uint32_t balance;      /* cents: what `watch balance` looks at */
static uint64_t expected;       /* the same, kept right */

__attribute__((noinline)) static void apply_interest(void)
{
    uint32_t b = balance;
    balance = b * 101 / 100;    /* the bug: b * 101 overflows 32 bits */
    expected += expected / 100;
}

__attribute__((noinline)) static void run_command(const char *line)
{
    if (!strncmp(line, "deposit ", 8)) {
        uint32_t n = (uint32_t)strtoul(line + 8, NULL, 10);
        balance = balance + n;
        expected += n;
    } else if (!strncmp(line, "withdraw ", 9)) {
        uint32_t n = (uint32_t)strtoul(line + 9, NULL, 10);
        if (n <= balance) {
            balance = balance - n;
            expected -= n;
        } else {
            printf("ledger: refused, balance %" PRIu32 "\n", balance);
        }
    } else if (!strcmp(line, "interest")) {
        apply_interest();
    } else if (!strcmp(line, "balance")) {
        printf("ledger: balance %" PRIu32 "\n", balance);
    } else {
        printf("ledger: unknown command \"%s\"\n", line);
    }
    if (balance != expected)
        printf("ledger: BUG: balance %" PRIu32 ", should be %" PRIu64 "\n", balance, expected);
}

int main(void)
{
    char line[64];
    unsigned n = 0;
    printf("ledger: ready\n");
    for (;;) {
        int c = guest_uart_getc();
        if (c == '\r')
            continue;
        if (c != '\n') {
            if (n < sizeof line - 1)
                line[n++] = (char)c;
            continue;
        }
        line[n] = 0;
        n = 0;
        if (!strcmp(line, "quit"))
            break;
        run_command(line);
    }
    printf("ledger: ok\n");
    return 0;
}
