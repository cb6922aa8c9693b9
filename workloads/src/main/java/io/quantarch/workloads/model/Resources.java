package io.quantarch.workloads.model;

import io.quantarch.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads bundled data files (under {@code io/quantarch/workloads/data/}) and user files alike. */
public final class Resources {

    public static final String ROOT = "/io/quantarch/workloads/data/";

    private Resources() {
    }

    /** A bundled file, e.g. {@code stories260k/stories260K.bin}. */
    public static byte[] bundled(String relative) {
        try (InputStream in = Resources.class.getResourceAsStream(ROOT + relative)) {
            if (in == null) {
                throw new IllegalStateException("bundled data file missing from the build: " + ROOT + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + relative, e);
        }
    }

    public static byte[] file(Path p) throws ConfigException {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(p.toString(), "file not found");
        } catch (IOException e) {
            throw ConfigException.of(p.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** Little-endian float32 values of a byte range. */
    public static float[] floatsLE(byte[] bytes, int offset, int count) {
        float[] out = new float[count];
        ByteBuffer.wrap(bytes, offset, count * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
