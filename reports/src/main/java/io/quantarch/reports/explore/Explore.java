package io.quantarch.reports.explore;

import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.search.run.Exploration;
import io.quantarch.search.run.SearchRun;
import io.quantarch.search.space.DesignSpace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** An exploration with its files: the search (module search) streaming to CSV, then the front's files, plots and run.json. */
public final class Explore {

    private Explore() {
    }

    public static Exploration.Result run(DesignSpace space, Path dir, int threads, Path cacheDir, SearchRun.Listener progress,
                                         Consumer<String> log) throws IOException {
        return run(space, dir, threads, cacheDir, progress, log, EvaluationEngine.THREADS);
    }

    public static Exploration.Result run(DesignSpace space, Path dir, int threads, Path cacheDir, SearchRun.Listener progress,
                                         Consumer<String> log, EvaluationEngine engine) throws IOException {
        Exploration.Result r = Exploration.run(space, dir, threads, cacheDir, progress, log, engine, new CsvRunLog(dir, space));
        long t0 = System.nanoTime();
        log.accept("front files: pareto.csv, the front's per-layer, per-component and per-gene breakdowns (" + r.front().size() + " designs)");
        ExploreOutputs.write(dir, r);
        log.accept(String.format(java.util.Locale.ROOT, "front files written in %.1f s", (System.nanoTime() - t0) / 1e9));
        return r;
    }
}
