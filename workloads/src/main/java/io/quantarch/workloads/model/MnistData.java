package io.quantarch.workloads.model;

import io.quantarch.config.ConfigException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The MNIST test set in IDX format (gzip): images {@code int32 magic 0x803, n, 28, 28} then n x 784
 * unsigned bytes; labels {@code int32 magic 0x801, n} then n bytes 0..9 (big-endian headers).
 *
 * @param pixels [n][784] raw values 0..255 as float (the ONNX-zoo CNN takes them unscaled)
 */
public record MnistData(int count, float[] pixels, int[] labels) {

    public static final int PIXELS = 28 * 28;
    /** Calibration split: the last 1,000 test images. Evaluation: the first 9,000 (or all 10,000 for the FP32 check). */
    public static final int CALIBRATION_FIRST = 9000;

    private static volatile MnistData bundled;

    public static MnistData testSet() {
        MnistData d = bundled;
        if (d == null) {
            try {
                d = parse("t10k-images-idx3-ubyte.gz (bundled)", Resources.bundled("mnist-test/t10k-images-idx3-ubyte.gz"),
                        "t10k-labels-idx1-ubyte.gz (bundled)", Resources.bundled("mnist-test/t10k-labels-idx1-ubyte.gz"));
            } catch (ConfigException e) {
                throw new IllegalStateException(e);
            }
            bundled = d;
        }
        return d;
    }

    public static MnistData read(Path images, Path labels) throws ConfigException {
        return parse(images.toString(), Resources.file(images), labels.toString(), Resources.file(labels));
    }

    public static MnistData parse(String imagesName, byte[] imagesGz, String labelsName, byte[] labelsGz) throws ConfigException {
        byte[] img = gunzip(imagesName, imagesGz);
        byte[] lab = gunzip(labelsName, labelsGz);
        try (DataInputStream di = new DataInputStream(new ByteArrayInputStream(img));
             DataInputStream dl = new DataInputStream(new ByteArrayInputStream(lab))) {
            int magic = di.readInt();
            if (magic != 0x803) {
                throw new ConfigException(imagesName, "header", "IDX image magic 0x00000803", String.format("0x%08X", magic));
            }
            int n = di.readInt();
            int rows = di.readInt();
            int cols = di.readInt();
            if (rows != 28 || cols != 28 || n < 1) {
                throw new ConfigException(imagesName, "header", "n >= 1 images of 28 x 28", n + " images of " + rows + " x " + cols);
            }
            if (img.length != 16 + (long) n * PIXELS) {
                throw new ConfigException(imagesName, "size", (16 + (long) n * PIXELS) + " bytes for " + n + " images", img.length + " bytes");
            }
            int lmagic = dl.readInt();
            if (lmagic != 0x801) {
                throw new ConfigException(labelsName, "header", "IDX label magic 0x00000801", String.format("0x%08X", lmagic));
            }
            int ln = dl.readInt();
            if (ln != n || lab.length != 8 + n) {
                throw new ConfigException(labelsName, "header", n + " labels (" + (8 + n) + " bytes)", ln + " labels in " + lab.length + " bytes");
            }
            float[] px = new float[n * PIXELS];
            for (int i = 0; i < px.length; i++) {
                px[i] = img[16 + i] & 0xFF;
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = lab[8 + i] & 0xFF;
                if (labels[i] > 9) {
                    throw new ConfigException(labelsName, "label " + i, "a digit 0..9", String.valueOf(labels[i]));
                }
            }
            return new MnistData(n, px, labels);
        } catch (IOException e) {
            throw ConfigException.of(imagesName, "truncated IDX data: " + e.getMessage());
        }
    }

    private static byte[] gunzip(String name, byte[] gz) throws ConfigException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ConfigException.of(name, "not a valid gzip file: " + e.getMessage());
        }
    }
}
