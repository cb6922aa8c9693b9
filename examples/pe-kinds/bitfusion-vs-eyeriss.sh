#!/usr/bin/env bash
# Bit Fusion vs Eyeriss at equal area (Bit Fusion, ISCA 2018: 3.9x speed-up and 5.1x less energy than Eyeriss on
# average). Eyeriss: the row-stationary Eyeriss-like hierarchy of examples/hierarchy (Timeloop's exercise, 8-bit
# datapaths, 168 PEs), every layer mapped by quantarch's mapper; Bit Fusion: 17x17 fusion units and three 36 kB SRAMs,
# the same 1.04 mm2 without the vector unit the hierarchy does not model. Matrix layers only on both sides (cycles:
# compute + stall; energy without the vector unit). Writes results/bitfusion-vs-eyeriss/study.csv.
# Usage: examples/pe-kinds/bitfusion-vs-eyeriss.sh   (about 30 s)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/results/bitfusion-vs-eyeriss"
rm -rf "$out"
mkdir -p "$out"
echo "workload,eyeriss_cycles,eyeriss_energy_uj,eyeriss_area_mm2,policy,bitfusion_cycles,bitfusion_energy_uj,bitfusion_area_mm2,speedup,energy_reduction" > "$out/study.csv"
for wl in zoo:resnet18 "$root/workloads/src/test/resources/onnx/models/alexnet/model.onnx"; do
  name=$(basename "$wl" | tr ':.' '__')
  "$root/quantarch" simulate --arch "$root/examples/hierarchy/eyeriss_like.yaml" --workload "$wl" --mapping auto --out "$out/$name-eyeriss" > /dev/null
  for pol in w8a8 w4a4 w2a2; do
    "$root/quantarch" simulate --arch "$here/arch-bit-fusion-iso-eyeriss.yaml" --policy "$here/$pol.yaml" --workload "$wl" \
      --out "$out/$name-bitfusion-$pol" > /dev/null
    python3 - "$out/$name-eyeriss/summary.csv" "$out/$name-bitfusion-$pol/summary.csv" "$name" "$pol" >> "$out/study.csv" <<'PY'
import csv, sys
e = next(csv.DictReader(open(sys.argv[1])))
b = next(csv.DictReader(open(sys.argv[2])))
ec, ee, ea = float(e["cycles"]), float(e["energy_pj"]) / 1e6, float(e["area_um2"]) / 1e6
bc = float(b["compute_cycles"]) + float(b["stall_cycles"])
be = (float(b["energy_pj"]) - float(b["energy_vector_unit_pj"]) - float(b["energy_leakage_vector_unit_pj"])) / 1e6
ba = float(b["area_mm2"]) - float(b["area_vector_unit_mm2"])
print(f"{sys.argv[3]},{ec:.0f},{ee:.1f},{ea:.3f},{sys.argv[4]},{bc:.0f},{be:.1f},{ba:.3f},{ec / bc:.2f},{ee / be:.2f}")
PY
  done
done
column -s, -t < "$out/study.csv"
