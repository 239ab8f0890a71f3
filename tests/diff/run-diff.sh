#!/bin/bash
# tests/diff/run-diff.sh — differential test of rewind against
# qemu-system-aarch64 on random instruction blocks (see gen.c, cmp.c).
#
#   run-diff.sh [options] SPEC...
#     SPEC      SEED:CLASSES:BLOCKS[:FIRST[:LEN]] (one guest image each:
#               blocks FIRST.. of the stream, default 0; LEN overrides -k),
#               e.g. 1:all:1000 or 1:all:1000:0:32;
#               classes: dpimm dpreg ldst branch fp simd sys all, joined
#               by ','; "-WORD" drops encoding groups (see diff.h), e.g.
#               1:simd,-crypto:1000
#     -k LEN    instructions per block (16)
#     -j JOBS   images run at once (2)
#     -q MAX    failing blocks shown in full per image (5)
#     -l MAX    failing blocks per image localized to one instruction,
#               taken in turn from each kind of first difference (3)
#     -t SECS   time limit per emulator run (300)
#     -w DIR    work directory (build/tests/diff/work)
#     -K        keep the image and both outputs of a failing image (else
#               only its log is kept: any image can be regenerated)
#     -B NAME   compare QEMU against NAME instead of rewind: "qemu" (QEMU
#               against itself) or "corrupt" (QEMU with one flipped
#               output byte per image) — self-tests of this tool
#   Environment: DIFFTOOL (build/tests/diff/difftool), REWIND (build/rewind),
#   QEMU (qemu-system-aarch64), CROSS (aarch64-linux-gnu-).
#
# Each image is assembled, run on both emulators at once, and compared
# block by block; a failing block prints seed, block number, encodings with
# disassembly and the first differing register or memory byte. Localizing
# re-runs one block as LEN+1 prefixes and prints the first instruction whose
# result differs ("CULPRIT [class: group] encoding disassembly | field").
# Last line: "diff: N passed, M failed" (blocks). Exit status 1 if any block
# failed or an image could not be built or run.
set -u

LEN=16 JOBS=2 SHOW=5 LOCAL=3 TLIMIT=300 WORK=build/tests/diff/work OTHER=rewind KEEP=0
while getopts "k:j:q:l:t:w:B:K" o; do
    case $o in
    k) LEN=$OPTARG ;; j) JOBS=$OPTARG ;; q) SHOW=$OPTARG ;; l) LOCAL=$OPTARG ;;
    t) TLIMIT=$OPTARG ;; w) WORK=$OPTARG ;; B) OTHER=$OPTARG ;; K) KEEP=1 ;;
    *) sed -n '3,24p' "$0" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { sed -n '3,24p' "$0" >&2; exit 2; }

DIFFTOOL=${DIFFTOOL:-build/tests/diff/difftool}
REWIND=${REWIND:-build/rewind}
QEMU=${QEMU:-qemu-system-aarch64}
CROSS=${CROSS:-aarch64-linux-gnu-}
for t in "$DIFFTOOL" "$QEMU" "${CROSS}as" "${CROSS}ld"; do
    command -v "$t" >/dev/null || { echo "run-diff: $t not found" >&2; exit 2; }
done
if [ "$OTHER" = rewind ] && [ ! -x "$REWIND" ]; then
    echo "run-diff: $REWIND not built" >&2; exit 2
fi
mkdir -p "$WORK"

# build NAME GENARGS...: NAME.s -> NAME.elf
build() {
    local n=$1; shift
    "$DIFFTOOL" gen "$@" -o "$n.s" &&
    "${CROSS}as" "$n.s" -o "$n.o" &&
    "${CROSS}ld" -Ttext=0x40000000 -e _start "$n.o" -o "$n.elf" &&
    rm -f "$n.s" "$n.o"
}

# emulate NAME: NAME.elf -> NAME.qemu, NAME.other (+ .status files)
emulate() {
    local n=$1
    timeout "$TLIMIT" "$QEMU" -M virt -cpu cortex-a57 -m 128M -display none \
        -monitor none -serial stdio -kernel "$n.elf" >"$n.qemu" 2>"$n.qemu.err" </dev/null &
    local qpid=$!
    local ost=0
    case $OTHER in
    rewind)
        timeout "$TLIMIT" "$REWIND" run "$n.elf" >"$n.other" 2>"$n.other.err" </dev/null
        ost=$? ;;
    qemu)
        timeout "$TLIMIT" "$QEMU" -M virt -cpu cortex-a57 -m 128M -display none \
            -monitor none -serial stdio -kernel "$n.elf" >"$n.other" 2>"$n.other.err" </dev/null
        ost=$? ;;
    esac
    wait $qpid
    local qst=$?
    if [ "$OTHER" = corrupt ]; then     # flip one hex digit of a middle block line
        awk -v L=$(( $(wc -l <"$n.qemu") / 2 + 1 )) \
            'NR == L && /^B/ { c = substr($0, 60, 1); $0 = substr($0, 1, 59) (c == "0" ? "1" : "0") substr($0, 61) } { print }' \
            "$n.qemu" >"$n.other"
    fi
    echo "$qst" >"$n.qemu.status"
    echo "$ost" >"$n.other.status"
}

