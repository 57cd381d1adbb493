# cs-roi merge and trend: every count and sum of a metrics record is a
# whole number from 0 up, as cs-roi kpi writes it. A negative count
# (which wrapped to 18446744073709551615 and made AHT 0), a fraction
# (2.9 cut to 2), a count given as a string ("1" read as 1) and a negative
# sum (AHT -25 s) are bad records naming the member, exit 1, as cs-roi
# staff refuses them; with --skip-bad such a record is left out whole.
# A total past what it holds is bad too; null is absent, as in staff.
--- cmd
c() { echo "{\"kind\":\"conversation\",\"id\":\"$1\",\"channel\":\"chat\",\"customer\":{\"id\":\"u1\"},\"started\":\"2026-03-02T$2Z\",\"messages\":[{\"role\":\"customer\",\"ts\":\"2026-03-02T$2Z\"},{\"role\":\"agent\",\"ts\":\"2026-03-02T$2Z\"}],\"ended\":\"2026-03-02T$3Z\",\"route\":{\"intent\":\"billing\"}}"; }
{ c c1 01:00:00 01:05:00; c c2 20:00:00 20:05:00; } > fcr.ndjson
cs-roi kpi fcr.ndjson > k.ndjson
sed 's/"handled":2/"handled":-1/' k.ndjson > neg.ndjson
sed 's/"csat_responses":0/"csat_responses":2.9/' k.ndjson > frac.ndjson
sed 's/"csat_positive":0/"csat_positive":"1"/' k.ndjson > str.ndjson
sed 's/"handle_ms":600000/"handle_ms":-50000/' k.ndjson > negsum.ndjson
sed 's/"handled":2/"handled":2e0/' k.ndjson > exp.ndjson
sed 's/"handled":2/"handled":18446744073709551615/' k.ndjson > big.ndjson
sed 's/"handled":2/"handled":null/' k.ndjson > null.ndjson
for f in neg frac str negsum exp; do cs-roi merge $f.ndjson; echo "merge $f: exit $?"; done
cs-roi trend neg.ndjson; echo "trend neg: exit $?"
cs-roi merge --skip-bad k.ndjson neg.ndjson negsum.ndjson k.ndjson | jq -c '[.counts.handled, .sums.handle_ms, .kpi.aht_s]'
cs-roi merge big.ndjson k.ndjson; echo "past 2^64: exit $?"
cs-roi merge null.ndjson | jq -c '[.counts.handled, .kpi.aht_s]'
--- stdout
merge neg: exit 1
merge frac: exit 1
merge str: exit 1
merge negsum: exit 1
merge exp: exit 1
trend neg: exit 1
[4,1200000,300]
past 2^64: exit 1
[0,null]
--- stderr
cs-roi merge: neg.ndjson:1: counts.handled is not a whole number from 0 up
cs-roi merge: frac.ndjson:1: counts.csat_responses is not a whole number from 0 up
cs-roi merge: str.ndjson:1: counts.csat_positive is not a whole number from 0 up
cs-roi merge: negsum.ndjson:1: sums.handle_ms is not a whole number from 0 up
cs-roi merge: exp.ndjson:1: counts.handled is not a whole number from 0 up
cs-roi trend: neg.ndjson:1: counts.handled is not a whole number from 0 up
cs-roi merge: neg.ndjson:1: counts.handled is not a whole number from 0 up
cs-roi merge: negsum.ndjson:1: sums.handle_ms is not a whole number from 0 up
cs-roi merge: 2 bad records left out
cs-roi merge: k.ndjson:1: counts.handled adds up past 18446744073709551615
--- exit
0
