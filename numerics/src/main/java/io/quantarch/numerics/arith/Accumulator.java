package io.quantarch.numerics.arith;

import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.ScalarCodec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Runs one {@link AccumulationModel} over a stream of products. Mutable; one per dot product.
 * Products are given as exact doubles (a product of two float32-representable element values with at
 * most 24 significant bits each is exact in double).
 */
public final class Accumulator {

    private final AccumulationModel model;
    private BigDecimal exactSum = BigDecimal.ZERO;     // Exact
    private double fp;                                 // Fp32 and MiniFloatAcc register
    private long intAcc;                               // Int32 and narrow FixedPoint register
    private BigInteger wideAcc = BigInteger.ZERO;      // wide FixedPoint register
    private boolean overflow;
    private boolean inexact;

    public Accumulator(AccumulationModel model) {
        this.model = model;
    }

    /** Adds one exact product. For {@link AccumulationModel.Int32} the product must be an integer. */
    public void add(double product) {
        switch (model) {
            case AccumulationModel.Exact e -> exactSum = exactSum.add(new BigDecimal(product));
            case AccumulationModel.Fp32 f -> {
                double s = fp + product;
                double err = Float32.twoSumError(fp, product, s);
                float r = Float32.roundToFloat(s, err);
                if ((double) r != s || err != 0) {
                    inexact = true;
                }
                if (Float.isInfinite(r) && !Double.isInfinite(product)) {
                    overflow = true;
                }
                fp = r;
            }
            case AccumulationModel.Int32 i -> {
                if (product != Math.rint(product) || Math.abs(product) > 0x1p62) {
                    throw new IllegalArgumentException("INT32 accumulation needs integer products, got " + product);
                }
                long s = intAcc + (long) product;
                if (s != (int) s) {
                    overflow = true;
                }
                intAcc = (int) s;                      // two's complement wrap, as the register does
            }
            case AccumulationModel.FixedPoint fx -> addFixed(fx, product);
            case AccumulationModel.MiniFloatAcc m -> {
                MiniFloat f = m.format();
                double s = fp + product;
                double err = Float32.twoSumError(fp, product, s);
                int code = f.encodeExact(s, err);
                if (code == ScalarCodec.NO_CODE) {
                    overflow = true;
                    fp = Double.NaN;
                    return;
                }
                double r = f.decode(code);
                if (r != s || err != 0) {
                    inexact = true;
                }
                if (Double.isInfinite(r) || Double.isNaN(r) || Math.abs(s) > f.maxFinite()) {
                    overflow = true;
                }
                fp = r;
            }
        }
    }

    private void addFixed(AccumulationModel.FixedPoint fx, double product) {
        double scaled = Math.scalb(product, fx.fracBits());
        double truncated = scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);   // alignment drops low bits
        if (truncated != scaled) {
            inexact = true;
        }
        BigInteger p = new BigDecimal(truncated).toBigIntegerExact();
        BigInteger s = wideAcc.add(p);
        int width = fx.intBits() + fx.fracBits();
        BigInteger wrapped = wrap(s, width);
        if (!wrapped.equals(s)) {
            overflow = true;
        }
        wideAcc = wrapped;
    }

    private static BigInteger wrap(BigInteger v, int width) {
        BigInteger mod = BigInteger.ONE.shiftLeft(width);
        BigInteger r = v.mod(mod);
        if (r.testBit(width - 1)) {
            r = r.subtract(mod);
        }
        return r;
    }

    public AccumulationResult result() {
        return switch (model) {
            case AccumulationModel.Exact e -> new AccumulationResult(model, exactSum.doubleValue(), exactSum, false, false);
            case AccumulationModel.Fp32 f -> new AccumulationResult(model, fp, exactOf(fp), overflow, inexact);
            case AccumulationModel.Int32 i -> new AccumulationResult(model, intAcc, BigDecimal.valueOf(intAcc), overflow, false);
            case AccumulationModel.FixedPoint fx -> {
                BigDecimal v = new BigDecimal(wideAcc).divide(new BigDecimal(BigInteger.ONE.shiftLeft(fx.fracBits())));
                yield new AccumulationResult(model, v.doubleValue(), v, overflow, inexact);
            }
            case AccumulationModel.MiniFloatAcc m -> new AccumulationResult(model, fp, exactOf(fp), overflow, inexact);
        };
    }

    private static BigDecimal exactOf(double d) {
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
}
