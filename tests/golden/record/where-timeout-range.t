# --where-timeout takes seconds above 0 and at most 86400 (cs(7)); a value
# outside says both bounds (it used to say only "above 0", also for 100000).
--- cmd
for t in 0 100000 86400.5 abc; do cs-qa --where-timeout "$t" --where '.id' </dev/null; echo "exit $?"; done
echo '{"id":1}' | cs-qa --where-timeout 86400 --where '.id'
--- stdout
exit 2
exit 2
exit 2
exit 2
{"id":1}
--- stderr
cs-qa: --where-timeout: '0' is not a number of seconds above 0 and at most 86400
Try 'cs-qa --help' for more information.
cs-qa: --where-timeout: '100000' is not a number of seconds above 0 and at most 86400
Try 'cs-qa --help' for more information.
cs-qa: --where-timeout: '86400.5' is not a number of seconds above 0 and at most 86400
Try 'cs-qa --help' for more information.
cs-qa: --where-timeout: 'abc' is not a number of seconds above 0 and at most 86400
Try 'cs-qa --help' for more information.
--- exit
0
