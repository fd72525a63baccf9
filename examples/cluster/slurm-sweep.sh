#!/bin/bash
# One Slurm array task per shard of the weighting lab's Pareto sweep; a dependent job merges the parts.
#   cd objective-lab && npm ci
#   jobid=$(sbatch --parsable examples/cluster/slurm-sweep.sh)
#   sbatch --dependency=afterok:"$jobid" --wrap "npm run lab -- merge parts/part-*.json --out pareto.json --csv pareto.csv"
# Submit from the repository's folder on a file system every node sees (the job starts there).
# Tasks 0-3 are shards 0/4 … 3/4: change --array and the 4 below together.
#SBATCH --job-name=lab-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=sweep-%A_%a.log
set -euo pipefail
mkdir -p parts
npm run lab -- sweep weighting --plan pareto --seed 43 --shard "$SLURM_ARRAY_TASK_ID/4" --out "parts/part-$SLURM_ARRAY_TASK_ID.json"
