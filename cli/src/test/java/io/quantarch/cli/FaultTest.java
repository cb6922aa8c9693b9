package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault tests (issue 24): each command is killed with SIGKILL at seeded random moments (one of them during JVM
 * start-up or generation 0), then run again with the same arguments. The second run must give the same bytes as an
 * uninterrupted run in a directory of the same name, or refuse cleanly (exit 2, one line naming why) when the killed
 * run had already finished; no temporary file may be left. Two concurrent explorations into one directory: the
 * second is refused.
 */
class FaultTest {

    private static final Path SPACE = Path.of("..", "examples", "explore", "resnet18-enumerable.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private record Outcome(int exit, String err, long millis) { }

    private Outcome run(Path cwd, List<String> args, long killAfterMillis) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.quantarch.cli.Main"));
        cmd.addAll(args);
        Path log = Files.createTempFile(tmp, "err", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();                                       // SIGKILL: no shutdown hook, no finally block runs
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "process ended");
        return new Outcome(p.exitValue(), Files.readString(log), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Every file under {@code dir} but run.json (timings) and the checkpoint (the search's own state), with its bytes. */
    private static TreeMap<String, byte[]> contents(Path dir, String... only) throws IOException {
        TreeMap<String, byte[]> m = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(p).toString();
                boolean wanted = only.length == 0 ? !name.equals("run.json") && !name.startsWith(".run") && !name.startsWith("checkpoint")
                        : List.of(only).contains(name);
                if (wanted) {
                    m.put(name, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    private static void assertSame(TreeMap<String, byte[]> want, TreeMap<String, byte[]> got, String what) {
        assertEquals(want.keySet(), got.keySet(), what + ": the same files");
        for (String k : want.keySet()) {
            assertArrayEquals(want.get(k), got.get(k), what + ": " + k + " byte for byte");
        }
    }

    private static void assertNoTemporaries(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            List<String> left = walk.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp.")).toList();
            assertTrue(left.isEmpty(), "temporary files left behind: " + left);
        }
    }

    /** Kills {@code args} at seeded random moments in fresh directories named like the reference's, reruns, compares. */
    private void killAndRerun(String name, List<String> args, String[] compare, long seed, int kills) throws Exception {
        Path ref = Files.createDirectories(tmp.resolve(name + "-ref"));
        Outcome clean = run(ref, args, -1);
        assertEquals(0, clean.exit(), clean.err());
        TreeMap<String, byte[]> want = contents(ref.resolve("out"), compare);
        Random random = new Random(seed);
        for (int k = 0; k < kills; k++) {
            long at = k == 0 ? 150 : 300 + random.nextLong(Math.max(1, clean.millis()));   // the first during start-up
            Path dir = Files.createDirectories(tmp.resolve(name + "-kill" + k));
            run(dir, args, at);
            Outcome again = run(dir, args, -1);
            if (again.exit() == 2) {          // only a run that had finished before the kill may be refused
                assertFalse(again.err().strip().contains("\n"), "one line: " + again.err());
            } else {
                assertEquals(0, again.exit(), name + " killed at " + at + " ms, rerun: " + again.err());
            }
            assertSame(want, contents(dir.resolve("out"), compare), name + " killed at " + at + " ms then rerun");
            assertNoTemporaries(dir);
        }
    }

    @Test
    void exploreKilledAnywhereResumesToTheSameBytes() throws Exception {
        killAndRerun("explore", List.of("explore", "--space", SPACE.toString(), "--population", "16", "--generations", "8",
                "--threads", "2", "--out", "out"), new String[] {"pareto.csv", "evaluations.csv", "generations.csv",
                "front_genes.csv", "front_layers.csv", "front_components.csv"}, 24, 3);
    }

    @Test
    void simulateKilledAnywhereLeavesNothingHalfWritten() throws Exception {
        killAndRerun("simulate", List.of("simulate", "--workload", "zoo:resnet50", "--out", "out"), new String[0], 25, 2);
    }

    @Test
    void quantizeKilledAnywhereRewritesTheSameFile() throws Exception {
        StringBuilder sb = new StringBuilder("value,channel\n");
        Random r = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            sb.append((float) r.nextGaussian()).append(',').append(i % 64).append('\n');
        }
        for (String d : List.of("quantize-ref", "quantize-kill0", "quantize-kill1")) {
            Files.createDirectories(tmp.resolve(d).resolve("out"));
            Files.writeString(tmp.resolve(d).resolve("in.csv"), sb);
        }
        killAndRerun("quantize", List.of("quantize", "--format", "int4_sym_channel", "--in", "in.csv", "--out", "out/q.csv"),
                new String[] {"q.csv"}, 26, 2);
    }

    @Test
    void reportKilledAnywhereRebuildsTheSameReport() throws Exception {
        List<String> explore = List.of("explore", "--space", SPACE.toString(), "--population", "8", "--generations", "3", "--out", "out");
        for (String d : List.of("report-ref", "report-kill0", "report-kill1")) {
            Path dir = Files.createDirectories(tmp.resolve(d));
            assertEquals(0, run(dir, explore, -1).exit());
        }
        killAndRerun("report", List.of("report", "out"), new String[] {"report.html", "pareto.csv"}, 27, 2);
    }

    @Test
    void aSecondExplorationIntoARunningOnesDirectoryIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("concurrent"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.quantarch.cli.Main", "explore", "--space", SPACE.toString(),
                "--population", "32", "--generations", "400", "--threads", "1", "--out", "out"));
        Process first = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(dir.resolve("out").resolve("evaluations.csv")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(first.isAlive(), "the first run is still running");
            CliRunner second = CliRunner.run("explore", "--space", SPACE.toString(), "--population", "32", "--generations", "400",
                    "--out", dir.resolve("out").toString());
            assertEquals(2, second.exitCode(), second.err());
            assertFalse(second.err().strip().contains("\n"), second.err());
            assertTrue(second.err().contains(dir.resolve("out").toString()) && second.err().contains(String.valueOf(first.pid())),
                    "names the directory and the running process: " + second.err());
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
