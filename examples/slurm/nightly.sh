#!/bin/sh
# nightly.sh WORK [N [EXPORT...]]: the nightly job of ../scale on a Slurm
# cluster. It splits the day's exports (default: the bundled ones) once,
# here (prepare.sh: WORK/parts/part-1..N),
# then submits the parts as one job array, a task a part (part.sbatch), and
# the merge as a job that starts when every task has succeeded
# (merge.sbatch, --dependency=afterok). It prints the two job ids:
#   parts JOBID
#   merge JOBID
# WORK must be on a file system every node sees, and so must these examples;
# the cs programs are CS_BIN's (made absolute here) or on every node's PATH.
# Runs from any directory: the jobs get absolute paths and start in WORK.
set -eu
work=${1:?usage: nightly.sh WORK [N [EXPORT...]]}
n=${2:-4}
shift $(($# < 2 ? $# : 2))
here=$(cd "$(dirname "$0")" && pwd -P)
scale=$(cd "$here/../scale" && pwd -P)
case ${CS_BIN:-} in
'' | /*) ;;
*) CS_BIN=$(cd "$CS_BIN" && pwd -P) && export CS_BIN ;;
esac
sh "$scale/prepare.sh" "$work" "$n" "$@"
work=$(cd "$work" && pwd -P)
# The batch scripts run from a copy in the node's spool directory: they find
# ../scale through CS_SCALE, and CS_BIN with it (--export=ALL, whatever the
# site's default).
CS_SCALE=$scale
export CS_SCALE
parts=$(sbatch --parsable --export=ALL --chdir="$work" --array=1-"$n" "$here/part.sbatch" "$work")
parts=${parts%%;*}   # "JOBID;CLUSTER" on a multi-cluster site
merge=$(sbatch --parsable --export=ALL --chdir="$work" --dependency=afterok:"$parts" --kill-on-invalid-dep=yes \
	"$here/merge.sbatch" "$work" "$n")
merge=${merge%%;*}
printf 'parts %s\nmerge %s\n' "$parts" "$merge"
