package io.quantarch.numerics.arith;

import io.quantarch.numerics.format.ComplexUnitCodec;
import io.quantarch.numerics.format.E8M0;
import io.quantarch.numerics.format.IntCodec;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxIntElement;
import io.quantarch.numerics.format.Pow2Codec;
import io.quantarch.numerics.format.ScalarCodec;
import io.quantarch.numerics.format.SignLevels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A dot product of two code vectors in any pair of element formats: the exact result and the result
 * under each accumulation model, accumulating in index order as a MAC pipeline does.
 */
public final class DotProduct {

    private DotProduct() {
    }

    /** The result of one dot product under several accumulation models. */
    public record Result(BigDecimal exact, List<AccumulationResult> results) {
        public Result {
            results = List.copyOf(results);
        }

        public AccumulationResult under(AccumulationModel model) {
            return results.stream().filter(r -> r.model().equals(model)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("model not evaluated: " + model.label()));
        }
    }

    /**
     * Evaluates {@code sum_i a[i] * b[i]} with the values the codes decode to. Integer accumulation
     * ({@link AccumulationModel.Int32}) uses the integer levels of the codes (for MXINT8 the
     * two's complement code, i.e. value x 64), and is only offered when both codecs have integer levels.
     */
    public static Result evaluate(ScalarCodec a, int[] aCodes, ScalarCodec b, int[] bCodes, List<AccumulationModel> models) {
        if (aCodes.length != bCodes.length) {
            throw new IllegalArgumentException("vector lengths differ: " + aCodes.length + " vs " + bCodes.length);
        }
        List<Accumulator> accs = new ArrayList<>();
        for (AccumulationModel m : models) {
            if (m instanceof AccumulationModel.Int32 && !(hasIntegerLevels(a) && hasIntegerLevels(b))) {
                throw new IllegalArgumentException("INT32 accumulation needs integer codes; got " + a.name() + " x " + b.name());
            }
            accs.add(new Accumulator(m));
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < aCodes.length; i++) {
            double va = a.decode(aCodes[i]);
            double vb = b.decode(bCodes[i]);
            double p = va * vb;                        // exact: <= 24 x 24 significant bits
            exact = exact.add(new BigDecimal(p));
            double ip = Double.NaN;
            for (int k = 0; k < accs.size(); k++) {
                if (models.get(k) instanceof AccumulationModel.Int32) {
                    if (Double.isNaN(ip)) {
                        ip = (double) integerLevel(a, aCodes[i]) * integerLevel(b, bCodes[i]);
                    }
                    accs.get(k).add(ip);
                } else {
                    accs.get(k).add(p);
                }
            }
        }
        List<AccumulationResult> out = new ArrayList<>();
        for (Accumulator acc : accs) {
            out.add(acc.result());
        }
        return new Result(exact, out);
    }

    static boolean hasIntegerLevels(ScalarCodec c) {
        return c instanceof IntCodec || c instanceof SignLevels || c instanceof MxIntElement;
    }

    /** Integer level of a code in a codec with integer levels. */
    public static int integerLevel(ScalarCodec c, int code) {
        return switch (c) {
            case IntCodec ic -> code;
            case SignLevels s -> code;
            case MxIntElement m -> m.level(code);
            case MiniFloat m -> throw noLevels(c);
            case E8M0 e -> throw noLevels(c);
            case Pow2Codec p -> throw noLevels(c);
            case ComplexUnitCodec u -> throw noLevels(c);
        };
    }

    private static IllegalArgumentException noLevels(ScalarCodec c) {
        return new IllegalArgumentException(c.name() + " has no integer levels");
    }
}
