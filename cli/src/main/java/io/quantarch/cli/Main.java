package io.quantarch.cli;

import io.quantarch.cli.run.OutCheck;
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
        description = {"Co-design of quantized neural-network accelerators.",
                "Without a command, runs the default study and says where its results went."})
public final class Main implements Callable<Integer> {

    /** The commands, in help order; a command line builds only the one it runs (each spec costs start-up time). */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(ComponentsCommand.class, FormatsCommand.class, QuantizeCommand.class,
            QualityCommand.class, SweepCommand.class, ReferenceCommand.class, SensitivityCommand.class, SimulateCommand.class, NestCommand.class,
            ExploreCommand.class, FpgaStudyCommand.class, AttentionStudyCommand.class, BlockSparseStudyCommand.class, ReportCommand.class,
            PlotCommand.class, SparkBenchCommand.class, BatchCommand.class, OnnxCommand.class);

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
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        if (debug) {
            args = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        }
        boolean traces = debug || System.getenv("QUANTARCH_DEBUG") != null;
        Io io = new Io(out, err);
        CommandLine cl = commandLine(io, args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(OutCheck.strategy());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err, traces));
        cl.setParameterExceptionHandler((ex, args2) -> {
            err.println("quantarch: " + usageMessage(ex));
            return 2;
        });
        RunJson.begin(java.util.List.of(args));
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("quantarch: failed: out of memory (Java heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB); give more with QUANTARCH_JAVA_OPTS=-Xmx8g");
            code = 1;
        } catch (StackOverflowError e) {
            err.println("quantarch: failed: input nested too deeply (stack overflow)");
            code = 1;
        } finally {
            RunJson.end();
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command tree, with help on every command. */
    static CommandLine commandLine(Io io) {
        return commandLine(io, null);
    }

    /**
     * The command tree for a command line whose first word is {@code first}: only that command when it names one (its
     * spec alone is built), every command otherwise (top-level help, the default job, a misspelt command's suggestions).
     */
    static CommandLine commandLine(Io io, String first) {
        Factory factory = new Factory(io);
        CommandLine cl = new CommandLine(new Main(io), factory);
        Class<?> only = null;
        for (Class<?> c : COMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(first)) {
                only = c;
            }
        }
        for (Class<?> c : COMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(new CommandLine(c, factory));
            }
        }
        HelpText.install(cl);
        return cl;
    }

    /** Bad input is exit 2 and its one line; anything else is a runtime failure: exit 1, one line, a trace only with --debug. */
    static int handle(Exception ex, PrintWriter err, boolean traces) {
        if (ex instanceof ConfigException ce) {
            err.println("quantarch: " + firstLine(ce.getMessage()));
            return 2;
        }
        err.println("quantarch: failed: " + ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage())
                + (traces ? "" : " (rerun with --debug for the stack trace)"));
        if (traces) {
            ex.printStackTrace(err);
        }
        return 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl).stripTrailing();
    }

    /** A command-line error on one line: picocli's message, its suggestion if any, where to look. */
    private static String usageMessage(CommandLine.ParameterException ex) {
        StringBuilder sb = new StringBuilder(firstLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            sb.append("; did you mean ").append(String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size())))).append('?');
        }
        return sb.append(" (see '").append(ex.getCommandLine().getCommandSpec().qualifiedName()).append(" --help')").toString();
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
