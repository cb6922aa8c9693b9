package io.quantarch.bench;

import io.quantarch.config.ConfigException;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.search.mapper.Mapper;
import io.quantarch.search.mapper.MapperObjective;
import io.quantarch.simulator.nest.NestModel;
import io.quantarch.simulator.nest.mapspace.MapSpace;
import io.quantarch.simulator.nest.mapspace.NestConstraints;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The mapper's evaluation rate against the model's own, in the same run: one operation of {@code genetic10k} and
 * {@code randomPruned10k} is a search of 10,000 distinct mappings of the weight-stationary design's 224x224 convolution
 * (unconstrained, one thread), one of {@code modelOnly} is the count and price of one mapping. Mapper evaluations per
 * second = 10,000 x their ops/s; the ratio to {@code modelOnly} is what decoding, repair, caching and the search cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MapperBench {

    final NestBench nest = new NestBench();
    MapSpace space;
    NestPricing.Table prices;

    @Setup
    public void setUp() throws ConfigException {
        nest.setUp();
        space = MapSpace.of(nest.conv, nest.ws, NestConstraints.none(nest.ws.storage().size(), nest.ws.fanouts().size(), nest.conv.dims().size()));
        prices = nest.wsPrices;
    }

    @Benchmark
    public double modelOnly() {
        return NestPricing.price(NestModel.analyze(nest.conv, nest.ws, nest.wsMap), nest.ws, prices).energyPj();
    }

    @Benchmark
    public double genetic10k() {
        return Mapper.map(space, prices, new Mapper.Settings(MapperObjective.EDP, "genetic", 10_000, 1, 1), null).cost().edp();
    }

    @Benchmark
    public double randomPruned10k() {
        var r = Mapper.map(space, prices, new Mapper.Settings(MapperObjective.EDP, "random-pruned", 10_000, 1, 1), null);
        return r.found() ? r.cost().edp() : 0;
    }
}
