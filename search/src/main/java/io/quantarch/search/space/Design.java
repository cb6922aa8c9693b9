package io.quantarch.search.space;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.workloads.policy.QuantPolicy;

/**
 * A decoded design: the option chosen for every gene (architecture genes first, then quantization genes), and
 * the architecture and policy those choices make.
 *
 * @param fpga    the FPGA dataflow of an FPGA space (then {@code architecture} is unused), null in a systolic space
 * @param hierarchy the Timeloop hierarchy of a hierarchy space (then {@code architecture} is unused), null otherwise
 * @param attention the attention unit a space with {@code attention.*} genes gives every design, null otherwise
 * @param archKey identifies the array part alone (the layer-cost cache is keyed by it; attention genes are not in it)
 */
public record Design(int[] choice, Architecture architecture, FpgaDataflowSpec fpga, io.quantarch.simulator.nest.NestArchitecture hierarchy,
                     AttentionUnit attention, QuantPolicy policy, String archKey) {

    public Design {
        choice = choice.clone();
    }

    @Override
    public int[] choice() {
        return choice.clone();
    }

    /** {@code 2.0.1.3}: the choice vector as a stable key. */
    public String key() {
        return DesignSpace.key(choice);
    }
}
