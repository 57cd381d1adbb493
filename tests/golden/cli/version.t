# --version names the program, suite and version on stdout, then the libraries.
--- cmd
cs-ingest --version | head -1 | sed 's/[0-9][0-9.]*$/X/'
--- stdout
cs-ingest (cs) X
--- stderr
--- exit
0
