# Items without labels take them from speaker_labels.segments; audio_segments, when present, are the turns.
--- cmd
cs-ingest -f transcribe -m -
--- stdin
{"jobName":"seg-1","results":{"transcripts":[{"transcript":"Hi. Hello there."}],
 "speaker_labels":{"speakers":2,"segments":[{"start_time":"0.2","end_time":"0.5","speaker_label":"spk_0","items":[]},{"start_time":"1.0","end_time":"2.1","speaker_label":"spk_1","items":[]}]},
 "items":[{"start_time":"0.2","end_time":"0.5","alternatives":[{"content":"Hi"}],"type":"pronunciation"},{"alternatives":[{"content":"."}],"type":"punctuation"},
  {"start_time":"1.0","end_time":"1.4","alternatives":[{"content":"Hello"}],"type":"pronunciation"},{"start_time":"1.4","end_time":"2.1","alternatives":[{"content":"there"}],"type":"pronunciation"},{"alternatives":[{"content":"."}],"type":"punctuation"}]}}
{"jobName":"seg-2","results":{"transcripts":[{"transcript":"Hi. Hello there."}],"items":[],
 "audio_segments":[{"id":0,"transcript":"Hi.","start_time":"0.2","end_time":"0.5","speaker_label":"spk_0","items":[0,1]},{"id":1,"transcript":"Hello there.","start_time":"1.0","end_time":"2.1","speaker_label":"spk_1","items":[2,3,4]}]}}
--- stdout
{"kind":"message","id":"seg-1#0","conversation_id":"seg-1","channel":"phone","role":"agent","text":"Hi.","start_ms":200,"end_ms":500,"speaker":"spk_0","source":{"format":"transcribe","file":"<stdin>","line":3,"id":"seg-1#0"}}
{"kind":"message","id":"seg-1#1","conversation_id":"seg-1","channel":"phone","role":"customer","text":"Hello there.","start_ms":1000,"end_ms":2100,"speaker":"spk_1","source":{"format":"transcribe","file":"<stdin>","line":4,"id":"seg-1#1"}}
{"kind":"message","id":"seg-2#0","conversation_id":"seg-2","channel":"phone","role":"agent","text":"Hi.","start_ms":200,"end_ms":500,"speaker":"spk_0","source":{"format":"transcribe","file":"<stdin>","line":6,"id":"seg-2#0"}}
{"kind":"message","id":"seg-2#1","conversation_id":"seg-2","channel":"phone","role":"customer","text":"Hello there.","start_ms":1000,"end_ms":2100,"speaker":"spk_1","source":{"format":"transcribe","file":"<stdin>","line":6,"id":"seg-2#1"}}
--- stderr
--- exit
0
