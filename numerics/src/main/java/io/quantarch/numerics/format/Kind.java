package io.quantarch.numerics.format;

import java.util.Locale;

/** The family a number format belongs to, as listed by {@code quantarch formats list}. */
public enum Kind {
    MINIFLOAT, SCALED_FLOAT, INT, MX, NVFP4, TERNARY, BINARY, POW2, COMPLEX;

    /** Lower-case name used in CSV output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
