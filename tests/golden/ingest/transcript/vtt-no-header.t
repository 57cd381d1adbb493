# A file without its WEBVTT line is not WebVTT: with --format vtt it is reported at line 1.
--- cmd
cd "$REPO" && cs-ingest --format vtt -m tests/data/transcript/no-header.vtt
--- stdout
--- stderr
cs-ingest: tests/data/transcript/no-header.vtt:1: not WebVTT: the first line is not 'WEBVTT'
--- exit
1
