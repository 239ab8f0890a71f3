#!/bin/sh
# tests/cli/run-repl.sh REWIND GUEST_OUT — the readline prompt in a real
# terminal (tmux), once: `rewind replay` of the loop guest (about 1e8
# instructions) opens the prompt by itself on a terminal; commands run,
# Tab completes a command name, Ctrl-C drops a line typed at the prompt
# and interrupts a long seek at a position the next commands agree on,
# Ctrl-D leaves with status 0, and the history file ($REWIND_HISTORY)
# keeps the lines run. Last line: "repl: N passed, M failed"; exit status 1
# when any failed.
set -u

rewind=$1
out=$2
elf=$out/loop-O2-uart.elf
tmp=$(mktemp -d)
sock=rewind-repl-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

verdict() {
    if [ "$2" = ok ]; then
        pass=$((pass + 1)); printf 'PASS %s\n' "$1"
    else
        fail=$((fail + 1)); printf 'FAIL %s: %s\n' "$1" "$2"
    fi
}

command -v tmux >/dev/null || { echo "repl: tmux is not installed (build-aux/install-deps)"; exit 1; }
"$rewind" record -o "$tmp/rec" --stats "$elf" </dev/null >/dev/null 2>"$tmp/rec.err" || {
    echo "repl: cannot record: $(head -3 "$tmp/rec.err")"; exit 1; }
end=$(sed -n 's/^rewind: \([0-9]*\) instructions.*/\1/p' "$tmp/rec.err")

screen() { tm capture-pane -p -J -S -500 -t repl; }
# wait_for PATTERN: until the screen shows a line matching it (grep -E), 20 s at most.
wait_for() {
    i=0
    while [ $i -lt 200 ]; do
        screen | grep -qE -e "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# check NAME PATTERN: a verdict on whether the screen shows PATTERN.
# typeline TEXT: keys as they are (not tmux key names), then Enter.
typeline() { tm send-keys -t repl -l "$1"; tm send-keys -t repl Enter; }
check() {
    if wait_for "$2"; then
        verdict "$1" ok
    else
        verdict "$1" "no line matching '$2' on the screen:
$(screen | grep -v '^$' | tail -12)"
    fi
}

tm new-session -d -s repl -x 120 -y 40 \
    "REWIND_HISTORY='$tmp/history' '$rewind' replay '$tmp/rec'; echo \"EXIT=\$?\" >'$tmp/exit'; sleep 30"

check "the prompt opens on a terminal" "^\\(rewind 0/$end\\) \$"
typeline 'info replay'
check "a command runs" "^replaying, icount 0 of $end \\(0\\.0%\\)\$"
typeline 'stepi 100'
wait_for "^\\(rewind 100/$end\\) \$"
tm send-keys -t repl -l 'rs'
tm send-keys -t repl Tab
sleep 0.3
typeline '5'
check "Tab completes a command" "^\\(rewind 100/$end\\) rsi 5\$"
check "... which runs" "^icount 95, pc 0x"

tm send-keys -t repl -l 'garbage'
sleep 0.3
tm send-keys -t repl C-c
sleep 0.3
tm send-keys -t repl C-c
sleep 0.3
typeline 'info replay'
check "Ctrl-C drops the line typed, and at an empty prompt clears it" \
    "^\\(rewind 95/$end\\) info replay\$"
if screen | grep -q 'unknown command "garbage"'; then
    verdict "... and nothing of it runs" "garbage was run"
else
    verdict "... and nothing of it runs" ok
fi

typeline "seek $end"
sleep 0.05
tm send-keys -t repl C-c
check "Ctrl-C interrupts a long command" "^interrupted: icount [0-9]+, pc 0x"
at=$(screen | sed -n 's/^interrupted: icount \([0-9]*\),.*/\1/p' | tail -1)
if [ -n "$at" ] && [ "$at" -gt 95 ] && [ "$at" -lt "$end" ]; then
    verdict "... on the way" ok
else
    verdict "... on the way" "at '$at' of $end"
fi
typeline "assert icount == ${at:-0}"
check "... at a position the next command agrees on" "^assert: true\$"

tm send-keys -t repl C-d
i=0
while [ ! -s "$tmp/exit" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(cat "$tmp/exit" 2>/dev/null)" = "EXIT=0" ]; then
    verdict "Ctrl-D leaves with status 0" ok
else
    verdict "Ctrl-D leaves with status 0" "$(cat "$tmp/exit" 2>/dev/null) $(screen | tail -5)"
fi

printf 'info replay\nstepi 100\nrsi 5\ninfo replay\nseek %s\nassert icount == %s\n' "$end" "${at:-0}" \
    >"$tmp/want-history"
if cmp -s "$tmp/history" "$tmp/want-history"; then
    verdict "the history file keeps the lines run" ok
else
    verdict "the history file keeps the lines run" "$(cat "$tmp/history" 2>/dev/null)"
fi

printf 'repl: %s passed, %s failed\n' "$pass" "$fail"
[ $fail -eq 0 ]
