#!/usr/bin/env bash
# SpAtten-style sparse and quantized attention on the real stories260K: perplexity vs K/V DRAM reads.
# and PARO-style block-sparse quantized attention: perplexity vs prefill K/V DRAM reads.
# Usage: examples/sparse-attention/run.sh [--windows N]     (default 8 windows of 512 tokens, about 1 minute on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/sparse-attention"
rm -rf "$out"
"$root/quantarch" attention-study --out "$out/spatten" "$@"
"$root/quantarch" block-sparse-study --out "$out/block-sparse" "$@"
echo "Plots: $out/spatten/plots/perplexity_vs_dram.png, $out/block-sparse/plots/perplexity_vs_dram.png (and .svg)"
