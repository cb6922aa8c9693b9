package io.quantarch.search.run;

import io.quantarch.search.eval.Evaluation;

import java.io.IOException;

/**
 * Where a search streams its record of work: every evaluation as it is made, one summary per generation. The search
 * decides what is recorded; the log decides how it is written (the reports module writes {@code evaluations.csv} and
 * {@code generations.csv}). {@link #flush} returns positions a checkpoint keeps, so a resumed run cuts back whatever
 * a killed run wrote after its last completed generation and no row is lost or written twice.
 */
public interface RunLog extends AutoCloseable {

    /** Starts a fresh log ({@code resumeAt} null), or continues one cut back to the positions a checkpoint recorded. */
    void open(long[] resumeAt) throws IOException;

    /** Evaluation number {@code index} (0-based over the run) of generation {@code generation}. */
    void evaluation(long index, int generation, Evaluation e) throws IOException;

    void generation(GenerationSummary s) throws IOException;

    /** Writes everything so far and returns the positions to resume from. */
    long[] flush() throws IOException;

    @Override
    void close() throws IOException;

    /** A log that keeps nothing (benchmarks, in-memory runs). */
    RunLog NONE = new RunLog() {
        @Override
        public void open(long[] resumeAt) {
        }

        @Override
        public void evaluation(long index, int generation, Evaluation e) {
        }

        @Override
        public void generation(GenerationSummary s) {
        }

        @Override
        public long[] flush() {
            return new long[0];
        }

        @Override
        public void close() {
        }
    };
}
