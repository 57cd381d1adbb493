# Self-test of tests/run: stderr and a non-zero exit status are part of the
# expectation, not errors. cmd may hold several shell lines.
--- cmd
printf 'before\n'
sh -c 'echo oops >&2; exit 3'
--- stdout
before
--- stderr
oops
--- exit
3
