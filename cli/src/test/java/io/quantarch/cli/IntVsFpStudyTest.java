package io.quantarch.cli;

import io.quantarch.numerics.format.Formats;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The INT vs FP study's verdicts (examples/int-vs-fp/README.md) against the findings of Chen et al., "INT v.s. FP: A
 * Comprehensive Study of Fine-Grained Low-bit Quantization Formats" (arXiv 2510.25602, abstract and Sec. 4): at 4 bits
 * with the same scales FP beats INT (MXFP4 over MXINT4, NVFP4 over NVINT4); with a Hadamard rotation NVINT4 surpasses
 * NVFP4; INT units are cheaper than FP units at equal scales. The paper gives directions, not numbers we share a
 * setting for, so these are direction checks on stories260K (20 windows, weights and activations) plus regression pins
 * of our own perplexities, and the hardware direction on per-format block dot-product datapaths.
 */
class IntVsFpStudyTest {

    static final Path STUDY = Path.of("..", "examples", "int-vs-fp");

    static double perplexity(String format, boolean hadamard) {
        TensorQuant t = TensorQuant.of(Formats.byName(format));
        Ptq ptq = hadamard ? new Ptq(Ptq.WeightRounding.RTN, Ptq.Smoothing.NONE, Ptq.Rotation.HADAMARD) : Ptq.RTN;
        RealModel m = RealModels.byName("stories260k");
        QuantPolicy p = QuantPolicy.uniform(format + (hadamard ? "+h" : ""), new LayerQuant(t, t, TensorQuant.FP32, TensorQuant.FP32, ptq));
        return QualityEvaluator.evaluate(m, p, 20, m.defaultCalibrationSamples()).value();
    }

    @Test
    void fourBitFloatBeatsIntAtEqualScalesAndHadamardTurnsNvint4Ahead() {
        double mxint4 = perplexity("mxint4", false);
        double mxfp4 = perplexity("mxfp4", false);
        double nvint4 = perplexity("nvint4", false);
        double nvfp4 = perplexity("nvfp4", false);
        double nvint4H = perplexity("nvint4", true);
        double nvfp4H = perplexity("nvfp4", true);
        assertTrue(mxfp4 < mxint4, "MXFP4 " + mxfp4 + " vs MXINT4 " + mxint4);
        assertTrue(nvfp4 < nvint4, "NVFP4 " + nvfp4 + " vs NVINT4 " + nvint4);
        assertTrue(nvint4H < nvfp4H && nvint4H < nvfp4, "NVINT4+H " + nvint4H + " vs NVFP4+H " + nvfp4H + " and NVFP4 " + nvfp4);
        // regression pins of our own figures (examples/int-vs-fp/README.md, Result table)
        assertEquals(8.495, mxint4, 0.001);
        assertEquals(6.103, mxfp4, 0.001);
        assertEquals(4.817, nvint4, 0.001);
        assertEquals(4.693, nvfp4, 0.001);
        assertEquals(4.589, nvint4H, 0.001);
        assertEquals(4.964, nvfp4H, 0.001);
    }

    @Test
    void intUnitsAreSmallerAndCheaperThanFloatUnitsAtEqualScales(@TempDir Path tmp) throws Exception {
        Map<String, Map<String, String>> s = new HashMap<>();
        for (String f : List.of("mxint4", "mxfp4", "nvint4", "nvfp4")) {
            String scales = f.startsWith("mx") ? "e8m0" : "e4m3";
            Path arch = Files.writeString(tmp.resolve(f + ".yaml"), Files.readString(Path.of("..", "examples", "pe-kinds", "arch-mx-dot.yaml"))
                    .replaceFirst("pe: .*", "pe: {type: mx-dot, lanes: 32, scales: " + scales + ", datapath: " + f + "}"));
            Path policy = Files.writeString(tmp.resolve("p-" + f + ".yaml"), "version: 1\nname: " + f + "\ndefault: {weights: " + f + ", inputs: " + f + "}\n");
            CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--policy", policy.toString(), "--workload", "zoo:resnet18",
                    "--out", tmp.resolve("o-" + f).toString());
            assertEquals(0, r.exitCode(), r.err());
            s.put(f, SimulateCommandTest.summary(tmp.resolve("o-" + f)));
        }
        for (String[] pair : new String[][] {{"mxint4", "mxfp4"}, {"nvint4", "nvfp4"}}) {
            double areaInt = Double.parseDouble(s.get(pair[0]).get("area_pe_array_mm2"));
            double areaFp = Double.parseDouble(s.get(pair[1]).get("area_pe_array_mm2"));
            double eInt = Double.parseDouble(s.get(pair[0]).get("energy_pe_array_pj"));
            double eFp = Double.parseDouble(s.get(pair[1]).get("energy_pe_array_pj"));
            assertTrue(areaInt < areaFp && eInt < eFp, pair[0] + " vs " + pair[1] + ": area " + areaInt + "/" + areaFp + ", energy " + eInt + "/" + eFp);
        }
        // regression pins: PE-array area of the per-format units (README Result table)
        assertEquals(0.331, Double.parseDouble(s.get("mxint4").get("area_pe_array_mm2")), 0.0005);
        assertEquals(0.531, Double.parseDouble(s.get("nvfp4").get("area_pe_array_mm2")), 0.0005);
        assertTrue(Files.readString(STUDY.resolve("README.md")).contains("| NVINT4 + Hadamard | 4.5 | 4.589 |"));
    }
}
