/* emu/semihost.c — see semihost.h. Operation numbers from Arm's
 * "Semihosting for AArch32 and AArch64", version 2.0. */
#include "emu/semihost.h"

#include <glib.h>
#include <string.h>

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05, SYS_READ = 0x06, SYS_READC = 0x07, SYS_ISERROR = 0x08,
    SYS_ISTTY = 0x09, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c, SYS_CLOCK = 0x10,
    SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16,
    SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
};

#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define TT_HANDLE_IN  1    /* the handles SYS_OPEN(":tt") returns */
#define TT_HANDLE_OUT 2
#define EBADF_VALUE   9
#define ENOENT_VALUE  2

static bool read_u64(EmuCpu *cpu, uint64_t addr, uint64_t *v)
{
    return emu_cpu_read_virt(cpu, addr, v, 8);
}

/* Fetch n 64-bit parameters from the block at x1. */
static bool params(EmuCpu *cpu, uint64_t *p, unsigned n)
{
    uint64_t block = emu_cpu_x(cpu, 1);
    for (unsigned i = 0; i < n; i++)
        if (!read_u64(cpu, block + 8 * i, &p[i]))
            return false;
    return true;
}

static void output_guest(EmuCpu *cpu, const EmuSemihost *sh, uint64_t addr, uint64_t len,
                         bool *ok)
{
    uint8_t buf[256];
    *ok = true;
    while (len) {
        size_t n = MIN(len, sizeof buf);
        if (!emu_cpu_read_virt(cpu, addr, buf, n)) {
            *ok = false;
            return;
        }
        sh->output(sh->opaque, buf, n);
        addr += n, len -= n;
    }
}

bool emu_semihost_call(EmuSemihost *sh, EmuCpu *cpu, uint64_t ticks, uint64_t tick_hz)
{
    uint32_t op = (uint32_t)emu_cpu_x(cpu, 0);
    uint64_t arg = emu_cpu_x(cpu, 1), p[3];
    int64_t ret = -1;
    bool ok;

    switch (op) {
    case SYS_WRITEC: {
        uint8_t c;
        if (emu_cpu_read_virt(cpu, arg, &c, 1))
            sh->output(sh->opaque, &c, 1);
        return true;                      /* x0 is corrupted: left as is */
    }
    case SYS_WRITE0: {
        uint8_t c;
        while (emu_cpu_read_virt(cpu, arg++, &c, 1) && c)
            sh->output(sh->opaque, &c, 1);
        return true;
    }
    case SYS_OPEN: {
        char name[4] = { 0 };
        if (!params(cpu, p, 3) || p[2] != 3 ||
            !emu_cpu_read_virt(cpu, p[0], name, 3) || strcmp(name, ":tt") != 0) {
            sh->last_errno = ENOENT_VALUE;
            break;
        }
        /* Modes 0-3 are read, 4-11 write/append (Arm's fopen table). */
        ret = p[1] < 4 ? TT_HANDLE_IN : TT_HANDLE_OUT;
        break;
    }
    case SYS_CLOSE:
    case SYS_ISTTY:
        if (params(cpu, p, 1) && (p[0] == TT_HANDLE_IN || p[0] == TT_HANDLE_OUT))
            ret = op == SYS_CLOSE ? 0 : 1;
        else
            sh->last_errno = EBADF_VALUE;
        break;
    case SYS_WRITE:
        if (!params(cpu, p, 3) || p[0] != TT_HANDLE_OUT) {
            sh->last_errno = EBADF_VALUE;
            ret = params(cpu, p, 3) ? (int64_t)p[2] : -1;
            break;
        }
        output_guest(cpu, sh, p[1], p[2], &ok);
        ret = ok ? 0 : (int64_t)p[2];     /* bytes NOT written */
        break;
    case SYS_READ:
        /* No console input through semihosting: report end of file
         * (all bytes unread). Serial input goes through the UART. */
        ret = params(cpu, p, 3) ? (int64_t)p[2] : -1;
        break;
    case SYS_READC:
        ret = -1;
        break;
    case SYS_ISERROR:
        ret = params(cpu, p, 1) && (int64_t)p[0] < 0;
        break;
    case SYS_SEEK:
    case SYS_FLEN:
        sh->last_errno = EBADF_VALUE;
        break;
    case SYS_ERRNO:
        ret = sh->last_errno;
        break;
    case SYS_CLOCK:
        ret = (int64_t)(tick_hz ? ticks / (tick_hz / 100) : 0);
        break;
    case SYS_ELAPSED:
        /* x1 points at a 64-bit result. */
        ret = emu_cpu_write_virt(cpu, arg, &ticks, 8) ? 0 : -1;
        break;
    case SYS_TICKFREQ:
        ret = (int64_t)tick_hz;
        break;
    case SYS_GET_CMDLINE: {
        /* Block: {buffer, length}; length is updated. */
        const char *s = sh->cmdline ? sh->cmdline : "";
        uint64_t len = strlen(s);
        if (params(cpu, p, 2) && len < p[1] &&
            emu_cpu_write_virt(cpu, p[0], s, len + 1) &&
            emu_cpu_write_virt(cpu, arg + 8, &len, 8))
            ret = 0;
        break;
    }
    case SYS_HEAPINFO: {
        /* Unknown heap and stack: four zeros tell the C library to use
         * its linker-script defaults. */
        uint64_t block, zero[4] = { 0 };
        if (read_u64(cpu, arg, &block) && emu_cpu_write_virt(cpu, block, zero, sizeof zero))
            ret = 0;
        break;
    }
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED: {
        /* A64: x1 points at {reason, subcode}. */
        int status = 1;
        if (params(cpu, p, 2) && p[0] == ADP_STOPPED_APPLICATION_EXIT)
            status = (int)p[1];
        sh->exit(sh->opaque, status);
        return true;
    }
    default:
        break;
    }
    emu_cpu_set_x(cpu, 0, (uint64_t)ret);
    return true;
}
