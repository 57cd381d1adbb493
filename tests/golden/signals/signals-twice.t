# A pipeline can run cs-signals twice (cs-schema(7)): the second pass gives
# the same stream. Its signal and alert records come in again; each goes
# out once, counted as signals_replaced and alerts_replaced: the one found
# again takes the place of the one that comes in while it waits (a
# detractor's, after its survey), and one found after its twin came in (a
# help seeker decided at the end of the input, by --until) is not written
# again. Before, every signal and alert was written twice, with the same
# id. With the first run's --state the second run cools its alerts down and
# the ones that come in stay where they were; --signals-only writes what it
# finds, and a signal of another run passes on. The same holds for a part
# of --split, and --shard over the stream gives that part.
--- cmd
cat >ev.ndjson <<'END'
{"kind":"event","id":"e1","ts":"2026-03-01T10:00:00Z","customer":{"id":"c1"},"session":"s1","type":"help_view","name":"/help/articles/7"}
{"kind":"event","id":"e2","ts":"2026-03-02T10:00:00Z","customer":{"id":"u1"},"type":"survey","survey":{"metric":"nps","score":2}}
{"kind":"event","id":"e3","ts":"2026-03-02T10:01:00Z","customer":{"id":"u2"},"type":"page_view","name":"/shop"}
END
cs-signals -q --until 2026-03-03T00:00:00Z ev.ndjson > once.ndjson
jq -c '[.kind, .id]' once.ndjson
cs-signals --stats --until 2026-03-03T00:00:00Z once.ndjson > twice.ndjson
cmp once.ndjson twice.ndjson && echo "the same stream"
cs-signals -q --state st.db --until 2026-03-03T00:00:00Z ev.ndjson > state1.ndjson
cs-signals -q --stats=json --state st.db --until 2026-03-03T00:00:00Z state1.ndjson 2>stats.ndjson | cmp - state1.ndjson && echo "the same stream with --state"
jq -c '{alerts, alerts_cooled_down, signals_replaced, alerts_replaced}' stats.ndjson
cs-signals -q --signals-only once.ndjson | jq -c '[.kind, .id]'
printf '%s\n' '{"kind":"signal","id":"sig-0000000000000000","type":"survey_detractor"}' | cat - once.ndjson | cs-signals -q | jq -r .id | tr '\n' ' '; echo
cs-signals -q --split 2 -o 'part-%d.ndjson' ev.ndjson
for k in 1 2; do cs-signals -q part-$k.ndjson | cmp - part-$k.ndjson && cs-signals -q --shard $k/2 once.ndjson | cmp - part-$k.ndjson && echo "part $k the same"; done
--- stdout
["event","e1"]
["event","e2"]
["signal","sig-93bd924314c1ef05"]
["alert","alert-93bd924314c1ef05"]
["event","e3"]
["signal","sig-9af6e4d546667e52"]
["alert","alert-9af6e4d546667e52"]
the same stream
the same stream with --state
{"alerts":0,"alerts_cooled_down":2,"signals_replaced":2,"alerts_replaced":0}
["signal","sig-93bd924314c1ef05"]
["alert","alert-93bd924314c1ef05"]
["signal","sig-9af6e4d546667e52"]
["alert","alert-9af6e4d546667e52"]
sig-0000000000000000 e1 e2 sig-93bd924314c1ef05 alert-93bd924314c1ef05 e3 sig-9af6e4d546667e52 alert-9af6e4d546667e52 
part 1 the same
part 2 the same
--- stderr
cs-signals: stats: read 7, written 7, blank 0, rejected 0, skipped 0, dropped 0, replaced 0, inputs_failed 0, stopped 0, events 3, contacts 0, tickets 0, sessions 3, signals 2, alerts 2, alerts_cooled_down 0, signals_replaced 2, alerts_replaced 2, logins_joined 0, identity_conflicts 0, sessions_ended_early 0, undecided 0, out_of_order 0, not_consented 0, unattributed 0, bad_survey_scores 0
--- exit
0
