package io.quantarch.search.algorithm;

import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;

import java.util.List;

/** What a search algorithm sees of the run it is part of. */
public interface GenerationContext {

    DesignSpace space();

    /**
     * Evaluates the designs (one batch, results in order), records every evaluation in the run's log and archive, and
     * returns each one's minimised objectives (an infeasible design gets a penalty that grows with its violation).
     */
    double[][] evaluate(List<int[]> choices);

    /** The local evaluator: per-layer costs and the tier-1 quality table, for exact solvers. */
    LocalEvaluator local();
}
