package io.quantarch.search.eval;

import io.quantarch.search.space.DesignSpace;

/**
 * Where a search's generations are evaluated. The default is the local evaluator's threads; a distributed engine (the
 * {@code spark} module) returns an evaluator that ships each batch to a cluster. Either way the search takes results
 * in the order it gave the designs, so the engine never changes a run's result.
 */
@FunctionalInterface
public interface EvaluationEngine {

    /** This machine's threads: the local evaluator itself. */
    EvaluationEngine THREADS = (space, local) -> local;

    /**
     * The evaluator for a run's batches. {@code local} has its tier-1 quality table prepared; the engine may ship that
     * table rather than measure it again. The returned evaluator is closed by the caller unless it is {@code local}.
     */
    Evaluator open(DesignSpace space, LocalEvaluator local);
}
