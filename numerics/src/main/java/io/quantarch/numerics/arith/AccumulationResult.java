package io.quantarch.numerics.arith;

import java.math.BigDecimal;

/**
 * The outcome of accumulating products under one model.
 *
 * @param model    the accumulation model
 * @param value    the final accumulator value (exact for {@link AccumulationModel.Exact} only if it fits a double)
 * @param exact    the exact final value of the accumulator register (what the hardware holds)
 * @param overflow true when a partial sum left the accumulator's range (wrapped, saturated or became non-finite)
 * @param inexact  true when any addition rounded or truncated
 */
public record AccumulationResult(AccumulationModel model, double value, BigDecimal exact, boolean overflow, boolean inexact) {
}
