package io.quantarch.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** report.html: self-contained, rebuilt from the CSVs alone, consistent with them, and loading in a real browser. */
class ReportTest {

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static Path explore(Path tmp, String name, String algorithm) throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, ExploreCommandTest.SPACE);
        Path out = tmp.resolve(name);
        CliRunner r = CliRunner.run("explore", "--space", space.toString(), "--out", out.toString(), "--algorithm", algorithm);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void reportIsSelfContainedAndRebuiltFromTheCsvFilesAlone(@TempDir Path tmp) throws Exception {
        Path run = explore(tmp, "nsga", "nsga2");
        Path baseline = explore(tmp, "random", "random");
        String html = Files.readString(run.resolve("report.html"));
        assertEquals(read(run.resolve("pareto.csv")).size(), count(html, "<tr class=\"front-row"), "one table row per front design");
        assertEquals(1, count(html, "front-row chosen"), "the knee is highlighted");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"plots"), "no network, no side files");
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))), "embedded PNG decodes");
            images++;
        }
        // 3 objectives: 3 projections; convergence; latency and energy per layer; per-gene quality; roofline
        assertEquals(8, images);
        assertTrue(Files.readString(run.resolve("plots/report/roofline.svg")).contains("<svg"));

        // the CSVs are the source of truth: delete every derived file, rebuild, same page
        Files.delete(run.resolve("report.html"));
        try (var s = Files.list(run.resolve("plots/report"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        CliRunner again = CliRunner.run("report", run.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(html, Files.readString(run.resolve("report.html")));

        CliRunner compared = CliRunner.run("report", run.toString(), "--compare", baseline.toString());
        assertEquals(0, compared.exitCode(), compared.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("against 1 compared run"));
    }

    /** Every layer of every front design sits under its roofline: achieved ops/cycle <= min(peak, bandwidth x intensity). */
    @Test
    void frontLayersRespectTheirRoofline(@TempDir Path tmp) throws Exception {
        Path run = explore(tmp, "r", "nsga2");
        int checked = 0;
        for (CSVRecord r : read(run.resolve("front_layers.csv"))) {
            double macs = Double.parseDouble(r.get("macs"));
            double cycles = Double.parseDouble(r.get("cycles"));
            double bytes = Double.parseDouble(r.get("dram_bytes"));
            if (macs == 0) {
                continue;
            }
            double achieved = 2 * macs / cycles;
            assertTrue(achieved <= Double.parseDouble(r.get("peak_ops_per_cycle")) * (1 + 1e-9), r.get("layer") + " above its compute roof");
            assertTrue(achieved <= Double.parseDouble(r.get("dram_bytes_per_cycle")) * 2 * macs / bytes * (1 + 1e-9), r.get("layer") + " above its memory roof");
            checked++;
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void badReportInputExitsTwo(@TempDir Path tmp) throws Exception {
        CliRunner r = CliRunner.run("report", tmp.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("run.json"), r.err());
        Path run = explore(tmp, "r", "nsga2");
        CliRunner p = CliRunner.run("report", run.toString(), "--point", "999999");
        assertEquals(2, p.exitCode());
        assertTrue(p.err().contains("999999") && p.err().contains("pareto.csv"), p.err());
    }

    /** Headless Chromium (Debian's chromium package) opens the page: every image decoded, every front row present. */
    @Test
    void chromiumLoadsEveryImageAndTheWholeFrontTable(@TempDir Path tmp) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (.ci/run installs it)");
        Path run = explore(tmp, "r", "nsga2");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile"), "--dump-dom", run.resolve("report.html").toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        Matcher body = Pattern.compile("<body data-images-loaded=\"(\\d+)\" data-images-total=\"(\\d+)\"").matcher(dom);
        assertTrue(body.find(), "the page's load handler ran: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals(body.group(2), body.group(1), "every image loaded");
        assertEquals(8, Integer.parseInt(body.group(2)));
        assertEquals(read(run.resolve("pareto.csv")).size(), count(dom, "<tr class=\"front-row"));
        Matcher rec = Pattern.compile("<section id=\"recommendation\">(.*?)</section>", Pattern.DOTALL).matcher(dom);
        assertTrue(rec.find(), "a recommendation block");
        assertTrue(rec.group(1).contains("is recommended because it is the knee of the front"), rec.group(1));
        assertTrue(rec.group(1).contains("id=\"front-ends\""), "the recommended design beside the front's ends");
        String text = dom.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<details>.*?</details>", "").replaceAll("<[^>]+>", " ");
        Matcher java = Pattern.compile("\\b[A-Z][A-Za-z]+\\[[a-z][A-Za-z]*=").matcher(text);
        assertFalse(java.find(), "Java record text on the page: " + (java.find(0) ? text.substring(java.start(), Math.min(text.length(), java.start() + 80)) : ""));
    }
}
