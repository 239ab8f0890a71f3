/* tests/guest/str.c — printf and strings: snprintf with every conversion,
 * flag, width and precision; picolibc's string and memory functions (its
 * AArch64 versions use SIMD and unaligned accesses) over many lengths and
 * source/destination alignments, each checked against a byte-by-byte
 * reference and hashed; conversions (strtol, strtoul, strtod, atoi) and
 * qsort/bsearch. */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"

/* strncpy's truncation is what is being tested. */
#pragma GCC diagnostic ignored "-Wstringop-truncation"

#define BUF 600
static unsigned char src[BUF + 64], dst[BUF + 64], ref[BUF + 64];
static unsigned fails;

static void fail(const char *fn, unsigned len, unsigned sa, unsigned da)
{
    if (fails++ < 10)
        printf("FAIL %s len %u src+%u dst+%u\n", fn, len, sa, da);
}

static void fill(unsigned char *p, unsigned n, unsigned seed)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (unsigned char)(((i * 131 + seed * 7 + (i >> 3)) & 0x7f) | 1);   /* odd, < 0x80 */
}

static const unsigned lens[] = {
    0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 47, 48, 63, 64,
    65, 95, 96, 127, 128, 129, 255, 256, 257, 511, 512, 513,
};
#define NL (sizeof lens / sizeof lens[0])

