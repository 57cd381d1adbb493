# Each command takes only the common options it honours, and its --help
# and --list-options list only those; another one is a usage error naming
# it (status 2), never ignored: the store commands write records (-o, -q,
# --tz for --at and --now), show, list and export read calendars
# (--share-dir), sla also counts (--stats, --stats-file); none reads
# records, so --where, --select, --skip-bad and the like are refused.
--- cmd
for c in create update assign show list history export recompute sla due elapsed; do
  printf '%s:' $c; cs-ticket $c --list-options | awk -F '\t' '$1 != "operands" { printf " %s", $1 }'; echo
done
cs-ticket list --db t.db --where '.x'; echo "list: exit $?"
cs-ticket export --db t.db --skip-bad; echo "export: exit $?"
cs-ticket history --db t.db --tz UTC T-1; echo "history: exit $?"
cs-ticket sla --db t.db --policy p.json --select '.x'; echo "sla: exit $?"
cs-ticket due --calendar c.json --from 2026-03-02T09:00Z --target 1h --stats; echo "due: exit $?"
cs-ticket create --db t.db --subject x --max-record 1K; echo "create: exit $?"
cs-ticket show --help | sed -n '/^Common options:/,/^$/p'
--- stdout
create: db subject priority group customer channel tag id at actor agents assign help version output quiet tz
update: db status priority group tag untag at actor agents assign help version output quiet tz
assign: db at actor agents assign help version output quiet tz
show: db policy now help version output quiet share-dir tz
list: db status group assignee policy now sla metric breached help version output quiet share-dir tz
history: db help version output quiet
export: db policy now help version output quiet share-dir tz
recompute: db help version output quiet
sla: db policy now help version output quiet stats stats-file share-dir tz
due: calendar from target help version output quiet tz
elapsed: calendar from to help version output quiet tz
list: exit 2
export: exit 2
history: exit 2
sla: exit 2
due: exit 2
create: exit 2
Common options:
  -h, --help               print this help and exit
  -V, --version            print the version and the linked library versions, and exit
  -o, --output file        write to file (atomically: temp file, then rename) instead of stdout
  -q, --quiet              no progress and no notices; errors and rejections are still reported
      --share-dir dir      directory of default rules and lexicons
      --tz zone            time zone for timestamps without an offset (default UTC)

--- stderr
cs-ticket list: this command takes no --where
Try 'cs-ticket list --help' for more information.
cs-ticket export: this command takes no --skip-bad
Try 'cs-ticket export --help' for more information.
cs-ticket history: this command takes no --tz
Try 'cs-ticket history --help' for more information.
cs-ticket sla: this command takes no --select
Try 'cs-ticket sla --help' for more information.
cs-ticket due: this command takes no --stats
Try 'cs-ticket due --help' for more information.
cs-ticket create: this command takes no --max-record
Try 'cs-ticket create --help' for more information.
--- exit
0
