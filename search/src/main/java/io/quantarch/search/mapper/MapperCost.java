package io.quantarch.search.mapper;

/**
 * A mapspace point priced: energy and cycles when it is valid; otherwise how far it is from valid.
 *
 * @param violation 0 for a valid point (see {@code MapSpace.violation})
 */
public record MapperCost(boolean valid, double energyPj, long cycles, double violation) {

    public static MapperCost invalid(double violation) {
        return new MapperCost(false, Double.POSITIVE_INFINITY, Long.MAX_VALUE, violation);
    }

    /** Energy-delay product in J x cycles (Timeloop's EDP). */
    public double edp() {
        return energyPj * 1e-12 * cycles;
    }
}