static void mem_functions(void)
{
    uint64_t h[8];
    for (int k = 0; k < 8; k++)
        h[k] = FNV_INIT;
    for (unsigned li = 0; li < NL; li++)
        for (unsigned sa = 0; sa < 16; sa++)
            for (unsigned da = 0; da < 16; da += (li < 12 ? 1 : 5)) {
                unsigned n = lens[li];
                if (n > BUF - 64)               /* never: tells the compiler the bound */
                    continue;
                /* Every access below stays in the first `span` bytes. */
                unsigned span = n + 40;
                fill(src, span, n + sa);
                fill(dst, span, da);
                /* memcpy */
                memcpy(ref, dst, span);
                for (unsigned i = 0; i < n; i++)
                    ref[da + i] = src[sa + i];
                if (memcpy(dst + da, src + sa, n) != dst + da || memcmp(dst, ref, span))
                    fail("memcpy", n, sa, da);
                h[0] = fnv1a(h[0], dst, span);
                /* memset */
                memcpy(ref, dst, span);
                for (unsigned i = 0; i < n; i++)
                    ref[da + i] = (unsigned char)(0xa0 + sa);
                memset(dst + da, 0xa0 + (int)sa, n);
                if (memcmp(dst, ref, span))
                    fail("memset", n, sa, da);
                h[1] = fnv1a(h[1], dst, span);
                /* memmove, overlapping both ways inside dst */
                fill(dst, span, n);
                memcpy(ref, dst, span);
                unsigned char tmp[BUF];
                for (unsigned i = 0; i < n; i++)
                    tmp[i] = ref[sa + i];
                for (unsigned i = 0; i < n; i++)
                    ref[da + 3 + i] = tmp[i];
                memmove(dst + da + 3, dst + sa, n);
                if (memcmp(dst, ref, span))
                    fail("memmove", n, sa, da);
                h[2] = fnv1a(h[2], dst, span);
                /* memcmp: equal, then one byte changed at each end */
                fill(dst, span, n + sa);
                int c0 = memcmp(dst + sa, src + sa, n);
                int c1 = 0, c2 = 0;
                if (n) {
                    dst[sa + n - 1] ^= 0x80;        /* fill() bytes are < 0x80 */
                    c1 = memcmp(dst + sa, src + sa, n);
                }
                if (n >= 2) {
                    dst[sa] -= 1;                   /* and odd: never 0 */
                    c2 = memcmp(dst + sa, src + sa, n);
                }
                if (c0 != 0 || (n && c1 <= 0) || (n >= 2 && c2 >= 0))
                    fail("memcmp", n, sa, da);
                int cs[3] = { c0 > 0, c1 > 0, c2 < 0 };
                h[3] = fnv1a(h[3], cs, sizeof cs);
                /* strlen, strnlen, memchr, strchr, strrchr on a string of
                 * n bytes at src + sa */
                fill(src, span, n);
                src[sa + n] = 0;
                size_t l = strlen((char *)src + sa);
                size_t nl = strnlen((char *)src + sa, n / 2 + da);
                unsigned char want = src[sa + n / 2];
                unsigned char *mc = memchr(src + sa, want, n);
                char *sc = strchr((char *)src + sa, want);
                char *sr = strrchr((char *)src + sa, want);
                char *s0 = strchr((char *)src + sa, 0);
                ptrdiff_t pos[6] = { (ptrdiff_t)l, (ptrdiff_t)nl,
                                     mc ? mc - (src + sa) : -1,
                                     sc ? sc - (char *)(src + sa) : -1,
                                     sr ? sr - (char *)(src + sa) : -1,
                                     s0 - (char *)(src + sa) };
                ptrdiff_t want_mc = -1, want_sr = -1;
                for (unsigned i = 0; i < n; i++) {
                    if (src[sa + i] == want && want_mc < 0)
                        want_mc = i;
                    if (src[sa + i] == want)
                        want_sr = i;
                }
                if (l != n || nl != (n < n / 2 + da ? n : n / 2 + da) || pos[2] != want_mc ||
                    (n && pos[3] != want_mc) || (n && pos[4] != want_sr) || pos[5] != (ptrdiff_t)n)
                    fail("strlen/memchr/strchr", n, sa, da);
                h[4] = fnv1a(h[4], pos, sizeof pos);
                /* strcpy, strcmp, strncmp */
                fill(dst, span, 3);
                strcpy((char *)dst + da, (char *)src + sa);
                int e = strcmp((char *)dst + da, (char *)src + sa);
                if (n)
                    dst[da + n - 1]++;
                int g = strcmp((char *)dst + da, (char *)src + sa);
                int nc = strncmp((char *)dst + da, (char *)src + sa, n ? n - 1 : 0);
                if (e != 0 || (n && g <= 0) || nc != 0)
                    fail("strcpy/strcmp", n, sa, da);
                int cc[2] = { e, g > 0 };
                h[5] = fnv1a(h[5], cc, sizeof cc);
                h[5] = fnv1a(h[5], dst, span);
                /* strncpy pads with NULs; strcat appends */
                memset(dst, 0x55, span);
                strncpy((char *)dst + da, (char *)src + sa, n / 2 + 8);
                h[6] = fnv1a(h[6], dst, span);
                dst[da + 20] = 0;
                if (n < 200)
                    strcat((char *)dst + da, (char *)src + sa);
                h[6] = fnv1a(h[6], dst, span);
                /* strstr: the last 5 bytes of the string */
                char *ss = n >= 5 ? strstr((char *)src + sa, (char *)src + sa + n - 5) : NULL;
                ptrdiff_t sp = ss ? ss - (char *)(src + sa) : -1;
                h[7] = fnv1a(h[7], &sp, sizeof sp);
            }
    static const char *const names[8] = { "memcpy", "memset", "memmove", "memcmp",
                                          "strlen..", "strcpy..", "strncpy..", "strstr" };
    for (int k = 0; k < 8; k++)
        printf("%-10s %016" PRIx64 "\n", names[k], h[k]);
}

