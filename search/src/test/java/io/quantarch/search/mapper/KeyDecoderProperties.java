package io.quantarch.search.mapper;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestMapping;
import io.quantarch.simulator.nest.io.TimeloopMapping;
import io.quantarch.simulator.nest.io.TimeloopMappingWriter;
import io.quantarch.simulator.nest.mapspace.KeyDecoder;
import io.quantarch.simulator.nest.mapspace.MapPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random keys decode to points of the mapspace (the brute force's set) whenever they are valid, repair makes most of
 * them valid, and every valid point written as a Timeloop mapping reads back to the same loop nest.
 */
class KeyDecoderProperties {

    private static final Map<Boolean, Set<String>> SPACES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Set<String> space(boolean constrained) throws ConfigException {
        Set<String> s = SPACES.get(constrained);
        if (s == null) {
            MapSpaceEnumerationTest.Fixture f = MapSpaceEnumerationTest.fixture(constrained);
            s = MapSpaceEnumerationTest.BruteForce.mappings(f.problem(), f.arch(), f.constraints()).keySet();
            SPACES.put(constrained, s);
        }
        return s;
    }

    @Property(tries = 300)
    void decodedPointsAreInTheMapspaceAndRoundTrip(@ForAll @Size(200) List<@DoubleRange(min = 0, max = 1, maxIncluded = false) Double> raw,
                                                   @ForAll boolean constrained, @ForAll boolean repair) throws ConfigException {
        MapSpaceEnumerationTest.Fixture f = MapSpaceEnumerationTest.fixture(constrained);
        KeyDecoder decoder = new KeyDecoder(f.space());
        assertTrue(decoder.keys() <= raw.size());
        double[] keys = raw.stream().mapToDouble(Double::doubleValue).limit(decoder.keys()).toArray();
        MapPoint p = decoder.decode(keys, repair);
        if (f.space().violation(p) > 0) {
            return;
        }
        NestMapping m = p.toMapping(f.space());
        String canonical = MapSpaceEnumerationTest.BruteForce.canonical(m, f.problem());
        assertTrue(space(constrained).contains(canonical), "a valid decoded point is in the mapspace: " + canonical);
        String yaml = TimeloopMappingWriter.yaml(f.space(), p);
        NestMapping back = TimeloopMapping.parse(YamlNode.parse("mapping.yaml", yaml).get("mapping"), f.problem(), f.arch());
        assertEquals(canonical, MapSpaceEnumerationTest.BruteForce.canonical(back, f.problem()), yaml);
    }

    @Property(tries = 200)
    void repairMakesPointsValid(@ForAll @Size(200) List<@DoubleRange(min = 0, max = 1, maxIncluded = false) Double> raw,
                                @ForAll boolean constrained) throws ConfigException {
        MapSpaceEnumerationTest.Fixture f = MapSpaceEnumerationTest.fixture(constrained);
        KeyDecoder decoder = new KeyDecoder(f.space());
        double[] keys = raw.stream().mapToDouble(Double::doubleValue).limit(decoder.keys()).toArray();
        assertEquals(0, f.space().violation(decoder.decode(keys, true)), 0, "this space has no bound repair cannot meet");
    }
}
