#!/usr/bin/env bash
# Mixed-precision search against its baselines: NSGA-II, random search at the same budget, and the exact Pareto DP,
# on ResNet-18 (98,304 designs) and on LLaMA-2-7B decode (6,561 designs); one report per workload with the three
# hypervolume curves under one normalisation. Usage: examples/search-baselines/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/search-baselines"
rm -rf "$out"
for space in resnet18-enumerable llama2-7b-decode; do
  s="$root/examples/explore/$space.yaml"
  for algo in nsga2 random dp; do
    "$root/quantarch" explore --space "$s" --out "$out/$space/$algo" --algorithm "$algo" 2>/dev/null | tail -1
  done
  "$root/quantarch" report "$out/$space/nsga2" --compare "$out/$space/random,$out/$space/dp"
done
