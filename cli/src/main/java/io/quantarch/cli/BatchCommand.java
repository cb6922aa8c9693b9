package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.config.Text;
import io.quantarch.config.io.AtomicOutput;
import io.quantarch.workloads.io.CsvStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code quantarch batch RUNS.csv}: many simulate and nest runs in one process (one JVM start, warm caches), for
 * sweeps. RUNS.csv has a column {@code command}: the arguments of one run as on the command line. Every row is checked
 * before any runs (a bad row is exit 2 naming its line); then the runs go in order, each with its own result directory,
 * and {@code --log FILE} records each run's exit code, seconds and message.
 */
@Command(name = "batch", sortOptions = false,
        description = {"Run many simulate / nest runs in one process: RUNS.csv has a column 'command' holding each run's",
                "arguments (e.g. simulate --workload zoo:resnet18 --arch a.yaml --out results/a). Exit 0 when every run",
                "succeeded, else the highest exit code; one line per failed run."})
final class BatchCommand implements Callable<Integer> {

    static final List<String> ALLOWED = List.of("simulate", "nest");

    @Parameters(index = "0", paramLabel = "RUNS.csv", description = "CSV with a 'command' column, one run per row.")
    Path runs;

    @Option(names = "--log", paramLabel = "FILE", description = "Write run,command,exit_code,seconds,message here (CSV).")
    Path log;

    private final Main.Io io;

    BatchCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        List<String[]> commands = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> header = CsvStream.header(runs);
        if (!header.contains("command")) {
            throw new ConfigException(runs, "header", "a 'command' column", header.size() + " columns without it");
        }
        CsvStream.forEach(runs, (line, rec) -> {
            String[] args = words(rec.get("command"));
            if (args.length == 0 || !ALLOWED.contains(args[0])) {
                throw new ConfigException(runs, "line " + line + ", column 'command'", "a run of " + ALLOWED,
                        "'" + Text.excerpt(rec.get("command")) + "'");
            }
            commands.add(args);
            lines.add(line);
        });
        StringBuilder table = new StringBuilder("run,command,exit_code,seconds,message\n");
        int worst = 0;
        for (int i = 0; i < commands.size(); i++) {
            StringWriter err = new StringWriter();
            long t0 = System.nanoTime();
            int code = Main.run(commands.get(i), io.out(), new PrintWriter(err, true));
            double s = (System.nanoTime() - t0) / 1e9;
            String message = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
            if (code != 0) {
                io.err().println("quantarch batch: " + runs + " line " + lines.get(i) + ": exit " + code + ": " + message);
            }
            worst = Math.max(worst, code);
            table.append(i + 1).append(',').append(csv(String.join(" ", commands.get(i)))).append(',').append(code).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s)).append(',').append(csv(message)).append('\n');
            io.err().printf(Locale.ROOT, "batch: %d/%d done (%.2f s)%n", i + 1, commands.size(), s);
        }
        if (log != null) {
            AtomicOutput.writeString(log, table.toString());
        }
        return worst;
    }

    /** Splits a command line into arguments: whitespace separates, single or double quotes group. */
    static String[] words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || !w.isEmpty()) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || !w.isEmpty()) {
            out.add(w.toString());
        }
        return out.toArray(String[]::new);
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
