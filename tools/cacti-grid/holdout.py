#!/usr/bin/env python3
"""Runs CACTI on random SRAM shapes that are not grid points (capacities, words and nodes between the grid's), to check
how well the interpolated surface predicts CACTI itself. Usage: holdout.py CACTI_DIR TEMPLATE_CFG SEED N > holdout.csv"""
import csv
import random
import sys

from generate import run


def main():
    cacti_dir, template, seed, n = sys.argv[1], open(sys.argv[2]).read(), int(sys.argv[3]), int(sys.argv[4])
    rnd = random.Random(seed)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["node_nm", "capacity_bytes", "word_bits", "banks", "read_nj", "write_nj", "leakage_mw_per_bank", "area_mm2", "cycle_ns"])
    done = 0
    while done < n:
        node = rnd.choice([0.022, 0.028, 0.032, 0.040, 0.045, 0.055, 0.065, 0.080, 0.090])
        word_bytes = rnd.choice([4, 6, 8, 12, 16, 24, 32, 48, 64])
        size = int(2 ** rnd.uniform(10, 21.5)) // word_bytes * word_bytes
        row = run(cacti_dir, template, node, size, word_bytes, 1)
        if row is not None:
            w.writerow(row)
            done += 1


if __name__ == "__main__":
    main()
