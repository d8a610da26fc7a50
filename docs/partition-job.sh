#!/usr/bin/env bash
# A partitioned search as a job array: N processes, each `tcpmc check ... --partition i/N --exchange DIR`, together
# cover the state space; every one prints the merged verdict (docs/distributed.md).
#
#   docs/partition-job.sh N DIR [tcpmc check options...]
#
# As one task of an array, it runs partition i only, i taken from the scheduler:
#   Slurm:       sbatch --array=0-3 --cpus-per-task=1 docs/partition-job.sh 4 /shared/run-1 --variant rfc9293 ...
#                (SLURM_ARRAY_TASK_ID)
#   Kubernetes:  an Indexed Job with completions = parallelism = 4 whose container runs this script
#                (JOB_COMPLETION_INDEX; DIR on a ReadWriteMany volume)
#   by hand:     PARTITION_INDEX=2 docs/partition-job.sh 4 DIR ...
# All N tasks must run at the same time (each level ends with a barrier), and DIR must be shared by them and empty.
#
# With none of those variables set, it starts all N partitions on this machine, waits for them, prints partition
# 0's output, and exits with partition 0's exit code (0 holds, 1 violated, 2 inconclusive, 3 bad input); the
# output of partition i is kept in DIR/tcpmc-partition-i.out.
#
# TCPMC names the tool (default: tcpmc), e.g. TCPMC="dotnet src/TcpModelCheck.Cli/bin/Release/net10.0/tcpmc.dll".
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 N DIR [tcpmc check options...]" >&2
  exit 3
fi
n=$1
dir=$2
shift 2
read -r -a tcpmc <<< "${TCPMC:-tcpmc}"
index=${SLURM_ARRAY_TASK_ID:-${JOB_COMPLETION_INDEX:-${PARTITION_INDEX:-}}}

if [ -n "$index" ]; then
  exec "${tcpmc[@]}" check "$@" --partition "$index/$n" --exchange "$dir"
fi

mkdir -p "$dir"
pids=()
for ((i = 0; i < n; i++)); do
  "${tcpmc[@]}" check "$@" --partition "$i/$n" --exchange "$dir" > "$dir/tcpmc-partition-$i.out" 2>&1 &
  pids+=($!)
done
codes=()
for pid in "${pids[@]}"; do
  if wait "$pid"; then codes+=(0); else codes+=($?); fi
done
cat "$dir/tcpmc-partition-0.out"
for ((i = 1; i < n; i++)); do
  if [ "${codes[$i]}" != "${codes[0]}" ]; then
    echo "partition $i/$n exited with ${codes[$i]}, partition 0 with ${codes[0]}: see $dir/tcpmc-partition-$i.out" >&2
  fi
done
exit "${codes[0]}"
