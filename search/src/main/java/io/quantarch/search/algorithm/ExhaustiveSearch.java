package io.quantarch.search.algorithm;

import io.quantarch.config.component.Declaration;
import io.quantarch.search.space.DesignSpace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Every design in mixed-radix order, {@value #CHUNK} per generation: the true front of a small space. */
public record ExhaustiveSearch() implements SearchAlgorithm {

    /** Designs evaluated per generation (each a checkpoint). */
    public static final int CHUNK = 4096;

    /** Largest space enumerated. */
    static final int MAX_BITS = 40;

    @Override
    public Declaration declaration() {
        return new Declaration("search", "exhaustive", "every design of a small space (at most 2^" + MAX_BITS + "), " + CHUNK
                + " per generation", List.of());
    }

    @Override
    public String unsuitable(DesignSpace space) {
        return space.size().bitLength() > MAX_BITS ? "the space has " + space.size() + " designs, more than 2^" + MAX_BITS : null;
    }

    @Override
    public int generations(DesignSpace space) {
        BigInteger n = space.size();
        return n.add(BigInteger.valueOf(CHUNK - 1)).divide(BigInteger.valueOf(CHUNK)).intValueExact() - 1;
    }

    @Override
    public long budget(DesignSpace space) {
        return space.size().longValueExact();
    }

    @Override
    public List<Member> step(int g, List<Member> population, Random random, GenerationContext ctx) {
        long n = ctx.space().size().longValueExact();
        long from = (long) g * CHUNK;
        long to = Math.min(n, from + CHUNK);
        int[] radices = ctx.space().radices();
        List<int[]> choices = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            choices.add(mixedRadix(i, radices));
        }
        ctx.evaluate(choices);
        return List.of();
    }

    /** The i-th design in mixed-radix order (last gene fastest). */
    public static int[] mixedRadix(long index, int[] radices) {
        int[] c = new int[radices.length];
        long x = index;
        for (int i = radices.length - 1; i >= 0; i--) {
            c[i] = (int) (x % radices[i]);
            x /= radices[i];
        }
        return c;
    }
}
