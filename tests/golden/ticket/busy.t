# A store another process holds for writing: readers go on (WAL), and a run
# that must write waits the busy timeout (10 s) for it, then gives up with
# exit 5 and a message that says to try again, having changed nothing. The
# lock is taken by sqlite3 and held until cs-ticket has given up; the shell
# waits on FIFOs, never on a clock.
--- cmd
cs-ticket create --db t.db --id T-1 --subject "Locked out" --at 2026-03-05T08:00:00Z > /dev/null
mkfifo commands ready
sqlite3 t.db < commands > /dev/null &
exec 3> commands
echo "BEGIN IMMEDIATE; INSERT INTO meta VALUES('held', '1');" >&3
echo ".system echo locked > ready" >&3
read line < ready; echo "$line"
cs-ticket show --db t.db T-1 | jq -c '[.id, .status]'
echo '{"kind":"ticket_update","ticket":"T-1","ts":"2026-03-05T09:00:00Z","status":"open"}' | cs-ticket --db t.db; echo "exit $?"
echo "ROLLBACK;" >&3
exec 3>&-
wait
cs-ticket history --db t.db T-1 | jq -c .action
--- stdout
locked
["T-1","new"]
exit 5
"created"
--- stderr
cs-ticket: t.db: database is locked (another process is writing to it; try again later)
--- exit
0
