#!/bin/sh
# build-aux/demo.sh REWIND GUEST_OUT — what `make demo` shows, in a minute:
# a ledger program (tests/guest/ledger.c) with a bug that only some input
# triggers is recorded while a script types at its serial port
# (build-aux/demo/record.rws) and says BUG; the recording is packed into one
# file, replayed from it to the same instruction and state, and then a
# second script goes backwards (build-aux/demo/investigate.rws): a
# watchpoint on the wrong balance and reverse-continue land on the guilty
# store, with its registers, disassembly and backtrace. Last, the same hunt
# through gdb-multiarch. Exits non-zero if any step fails.
set -u
rewind=$1
out=$2
elf=$out/ledger-O2-uart.elf
here=$(dirname "$0")
. "$here/stub-port.sh"
tmp=$(mktemp -d)
stub=
trap 'kill $stub 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

step() {
    echo
    echo "== $*"
}

fail() {
    echo "demo: $*" >&2
    exit 1
}

step "1. Record the ledger while a script types at its serial port (build-aux/demo/record.rws)"
echo "\$ rewind record --script record.rws -o rec ledger.elf"
"$rewind" record --stats --script "$here/demo/record.rws" -o "$tmp/rec" "$elf" \
    >"$tmp/rec.out" 2>"$tmp/rec.err" || { cat "$tmp/rec.out" "$tmp/rec.err"; fail "recording failed"; }
cat "$tmp/rec.out"
grep -q 'ledger: BUG' "$tmp/rec.out" || fail "the ledger did not show its bug"
recorded=$(sed -n 's/.*final state hash \(.*\)/\1/p' "$tmp/rec.err")

step "2. Pack the recording into one file, to replay anywhere"
echo "\$ rewind bundle rec -o ledger.tar"
"$rewind" bundle "$tmp/rec" -o "$tmp/ledger.tar" || fail "bundle failed"
ls -l "$tmp/ledger.tar" | awk '{ print $5 " bytes" }'

step "3. Replay it: the same run, instruction for instruction"
echo "\$ rewind replay --stats ledger.tar"
"$rewind" replay --stats "$tmp/ledger.tar" >"$tmp/rep.out" 2>"$tmp/rep.err" ||
    { cat "$tmp/rep.err"; fail "replay failed"; }
replayed=$(sed -n 's/.*final state hash \(.*\)/\1/p' "$tmp/rep.err")
grep '^ledger:' "$tmp/rec.out" >"$tmp/rec.guest"
grep '^ledger:' "$tmp/rep.out" >"$tmp/rep.guest"
cmp -s "$tmp/rec.guest" "$tmp/rep.guest" || fail "the replay printed something else"
cat "$tmp/rep.out"
[ -n "$recorded" ] && [ "$recorded" = "$replayed" ] ||
    fail "state hash $replayed after the replay, $recorded after the recording"
sed -n 's/^rewind: \([0-9]* instructions\).*/\1/p' "$tmp/rep.err"
echo "the same output, the same final state: $replayed"

step "4. Go backwards to the cause (build-aux/demo/investigate.rws)"
echo "\$ rewind replay -serial none --script investigate.rws ledger.tar"
sed -n 's/^\([^#].*\)/    \1/p' "$here/demo/investigate.rws"
echo
"$rewind" replay -serial none --script "$here/demo/investigate.rws" "$tmp/ledger.tar" ||
    fail "the investigation script failed"

step "5. The same through gdb: rewind replay -gdb tcp::0 ledger.tar, then gdb-multiarch"
"$rewind" replay -serial none -gdb tcp::0 "$tmp/ledger.tar" >/dev/null 2>"$tmp/stub.err" &
stub=$!
stub_port "$tmp/stub.err"
[ -n "$port" ] || { cat "$tmp/stub.err"; fail "the gdb stub did not start"; }
cat >"$tmp/demo.gdb" <<G
set pagination off
set confirm off
target remote :$port
echo (gdb) continue\n
continue
echo (gdb) watch balance\n
watch balance
echo (gdb) reverse-continue\n
reverse-continue
echo (gdb) print \$w0\n
print \$w0
echo (gdb) x/i \$pc\n
x/i \$pc
echo (gdb) backtrace\n
backtrace
kill
G
gdb-multiarch -batch -nx -x "$tmp/demo.gdb" "$elf" >"$tmp/gdb.out" 2>&1
grep -v -e '^warning:' -e 'GDB will be unable' -e 'and track explicitly' -e 'Remote debugging' \
        -e '^\[Inferior' "$tmp/gdb.out"
wait $stub 2>/dev/null
stub=
grep -q 'apply_interest' "$tmp/gdb.out" || fail "gdb did not land in apply_interest"
echo
echo "demo: ok"
