package io.quantarch.search.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The state of a run after a completed generation, written atomically (temporary file, then rename) to
 * {@code DIR/checkpoint/state.json}. It records how many bytes of evaluations.csv and generations.csv belong to
 * completed generations: a resumed run truncates anything a killed run wrote after them, so no evaluation is lost
 * or written twice.
 *
 * @param generation last completed generation (exhaustive: chunk), -1 before the first
 * @param population keys of the current population's genes (NSGA-II), each with its minimised objectives
 * @param archive    the non-dominated feasible evaluations so far
 * @param ideal      per-objective normalisation (fixed at the first feasible generation), empty before
 */
public record Checkpoint(int format, String spaceSha256, String algorithm, long seed, int generation, long evaluations,
                         long feasibleEvaluations, long evaluationsCsvBytes, long generationsCsvBytes, double[] ideal, double[] nadir,
                         List<Member> population, List<Entry> archive, boolean searchDone) {

    public static final int FORMAT = 1;

    /** A population member: random keys and minimised objectives. */
    public record Member(double[] keys, double[] objectives) { }

    /** An archived evaluation: its index in evaluations.csv, generation, choice, metrics (as text: NaN-safe), objectives. */
    public record Entry(long evaluation, int generation, int[] choice, List<String> metrics) { }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path file(Path dir) {
        return dir.resolve("checkpoint").resolve("state.json");
    }

    public void write(Path dir) throws IOException {
        Path f = file(dir);
        Files.createDirectories(f.getParent());
        Exploration.atomicWrite(f, JSON.writeValueAsString(this));
    }

    public static Checkpoint read(Path dir) throws IOException {
        Path f = file(dir);
        return Files.exists(f) ? JSON.readValue(f.toFile(), Checkpoint.class) : null;
    }
}
