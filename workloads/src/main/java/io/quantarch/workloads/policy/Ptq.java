package io.quantarch.workloads.policy;

/**
 * Post-training quantization method of a layer: how weights are rounded (round-to-nearest or GPTQ), and
 * transforms applied before quantization (SmoothQuant's activation-to-weight scale migration, Hadamard rotation).
 */
public record Ptq(WeightRounding rounding, Smoothing smoothing, Rotation rotation) {

    public static final Ptq RTN = new Ptq(WeightRounding.RTN, Smoothing.NONE, Rotation.NONE);

    /** How weights are rounded to the format. */
    public sealed interface WeightRounding {
        /** Round to nearest: each weight independently. */
        record Rtn() implements WeightRounding { }

        /**
         * GPTQ (Frantar et al., ICLR 2023, Algorithm 1): columns quantized in order, the rounding error of each
         * compensated on the remaining columns through the inverse Hessian of the layer's calibration inputs.
         *
         * @param blockSize  columns per lazy-update block (128 in the paper)
         * @param actOrder   quantize columns in order of decreasing Hessian diagonal ("act-order"); group scales
         *                   are then fixed from the original weights (static groups)
         * @param dampening  fraction of the mean Hessian diagonal added to it (0.01 in the paper)
         */
        record Gptq(int blockSize, boolean actOrder, double dampening) implements WeightRounding {
            public Gptq {
                if (blockSize < 1 || !(dampening >= 0 && dampening < 1)) {
                    throw new IllegalArgumentException("GPTQ needs block size >= 1 and dampening in [0, 1)");
                }
            }
        }

        Rtn RTN = new Rtn();
    }

    /** Activation-outlier smoothing before quantization. */
    public sealed interface Smoothing {
        record None() implements Smoothing { }

        /**
         * SmoothQuant (Xiao et al., ICML 2023, eq. 4): per input channel j, {@code s_j = max|X_j|^alpha /
         * max|W_j|^(1 - alpha)}; inputs are divided by s and weight columns multiplied by it.
         */
        record SmoothQuant(double alpha) implements Smoothing {
            public SmoothQuant {
                if (!(alpha >= 0 && alpha <= 1)) {
                    throw new IllegalArgumentException("SmoothQuant alpha must be in [0, 1], got " + alpha);
                }
            }
        }

        None NONE = new None();
    }

    /** Orthogonal rotation of a layer's input space before quantization (QuaRot, Ashkboos et al., 2024). */
    public enum Rotation { NONE, HADAMARD }

    public String label() {
        String r = switch (rounding) {
            case WeightRounding.Rtn x -> "rtn";
            case WeightRounding.Gptq g -> "gptq" + (g.actOrder() ? "+actorder" : "");
        };
        String s = smoothing instanceof Smoothing.SmoothQuant sq ? "+smoothquant" + sq.alpha() : "";
        String h = rotation == Rotation.HADAMARD ? "+hadamard" : "";
        return r + s + h;
    }
}
