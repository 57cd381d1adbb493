#!/bin/sh
# The nightly job as Slurm jobs gives what one run gives: examples/slurm/
# nightly.sh over the bundled exports in 4 parts (a job array of 4 tasks and
# a merge job after them), run on a one-node Slurm cluster this check starts
# and stops itself, merges into one run's results, file by file and byte for
# byte.
# The cluster is the check's own: munged with a fresh key and its own socket,
# slurmctld and slurmd on free ports, everything (slurm.conf, state, spool,
# logs, pid files) in a temporary directory; every Slurm command is pointed
# at it with SLURM_CONF. /etc/slurm, /etc/munge and any system Slurm are
# left alone, and the daemons are stopped whatever happens.
# Usage: slurm.sh [BINDIR]. Skips (77) when not root, without Slurm or munge
# (apt-get install slurm-wlm munge), or when the daemons do not start.
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd)
bindir=${1:-bin}
case $bindir in /*) ;; *) bindir=$root/$bindir ;; esac
[ -x "$bindir/cs-ingest" ] || { echo "no $bindir/cs-ingest (run make): skipped"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "not root: the check runs slurmd, which starts jobs as their user: skipped"; exit 77; }
for tool in munged slurmctld slurmd sbatch scontrol squeue scancel; do
	command -v $tool >/dev/null 2>&1 ||
		{ echo "$tool not installed (apt-get install slurm-wlm munge): skipped"; exit 77; }
done
limit=${CS_SLURM_TIMEOUT:-300}   # seconds the jobs may take, all together

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cs-slurm.XXXXXX") || exit 1
tmp=$(cd "$tmp" && pwd -P) || exit 1
# Nothing from a Slurm job this check may itself run in.
for v in $(env | sed -n 's/^\(SBATCH_[A-Za-z0-9_]*\)=.*/\1/p; s/^\(SLURM_[A-Za-z0-9_]*\)=.*/\1/p'); do
	unset "$v"
done
SLURM_CONF=$tmp/slurm.conf
export SLURM_CONF
trap 'stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The pid a daemon wrote into FILE, if it is still running.
alive() {
	[ -s "$1" ] || return 1
	read -r _pid <"$1" && [ -n "$_pid" ] && kill -0 "$_pid" 2>/dev/null && printf '%s\n' "$_pid"
}

# Stop what this check started: the jobs, slurmctld and slurmd (asked, then
# told), then munged.
stop() {
	if alive "$tmp/run/slurmctld.pid" >/dev/null; then
		scancel --user=root 2>/dev/null
		i=0
		while [ -n "$(squeue -h -o %i 2>/dev/null)" ] && [ $i -lt 30 ]; do sleep 0.5; i=$((i + 1)); done
		scontrol shutdown >/dev/null 2>&1
	fi
	for f in slurmctld slurmd munged; do
		i=0
		while pid=$(alive "$tmp/run/$f.pid"); do
			case $i in
			0) [ $f = munged ] && kill "$pid" ;;
			10) kill "$pid" ;;
			20) kill -9 "$pid"; break ;;
			esac
			sleep 0.5
			i=$((i + 1))
		done
	done
}

# Why a daemon did not start: its log's last lines.
tail_log() {
	echo "--- $1 (last lines)"
	tail -n 15 "$1" 2>/dev/null | sed 's/^/    /'
}

# The first TCP port from $1 on that nothing here uses (listens or talks on).
free_port() {
	p=$1
	while [ "$p" -lt 60000 ]; do
		cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{print $2}' | grep -qi "$(printf ':%04X$' "$p")" ||
			{ printf '%s\n' "$p"; return; }
		p=$((p + 1))
	done
	return 1
}

# --- the cluster ---------------------------------------------------------------------

# munged wants its socket's directory searchable by all and the key's private.
chmod 755 "$tmp"
mkdir -m 755 "$tmp/run" && mkdir -m 700 "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" || exit 1
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 2>/dev/null && chmod 600 "$tmp/munge/munge.key" || exit 1
if ! munged --key-file="$tmp/munge/munge.key" --socket="$tmp/run/munge.socket" --pid-file="$tmp/run/munged.pid" \
	--log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/munged.seed" 2>"$tmp/log/munged.err"; then
	cat "$tmp/log/munged.err"
	tail_log "$tmp/log/munged.log"
	echo "munged did not start: skipped"
	exit 77
fi

# The node as slurmd sees it (its name and CPUs), at 127.0.0.1: nothing to resolve.
node=$(slurmd -C 2>/dev/null | sed -n '1{s/ RealMemory=[0-9]*//;p;}')
host=$(printf '%s\n' "$node" | sed -n 's/^NodeName=\([^ ]*\).*/\1/p')
[ -n "$host" ] || { echo "slurmd -C named no node: skipped"; exit 77; }
start=$((20000 + $$ % 20000))
ctld_port=$(free_port $start) && slurmd_port=$(free_port $((ctld_port + 1))) ||
	{ echo "no free TCP port for slurmctld and slurmd: skipped"; exit 77; }
cat >"$SLURM_CONF" <<EOF
ClusterName=cs-check
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/run/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
MailProg=/bin/true
KillWait=5
EOF

