package io.quantarch.numerics.format;

import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A family of number formats as {@code quantarch formats list} and {@code components show format NAME} present it: its
 * label (the {@code kind} column), the grammar of its names, the parts of a name as parameters, the names it lists,
 * and the parser that turns a name into a format. Each {@link NumberFormat} variant declares one in a public static
 * {@code FAMILY} field; the sealed interface's {@code permits} clause is the registration (see {@link Formats}).
 *
 * @param parser a lower-case name to its format, null when the name is not of this family; an
 *               {@link IllegalArgumentException} when it is, with parameters out of range
 */
public record FormatFamily(String label, String description, String grammar, List<Param<?>> nameParts, List<String> listed,
                           Function<String, NumberFormat> parser) implements Component {

    public FormatFamily {
        Objects.requireNonNull(label);
        nameParts = List.copyOf(nameParts);
        listed = List.copyOf(listed);
    }

    @Override
    public Declaration declaration() {
        return new Declaration("format", label, description + "; names: " + grammar, nameParts);
    }

    /** The format called {@code lowerCaseName}, or null when the name is not of this family. */
    public NumberFormat parse(String lowerCaseName) {
        return parser.apply(lowerCaseName);
    }
}
