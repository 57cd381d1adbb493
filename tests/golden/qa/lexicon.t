# --lexicon adds words (word TAB valence, -4..4; Han words to the Chinese lexicon);
# a bare name is a lexicon of the share directory (en_service: service words VADER
# lacks, left out by default); a bad line stops the run with file, line and exit 3.
# --check loads --lexicon too, so a check of the run's own command line fails as
# the run would (it passed a bad or missing lexicon).
--- cmd
printf '%s\n' '{"text":"The delivery was late and slow."}' '{"text":"物流太磨叽了"}' >in.ndjson
cs-qa -s in.ndjson | jq -c '[.text, .qa.sentiment.compound]'
printf '# mine\n磨叽\t-2\n' >mine.tsv
cs-qa -s --lexicon en_service --lexicon mine.tsv in.ndjson | jq -c '[.text, .qa.sentiment.compound]'
printf 'fine\t1\nbroken\t7\n' >bad.tsv
cs-qa -s --lexicon bad.tsv in.ndjson; echo "status $?"
cs-qa --check --lexicon bad.tsv >/dev/null; echo "status $?"
cs-qa --check --lexicon missing.tsv >/dev/null; echo "status $?"
cs-qa --check --lexicon mine.tsv | tail -1; echo "status $?"
--- stdout
["The delivery was late and slow.",0]
["物流太磨叽了",0]
["The delivery was late and slow.",-0.5267]
["物流太磨叽了",-0.5267]
status 3
status 3
status 3
lexicons: the shipped ones and 1 of --lexicon
status 0
--- stderr
cs-qa: --lexicon bad.tsv:2: the valence must be a number from -4 to 4
cs-qa: --lexicon bad.tsv:2: the valence must be a number from -4 to 4
cs-qa: --lexicon missing.tsv: No such file or directory
--- exit
0
