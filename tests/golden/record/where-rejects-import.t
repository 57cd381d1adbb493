# --where rejects import, include, input, $ENV and env before compiling: usage error, exit 2.
--- cmd
for e in 'import "x" as y; .' 'include "x"; .' 'input' '$ENV.HOME' 'env.HOME' '"\(env)"' 'input_filename'; do echo '{}' | cs-ingest --where "$e" -; echo "exit $?"; done
--- stdout
exit 2
exit 2
exit 2
exit 2
exit 2
exit 2
exit 2
--- stderr
cs-ingest: --where: 'import' is not allowed
Try 'cs-ingest --help' for more information.
cs-ingest: --where: 'include' is not allowed
Try 'cs-ingest --help' for more information.
cs-ingest: --where: 'input' is not allowed
Try 'cs-ingest --help' for more information.
cs-ingest: --where: '$ENV' is not allowed
Try 'cs-ingest --help' for more information.
cs-ingest: --where: 'env' is not allowed
Try 'cs-ingest --help' for more information.
cs-ingest: --where: 'env' is not allowed
Try 'cs-ingest --help' for more information.
cs-ingest: --where: 'input_filename' is not allowed
Try 'cs-ingest --help' for more information.
--- exit
0
