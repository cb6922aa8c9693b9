package io.quantarch.simulator.pe;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.config.component.Values;

import java.util.List;
import java.util.function.Function;

/**
 * A PE kind as architecture files name it ({@code pe: {type: NAME, ...}}): its declaration (keys, ranges, defaults,
 * descriptions) and the factory that builds the PE from the values read. The record's own compact constructor checks
 * combinations; its {@link IllegalArgumentException} becomes a configuration error at the {@code pe} node.
 */
public record PeKind(Declaration declaration, Function<Values, PeSpec> factory) implements Component {

    public static PeKind of(String name, String description, List<Param<?>> params, Function<Values, PeSpec> factory) {
        return new PeKind(new Declaration("pe", name, description, params), factory);
    }

    /** Reads a {@code pe:} mapping of this kind ({@code type} plus the declared keys). */
    public PeSpec read(YamlNode pe) throws ConfigException {
        Values v = declaration.read(pe, "type");
        try {
            return factory.apply(v);
        } catch (IllegalArgumentException e) {
            throw pe.errorAt("a valid " + name() + " PE", e.getMessage());
        }
    }

    /** The PE with every key at its default. */
    public PeSpec defaults() {
        return factory.apply(declaration.defaults());
    }
}