static void formats(void)
{
    char b[1024];
    uint64_t h = FNV_INIT;
    static const long long iv[] = { 0, 1, -1, 42, -42, 127, -128, 255, 32767, -32768,
                                    2147483647, -2147483647 - 1, 4294967295LL,
                                    9223372036854775807LL, -9223372036854775807LL - 1 };
    for (unsigned i = 0; i < sizeof iv / sizeof iv[0]; i++) {
        long long v = iv[i];
        int n = snprintf(b, sizeof b, "[%d|%i|%u|%x|%X|%o|%5d|%-5d|%05d|%+d|% d|%.3d|%*d|%-*.*d]",
                         (int)v, (int)v, (unsigned)v, (unsigned)v, (unsigned)v, (unsigned)v,
                         (int)v, (int)v, (int)v, (int)v, (int)v, (int)v, 7, (int)v, 8, 4, (int)v);
        printf("%3d %s\n", n, b);
        n = snprintf(b, sizeof b, "[%lld|%llu|%llx|%#llx|%#llo|%hhd|%hhu|%hd|%hu|%ld|%zu|%jd|%td]",
                     v, (unsigned long long)v, (unsigned long long)v, (unsigned long long)v,
                     (unsigned long long)v, (signed char)v, (unsigned char)v, (short)v,
                     (unsigned short)v, (long)v, (size_t)v, (intmax_t)v, (ptrdiff_t)v);
        printf("%3d %s\n", n, b);
        h = fnv1a(h, b, (unsigned)n);
    }
    int n = snprintf(b, sizeof b, "[%c|%c|%5c|%-3c|%s|%.2s|%8s|%-8s|%%|%p|%p]", 'A', 0x7e, 'x', 'y',
                     "hello", "hello", "hi", "hi", (void *)0x1234, (void *)0);
    printf("%3d %s\n", n, b);
    n = snprintf(b, sizeof b, "[%#x|%#o|%#X|%#.0x|%.0d|%+.0d|%#5x]", 0, 0, 255, 0, 0, 0, 17);
    printf("%3d %s\n", n, b);
    /* Truncation: the return value is the full length. */
    char small[8];
    n = snprintf(small, sizeof small, "%s-%d", OPAQUE("truncated"), 12345);
    printf("%3d [%s]\n", n, small);
    n = snprintf(NULL, 0, "%lld", -9223372036854775807LL - 1);
    printf("%3d (length only)\n", n);
    static const double dv[] = { 0.0, 1.0, -2.5, 3.14159265358979, 1e100, 1.5e-5, 999999.5, 0.000123456 };
    for (unsigned i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        double d = OPAQUEF(dv[i]);
        n = snprintf(b, sizeof b, "[%f|%.2f|%12.4f|%-12.1e|%+g|%.15g|%#g|%#.0f|%a|%.3a|%E|%G]",
                     d, d, d, d, d, d, d, d, d, d, d, d);
        printf("%3d %s\n", n, b);
        h = fnv1a(h, b, (unsigned)n);
    }
    printf("formats    %016" PRIx64 "\n", h);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void conversions(void)
{
    static const char *const ns[] = { "0", "-0", "42", "-42", "  +17xyz", "0x1f", "0777", "z",
                                      "9223372036854775807", "9223372036854775808",
                                      "-9223372036854775809", "18446744073709551615", "1e3",
                                      "3.25", "-0.1", "1e400", "inf", "nan", "0x1p-3", "" };
    for (unsigned i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        char *e1, *e2, *e3;
        long long a = strtoll(ns[i], &e1, 0);
        unsigned long long u = strtoull(ns[i], &e2, 10);
        double d = strtod(ns[i], &e3);
        printf("%-22s strtoll %lld (+%d) strtoull %llu (+%d) strtod %.17g (+%d) atoi %d\n", ns[i],
               a, (int)(e1 - ns[i]), u, (int)(e2 - ns[i]), d, (int)(e3 - ns[i]), atoi(ns[i]));
    }
    int arr[200];
    uint64_t s = 12345;
    for (int i = 0; i < 200; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        arr[i] = (int)(s >> 40) - (1 << 23);
    }
    qsort(arr, 200, sizeof arr[0], cmp_int);
    int sorted = 1;
    for (int i = 1; i < 200; i++)
        sorted &= arr[i - 1] <= arr[i];
    int key = arr[137];
    int *found = bsearch(&key, arr, 200, sizeof arr[0], cmp_int);
    if (!sorted || !found || *found != key)
        fail("qsort/bsearch", 200, 0, 0);
    printf("qsort      %016" PRIx64 " min %d max %d\n", fnv1a(FNV_INIT, arr, sizeof arr), arr[0], arr[199]);
}

int main(void)
{
    printf("str: %u lengths x 16 alignments\n", (unsigned)NL);
    mem_functions();
    formats();
    conversions();
    printf("str: %s (%u failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
