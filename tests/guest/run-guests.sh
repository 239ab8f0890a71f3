#!/bin/sh
# tests/guest/run-guests.sh — differential test of guest programs.
#
#   run-guests.sh --rewind PATH ELF...   each ELF on QEMU and on rewind:
#                                        stdout, stderr and exit status must
#                                        be identical
#   run-guests.sh --qemu-only ELF...     each ELF on QEMU alone: it must end
#                                        with its "NAME: ok" line
#
# An ELF named *-semi.elf runs with -semihosting. A program's serial input is
# tests/guest/NAME.in when that file exists (NAME: the ELF name up to the
# first '-'), otherwise empty. Ends with "guests: N passed, M failed"; the
# exit status is 1 when any failed.
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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

passed=0
failed=0

# run_one TAG ELF CMD...: runs CMD with the program's input, leaves
# $tmp/TAG.out, $tmp/TAG.err and $tmp/TAG.rc.
run_one() {
    tag=$1 input=$2
    shift 2
    timeout "$TIMEOUT" "$@" <"$input" >"$tmp/$tag.out" 2>"$tmp/$tag.err"
    echo $? >"$tmp/$tag.rc"
}

for elf in "$@"; do
    base=$(basename "$elf" .elf)
    name=${base%%-*}
    semi=
    case "$base" in *-semi) semi=-semihosting ;; esac
    input=/dev/null
    [ -f "$here/$name.in" ] && input=$here/$name.in

    run_one qemu "$input" "$QEMU" -M virt -cpu cortex-a57 -m 128M -display none \
        -monitor none -serial stdio $semi -kernel "$elf"
    ok=1
    why=
    if [ "$mode" = qemu ]; then
        # The console the program prints on: stdout (UART) or stderr
        # (QEMU prints the semihosting console there).
        out=$tmp/qemu.out
        [ -n "$semi" ] && out=$tmp/qemu.err
        if ! grep -q "^$name: ok" "$out"; then
            ok=0 why="no '$name: ok' line (exit status $(cat "$tmp/qemu.rc"))"
        fi
    else
        run_one rewind "$input" "$rewind" run $semi "$elf"
        for part in out err rc; do
            if ! cmp -s "$tmp/qemu.$part" "$tmp/rewind.$part"; then
                ok=0 why="$why $part"
            fi
        done
        [ -n "$why" ] && why="differs in:$why"
    fi

    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        echo "PASS $base"
    else
        failed=$((failed + 1))
        echo "FAIL $base: $why"
        if [ "$mode" = diff ]; then
            for part in out err rc; do
                cmp -s "$tmp/qemu.$part" "$tmp/rewind.$part" && continue
                echo "--- $part: qemu (-) vs rewind (+)"
                diff -u "$tmp/qemu.$part" "$tmp/rewind.$part" | tail -n +3 | head -40
            done
        else
            tail -5 "$tmp/qemu.out" "$tmp/qemu.err"
        fi
    fi
done

echo "guests: $passed passed, $failed failed"
[ $failed = 0 ]
