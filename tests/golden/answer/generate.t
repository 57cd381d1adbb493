# --generate sends the grounded prompt (question and numbered passages) to a
# command and stores what it writes next to the extractive answer; a failing
# command is reported with file and line and its error kept in the record.
# No generation when the answer is handed off. --generate-timeout covers the
# command's whole run: one that closes its output but does not exit is killed
# at the deadline and its draft is not kept (1 s here, not the 3 s it sleeps).
--- cmd
cp -r "$REPO/examples/kb" kb
cs-answer build --kb kb.db kb >/dev/null
cat > gen.sh <<'GEN'
#!/bin/sh
# a stub generator: the question and how many sources the prompt held
prompt=$(cat)
q=$(printf '%s\n' "$prompt" | sed -n 's/^Question: //p')
n=$(printf '%s\n' "$prompt" | grep -c '^\[[0-9]*\] ')
printf 'Stub answer to "%s" from %s sources [1].\n' "$q" "$n"
GEN
chmod +x gen.sh
printf '%s\n' '{"question":"how long does delivery take"}' '{"question":"weather on mars"}' | cs-answer --kb kb.db -k 2 --generate ./gen.sh | jq -c '[.answer.handoff, .answer.generated]'
echo '{"question":"how long does delivery take"}' | cs-answer --kb kb.db -k 1 --generate 'cat >/dev/null; exit 3' | jq -c '.answer.generated'
echo '{"question":"how long does delivery take"}' | cs-answer --kb kb.db -k 1 --generate-timeout 1 --generate 'cat >/dev/null; echo draft; exec >&-; exec sleep 3' | jq -c '.answer.generated'
--- stdout
[false,{"text":"Stub answer to \"how long does delivery take\" from 2 sources [1]."}]
[true,null]
{"error":"exited with status 3"}
{"error":"timed out after 1 s"}
--- stderr
cs-answer: <stdin>:1: --generate: exited with status 3
cs-answer: <stdin>:1: --generate: timed out after 1 s
--- exit
0
