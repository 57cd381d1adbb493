# A live stream flows: each record comes out while the input is still open,
# without waiting for a full buffer (the writer waits for each answer; the
# timeout only keeps a failure from hanging the suite).
--- cmd
mkfifo in out
cs-ingest --messages - < in > out &
exec 3> in
exec 4< out
echo '{"kind":"message","conversation_id":"c","id":"1","text":"first"}' >&3
timeout 20 sh -c 'read -r line <&4 && echo "got: $line"' || echo "no output while the input stayed open"
echo '{"kind":"message","customer":{"id":"u"},"id":"2","text":"second"}' >&3
timeout 20 sh -c 'read -r line <&4 && echo "got: $line"' || echo "no second line"
exec 3>&-
cat <&4
wait $!
echo "exit $?"
--- stdout
got: {"kind":"message","conversation_id":"c","id":"1","text":"first"}
got: {"kind":"message","customer":{"id":"u"},"id":"2","text":"second","conversation_id":"c-8788c3a3e1465d93"}
exit 0
--- stderr
--- exit
0
