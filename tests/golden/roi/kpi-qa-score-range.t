# A "qa.score" is cs-qa's, 0 to 100. cs-roi kpi added any number: 1E400 (a
# legal JSON number), 1e300 and -1E400 gave "qa_score_milli":
# -9223372036854775808 and qa_score_mean -9223372036854776, -5 gave -5000, and
# cs-roi merge then refused the record cs-roi kpi wrote ("sums.qa_score_milli
# is not a whole number from 0 up", which cs-roi(1) says kpi never writes);
# the eight below gave qa_scored 7 and a sum of 294500 that had wrapped round.
# Now such a conversation is a bad record; 0, 99.5 and 100 count, a string
# is no score.
--- cmd
conv() { echo "{\"kind\":\"conversation\",\"id\":\"c$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"k$1\"},\"started\":\"2026-03-02T09:00:00Z\",\"qa\":{\"score\":$2},\"messages\":[]}"; }
{ conv 1 1E400; conv 2 -5; conv 3 1e300; conv 4 100.0001; conv 5 0; conv 6 99.5; conv 7 100; conv 8 '"x"'; } > in.ndjson
cs-roi kpi --skip-bad in.ndjson > kpi.ndjson; echo "exit $?"
jq -c '[.counts.contacts, .counts.qa_scored, .sums.qa_score_milli, .kpi.qa_score_mean]' kpi.ndjson
cs-roi merge kpi.ndjson | jq -c '.sums.qa_score_milli'
--- stdout
exit 1
[4,3,199500,66.5]
199500
--- stderr
cs-roi kpi: in.ndjson:1: "qa.score" must be a number from 0 to 100
cs-roi kpi: in.ndjson:2: "qa.score" must be a number from 0 to 100
cs-roi kpi: in.ndjson:3: "qa.score" must be a number from 0 to 100
cs-roi kpi: in.ndjson:4: "qa.score" must be a number from 0 to 100
cs-roi kpi: 4 bad records left out
--- exit
0
