# An intent model records how cs read text when it was trained (the
# reading, CS_TEXT_READING, in its header). One trained with another
# reading (an earlier cs's: none recorded, or another number) still routes,
# with a notice to train it again; -q leaves the notice out.
--- cmd
cs-route train -q -o m.bin "$REPO/examples/intents.csv"
zstd -dc m.bin | sed -n 2p | jq -c .reading
echo '{"kind":"conversation","id":"c1","messages":[{"role":"customer","text":"where is my order"}]}' > in.ndjson
cs-route -m m.bin in.ndjson | jq -c .route.intent
zstd -dc m.bin | sed '2s/,"reading":2//' > old.bin
cs-route -m old.bin in.ndjson | jq -c .route.intent
cs-route -q -m old.bin in.ndjson | jq -c .route.intent
zstd -dc m.bin | sed '2s/"reading":2/"reading":7/' > later.bin
cs-route -m later.bin in.ndjson | jq -c .route.intent
--- stdout
2
"order_status"
"order_status"
"order_status"
"order_status"
--- stderr
cs-route: old.bin: trained when cs read text differently (reading 1, this cs 2): train it again
cs-route: later.bin: trained when cs read text differently (reading 7, this cs 2): train it again
--- exit
0
