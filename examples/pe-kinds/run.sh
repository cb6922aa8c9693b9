#!/usr/bin/env bash
# PE-kind study: the same 32x32 weight-stationary array, the same 256 kB SRAMs and 32 B/cycle DRAM,
# the same cost model (horowitz45), each PE kind with the formats it runs. Writes results/pe-kinds/study.csv.
# Usage: examples/pe-kinds/run.sh [WORKLOAD [LAYER_GLOBS]]   (default: zoo:resnet18, all layers)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
workload="${1:-zoo:resnet18}"
layers="${2:-}"
out="$root/results/pe-kinds/$(echo "$workload" | tr ':,=/' '____')"
rm -rf "$out"
mkdir -p "$out"
runs=(
  "int-mac w8a8"
  "bit-serial w8a8"
  "bit-serial w8a4"
  "int-mac-16bit w8a8"
  "stripes-iso-area w8a8"
  "stripes-iso-area w8a4"
  "bit-fusion w8a8"
  "bit-fusion w4a4"
  "bit-fusion w2a2"
  "bit-plane w8a8"
  "bit-plane w4a4"
  "bit-plane w2a8"
  "mixpe w4g128a8"
  "mixpe-multiplier w4g128a8"
  "dequant-per-mac w4g128a8"
  "mixpe-iso-area w4g128a8"
  "minifloat-mac fp8"
  "minifloat-mac-fixed fp8"
  "mx-dot mxfp8"
  "mx-dot mxfp4"
  "mx-dot mxint8"
  "int4-fp8 w4fp8"
  "ternary ternary"
  "complex complex"
)
echo "pe,policy,total_cycles,latency_ms,energy_uj,energy_per_mac_pj,pe_array_uj,sram_uj,dram_uj,dequant_uj,area_mm2,pe_array_mm2,tops_per_w" > "$out/study.csv"
for r in "${runs[@]}"; do
  set -- $r
  args=(simulate --arch "$here/arch-$1.yaml" --policy "$here/$2.yaml" --workload "$workload" --out "$out/$1-$2")
  [ -n "$layers" ] && args+=(--layers "$layers")
  "$root/quantarch" "${args[@]}" > /dev/null
  python3 - "$out/$1-$2/summary.csv" "$1" "$2" >> "$out/study.csv" <<'PY'
import csv, sys
r = next(csv.DictReader(open(sys.argv[1])))
f = lambda k: float(r[k] or 0)
sram = f("energy_ifmap_sram_pj") + f("energy_filter_sram_pj") + f("energy_ofmap_sram_pj")
print(",".join([sys.argv[2], sys.argv[3], r["total_cycles"], "%.4f" % (f("latency_s") * 1e3), "%.2f" % (f("energy_pj") / 1e6),
                "%.3f" % f("energy_per_mac_pj"), "%.2f" % (f("energy_pe_array_pj") / 1e6), "%.2f" % (sram / 1e6),
                "%.2f" % (f("energy_dram_pj") / 1e6), "%.2f" % (f("energy_dequant_unit_pj") / 1e6), "%.3f" % f("area_mm2"),
                "%.3f" % f("area_pe_array_mm2"), "%.3f" % f("tops_per_w")]))
PY
done
column -s, -t "$out/study.csv"
"$root/quantarch" plot "$out/study.csv" --x area_mm2 --y energy_per_mac_pj --series pe --x-title "accelerator area (mm2)" \
  --y-title "energy per MAC (pJ)" --title "PE kinds on $workload" --out "$out/energy_vs_area"
echo "Results: $out/study.csv"
