/* tests/guest/echo.c — serial input: reads the PL011 byte by byte (polling
 * the receive FIFO), and for every line (up to '\n', '\r' ignored) prints it
 * reversed and upper-cased, with its length and a running checksum. The line
 * "quit" ends the program; so does a line longer than the buffer. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

int main(void)
{
    char line[256];
    unsigned n = 0, lines = 0;
    uint64_t h = FNV_INIT;
    printf("echo: ready\n");
    for (;;) {
        int c = guest_uart_getc();
        if (c == '\r')
            continue;
        if (c != '\n' && n < sizeof line - 1) {
            line[n++] = (char)c;
            continue;
        }
        line[n] = 0;
        if (strcmp(line, "quit") == 0 || c != '\n')
            break;
        char out[256];
        for (unsigned i = 0; i < n; i++) {
            char ch = line[n - 1 - i];
            out[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
        }
        out[n] = 0;
        h = fnv1a(h, line, n);
        printf("%3u [%s] len %u hash %016" PRIx64 "\n", ++lines, out, n, h);
        n = 0;
    }
    printf("echo: %u lines\n", lines);
    printf("echo: ok\n");
    return 0;
}
