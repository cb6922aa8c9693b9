#!/usr/bin/env bash
# SpAtten-style sparse and quantized attention on the real stories260K: perplexity vs K/V DRAM reads.
# Usage: examples/sparse-attention/run.sh [--windows N]     (default 8 windows of 512 tokens, about 25 s on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/sparse-attention"
rm -rf "$out"
"$root/quantarch" attention-study --out "$out" "$@"
echo "Plot: $out/plots/perplexity_vs_dram.png (and .svg)"
