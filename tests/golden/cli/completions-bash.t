# The bash completions offer file names only where the command takes files:
# not to cs-roi, whose operand is a command (cs-roi FILE is a usage error),
# nor after a cs-ticket command that takes a ticket id; cs-roi's commands
# are still offered, and files after one that reads them. Options after a
# subcommand are the subcommand's.
--- requires
/bin/bash
--- cmd
touch afile.ndjson
cat >try.bash <<'END'
try() {   # try FUNCTION WORD...: complete the last word
	local fn=$1; shift
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
	$fn
	echo "$*: [${COMPREPLY[*]}]"
}
source "$REPO/completions/bash/cs-roi"
source "$REPO/completions/bash/cs-ticket"
source "$REPO/completions/bash/cs-qa"
try _cs_roi cs-roi ''
try _cs_roi cs-roi a
try _cs_roi cs-roi kpi a
try _cs_ticket cs-ticket show a
try _cs_ticket cs-ticket assign T-1 a
try _cs_ticket cs-ticket a
try _cs_qa cs-qa mine --sc
try _cs_qa cs-qa --sc
END
bash try.bash
--- stdout
cs-roi : [kpi merge trend staff model report]
cs-roi a: []
cs-roi kpi a: [afile.ndjson]
cs-ticket show a: []
cs-ticket assign T-1 a: []
cs-ticket a: [afile.ndjson assign]
cs-qa mine --sc: []
cs-qa --sc: [--scorecard]
--- stderr
--- exit
0
