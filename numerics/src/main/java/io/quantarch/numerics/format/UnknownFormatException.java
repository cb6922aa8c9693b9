package io.quantarch.numerics.format;

/** A format name that the registry does not know; the message lists the valid names and the closest one. */
public final class UnknownFormatException extends IllegalArgumentException {

    private final String requested;

    public UnknownFormatException(String requested, String message) {
        super(message);
        this.requested = requested;
    }

    public String requested() {
        return requested;
    }
}
