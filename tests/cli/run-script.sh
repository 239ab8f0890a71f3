#!/bin/sh
# tests/cli/run-script.sh REWIND GUEST_OUT — `--script FILE` end to end on
# the serial echo guest (tests/guest/echo.c): a recording made by a script
# (send, expect-output, assert) replays on its own to the same output,
# icount and final state hash; its replay under a script checks what the
# recording printed; a failing assertion exits 5 and a wrong line 6, each
# naming FILE:LINE; a recording whose script failed is still sealed and
# replays; `run --script` leaves nothing in TMPDIR; --help documents it.
# Last line: "script: N passed, M failed"; exit status 1 when any failed.
set -u

rewind=$1
out=$2
elf=$out/echo-O2-uart.elf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

verdict() {
    if [ "$2" = ok ]; then
        pass=$((pass + 1)); printf 'PASS %s\n' "$1"
    else
        fail=$((fail + 1)); printf 'FAIL %s: %s\n' "$1" "$2"
    fi
}

# hash FILE: the final state hash line of a --stats run.
hash() { grep 'final state hash' "$1"; }
count() { sed -n 's/^rewind: \([0-9]*\) instructions.*/\1/p' "$1"; }

# A recording made by a script: the guest echoes what send gives it.
cat >"$tmp/record.rws" <<'EOF'
# the echo guest, driven
expect-output "echo: ready\n" timeout 1000000
send "hello\n"
expect-output "[OLLEH] len 5" timeout 10000000
assert icount > 1000 && pc != 0
send "abc\r\n"                       # \r is ignored by the guest
expect-output -re "CBA\] len 3 hash [0-9a-f]{16}\n" timeout 10000000
send "quit\n"
expect-output "echo: ok\n" timeout 10000000
echo recorded
EOF
"$rewind" record -o "$tmp/rec" --stats --script "$tmp/record.rws" "$elf" \
    </dev/null >"$tmp/rec.out" 2>"$tmp/rec.err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^recorded$' "$tmp/rec.out" &&
   grep -q '  2 \[CBA\] len 3' "$tmp/rec.out" && grep -q '^echo: ok$' "$tmp/rec.out"; then
    verdict "record under a script" ok
else
    verdict "record under a script" "exit $rc: $(head -5 "$tmp/rec.out" "$tmp/rec.err")"
fi

# Replayed on its own: the same output, icount and final state.
"$rewind" replay --stats "$tmp/rec" </dev/null >"$tmp/rep.out" 2>"$tmp/rep.err"
rc=$?
grep -v '^recorded$' "$tmp/rec.out" >"$tmp/rec.guest"
if [ $rc -eq 0 ] && cmp -s "$tmp/rec.guest" "$tmp/rep.out" &&
   [ -n "$(hash "$tmp/rec.err")" ] && [ "$(hash "$tmp/rec.err")" = "$(hash "$tmp/rep.err")" ] &&
   [ "$(count "$tmp/rec.err")" = "$(count "$tmp/rep.err")" ]; then
    verdict "the scripted recording replays to the same state" ok
else
    verdict "the scripted recording replays to the same state" \
        "exit $rc; $(hash "$tmp/rec.err") vs $(hash "$tmp/rep.err"); $(diff "$tmp/rec.guest" "$tmp/rep.out" | head -5)"
fi

# A replay under a script: what the recording printed, in order; send refused.
cat >"$tmp/check.rws" <<'EOF'
expect-output "[OLLEH]"
assert icount > 1000
expect-output "echo: 2 lines\n"
rsi 1000
expect-output "echo: 2 lines"
info replay
EOF
"$rewind" replay -serial none --script "$tmp/check.rws" "$tmp/rec" </dev/null \
    >"$tmp/check.out" 2>"$tmp/check.err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^replaying, icount [0-9]* of ' "$tmp/check.out" && [ ! -s "$tmp/check.err" ]; then
    verdict "replay under a script" ok
else
    verdict "replay under a script" "exit $rc: $(cat "$tmp/check.out" "$tmp/check.err" | head -5)"
fi

