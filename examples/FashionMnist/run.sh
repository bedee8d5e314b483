#!/usr/bin/env bash
# The README's first command: installs Fashion-MNIST where it is missing (Debian's dataset-fashion-mnist), then trains.
# Options go to the program: bash examples/FashionMnist/run.sh --epochs 2 --optim adam
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/install-example-data.sh
exec dotnet run -c Release --project examples/FashionMnist -- "$@"
