package io.quantarch.search.algorithm;

import io.quantarch.config.component.Component;
import io.quantarch.search.space.DesignSpace;

import java.util.List;
import java.util.Random;

/**
 * How a design space is searched, generation by generation: every generation proposes designs, has the run evaluate
 * and record them ({@link GenerationContext#evaluate}), and returns the population to carry into the next. Generation
 * {@code g} draws every random number from the generator it is given, seeded by (seed, g) alone, so a run is the same
 * whatever the thread count and whether or not it was resumed. A new algorithm is one class implementing this
 * interface plus one line in {@link SearchAlgorithms#REGISTRY}.
 */
public interface SearchAlgorithm extends Component {

    /** Null when the algorithm can search {@code space}, else why not. */
    String unsuitable(DesignSpace space);

    /** Generations after the initial one (0 for a one-shot solve). */
    int generations(DesignSpace space);

    /** Evaluations a complete run spends (for progress). */
    long budget(DesignSpace space);

    /** Generation {@code g} given the population generation {@code g - 1} left (empty at {@code g = 0}); returns the next population. */
    List<Member> step(int g, List<Member> population, Random random, GenerationContext ctx);
}
