# cs-answer build reads and analyzes entries on --threads threads and adds
# them in input order: one thread and three give the same knowledge base,
# term by term and entry by entry, over several batches (an FAQ of 1,500
# rows beside the example folder), and so does a rebuild with some changed.
--- cmd
cp -r "$REPO/examples/kb" kb
awk 'BEGIN { print "id,question,answer"; for (i = 1; i <= 1500; i++) printf "g%d,How do I reset device %d?,Hold the button %d seconds then wait for light %d.\n", i, i, i % 13, i % 7 }' > kb/many.csv
dump() { sqlite3 "$1" 'SELECT term, df, hex(postings) FROM term ORDER BY term' 'SELECT * FROM entry ORDER BY n'; }
cs-answer build -q --threads 1 --kb one.db kb
cs-answer build -q --threads 3 --kb three.db kb
dump one.db > one.txt
dump three.db > three.txt
cmp one.txt three.txt && echo "the same knowledge base"
sed -i 's/then wait for light 3/then wait for the green light/' kb/many.csv
cs-answer build -q --threads 1 --kb one.db kb
cs-answer build -q --threads 3 --kb three.db kb
dump one.db > one.txt
dump three.db > three.txt
cmp one.txt three.txt && echo "the same after a rebuild"
wc -l < one.txt
--- stdout
{"kind":"kb_build","kb":"one.db","entries":1509,"added":1509,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":158964}
{"kind":"kb_build","kb":"three.db","entries":1509,"added":1509,"updated":0,"removed":0,"unchanged":0,"bytes_indexed":158964}
the same knowledge base
{"kind":"kb_build","kb":"one.db","entries":1509,"added":0,"updated":214,"removed":0,"unchanged":1295,"bytes_indexed":24131}
{"kind":"kb_build","kb":"three.db","entries":1509,"added":0,"updated":214,"removed":0,"unchanged":1295,"bytes_indexed":24131}
the same after a rebuild
5752
--- stderr
--- exit
0
