package io.quantarch.cli.run;

import io.quantarch.config.ConfigException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run per results directory: an exclusive lock on {@code DIR/.run.lock} held while the run works (released by the
 * operating system if the process dies), and {@code DIR/.run.key} naming the run it belongs to, so a run killed before
 * its first checkpoint is recognised and restarted, while another run's files are never mixed with this one's.
 */
public final class RunLock implements AutoCloseable {

    public static final String LOCK = ".run.lock";
    public static final String KEY = ".run.key";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} for the run {@code runKey} (creating it), or refuses naming the process that holds it. */
    public static RunLock acquire(Path dir, String runKey) throws ConfigException, IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LOCK);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            ch.close();
            throw new ConfigException("--out", null, "a directory no other run is using", dir + " is in use by a running quantarch"
                    + (holder.isEmpty() ? "" : " (" + holder + ")"));
        }
        ch.truncate(0);
        ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve(KEY), runKey);
        return new RunLock(ch, l);
    }

    /** The run {@code dir}'s files belong to, from its key file, or null. */
    public static String runKeyOf(Path dir) throws IOException {
        Path k = dir.resolve(KEY);
        return Files.exists(k) ? Files.readString(k, StandardCharsets.UTF_8).strip() : null;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
