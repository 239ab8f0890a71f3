#!/bin/sh
# tests/gdbstub/run-gdb.sh REWIND GUEST_OUT — gdb-multiarch against the stub,
# end to end, on a recording of tests/guest/planted.c (a store at one known
# iteration corrupts a global; tick() is called every 3000 iterations).
# Each session is a gdb -batch script; its output is checked line by line.
# Last line: "gdb: N passed, M failed"; exit status 1 when any failed.
set -u

rewind=$1
out=$2
elf=$out/planted-O2-uart.elf
GDB=${GDB:-gdb-multiarch}
. "$(dirname "$0")/../../build-aux/stub-port.sh"
tmp=$(mktemp -d)
stub=
trap 'kill $stub 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

verdict() {
    if [ "$2" = ok ]; then
        pass=$((pass + 1)); echo "PASS $1"
    else
        fail=$((fail + 1)); echo "FAIL $1: $2"
    fi
}

"$rewind" record -o "$tmp/rec" "$elf" >"$tmp/rec.out" 2>&1 || {
    echo "gdb: cannot record: $(head -3 "$tmp/rec.out")"; exit 1; }

# wait_port: the port the stub started in the background ($stub) says it
# listens on, in $tmp/stub.err; sets $port, or stops the test.
wait_port() {
    stub_port "$tmp/stub.err"
    [ -n "$port" ] || { echo "gdb: the stub did not start: $(cat "$tmp/stub.err")"; exit 1; }
}

# start_stub: a replay under gdb on a free port; sets $port and $stub.
start_stub() {
    : >"$tmp/stub.err"
    "$rewind" replay -gdb tcp::0 "$tmp/rec" >"$tmp/stub.out" 2>"$tmp/stub.err" &
    stub=$!
    wait_port
}

# session NAME: run gdb with the commands on stdin against the stub.
session() {
    { echo "set pagination off"; echo "set confirm off"; echo "target remote :$port"; cat; } \
        >"$tmp/$1.gdb"
    timeout 60 "$GDB" -batch -nx -x "$tmp/$1.gdb" "$elf" >"$tmp/$1.out" 2>&1
}

# expect NAME PATTERN...: every pattern (grep -E) is in the session's output, in order.
expect() {
    name=$1
    shift
    rest=$tmp/$name.out
    cp "$rest" "$tmp/rest"
    for p in "$@"; do
        line=$(grep -n -E -m1 -e "$p" "$tmp/rest" | cut -d: -f1)
        if [ -z "$line" ]; then
            verdict "$name" "no line matching '$p' (in order); output:
$(tail -25 "$tmp/$name.out")"
            return
        fi
        tail -n +"$((line + 1))" "$tmp/rest" >"$tmp/rest2" && mv "$tmp/rest2" "$tmp/rest"
    done
    verdict "$name" ok
}

start_stub

# Breakpoints forwards and back, with the argument each call had.
session breakpoints <<'G'
break tick
continue
print/x $x0
continue
print/x $x0
reverse-continue
print/x $x0
detach
G
expect breakpoints 'Breakpoint 1, tick \(i=i@entry=0\)' '^\$1 = 0x0$' \
    'Breakpoint 1, tick \(i=i@entry=3000\)' '^\$2 = 0xbb8$' \
    'Breakpoint 1, tick \(i=i@entry=0\)' '^\$3 = 0x0$'

# A detached stub takes the next gdb: ten steps forwards, then back.
session stepping <<'G'
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
stepi
printf "fwd %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
reverse-stepi
printf "back %lx\n", $pc
detach
G
fwd=$(sed -n 's/^fwd //p' "$tmp/stepping.out" | head -9 | tac | tr '\n' ' ')
back=$(sed -n 's/^back //p' "$tmp/stepping.out" | tr '\n' ' ')
if [ -n "$fwd" ] && [ "$fwd" = "$back" ] && [ "$(sed -n 's/^fwd //p' "$tmp/stepping.out" | wc -l)" = 10 ]; then
    verdict stepping ok
else
    verdict stepping "forwards (reversed) '$fwd', backwards '$back'; $(tail -5 "$tmp/stepping.out")"
fi

