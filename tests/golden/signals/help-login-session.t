# A login (an event naming a device and a customer) gives the device's help
# to the customer also when it opens a session of its own (a new session id,
# or the first event after the device's session ended): a chat of the
# customer's then answers it, and without one the signal is the customer's.
# Before, the device kept its help and had a silent_help_seeker alert though
# its customer had asked; only a login after an anonymous event of its
# session joined them.
--- cmd
ev() { # id time who type [name]
	echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-01T$2Z\",$3,\"type\":\"$4\",\"name\":\"${5:-}\"}"
}
help() { ev h1 10:00:00 '"device":"dv1","session":"w1"' help_view /help/returns; }
chat() { echo '{"kind":"conversation","id":"c1","customer":{"id":"cust-a"},"started":"2026-03-01T15:00:00Z","messages":[]}'; }
tick() { echo '{"kind":"event","id":"x","ts":"2026-03-04T00:00:00Z","customer":{"id":"cust-c"},"type":"page_view","name":"/"}'; }
sig() { cs-signals --signals-only | jq -c '[.kind, .type, .customer.id, .device, [.evidence[].id]]'; }
echo login in a new session, then a chat; { help; ev l1 10:05:00 '"device":"dv1","session":"w2","customer":{"id":"cust-a"}' login; chat; tick; } | sig
echo login in a new session, no chat; { help; ev l1 10:05:00 '"device":"dv1","session":"w2","customer":{"id":"cust-a"}' login; tick; } | sig
echo login after the session ended, then a chat; { help; ev l1 11:00:00 '"device":"dv1","customer":{"id":"cust-a"}' login; chat; tick; } | sig
echo login after an anonymous event, then a chat; { help; ev p2 10:04:00 '"device":"dv1","session":"w2"' page_view /; ev l1 10:05:00 '"device":"dv1","session":"w2","customer":{"id":"cust-a"}' login; chat; tick; } | sig
echo another device; { help; ev l1 10:05:00 '"device":"dv2","session":"w2","customer":{"id":"cust-a"}' login; chat; tick; } | sig
--- stdout
login in a new session, then a chat
login in a new session, no chat
["signal","silent_help_seeker","cust-a",null,["h1"]]
["alert","signals.silent_help_seeker","cust-a",null,["h1"]]
login after the session ended, then a chat
login after an anonymous event, then a chat
another device
["signal","silent_help_seeker",null,"dv1",["h1"]]
["alert","signals.silent_help_seeker",null,"dv1",["h1"]]
--- stderr
--- exit
0
