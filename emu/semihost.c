/* emu/semihost.c — see semihost.h. Operation numbers from Arm's
 * "Semihosting for AArch32 and AArch64", version 2.0; behaviour as QEMU
 * 7.2's semihosting/arm-compat-semi.c and syscalls.c (measured with
 * tests/guest/semi.c). */
#include "emu/semihost.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05, SYS_READ = 0x06, SYS_READC = 0x07, SYS_ISERROR = 0x08,
    SYS_ISTTY = 0x09, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c, SYS_CLOCK = 0x10,
    SYS_TIME = 0x11, SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15,
    SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18, SYS_SYNCCACHE = 0x19,
    SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30, SYS_TICKFREQ = 0x31,
};

#define ADP_STOPPED_APPLICATION_EXIT 0x20026

/* Linux errno values (QEMU passes the host's on). */
enum {
    E_NOENT = 2, E_2BIG = 7, E_BADF = 9, E_ACCES = 13, E_FAULT = 14,
    E_INVAL = 22, E_NOTTY = 25, E_NAMETOOLONG = 36,
};

/* What a handle stands for (EmuSemihost.handles[].kind). */
enum { H_FREE, H_STDIN, H_STDOUT, H_STDERR, H_FEATURES };

/* ":semihosting-features": magic "SHFB", then feature byte 0 with
 * SH_EXT_EXIT_EXTENDED (bit 0) and SH_EXT_STDOUT_STDERR (bit 1). */
static const uint8_t features[] = { 'S', 'H', 'F', 'B', 0x03 };

bool emu_semihost_handles_valid(const EmuSemihost *sh)
{
    for (unsigned i = 0; i < EMU_SEMIHOST_HANDLES; i++)
        if (sh->handles[i].kind > H_FEATURES || sh->handles[i].offset > sizeof features ||
            (i == 0 && sh->handles[i].kind != H_FREE))
            return false;
    return true;
}

/* Longest file name compared with the pseudo-files' names. */
#define NAME_MAX_READ 64
/* Longest name scanned for its NUL (QEMU: unbounded). */
#define NAME_SCAN_MAX (1u << 20)

/* Fetch parameter n of the block at x1; false on a fault. */
static bool arg(EmuCpu *cpu, unsigned n, uint64_t *v)
{
    return emu_cpu_read_virt(cpu, emu_cpu_x(cpu, 1) + 8 * n, v, 8);
}

/* Fetch parameters 0..n-1. */
static bool args(EmuCpu *cpu, uint64_t *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (!arg(cpu, i, &p[i]))
            return false;
    return true;
}

/* Result -1 and errno `err`: QEMU's common_semi_cb(cs, -1, err). */
static int64_t fail(EmuSemihost *sh, int err)
{
    sh->last_errno = err;
    return -1;
}

/* The handle's kind, H_FREE if `fd` is not an open handle. QEMU takes the
 * handle as an int. */
static unsigned handle_kind(const EmuSemihost *sh, uint64_t fd)
{
    int i = (int)fd;
    return i > 0 && i < EMU_SEMIHOST_HANDLES ? sh->handles[i].kind : H_FREE;
}

/* The lowest free handle, made of `kind`; -1 if none is free. */
static int64_t handle_alloc(EmuSemihost *sh, unsigned kind)
{
    for (int i = 1; i < EMU_SEMIHOST_HANDLES; i++) {
        if (sh->handles[i].kind == H_FREE) {
            sh->handles[i].kind = (uint8_t)kind;
            sh->handles[i].offset = 0;
            return i;
        }
    }
    return -1;
}

/* Copy `len` guest bytes at `addr` all or nothing (QEMU locks the whole
 * buffer before it writes any of it). */
static uint8_t *read_guest(EmuCpu *cpu, uint64_t addr, uint64_t len)
{
    uint8_t *buf = g_malloc(MAX(len, 1));
    for (uint64_t done = 0; done < len;) {
        size_t n = MIN(len - done, 4096 - ((addr + done) & 4095));
        if (!emu_cpu_read_virt(cpu, addr + done, buf + done, n)) {
            g_free(buf);
            return NULL;
        }
        done += n;
    }
    return buf;
}

