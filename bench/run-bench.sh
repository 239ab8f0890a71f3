#!/bin/sh
# bench/run-bench.sh REWIND ELF — one guest, three ways, wall time each:
#   rewind       REWIND run ELF (and recorded, and replayed: the overhead of
#                recording, the speed of replay, the log's size)
#   qemu         qemu-system-aarch64 -M virt -cpu cortex-a57 (plain TCG)
#   qemu-icount  the same with -icount shift=0 (deterministic, like rewind)
# Each runs RUNS times (default 3); the figure is the median wall time. The
# guest's instruction count is measured, not assumed: BENCH_INSNS is the
# count `rewind run --stats` reports (an exact retired-instruction count).
# Every run's output must equal the reference (plain QEMU), or the bench
# fails. Prints each way's time and instructions per second, and the ratios;
# with /usr/bin/time present also the median CPU time (user + system, all
# threads), which a loaded host disturbs less than the wall time. The host's
# load average is printed with the figures.
set -u

rewind=$1
elf=$2
RUNS=${RUNS:-3}
QEMU=${QEMU:-qemu-system-aarch64}
QEMU_ARGS="-M virt -cpu cortex-a57 -m 128M -display none -monitor none -serial stdio"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

now_ns() { date +%s%N; }

TIME=
[ -x /usr/bin/time ] && TIME=/usr/bin/time

median() {
    sort -n "$1" | awk '{ t[NR] = $1 } END { printf "%.3f\n", t[int((NR + 1) / 2)] }'
}

# time_runs NAME CMD...: runs CMD $RUNS times, leaves the median wall time
# in seconds in $tmp/NAME.median (and CPU seconds in $tmp/NAME.cpumedian);
# fails the bench on a wrong output.
time_runs() {
    name=$1
    shift
    : >"$tmp/$name.times"
    : >"$tmp/$name.cpus"
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(now_ns)
        if [ -n "$TIME" ]; then
            $TIME -f '%U %S' -o "$tmp/$name.cpu" "$@" </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err"
            rc=$?
            awk '{ print $1 + $2 }' "$tmp/$name.cpu" >>"$tmp/$name.cpus"
        else
            "$@" </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err"
            rc=$?
        fi
        t1=$(now_ns)
        if [ $rc != 0 ] || ! cmp -s "$tmp/$name.out" "$tmp/reference.out"; then
            echo "bench: $name run $((i + 1)) failed (exit status $rc); output:" >&2
            diff "$tmp/reference.out" "$tmp/$name.out" | head -20 >&2
            head -5 "$tmp/$name.err" >&2
            exit 1
        fi
        awk -v us=$(((t1 - t0) / 1000)) 'BEGIN { printf "%.6f\n", us / 1e6 }' >>"$tmp/$name.times"
        i=$((i + 1))
    done
    median "$tmp/$name.times" >"$tmp/$name.median"
    [ -n "$TIME" ] && median "$tmp/$name.cpus" >"$tmp/$name.cpumedian"
}

# The reference output: plain QEMU, once.
if ! timeout 300 $QEMU $QEMU_ARGS -kernel "$elf" </dev/null >"$tmp/reference.out" 2>"$tmp/reference.err" ||
   ! grep -q '^bench: ok' "$tmp/reference.out"; then
    echo "bench: the guest does not run on QEMU:" >&2
    cat "$tmp/reference.out" "$tmp/reference.err" >&2
    exit 1
fi

# BENCH_INSNS: the guest's instruction count, measured once by rewind.
"$rewind" run --stats "$elf" </dev/null >"$tmp/count.out" 2>"$tmp/count.err"
BENCH_INSNS=$(sed -n 's/^rewind: \([0-9][0-9]*\) instructions.*/\1/p' "$tmp/count.err")
if [ -z "$BENCH_INSNS" ] || ! cmp -s "$tmp/count.out" "$tmp/reference.out"; then
    echo "bench: rewind cannot run the guest yet (output differs from QEMU's):" >&2
    diff "$tmp/reference.out" "$tmp/count.out" | head -20 >&2
    head -5 "$tmp/count.err" >&2
    exit 1
fi

time_runs rewind "$rewind" run "$elf"
time_runs record sh -c 'rm -rf "$1" && exec "$2" record -o "$1" "$3"' sh "$tmp/rec" "$rewind" "$elf"
time_runs replay "$rewind" replay "$tmp/rec"
time_runs qemu $QEMU $QEMU_ARGS -kernel "$elf"
time_runs qemu-icount $QEMU $QEMU_ARGS -icount shift=0 -kernel "$elf"

echo "bench: $(basename "$elf"), $BENCH_INSNS instructions, median of $RUNS runs," \
     "$(nproc) host CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for name in rewind qemu qemu-icount; do
    cpu=-
    [ -n "$TIME" ] && cpu=$(cat "$tmp/$name.cpumedian")
    awk -v n="$name" -v t="$(cat "$tmp/$name.median")" -v i="$BENCH_INSNS" -v c="$cpu" \
        'BEGIN { printf "  %-12s wall %8.3f s  %8.1f MIPS", n, t, i / t / 1e6
                 if (c != "-") printf "   cpu %8.3f s  %8.1f MIPS", c, i / c / 1e6
                 printf "\n" }'
done
for name in record replay; do
    awk -v n="rewind $name" -v t="$(cat "$tmp/$name.median")" -v i="$BENCH_INSNS" \
        'BEGIN { printf "  %-14s wall %6.3f s  %8.1f MIPS\n", n, t, i / t / 1e6 }'
done
awk -v run="$(cat "$tmp/rewind.median")" -v rec="$(cat "$tmp/record.median")" \
    -v rep="$(cat "$tmp/replay.median")" -v b="$(wc -c <"$tmp/rec/events.rwl")" -v i="$BENCH_INSNS" \
    'BEGIN { printf "  record / run         wall time ratio %.3f (overhead %+.1f%%; target <= 5%%)\n", rec / run, (rec / run - 1) * 100
             printf "  replay / record      wall time ratio %.3f (target <= 1)\n", rep / rec
             printf "  log                  %d bytes, %.0f bytes per 1e9 instructions\n", b, b / i * 1e9 }'
r=$(cat "$tmp/rewind.median")
for name in qemu qemu-icount; do
    awk -v n="$name" -v r="$r" -v q="$(cat "$tmp/$name.median")" \
        'BEGIN { printf "  rewind / %-12s wall time ratio %.2f (rewind runs at %.2fx its speed)\n", n, r / q, q / r }'
    if [ -n "$TIME" ]; then
        awk -v n="$name" -v r="$(cat "$tmp/rewind.cpumedian")" -v q="$(cat "$tmp/$name.cpumedian")" \
            'BEGIN { printf "  rewind / %-12s cpu time ratio %.2f\n", n, r / q }'
    fi
done
