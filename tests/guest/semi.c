/* tests/guest/semi.c — Arm semihosting calls made directly (HLT #0xf000):
 * console output (SYS_WRITEC, SYS_WRITE0, SYS_WRITE to ":tt"), handles
 * (SYS_OPEN, SYS_ISTTY, SYS_FLEN, SYS_CLOSE, SYS_ERRNO), the extension
 * file ":semihosting-features", SYS_HEAPINFO, SYS_GET_CMDLINE, the clocks
 * (only their sanity is printed) and SYS_EXIT_EXTENDED with status 5.
 * Semihosting build only (run with -semihosting). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest.h"

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05, SYS_READ = 0x06, SYS_ISTTY = 0x09, SYS_SEEK = 0x0a,
    SYS_FLEN = 0x0c, SYS_CLOCK = 0x10, SYS_TIME = 0x11, SYS_ERRNO = 0x13,
    SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16, SYS_EXIT_EXTENDED = 0x20,
    SYS_ELAPSED = 0x30, SYS_TICKFREQ = 0x31,
};

static int64_t semihost(uint64_t op, const void *arg)
{
    register uint64_t x0 __asm__("x0") = op;
    register const void *x1 __asm__("x1") = arg;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return (int64_t)x0;
}

static int64_t sh_open(const char *name, uint64_t mode)
{
    uint64_t blk[3] = { (uint64_t)name, mode, strlen(name) };
    return semihost(SYS_OPEN, blk);
}

static unsigned fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s\n", #c); fails++; } } while (0)

int main(void)
{
    fflush(stdout);
    semihost(SYS_WRITEC, "W");
    semihost(SYS_WRITEC, "\n");
    semihost(SYS_WRITE0, "write0: hello\n");

    int64_t tt = sh_open(":tt", 4);             /* "w" */
    int64_t tin = sh_open(":tt", 0);            /* "r" */
    printf("open :tt w %s, r %s\n", tt >= 0 ? "ok" : "failed", tin >= 0 ? "ok" : "failed");
    fflush(stdout);
    static const char msg[] = "write: through a :tt handle\n";
    uint64_t wblk[3] = { (uint64_t)tt, (uint64_t)msg, sizeof msg - 1 };
    int64_t left = semihost(SYS_WRITE, wblk);
    printf("write left %" PRId64 "\n", left);
    uint64_t hblk[1] = { (uint64_t)tt };
    printf("istty %" PRId64 "\n", semihost(SYS_ISTTY, hblk));
    CHECK(left == 0);

    /* A file that does not exist: failure and an errno. */
    int64_t bad = sh_open("/nonexistent/semihosting/file", 0);
    int64_t err = semihost(SYS_ERRNO, NULL);
    printf("open missing file %" PRId64 " errno %" PRId64 "\n", bad, err);
    CHECK(bad == -1);

    /* The extension bytes: "SHFB" then feature bits (bit 0: EXIT_EXTENDED,
     * bit 1: stdout/stderr through ":tt" modes). */
    int64_t fh = sh_open(":semihosting-features", 0);
    if (fh >= 0) {
        uint64_t lblk[1] = { (uint64_t)fh };
        int64_t len = semihost(SYS_FLEN, lblk);
        unsigned char f[8] = { 0 };
        uint64_t rblk[3] = { (uint64_t)fh, (uint64_t)f, 5 };
        int64_t notread = semihost(SYS_READ, rblk);
        printf("features: len %" PRId64 " not read %" PRId64 " bytes %02x %02x %02x %02x %02x\n",
               len, notread, f[0], f[1], f[2], f[3], f[4]);
        uint64_t cblk[1] = { (uint64_t)fh };
        printf("close features %" PRId64 "\n", semihost(SYS_CLOSE, cblk));
    } else {
        printf("features: no such file\n");
    }

    uint64_t hi[4] = { 1, 2, 3, 4 };
    uint64_t hiptr = (uint64_t)hi;
    int64_t hr = semihost(SYS_HEAPINFO, &hiptr);
    printf("heapinfo %" PRId64 ": heap %#" PRIx64 "..%#" PRIx64 " stack %#" PRIx64 "..%#" PRIx64 "\n",
           hr, hi[0], hi[1], hi[2], hi[3]);

    char cmd[256];
    uint64_t cblk[2] = { (uint64_t)cmd, sizeof cmd };
    int64_t cr = semihost(SYS_GET_CMDLINE, cblk);
    /* The command line holds the program's path: print only its tail. */
    const char *base = cr == 0 ? strrchr(cmd, '/') : NULL;
    printf("cmdline %" PRId64 ": len %s tail %s\n", cr, cr == 0 ? "set" : "-",
           cr == 0 ? (base ? base + 1 : cmd) : "-");

    int64_t clk = semihost(SYS_CLOCK, NULL);
    int64_t t = semihost(SYS_TIME, NULL);
    uint64_t el = 0;
    int64_t er = semihost(SYS_ELAPSED, &el);
    int64_t freq = semihost(SYS_TICKFREQ, NULL);
    printf("clock >= 0 %d, time > 2020 %d, elapsed %" PRId64 ", tickfreq > 0 %d\n", clk >= 0,
           t > 1577836800, er, freq > 0);

    printf("semi: %s\n", fails ? "FAIL" : "ok");
    fflush(stdout);
    uint64_t xblk[2] = { 0x20026, 5 };          /* ADP_Stopped_ApplicationExit */
    semihost(SYS_EXIT_EXTENDED, xblk);
    return 1;
}
