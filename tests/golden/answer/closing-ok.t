# The question of a conversation is its latest customer message of more
# than two bytes of text, so a closing "ok" or "k" does not replace it (the
# JSON quotes were counted as text, so "ok" was taken and handed off).
--- cmd
cs-answer build -q --kb kb.db "$REPO/examples/kb" >/dev/null
for last in ok k 'thanks!'; do
	jq -nc --arg last "$last" '{messages: [{role: "customer", text: "how long does the battery last"}, {role: "agent", text: "About 18 hours."}, {role: "customer", text: $last}]}'
done | cs-answer --kb kb.db -k 1 | jq -c '.answer | [.question, .handoff, .sources[0].id]'
--- stdout
["how long does the battery last",false,"faq-battery"]
["how long does the battery last",false,"faq-battery"]
["thanks!",true,null]
--- stderr
--- exit
0
