# cs-roi staff: bad option values are usage errors naming the option (exit
# 2); more agents than --max-agents is exit 1; a start that is not a time
# is a bad record.
--- cmd
cs-roi staff --volume 100 --aht 180s --target 80 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180s --target 100/20 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180s --shrinkage 30 2>&1; echo "exit $?"
cs-roi staff --volume many --aht 180s 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180 2>&1; echo "exit $?"
cs-roi staff --volume 100 --interval 30s --aht 180s 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180s --max-occupancy 1.5 2>&1; echo "exit $?"
cs-roi staff --volume 100 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180s in.ndjson 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180s --max-agents 13 2>&1; echo "exit $?"
echo '{"kind":"conversation","started":"yesterday"}' | cs-roi staff 2>&1; echo "exit $?"
cs-roi staff --volume 100 --aht 180s --actual 2>&1; echo "exit $?"
--- stdout
cs-roi staff: --target: '80' is not PERCENT/SECONDS, such as 80/20
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --target: '100/20': the share answered is a percent above 0 and below 100, such as 80/20
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --shrinkage: '30' is not a number from 0 to 0.9
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --volume: 'many' is not a number from 0 to 1e+09
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --aht: '180' needs a unit: ms, s, m, h, d or w (such as 180m or 180s)
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --interval: '30s' is not from 1m to 1d
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --max-occupancy: '1.5' is not a number from 0.1 to 1
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --volume needs --aht (the average handle time, such as 180s)
Try 'cs-roi staff --help' for more information.
exit 2
cs-roi staff: --volume takes no files: the volume is given (without --volume, the records are read)
Try 'cs-roi staff --help' for more information.
exit 2
100 contacts in 30m at 180 s AHT: 10 Erlangs; target 80.0% answered in 20 s
no staffing: needs more agents than --max-agents (13)
cs-roi staff: more than --max-agents 13 agents would be needed for 10.00 Erlangs
exit 1
cs-roi staff: <stdin>:1: started is not a time
exit 1
cs-roi staff: --actual compares with the agents on duty in records read: not with --volume
Try 'cs-roi staff --help' for more information.
exit 2
--- stderr
--- exit
0
