package io.quantarch.pricing.fpga;

import io.quantarch.numerics.format.Formats;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.simulator.fpga.MnistOnDataflow;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.zoo.Zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Minifloat vs integer on an FPGA (the study of Aggarwal et al., arXiv 2311.12359, on quantarch's real CNN): every
 * (weight, activation) pair of one family, integers INT3..INT8 and minifloats of 3..8 bits with 2..5 exponent bits;
 * accuracy of the MNIST CNN on the bit-exact datapaths, resources and throughput of the same folded dataflow.
 */
public final class FormatStudy {

    /** One element family member: registry stem ({@code int4_sym}, {@code e2m1}), family, bits, exponent and mantissa bits. */
    public record Element(String stem, String family, int bits, int exponentBits, int mantissaBits) {
        public NumberFormat weights() {
            return Formats.byName(stem + "_channel");
        }

        public NumberFormat inputs() {
            return Formats.byName(stem + "_tensor");
        }
    }

    /** One evaluated design point. */
    public record Point(Element weights, Element inputs, MnistOnDataflow.Quality quality, PricedDataflow dataflow) {
        public String family() {
            return weights.family();
        }

        public double accuracyPct() {
            return quality.accuracyPct();
        }

        public double logitNsr() {
            return quality.logitNsr();
        }
    }

    public static List<Element> integers() {
        List<Element> out = new ArrayList<>();
        for (int b = 3; b <= 8; b++) {
            out.add(new Element("int" + b + "_sym", "integer", b, 0, b - 1));
        }
        return out;
    }

    /** The splits that make sense: 2..4 exponent bits (E1 is an integer grid, E5+ only at 8 bits where M >= 2 remains). */
    public static List<Element> minifloats() {
        int[][] em = {{2, 0}, {2, 1}, {3, 0}, {2, 2}, {3, 1}, {2, 3}, {3, 2}, {3, 3}, {4, 2}, {4, 3}, {5, 2}};
        List<Element> out = new ArrayList<>();
        for (int[] p : em) {
            out.add(new Element("e" + p[0] + "m" + p[1], "minifloat", 1 + p[0] + p[1], p[0], p[1]));
        }
        return out;
    }

    private FormatStudy() {
    }

    /** Every same-family (weights, inputs) pair, in a fixed order; {@code progress} hears each finished point. */
    public static List<Point> run(FpgaDataflowSpec spec, MnistOnDataflow model, int images, Consumer<Point> progress) {
        Workload w = Zoo.byName(io.quantarch.workloads.quality.MnistClassifier.NAME);
        List<Point> out = new ArrayList<>();
        for (List<Element> family : List.of(integers(), minifloats())) {
            for (Element we : family) {
                for (Element ae : family) {
                    MnistOnDataflow.Quality acc = model.quality(we.weights(), ae.inputs(), images);
                    QuantPolicy p = QuantPolicy.uniform("w-" + we.stem() + "_a-" + ae.stem(), new LayerQuant(TensorQuant.of(we.weights()),
                            TensorQuant.of(ae.inputs()), TensorQuant.FP32, TensorQuant.FP32, Ptq.RTN));
                    Point pt = new Point(we, ae, acc, PricedDataflow.of(DataflowSimulator.run(spec, w, p)));
                    out.add(pt);
                    progress.accept(pt);
                }
            }
        }
        return out;
    }

    /** Points not dominated in (accuracy up, LUTs down); ties in both keep every point. Sorted by LUTs. */
    public static List<Point> front(List<Point> points) {
        return front(points, Point::accuracyPct);
    }

    /** Points not dominated in (logit NSR down, LUTs down): the front on the quality axis with resolution. */
    public static List<Point> frontByLogitNsr(List<Point> points) {
        return front(points, p -> -p.logitNsr());
    }

    private static List<Point> front(List<Point> points, java.util.function.ToDoubleFunction<Point> higherIsBetter) {
        List<Point> f = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = false;
            for (Point q : points) {
                long ql = q.dataflow().resources().luts();
                long pl = p.dataflow().resources().luts();
                double qa = higherIsBetter.applyAsDouble(q);
                double pa = higherIsBetter.applyAsDouble(p);
                if (qa >= pa && ql <= pl && (qa > pa || ql < pl)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                f.add(p);
            }
        }
        f.sort(java.util.Comparator.comparingLong((Point p) -> p.dataflow().resources().luts()).thenComparing(p -> p.weights().stem() + p.inputs().stem()));
        return f;
    }
}
