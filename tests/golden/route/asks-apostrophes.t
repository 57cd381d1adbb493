# Asks typed with a typographic apostrophe, as phones and Macs type them,
# are honoured as with a straight one ("I’d like a human", "I don’t want a
# bot"), and so is "I'd like a human", which the pattern missed for want of
# a space before "'d"; "Id like" and "I wanna" too.
--- cmd
for q in "I'd like a human" "I’d like a human" "Id like a human" "I don’t want a bot" "I don't want a bot" "I wanna speak to a person" "I’d like to check my order"; do
	jq -nc --arg q "$q" '{text: $q}'
done | cs-route --field text | jq -c '[.text, .route.human_requested]'
--- stdout
["I'd like a human",true]
["I’d like a human",true]
["Id like a human",true]
["I don’t want a bot",true]
["I don't want a bot",true]
["I wanna speak to a person",true]
["I’d like to check my order",false]
--- stderr
--- exit
0
