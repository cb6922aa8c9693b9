package io.quantarch.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code-shape limits of issue 17 as a test: files, methods, and default branches over closed types (see {@link CodeShape}). */
class CodeShapeTest {

    static final List<Path> SOURCES = CodeShape.mainSources(Path.of("..").toAbsolutePath().normalize());

    @Test
    void noMainFileOverFourHundredLinesAndNoMethodOverSixty() {
        assertFalse(SOURCES.isEmpty());
        CodeShape.Unit file = CodeShape.files(SOURCES).get(0);
        CodeShape.Unit method = CodeShape.methods(SOURCES).get(0);
        assertTrue(file.lines() <= CodeShape.MAX_FILE_LINES, file.toString());
        assertTrue(method.lines() <= CodeShape.MAX_METHOD_LINES, method.toString());
    }

    @Test
    void everyDefaultBranchSaysWhyItsSelectorIsOpen() {
        assertEquals(List.of(), CodeShape.unexplainedDefaults(SOURCES));
    }
}
