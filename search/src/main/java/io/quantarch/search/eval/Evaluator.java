package io.quantarch.search.eval;

import java.util.List;

/**
 * Scores designs. The search hands it one batch per generation and takes the results in the order it gave the
 * designs, so how the evaluator spreads the work (threads here; a cluster later) never changes a run's result.
 */
public interface Evaluator extends AutoCloseable {

    /** Evaluates every choice vector; the i-th result belongs to the i-th choice. */
    List<Evaluation> evaluate(List<int[]> choices);

    /** Runs {@code tasks} (independent, pure) on the evaluator's workers; results in task order. */
    <T> List<T> map(List<java.util.concurrent.Callable<T>> tasks);

    @Override
    void close();
}
