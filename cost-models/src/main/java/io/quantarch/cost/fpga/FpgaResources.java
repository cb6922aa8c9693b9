package io.quantarch.cost.fpga;

import io.quantarch.cost.actions.FpgaDevice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** LUTs, flip-flops, DSP slices and 18 Kb block RAMs of one unit or a whole design. */
public record FpgaResources(long luts, long flipFlops, long dsps, long bram18) {

    public static final FpgaResources NONE = new FpgaResources(0, 0, 0, 0);

    public FpgaResources plus(FpgaResources o) {
        return new FpgaResources(luts + o.luts, flipFlops + o.flipFlops, dsps + o.dsps, bram18 + o.bram18);
    }

    /** Every resource within the device's budget. */
    public boolean fits(FpgaDevice d) {
        return overBudget(d).isEmpty();
    }

    /** One phrase per exceeded resource, e.g. {@code "LUTs 301,120 > 230,400"}; empty when the design fits. */
    public List<String> overBudget(FpgaDevice d) {
        List<String> out = new ArrayList<>();
        check(out, "LUTs", luts, d.luts());
        check(out, "FFs", flipFlops, d.flipFlops());
        check(out, "DSPs", dsps, d.dsps());
        check(out, "BRAM18", bram18, d.bram18());
        return out;
    }

    /** The largest fraction of any one budget this design uses. */
    public double utilization(FpgaDevice d) {
        return Math.max(Math.max((double) luts / d.luts(), (double) flipFlops / d.flipFlops()),
                Math.max((double) dsps / d.dsps(), (double) bram18 / d.bram18()));
    }

    private static void check(List<String> out, String what, long used, long budget) {
        if (used > budget) {
            out.add(String.format(Locale.ROOT, "%s %,d > %,d", what, used, budget));
        }
    }
}
