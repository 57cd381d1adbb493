# A speaker label with both an agent word and a customer word is the agent,
# wherever the words stand ("Customer Care Agent", "Customer Support",
# "Customer Service Rep", "客户服务 客服"), so the caller, unlabelled, is the
# customer and the roles of the call are not swapped.
--- cmd
for label in 'Customer Care Agent' 'Customer Support' 'Customer Service Rep' '客户服务 客服'; do
	printf 'WEBVTT\n\n00:00.500 --> 00:03.000\n<v %s>Thanks for calling, how can I help?\n\n00:03.500 --> 00:06.000\n<v Maria>My parcel is late.\n' "$label" > call-77.vtt
	cs-ingest -m call-77.vtt | jq -c '[.speaker, .role]'
done
--- stdout
["Customer Care Agent","agent"]
["Maria","customer"]
["Customer Support","agent"]
["Maria","customer"]
["Customer Service Rep","agent"]
["Maria","customer"]
["客户服务 客服","agent"]
["Maria","customer"]
--- stderr
--- exit
0
