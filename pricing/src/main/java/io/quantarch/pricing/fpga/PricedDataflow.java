package io.quantarch.pricing.fpga;

import io.quantarch.cost.fpga.FinnResourceModel;
import io.quantarch.cost.fpga.FpgaResources;
import io.quantarch.cost.fpga.MvauEstimate;
import io.quantarch.simulator.fpga.DataflowResult;
import io.quantarch.simulator.fpga.MvauLayerResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming dataflow priced by the FPGA resource model: each unit's LUT/FF/DSP/BRAM estimate (FINN's rules), their
 * sum, and whether it fits the device ({@code overBudget} names each resource that does not).
 *
 * @param estimates one per unit, in the dataflow's layer order
 */
public record PricedDataflow(DataflowResult dataflow, List<MvauEstimate> estimates, FpgaResources resources, List<String> overBudget) {

    public PricedDataflow {
        estimates = List.copyOf(estimates);
        overBudget = List.copyOf(overBudget);
    }

    public static PricedDataflow of(DataflowResult d) {
        List<MvauEstimate> est = new ArrayList<>(d.layers().size());
        FpgaResources total = FpgaResources.NONE;
        for (MvauLayerResult l : d.layers()) {
            MvauEstimate e = FinnResourceModel.estimate(l.unit());
            est.add(e);
            total = total.plus(e.resources());
        }
        return new PricedDataflow(d, est, total, total.overBudget(d.spec().device()));
    }

    public boolean fits() {
        return overBudget.isEmpty();
    }

    public double framesPerSecond() {
        return dataflow.framesPerSecond();
    }

    public double latencySeconds() {
        return dataflow.latencySeconds();
    }
}
