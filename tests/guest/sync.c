/* tests/guest/sync.c — exclusives, acquire/release, barriers and the
 * CRC32 instructions: the status each store-exclusive returns (after a
 * matching load-exclusive, without one, after CLREX, to another address,
 * across an exception), byte/halfword/pair forms, C11 atomics compiled to
 * LDAXR/STLXR loops (-mno-outline-atomics), CRC32B/H/W/X and CRC32C
 * against a bitwise reference, and that the ARMv8.1 atomics (CAS, LDADD,
 * SWP) are UNDEFINED on a Cortex-A57. */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>

#include "guest.h"

static volatile unsigned undefs, svcs;

static void hook(struct exc_frame *f, unsigned vector)
{
    (void)vector;
    uint64_t ec = f->esr >> 26;
    if (ec == 0x00) {
        undefs++;
        f->elr += 4;
    } else if (ec == 0x15) {
        svcs++;
    } else {
        printf("unexpected esr %#" PRIx64 "\n", f->esr);
        guest_poweroff();
    }
}

static uint64_t words[4] __attribute__((aligned(16)));

static unsigned ex_pair_ok(void)
{
    uint32_t st;
    uint64_t v;
    __asm__ volatile("ldxr %0, [%2]\n\tadd %0, %0, #1\n\tstxr %w1, %0, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(&words[0]) : "memory");
    return st;
}

static unsigned ex_no_load(void)
{
    uint32_t st;
    __asm__ volatile("clrex\n\tstxr %w0, %1, [%2]" : "=&r"(st) : "r"(7ull), "r"(&words[1]) : "memory");
    return st;
}

static unsigned ex_after_clrex(void)
{
    uint32_t st;
    uint64_t v;
    __asm__ volatile("ldxr %0, [%2]\n\tclrex\n\tstxr %w1, %0, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(&words[0]) : "memory");
    return st;
}

static unsigned ex_other_address(void)
{
    uint32_t st;
    uint64_t v;
    __asm__ volatile("ldxr %0, [%2]\n\tstxr %w1, %0, [%3]\n\tclrex"
                     : "=&r"(v), "=&r"(st) : "r"(&words[0]), "r"(&words[2]) : "memory");
    return st;
}

static unsigned ex_plain_store_between(void)
{
    uint32_t st;
    uint64_t v;
    __asm__ volatile("ldxr %0, [%2]\n\tstr %0, [%2]\n\tstxr %w1, %0, [%2]\n\tclrex"
                     : "=&r"(v), "=&r"(st) : "r"(&words[0]) : "memory");
    return st;
}

static unsigned ex_across_svc(void)
{
    uint32_t st;
    uint64_t v;
    __asm__ volatile("ldxr %0, [%2]\n\tsvc #1\n\tstxr %w1, %0, [%2]\n\tclrex"
                     : "=&r"(v), "=&r"(st) : "r"(&words[0]) : "x0", "memory");
    return st;
}

static unsigned ex_byte_half(void)
{
    uint32_t s1, s2, v;
    __asm__ volatile("ldaxrb %w0, [%3]\n\tadd %w0, %w0, #3\n\tstlxrb %w1, %w0, [%3]\n\t"
                     "ldxrh %w0, [%4]\n\tadd %w0, %w0, #5\n\tstxrh %w2, %w0, [%4]"
                     : "=&r"(v), "=&r"(s1), "=&r"(s2)
                     : "r"((char *)&words[3] + 1), "r"((char *)&words[3] + 4) : "memory");
    return s1 | s2 << 1;
}

static unsigned ex_pair128(void)
{
    uint32_t st;
    uint64_t a, b;
    __asm__ volatile("ldaxp %0, %1, [%3]\n\tstlxp %w2, %1, %0, [%3]"
                     : "=&r"(a), "=&r"(b), "=&r"(st) : "r"(&words[0]) : "memory");
    return st;
}

static void acquire_release(void)
{
    uint64_t v;
    uint32_t h;
    __asm__ volatile("stlr %2, [%3]\n\tldar %0, [%3]\n\tstlrh %w2, [%4]\n\tldarh %w1, [%4]\n\t"
                     "dmb ish\n\tdsb sy\n\tisb\n\tdmb ishld\n\tdsb ishst"
                     : "=&r"(v), "=&r"(h) : "r"(0x1122334455667788ull), "r"(&words[2]),
                       "r"((char *)&words[3] + 6) : "memory");
    printf("ldar %#" PRIx64 " ldarh %#x\n", v, h);
}

static uint32_t crc_ref(const uint8_t *p, unsigned n, uint32_t poly)
{
    uint32_t c = 0xffffffffu;
    for (unsigned i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (poly & -(c & 1));
    }
    return ~c;
}

static void crc(void)
{
    static const uint8_t msg[] = "The quick brown fox jumps over the lazy dog, 123456789!!";
    unsigned n = 56;
    uint32_t c = 0xffffffffu, cc = 0xffffffffu;
    unsigned i = 0;
    for (; i + 8 <= n / 2; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, msg + i, 8);
        __asm__(".arch_extension crc\n\tcrc32x %w0, %w0, %2\n\tcrc32cx %w1, %w1, %2"
                : "+r"(c), "+r"(cc) : "r"(w));
    }
    for (; i + 4 <= n * 3 / 4; i += 4) {
        uint32_t w;
        __builtin_memcpy(&w, msg + i, 4);
        __asm__(".arch_extension crc\n\tcrc32w %w0, %w0, %w2\n\tcrc32cw %w1, %w1, %w2"
                : "+r"(c), "+r"(cc) : "r"(w));
    }
    for (; i + 2 <= n - 3; i += 2) {
        uint32_t w = msg[i] | msg[i + 1] << 8;
        __asm__(".arch_extension crc\n\tcrc32h %w0, %w0, %w2\n\tcrc32ch %w1, %w1, %w2"
                : "+r"(c), "+r"(cc) : "r"(w));
    }
    for (; i < n; i++) {
        uint32_t w = msg[i];
        __asm__(".arch_extension crc\n\tcrc32b %w0, %w0, %w2\n\tcrc32cb %w1, %w1, %w2"
                : "+r"(c), "+r"(cc) : "r"(w));
    }
    c = ~c;
    cc = ~cc;
    uint32_t rc = crc_ref(msg, n, 0xedb88320u), rcc = crc_ref(msg, n, 0x82f63b78u);
    printf("crc32 %08x (reference %08x) crc32c %08x (reference %08x)\n", c, rc, cc, rcc);
    if (c != rc || cc != rcc)
        undefs += 1000;         /* reported as a failure below */
}

static void lse_undefined(void)
{
    unsigned before = undefs;
    register uint64_t x1 __asm__("x1") = 1, x2 __asm__("x2") = 2;
    register uint64_t *x3 __asm__("x3") = &words[2];
    __asm__ volatile(".inst 0x88e1fc62\n\t"     /* casal w1, w2, [x3] */
                     ".inst 0xf8210062\n\t"     /* ldadd x1, x2, [x3] */
                     ".inst 0xb8e18062"         /* swpal w1, w2, [x3] */
                     : "+r"(x1), "+r"(x2) : "r"(x3) : "memory");
    printf("LSE atomics: %u of 3 undefined, memory %#" PRIx64 "\n", undefs - before, words[2]);
}

static _Atomic uint64_t counter;
static _Atomic uint32_t flag32;

int main(void)
{
    guest_set_exception_hook(hook);
    words[0] = 100;
    printf("stxr after ldxr           %u\n", ex_pair_ok());
    printf("stxr without ldxr         %u\n", ex_no_load());
    printf("stxr after clrex          %u\n", ex_after_clrex());
    printf("stxr to another address   %u\n", ex_other_address());
    printf("stxr after a plain store  %u\n", ex_plain_store_between());
    printf("stxr across an svc        %u\n", ex_across_svc());
    printf("byte/half (bit per form)  %u\n", ex_byte_half());
    printf("stlxp pair                %u\n", ex_pair128());
    printf("words %#" PRIx64 " %#" PRIx64 " %#" PRIx64 " %#" PRIx64 "\n", words[0], words[1],
           words[2], words[3]);
    acquire_release();

    for (unsigned i = 0; i < 1000; i++) {
        atomic_fetch_add_explicit(&counter, i, memory_order_acq_rel);
        uint32_t exp = i;
        atomic_compare_exchange_strong(&flag32, &exp, i + 1);
    }
    uint64_t old = atomic_exchange(&counter, 5);
    uint32_t exp = 12345;
    int swapped = atomic_compare_exchange_strong(&flag32, &exp, 1);
    printf("atomics: sum %" PRIu64 " flag %u failed cas saw %u swapped %d\n", old,
           (unsigned)atomic_load(&flag32), exp, swapped);

    crc();
    lse_undefined();
    guest_set_exception_hook(NULL);
    int ok = undefs == 3 && svcs == 1 && old == 499500;
    printf("sync: %s\n", ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
