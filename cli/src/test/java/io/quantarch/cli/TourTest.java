package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tour as a newcomer runs it: every {@code ./quantarch} line of its first code block not marked
 * {@code slow}, in order, each in its own JVM (the built classes, no Maven) from a fresh copy of {@code examples/} in an
 * empty directory with its own home and cache; each must exit 0.
 */
class TourTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The tour's command lines (continuations joined), without the {@code ./quantarch} prefix. */
    static List<String> tourCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("```sh\n", readme.indexOf("## A short tour")) + 6;
        String block = readme.substring(start, readme.indexOf("```", start));
        List<String> out = new ArrayList<>();
        StringBuilder cmd = new StringBuilder();
        for (String line : block.split("\n")) {
            cmd.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            if (line.endsWith("\\")) {
                continue;
            }
            String full = cmd.toString().strip();
            cmd.setLength(0);
            if (full.startsWith("./quantarch ") && !full.contains("# slow")) {
                out.add(full.substring("./quantarch ".length()).replaceAll("\\s+#.*$", "").strip());
            }
        }
        return out;
    }

    /** Shell words: spaces split, single quotes group. */
    static List<String> words(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (char c : cmd.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }

    /**
     * The class path the launcher gives commands that do not use Spark: reports' runtime class path (written by its
     * build), picocli and the project's own modules; Spark's jars are left out, so a command that needed one fails here.
     * The whole test class path when that list was not built (a module's tests run alone).
     */
    static String coreClassPath() throws java.io.IOException {
        Path list = ROOT.resolve("reports").resolve("target").resolve("runtime-classpath.txt");
        String full = System.getProperty("java.class.path");
        if (!Files.isRegularFile(list)) {
            return full;
        }
        java.util.Set<String> artifacts = new java.util.HashSet<>(List.of("picocli"));
        for (String e : Files.readString(list).strip().split(java.io.File.pathSeparator)) {
            artifacts.add(artifact(Path.of(e).getFileName().toString()));
        }
        List<String> keep = new ArrayList<>();
        for (String e : full.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            boolean ownModule = e.contains(ROOT.toAbsolutePath().normalize().toString()) || e.contains("/io/quantarch/");
            if (Files.isDirectory(p) || ownModule || artifacts.contains(artifact(p.getFileName().toString()))) {
                keep.add(e);
            }
        }
        String core = String.join(java.io.File.pathSeparator, keep);
        assertTrue(!core.contains("spark-core") && !core.contains("scala-library"), "Spark left out: " + core);
        return core;
    }

    private static String artifact(String jar) {
        return jar.replaceFirst("-[0-9][^/]*\\.jar$", "");
    }

    @Test
    void everyFastTourLineRunsAsWrittenFromAFreshCopy(@TempDir Path tmp) throws Exception {
        List<String> commands = tourCommands();
        assertTrue(commands.size() >= 18, "the tour: " + commands);
        Path copy = Files.createDirectories(tmp.resolve("clone"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("examples"))) {
            for (Path p : s.toList()) {
                Path to = copy.resolve(ROOT.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String c : commands) {
            List<String> argv = new ArrayList<>(List.of(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                    coreClassPath(), Main.class.getName()));
            argv.addAll(words(c));
            ProcessBuilder pb = new ProcessBuilder(argv).directory(copy.toFile()).redirectErrorStream(true);
            pb.environment().put("HOME", tmp.resolve("home").toString());
            pb.environment().put("QUANTARCH_CACHE", tmp.resolve("cache").toString());
            pb.environment().put("QUANTARCH_HOME", copy.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), c + " finished");
            assertEquals(0, p.exitValue(), "quantarch " + c + "\n" + out);
        }
    }
}
