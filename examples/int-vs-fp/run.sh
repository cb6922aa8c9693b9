#!/usr/bin/env bash
# INT vs FP at fine granularity: the same weights-and-activations format on the two real models (stories260K
# perplexity over 20 windows, MNIST CNN accuracy over 9,000 images) and ResNet-18 energy and area on a 32-lane block
# dot-product PE whose datapath is built for the format's family (E8M0 scales for MX, E4M3 for NVFP4/NVINT4, float32 for
# integer groups; multipliers and block adders sized for its elements). "F+hadamard" rows add a Hadamard rotation of
# every linear layer's input (folded into the weights). Writes results/int-vs-fp/study.csv.
# Usage: examples/int-vs-fp/run.sh (about 6 minutes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/int-vs-fp"
rm -rf "$out"
mkdir -p "$out/policies"
# splits one CSV line into c[1..n], honouring double-quoted fields (mawk has no FPAT)
csv_split='function csv_split(line, c,   n, i, ch, q, f) { n = 0; f = ""; q = 0
  for (i = 1; i <= length(line); i++) { ch = substr(line, i, 1)
    if (ch == "\"") { if (q && substr(line, i + 1, 1) == "\"") { f = f ch; i++ } else q = !q }
    else if (ch == "," && !q) { c[++n] = f; f = "" } else f = f ch }
  c[++n] = f; return n }'
formats=(mxint8 mxfp8_e4m3 mxfp8_e5m2 int8_sym_g32 mxfp6_e2m3 mxfp6_e3m2 mxint4 mxfp4 nvint4 nvfp4 int4_sym_g32 int4_sym_g16
         mxint4+hadamard mxfp4+hadamard nvint4+hadamard nvfp4+hadamard)
echo "format,bits_per_element,stories260k_perplexity,stories260k_fp32,mnist_accuracy_pct,mnist_fp32_pct,resnet18_mxdot_energy_uj,resnet18_mxdot_pj_per_mac,mxdot_pe_array_pj_per_mac,mxdot_block_sum_bits,mxdot_accelerator_area_mm2,mxdot_pe_array_area_mm2" > "$out/study.csv"
for row in "${formats[@]}"; do
  f="${row%+hadamard}"
  p="$out/policies/$row.yaml"
  if [ "$row" != "$f" ]; then
    printf 'version: 1\nname: %s\ndefault: {weights: %s, inputs: %s, ptq: {rotation: hadamard}}\n' "$row" "$f" "$f" > "$p"
  else
    printf 'version: 1\nname: %s\ndefault: {weights: %s, inputs: %s}\n' "$f" "$f" "$f" > "$p"
  fi
  "$root/quantarch" quality --model stories260k --policy "$p" --out "$out/$row/stories260k" > /dev/null
  "$root/quantarch" quality --model mnist_cnn --policy "$p" --out "$out/$row/mnist_cnn" > /dev/null
  energy=""; pjmac=""; area=""; pepj=""; sumbits=""; pearea=""
  # the same 32-lane block dot-product accelerator, its datapath built for the format's family and block scales
  case "$f" in
    mx*) scales=e8m0 ;;
    nv*) scales=e4m3 ;;
    *) scales=fp32 ;;
  esac
  arch="$out/policies/arch-$f.yaml"
  sed -e "s/^pe: .*/pe: {type: mx-dot, lanes: 32, scales: $scales, datapath: $f}/" "$root/examples/pe-kinds/arch-mx-dot.yaml" > "$arch"
  mkdir -p "$out/$row"
  if line=$("$root/quantarch" simulate --arch "$arch" --policy "$out/policies/$f.yaml" --workload zoo:resnet18 \
       --out "$out/$row/resnet18-mxdot" 2> "$out/$row/mxdot.err" | head -1); then
    # "... 1.082e+04 uJ (5.97 pJ/MAC), 4.828 mm2 ..." (simulate's summary line)
    energy=$(echo "$line" | sed -E 's/.* ([0-9.e+]+) uJ \(.*/\1/')
    pjmac=$(echo "$line" | sed -E 's/.*\(([0-9.e+]+) pJ\/MAC\).*/\1/')
    area=$(echo "$line" | sed -E 's/.*, ([0-9.e+]+) mm2 .*/\1/')
    # the PE array's own energy per MAC (multipliers, alignment, block adders, scale path) and the block adder's width
    # (the widest integer add: exponent adds are narrower); variants such as "fp:8,23" are quoted CSV fields
    read -r pepj sumbits < <(awk "$csv_split"'
      NR > 1 { n = csv_split($0, c); if (c[2] == "pe_array") { e += c[7]; if (c[3] == "mac") macs += c[5] }
               if (c[3] == "add" && c[4] ~ /^int:/) { w = substr(c[4], 5) + 0; if (w > m) m = w } }
      END { printf "%.4f %d\n", e / macs, m }' "$out/$row/resnet18-mxdot/actions.csv")
    pearea=$(awk "$csv_split"'
      NR == 1 { n = csv_split($0, h); for (i = 1; i <= n; i++) if (h[i] == "area_pe_array_mm2") k = i }
      NR == 2 { csv_split($0, c); printf "%.4f", c[k] }' "$out/$row/resnet18-mxdot/summary.csv")
  fi
  s=$(tail -1 "$out/$row/stories260k/quality.csv"); m=$(tail -1 "$out/$row/mnist_cnn/quality.csv")
  bpe=$("$root/quantarch" formats show "$f" | sed -n 's/^storage bits per element: //p')
  echo "$row,$bpe,$(echo "$s" | cut -d, -f4),$(echo "$s" | cut -d, -f5),$(echo "$m" | cut -d, -f4),$(echo "$m" | cut -d, -f5),$energy,$pjmac,$pepj,$sumbits,$area,$pearea" >> "$out/study.csv"
  echo "$row done" >&2
done
column -s, -t < "$out/study.csv"
"$root/quantarch" plot "$out/study.csv" --x bits_per_element --y stories260k_perplexity --series format \
  --x-title "storage bits per element (scales included)" --y-title "stories260K perplexity" \
  --title "INT vs FP, weights and activations" --out "$out/perplexity_vs_bits"
"$root/quantarch" plot "$out/study.csv" --x mxdot_pe_array_pj_per_mac --y stories260k_perplexity --series format \
  --x-title "PE-array energy on the block dot-product array (pJ/MAC)" --y-title "stories260K perplexity" \
  --title "INT vs FP: quality against datapath energy" --out "$out/perplexity_vs_pe_energy"
