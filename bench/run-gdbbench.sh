#!/bin/sh
# bench/run-gdbbench.sh REWIND ELF — reverse debugging under gdb, rewind
# against QEMU's record/replay, on the same recording of ELF
# (bench/gdbbench.c, about 1e8 instructions; no input).
#
# Records ELF with `REWIND record` and with QEMU 7.2's
#   qemu-system-aarch64 -M virt -cpu cortex-a57 ... -net none
#       -drive file=rr.qcow2,if=none,id=rr
#       -icount shift=auto,rr=record,rrfile=qemu.rr,rrsnapshot=init
# (the qcow2, made by qemu-img, only holds the snapshot `init` that QEMU's
# reverse execution starts from: it has no other snapshots); both outputs
# must end "gdbbench: ok" and agree. Then one gdb-multiarch -batch session
# against each replay: `REWIND replay -gdb tcp::0 DIR`, and QEMU with the
# same options and rr=replay, -gdb on a unix socket, -S. The session is
# bench/gdbbench.py (gdb's Python times each command; see there): from the
# end of the recording, one reverse-stepi, 100 more, reverse-continue into
# the loop's last pass then 8 reverse-next, reverse-continue with a write
# watchpoint on a global written at the start, reverse-continue to a
# breakpoint on a function run once at the start. Breakpoints are deleted
# after each operation (QEMU replays far slower while one is set).
#
# rewind's session runs RUNS times (default 3, a fresh stub each time; the
# figures are medians), QEMU's once (it takes half a minute). Prints each
# operation's time for both, the ratio QEMU / rewind, and
# whether the targets hold (reverse-stepi under 1 ms median; every reverse
# operation at least 10x faster than QEMU). When QEMU fails an operation
# (or its session dies), its message is printed and that line has no
# ratio: this does not fail the bench. It fails when rewind cannot record,
# replay or finish the session, or when an operation fails on rewind.
# Where each operation stopped is compared between the two (a difference
# is printed; rewind's stops are checked against expected source lines).
set -u

rewind=$1
elf=$2
here=$(dirname "$0")
. "$here/../build-aux/stub-port.sh"
GDB=${GDB:-gdb-multiarch}
QEMU=${QEMU:-qemu-system-aarch64}
QEMU_IMG=${QEMU_IMG:-qemu-img}
GDB_TIMEOUT=${GDB_TIMEOUT:-300}
RUNS=${RUNS:-3}
QEMU_ARGS="-M virt -cpu cortex-a57 -m 128M -display none -monitor none -net none"

tmp=$(mktemp -d)
stub=
trap 'cleanup' EXIT
trap 'exit 1' INT TERM
cleanup() {
    [ -n "$stub" ] && kill "$stub" 2>/dev/null
    rm -rf "$tmp"
}

fail() {
    echo "gdbbench: $*" >&2
    exit 1
}

# qemu_rr MODE: QEMU's record/replay options.
qemu_rr() {
    echo "-drive file=$tmp/rr.qcow2,if=none,id=rr -icount shift=auto,rr=$1,rrfile=$tmp/qemu.rr,rrsnapshot=init"
}

# --- Recordings -----------------------------------------------------------
"$rewind" record -o "$tmp/rec" "$elf" </dev/null >"$tmp/rec.out" 2>"$tmp/rec.err" ||
    fail "rewind cannot record $elf: $(head -3 "$tmp/rec.err")"
grep -q '^gdbbench: ok$' "$tmp/rec.out" || fail "rewind's recording did not end well: $(tail -3 "$tmp/rec.out")"
"$rewind" log dump --summary "$tmp/rec" >"$tmp/summary" 2>&1 ||
    fail "rewind log dump --summary failed: $(head -3 "$tmp/summary")"
insns=$(sed -n 's/^final icount *\([0-9][0-9]*\).*/\1/p' "$tmp/summary")

$QEMU_IMG create -f qcow2 "$tmp/rr.qcow2" 16M >"$tmp/img.out" 2>&1 ||
    fail "qemu-img cannot create the snapshot disk: $(cat "$tmp/img.out")"
qrec_ok=
# shellcheck disable=SC2046,SC2086
if timeout 120 $QEMU $QEMU_ARGS $(qemu_rr record) -serial "file:$tmp/qrec.out" -kernel "$elf" \
       </dev/null >"$tmp/qrec.err" 2>&1 && cmp -s "$tmp/rec.out" "$tmp/qrec.out"; then
    qrec_ok=1
else
    echo "gdbbench: QEMU's recording failed or printed something else: $(head -3 "$tmp/qrec.err")" >&2
fi