# expect ID NAME STATUS PATTERN SCRIPT-TEXT: a replay under the script
# ($tmp/ID.rws) exits STATUS with one line on stderr matching PATTERN
# (grep -E).
expect() {
    printf '%s\n' "$5" >"$tmp/$1.rws"
    "$rewind" replay -serial none --script "$tmp/$1.rws" "$tmp/rec" </dev/null \
        >"$tmp/$1.out" 2>"$tmp/$1.err"
    rc=$?
    if [ $rc -eq "$3" ] && [ "$(wc -l <"$tmp/$1.err")" -eq 1 ] && grep -qE "$4" "$tmp/$1.err"; then
        verdict "$2" ok
    else
        verdict "$2" "exit $rc (want $3): $(cat "$tmp/$1.err")"
    fi
}
expect fails "a false assertion exits 5 with the line, position and values" 5 \
    "^$tmp/fails.rws:3: assert w0 == 0x2a: false at icount 500, pc 0x[0-9a-f]+: w0 = 0x[0-9a-f]+, expected == 0x2a\$" \
    "$(printf 'seek 500\n# then\nassert w0 == 0x2a\necho not reached')"
expect unseen "expect-output not seen exits 5 with the output" 5 \
    'expect-output "goodbye": the recording ended first, at icount [0-9]+, pc 0x[0-9a-f]+; the output since icount 0 is ".*echo: ok\\n"$' \
    'expect-output "goodbye"'
expect wrong "a wrong line exits 6" 6 ':2: error: unknown command "frobnicate" \(help lists them\)$' \
    "$(printf 'info replay\nfrobnicate\n')"
expect send "send in a replay exits 6" 6 ':1: error: send: this is a replay' 'send "x"'

# A recording whose script fails is sealed where it stopped, and replays.
printf 'expect-output "ready\\n" timeout 1000000\nsend "hi\\n"\nexpect-output "[IH]" timeout 10000000\nassert icount == 1\n' \
    >"$tmp/partial.rws"
"$rewind" record -o "$tmp/part" --stats --script "$tmp/partial.rws" "$elf" </dev/null \
    >/dev/null 2>"$tmp/part.err"
rc=$?
"$rewind" replay --stats "$tmp/part" </dev/null >/dev/null 2>"$tmp/part-rep.err"
rrc=$?
"$rewind" log check "$tmp/part" >/dev/null 2>&1
crc=$?
if [ $rc -eq 5 ] && grep -q "partial.rws:4: assert icount == 1: false" "$tmp/part.err" &&
   [ $rrc -eq 0 ] && [ $crc -eq 0 ] && [ "$(hash "$tmp/part.err")" = "$(hash "$tmp/part-rep.err")" ]; then
    verdict "a failed script's recording is sealed and replays" ok
else
    verdict "a failed script's recording is sealed and replays" \
        "record $rc, replay $rrc, check $crc: $(cat "$tmp/part.err" "$tmp/part-rep.err" | head -6)"
fi

# run --script records into a temporary directory, removed at the end.
mkdir "$tmp/t"
printf 'stepi 1000\nrsi 10\nassert icount == 990\n' >"$tmp/run.rws"
TMPDIR=$tmp/t "$rewind" run -serial none --script "$tmp/run.rws" "$elf" </dev/null \
    >"$tmp/run.out" 2>"$tmp/run.err"
rc=$?
if [ $rc -eq 0 ] && [ -z "$(ls -A "$tmp/t")" ] && grep -q 'icount 990' "$tmp/run.out"; then
    verdict "run --script goes back and leaves nothing behind" ok
else
    verdict "run --script goes back and leaves nothing behind" \
        "exit $rc, left: $(ls -A "$tmp/t") $(head -3 "$tmp/run.err")"
fi

# --help says how.
"$rewind" replay --help >"$tmp/help" 2>&1
if grep -q -- '--script FILE' "$tmp/help" && grep -q ' 5 when an assert or expect-output failed' "$tmp/help" &&
   "$rewind" record --help | grep -q -- '^  -i ' && "$rewind" run --help | grep -q -- '--script FILE'; then
    verdict "--help documents -i and --script" ok
else
    verdict "--help documents -i and --script" "$(head -5 "$tmp/help")"
fi

printf 'script: %s passed, %s failed\n' "$pass" "$fail"
[ $fail -eq 0 ]
