package io.quantarch.cli;

import io.quantarch.cli.run.RunJson;
import io.quantarch.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code quantarch} command. {@link #run} returns the exit code (0 success, 1 runtime failure,
 * 2 bad input); only {@link #main} calls {@code System.exit}.
 */
@Command(name = "quantarch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {ComponentsCommand.class, FormatsCommand.class, QuantizeCommand.class, QualityCommand.class, SweepCommand.class, ReferenceCommand.class, SensitivityCommand.class, SimulateCommand.class, NestCommand.class, ExploreCommand.class, FpgaStudyCommand.class, AttentionStudyCommand.class, BlockSparseStudyCommand.class, ReportCommand.class, PlotCommand.class, SparkBenchCommand.class},
        description = {"Co-design of quantized neural-network accelerators.",
                "Without a command, runs the default study and says where its results went."})
public final class Main implements Callable<Integer> {

    /** Where a command writes: results and tables to out, progress and messages to err. */
    public record Io(PrintWriter out, PrintWriter err) { }

    private final Io io;

    private Main(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Io io = new Io(out, err);
        CommandLine cl = commandLine(io);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err));
        cl.setParameterExceptionHandler((ex, args2) -> {
            err.println("quantarch: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        RunJson.begin(java.util.List.of(args));
        int code;
        try {
            code = cl.execute(args);
        } finally {
            RunJson.end();
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The command tree, with help on every command. */
    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new Main(io), new Factory(io));
        HelpText.install(cl);
        return cl;
    }

    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof ConfigException ce) {
            err.println("quantarch: " + ce.getMessage());
            return 2;
        }
        err.println("quantarch: failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if (System.getenv("QUANTARCH_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("(set QUANTARCH_DEBUG=1 for the stack trace)");
        }
        return 1;
    }

    @Override
    public Integer call() throws Exception {
        return new DefaultJob(io).run();
    }

    /** Builds sub-commands with the shared {@link Io}. */
    private static final class Factory implements CommandLine.IFactory {
        private final Io io;

        Factory(Io io) {
            this.io = io;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var ctor = cls.getDeclaredConstructor(Io.class);
                ctor.setAccessible(true);
                return ctor.newInstance(io);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"quantarch " + (v == null ? "development build" : v) + " on Java " + Runtime.version()};
        }
    }
}
