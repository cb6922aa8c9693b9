package io.quantarch.config.component;

/** Anything registered by name that can describe itself: a PE kind, a format family, a cost table, a metric, ... */
public interface Component {

    /** Its name, kind, one-line description and configuration keys. */
    Declaration declaration();

    default String name() {
        return declaration().name();
    }
}
