# Typographic apostrophes read as straight ones: "don’t" negates as "don't"
# does (vaderSentiment itself reads "don’t" as an unknown word and scores
# "I don’t like it" positive), and an agent's "I’m sorry." is empathy as
# "I'm sorry." is.
--- cmd
for t in "I don't like it" "I don’t like it" "It isn’t good" "It isn't good" "Iʼm not happy, it isn’t good" "I'm not happy, it isn't good" "他说“好”…"; do
	jq -nc --arg t "$t" '{text: $t}'
done | cs-qa -s | jq -c '[.text, .qa.sentiment.compound, .qa.sentiment.label]'
for a in "I'm sorry." "I’m sorry."; do
	jq -nc --arg a "$a" '{kind: "conversation", id: "e", channel: "chat", messages: [{id: "1", role: "customer", text: "This is terrible, I am furious, my order is lost"}, {id: "2", role: "agent", text: $a}]}'
done | cs-qa | jq -c '[.messages[1].text, (.qa.items[] | select(.id == "empathy") | .passed), .qa.score]'
--- stdout
["I don't like it",-0.2755,"negative"]
["I don’t like it",-0.2755,"negative"]
["It isn’t good",-0.3412,"negative"]
["It isn't good",-0.3412,"negative"]
["Iʼm not happy, it isn’t good",-0.6602,"negative"]
["I'm not happy, it isn't good",-0.6602,"negative"]
["他说“好”…",0.4404,"positive"]
["I'm sorry.",true,67.2]
["I’m sorry.",true,67.2]
--- stderr
--- exit
0
