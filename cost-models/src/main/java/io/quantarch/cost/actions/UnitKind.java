package io.quantarch.cost.actions;

/** The kinds of hardware unit whose area a cost model sums. */
public enum UnitKind {
    MULTIPLIER, ADDER, SHIFTER, COMPARATOR, REGISTER, SRAM
}
