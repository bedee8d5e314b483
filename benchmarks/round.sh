#!/usr/bin/env bash
# One measuring round for docs/benchmarks.md: the library's benchmark groups and the anchors (Torch7, PyTorch) one after
# another in the same window, every side on one thread (OPENBLAS_NUM_THREADS=1: Torch7's torch.setnumthreads and
# PyTorch's set_num_threads leave OpenBLAS's own count alone). Prints /proc/loadavg before each program.
# usage: bash benchmarks/round.sh /path/to/torch7-prefix /path/to/char-rnn-checkout [groups...]   (default groups: all)
set -uo pipefail
cd "$(dirname "$0")/.."
prefix=$1 charrnn=$2; shift 2
groups=${*:-tensor nn charrnn dcgan resnet threads}
export OPENBLAS_NUM_THREADS=1
dotnet build -c Release benchmarks/Torch.Benchmarks >/dev/null || exit 1
bench=benchmarks/Torch.Benchmarks/bin/Release/net10.0/Torch.Benchmarks.dll
say() { echo "== $(date -u +%H:%M:%S)Z load $(cut -d' ' -f1-3 /proc/loadavg): $*"; }
say "library: $groups"; dotnet "$bench" $groups
. "$prefix/env.sh"
for t in float double; do
  say "Torch7 dcgan $t"; luajit benchmarks/anchors/dcgan.lua $t 15
  say "Torch7 resnet $t"; luajit benchmarks/anchors/resnet.lua $t 15
  say "PyTorch dcgan+resnet $t"; /usr/bin/python3 benchmarks/anchors/convnets.py $t 15
done
say "Torch7 Hogwild"; luajit benchmarks/anchors/hogwild.lua
say "Torch7 char-rnn"; luajit benchmarks/anchors/charrnn_step.lua "$charrnn" 7
say "library char-rnn and dcgan again"; dotnet "$bench" charrnn dcgan
say "Torch7 char-rnn again"; luajit benchmarks/anchors/charrnn_step.lua "$charrnn" 7
