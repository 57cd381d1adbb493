# The notice about times without an offset quotes the first one in input
# order, whichever thread mapped it: all rows on the CSV reading thread
# (CS_TEST_AHEAD_SHARE=0), half of each sixteen on the main thread (8), all
# of them there (16). Under share 8 rows 1-8 are mapped on the main thread
# and rows 9-16 on the reading thread, which gets there first; many batches
# follow.
--- cmd
awk 'BEGIN { print "id,conversation_id,ts"; for (i = 1; i <= 20000; i++) printf "%d,c%d,2026-03-01 %02d:%02d:%02d\n", i, i % 9, i / 3600 % 24, i / 60 % 60, i % 60 }' > naive.csv
for share in 0 8 16; do
	CS_TEST_AHEAD_SHARE=$share cs-ingest -m -M ts=ts naive.csv | wc -l
done
--- stdin
--- stdout
20000
20000
20000
--- stderr
cs-ingest: 20000 times without an offset (such as '2026-03-01 00:00:01') were read as UTC: name their zone with --tz
cs-ingest: 20000 times without an offset (such as '2026-03-01 00:00:01') were read as UTC: name their zone with --tz
cs-ingest: 20000 times without an offset (such as '2026-03-01 00:00:01') were read as UTC: name their zone with --tz
--- exit
0
