# --map and --set change message records only; records of other kinds pass through untouched.
--- cmd
cs-ingest --messages --map 'text=body' --set channel=web -
--- stdin
{"kind":"event","id":"e1","body":"not a message"}
{"id":"m1","conversation_id":"c1","body":"a message"}
--- stdout
{"kind":"event","id":"e1","body":"not a message"}
{"kind":"message","id":"m1","conversation_id":"c1","text":"a message","channel":"web"}
--- stderr
--- exit
0
