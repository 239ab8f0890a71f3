# build-aux/stub-port.sh — sourced by the scripts that start rewind's gdb
# stub in the background on a free port (tcp::0): stub_port FILE waits up to
# five seconds for the stub's "waiting for gdb on 127.0.0.1:PORT" line in
# FILE (its stderr) and sets $port to PORT, or to nothing if it never came.
stub_port() {
    port=
    _i=0
    while [ -z "$port" ] && [ $_i -lt 100 ]; do
        port=$(sed -n 's/.*waiting for gdb on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1")
        [ -z "$port" ] && sleep 0.05
        _i=$((_i + 1))
    done
}