# --- Sessions -------------------------------------------------------------
# session NAME TARGET: gdb -batch with bench/gdbbench.py against TARGET (a
# `target remote` argument); output in $tmp/NAME.out, status in $tmp/NAME.rc.
session() {
    {
        echo "set pagination off"
        echo "set confirm off"
        echo "set height 0"
        echo "target remote $2"
        echo "source $here/gdbbench.py"
        echo "kill"
    } >"$tmp/$1.gdb"
    timeout "$GDB_TIMEOUT" "$GDB" -batch -nx -x "$tmp/$1.gdb" "$elf" >"$tmp/$1.out" 2>&1
    echo $? >"$tmp/$1.rc"
}

# stop_stub: waits a little for the stub to leave after gdb's kill, then
# ends it.
stop_stub() {
    i=0
    while [ $i -lt 20 ] && kill -0 "$stub" 2>/dev/null; do
        sleep 0.1
        i=$((i + 1))
    done
    kill "$stub" 2>/dev/null
    wait "$stub" 2>/dev/null
    stub=
}

# rewind_session K: one session against a fresh rewind stub, in rewindK.
rewind_session() {
    "$rewind" replay -gdb tcp::0 "$tmp/rec" </dev/null >"$tmp/stub.out" 2>"$tmp/stub.err" &
    stub=$!
    stub_port "$tmp/stub.err"
    [ -n "$port" ] || fail "rewind's stub did not start: $(cat "$tmp/stub.err")"
    session "rewind$1" ":$port"
    stop_stub
}

k=1
while [ $k -le "$RUNS" ]; do
    rewind_session $k
    k=$((k + 1))
done

if [ -n "$qrec_ok" ]; then
    sock=$tmp/qemu.sock
    # shellcheck disable=SC2046,SC2086
    $QEMU $QEMU_ARGS $(qemu_rr replay) -serial "file:$tmp/qrep.out" -kernel "$elf" \
        -gdb "unix:$sock,server=on,wait=off" -S </dev/null >"$tmp/qstub.err" 2>&1 &
    stub=$!
    i=0
    while [ ! -S "$sock" ] && [ $i -lt 100 ]; do
        sleep 0.05
        i=$((i + 1))
    done
    if [ -S "$sock" ]; then
        session qemu "$sock"
    else
        echo "QEMU did not open its gdb socket: $(head -3 "$tmp/qstub.err")" >"$tmp/qemu.out"
        echo 1 >"$tmp/qemu.rc"
    fi
    stop_stub
else
    echo "F all QEMU's recording failed" >"$tmp/qemu.out"
    echo 1 >"$tmp/qemu.rc"
fi

# --- Figures --------------------------------------------------------------
# rewind must have done every operation, every time.
OPS="to-end rsi1 rsi100 rc-loop rnext8 rc-watch to-end2 rc-break"
k=1
while [ $k -le "$RUNS" ]; do
    out=$tmp/rewind$k.out
    if grep -q '^F ' "$out" || [ "$(grep -c '^T ' "$out")" != 8 ]; then
        grep -v '^O ' "$out" | tail -20 >&2
        echo "gdb's last output:" >&2
        grep '^O ' "$out" | tail -10 >&2
        fail "session $k against rewind failed (gdb exit status $(cat "$tmp/rewind$k.rc"))"
    fi
    k=$((k + 1))
done

# mid: the median of the numbers on stdin, one a line (nothing for none).
mid() { sort -n | awk '{ t[NR] = $1 } END { if (NR) printf "%.6f\n", t[int((NR + 1) / 2)] }'; }
# summarize OUT FILES...: per operation, the median over FILES of its time
# (T) and of its steps' median (M); where it stopped from the first file.
summarize() {
    dst=$1
    shift
    : >"$dst"
    for name in $OPS; do
        t=$(for f in "$@"; do sed -n "s/^T $name //p" "$f"; done | mid)
        [ -n "$t" ] && echo "T $name $t" >>"$dst"
        m=$(for f in "$@"; do sed -n "s/^S $name //p" "$f" | tr ' ' '\n' | mid; done | mid)
        [ -n "$m" ] && echo "M $name $m" >>"$dst"
        sed -n "s/^W $name /W $name /p" "$1" >>"$dst"
    done
}
k=1 files=
while [ $k -le "$RUNS" ]; do
    files="$files $tmp/rewind$k.out"
    k=$((k + 1))
done
# shellcheck disable=SC2086
summarize "$tmp/rewind.sum" $files
summarize "$tmp/qemu.sum" "$tmp/qemu.out"

