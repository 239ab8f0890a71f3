#!/bin/sh
# tests/cli/run-bundle.sh REWIND GUEST_OUT — recording bundles end to end.
#
# The serial echo guest (its input, tests/guest/echo.in, piped in) is
# recorded from a copy of its ELF, and the recording bundled twice: the
# same bytes both times, which GNU tar lists and extracts to files whose
# SHA-256 is the bundle manifest's. The copy of the ELF is then deleted and
# the tar replayed from another directory: same output, same exit status,
# same instruction count and final state hash (--stats) as the replay of
# the directory. Then a byte flipped in the log inside the tar and a
# truncated tar must be refused (exit 4, one line naming the log or the
# cut), and a program changed since the recording must not be bundled
# (exit 2). Bundles unpack under a private TMPDIR, which must be empty
# after every replay. Last line: "bundle: N passed, M failed"; exit status
# 1 when any failed.
set -u

rewind=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
guests=$here/../guest
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/unpack"
export TMPDIR="$tmp/unpack"
pass=0 fail=0

verdict() {
    if [ "$2" = ok ]; then
        pass=$((pass + 1)); echo "PASS $1"
    else
        fail=$((fail + 1)); echo "FAIL $1: $2"
    fi
}

# The --stats lines without the timing: "rewind: N instructions" and the
# final state hash.
stats_of() {
    sed -n -e 's/^\(rewind: [0-9]* instructions\).*/\1/p' -e '/^rewind: final state hash/p' "$1"
}

# nothing_left NAME: the replay removed what it unpacked.
nothing_left() {
    if [ -n "$(ls -A "$TMPDIR")" ]; then
        verdict "$1 cleans up" "left $(ls -A "$TMPDIR")"
        rm -rf "${TMPDIR:?}"/*
    fi
}

# refused NAME STATUS PATTERN ARGS...: `rewind ARGS...` must fail with
# exit status STATUS (any but 0 for "nonzero") and one line on stderr that
# matches PATTERN.
refused() {
    name=$1 want=$2 pattern=$3
    shift 3
    "$rewind" "$@" </dev/null >/dev/null 2>"$tmp/refused.err"
    rc=$?
    lines=$(wc -l <"$tmp/refused.err")
    [ "$want" = nonzero ] && [ $rc != 0 ] && want=$rc
    if [ $rc = "$want" ] && [ "$lines" = 1 ] && grep -q -e "$pattern" "$tmp/refused.err"; then
        verdict "$name" ok
    else
        verdict "$name" "exit $rc, $lines lines: $(cat "$tmp/refused.err")"
    fi
    nothing_left "$name"
}

cd "$tmp" || exit 1
mkdir prog elsewhere
cp "$out/echo-O2-uart.elf" prog/echo.elf
"$rewind" record -o rec --stats prog/echo.elf <"$guests/echo.in" >rec.out 2>rec.err
rc=$?
if [ -z "$(stats_of rec.err)" ]; then
    verdict "record echo" "exit $rc: $(head -3 rec.err)"
    echo "bundle: $pass passed, $((fail + 1)) failed"
    exit 1
fi
"$rewind" replay --stats rec </dev/null >dir.out 2>dir.err
dir_rc=$?
stats_of dir.err >dir.stats

# Packing: the same bytes twice; GNU tar reads it; every member as listed.
if "$rewind" bundle rec -o rec.tar 2>bundle.err && "$rewind" bundle rec -o again.tar 2>>bundle.err; then
    if cmp -s rec.tar again.tar; then
        verdict "bundle is deterministic" ok
    else
        verdict "bundle is deterministic" "two bundles of one recording differ"
    fi
else
    verdict "bundle" "$(cat bundle.err)"
fi
tar tf rec.tar >list 2>tar.err
want="rec/rewind-bundle
rec/binaries/kernel/echo.elf
rec/events.rwl
rec/manifest"
if [ "$(cat list)" = "$want" ]; then
    verdict "tar tf lists the members" ok
else
    verdict "tar tf lists the members" "$(cat list tar.err)"
fi
mkdir x && tar xf rec.tar -C x 2>tar.err
sed -n 's/^member = [0-9]* \([0-9a-f]*\) \(.*\)$/\1  \2/p' x/rec/rewind-bundle >x/sums
if [ "$(wc -l <x/sums)" = 3 ] && (cd x/rec && sha256sum -c --quiet ../sums) >sums.out 2>&1 &&
   cmp -s x/rec/events.rwl rec/events.rwl && cmp -s x/rec/binaries/kernel/echo.elf prog/echo.elf; then
    verdict "tar xf gives the listed files" ok
else
    verdict "tar xf gives the listed files" "$(cat tar.err sums.out)"
fi

# The program gone, the bundle replayed from elsewhere: the same run.
rm -rf prog
(cd elsewhere && "$rewind" replay --stats ../rec.tar </dev/null >../tar.out 2>../tar.err)
tar_rc=$?
stats_of tar.err >tar.stats
if [ $tar_rc = $dir_rc ] && [ -s dir.stats ] && cmp -s dir.stats tar.stats && cmp -s dir.out tar.out &&
   cmp -s rec.out tar.out; then
    verdict "bundle replays as the directory ($(head -1 tar.stats | cut -d' ' -f2) instructions)" ok
else
    verdict "bundle replays as the directory" "exit $tar_rc vs $dir_rc, '$(cat tar.stats)' vs '$(cat dir.stats)': $(head -3 tar.err)"
fi
nothing_left "bundle replay"
refused "the directory needs its program" nonzero "prog/echo.elf" replay rec

# A flipped byte in the log inside the tar (its data starts a block after
# its header, at tar -R's block number).
block=$(tar -tRf rec.tar | sed -n 's/^block \([0-9]*\): rec\/events.rwl$/\1/p')
cp rec.tar bad.tar
printf '\001' | dd of=bad.tar bs=1 seek=$(((block + 1) * 512 + 100)) conv=notrunc 2>/dev/null
refused "tampered log refused" 4 "bad.tar: rec/events.rwl does not match the bundle manifest" replay bad.tar
head -c $(($(wc -c <rec.tar) - 700)) rec.tar >cut.tar
refused "truncated bundle refused" 4 "cut.tar: truncated at byte" replay cut.tar
refused "a file that is no tar refused" 1 "not a rewind bundle" replay rec.out

# A program changed since the recording is not bundled.
mkdir prog && cp "$out/echo-O2-uart.elf" prog/echo.elf && printf 'x' >>prog/echo.elf
refused "changed program not bundled" 2 "kernel prog/echo.elf has changed since the recording" bundle rec -o changed.tar
if [ -e changed.tar ]; then
    verdict "no bundle left after a refusal" "changed.tar written"
fi
if "$rewind" bundle --help | grep -q '^usage: rewind bundle'; then
    verdict "bundle --help" ok
else
    verdict "bundle --help" "no usage line"
fi

echo "bundle: $pass passed, $fail failed"
[ $fail = 0 ]
