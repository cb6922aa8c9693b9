package io.quantarch.simulator.fpga;

import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.actions.MvauUnit;

import java.util.Map;
import java.util.Objects;

/**
 * A FINN-style streaming dataflow accelerator on an FPGA: one matrix-vector unit per convolution or fully connected
 * layer, each with its own folding, all running concurrently and connected by FIFOs.
 *
 * @param folding      PE/SIMD per layer name; layers not listed are folded automatically
 * @param targetCycles for layers without an explicit folding: unroll (SIMD first, then PE, through divisors, as FINN's
 *                     SetFolding does) until the layer needs at most this many cycles per frame; 0 leaves them at PE = SIMD = 1
 */
public record FpgaDataflowSpec(String name, FpgaDevice device, double clockMhz, MvauUnit.Multipliers multipliers,
                               MvauUnit.WeightMemory weightMemory, Map<String, Folding> folding, long targetCycles) {

    public FpgaDataflowSpec {
        Objects.requireNonNull(device);
        Objects.requireNonNull(multipliers);
        Objects.requireNonNull(weightMemory);
        folding = Map.copyOf(folding);
        if (!(clockMhz > 0) || targetCycles < 0) {
            throw new IllegalArgumentException("clock must be positive MHz and target cycles non-negative");
        }
    }

    public FpgaDataflowSpec withFolding(Map<String, Folding> f) {
        return new FpgaDataflowSpec(name, device, clockMhz, multipliers, weightMemory, f, targetCycles);
    }

    public FpgaDataflowSpec withTargetCycles(long t) {
        return new FpgaDataflowSpec(name, device, clockMhz, multipliers, weightMemory, folding, t);
    }

    /** The folding of one layer: explicit, else the smallest unrolling that meets {@link #targetCycles}. */
    public Folding foldingFor(String layer, int mw, int mh, long vectors) {
        Folding f = folding.get(layer);
        if (f != null) {
            return f;
        }
        if (targetCycles == 0) {
            return Folding.NONE;
        }
        int simd = 1;
        int pe = 1;
        while ((long) (mh / pe) * (mw / simd) * vectors > targetCycles) {
            if (simd < mw) {
                simd = nextDivisor(mw, simd);
            } else if (pe < mh) {
                pe = nextDivisor(mh, pe);
            } else {
                break;
            }
        }
        return new Folding(pe, simd);
    }

    static int nextDivisor(int n, int after) {
        for (int d = after + 1; d <= n; d++) {
            if (n % d == 0) {
                return d;
            }
        }
        return n;
    }
}
