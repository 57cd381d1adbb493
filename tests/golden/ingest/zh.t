# 晚上 (at night) on a 12-hour clock: 6 to 11 o'clock are the evening, but
# 晚上12:30 is half past midnight (of which day?) and 晚上1:00 to 5:59 could
# be either side of midnight too, so they are bad values saying so. Before,
# 晚上 was read as PM: 晚上12:30 became 12:30 noon, the same instant as
# 下午12:30, twelve hours off without a word.
--- cmd
n=0
for t in '2026/3/2 晚上12:30' '2026/3/2 晚上11:30' '2026/3/2 下午12:30' '2026/3/2 上午12:30' '2026年3月2日晚上5:30' '2026年3月2日晚上6:30'; do
	n=$((n + 1))
	printf '{"id":"%d","conversation_id":"a","ts":"%s","text":"x"}\n' "$n" "$t"
done | cs-ingest -m --skip-bad --tz Asia/Shanghai -M ts=ts | jq -r '[.id, .ts] | @tsv'
--- stdout
2	2026-03-02T15:30:00Z
3	2026-03-02T04:30:00Z
4	2026-03-01T16:30:00Z
6	2026-03-02T10:30:00Z
--- stderr
cs-ingest: <stdin>:1: --map ts: '2026/3/2 晚上12:30' is not a time (晚上 (at night) with 12 to 5 o'clock could be either side of midnight: write the time on the 24-hour clock)
cs-ingest: <stdin>:5: --map ts: '2026年3月2日晚上5:30' is not a time (晚上 (at night) with 12 to 5 o'clock could be either side of midnight: write the time on the 24-hour clock)
cs-ingest: 2 bad records left out
--- exit
0
