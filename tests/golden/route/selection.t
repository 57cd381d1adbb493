# Selection modes over the same three agents (tests/data/route/agents.ndjson):
# longest idle (idle_since, then each assignment's time), least loaded (load
# over what the channel holds, ties to the longest idle), round robin (the
# next fitting agent after the last one given the queue) and best skill
# (the highest level in the target's skills, here billing 3 or more, which
# leaves a1 out; ties to the least loaded). Assignments add load as the
# stream flows, so a full channel takes no more.
--- cmd
tee in.ndjson >/dev/null
for mode in longest_idle least_loaded round_robin; do
  printf '%s:' $mode
  cs-route --agents "$TESTDATA/route/agents.ndjson" --mode $mode in.ndjson | jq -r '.route.agent' | tr '\n' ' '; echo
done
printf 'best_skill:'
cs-route --agents "$TESTDATA/route/agents.ndjson" --mode best_skill -p "$TESTDATA/route/skills.json" in.ndjson | jq -r '.route.agent' | tr '\n' ' '; echo
cs-route --agents "$TESTDATA/route/agents.ndjson" --mode best_skill -p "$TESTDATA/route/skills.json" in.ndjson | jq -r '.route.reasons[-1]' | tail -2
--- stdin
{"kind":"conversation","id":"c1","channel":"chat","customer":{"id":"c-c1"},"started":"2026-03-02T02:01:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:01:00Z","role":"customer","text":"hello"},{"id":"m2","ts":"2026-03-02T02:01:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:01:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"c2","channel":"chat","customer":{"id":"c-c2"},"started":"2026-03-02T02:02:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:02:00Z","role":"customer","text":"hello"},{"id":"m2","ts":"2026-03-02T02:02:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:02:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"c3","channel":"chat","customer":{"id":"c-c3"},"started":"2026-03-02T02:03:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:03:00Z","role":"customer","text":"hello"},{"id":"m2","ts":"2026-03-02T02:03:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:03:00Z","role":"customer","text":"after the agent: not routed on"}]}
{"kind":"conversation","id":"c4","channel":"chat","customer":{"id":"c-c4"},"started":"2026-03-02T02:04:00Z","messages":[{"id":"m1","ts":"2026-03-02T02:04:00Z","role":"customer","text":"hello"},{"id":"m2","ts":"2026-03-02T02:04:00Z","role":"agent","text":"Let me check."},{"id":"m3","ts":"2026-03-02T02:04:00Z","role":"customer","text":"after the agent: not routed on"}]}
--- stdout
longest_idle:a2 a1 a3 a2 
least_loaded:a2 a1 a2 a3 
round_robin:a1 a2 a3 a1 
best_skill:a2 a2 a2 a3 
target 1, queue general: agent a2 (best_skill, chat costs 1)
target 1, queue general: agent a3 (best_skill, chat costs 1)
--- stderr
--- exit
0