# From the end of the recording: a write watchpoint on the corrupted global,
# reverse-continue lands on the corrupting store, before it runs.
session watchpoint <<'G'
continue
print/x victim
watch victim
reverse-continue
print/x victim
stepi
print/x victim
monitor info replay
detach
G
expect watchpoint 'No more reverse-execution history|replaylog|end' '^\$1 = 0xdeadbeef$' \
    'Hardware watchpoint 1: victim' 'Old value = 3735928559' 'New value = 3000' \
    'victim = 0xdeadbeef; +/\* the planted bug \*/' \
    '^\$2 = 0xbb8$' '^\$3 = 0xdeadbeef$' 'replaying, icount [0-9]+ of [0-9]+'

# A gdb that dies without a word (SIGKILL) leaves the machine where it
# was; the next gdb attaches there.
{ echo "set pagination off"; echo "target remote :$port"; echo "monitor seek 1234";
  echo "python import time; time.sleep(30)"; } >"$tmp/dies.gdb"
"$GDB" -batch -nx -x "$tmp/dies.gdb" "$elf" >"$tmp/dies.out" 2>&1 &
dying=$!
i=0
while ! grep -q "icount 1234" "$tmp/dies.out" 2>/dev/null && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
kill -9 $dying 2>/dev/null
wait $dying 2>/dev/null
session reattach <<'G'
monitor info replay
detach
G
expect reattach 'replaying, icount 1234 of [0-9]+'

# Source level: reverse-finish out of tick() to its call, then next over
# the call and reverse-next back to it. (After `monitor seek`, gdb's cached
# registers are stale until flushed, as after any monitor command that
# moves the target.)
session source <<'G'
monitor seek 0
maintenance flush register-cache
break tick
continue
continue
reverse-finish
delete
next
info line *$pc
reverse-next
info line *$pc
kill
G
# reverse-next lands at the start of the statement before: with -O2's line
# table the call on line 29 is not a statement start (gdb says so), so
# that is line 28's condition.
expect source 'Breakpoint 1, tick \(i=i@entry=0\)' 'Breakpoint 1, tick \(i=i@entry=3000\)' \
    'in main \(\) at .*planted.c:29' 'Line 23 of .*planted.c' 'Line 2[89] of .*planted.c'

wait $stub 2>/dev/null

# Recording under gdb: forwards records, reverse-continue replays what is
# recorded, forwards again records on; `kill` seals the log, which then
# replays on its own to the guest's end with the guest's whole output.
: >"$tmp/stub.err"
"$rewind" record -gdb tcp::0 -o "$tmp/rec2" "$elf" </dev/null >"$tmp/rec2.out" 2>"$tmp/stub.err" &
stub=$!
wait_port
session recording <<'G'
break tick
continue
continue
print/x $x0
reverse-continue
print/x $x0
continue
continue
continue
print/x $x0
delete
continue
monitor info replay
kill
G
wait $stub 2>/dev/null
expect recording 'Breakpoint 1, tick \(i=i@entry=0\)' '^\$1 = 0xbb8$' '^\$2 = 0x0$' \
    'Breakpoint 1, tick \(i=i@entry=9000\)' '^\$3 = 0x2328$' \
    'recording, icount [0-9]+ of [0-9]+'
"$rewind" replay "$tmp/rec2" </dev/null >"$tmp/rec2.replay" 2>"$tmp/rec2.rerr"
if "$rewind" log check "$tmp/rec2" >/dev/null 2>&1 && grep -q '^planted: ok$' "$tmp/rec2.replay" &&
   cmp -s "$tmp/rec2.replay" "$tmp/rec.out"; then
    verdict "recording replays" ok
else
    verdict "recording replays" "$(head -3 "$tmp/rec2.rerr"); output: $(tail -2 "$tmp/rec2.replay")"
fi

# Ctrl-C while a recording waits for serial input that does not come (the
# echo guest reading an open, silent stdin): gdb's interrupt stops it there,
# and the session goes on. gdb -batch cannot type Ctrl-C: its Python sends
# gdb the SIGINT a terminal would.
: >"$tmp/stub.err"
sleep 30 | "$rewind" record -gdb tcp::0 -o "$tmp/rec3" "$out/echo-O2-uart.elf" >"$tmp/rec3.out" 2>"$tmp/stub.err" &
stub=$!
wait_port
session interrupt <<'G'
python
import os, signal, threading
threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
end
continue
monitor info replay
kill
G
wait $stub 2>/dev/null
expect interrupt 'Program received signal SIGINT' 'in guest_uart_getc' 'recording, icount [0-9]+ of [0-9]+'
# Killed there, the guest still running: sealed with a user stop, a log
# that checks and replays.
if "$rewind" log check "$tmp/rec3" >"$tmp/rec3.check" 2>&1 &&
   "$rewind" replay "$tmp/rec3" </dev/null >/dev/null 2>"$tmp/rec3.rerr"; then
    verdict "interrupted recording seals" ok