# Where rewind stopped: the lines bench/gdbbench.c says.
src=$here/gdbbench.c
loop_line=$(grep -n 'gdbbench: rc-loop' "$src" | cut -d: -f1)
seed_line=$(grep -n '^    seed = ' "$src" | cut -d: -f1)
for check in "to-end finish" "rc-loop main:$loop_line" "rc-watch main:$seed_line" \
             "to-end2 finish" "rc-break setup"; do
    # shellcheck disable=SC2086
    set -- $check
    for f in $files; do
        grep -q "^W $1 [^ ]* $2" "$f" ||
            fail "rewind's $1 stopped at $(sed -n "s/^W $1 //p" "$f"), not in $2"
    done
done

# fig FILE NAME: an operation's time, or nothing; med FILE NAME: the median
# of a repeated operation's steps.
fig() { sed -n "s/^T $2 //p" "$1"; }
med() { sed -n "s/^M $2 //p" "$1"; }
# qfail NAME: QEMU's failure for an operation, or what ended its session.
qfail() {
    f=$(sed -n "s/^F $1 //p; s/^F all //p" "$tmp/qemu.out" | head -1)
    if [ -z "$f" ]; then
        f="its session ended first (gdb exit status $(cat "$tmp/qemu.rc")): $(grep -v '^[TSWO] ' "$tmp/qemu.out" |
            grep -v -e '^warning:' -e 'GDB will be unable' -e 'track explicitly' | tail -2 | tr '\n' ' ')"
    fi
    echo "$f"
}

echo "gdbbench: $(basename "$elf"), $insns instructions; $GDB -batch; rewind the median of $RUNS" \
     "sessions, QEMU one;" \
     "$(nproc) host CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-44s %12s %12s %10s\n' "operation (from the end of the recording)" rewind qemu qemu/rewind
missed=
# line LABEL REWIND_SECONDS QEMU_SECONDS|"" OPNAME [reverse]
line() {
    label=$1 r=$2 q=$3 name=$4 rev=${5:-}
    if [ -n "$q" ]; then
        awk -v l="$label" -v r="$r" -v q="$q" 'BEGIN {
            printf "  %-44s %9.3f ms %9.3f ms %9.1fx\n", l, r * 1000, q * 1000, q / r }'
        if [ -n "$rev" ] && awk -v r="$r" -v q="$q" 'BEGIN { exit !(q / r < 10) }'; then
            missed="$missed; $label is under 10x"
        fi
    else
        awk -v l="$label" -v r="$r" 'BEGIN { printf "  %-44s %9.3f ms ", l, r * 1000 }'
        echo "   qemu failed: $(qfail "$name")"
    fi
}
R=$tmp/rewind.sum Q=$tmp/qemu.sum
line "continue to the end (forwards, for scale)" "$(fig "$R" to-end)" "$(fig "$Q" to-end)" to-end
line "reverse-stepi" "$(fig "$R" rsi1)" "$(fig "$Q" rsi1)" rsi1 reverse
line "100 reverse-stepi, total" "$(fig "$R" rsi100)" "$(fig "$Q" rsi100)" rsi100 reverse
line "100 reverse-stepi, median step" "$(med "$R" rsi100)" "$(med "$Q" rsi100)" rsi100 reverse
line "reverse-continue to the loop's last pass" "$(fig "$R" rc-loop)" "$(fig "$Q" rc-loop)" rc-loop reverse
line "8 reverse-next, total" "$(fig "$R" rnext8)" "$(fig "$Q" rnext8)" rnext8 reverse
line "8 reverse-next, median step" "$(med "$R" rnext8)" "$(med "$Q" rnext8)" rnext8 reverse
line "reverse-continue, write watchpoint (start)" "$(fig "$R" rc-watch)" "$(fig "$Q" rc-watch)" rc-watch reverse
line "reverse-continue to a breakpoint (start)" "$(fig "$R" rc-break)" "$(fig "$Q" rc-break)" rc-break reverse

# Where the two stopped, when they differ.
for name in $OPS; do
    rw=$(sed -n "s/^W $name //p" "$R")
    qw=$(sed -n "s/^W $name //p" "$Q")
    [ -n "$qw" ] && [ "$rw" != "$qw" ] &&
        echo "  note: $name stopped at $rw on rewind, at $qw on QEMU"
done

awk -v m="$(med "$R" rsi100)" 'BEGIN { printf "  target reverse-stepi < 1 ms median: %.3f ms, %s\n", m * 1000, m < 0.001 ? "met" : "MISSED" }'
if [ -z "$missed" ]; then
    echo "  target every reverse operation >= 10x faster than QEMU: met (where QEMU did it)"
else
    echo "  target every reverse operation >= 10x faster than QEMU: MISSED${missed#;}"
fi
