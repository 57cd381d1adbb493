# A UTF-16LE SubRip file with a byte-order mark.
--- cmd
printf '\377\376' > c.srt; printf '1\r\n00:00:00,250 --> 00:00:01,500\r\nAgent: Ciao, come posso aiutarla?\r\n' | iconv -f UTF-8 -t UTF-16LE >> c.srt; cs-ingest -f srt -m c.srt
--- stdout
{"kind":"message","id":"c#0","conversation_id":"c","channel":"phone","role":"agent","text":"Ciao, come posso aiutarla?","start_ms":250,"end_ms":1500,"speaker":"Agent","source":{"format":"srt","file":"c.srt","line":1,"id":"c#0"}}
--- stderr
--- exit
0
