#!/bin/sh
# tests/replay/run-rr.sh REWIND GUEST_OUT — record and replay, end to end.
#
# Each guest is recorded once (its serial input, tests/guest/NAME.in, piped
# in when it exists), then replayed RR_REPLAYS times (default 20) with stdin
# closed: every replay must print exactly what the recording printed (stdout
# and stderr, which holds --stats' final state hash: every register and
# every page of RAM), exit the same way and retire the same number of
# instructions, and `rewind log check` must accept the log. Then a recording is damaged:
# a replay of its truncated log must fail with one line and exit status 4,
# and `--salvage` must replay what is left; a flipped byte and a program
# changed since the recording must be refused with one line. Last line:
# "rr: N passed, M failed"; exit status 1 when any failed.
set -u

rewind=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
guests=$here/../guest
REPLAYS=${RR_REPLAYS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

# The --stats line without its timing: "rewind: N instructions".
icount_of() { sed -n 's/^\(rewind: [0-9]* instructions\).*/\1/p' "$1"; }
# stderr without the --stats line.
strip_stats() { grep -v '^rewind: [0-9]* instructions' "$1"; }

verdict() {
    if [ "$2" = ok ]; then
        pass=$((pass + 1)); echo "PASS $1"
    else
        fail=$((fail + 1)); echo "FAIL $1: $2"
    fi
}

check() {
    name=$1 elf=$out/$1.elf
    base=${name%%-*}
    input=/dev/null
    [ -f "$guests/$base.in" ] && input=$guests/$base.in
    rec=$tmp/$name
    "$rewind" record -o "$rec" --stats "$elf" <"$input" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    icount=$(icount_of "$tmp/$name.err")
    strip_stats "$tmp/$name.err" >"$tmp/$name.err2"
    if [ -z "$icount" ]; then
        verdict "$name" "recording failed (exit $rc): $(head -3 "$tmp/$name.err")"
        return
    fi
    if ! "$rewind" log check "$rec" >"$tmp/$name.check" 2>&1; then
        verdict "$name" "log check: $(cat "$tmp/$name.check")"
        return
    fi
    i=0
    while [ $i -lt "$REPLAYS" ]; do
        i=$((i + 1))
        "$rewind" replay --stats "$rec" </dev/null >"$tmp/$name.rout" 2>"$tmp/$name.rerr"
        rrc=$?
        ric=$(icount_of "$tmp/$name.rerr")
        strip_stats "$tmp/$name.rerr" >"$tmp/$name.rerr2"
        if [ $rrc != $rc ] || [ "$ric" != "$icount" ] ||
           ! cmp -s "$tmp/$name.out" "$tmp/$name.rout" ||
           ! cmp -s "$tmp/$name.err2" "$tmp/$name.rerr2"; then
            verdict "$name" "replay $i differs (exit $rrc vs $rc, '$ric' vs '$icount'): $(head -3 "$tmp/$name.rerr2")"
            return
        fi
    done
    verdict "$name" ok
}

# refused NAME STATUS PATTERN ARGS...: `rewind replay ARGS...` must fail
# with exit status STATUS and one line on stderr that matches PATTERN.
refused() {
    name=$1 want=$2 pattern=$3
    shift 3
    "$rewind" replay "$@" </dev/null >/dev/null 2>"$tmp/refused.err"
    rc=$?
    lines=$(wc -l <"$tmp/refused.err")
    if [ $rc = "$want" ] && [ "$lines" = 1 ] && grep -q -e "$pattern" "$tmp/refused.err"; then
        verdict "$name" ok
    else
        verdict "$name" "exit $rc, $lines lines: $(cat "$tmp/refused.err")"
    fi
}

for g in echo-O2-uart irq-O2-uart sched-O2-uart rtc-O2-uart loop-O2-uart; do
    check "$g"
done

# A recording whose recorder died before sealing it: the echo guest's log
# loses its 40-byte trailer. A plain replay refuses it; --salvage replays
# its complete blocks, here all of the run.
rec=$tmp/echo-O2-uart
if [ -d "$rec" ]; then
    size=$(wc -c <"$rec/events.rwl")
    head -c $((size - 40)) "$rec/events.rwl" >"$tmp/cut.rwl" && mv "$tmp/cut.rwl" "$rec/events.rwl"
    refused "truncated log refused" 4 offset "$rec"
    "$rewind" replay --salvage "$rec" </dev/null >"$tmp/salv.out" 2>"$tmp/salv.err"
    rc=$?
    if [ $rc = 0 ] && cmp -s "$tmp/salv.out" "$tmp/echo-O2-uart.out"; then
        verdict "truncated log salvaged" ok
    else
        verdict "truncated log salvaged" "exit $rc: $(head -3 "$tmp/salv.err")"
    fi
fi

# A flipped byte inside the last block (just before the 40-byte trailer):
# refused with one line naming the offset.
rec=$tmp/rtc-O2-uart
if [ -d "$rec" ]; then
    cp "$rec/events.rwl" "$tmp/flip.rwl"
    size=$(wc -c <"$rec/events.rwl")
    printf '\377' | dd of="$rec/events.rwl" bs=1 seek=$((size - 60)) conv=notrunc 2>/dev/null
    refused "flipped byte refused" 4 offset "$rec"
    mv "$tmp/flip.rwl" "$rec/events.rwl"
fi

# The program changed since the recording: refused, the difference named.
cp "$out/loop-O2-uart.elf" "$tmp/prog.elf"
if "$rewind" record -o "$tmp/changed" "$tmp/prog.elf" </dev/null >/dev/null 2>&1; then
    refused "different option refused" 1 "-m: recorded 128M, given 64M" -m 64M "$tmp/changed"
    printf 'x' >>"$tmp/prog.elf"
    refused "changed program refused" 1 "contents changed" "$tmp/changed"
else
    verdict "changed program refused" "could not record"
fi

# QEMU's spelling: rewind run -icount rr=record|replay,rrfile=DIR, the
# replay repeating the options.
elf=$out/rtc-O2-uart.elf
if "$rewind" run -icount rr=record,rrfile="$tmp/q" "$elf" </dev/null >"$tmp/q.out" 2>&1 &&
   "$rewind" run -icount shift=0,rr=replay,rrfile="$tmp/q" "$elf" </dev/null >"$tmp/q.rout" 2>&1 &&
   cmp -s "$tmp/q.out" "$tmp/q.rout"; then
    verdict "qemu spelling" ok
else
    verdict "qemu spelling" "$(head -3 "$tmp/q.rout")"
fi

# A recorder killed with SIGKILL while the guest waits for input (polling
# the UART, so sync events keep coming): the log's blocks go to disk at
# least every second, and what they hold replays with --salvage (a plain
# replay refuses the log).
(printf 'hello\n'; sleep 5) | "$rewind" record -o "$tmp/killed" "$out/echo-O2-uart.elf" \
    >"$tmp/killed.out" 2>&1 &
sleep 3
pkill -KILL -f "record -o $tmp/killed" 2>/dev/null
wait 2>/dev/null
"$rewind" replay "$tmp/killed" </dev/null >/dev/null 2>"$tmp/killed.err"
rc=$?
"$rewind" replay --salvage "$tmp/killed" </dev/null >"$tmp/killed.rout" 2>/dev/null
src=$?
if [ $rc = 4 ] && [ $src = 0 ] && grep -q "OLLEH" "$tmp/killed.rout" &&
   cmp -s "$tmp/killed.out" "$tmp/killed.rout"; then
    verdict "killed recorder salvaged" ok
else
    verdict "killed recorder salvaged" "replay exit $rc, salvage exit $src: $(head -2 "$tmp/killed.err")"
fi

# Ctrl-C while recording: the log ends with a user stop, sealed; the
# replay stops there with the same output.
(printf 'hello\n'; sleep 5) | "$rewind" record -o "$tmp/intr" "$out/echo-O2-uart.elf" \
    >"$tmp/intr.out" 2>/dev/null &
sleep 2
pkill -INT -f "record -o $tmp/intr" 2>/dev/null
wait 2>/dev/null
if "$rewind" log check "$tmp/intr" >/dev/null 2>&1 &&
   "$rewind" replay "$tmp/intr" </dev/null >"$tmp/intr.rout" 2>/dev/null &&
   cmp -s "$tmp/intr.out" "$tmp/intr.rout" && grep -q OLLEH "$tmp/intr.rout"; then
    verdict "interrupted recording sealed" ok
else
    verdict "interrupted recording sealed" "$("$rewind" log check "$tmp/intr" 2>&1 | head -2)"
fi

echo "rr: $pass passed, $fail failed"
[ $fail = 0 ]