# one SPEC -> WORK/img-SEED-CLASSES.{log,count}
run_spec() {
    local spec=$1 seed classes blocks first len
    IFS=: read -r seed classes blocks first len <<<"$spec"
    first=${first:-0}
    local LEN=${len:-$LEN}
    local n="$WORK/img-$seed-${classes//,/+}-$first-$LEN"
    local log="$n.log" fails="$n.failed"
    {
        echo "== seed=$seed classes=$classes blocks=$first..$((first + blocks - 1)) len=$LEN"
        if ! build "$n" -s "$seed" -n "$blocks" -f "$first" -c "$classes" -k "$LEN"; then
            echo "error: cannot build the guest image"
            echo "0 $blocks 1" >"$n.count"; return
        fi
        emulate "$n"
        local qst ost
        qst=$(cat "$n.qemu.status") ost=$(cat "$n.other.status")
        [ "$qst" = 0 ] || echo "note: qemu exit status $qst$([ "$qst" = 124 ] && echo ' (time limit)'): $(head -c 300 "$n.qemu.err")"
        [ "$ost" = 0 ] || echo "note: $OTHER exit status $ost$([ "$ost" = 124 ] && echo ' (time limit)'): $(head -c 300 "$n.other.err")"
        "$DIFFTOOL" cmp -s "$seed" -n "$blocks" -f "$first" -c "$classes" -k "$LEN" -q "$SHOW" \
            -F "$fails" -a qemu -b "$OTHER" "$n.qemu" "$n.other" >"$n.cmp"
        cat "$n.cmp"
        local pass fail
        read -r pass fail < <(sed -n 's/^cmp: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$n.cmp")
        if [ -z "${pass:-}" ]; then
            echo "error: comparison failed"
            echo "0 $blocks 1" >"$n.count"; return
        fi
        echo "$pass $fail 0" >"$n.count"
        if [ "$OTHER" != corrupt ] && [ "$LOCAL" -gt 0 ] && [ -s "$fails" ]; then
            # round robin over the kinds of first difference (register
            # numbers and addresses folded: X3 and X7 are one kind)
            awk '{ k = $2; gsub(/[0-9]+/, "", k); sub(/\[.*/, "", k); print seen[k]++, NR, $1 }' \
                "$fails" | sort -n -k1,1 -k2,2 | head -n "$LOCAL" | sort -n -k2,2 |
            while read -r _ _ b; do
                local p="$n-p$b"
                if build "$p" -s "$seed" -c "$classes" -k "$LEN" -p "$b"; then
                    emulate "$p"
                    echo "-- block $b localized:"
                    "$DIFFTOOL" cmp -s "$seed" -c "$classes" -k "$LEN" -p "$b" \
                        -a qemu -b "$OTHER" "$p.qemu" "$p.other" | grep '^CULPRIT'
                fi
                rm -f "$p".*
            done
        fi
        if [ "$fail" = 0 ] || [ "$KEEP" = 0 ]; then
            rm -f "$n".{elf,qemu,other,cmp,failed} "$n".*.err "$n".*.status
        fi
    } >"$log" 2>&1
}

specs=("$@")
running=0 done=0
progress() {    # on stderr, for long runs: images finished so far
    done=$((done + 1))
    [ ${#specs[@]} -lt 20 ] || echo "run-diff: $done/${#specs[@]} images done" >&2
}
for spec in "${specs[@]}"; do
    run_spec "$spec" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait -n
        running=$((running - 1))
        progress
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n
    running=$((running - 1))
    progress
done

total_pass=0 total_fail=0 errors=0
for spec in "${specs[@]}"; do
    IFS=: read -r seed classes blocks first len <<<"$spec"
    n="$WORK/img-$seed-${classes//,/+}-${first:-0}-${len:-$LEN}"
    cat "$n.log"
    if [ -f "$n.count" ]; then
        read -r p f e <"$n.count"
    else
        p=0 f=$blocks e=1
    fi
    total_pass=$((total_pass + p)) total_fail=$((total_fail + f)) errors=$((errors + e))
done
[ "$errors" = 0 ] || echo "run-diff: $errors image(s) could not be built or compared"
echo "diff: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ] && [ "$errors" = 0 ]
