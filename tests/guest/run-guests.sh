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
    timeout "$TIMEOUT" "$rewind" run $semi "$elf" \
        <"$input" >"$dir/rewind.out" 2>"$dir/rewind.err"
    echo $? >"$dir/rewind.rc"
    why=
    for part in out err rc; do
        cmp -s "$dir/qemu.$part" "$dir/rewind.$part" || why="$why $part"
    done
    if [ -z "$why" ]; then
        echo PASS >"$dir/verdict"
    else
        echo "FAIL differs in:$why" >"$dir/verdict"
    fi
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
    PASS)
        passed=$((passed + 1))
        echo "PASS $base"
        ;;
    *)
        failed=$((failed + 1))
        echo "FAIL $base: ${verdict#FAIL }"
        if [ "$mode" = diff ]; then
            for part in out err rc; do
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
