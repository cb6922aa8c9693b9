package io.quantarch.cli;

import picocli.CommandLine;

import java.util.Map;

/**
 * {@code --help}/{@code -h} on every command and subcommand (exit 0, before any required option is checked), each
 * option's default shown, and an example per command.
 */
final class HelpText {

    private HelpText() {
    }

    /** Examples by qualified command name. */
    static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("quantarch", new String[] {"./quantarch                      # the default study", "./quantarch simulate --help"}),
            Map.entry("quantarch components", new String[] {"quantarch components", "quantarch components show pe bit-fusion"}),
            Map.entry("quantarch components show", new String[] {"quantarch components show dram hbm2"}),
            Map.entry("quantarch formats", new String[] {"quantarch formats list", "quantarch formats show mxfp4"}),
            Map.entry("quantarch formats list", new String[] {"quantarch formats list"}),
            Map.entry("quantarch formats show", new String[] {"quantarch formats show fp8_e4m3"}),
            Map.entry("quantarch quantize", new String[] {"quantarch quantize --format int4_sym_g128 --in examples/tour/weights.csv --out q.csv"}),
            Map.entry("quantarch quality", new String[] {"quantarch quality --model stories260k --policy examples/quantization/w4a8-gptq.yaml"}),
            Map.entry("quantarch sweep", new String[] {"quantarch sweep --samples 4"}),
            Map.entry("quantarch reference", new String[] {"quantarch reference --model mnist_cnn --samples 500"}),
            Map.entry("quantarch sensitivity", new String[] {"quantarch sensitivity --model mnist_cnn --formats int8_sym_channel,int4_sym_channel"}),
            Map.entry("quantarch onnx", new String[] {"quantarch onnx run --model m.onnx --inputs test_data_set_0 --out results/o"}),
            Map.entry("quantarch onnx run", new String[] {"quantarch onnx run --model m.onnx --inputs test_data_set_0 --out results/o"}),
            Map.entry("quantarch batch", new String[] {"quantarch batch runs.csv --log results/batch.csv   # runs.csv: command",
                    "                                                   # simulate --workload zoo:resnet18 --out results/r18"}),
            Map.entry("quantarch simulate", new String[] {"quantarch simulate --workload zoo:resnet18 --out results/r18",
                    "quantarch simulate --arch examples/tour/scalesim.cfg --workload examples/tour/topology.csv --out results/s",
                    "quantarch simulate --arch examples/hierarchy/eyeriss_like.yaml --workload zoo:resnet18 --mapping auto --out results/ey"}),
            Map.entry("quantarch nest", new String[] {"quantarch nest model --help", "quantarch nest map --help"}),
            Map.entry("quantarch nest model", new String[] {"quantarch nest model --arch A.yaml --problem P.yaml --mapping M.yaml --out results/n"}),
            Map.entry("quantarch nest map", new String[] {"quantarch nest map --arch A.yaml --problem P.yaml --out results/m",
                    "quantarch nest map --arch A.yaml --problem P.yaml --objective pareto --out results/f"}),
            Map.entry("quantarch explore", new String[] {"quantarch explore --space examples/explore/resnet18-enumerable.yaml --out results/r18"}),
            Map.entry("quantarch fpga-study", new String[] {"quantarch fpga-study --samples 2000 --out results/fpga"}),
            Map.entry("quantarch attention-study", new String[] {"quantarch attention-study --samples 8 --out results/attn"}),
            Map.entry("quantarch block-sparse-study", new String[] {"quantarch block-sparse-study --samples 8 --out results/bs"}),
            Map.entry("quantarch report", new String[] {"quantarch report results/r18", "quantarch report results/r18 --compare results/r18-dp"}),
            Map.entry("quantarch plot", new String[] {"quantarch plot results/r18"}),
            Map.entry("quantarch spark-bench", new String[] {"quantarch spark-bench --out results/spark-bench"}));

    /** Installs help and examples on {@code cl} and every subcommand below it. */
    static void install(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help (options, defaults, an example) and exit.").build());
        }
        spec.usageMessage().showDefaultValues(true).width(110);
        String[] ex = EXAMPLES.get(spec.qualifiedName());
        if (ex != null) {
            String[] footer = new String[ex.length + 2];
            footer[0] = "";
            footer[1] = "Example" + (ex.length > 1 ? "s" : "") + ":";
            for (int i = 0; i < ex.length; i++) {
                footer[i + 2] = "  " + ex[i];
            }
            spec.usageMessage().footer(footer);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }
}
