package io.quantarch.search.mapper;

import io.quantarch.simulator.nest.mapspace.MapPoint;

import java.util.List;

/**
 * What a mapper search found: the best valid point (null if none) and its cost, how many distinct points it priced and
 * how many of those were valid, whether it covered the whole mapspace, and the best objective over the evaluations.
 *
 * @param sizeBound an upper bound on the mapspace's points (factorizations x orders x splits x bypass choices)
 */
public record MapperResult(String algorithm, MapPoint best, MapperCost cost, long evaluations, long valid, boolean complete,
                           double sizeBound, long factorizations, List<MapperRun.TracePoint> trace) {

    public MapperResult {
        trace = List.copyOf(trace);
    }

    public boolean found() {
        return best != null;
    }
}
