package io.quantarch.search.mapper;

import io.quantarch.config.ConfigException;
import io.quantarch.pricing.nest.ModelPrices;
import io.quantarch.pricing.nest.NestPricing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same seed finds the same mapping after the same evaluations at any thread count; another seed explores differently. */
class MapperDeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "random-pruned"})
    void sameSeedSameResultAtAnyThreadCount(String algorithm) throws ConfigException {
        MapSpaceEnumerationTest.Fixture f = MapSpaceEnumerationTest.fixture(false);
        NestPricing.Table prices = NestPricing.table(f.arch(), new ModelPrices("horowitz45"));
        MapperResult one = Mapper.map(f.space(), prices, new Mapper.Settings(MapperObjective.EDP, algorithm, 3_000, 11, 1), null);
        MapperResult four = Mapper.map(f.space(), prices, new Mapper.Settings(MapperObjective.EDP, algorithm, 3_000, 11, 4), null);
        assertTrue(one.found());
        assertEquals(one.best(), four.best());
        assertEquals(one.evaluations(), four.evaluations());
        assertEquals(one.trace(), four.trace());
        MapperResult other = Mapper.map(f.space(), prices, new Mapper.Settings(MapperObjective.EDP, algorithm, 3_000, 12, 1), null);
        assertNotEquals(one.trace(), other.trace(), "a different seed takes a different path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"delay,energy", "energy", "delay"})
    void lexicographicObjectivesPickTheLeastLeadingMetricThenTheNext(String objective) throws ConfigException {
        MapSpaceEnumerationTest.Fixture f = MapSpaceEnumerationTest.fixture(false);
        NestPricing.Table prices = NestPricing.table(f.arch(), new ModelPrices("horowitz45"));
        MapperObjective goal = MapperObjective.parse(objective);
        MapperResult r = Mapper.map(f.space(), prices, new Mapper.Settings(goal, "exhaustive", 10_000_000, 1, 2), null);
        long leastCycles = Long.MAX_VALUE;
        double leastEnergy = Double.POSITIVE_INFINITY;
        double leastEnergyAtLeastCycles = Double.POSITIVE_INFINITY;
        for (var m : MapSpaceEnumerationTest.BruteForce.mappings(f.problem(), f.arch(), f.constraints()).values()) {
            var res = NestPricing.price(io.quantarch.simulator.nest.NestModel.analyze(f.problem(), f.arch(), m), f.arch(), prices);
            leastEnergy = Math.min(leastEnergy, res.energyPj());
            if (res.cycles() < leastCycles) {
                leastCycles = res.cycles();
                leastEnergyAtLeastCycles = res.energyPj();
            } else if (res.cycles() == leastCycles) {
                leastEnergyAtLeastCycles = Math.min(leastEnergyAtLeastCycles, res.energyPj());
            }
        }
        switch (objective) {
            case "energy" -> assertEquals(leastEnergy, r.cost().energyPj(), 0);
            case "delay" -> assertEquals(leastCycles, r.cost().cycles());
            default -> {                                                     // open: the lexicographic pair
                assertEquals(leastCycles, r.cost().cycles());
                assertEquals(leastEnergyAtLeastCycles, r.cost().energyPj(), 0);
            }
        }
    }
}
