package io.quantarch.cli.run;

import io.quantarch.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks every command's {@code --out} before the command does any work: a path this platform can represent, under a
 * writable directory, and, for commands that write a result directory, new or empty. A long study must not compute for
 * minutes and then fail on where to put its results.
 */
public final class OutCheck {

    /** Commands whose --out is a result directory written atomically (explore's may also be a run to resume). */
    private static final Set<String> RESULT_DIRECTORIES = Set.of("simulate", "attention-study", "block-sparse-study",
            "fpga-study", "sweep", "reference", "quality", "sensitivity", "model", "map", "run");

    private OutCheck() {
    }

    /** The strategy picocli runs: the check, then the last sub-command as usual. */
    public static CommandLine.IExecutionStrategy strategy() {
        return parseResult -> {
            check(last(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        };
    }

    private static ParseResult last(ParseResult r) {
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r;
    }

    private static void check(ParseResult r) {
        if (r.isUsageHelpRequested() || r.isVersionHelpRequested() || !r.hasMatchedOption("--out")) {
            return;
        }
        String text = String.valueOf(r.matchedOptionValue("--out", (Object) null));
        try {
            Path out = Path.of(text);
            writableParent(out);
            if (RESULT_DIRECTORIES.contains(r.commandSpec().name())) {
                RunDirectory.checkTarget(out);
            } else if (Files.isDirectory(out) && !r.commandSpec().name().equals("explore") && !r.commandSpec().name().equals("report")) {
                throw new ConfigException("--out", null, "a file path", text + " is a directory");
            }
        } catch (InvalidPathException e) {
            throw new CommandLine.ExecutionException(r.commandSpec().commandLine(), "--out", new ConfigException("--out", null,
                    "a path this system can represent (set a UTF-8 locale, e.g. LC_ALL=C.UTF-8, for non-ASCII names)",
                    "'" + text + "' (" + e.getReason() + ")"));
        } catch (ConfigException e) {
            throw new CommandLine.ExecutionException(r.commandSpec().commandLine(), e.getMessage(), e);
        }
    }

    /** The nearest existing ancestor must be a directory this process can write (results are renamed into place there). */
    static void writableParent(Path out) throws ConfigException {
        Path p = out.toAbsolutePath().normalize().getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new ConfigException("--out", null, "a path under a directory", p + " is a file");
        }
        if (!Files.isWritable(p)) {
            throw new ConfigException("--out", null, "a path under a writable directory", p + " is not writable");
        }
    }
}
