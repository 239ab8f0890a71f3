#!/bin/sh
# build-aux/demo.sh REWIND GUEST_OUT — what `make demo` shows: a guest with
# a planted bug (tests/guest/planted.c: one store, at one iteration of
# 10,000, corrupts a global) is recorded, replayed twice to the same
# instruction and state, and then debugged backwards with gdb: from the end
# of the recording, a watchpoint on the corrupted global and
# reverse-continue land on the guilty store.
set -u
rewind=$1
out=$2
elf=$out/planted-O2-uart.elf
tmp=$(mktemp -d)
stub=
trap 'kill $stub 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

echo "== rewind record -o rec planted.elf        (a program whose global 'victim' gets corrupted)"
"$rewind" record -o "$tmp/rec" --stats "$elf" || exit 1
echo "== rewind replay rec                        (the same run again, instruction for instruction)"
"$rewind" replay --stats "$tmp/rec" 2>&1 | grep '^rewind:' || exit 1

echo "== rewind replay -gdb tcp::0 rec, and gdb-multiarch: who wrote 0xdeadbeef into victim?"
"$rewind" replay -gdb tcp::0 "$tmp/rec" >/dev/null 2>"$tmp/stub.err" &
stub=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 100 ]; do
    port=$(sed -n 's/.*waiting for gdb on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/stub.err")
    [ -z "$port" ] && sleep 0.05
    i=$((i + 1))
done
[ -n "$port" ] || { cat "$tmp/stub.err"; exit 1; }
cat >"$tmp/demo.gdb" <<G
set pagination off
set confirm off
target remote :$port
echo (gdb) continue\n
continue
echo (gdb) print/x victim\n
print/x victim
echo (gdb) watch victim\n
watch victim
echo (gdb) reverse-continue\n
reverse-continue
echo (gdb) print/x \$w21\n
print/x \$w21
echo (gdb) backtrace\n
backtrace
echo (gdb) x/i \$pc\n
x/i \$pc
echo (gdb) monitor info replay\n
monitor info replay
kill
G
gdb-multiarch -batch -nx -x "$tmp/demo.gdb" "$elf" 2>&1 |
    grep -v -e '^warning:' -e 'GDB will be unable' -e 'and track explicitly' -e 'Remote debugging' \
            -e '^\[Inferior'
wait $stub 2>/dev/null
