# A configuration side file (--agents, --identities, --consent) that cannot
# be read to its end is a mistake in how the run was set up: status 3, as a
# missing one, with one message that says why (cs(7) EXIT STATUS). A
# truncated zstd file, a directory and invalid UTF-8 used to give the input's
# status 4 for --agents and --identities, with a second message.
--- cmd
printf '{"kind":"event"}\n' > in.ndjson
mkdir dir
awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "{\"id\":\"agent-%d\",\"skills\":{\"general\":1},\"status\":\"available\"}\n", i }' | zstd -q > agents.zst
head -c 1500 agents.zst > cut.zst
printf '{"id":"a\265"}\n' > latin1.ndjson
for f in cut.zst dir latin1.ndjson missing; do
	cs-route --agents $f in.ndjson; echo "cs-route --agents $f: status $?"
	cs-ticket --db t.db --agents $f in.ndjson; echo "cs-ticket --agents $f: status $?"
	cs-ingest --identities $f in.ndjson; echo "cs-ingest --identities $f: status $?"
	cs-signals --purpose support --consent $f in.ndjson; echo "cs-signals --consent $f: status $?"
done 2>&1
cs-route --agents agents.zst in.ndjson; echo "whole: status $?"
--- stdout
cs-route: --agents cut.zst: truncated zstd frame (unexpected end of input)
cs-route --agents cut.zst: status 3
cs-ticket: --agents cut.zst: truncated zstd frame (unexpected end of input)
cs-ticket --agents cut.zst: status 3
cs-ingest: --identities cut.zst: truncated zstd frame (unexpected end of input)
cs-ingest --identities cut.zst: status 3
cs-signals: cut.zst: truncated zstd frame (unexpected end of input)
cs-signals --consent cut.zst: status 3
cs-route: --agents dir: read error: Is a directory
cs-route --agents dir: status 3
cs-ticket: --agents dir: read error: Is a directory
cs-ticket --agents dir: status 3
cs-ingest: --identities dir: read error: Is a directory
cs-ingest --identities dir: status 3
cs-signals: dir: read error: Is a directory
cs-signals --consent dir: status 3
cs-route: --agents latin1.ndjson:1:9: invalid UTF-8 (byte 0xb5)
cs-route --agents latin1.ndjson: status 3
cs-ticket: --agents latin1.ndjson:1:9: invalid UTF-8 (byte 0xb5)
cs-ticket --agents latin1.ndjson: status 3
cs-ingest: --identities latin1.ndjson:1:9: invalid UTF-8 (byte 0xb5)
cs-ingest --identities latin1.ndjson: status 3
cs-signals: latin1.ndjson:1:9: invalid UTF-8 (byte 0xb5)
cs-signals --consent latin1.ndjson: status 3
cs-route: --agents missing: No such file or directory
cs-route --agents missing: status 3
cs-ticket: --agents missing: No such file or directory
cs-ticket --agents missing: status 3
cs-ingest: --identities missing: No such file or directory
cs-ingest --identities missing: status 3
cs-signals: missing: No such file or directory
cs-signals --consent missing: status 3
{"kind":"event"}
whole: status 0
--- stderr
--- exit
0
