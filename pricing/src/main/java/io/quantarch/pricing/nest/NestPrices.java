package io.quantarch.pricing.nest;

import io.quantarch.simulator.nest.NestArchitecture;

/**
 * What a loop-nest evaluation pays per action: energy of one vector access of a storage level (read, write, update),
 * its leakage per cycle and area per instance, and a compute's energy and the arithmetic area. An Accelergy ERT/ART
 * ({@code ErtPrices}) or quantarch's own cost models ({@code ModelPrices}).
 */
public interface NestPrices {

    double readPj(NestArchitecture.Storage s);

    double writePj(NestArchitecture.Storage s);

    double updatePj(NestArchitecture.Storage s);

    double leakPerCyclePj(NestArchitecture.Storage s);

    double areaUm2(NestArchitecture.Storage s);

    double computePj(NestArchitecture.Arithmetic a);

    double areaUm2(NestArchitecture.Arithmetic a);

    /** Where the prices come from, for reports. */
    String source();
}
