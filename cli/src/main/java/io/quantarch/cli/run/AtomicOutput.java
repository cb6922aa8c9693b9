package io.quantarch.cli.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a result file or directory under a temporary name and moves it into place only when it is
 * complete, so bad input or a crash never leaves a half-written result behind.
 */
public final class AtomicOutput {

    private AtomicOutput() {
    }

    /** A temporary sibling of {@code target}, in the same directory (so the final move is a rename). */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    }

    /** A temporary directory beside {@code target}. */
    public static Path temporaryDirectory(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, "." + target.getFileName() + ".");
    }

    /** Moves {@code tmp} onto {@code target}, atomically where the file system allows. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a temporary file or directory tree; never throws. */
    public static void discard(Path tmp) {
        if (tmp == null || !Files.exists(tmp)) {
            return;
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless, it starts with a dot
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
