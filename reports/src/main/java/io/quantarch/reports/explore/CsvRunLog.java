package io.quantarch.reports.explore;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.metric.Metric;
import io.quantarch.search.run.GenerationSummary;
import io.quantarch.search.run.RunLog;
import io.quantarch.search.space.DesignSpace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run log as files: {@code evaluations.csv} (one row per evaluation, streamed) and {@code generations.csv} (one row
 * per generation: evaluations so far, feasible ones, front size, hypervolume). Positions are the two files' sizes
 * after a flush; a resume cuts them back to a checkpoint's positions before appending.
 */
public final class CsvRunLog implements RunLog {

    public static final String EVALUATIONS = "evaluations.csv";
    public static final String GENERATIONS = "generations.csv";
    static final List<String> GENERATION_HEADER = List.of("generation", "evaluations", "feasible_evaluations", "front_size", "hypervolume");

    private final Path dir;
    private final DesignSpace space;
    private final List<String> header;
    private CsvTable evaluations;
    private CsvTable generations;

    public CsvRunLog(Path dir, DesignSpace space) {
        this.dir = dir;
        this.space = space;
        this.header = new ArrayList<>(Columns.designHeader(space));
        header.add("feasible");
        header.add("infeasible_reason");
    }

    @Override
    public void open(long[] resumeAt) throws IOException {
        Files.createDirectories(dir);
        boolean resume = resumeAt != null && resumeAt.length == 2;
        evaluations = CsvTable.append(dir.resolve(EVALUATIONS), header, resume ? resumeAt[0] : -1);
        generations = CsvTable.append(dir.resolve(GENERATIONS), GENERATION_HEADER, resume ? resumeAt[1] : -1);
    }

    @Override
    public void evaluation(long index, int generation, Evaluation e) throws IOException {
        List<String> row = new ArrayList<>(header.size());
        row.add(Long.toString(index));
        row.add(Integer.toString(generation));
        row.addAll(Columns.labels(space, e.choice()));
        for (Metric m : space.metricColumns()) {
            row.add(CsvTable.exact(e.metric(m)));
        }
        row.add(Boolean.toString(e.feasible()));
        row.add(e.feasible() ? "" : e.infeasible());
        evaluations.text(row);
    }

    @Override
    public void generation(GenerationSummary s) throws IOException {
        generations.text(List.of(Integer.toString(s.generation()), Long.toString(s.evaluations()), Long.toString(s.feasibleEvaluations()),
                Integer.toString(s.frontSize()), CsvTable.exact(s.hypervolume())));
    }

    @Override
    public long[] flush() throws IOException {
        evaluations.flush();
        generations.flush();
        return new long[] {Files.size(dir.resolve(EVALUATIONS)), Files.size(dir.resolve(GENERATIONS))};
    }

    @Override
    public void close() throws IOException {
        if (evaluations != null) {
            evaluations.close();
        }
        if (generations != null) {
            generations.close();
        }
    }
}
