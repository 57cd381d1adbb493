# Self-test of tests/run: a case whose required file is missing is skipped, not failed.
--- requires
tests/golden/selftest/this-file-does-not-exist
--- cmd
echo never run
--- stdout
never run
