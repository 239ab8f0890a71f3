# bench/gdbbench.py — the gdb session of bench/run-gdbbench.sh, sourced by
# gdb-multiarch (its Python) after `target remote`; the same for rewind and
# for QEMU. Each operation runs through gdb.execute and is timed with
# time.perf_counter around it: what a user at the gdb prompt waits for
# (the stub's work, the packets, gdb's own reads of registers and memory).
# Prints, one per line:
#   T NAME SECONDS         an operation's time
#   S NAME SECONDS...      the times of each step of a repeated operation
#   W NAME WHERE           where it stopped (pc function:line), to compare
#                          rewind's landing with QEMU's
#   F NAME MESSAGE         it failed (gdb's error); the session goes on
#   O TEXT                 gdb's output, for the log
# The session (bench/gdbbench.c's guest):
#   to-end       break finish, continue: forwards to the end (not a
#                reverse operation; printed for scale)
#   rsi1         one reverse-stepi from there
#   rsi100       100 more reverse-stepi, each timed
#   rc-loop      break on the loop's last statement, reverse-continue: into
#                the loop's last pass (for scale)
#   rnext8       8 reverse-next from there, each timed
#   rc-watch     watch seed (written once, at the start), reverse-continue
#   to-end2      break finish, continue: back to the end
#   rc-break     break setup (runs once, at the start), reverse-continue
import time

import gdb


def log(text):
    for line in text.splitlines():
        if line.strip():
            print("O " + line)


def where():
    try:
        f = gdb.selected_frame()
        sal = f.find_sal()
        line = sal.line if sal.symtab else 0
        return "%#x %s:%d" % (f.pc(), f.name() or "?", line)
    except gdb.error as e:
        return "? (%s)" % str(e).replace("\n", " ")


def run(cmd):
    out = gdb.execute(cmd, to_string=True)
    log(out)
    return out


def op(name, cmds, setup=(), after=("delete",)):
    """Times the commands of one operation; setup and after are not timed."""
    try:
        for c in setup:
            run(c)
        t = time.perf_counter()
        for c in cmds:
            run(c)
        dt = time.perf_counter() - t
        print("T %s %.6f" % (name, dt))
        print("W %s %s" % (name, where()))
    except gdb.error as e:
        print("F %s %s" % (name, str(e).replace("\n", " ")))
    for c in after:
        try:
            run(c)
        except gdb.error as e:
            log(str(e))


def repeated(name, cmd, n):
    """n times cmd, each timed; T is the total, S each step's time."""
    times = []
    try:
        for _ in range(n):
            t = time.perf_counter()
            run(cmd)
            times.append(time.perf_counter() - t)
        print("T %s %.6f" % (name, sum(times)))
        print("S %s %s" % (name, " ".join("%.6f" % x for x in times)))
        print("W %s %s" % (name, where()))
    except gdb.error as e:
        print("F %s after %d: %s" % (name, len(times), str(e).replace("\n", " ")))


def marked_line(marker):
    """The line of main's source file that holds marker (a comment)."""
    path = gdb.lookup_global_symbol("main").symtab.fullname()
    with open(path) as f:
        for n, text in enumerate(f, 1):
            if marker in text:
                return n
    raise gdb.GdbError("no line marked %s in %s" % (marker, path))


LOOP_LINE = marked_line("gdbbench: rc-loop")

op("to-end", ["continue"], setup=["break finish"])
op("rsi1", ["reverse-stepi"], after=())
repeated("rsi100", "reverse-stepi", 100)
op("rc-loop", ["reverse-continue"], setup=["break gdbbench.c:%d" % LOOP_LINE])
repeated("rnext8", "reverse-next", 8)
op("rc-watch", ["reverse-continue"], setup=["watch seed"])
op("to-end2", ["continue"], setup=["break finish"])
op("rc-break", ["reverse-continue"], setup=["break setup"])
