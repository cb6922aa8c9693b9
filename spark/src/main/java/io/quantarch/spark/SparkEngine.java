package io.quantarch.spark;

import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Spark context for explorations: {@code local[*]} by default, or a standalone ({@code spark://HOST:PORT}), YARN or
 * Kubernetes master. Connecting checks the master first (a standalone master must accept a TCP connection, and at
 * least one executor must register within the timeout), so a bad URL or an unreachable cluster fails in bounded
 * time with a message naming the URL, before any result is written.
 */
public final class SparkEngine implements EvaluationEngine, AutoCloseable {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");

    /** Why Spark cannot be used: the message names the master URL. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JavaSparkContext sc;
    private final String master;
    private final Path baseDir;
    private final long taskDelayMillis;
    private SparkEvaluator last;

    private SparkEngine(JavaSparkContext sc, String master, Path baseDir, long taskDelayMillis) {
        this.sc = sc;
        this.master = master;
        this.baseDir = baseDir;
        this.taskDelayMillis = taskDelayMillis;
    }

    /**
     * Connects to {@code master}.
     *
     * @param jars    application jars the executors need (the quantarch spark application jar on a cluster; none in local mode)
     * @param baseDir the directory the space file's relative paths resolve against (shared storage on a cluster)
     * @param timeout how long to wait for the master and for the first executor
     */
    public static SparkEngine connect(String master, List<String> jars, Path baseDir, Duration timeout) throws Unavailable {
        String m = master == null || master.isBlank() ? "local[*]" : master.trim();
        List<InetSocketAddress> standalone = probe(m, timeout);
        SparkConf conf = new SparkConf().setMaster(m).setAppName("quantarch explore")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.task.maxFailures", "8");
        if (!jars.isEmpty()) {
            conf.setJars(jars.toArray(String[]::new));
        }
        boolean local = m.startsWith("local");
        if (local || !standalone.isEmpty() && standalone.stream().allMatch(a -> a.getAddress() != null && a.getAddress().isLoopbackAddress())) {
            // nothing outside this machine needs the driver's RPC or block-manager ports: listen on loopback only
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        String secret = System.getenv("QUANTARCH_SPARK_SECRET");
        if (secret != null && !secret.isBlank()) {
            // Spark's shared-secret authentication (spark.authenticate); executors must be started with the same secret
            conf.set("spark.authenticate", "true").set("spark.authenticate.secret", secret.strip());
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot start Spark with master " + m + ": " + rootMessage(e), e);
        }
        if (!standalone.isEmpty()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (sc.sc().getExecutorMemoryStatus().size() < 2) {           // the driver counts as one
                if (System.nanoTime() > deadline || sc.sc().isStopped()) {
                    sc.stop();
                    throw new Unavailable("no executor registered with Spark master " + m + " within " + timeout.toSeconds() + " s", null);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sc.stop();
                    throw new Unavailable("interrupted while waiting for executors of " + m, e);
                }
            }
        }
        return new SparkEngine(sc, m, baseDir, Long.getLong("quantarch.spark.taskDelayMs", 0));
    }

    /**
     * Checks a master URL without starting Spark: its form, and for a standalone master that it accepts a TCP
     * connection within the timeout (at most 10 s). Returns the standalone masters (empty for local, yarn, k8s).
     */
    public static List<InetSocketAddress> probe(String master, Duration timeout) throws Unavailable {
        String m = master == null || master.isBlank() ? "local[*]" : master.trim();
        List<InetSocketAddress> standalone = standaloneMasters(m);
        for (InetSocketAddress a : standalone) {
            try (Socket s = new Socket()) {
                s.connect(a, (int) Math.min(timeout.toMillis(), 10_000));
            } catch (IOException e) {
                throw new Unavailable("cannot reach Spark master " + m + " (" + a.getHostString() + ":" + a.getPort() + ": " + e.getMessage() + ")", e);
            }
        }
        return standalone;
    }

    /** The standalone masters of a {@code spark://h1:p1,h2:p2} URL; empty for local, yarn and k8s; an error for anything else. */
    static List<InetSocketAddress> standaloneMasters(String m) throws Unavailable {
        if (LOCAL.matcher(m).matches() || m.equals("yarn") || m.startsWith("k8s://")) {
            return List.of();
        }
        if (!m.startsWith("spark://")) {
            throw new Unavailable("not a Spark master URL: '" + m + "' (expected local[*], local[N], spark://HOST:PORT, yarn or k8s://...)", null);
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (String hp : m.substring("spark://".length()).split(",")) {
            URI u;
            try {
                u = URI.create("spark://" + hp);
            } catch (IllegalArgumentException e) {
                throw new Unavailable("not a Spark master URL: '" + m + "' (" + e.getMessage() + ")", e);
            }
            if (u.getHost() == null || u.getPort() < 1) {
                throw new Unavailable("not a Spark master URL: '" + m + "' (expected spark://HOST:PORT)", null);
            }
            try {
                out.add(new InetSocketAddress(InetAddress.getByName(u.getHost()), u.getPort()));
            } catch (IOException e) {
                throw new Unavailable("cannot resolve the host of Spark master " + m + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public String master() {
        return master;
    }

    /** Executors registered now (the driver excluded). */
    public int executors() {
        return Math.max(0, sc.sc().getExecutorMemoryStatus().size() - 1);
    }

    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public Evaluator open(DesignSpace space, LocalEvaluator local) {
        last = new SparkEvaluator(sc, SpaceShipment.of(space, baseDir, local.qualityTable(), taskDelayMillis), local);
        return last;
    }

    /** Spark jobs the last run submitted (one per generation with new designs). */
    public long jobs() {
        return last == null ? 0 : last.jobs();
    }

    @Override
    public void close() {
        sc.stop();
    }
}