static int64_t sys_open(EmuSemihost *sh, EmuCpu *cpu)
{
    uint64_t p[3];
    if (!args(cpu, p, 3))
        return fail(sh, E_FAULT);
    /* QEMU reads the name up to its NUL, whatever the length says: a fault
     * before the NUL is EFAULT. Only the start is kept for comparing. */
    char name[NAME_MAX_READ + 1];
    size_t n = 0;
    for (char c = 1; c; n++) {
        if (n >= NAME_SCAN_MAX || !emu_cpu_read_virt(cpu, p[0] + n, &c, 1))
            return fail(sh, E_FAULT);
        if (n < NAME_MAX_READ)
            name[n] = c;
    }
    n--;                            /* the name's length */
    name[MIN(n, (size_t)NAME_MAX_READ)] = 0;
    if (p[1] >= 12)
        return fail(sh, E_INVAL);
    if (n < NAME_MAX_READ && !strcmp(name, ":tt")) {
        int64_t h = handle_alloc(sh, p[1] < 4 ? H_STDIN : p[1] < 8 ? H_STDOUT : H_STDERR);
        return h < 0 ? fail(sh, E_NOENT) : h;
    }
    if (n < NAME_MAX_READ && !strcmp(name, ":semihosting-features")) {
        if (p[1] > 1)
            return fail(sh, E_ACCES);
        int64_t h = handle_alloc(sh, H_FEATURES);
        return h < 0 ? fail(sh, E_NOENT) : h;
    }
    /* A host file: QEMU checks that the length given ends at the NUL, then
     * opens it. Here it does not exist. */
    uint64_t tlen = p[2] + 1;
    uint8_t c = 0;
    if (tlen > INT32_MAX)
        return fail(sh, E_NAMETOOLONG);
    if (tlen && !emu_cpu_read_virt(cpu, p[0] + tlen - 1, &c, 1))
        return fail(sh, E_FAULT);
    return fail(sh, c ? E_INVAL : E_NOENT);
}

/* SYS_WRITE: x0 is the count of bytes not written; errno is untouched. */
static int64_t sys_write(EmuSemihost *sh, EmuCpu *cpu)
{
    uint64_t p[3];
    if (!args(cpu, p, 3))
        return fail(sh, E_FAULT);
    unsigned kind = handle_kind(sh, p[0]);
    if (kind != H_STDOUT && kind != H_STDERR)
        return (int64_t)p[2];    /* EBADF (stdin is read-only, features too) */
    uint64_t len = MIN(p[2], (uint64_t)INT32_MAX);
    uint8_t *buf = read_guest(cpu, p[1], len);
    if (!buf)
        return (int64_t)p[2];
    if (kind == H_STDOUT && sh->stdout_output)
        sh->stdout_output(sh->opaque, buf, len);
    else
        sh->output(sh->opaque, buf, len);
    g_free(buf);
    return (int64_t)(p[2] - len);
}

/* SYS_READ: x0 is the count of bytes not read; errno is untouched. Only
 * the features file has bytes to read. */
static int64_t sys_read(EmuSemihost *sh, EmuCpu *cpu)
{
    uint64_t p[3];
    if (!args(cpu, p, 3))
        return fail(sh, E_FAULT);
    if (handle_kind(sh, p[0]) != H_FEATURES)
        return (int64_t)p[2];
    unsigned off = sh->handles[(int)p[0]].offset;
    uint64_t n = MIN(MIN(p[2], (uint64_t)INT32_MAX), sizeof features - off);
    if (n && !emu_cpu_write_virt(cpu, p[1], features + off, n))
        return (int64_t)p[2];
    sh->handles[(int)p[0]].offset = (uint8_t)(off + n);
    return (int64_t)(p[2] - n);
}

static int64_t sys_seek(EmuSemihost *sh, EmuCpu *cpu)
{
    uint64_t p[2];
    if (!args(cpu, p, 2))
        return fail(sh, E_FAULT);
    switch (handle_kind(sh, p[0])) {
    case H_FREE:
        return fail(sh, E_BADF);
    case H_FEATURES:
        if ((int64_t)p[1] < 0 || p[1] > sizeof features)
            return fail(sh, E_INVAL);
        sh->handles[(int)p[0]].offset = (uint8_t)p[1];
        return 0;
    default:
        return 0;          /* ":tt": as on a regular file */
    }
}

static int64_t sys_get_cmdline(EmuSemihost *sh, EmuCpu *cpu)
{
    /* Block {buffer, size}: the size becomes the string's length. */
    uint64_t p[2];
    if (!args(cpu, p, 2))
        return fail(sh, E_FAULT);
    const char *s = sh->cmdline ? sh->cmdline : "";
    uint64_t len = strlen(s);
    if (len + 1 > p[1])
        return fail(sh, E_2BIG);
    if (!emu_cpu_write_virt(cpu, emu_cpu_x(cpu, 1) + 8, &len, 8) ||
        !emu_cpu_write_virt(cpu, p[0], s, len + 1))
        return fail(sh, E_FAULT);
    return 0;
}

static int64_t sys_heapinfo(EmuSemihost *sh, EmuCpu *cpu)
{
    /* x1 points at the address of a block of four results. */
    uint64_t block;
    const uint64_t v[4] = { sh->heap_base, sh->heap_limit, sh->heap_limit, sh->heap_base };
    if (!arg(cpu, 0, &block))
        return fail(sh, E_FAULT);
    for (unsigned i = 0; i < 4; i++)
        if (!emu_cpu_write_virt(cpu, block + 8 * i, &v[i], 8))
            return fail(sh, E_FAULT);
    return 0;
}

