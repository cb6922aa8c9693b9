package io.quantarch.simulator.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Perplexity vs DRAM traffic of SpAtten's techniques on stories260K: token pruning alone (keep ratios 1.0..0.2, a
 * 32-token local window), the same with 12-bit K/V and progressive quantization, head pruning, progressive
 * quantization alone, and pure cumulative-importance pruning (no local window) to show why the window matters.
 */
public final class AttentionStudy {

    /** One configuration: its series (for plots), a label, and the config. */
    public record Setting(String series, String label, SpAttenConfig config) { }

    public static final int LOCAL_WINDOW = 32;

    private AttentionStudy() {
    }

    public static List<Setting> settings(int layers) {
        List<Setting> out = new ArrayList<>();
        out.add(new Setting("dense", "dense fp32", SpAttenConfig.dense(layers)));
        out.add(new Setting("dense", "dense 12-bit K/V", SpAttenConfig.uniform(layers, 1, 1, 12, 0, 0, false)));
        for (double keep : new double[] {0.8, 0.6, 0.4, 0.3, 0.2}) {
            out.add(new Setting("token pruning (fp32)", "tokens " + keep,
                    SpAttenConfig.uniform(layers, keep, 1, 0, 0, 0, false).withLocalWindow(LOCAL_WINDOW)));
        }
        for (double keep : new double[] {1.0, 0.8, 0.6, 0.4, 0.3, 0.2}) {
            out.add(new Setting("token pruning + 12-bit progressive K (8 MSBs)", "tokens " + keep + " + progressive",
                    SpAttenConfig.uniform(layers, keep, 1, 12, 8, 0.3, true).withLocalWindow(LOCAL_WINDOW)));
        }
        for (double keep : new double[] {0.75, 0.5}) {
            out.add(new Setting("head pruning (fp32)", "heads " + keep, SpAttenConfig.cascade(layers, 1, keep, 0, 0, 0, false)));
        }
        for (int msb : new int[] {4, 6, 8}) {
            out.add(new Setting("progressive only (12-bit K/V)", "progressive " + msb + "/12 MSBs",
                    SpAttenConfig.uniform(layers, 1, 1, 12, msb, 0.3, true)));
        }
        for (double keep : new double[] {0.5, 0.2}) {
            out.add(new Setting("cumulative importance, no local window (fp32)", "tokens " + keep + " no window",
                    SpAttenConfig.uniform(layers, keep, 1, 0, 0, 0, false)));
        }
        return out;
    }

    public static List<SpAttenRun.Result> run(List<Setting> settings, AttentionHardware hw, int windows,
                                              Consumer<SpAttenRun.Result> progress) {
        List<SpAttenRun.Result> out = new ArrayList<>();
        for (Setting s : settings) {
            SpAttenRun.Result r = SpAttenRun.run(s.config(), hw, windows);
            out.add(r);
            progress.accept(r);
        }
        return out;
    }
}
