package io.quantarch.search.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quantarch.config.io.AtomicOutput;
import io.quantarch.search.algorithm.Member;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The state of a run after a completed generation, written atomically (temporary file, then rename) to
 * {@code DIR/checkpoint/state.json}. It records the run log's positions after that generation: a resumed run cuts back
 * anything a killed run wrote after them, so no evaluation is lost or written twice.
 *
 * @param runKey     identifies the space and search settings, so a resume never mixes two runs
 * @param generation last completed generation (exhaustive: chunk), -1 before the first
 * @param logPositions the run log's positions after that generation
 * @param ideal      per-objective normalisation (fixed at the first feasible generation), empty before
 * @param population the population the algorithm carries (NSGA-II), with minimised objectives
 * @param archive    the non-dominated feasible evaluations so far
 */
public record Checkpoint(int format, String runKey, String algorithm, long seed, int generation, long evaluations, long feasibleEvaluations,
                         long[] logPositions, double[] ideal, double[] nadir, List<Member> population, List<Entry> archive, boolean searchDone) {

    public static final int FORMAT = 2;

    /** An archived evaluation: its index in the run log, generation, choice, and metrics in registry order (as text: NaN-safe). */
    public record Entry(long evaluation, int generation, int[] choice, List<String> metrics) { }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path file(Path dir) {
        return dir.resolve("checkpoint").resolve("state.json");
    }

    public void write(Path dir) throws IOException {
        Path f = file(dir);
        Files.createDirectories(f.getParent());
        AtomicOutput.writeString(f, JSON.writeValueAsString(this));
    }

    /** The checkpoint in {@code dir}, or null when there is none. */
    public static Checkpoint read(Path dir) throws IOException {
        Path f = file(dir);
        return Files.exists(f) ? JSON.readValue(f.toFile(), Checkpoint.class) : null;
    }
}
