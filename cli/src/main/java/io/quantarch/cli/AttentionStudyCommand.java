package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.pricing.Pricing;
import io.quantarch.simulator.attention.AttentionCounts;
import io.quantarch.simulator.attention.AttentionHardware;
import io.quantarch.simulator.attention.AttentionStudy;
import io.quantarch.simulator.attention.SpAttenRun;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.model.Stories260k;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch attention-study}: SpAtten's pruning and progressive quantization on stories260K, perplexity vs DRAM traffic. */
@Command(name = "attention-study", sortOptions = false,
        description = {"SpAtten-style cascade token/head pruning, top-k engine and progressive quantization on the real stories260K",
                "attention, decoding its evaluation text: perplexity vs K/V DRAM traffic, cycles and energy for prefill and decode.",
                "Writes DIR/points.csv and DIR/plots/perplexity_vs_dram.{png,svg}."})
final class AttentionStudyCommand implements Callable<Integer> {

    @Option(names = {"--samples", "--windows"}, defaultValue = "8", paramLabel = "N", description = "Evaluation samples: windows of 512 tokens (at most 742).")
    int windows;

    @Option(names = "--cost-model", defaultValue = "horowitz45", paramLabel = "SPEC",
            description = "Cost model that prices the unit's actions: horowitz45[@NODE][+table:PATH.csv] or table:PATH.csv (default horowitz45).")
    String costModel;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (written atomically).")
    Path out;

    private final Main.Io io;

    AttentionStudyCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (windows < 1 || windows > Stories260k.CALIBRATION_FIRST) {
            throw new ConfigException("--windows", null, "1.." + Stories260k.CALIBRATION_FIRST, String.valueOf(windows));
        }
        AttentionHardware hw = AttentionHardware.SPATTEN;
        var cost = Inputs.costModel(costModel);
        List<AttentionStudy.Setting> settings = AttentionStudy.settings(SpAttenRun.modelConfig().layers());
        int[] done = {0};
        StatusLine status = new StatusLine(io);
        List<SpAttenRun.Result> results = AttentionStudy.run(settings, hw, windows, r -> {
            done[0]++;
            status.show(done[0], settings.size(), String.format(Locale.ROOT, "[%2d/%d] perplexity %.4f, K/V %.4g MB", done[0], settings.size(),
                    r.perplexity(), r.counts().kvBytes() / 1e6));
        });
        status.done();
        SpAttenRun.Result dense = results.get(0);
        double denseBytes = dense.counts().kvBytes();
        try (RunDirectory dir = RunDirectory.at(out)) {
            try (CsvTable t = CsvTable.create(dir.work().resolve("points.csv"), List.of("series", "setting", "token_keep", "head_keep",
                    "local_window", "kv_bits", "msb_bits", "confidence", "perplexity", "perplexity_change_pct", "keys_attended_fraction",
                    "decode_kv_bytes", "decode_dram_reduction", "prefill_kv_bytes", "prefill_dram_reduction", "recompute_fraction",
                    "topk_cycles", "decode_cycles", "decode_speedup", "prefill_cycles", "prefill_speedup", "decode_energy_uj",
                    "decode_energy_reduction", "windows"))) {
                for (int i = 0; i < results.size(); i++) {
                    SpAttenRun.Result r = results.get(i);
                    AttentionStudy.Setting s = settings.get(i);
                    AttentionCounts c = r.counts();
                    long heads = c.recomputed() + c.confident();
                    t.row(s.series(), s.label(), last(s.config().tokenKeep()), last(s.config().headKeep()), s.config().localWindow(),
                            s.config().kvBits() == 0 ? 32 : s.config().kvBits(), s.config().progressive() ? s.config().msbBits() : null,
                            s.config().progressive() ? s.config().confidence() : null, r.perplexity(),
                            100 * (r.perplexity() / dense.perplexity() - 1), (double) c.keysAttended() / c.denseKeys(), c.kvBytes(),
                            denseBytes / c.kvBytes(), c.prefillKvBits() / 8.0, (double) dense.counts().prefillKvBits() / c.prefillKvBits(),
                            heads == 0 ? null : (double) c.recomputed() / heads, c.topKCycles(), r.decodeCycles(),
                            (double) dense.decodeCycles() / r.decodeCycles(), r.prefillCycles(), (double) dense.prefillCycles() / r.prefillCycles(),
                            energy(r.decodeActions(), cost) / 1e6, energy(dense.decodeActions(), cost) / energy(r.decodeActions(), cost), windows);
                }
            }
            plot(dir.work().resolve("plots"), settings, results, denseBytes, windows);
            Path done2 = dir.commit();
            io.out().printf(Locale.ROOT, "stories260K, %d windows of %d tokens decoded; dense fp32 perplexity %.4f, %.4g MB of K/V reads%n",
                    windows, Stories260k.WINDOW, dense.perplexity(), denseBytes / 1e6);
            for (int i = 0; i < results.size(); i++) {
                SpAttenRun.Result r = results.get(i);
                io.out().printf(Locale.ROOT, "  %-34s perplexity %7.4f (%+6.1f%%)  DRAM %6.2fx less  decode %5.2fx faster%n", settings.get(i).label(),
                        r.perplexity(), 100 * (r.perplexity() / dense.perplexity() - 1), denseBytes / r.counts().kvBytes(),
                        (double) dense.decodeCycles() / r.decodeCycles());
            }
            io.out().println("Results: " + done2);
        }
        return 0;
    }

    private static double last(double[] a) {
        return a[a.length - 1];
    }

    private static void plot(Path dir, List<AttentionStudy.Setting> settings, List<SpAttenRun.Result> results, double denseBytes, int windows)
            throws IOException {
        PerplexityPlot p = new PerplexityPlot(results.get(0).perplexity());
        for (int i = 0; i < results.size(); i++) {
            p.add(settings.get(i).series(), denseBytes / results.get(i).counts().kvBytes(), results.get(i).perplexity());
        }
        p.save(dir, "perplexity_vs_dram", "stories260K decode, " + windows + " x 512 tokens", "K/V DRAM read reduction vs dense fp32 (x)");
    }

    private static double energy(ActionCounts actions, CostModel cost) {
        return Pricing.energyPj(actions, cost).total();
    }
}
