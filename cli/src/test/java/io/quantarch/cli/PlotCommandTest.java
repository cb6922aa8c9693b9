package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch plot}: a scatter per series from any CSV; rows without numbers counted; a missing column exits 2. */
class PlotCommandTest {

    @Test
    void scattersTwoColumnsBySeries(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("s.csv");
        Files.writeString(csv, "pe,area,energy\nint-mac,4.7,5.0\nmx-dot,4.8,4.3\nmx-dot,4.8,\nbit-fusion,6.4,6.2\n");
        CliRunner r = CliRunner.run("plot", csv.toString(), "--x", "area", "--y", "energy", "--series", "pe", "--out", tmp.resolve("p/fig").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3 points") && r.out().contains("1 rows without numbers"), r.out());
        BufferedImage img = ImageIO.read(tmp.resolve("p/fig.png").toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 600);
        String svg = Files.readString(tmp.resolve("p/fig.svg"));
        assertTrue(svg.contains("<svg") && svg.length() > 1000);
    }

    @Test
    void missingColumnNamesFileAndColumns(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("s.csv");
        Files.writeString(csv, "pe,area,energy\nint-mac,4.7,5.0\n");
        CliRunner r = CliRunner.run("plot", csv.toString(), "--x", "areaa", "--y", "energy", "--out", tmp.resolve("q").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("s.csv") && r.err().contains("'areaa'") && r.err().contains("pe, area, energy"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("q.png")));
    }
}
