# The fish completions keep a program's own options to the words before a
# subcommand, as bash and zsh do: after "cs-qa mine" neither --scorecard nor
# --alerts is offered (cs-qa mine refuses them), after "cs-ticket list"
# not --agents. No file names where a command takes none: cs-roi (its
# operand is a command), a cs-ticket command given a ticket id, cs-answer
# review; files again after a command that reads them (cs-roi kpi).
# A subcommand is only the first word, as the programs take it: none after
# an option (cs-qa -q mine reads a file named mine), and then the
# program's options, not the subcommand's. After --stats= its value json,
# not file names (each one a usage error).
--- requires
/usr/bin/fish
--- cmd
touch afile.ndjson
C=$REPO/completions/fish
try() {   # try FILE LINE: what fish offers, names only, one line
	echo "$2: [$(fish --no-config -c "source $C/$1.fish; complete -C '$2'" | cut -f1 | tr '\n' ' ' | sed 's/ $//')]"
}
while IFS='|' read -r file line; do try "$file" "$line"; done <<'END'
cs-qa|cs-qa mine --sc
cs-qa|cs-qa mine --al
cs-qa|cs-qa --al
cs-qa|cs-qa mine --par
cs-qa|cs-qa mine a
cs-ticket|cs-ticket list --ag
cs-ticket|cs-ticket --ag
cs-ticket|cs-ticket show a
cs-ticket|cs-ticket a
cs-roi|cs-roi a
cs-roi|cs-roi m
cs-roi|cs-roi kpi a
cs-answer|cs-answer review a
cs-answer|cs-answer mine a
cs-qa|cs-qa --stats m
cs-qa|cs-qa -q mine --t
cs-ticket|cs-ticket -q a
cs-qa|cs-qa --stats=
cs-qa|cs-qa mine --stats=
cs-qa|cs-qa --stats a
cs-ingest|cs-ingest --stats=
cs-ingest|cs-ingest j
END
--- stdout
cs-qa mine --sc: []
cs-qa mine --al: []
cs-qa --al: [--alerts]
cs-qa mine --par: [--partial]
cs-qa mine a: [afile.ndjson]
cs-ticket list --ag: []
cs-ticket --ag: [--agents]
cs-ticket show a: []
cs-ticket a: [afile.ndjson assign]
cs-roi a: [staff]
cs-roi m: [merge model]
cs-roi kpi a: [afile.ndjson]
cs-answer review a: []
cs-answer mine a: [afile.ndjson]
cs-qa --stats m: []
cs-qa -q mine --t: [--threads --tz]
cs-ticket -q a: [afile.ndjson]
cs-qa --stats=: [--stats=json]
cs-qa mine --stats=: [--stats=json]
cs-qa --stats a: [afile.ndjson]
cs-ingest --stats=: [--stats=json]
cs-ingest j: [afile.ndjson]
--- stderr
--- exit
0
