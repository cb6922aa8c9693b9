package io.quantarch.simulator.pe;

import io.quantarch.config.component.Component;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.Part;
import io.quantarch.numerics.quant.QuantizedTensor;

import java.util.List;

/**
 * The processing element an array is built of: what arithmetic each PE does and at what width. An open kind: each PE
 * is one record that declares its {@link PeKind} (name, configuration keys, defaults) and is registered by one line in
 * {@link PeKinds}; the array takes its PE from the architecture file. Every registered PE passes the contract tests
 * ({@code PeContract}): its functional datapath is exact, its counted actions equal the operations that datapath
 * performs, and its throughput agrees with the cycle-stepped array.
 */
public interface PeSpec extends Component {

    /** Accumulator register width in bits. */
    int accumulatorBits();

    /** One line for reports. */
    String describe();

    /** Null when the PE runs this weight/input format pair, else why not (naming the PE and the formats). */
    String unsupported(FormatPair formats);

    /** How the pair maps onto the array (lanes, fused products, bit-serial cycles). */
    Throughput throughput(FormatPair formats);

    /** Adds the PE-array (and dequantization unit) actions of the work. */
    void countActions(ActionCounts.Builder b, PeWork work);

    /** The hardware of one PE, for area (component PE_ARRAY). */
    List<Part> parts();

    /** Hardware outside the PEs that this PE kind needs per array column (e.g. dequantization units); none by default. */
    default List<Part> perColumnParts() {
        return List.of();
    }

    /** The reduction length must be a multiple of this (2 for a PE that reduces complex pairs). */
    default int reductionGranule() {
        return 1;
    }

    /**
     * Significand bits of the narrowest floating-point format an operand passes through before accumulation (24:
     * float32 or exact; 11: a PE that rounds operands to FP16), for the contract's error bound.
     */
    default int operandSignificandBits() {
        return 24;
    }

    /**
     * Largest absolute error the PE's accumulator itself may add to a dot product of length {@code k} whose operand
     * scales multiply to {@code scaleProduct} (a fixed-point register that truncates below its LSB); 0 by default.
     */
    default double truncationErrorBound(int k, double scaleProduct) {
        return 0;
    }

    /**
     * One dot product of {@code w} (the weight-side operand) and {@code a} (the input side), both of length k and
     * quantized in {@code formats}, as this PE's hardware computes it, bit for bit; every operation the datapath
     * performs is added to {@code ops} with the same keys {@link #countActions} uses.
     */
    DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops);
}