else
    verdict "interrupted recording seals" "$(cat "$tmp/rec3.check" "$tmp/rec3.rerr" | head -3)"
fi

# Writes while recording: gdb sets a register (P) and a variable (X or M)
# at the frontier; the engine logs them, so the recording replays with
# them (tick's argument 3000 made 7: calls 15007). A replay refuses them.
: >"$tmp/stub.err"
"$rewind" record -gdb tcp::0 -o "$tmp/rec4" "$elf" </dev/null >"$tmp/rec4.out" 2>"$tmp/stub.err" &
stub=$!
wait_port
session writes <<'G'
break tick
continue
continue
set var $x0 = 7
print $x0
set var victim = 0x1234
print/x victim
delete
continue
kill
G
wait $stub 2>/dev/null
"$rewind" replay "$tmp/rec4" </dev/null >"$tmp/rec4.replay" 2>"$tmp/rec4.rerr"
expect writes 'Breakpoint 1, tick' '^\$1 = 7$' '^\$2 = 0x1234$'
if grep -q '^planted: victim deadbeef, calls 15007$' "$tmp/rec4.replay" &&
   cmp -s "$tmp/rec4.replay" "$tmp/rec4.out"; then
    verdict "writes replay" ok
else
    verdict "writes replay" "$(head -3 "$tmp/rec4.rerr"); output: $(tail -2 "$tmp/rec4.replay")"
fi
start_stub
session refused <<'G'
break tick
continue
python
try:
    gdb.execute("set var $x0 = 7")
except gdb.error as e:
    print("refused: %s" % e)
end
print $x0
detach
G
expect refused 'Breakpoint 1, tick' 'refused: Could not write register "x0"' '^\$1 = 0$'
kill $stub 2>/dev/null
wait $stub 2>/dev/null

# gdbserver from rewind's command table (the prompt, here a script): gdb
# attaches, works, detaches, and the script goes on where gdb left it.
printf 'gdbserver 0\ninfo replay\n' >"$tmp/gs.rws"
: >"$tmp/stub.err"
"$rewind" replay -serial none --script "$tmp/gs.rws" "$tmp/rec" >"$tmp/gs.out" 2>"$tmp/stub.err" &
stub=$!
wait_port
session gdbserver <<'G'
break tick
continue
continue
monitor info replay
detach
G
wait $stub
gs_rc=$?
expect gdbserver 'Breakpoint 1, tick \(i=i@entry=0\)' 'Breakpoint 1, tick \(i=i@entry=3000\)' \
    'replaying, icount [0-9]+ of [0-9]+'
at=$(sed -n 's/^replaying, icount \([0-9]*\) of.*/\1/p' "$tmp/gdbserver.out")
if [ $gs_rc = 0 ] && grep -q "^gdbserver: done; icount $at, pc 0x40000200" "$tmp/gs.out" &&
   grep -q "^replaying, icount $at of" "$tmp/gs.out"; then
    verdict "gdbserver returns" ok
else
    verdict "gdbserver returns" "status $gs_rc; $(cat "$tmp/gs.out" "$tmp/stub.err")"
fi

# Ctrl-C while a script's gdbserver waits for gdb: the script ends as
# interrupted (130), saying so.
printf 'gdbserver 0\ninfo replay\n' >"$tmp/gs2.rws"
: >"$tmp/stub.err"
"$rewind" replay -serial none --script "$tmp/gs2.rws" "$tmp/rec" >"$tmp/gs2.out" 2>"$tmp/stub.err" &
stub=$!
wait_port
kill -INT $stub
wait $stub
gs2_rc=$?
if [ $gs2_rc = 130 ] && grep -q 'gdbserver: interrupted; icount 0' "$tmp/stub.err" &&
   ! grep -q replaying "$tmp/gs2.out"; then
    verdict "gdbserver called off" ok
else
    verdict "gdbserver called off" "status $gs2_rc; $(cat "$tmp/gs2.out" "$tmp/stub.err")"
fi

echo "gdb: $pass passed, $fail failed"
[ $fail = 0 ]
