# --shard K/N sees the time of the records it leaves out (another part's),
# as the one run of --split does, so what waits for time to pass is decided
# alike: part K of --split is exactly what --shard K/N writes. Helen's help
# visit had 24 hours without a contact by paul's later event; --split 4 wrote
# her silent_help_seeker signal and --shard never did.
--- cmd
cat >ev.ndjson <<'END'
{"kind":"event","id":"h1","ts":"2026-03-02T08:00:00Z","customer":{"id":"helen"},"type":"page_view","name":"/help/returns"}
{"kind":"event","id":"p1","ts":"2026-03-02T08:00:00Z","customer":{"id":"paul"},"type":"page_view","name":"/shop"}
{"kind":"event","id":"p2","ts":"2026-03-03T12:00:00Z","customer":{"id":"paul"},"type":"page_view","name":"/shop"}
END
cs-signals --signals-only --split 4 -o 'sig-%d.ndjson' ev.ndjson
for k in 1 2 3 4; do cs-signals --signals-only --shard $k/4 ev.ndjson | cmp - sig-$k.ndjson && echo "part $k: $(jq -c '[.type, .customer.id]' sig-$k.ndjson | tr '\n' ' ')"; done
--- stdout
part 1: 
part 2: 
part 3: ["silent_help_seeker","helen"] ["signals.silent_help_seeker","helen"] 
part 4: 
--- stderr
--- exit
0
