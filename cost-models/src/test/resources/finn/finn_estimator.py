#!/usr/bin/env python3
"""An independent re-implementation of FINN's MVAU resource estimates, to check quantarch's Java port against.

Formulas as FINN states them in Xilinx/finn src/finn/custom_op/fpgadataflow/matrixvectoractivation.py
(lut_estimation, dsp_estimation, bram_estimation; summarised in PROVENANCE.md). Writes finn_mvau_rows.csv:
python3 finn_estimator.py > finn_mvau_rows.csv
"""
import math

# mw, mh, pe, simd, w, a, a_signed, out_bits, dsp, distributed
CASES = [
    (25, 8, 8, 25, 8, 8, True, 8, False, False),
    (200, 16, 4, 20, 4, 4, True, 4, False, False),
    (256, 10, 10, 32, 2, 2, True, 0, False, False),
    (576, 64, 16, 32, 4, 4, False, 4, False, False),
    (1152, 128, 8, 8, 8, 8, True, 8, True, False),
    (200, 16, 2, 8, 3, 3, True, 3, False, True),
]


def acc_bits(mw, w, a, a_signed):
    # the accumulator bound of arXiv 2301.13376 as FINN applies it
    alpha = math.log2(mw) + w + a - 1 - (1 if a_signed else 0)
    return math.ceil(alpha + math.log2(1 + 2 ** -alpha) + 1)


def bram18(mw, mh, pe, simd, w):
    width = simd * w * pe
    depth = mw * mh // (simd * pe)
    if width == 1:
        return math.ceil(depth / 16384)
    if width == 2:
        return math.ceil(depth / 8192)
    if width <= 4:
        return math.ceil(depth / 4096) * math.ceil(width / 4)
    if width <= 9:
        return math.ceil(depth / 2048) * math.ceil(width / 9)
    if width <= 18 or depth > 512:
        return math.ceil(depth / 1024) * math.ceil(width / 18)
    return math.ceil(depth / 512) * math.ceil(width / 36)


def estimate(mw, mh, pe, simd, w, a, a_signed, out_bits, dsp, distributed):
    acc = acc_bits(mw, w, a, a_signed)
    mult = 0 if dsp else simd * (2 * math.ceil((w + a) / 6) - 1) * (w + a)
    addertree = (w + a) * (2 * simd - 1)
    tmem = mh // pe
    thr = (2 ** out_bits - 1) * acc * math.ceil(tmem / 64) if out_bits else 0
    comp = (2 ** out_bits - 1) * acc if out_bits else 0
    wmem = mw * mh // (pe * simd)
    c2 = pe * simd * w * math.ceil(wmem / 64) if distributed else 0
    luts = 300 + 1.1 * pe * (mult + addertree + acc + thr + comp) + c2
    dsps = pe * simd * math.ceil((w + a) / 48) if dsp else 0
    brams = 0 if distributed else bram18(mw, mh, pe, simd, w)
    return acc, int(luts), dsps, brams


if __name__ == "__main__":
    print("mw,mh,pe,simd,w,a,a_signed,out_bits,dsp,distributed,acc,luts,dsps,bram18")
    for c in CASES:
        acc, luts, dsps, brams = estimate(*c)
        print(",".join(str(v).lower() for v in c) + f",{acc},{luts},{dsps},{brams}")