bool emu_semihost_call(EmuSemihost *sh, EmuCpu *cpu, uint64_t ticks, uint64_t tick_hz)
{
    uint32_t op = (uint32_t)emu_cpu_x(cpu, 0);
    uint64_t x1 = emu_cpu_x(cpu, 1), p[2];
    int64_t ret = -1;

    switch (op) {
    case SYS_WRITEC:
    case SYS_WRITE0: {
        /* The console: x0 becomes 0xdeadbeef ("corrupted"). */
        uint64_t len = 1;
        if (op == SYS_WRITE0) {
            uint8_t c = 1;
            for (len = 0; emu_cpu_read_virt(cpu, x1 + len, &c, 1) && c; len++)
                ;
            if (c) {           /* a fault before the NUL: nothing written */
                ret = 0xdeadbeef;
                break;
            }
        }
        uint8_t *buf = read_guest(cpu, x1, len);
        if (buf && len)
            sh->output(sh->opaque, buf, len);
        g_free(buf);
        ret = 0xdeadbeef;
        break;
    }
    case SYS_OPEN:
        ret = sys_open(sh, cpu);
        break;
    case SYS_CLOSE:
        if (!arg(cpu, 0, &p[0]))
            ret = fail(sh, E_FAULT);
        else if (handle_kind(sh, p[0]) == H_FREE)
            ret = fail(sh, E_BADF);
        else {
            sh->handles[(int)p[0]].kind = H_FREE;
            ret = 0;
        }
        break;
    case SYS_WRITE:
        ret = sys_write(sh, cpu);
        break;
    case SYS_READ:
        ret = sys_read(sh, cpu);
        break;
    case SYS_READC:
        ret = -1;
        break;
    case SYS_ISERROR:
        ret = arg(cpu, 0, &p[0]) ? (int64_t)p[0] < 0 : fail(sh, E_FAULT);
        break;
    case SYS_ISTTY:
        if (!arg(cpu, 0, &p[0]))
            ret = fail(sh, E_FAULT);
        else if (handle_kind(sh, p[0]) == H_FREE)
            ret = fail(sh, E_BADF);
        else {
            sh->last_errno = E_NOTTY;
            ret = 0;
        }
        break;
    case SYS_SEEK:
        ret = sys_seek(sh, cpu);
        break;
    case SYS_FLEN:
        if (!arg(cpu, 0, &p[0]))
            ret = fail(sh, E_FAULT);
        else if (handle_kind(sh, p[0]) == H_FREE)
            ret = fail(sh, E_BADF);
        else
            ret = handle_kind(sh, p[0]) == H_FEATURES ? (int64_t)sizeof features : 0;
        break;
    case SYS_CLOCK:
        ret = (int64_t)(tick_hz >= 100 ? ticks / (tick_hz / 100) : 0);
        break;
    case SYS_TIME:
        ret = (int64_t)(sh->seconds ? sh->seconds(sh->opaque) : 0);
        break;
    case SYS_ERRNO:
        ret = sh->last_errno;
        break;
    case SYS_GET_CMDLINE:
        ret = sys_get_cmdline(sh, cpu);
        break;
    case SYS_HEAPINFO:
        ret = sys_heapinfo(sh, cpu);
        break;
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED:
        /* A64: x1 points at {reason, subcode}; a bad block is EFAULT and
         * the program goes on. */
        if (!args(cpu, p, 2)) {
            ret = fail(sh, E_FAULT);
            break;
        }
        sh->exit(sh->opaque, p[0] == ADP_STOPPED_APPLICATION_EXIT ? (int)(uint32_t)p[1] : 1);
        return true;
    case SYS_SYNCCACHE:
        ret = 0;
        break;
    case SYS_ELAPSED:
        /* x1 points at a 64-bit result. */
        ret = emu_cpu_write_virt(cpu, x1, &ticks, 8) ? 0 : fail(sh, E_FAULT);
        break;
    case SYS_TICKFREQ:
        ret = (int64_t)tick_hz;
        break;
    default:
        break;
    }
    emu_cpu_set_x(cpu, 0, (uint64_t)ret);
    return true;
}

static int cmp_range(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

void emu_semihost_set_heap(EmuSemihost *sh, uint64_t ram_base, uint64_t ram_size,
                           const uint64_t (*used)[2], unsigned n_used)
{
    uint64_t (*r)[2] = g_malloc_n(MAX(n_used, 1), sizeof *r);
    memcpy(r, used, sizeof r[0] * n_used);
    qsort(r, n_used, sizeof r[0], cmp_range);
    uint64_t end = ram_base + ram_size, base = ram_base;
    uint64_t gap_base = ram_base, gap_size = 0;
    for (unsigned i = 0; i < n_used; i++) {
        if (r[i][1] <= base || r[i][0] >= end)
            continue;
        uint64_t start = MAX(r[i][0], base);
        if (start - base > gap_size)
            gap_base = base, gap_size = start - base;
        base = MIN(r[i][1], end);
    }
    if (end - base > gap_size)
        gap_base = base, gap_size = end - base;
    sh->heap_base = gap_base;
    sh->heap_limit = gap_base + gap_size;
    g_free(r);
}
