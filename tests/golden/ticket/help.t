# --help, --version and the hidden --list-options come from kit_opt, for the
# program and each command.
--- cmd
cs-ticket --help | head -2
cs-ticket --version | head -1 | sed 's/[0-9][0-9.]*$/X/'
cs-ticket --version | sed -n 's/^libraries: //p' | tr ',' '\n' | awk '{print $1}' | tr '\n' ' '; echo
cs-ticket --list-options | cut -f1 | tr '\n' ' '; echo
for c in create update assign show list history export recompute; do cs-ticket $c --help | head -1; done
cs-ticket update --list-options | cut -f1,5 | grep status
--- stdout
Usage: cs-ticket [-Vhq] [-o file] [--agents file] [--assign mode] [--db file] [--invalid-utf8 mode] [--max-depth n] [--max-record size] [--now time] [--policy file] [--select expr] [--shard K/N] [--share-dir dir] [--skip-bad] [--split n] [--stats[=json]] [--stats-file file] [--tz zone] [--where expr] [--where-timeout seconds] [file ...]
Keep tickets for conversations in a store (--db). A conversation record
cs-ticket (cs) X
libjq zstd zlib PCRE2 SQLite 
db agents assign policy now help version output quiet skip-bad where select where-timeout shard split stats stats-file share-dir max-record max-depth tz invalid-utf8 subcommand subcommand subcommand subcommand subcommand subcommand subcommand subcommand subcommand subcommand subcommand operands 
Usage: cs-ticket create [-Vhq] [-o file] [--actor name] [--agents file] [--assign mode] [--at time] [--channel name] [--customer id] [--db file] [--group name] [--id id] [--priority name] [--subject text] [--tag tag] [--tz zone]
Usage: cs-ticket update [-Vhq] [-o file] [--actor name] [--agents file] [--assign mode] [--at time] [--db file] [--group name] [--priority name] [--status status] [--tag tag] [--tz zone] [--untag tag] [ticket]
Usage: cs-ticket assign [-Vhq] [-o file] [--actor name] [--agents file] [--assign mode] [--at time] [--db file] [--tz zone] [ticket [agent]]
Usage: cs-ticket show [-Vhq] [-o file] [--db file] [--now time] [--policy file] [--share-dir dir] [--tz zone] [ticket]
Usage: cs-ticket list [-Vhq] [-o file] [--assignee agent] [--breached] [--db file] [--group name] [--metric name] [--now time] [--policy file] [--share-dir dir] [--sla state] [--status status] [--tz zone]
Usage: cs-ticket history [-Vhq] [-o file] [--db file] [ticket]
Usage: cs-ticket export [-Vhq] [-o file] [--db file] [--now time] [--policy file] [--share-dir dir] [--tz zone]
Usage: cs-ticket recompute [-Vhq] [-o file] [--db file]
status	new|open|pending|on_hold|solved|closed
--- stderr
--- exit
0