# daemon NAME: start slurmctld or slurmd, or skip saying why.
daemon() {
	if ! "$1" -f "$SLURM_CONF" >"$tmp/log/$1.err" 2>&1; then
		cat "$tmp/log/$1.err"
		tail_log "$tmp/log/$1.log"
		echo "$1 did not start: skipped"
		exit 77
	fi
}
daemon slurmctld
# It forks before it reads its plugins: wait for it to answer.
i=0
until scontrol ping 2>/dev/null | grep -q 'is UP'; do
	i=$((i + 1))
	if [ $i -gt 60 ] || { [ -s "$tmp/run/slurmctld.pid" ] && ! alive "$tmp/run/slurmctld.pid" >/dev/null; }; then
		tail_log "$tmp/log/slurmctld.log"
		echo "slurmctld did not start: skipped"
		exit 77
	fi
	sleep 0.5
done
daemon slurmd

# Wait for the node to take jobs.
i=0
until scontrol show node "$host" 2>/dev/null | grep -Eq 'State=IDLE( |$)'; do
	i=$((i + 1))
	if [ $i -gt 120 ]; then
		scontrol show node "$host" 2>&1 | sed 's/^/    /'
		tail_log "$tmp/log/slurmctld.log"
		tail_log "$tmp/log/slurmd.log"
		echo "the node did not come up idle in 60 s: skipped"
		exit 77
	fi
	sleep 0.5
done

# --- the job -------------------------------------------------------------------------

fail=0
files="final.ndjson alerts.ndjson journeys.ndjson kpi.ndjson staffing.ndjson mined.ndjson trust.ndjson stats.ndjson report.html"
began=$(date +%s)
# From another directory, as a relative name: nightly.sh resolves its paths.
if ! ids=$(cd "$tmp" && CS_BIN=$bindir sh "$root/examples/slurm/nightly.sh" work 4 2>"$tmp/nightly.err"); then
	echo "FAIL: nightly.sh failed:"
	cat "$tmp/nightly.err"
	exit 1
fi
parts=$(printf '%s\n' "$ids" | sed -n 's/^parts \([0-9][0-9]*\)$/\1/p')
merge=$(printf '%s\n' "$ids" | sed -n 's/^merge \([0-9][0-9]*\)$/\1/p')
[ -n "$parts" ] && [ -n "$merge" ] || { echo "FAIL: nightly.sh printed no job ids:"; echo "$ids"; exit 1; }

# The states of job ID's tasks (one line each; "COMPLETED 0:0" when it went well).
states() {
	scontrol -o show job "$1" 2>/dev/null |
		sed -n 's/.* JobState=\([A-Z_]*\) .* ExitCode=\([0-9:]*\) .*/\1 \2/p'
}

# Wait for the merge job to end.
while :; do
	state=$(states "$merge")
	case $state in
	COMPLETED*|FAILED*|CANCELLED*|TIMEOUT*|NODE_FAIL*|OUT_OF_MEMORY*|BOOT_FAIL*|DEADLINE*|PREEMPTED*) break ;;
	esac
	[ $(($(date +%s) - began)) -gt "$limit" ] && { state="still ${state:-unknown} after $limit s"; break; }
	sleep 1
done
took=$(($(date +%s) - began))

if [ "$state" != "COMPLETED 0:0" ]; then
	echo "FAIL: the merge job $merge: ${state:-gone}; the parts (job array $parts):"
	states "$parts" | sed 's/^/    /'
	for f in "$tmp"/work/cs-*.out; do
		[ -f "$f" ] && tail_log "$f"
	done
	tail_log "$tmp/log/slurmctld.log"
	tail_log "$tmp/log/slurmd.log"
	exit 1
fi
bad=$(states "$parts" | grep -vc '^COMPLETED 0:0$')
[ "$(states "$parts" | wc -l)" = 4 ] && [ "$bad" = 0 ] ||
	{ echo "FAIL: the job array $parts did not run 4 tasks that succeeded:"; states "$parts"; fail=1; }
for k in 1 2 3 4; do
	[ -s "$tmp/work/out/$k/final.ndjson" ] || { echo "FAIL: part $k left no records"; fail=1; }
done

# --- the same as one run -------------------------------------------------------------

one=$tmp/one
export CS_BIN="$bindir"
{ sh examples/scale/prepare.sh "$one" 1 && sh examples/scale/part.sh "$one" "$one/parts/part-1.ndjson" "$one/out/1" &&
	sh examples/scale/merge.sh "$one/result" "$one/out/1"; } 2>"$tmp/one.err" ||
	{ echo "FAIL: one run failed:"; cat "$tmp/one.err"; exit 1; }
for f in $files; do
	[ -f "$tmp/work/result/$f" ] || { echo "FAIL: the Slurm jobs made no $f"; fail=1; }
done
[ "$(wc -l <"$one/result/final.ndjson")" -gt 0 ] || { echo "FAIL: no records at all"; fail=1; }
# Every file, byte for byte.
if ! diff -r "$one/result" "$tmp/work/result" >"$tmp/result.diff"; then
	echo "FAIL: the results of the Slurm jobs (>) differ from one run's (<):"
	head -n 20 "$tmp/result.diff" | cut -c1-300
	fail=1
fi
[ $fail = 0 ] && echo "4 parts as a Slurm job array and a merge job: one run's results (submitted and done in $took s)"
exit $fail
