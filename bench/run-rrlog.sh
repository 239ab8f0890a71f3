#!/bin/sh
# bench/run-rrlog.sh REWIND TICKS_ELF ECHO_ELF — how big a recording is:
# rewind's log next to QEMU's (-icount shift=auto,rr=record) for the same
# ELF and the same input, one run each (the sizes do not need a median).
#   ticks  bench/ticks.c: a 1 ms timer tick and ~1e9 instructions of work,
#          400 ticks waited out in WFI; no input
#   echo   tests/guest/echo.c at -O2: polls the PL011 for ECHO_LINES
#          (default 120) generated lines, then "quit"; and again with the 8
#          lines of tests/guest/echo.in, which QEMU's recording survives more
#          often
# For each guest: plain QEMU gives the reference output (lines starting
# "ticks: count" left out: how many ticks come depends on how fast virtual
# time runs); rewind's recording must match it and end "NAME: ok", and
# rewind's replay must print exactly what its recording printed. QEMU's
# recording is checked the same way; when it fails, its log size is printed
# with the reason and no ratio (this does not fail the bench: QEMU's bug).
# rewind's ticks log is the same size on every run (echo's varies by a few
# hundred bytes of block framing); QEMU's varies by a third (shift=auto
# ties its virtual time, and so its ticks and clock reads, to the host).
# Prints the log sizes, the instruction count (rewind's final icount, used
# for both per-1e9 figures: QEMU's own count is not measured), bytes per
# 1e9 instructions, the ratio rewind / QEMU, and the kinds of events that
# make up rewind's log (`rewind log dump --summary`).
#
# QEMU 7.2 and serial input under rr=record: the character backend reads
# whatever the PL011 can take at that moment (one byte, FIFO off), but in
# record mode the byte is queued as a replay event and reaches the PL011
# only at the next checkpoint, so the backend reads on and the bytes arrive
# together, past the PL011's check: input is lost, and runs abort in
# malloc (heap corruption, seen under gdb in replay_chr_be_write) or end
# with SIGSEGV. A guest that loses its "quit" line polls until
# QEMU_TIMEOUT (default 60 s). Feeding the input slowly (a byte every
# 10 ms) did not help.
set -u

rewind=$1
ticks_elf=$2
echo_elf=$3
QEMU=${QEMU:-qemu-system-aarch64}
QEMU_ARGS="-M virt -cpu cortex-a57 -m 128M -display none -monitor none -serial stdio"
QEMU_TIMEOUT=${QEMU_TIMEOUT:-60}
ECHO_LINES=${ECHO_LINES:-120}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The guest's output without what may differ between emulators.
comparable() { grep -av '^ticks: count ' "$1"; }

fail() {
    echo "rrlog: $*" >&2
    exit 1
}

# status_text RC: what an exit status means, for messages.
status_text() {
    if [ "$1" = 124 ]; then echo "timed out after $QEMU_TIMEOUT s"
    elif [ "$1" -gt 128 ]; then echo "killed by signal $(($1 - 128))"
    else echo "exit status $1"; fi
}

# The echo guest's input: ECHO_LINES lines of 8 to ~190 characters, then
# "quit".
awk -v n="$ECHO_LINES" 'BEGIN {
    for (i = 1; i <= n; i++) {
        s = sprintf("line %d:", i)
        for (j = 0; j < i % 37; j++)
            s = s sprintf(" w%d", (i * 31 + j * 7) % 1000)
        print s
    }
    print "quit"
}' >"$tmp/echo.in"

