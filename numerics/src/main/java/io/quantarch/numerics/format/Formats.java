package io.quantarch.numerics.format;

import io.quantarch.config.Names;
import io.quantarch.config.component.Registry;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The registry of number formats by name (the names of ARCHITECTURE.md's command-line contract). Every variant of the
 * sealed {@link NumberFormat} declares its {@link FormatFamily} in a public static {@code FAMILY} field; the families
 * are read from the sealed interface's {@code permits} clause, which is therefore the one registration a new family
 * makes. A name is parsed by the first family that recognises it.
 */
public final class Formats {

    /** Every family, in the order of {@code NumberFormat}'s {@code permits} clause. */
    public static final List<FormatFamily> FAMILIES = families();

    /** The families as a component registry ({@code quantarch components}). */
    public static final Registry<FormatFamily> REGISTRY = new Registry<>("format",
            "number formats by family: element code book, scale sharing, name grammar", FAMILIES);

    /** Name patterns, for help and error messages. */
    public static final List<String> PATTERNS = FAMILIES.stream().map(f -> f.grammar() + " (" + f.label() + ")").toList();

    private static final Set<String> LISTED_NAMES = listedNames();

    private Formats() {
    }

    private static List<FormatFamily> families() {
        List<FormatFamily> out = new ArrayList<>();
        for (Class<?> c : NumberFormat.class.getPermittedSubclasses()) {
            try {
                Field f = c.getField("FAMILY");
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != FormatFamily.class) {
                    throw new IllegalStateException(c.getSimpleName() + ".FAMILY must be a public static FormatFamily");
                }
                out.add((FormatFamily) f.get(null));
            } catch (NoSuchFieldException | IllegalAccessException e) {
                throw new IllegalStateException(c.getSimpleName() + " is a NumberFormat without a public static FormatFamily FAMILY", e);
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> listedNames() {
        Set<String> s = new LinkedHashSet<>();
        FAMILIES.forEach(f -> s.addAll(f.listed()));
        return s;
    }

    /** The listed formats: each family's named formats and common members, family by family. */
    public static List<NumberFormat> listed() {
        return LISTED_NAMES.stream().map(Formats::byName).toList();
    }

    /** The format with this name. */
    public static NumberFormat byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        NumberFormat f = parse(n);
        if (f == null) {
            String near = Names.plausible(LISTED_NAMES, n).map(k -> " (did you mean '" + k + "'?)").orElse("");
            throw new UnknownFormatException(name, "unknown format '" + name + "'" + near
                    + "; valid names: " + String.join(", ", LISTED_NAMES) + "; patterns: " + String.join("; ", PATTERNS));
        }
        return f;
    }

    /** True when {@code name} parses as a format. */
    public static boolean isKnown(String name) {
        return parse(name.trim().toLowerCase(Locale.ROOT)) != null;
    }

    private static NumberFormat parse(String n) {
        try {
            for (FormatFamily family : FAMILIES) {
                NumberFormat f = family.parse(n);
                if (f != null) {
                    return f;
                }
            }
            return null;
        } catch (IllegalArgumentException badParameters) {
            throw new UnknownFormatException(n, "format '" + n + "' is not valid: " + badParameters.getMessage());
        }
    }

    /** The MX concrete format {@code name} with blocks of {@code blockSize} (see {@link MxFormat#of}). */
    public static MxFormat mx(String name, int blockSize) {
        return MxFormat.of(name, blockSize);
    }
}
