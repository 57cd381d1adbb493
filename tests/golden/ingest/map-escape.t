# A backslash escapes dots, commas, equals and colons in field names.
--- cmd
cs-ingest --messages --map 'text=a\.b,conversation_id=x\:y' -
--- stdin
{"a.b":"dotted key","a":{"b":"nested"},"x:y":"c1"}
--- stdout
{"kind":"message","a":{"b":"nested"},"text":"dotted key","conversation_id":"c1"}
--- stderr
--- exit
0