# measure NAME ELF INPUT DESCRIPTION [CASE]: CASE names the run (default NAME)
measure() {
    name=$1 elf=$2 in=$3 what=$4
    d=$tmp/${5:-$name}
    mkdir -p "$d"

    timeout "$QEMU_TIMEOUT" $QEMU $QEMU_ARGS -kernel "$elf" <"$in" >"$d/ref.out" 2>"$d/ref.err"
    rc=$?
    if [ $rc != 0 ] || ! grep -q "^$name: ok\$" "$d/ref.out"; then
        cat "$d/ref.out" "$d/ref.err" >&2
        fail "$name: the guest does not run on plain QEMU ($(status_text $rc))"
    fi

    "$rewind" record -o "$d/rec" "$elf" <"$in" >"$d/rec.out" 2>"$d/rec.err"
    rc=$?
    comparable "$d/ref.out" >"$d/ref.cmp"
    comparable "$d/rec.out" >"$d/rec.cmp"
    if [ $rc != 0 ] || ! cmp -s "$d/ref.cmp" "$d/rec.cmp"; then
        diff "$d/ref.cmp" "$d/rec.cmp" | head -20 >&2
        head -5 "$d/rec.err" >&2
        fail "$name: rewind's recording differs from plain QEMU's output ($(status_text $rc))"
    fi
    "$rewind" replay "$d/rec" </dev/null >"$d/replay.out" 2>"$d/replay.err"
    rc=$?
    if [ $rc != 0 ] || ! cmp -s "$d/rec.out" "$d/replay.out"; then
        diff "$d/rec.out" "$d/replay.out" | head -20 >&2
        head -5 "$d/replay.err" >&2
        fail "$name: rewind's replay differs from its recording ($(status_text $rc))"
    fi
    "$rewind" log dump --summary "$d/rec" >"$d/summary" 2>&1 ||
        fail "$name: rewind log dump --summary failed: $(head -3 "$d/summary")"
    insns=$(sed -n 's/^final icount *\([0-9][0-9]*\).*/\1/p' "$d/summary")
    [ -n "$insns" ] && [ "$insns" -gt 0 ] || fail "$name: no final icount in the log summary"
    rwl=$(wc -c <"$d/rec/events.rwl")
    dir=$(find "$d/rec" -type f -exec cat {} + | wc -c)

    timeout "$QEMU_TIMEOUT" $QEMU $QEMU_ARGS -icount "shift=auto,rr=record,rrfile=$d/qemu.rr" \
        -kernel "$elf" <"$in" >"$d/qrec.out" 2>"$d/qrec.err"
    qrc=$?
    qbytes=0
    [ -f "$d/qemu.rr" ] && qbytes=$(wc -c <"$d/qemu.rr")
    comparable "$d/qrec.out" >"$d/qrec.cmp"
    qfail=
    if [ $qrc != 0 ]; then
        qfail=$(status_text $qrc)
    elif ! cmp -s "$d/ref.cmp" "$d/qrec.cmp"; then
        qfail="its output differs from plain QEMU's in $(diff "$d/ref.cmp" "$d/qrec.cmp" | grep -c '^<') of $(wc -l <"$d/ref.cmp") lines"
    fi

    echo "rrlog: $name ($what), $insns instructions (rewind's final icount; both per-1e9 figures use it)"
    awk -v b="$rwl" -v d="$dir" -v i="$insns" \
        'BEGIN { printf "  rewind  events.rwl %9d bytes (directory %d)  %9.0f bytes per 1e9 instructions\n", b, d, b / i * 1e9 }'
    if [ -z "$qfail" ]; then
        awk -v q="$qbytes" -v b="$rwl" -v d="$dir" -v i="$insns" \
            'BEGIN { printf "  qemu    rr file    %9d bytes                    %9.0f bytes per 1e9 instructions\n", q, q / i * 1e9
                     printf "  rewind / qemu      %.3f (events.rwl), %.3f (directory)\n", b / q, d / q }'
    else
        echo "  qemu    rr file    $qbytes bytes when it stopped; its recording FAILED ($qfail): no ratio"
    fi
    if [ "$name" = echo ]; then
        inb=$(wc -c <"$in")
        awk -v b="$rwl" -v q="$qbytes" -v n="$inb" -v f="$qfail" \
            'BEGIN { printf "  input              %d bytes; rewind %.1f log bytes per input byte", n, b / n
                     if (f == "") printf ", qemu %.1f", q / n
                     printf "\n" }'
        echo "  (most of echo's instructions are the guest polling the UART for the next byte)"
    fi
    # What rewind's log is made of: the kinds with events, largest first,
    # and the rest (header, block framing, trailer).
    awk '/^kind / { on = 1; next }
         on && $1 == "total" { total = $3; on = 0; next }
         on && $2 > 0 { printf "%d %s %d\n", $3, $1, $2 }
         /^log bytes/ { log_bytes = $3 }
         END { printf "%d framing 0\n", log_bytes - total }' "$d/summary" |
        sort -rn | awk '{ s = s sep $2 " " $1 ($3 ? " (" $3 ($3 == 1 ? " event)" : " events)") : ""); sep = ", " }
                       END { print "  rewind log by kind: " s }'
}

measure ticks "$ticks_elf" /dev/null "1 ms timer tick, WFI waits, no input"
measure echo "$echo_elf" "$tmp/echo.in" "serial echo, $ECHO_LINES lines of input"
# The 8 lines of the test input: short enough that QEMU's recording
# sometimes survives it, for a ratio when it does.
measure echo "$echo_elf" "$(dirname "$0")/../tests/guest/echo.in" \
    "serial echo, the 8 lines of tests/guest/echo.in" echo-short
