#!/bin/sh
# bench/run-bench.sh REWIND ELF — one guest, three ways, wall time each:
#   rewind       REWIND run ELF
#   qemu         qemu-system-aarch64 -M virt -cpu cortex-a57 (plain TCG)
#   qemu-icount  the same with -icount shift=0 (deterministic, like rewind)
# Each runs RUNS times (default 3); the figure is the median wall time. The
# guest's instruction count is measured, not assumed: BENCH_INSNS is the
# count `rewind run --stats` reports (an exact retired-instruction count).
# Every run's output must equal the first one's, or the bench fails.
# Prints each way's time and instructions per second, and the ratios.
set -u

rewind=$1
elf=$2
RUNS=${RUNS:-3}
QEMU=${QEMU:-qemu-system-aarch64}
QEMU_ARGS="-M virt -cpu cortex-a57 -m 128M -display none -monitor none -serial stdio"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

now_ns() { date +%s%N; }

# time_runs NAME CMD...: runs CMD $RUNS times, leaves the median wall time
# in seconds in $tmp/NAME.median; fails the bench on a wrong output.
time_runs() {
    name=$1
    shift
    : >"$tmp/$name.times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(now_ns)
        "$@" </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err"
        rc=$?
        t1=$(now_ns)
        if [ $rc != 0 ] || ! cmp -s "$tmp/$name.out" "$tmp/reference.out"; then
            echo "bench: $name run $((i + 1)) failed (exit status $rc); output:" >&2
            diff "$tmp/reference.out" "$tmp/$name.out" | head -20 >&2
            head -5 "$tmp/$name.err" >&2
            exit 1
        fi
        echo $(((t1 - t0) / 1000)) >>"$tmp/$name.times"    # microseconds
        i=$((i + 1))
    done
    sort -n "$tmp/$name.times" | awk '{ t[NR] = $1 } END { printf "%.3f\n", t[int((NR + 1) / 2)] / 1e6 }' \
        >"$tmp/$name.median"
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
time_runs qemu $QEMU $QEMU_ARGS -kernel "$elf"
time_runs qemu-icount $QEMU $QEMU_ARGS -icount shift=0 -kernel "$elf"

echo "bench: $(basename "$elf"), $BENCH_INSNS instructions, median of $RUNS runs, $(nproc) host CPUs"
for name in rewind qemu qemu-icount; do
    awk -v n="$name" -v t="$(cat "$tmp/$name.median")" -v i="$BENCH_INSNS" \
        'BEGIN { printf "  %-12s %8.3f s  %8.1f MIPS\n", n, t, i / t / 1e6 }'
done
r=$(cat "$tmp/rewind.median")
for name in qemu qemu-icount; do
    awk -v n="$name" -v r="$r" -v q="$(cat "$tmp/$name.median")" \
        'BEGIN { printf "  rewind / %-12s time ratio %.2f (speed %.2fx)\n", n, r / q, q / r }'
done
