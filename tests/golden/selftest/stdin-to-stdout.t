# Self-test of tests/run: stdin reaches the command, stdout is compared byte for byte
# (blank lines and trailing spaces included), and the exit status defaults to 0.
--- cmd
cat
--- stdin
{"a":1}

  indented line with trailing spaces  
--- stdout
{"a":1}

  indented line with trailing spaces  
--- stderr
--- exit
0
