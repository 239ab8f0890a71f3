#!/bin/sh
# tests/guest/run-guests.sh — differential test of guest programs.
#
#   run-guests.sh --rewind PATH ELF...   each ELF on QEMU and on rewind:
#                                        stdout, stderr and exit status must
#                                        be identical
#   run-guests.sh --qemu-only ELF...     each ELF on QEMU alone: it must print
#                                        its "NAME: ok" line
#
# An ELF named *-semi.elf runs with -semihosting. A program's serial input is
# tests/guest/NAME.in when that file exists (NAME: the ELF name up to the
# first '-'), otherwise empty. Programs run GUEST_JOBS at a time (default:
# the number of host CPUs); results print in the order given. Ends with
# "guests: N passed, M failed"; the exit status is 1 when any failed.
#
# rewind runs with --stats (its lines are taken out of stderr before the
# comparison) and, unless GUEST_REPEAT=0, runs a second time: the two runs
# must agree on output, exit status, instruction count and final state hash
# (determinism).
set -u

here=$(cd "$(dirname "$0")" && pwd)
rewind=
mode=diff
case "${1:-}" in
--rewind) rewind=$2; shift 2 ;;
--qemu-only) mode=qemu; shift ;;
*) echo "usage: $0 --rewind PATH ELF... | --qemu-only ELF..." >&2; exit 2 ;;
esac

QEMU=${QEMU:-qemu-system-aarch64}
TIMEOUT=${GUEST_TIMEOUT:-120}
JOBS=${GUEST_JOBS:-$(nproc)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# check ELF DIR: runs one program, leaves DIR/{qemu,rewind}.{out,err,rc} and
# DIR/verdict: "PASS" or "FAIL reason".
check() {
    elf=$1 dir=$2
    base=$(basename "$elf" .elf)
    name=${base%%-*}
    semi=
    case "$base" in *-semi) semi=-semihosting ;; esac
    input=/dev/null
    [ -f "$here/$name.in" ] && input=$here/$name.in

    timeout "$TIMEOUT" "$QEMU" -M virt -cpu cortex-a57 -m 128M -display none \
        -monitor none -serial stdio $semi -kernel "$elf" \
        <"$input" >"$dir/qemu.out" 2>"$dir/qemu.err"
    echo $? >"$dir/qemu.rc"
    if [ "$mode" = qemu ]; then
        # The console the program prints on: stdout (UART) or stderr
        # (QEMU prints the semihosting console there).
        out=$dir/qemu.out
        [ -n "$semi" ] && out=$dir/qemu.err
        if grep -q "^$name: ok" "$out"; then
            echo PASS >"$dir/verdict"
        else
            echo "FAIL no '$name: ok' line (exit status $(cat "$dir/qemu.rc"))" >"$dir/verdict"
        fi
        return
    fi
    run_rewind "$elf" "$input" "$dir/rewind"
    why=
    for part in out err rc; do
        cmp -s "$dir/qemu.$part" "$dir/rewind.$part" || why="$why $part"
    done
    if [ -n "$why" ]; then
        echo "FAIL differs in:$why" >"$dir/verdict"
        return
    fi
    if [ "${GUEST_REPEAT:-1}" != 0 ]; then
        run_rewind "$elf" "$input" "$dir/again"
        for part in out err rc count; do
            cmp -s "$dir/rewind.$part" "$dir/again.$part" || why="$why $part"
        done
        if [ -n "$why" ]; then
            echo "FAIL nondeterministic: a second rewind run differs in:$why" \
                "(instructions $(cat "$dir/rewind.count") then $(cat "$dir/again.count"))" \
                >"$dir/verdict"
            return
        fi
    fi
    echo "PASS ($(cut -d, -f1 "$dir/rewind.count") instructions)" >"$dir/verdict"
}

# run_rewind ELF INPUT PREFIX: PREFIX.{out,err,rc,count}; the --stats lines
# are cut out of stderr into PREFIX.count: the instruction count and the
# final state hash.
run_rewind() {
    timeout "$TIMEOUT" "$rewind" run --stats $semi "$1" <"$2" >"$3.out" 2>"$3.raw"
    echo $? >"$3.rc"
    perl -0ne 'print $1 if /rewind: (\d+) instructions in [\d.]+ s \([\d.]+ MIPS\)\n/;
               print ", state $1" if /rewind: final state hash (.*)\n/' "$3.raw" >"$3.count"
    perl -0pe 's/rewind: \d+ instructions in [\d.]+ s \([\d.]+ MIPS\)\n//;
               s/rewind: final state hash .*\n//' "$3.raw" >"$3.err"
}

# Launch in batches of $JOBS.
n=0
running=0
for elf in "$@"; do
    n=$((n + 1))
    mkdir "$tmp/$n"
    check "$elf" "$tmp/$n" &
    running=$((running + 1))
    if [ $running -ge "$JOBS" ]; then
        wait
        running=0
    fi
done
wait

passed=0
failed=0
n=0
for elf in "$@"; do
    n=$((n + 1))
    dir=$tmp/$n
    base=$(basename "$elf" .elf)
    verdict=$(cat "$dir/verdict")
    case "$verdict" in
    PASS*)
        passed=$((passed + 1))
        echo "PASS $base${verdict#PASS}"
        ;;
    *)
        failed=$((failed + 1))
        echo "FAIL $base: ${verdict#FAIL }"
        if [ "$mode" = diff ]; then
            for part in out err rc; do
                [ -f "$dir/again.$part" ] && continue       # nondeterminism: no QEMU diff
                cmp -s "$dir/qemu.$part" "$dir/rewind.$part" && continue
                echo "--- $part: qemu (-) vs rewind (+)"
                diff -u "$dir/qemu.$part" "$dir/rewind.$part" | tail -n +3 | head -40
            done
        else
            tail -5 "$dir/qemu.out" "$dir/qemu.err"
        fi
        ;;
    esac
done

echo "guests: $passed passed, $failed failed"
[ $failed = 0 ]
