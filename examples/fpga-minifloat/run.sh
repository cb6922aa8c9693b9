#!/usr/bin/env bash
# Minifloat vs integer on an FPGA dataflow: the real MNIST CNN, every same-family (weights, activations) pair of
# INT3..INT8 and 3..8-bit minifloats, accuracy from the bit-exact datapaths, LUTs from the FINN-style resource model.
# Usage: examples/fpga-minifloat/run.sh [--images N] [--arch ARCH.yaml]     (default: 2000 test images, ZCU104)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/fpga-minifloat"
rm -rf "$out"
"$root/quantarch" fpga-study --out "$out" "$@"
echo "Plot: $out/plots/accuracy_vs_luts.png (and .svg)"
