package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.config.Names;
import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.config.component.Registry;
import io.quantarch.cost.memory.DramTechnologies;
import io.quantarch.cost.memory.DramTechnology;
import io.quantarch.cost.memory.SramModels;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.numerics.format.Formats;
import io.quantarch.search.algorithm.SearchAlgorithms;
import io.quantarch.search.metric.Metrics;
import io.quantarch.simulator.pe.PeKinds;
import io.quantarch.workloads.quality.RealModels;
import io.quantarch.workloads.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code quantarch components [show KIND NAME]}: every registered component kind and name, or one component's keys with
 * their types, defaults and descriptions, printed from the same declarations that parse the configuration files.
 */
@Command(name = "components", description = {"List every registered component (PE kinds, format families, cost tables, memories, search",
        "algorithms, metrics, real models, zoo models), or show one component's configuration keys."},
        subcommands = {ComponentsCommand.Show.class})
final class ComponentsCommand implements Callable<Integer> {

    /** Every registry, in the order they are listed. */
    static List<Registry<? extends Component>> registries() {
        return List.of(PeKinds.REGISTRY, Formats.REGISTRY, CostModels.TABLES, SramModels.REGISTRY,
                DramTechnologies.REGISTRY, SearchAlgorithms.REGISTRY, Metrics.REGISTRY, RealModels.REGISTRY,
                Zoo.REGISTRY);
    }

    private final Main.Io io;

    ComponentsCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        for (Registry<? extends Component> r : registries()) {
            io.out().println(r.kind() + ": " + r.summary());
            for (Component c : r.all()) {
                io.out().println(String.format(Locale.ROOT, "  %-22s %s", c.name(), c.declaration().description()));
            }
        }
        io.out().println("Show one component's keys: quantarch components show KIND NAME");
        return 0;
    }

    static Registry<? extends Component> registry(String kind) throws ConfigException {
        List<String> kinds = registries().stream().map(Registry::kind).toList();
        return registries().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow(() -> new ConfigException("KIND", null,
                "one of " + kinds + Names.didYouMean(kinds, kind), "'" + kind + "'"));
    }

    @Command(name = "show", description = "One component: its description and configuration keys (type, range, default, meaning).")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KIND", description = "pe, format, cost-table, sram-model, dram, search, metric, real-model, zoo-model.")
        String kind;

        @Parameters(index = "1", paramLabel = "NAME", description = "The component's name, e.g. bit-fusion.")
        String name;

        private final Main.Io io;

        Show(Main.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws ConfigException {
            Registry<? extends Component> r = registry(kind.trim().toLowerCase(Locale.ROOT));
            Component c = r.find(name.trim()).orElseThrow(() -> new ConfigException("NAME", null, "a " + r.kind() + " (one of " + r.names()
                    + Names.didYouMean(r.names(), name.trim()) + ")", "'" + name + "'"));
            Declaration d = c.declaration();
            io.out().println(d.kind() + " " + d.name() + ": " + d.description());
            if (c instanceof DramTechnology t) {
                io.out().println("  source: " + t.citation());
            }
            if (d.params().isEmpty()) {
                io.out().println("  (no configuration keys)");
            }
            for (Param<?> p : d.params()) {
                io.out().println(String.format(Locale.ROOT, "  %-24s %-32s default %-10s %s", p.key(), p.type(), p.defaultText(), p.description()));
            }
            return 0;
        }
    }
}
