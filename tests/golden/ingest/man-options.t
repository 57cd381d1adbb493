# Every long option cs-ingest(1) names is one that cs-ingest --help lists,
# so the page cannot tell users of an option that does not exist (it once
# said --drop-mapped, where moving is the default and --keep-mapped keeps).
--- cmd
cs-ingest --help > help.txt
for o in $(grep -o 'Fl \\-[a-z0-9-]*' "$REPO/man/cs-ingest.1" | sed 's/^Fl \\-//' | sort -u); do
	grep -qE -- "--$o([^a-z0-9-]|\$)" help.txt || echo "cs-ingest(1) names --$o, which cs-ingest --help does not list"
done
--- exit
0
