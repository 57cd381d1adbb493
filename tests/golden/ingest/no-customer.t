# A message with no conversation_id and no customer.id cannot be grouped: a bad record.
--- cmd
cs-ingest -
--- stdin
{"kind":"message","id":"1","text":"who?"}
--- stdout
--- stderr
cs-ingest: <stdin>:1: message has no conversation_id and no customer.id to group by
--- exit
1
