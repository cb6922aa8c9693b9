#!/usr/bin/env python3
"""Runs CACTI 7 (HewlettPackard/cacti, commit 1ffd8dfb, built with its default `make`) over a grid of SRAM
shapes with the configuration Accelergy's CACTI plug-in uses (itrs-lstp cells and periphery, UCA, "fast" access
mode, ED^2 objective; the template is accelergy-cacti-plug-in/default_cfg.cfg), and writes one CSV row per run.

quantarch does not run CACTI: this table is the calibration data its SRAM fit (SramFit) is fitted to and checked
against. Usage: generate.py CACTI_DIR TEMPLATE_CFG > cacti-sram-grid.csv
"""
import csv
import itertools
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

NODES_UM = [0.022, 0.032, 0.045, 0.065, 0.090]
CAPACITIES = sorted([2 ** k for k in range(8, 23)] + [3 * 2 ** (k - 1) for k in range(9, 23)])   # 256 B .. 4 MiB, half octaves
BLOCK_BYTES = [4, 8, 16, 32, 64]                     # word of 32 .. 512 bits
BANKS = [1, 4, 16]


def run(cacti_dir, template, node, size, block, banks):
    cfg = template.rstrip("\n") + "\n" + "\n".join([
        f"-size (bytes) {size}", "-read-write port  1", f"-block size (bytes) {block}", f"-technology (u) {node}",
        f"-output/input bus width  {block * 8}", f"-UCA bank {banks}", '-cache type "ram"', "-tag size (b) 0",
        "-associativity 1"]) + "\n"
    with tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False, dir=cacti_dir) as f:
        f.write(cfg)
        path = f.name
    try:
        subprocess.run(["./cacti", "-infile", path], cwd=cacti_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600)
        out = path + ".out"
        if not os.path.exists(out):
            return None
        rows = list(csv.DictReader(open(out)))
        os.remove(out)
        r = {k.strip(): v.strip() for k, v in rows[-1].items() if k is not None}
        return [int(round(node * 1000)), size, block * 8, banks, r["Dynamic read energy (nJ)"], r["Dynamic write energy (nJ)"],
                r["Standby leakage per bank(mW)"], r["Area (mm2)"], r["Random cycle time (ns)"]]
    finally:
        os.remove(path)


def main():
    cacti_dir, template = sys.argv[1], open(sys.argv[2]).read()
    jobs = [(n, s, b, k) for n, s, b, k in itertools.product(NODES_UM, CAPACITIES, BLOCK_BYTES, BANKS)
            if s // k >= 64 and s // k >= 2 * b]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["node_nm", "capacity_bytes", "word_bits", "banks", "read_nj", "write_nj", "leakage_mw_per_bank", "area_mm2",
                "cycle_ns"])
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as ex:
        for row in ex.map(lambda j: run(cacti_dir, template, *j), jobs):
            if row is not None:
                w.writerow(row)


if __name__ == "__main__":
    main()
