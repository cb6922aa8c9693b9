package io.quantarch.numerics.format;

/** Thrown when a value has no code in a format, e.g. overflow in non-saturating mode on a format without Inf or NaN. */
public final class NotRepresentableException extends ArithmeticException {
    public NotRepresentableException(String message) {
        super(message);
    }
}
