# A SubRip cue without an end time.
--- cmd
cs-ingest -f srt -m -
--- stdin
1
00:00:01,000 --> 
Agent: Hello?
--- stdout
--- stderr
cs-ingest: <stdin>:2: a cue without an end time in the timing line '00:00:01,000 --> '
--- exit
1
