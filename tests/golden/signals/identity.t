# Identity stitching: an anonymous device's signals wait for its login and
# then carry the customer, with the device and the login event that joined
# them; events with the customer's id alone then reach the same session. A
# second customer on the same device is never merged: a session of their
# own (counted as an identity conflict). A device that never logs in keeps
# its signals under the device.
--- cmd
ev() { echo "{\"kind\":\"event\",\"id\":\"$1\",\"ts\":\"2026-03-02T10:00:$2Z\",$3,\"type\":\"$4\",\"name\":\"${5:-/}\",\"props\":{}}"; }
{
ev a 01 '"device":"d-1"' page_view /list
ev b 02 '"device":"d-1"' page_view /item
ev c 03 '"device":"d-1"' page_view /list
ev d 10 '"device":"d-1","customer":{"id":"cust-1"}' login
ev e 11 '"customer":{"id":"cust-1"}' page_view /item
ev f 12 '"customer":{"id":"cust-1"}' page_view /list
ev g 20 '"device":"d-1","customer":{"id":"cust-2"}' login
ev h 21 '"device":"d-2"' page_view /a
ev i 22 '"device":"d-2"' page_view /b
ev j 23 '"device":"d-2"' page_view /a
} | cs-signals --signals-only --stats=json --stats-file stats | jq -c '[.type, .customer.id, .device, .session, [.evidence[].id], .identity]'
jq -c '{sessions, logins_joined, identity_conflicts}' stats
--- stdout
["u_turn","cust-1","d-1","s-3777231b84413795",["a","b","c"],{"device":"d-1","joined_by":"d"}]
["u_turn","cust-1","d-1","s-3777231b84413795",["c","e","f"],null]
["u_turn",null,"d-2","s-f8e9aa986466df53",["h","i","j"],null]
{"sessions":3,"logins_joined":1,"identity_conflicts":1}
--- stderr
--- exit
0
