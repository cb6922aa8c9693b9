package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.pricing.Pricing;
import io.quantarch.simulator.attention.AttentionHardware;
import io.quantarch.simulator.attention.BlockSparseConfig;
import io.quantarch.simulator.attention.BlockSparseCounts;
import io.quantarch.simulator.attention.BlockSparseRun;
import io.quantarch.simulator.attention.BlockSparseStudy;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.model.Stories260k;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch block-sparse-study}: PARO-style block-sparse quantized attention on stories260K, perplexity vs prefill DRAM. */
@Command(name = "block-sparse-study", sortOptions = false,
        description = {"PARO-style block-sparse attention on the real stories260K attention: static block masks calibrated on",
                "held-out text, optional per-head token reordering, INT8/INT4 Q/K/V and attention map. Perplexity vs the",
                "prefill K/V DRAM traffic of a tiled schedule, cycles and energy.",
                "Writes DIR/points.csv and DIR/plots/perplexity_vs_dram.{png,svg}."})
final class BlockSparseStudyCommand implements Callable<Integer> {

    @Option(names = {"--samples", "--windows"}, defaultValue = "8", paramLabel = "N", description = "Evaluation samples: windows of 512 tokens (at most 742).")
    int windows;

    @Option(names = "--cost-model", defaultValue = "horowitz45", paramLabel = "SPEC",
            description = "Cost model that prices the unit's actions: horowitz45[@NODE][+table:PATH.csv] or table:PATH.csv (default horowitz45).")
    String costModel;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (written atomically).")
    Path out;

    private final Main.Io io;

    BlockSparseStudyCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (windows < 1 || windows > Stories260k.CALIBRATION_FIRST) {
            throw new ConfigException("--windows", null, "1.." + Stories260k.CALIBRATION_FIRST, String.valueOf(windows));
        }
        AttentionHardware hw = AttentionHardware.SPATTEN;
        var cost = Inputs.costModel(costModel);
        List<BlockSparseStudy.Setting> settings = BlockSparseStudy.settings();
        List<BlockSparseRun.Result> results = new ArrayList<>();
        StatusLine status = new StatusLine(io);
        for (BlockSparseStudy.Setting s : settings) {
            BlockSparseRun.Result r = BlockSparseRun.run(s.config(), hw, windows);
            results.add(r);
            status.show(results.size(), settings.size(), String.format(Locale.ROOT, "[%2d/%d] perplexity %.4f, K/V %.4g MB", results.size(),
                    settings.size(), r.perplexity(), r.counts().kvBytes() / 1e6));
        }
        status.done();
        BlockSparseRun.Result dense = results.get(0);
        BlockSparseCounts d = dense.counts();
        try (RunDirectory dir = RunDirectory.at(out)) {
            try (CsvTable t = CsvTable.create(dir.work().resolve("points.csv"), List.of("series", "setting", "block_size", "density",
                    "reorder", "reordered_heads_fraction", "qk_bits", "p_bits", "v_bits", "calibration_mass_retained", "perplexity",
                    "perplexity_change_pct", "keys_attended_fraction", "prefill_kv_bytes", "prefill_dram_reduction", "macs",
                    "prefill_cycles", "prefill_speedup", "prefill_energy_uj", "energy_reduction", "windows"))) {
                for (int i = 0; i < results.size(); i++) {
                    BlockSparseRun.Result r = results.get(i);
                    BlockSparseConfig c = r.config();
                    BlockSparseCounts n = r.counts();
                    t.row(settings.get(i).series(), settings.get(i).label(), c.blockSize(), c.density(), c.reorder(), r.reorderedHeads(),
                            bits(c.qkBits()), bits(c.pBits()), bits(c.vBits()), r.retainedMass(), r.perplexity(),
                            100 * (r.perplexity() / dense.perplexity() - 1), (double) n.keysAttended() / n.denseKeys(), n.kvBytes(),
                            d.kvBytes() / n.kvBytes(), n.macs(), n.cycles(), (double) d.cycles() / n.cycles(), Pricing.energyPj(r.actions(), cost).total() / 1e6,
                            Pricing.energyPj(dense.actions(), cost).total() / Pricing.energyPj(r.actions(), cost).total(), windows);
                }
            }
            PerplexityPlot p = new PerplexityPlot(dense.perplexity());
            for (int i = 0; i < results.size(); i++) {
                p.add(settings.get(i).series(), d.kvBytes() / results.get(i).counts().kvBytes(), results.get(i).perplexity());
            }
            p.save(dir.work().resolve("plots"), "perplexity_vs_dram", "stories260K prefill, block-sparse, " + windows + " x 512 tokens",
                    "prefill K/V DRAM read reduction vs dense fp32 (x)");
            Path done = dir.commit();
            io.out().printf(Locale.ROOT, "stories260K, %d windows of %d tokens; blocks of %d; dense fp32 perplexity %.4f, %.4g MB of prefill K/V reads%n",
                    windows, Stories260k.WINDOW, BlockSparseStudy.BLOCK, dense.perplexity(), d.kvBytes() / 1e6);
            for (int i = 0; i < results.size(); i++) {
                BlockSparseRun.Result r = results.get(i);
                io.out().printf(Locale.ROOT, "  %-30s perplexity %7.4f (%+6.1f%%)  DRAM %6.2fx less  prefill %5.2fx faster  mass kept %.3f%n",
                        settings.get(i).label(), r.perplexity(), 100 * (r.perplexity() / dense.perplexity() - 1), d.kvBytes() / r.counts().kvBytes(),
                        (double) d.cycles() / r.counts().cycles(), r.retainedMass());
            }
            io.out().println("Results: " + done);
        }
        return 0;
    }

    private static int bits(int b) {
        return b == 0 ? 32 : b;
    }
}
