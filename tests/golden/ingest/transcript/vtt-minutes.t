# Minutes over 59 in a cue timing.
--- cmd
cs-ingest -f vtt -m -
--- stdin
WEBVTT

00:75:00.000 --> 00:76:00.000
<v Agent>Still there?
--- stdout
--- stderr
cs-ingest: <stdin>:3: minutes over 59 in the timing line '00:75:00.000 --> 00:76:00.000'
--- exit
1
