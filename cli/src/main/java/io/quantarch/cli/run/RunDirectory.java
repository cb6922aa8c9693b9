package io.quantarch.cli.run;

import io.quantarch.config.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A result directory that appears only when complete: the run writes into a hidden temporary
 * directory beside the target and {@link #commit()} renames it.
 */
public final class RunDirectory implements AutoCloseable {

    private final Path target;
    private final Path work;
    private boolean committed;

    private RunDirectory(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    /** A new run directory {@code results/<prefix>-<timestamp>} under the quantarch home (or the working directory). */
    public static RunDirectory timestamped(String prefix) throws IOException, io.quantarch.config.ConfigException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = resultsRoot().resolve(prefix + "-" + stamp);
        int k = 2;
        while (Files.exists(target)) {
            target = resultsRoot().resolve(prefix + "-" + stamp + "-" + k++);
        }
        return at(target);
    }

    /** A run directory at {@code target}; it must not exist yet, or be empty (else bad input, exit 2). */
    public static RunDirectory at(Path target) throws IOException, io.quantarch.config.ConfigException {
        checkTarget(target);
        try {
            return new RunDirectory(target.toAbsolutePath().normalize(), AtomicOutput.temporaryDirectory(target));
        } catch (IOException e) {
            throw new io.quantarch.config.ConfigException("--out", null, "a directory where results can be written",
                    target + " (cannot create a directory beside it: " + e.getClass().getSimpleName() + ")");
        }
    }

    /** Refuses, before any work, an {@code --out} that is a file or a directory that is not empty. */
    public static void checkTarget(Path target) throws io.quantarch.config.ConfigException {
        if (Files.isRegularFile(target)) {
            throw new io.quantarch.config.ConfigException("--out", null, "a new or empty directory", target + " is a file");
        }
        if (Files.isDirectory(target)) {
            try (var s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new io.quantarch.config.ConfigException("--out", null, "a new or empty directory", target + " holds files");
                }
            } catch (IOException e) {
                throw new io.quantarch.config.ConfigException("--out", null, "a readable directory", e.getMessage());
            }
        }
    }

    /** {@code $QUANTARCH_HOME/results} when the launcher set it, else {@code ./results}. */
    public static Path resultsRoot() {
        String home = System.getenv("QUANTARCH_HOME");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("results");
    }

    /** Where to write files now. */
    public Path work() {
        return work;
    }

    /** Where the results will be once committed. */
    public Path target() {
        return target;
    }

    /** Writes run.json (the command line, inputs' hashes, timings) unless the run wrote one, and moves the directory into place. */
    public Path commit() throws IOException {
        RunJson.write(work);
        if (Files.exists(target)) {
            try (var s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("result directory " + target + " exists and is not empty");
                }
            }
            Files.delete(target);
        }
        AtomicOutput.commit(work, target);
        committed = true;
        return target;
    }

    @Override
    public void close() {
        if (!committed) {
            AtomicOutput.discard(work);
        }
    }
}
