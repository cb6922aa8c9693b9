#!/usr/bin/env bash
# INT vs FP at fine granularity: the same weights-and-activations format on the two real models (stories260K
# perplexity over 20 windows, MNIST CNN accuracy over 9,000 images) and, for the MX formats, ResNet-18 energy and area
# on a 32-lane MX dot-product PE. Writes results/int-vs-fp/study.csv. Usage: examples/int-vs-fp/run.sh (about 3 minutes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/int-vs-fp"
rm -rf "$out"
mkdir -p "$out/policies"
formats=(mxint8 mxfp8_e4m3 mxfp8_e5m2 int8_sym_g32 mxfp6_e2m3 mxfp6_e3m2 mxfp4 nvfp4 int4_sym_g32 int4_sym_g16)
echo "format,bits_per_element,stories260k_perplexity,stories260k_fp32,mnist_accuracy_pct,mnist_fp32_pct,resnet18_mxdot_energy_uj,resnet18_mxdot_pj_per_mac,mxdot_pe_array_pj_per_mac,mxdot_block_sum_bits,mxdot_accelerator_area_mm2" > "$out/study.csv"
for f in "${formats[@]}"; do
  p="$out/policies/$f.yaml"
  printf 'version: 1\nname: %s\ndefault: {weights: %s, inputs: %s}\n' "$f" "$f" "$f" > "$p"
  "$root/quantarch" quality --model stories260k --policy "$p" --out "$out/$f/stories260k" > /dev/null
  "$root/quantarch" quality --model mnist_cnn --policy "$p" --out "$out/$f/mnist_cnn" > /dev/null
  energy=""; pjmac=""; area=""; pepj=""; sumbits=""
  if line=$("$root/quantarch" simulate --arch "$root/examples/pe-kinds/arch-mx-dot.yaml" --policy "$p" --workload zoo:resnet18 \
       --out "$out/$f/resnet18-mxdot" 2> "$out/$f/mxdot.err" | head -1); then
    # "... 1.082e+04 uJ (5.97 pJ/MAC), 4.828 mm2 ..." (simulate's summary line)
    energy=$(echo "$line" | sed -E 's/.* ([0-9.e+]+) uJ \(.*/\1/')
    pjmac=$(echo "$line" | sed -E 's/.*\(([0-9.e+]+) pJ\/MAC\).*/\1/')
    area=$(echo "$line" | sed -E 's/.*, ([0-9.e+]+) mm2 .*/\1/')
    # the PE array's own energy per MAC (multipliers, alignment, block adders) and the block adder's width
    pepj=$(awk -F, 'NR > 1 && $2 == "pe_array" { e += $7; if ($3 == "mac") n += $5 } END { printf "%.4f", e / n }' "$out/$f/resnet18-mxdot/actions.csv")
    sumbits=$(awk -F, 'NR > 1 && $3 == "add" && $4 != "int:9" && $4 ~ /^int:/ { sub("int:", "", $4); print $4; exit }' "$out/$f/resnet18-mxdot/actions.csv")
  fi
  s=$(tail -1 "$out/$f/stories260k/quality.csv"); m=$(tail -1 "$out/$f/mnist_cnn/quality.csv")
  bpe=$("$root/quantarch" formats show "$f" | sed -n 's/^storage bits per element: //p')
  echo "$f,$bpe,$(echo "$s" | cut -d, -f4),$(echo "$s" | cut -d, -f5),$(echo "$m" | cut -d, -f4),$(echo "$m" | cut -d, -f5),$energy,$pjmac,$pepj,$sumbits,$area" >> "$out/study.csv"
  echo "$f done" >&2
done
column -s, -t < "$out/study.csv"
"$root/quantarch" plot "$out/study.csv" --x bits_per_element --y stories260k_perplexity --series format \
  --x-title "storage bits per element (scales included)" --y-title "stories260K perplexity" \
  --title "INT vs FP, weights and activations" --out "$out/perplexity_vs_bits"
