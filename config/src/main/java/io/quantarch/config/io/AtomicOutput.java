package io.quantarch.config.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a result file or directory under a temporary name and moves it into place only when it is complete, so bad
 * input or a crash never leaves a half-written result behind. The one atomic-output helper of the project. Temporary
 * files and directories are created like any other (so they take the process umask, unlike
 * {@code Files.createTempFile}, which makes them private), and their names start with a dot.
 */
public final class AtomicOutput {

    private AtomicOutput() {
    }

    /** A new, empty temporary sibling file of {@code target}, in the same directory (so the final move is a rename). */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = parent(target);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(tmpName(target));
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A new, empty temporary directory beside {@code target}. */
    public static Path temporaryDirectory(Path target) throws IOException {
        Path dir = parent(target);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(tmpName(target));
            try {
                return Files.createDirectory(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} through a temporary sibling and a rename. */
    public static void writeString(Path target, String text) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            commit(tmp, target);
        } catch (IOException | RuntimeException e) {
            discard(tmp);
            throw e;
        }
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

    private static Path parent(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStale(dir, target.getFileName().toString());
        return dir;
    }

    /**
     * {@code .<pid>-<random>.tmp.<name>}: hidden, ending in the target's own extension (encoders that add one see it
     * there), and naming the process that writes it, so a later run can tell a killed run's leftovers from a live one's.
     */
    private static String tmpName(Path target) {
        return "." + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp." + target.getFileName();
    }

    /** Deletes temporaries for {@code name} left by processes that no longer run (a run killed before it committed). */
    static void removeStale(Path dir, String name) {
        String suffix = ".tmp." + name;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String f = p.getFileName().toString();
                int dash = f.indexOf('-');
                if (!f.startsWith(".") || !f.endsWith(suffix) || dash < 2) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(f.substring(1, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    continue;                                                  // not one of ours
                }
                discard(p);
            }
        } catch (IOException e) {
            // a directory we cannot list: the run itself will report what it cannot write
        }
    }
}
