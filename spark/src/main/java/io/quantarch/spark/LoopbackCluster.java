package io.quantarch.spark;

import org.apache.spark.launcher.JavaModuleOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 made of separate processes: one master and {@code n} workers (one core each),
 * started from the Spark classes on the test classpath (a throw-away SPARK_HOME whose jars/ links to them), plus an
 * application jar of the quantarch classes for the executors. {@link #close()} kills every process it started, and
 * their executors. Used by the cluster test and by {@code quantarch spark-bench --loopback-workers N}; it needs the
 * Spark jars on the class path (the CLI's and the tests' class paths have them).
 */
public final class LoopbackCluster implements AutoCloseable {

    /**
     * The JDK the cluster's processes run on: QUANTARCH_SPARK_CLUSTER_JAVA_HOME, or the JDK running the tests. Any JDK
     * 21+ works since Hadoop is pinned to 3.4.3 (Hadoop 3.4.2's UserGroupInformation called Subject.getSubject, which
     * JDK 23+ refuses, and the executors died at start-up).
     */
    public static Path clusterJavaHome() {
        String env = System.getenv("QUANTARCH_SPARK_CLUSTER_JAVA_HOME");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env, "bin", "java"))) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("java.home"));
    }

    private final Path javaHome;
    private final Path home;
    private final List<Process> workers = new ArrayList<>();
    private final List<Process> all = new ArrayList<>();
    private final int port;
    private final Path appJar;

    public LoopbackCluster(Path dir, int workerCount, Path javaHome) throws Exception {
        this.javaHome = javaHome;
        home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark (quantarch test cluster from the Maven classpath)\n");
        List<Path> classDirs = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (e.endsWith(".jar") && Files.isRegularFile(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            } else if (Files.isDirectory(p) && !e.contains("test-classes")) {
                classDirs.add(p);
            }
        }
        appJar = dir.resolve("quantarch-app.jar");
        writeJar(appJar, classDirs);
        port = freePort();
        try {
            all.add(start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", Integer.toString(freePort())));
            awaitPort(port, 60_000);
            for (int i = 0; i < workerCount; i++) {
                Process w = start(dir.resolve("worker" + i + ".log"), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                        "--work-dir", Files.createDirectories(dir.resolve("work" + i)).toString(), "spark://127.0.0.1:" + port);
                workers.add(w);
                all.add(w);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The master URL, {@code spark://127.0.0.1:PORT}. */
    public String master() {
        return "spark://127.0.0.1:" + port;
    }

    /** The jar of the quantarch classes that are not in jars on the class path, for the executors. */
    public Path appJar() {
        return appJar;
    }

    /** Kills worker {@code i} and the executor it launched, as a machine failure would. */
    public void killWorker(int i) {
        Process w = workers.get(i);
        w.descendants().forEach(ProcessHandle::destroyForcibly);
        w.destroyForcibly();
    }

    private Process start(Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));   // what Spark's own launch scripts add
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + "/*");
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("JAVA_HOME", javaHome.toString());                // the workers start their executors with it
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > end) {
                    throw new IllegalStateException("Spark master did not listen on " + port + " within " + millis + " ms");
                }
                Thread.sleep(200);
            }
        }
    }

    private static void writeJar(Path jar, List<Path> dirs) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Path d : dirs) {
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = d.relativize(f).toString().replace('\\', '/');
                        if (seen.add(name)) {
                            j.putNextEntry(new JarEntry(name));
                            Files.copy(f, j);
                            j.closeEntry();
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
