package io.quantarch.workloads.zoo;

import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Workload;

import java.util.List;

/** Convolutional networks of the zoo, layer for layer as torchvision builds them (names included). */
final class Cnns {

    static final ZooModel RESNET18 = ZooModel.of("resnet18", "ResNet-18 (He et al. 2016; torchvision layer names)",
            List.of(ZooModel.BATCH, ZooModel.IMAGE), v -> resnet18(v.get(ZooModel.BATCH), v.get(ZooModel.IMAGE)));
    static final ZooModel RESNET50 = ZooModel.of("resnet50", "ResNet-50 v1.5 (torchvision)",
            List.of(ZooModel.BATCH, ZooModel.IMAGE), v -> resnet50(v.get(ZooModel.BATCH), v.get(ZooModel.IMAGE)));
    static final ZooModel MOBILENET_V2 = ZooModel.of("mobilenet_v2", "MobileNetV2 (Sandler et al. 2018; torchvision)",
            List.of(ZooModel.BATCH, ZooModel.IMAGE), v -> mobilenetV2(v.get(ZooModel.BATCH), v.get(ZooModel.IMAGE)));
    static final ZooModel MNIST_CNN = ZooModel.of("mnist_cnn", "the ONNX model zoo's MNIST CNN (the real model mnist_cnn)",
            List.of(ZooModel.BATCH), v -> mnistCnn(v.get(ZooModel.BATCH)));

    private Cnns() {
    }

    /** ResNet-18 (He et al., CVPR 2016, Table 1; torchvision resnet18): BasicBlocks [2, 2, 2, 2]. */
    static Workload resnet18(int batch, int image) {
        return resnet("resnet18", batch, image, new int[] {2, 2, 2, 2}, false);
    }

    /** ResNet-50 (He et al., Table 1; torchvision v1.5: stride on the 3x3): Bottlenecks [3, 4, 6, 3]. */
    static Workload resnet50(int batch, int image) {
        return resnet("resnet50", batch, image, new int[] {3, 4, 6, 3}, true);
    }

    private static Workload resnet(String name, int batch, int image, int[] blocks, boolean bottleneck) {
        ZooBuilder b = new ZooBuilder(batch, 3, image);
        b.convBn("conv1", "bn1", 64, 7, 2, 1, Elementwise.Op.RELU, "relu");
        int pooled = (b.size + 2 - 3) / 2 + 1;                      // maxpool 3x3 s2 p1
        b.size = pooled;
        b.add(new Elementwise("maxpool", Elementwise.Op.MAXPOOL, b.elements(), 9));
        int expansion = bottleneck ? 4 : 1;
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int i = 0; i < blocks[stage]; i++) {
                String p = "layer" + (stage + 1) + "." + i + ".";
                int stride = (stage > 0 && i == 0) ? 2 : 1;
                int in = b.channels;
                int inSize = b.size;
                int width = widths[stage];
                int out = width * expansion;
                if (bottleneck) {
                    b.convBn(p + "conv1", p + "bn1", width, 1, 1, 1, Elementwise.Op.RELU, p + "relu1");
                    b.convBn(p + "conv2", p + "bn2", width, 3, stride, 1, Elementwise.Op.RELU, p + "relu2");
                    b.convBn(p + "conv3", p + "bn3", out, 1, 1, 1, null, null);
                } else {
                    b.convBn(p + "conv1", p + "bn1", width, 3, stride, 1, Elementwise.Op.RELU, p + "relu1");
                    b.convBn(p + "conv2", p + "bn2", out, 3, 1, 1, null, null);
                }
                if (stride != 1 || in != out) {
                    Conv2d ds = Conv2d.of(p + "downsample.0", batch, in, out, inSize, 1, stride, 0, 1, false);
                    b.add(ds);
                    b.add(new Norm(p + "downsample.1", Norm.Kind.BATCH, (long) batch * ds.outH() * ds.outW(), out));
                }
                b.add(Elementwise.of(p + "add", Elementwise.Op.ADD, b.elements()));
                b.add(Elementwise.of(p + "relu", Elementwise.Op.RELU, b.elements()));
            }
        }
        b.add(new Elementwise("avgpool", Elementwise.Op.AVGPOOL, (long) batch * b.channels, b.size * b.size));
        b.add(new Gemm("fc", batch, 1000, b.channels, true));
        return b.build(name);
    }

    /** MobileNetV2 (Sandler et al., CVPR 2018, Table 2; torchvision mobilenet_v2, width 1.0). */
    static Workload mobilenetV2(int batch, int image) {
        ZooBuilder b = new ZooBuilder(batch, 3, image);
        b.convBn("features.0.0", "features.0.1", 32, 3, 2, 1, Elementwise.Op.RELU6, "features.0.2");
        int[][] settings = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
        int index = 1;
        for (int[] s : settings) {
            int t = s[0];
            int c = s[1];
            for (int i = 0; i < s[2]; i++) {
                int stride = i == 0 ? s[3] : 1;
                String p = "features." + index + ".conv.";
                int in = b.channels;
                int hidden = in * t;
                int k = 0;
                if (t != 1) {
                    b.convBn(p + k + ".0", p + k + ".1", hidden, 1, 1, 1, Elementwise.Op.RELU6, p + k + ".2");
                    k++;
                }
                b.convBn(p + k + ".0", p + k + ".1", hidden, 3, stride, hidden, Elementwise.Op.RELU6, p + k + ".2");
                k++;
                b.convBn(p + k, p + (k + 1), c, 1, 1, 1, null, null);
                if (stride == 1 && in == c) {
                    b.add(Elementwise.of("features." + index + ".add", Elementwise.Op.ADD, b.elements()));
                }
                index++;
            }
        }
        b.convBn("features.18.0", "features.18.1", 1280, 1, 1, 1, Elementwise.Op.RELU6, "features.18.2");
        b.add(new Elementwise("avgpool", Elementwise.Op.AVGPOOL, (long) batch * b.channels, b.size * b.size));
        b.add(new Gemm("classifier.1", batch, 1000, 1280, true));
        return b.build("mobilenet_v2");
    }

    /**
     * The ONNX-zoo MNIST CNN (CNTK 103D) whose real weights quantarch runs: conv 5x5 1->8 (pad 2) + ReLU,
     * maxpool 2, conv 5x5 8->16 + ReLU, maxpool 3, fc 256->10. Names match {@code MnistCnn}'s layers.
     */
    static Workload mnistCnn(int batch) {
        ZooBuilder b = new ZooBuilder(batch, 1, 28);
        Conv2d c1 = Conv2d.of("conv1", batch, 1, 8, 28, 5, 1, 2, 1, true);
        b.add(c1).add(Elementwise.of("relu1", Elementwise.Op.RELU, c1.outputElements()));
        b.add(new Elementwise("pool1", Elementwise.Op.MAXPOOL, (long) batch * 8 * 14 * 14, 4));
        Conv2d c2 = Conv2d.of("conv2", batch, 8, 16, 14, 5, 1, 2, 1, true);
        b.add(c2).add(Elementwise.of("relu2", Elementwise.Op.RELU, c2.outputElements()));
        b.add(new Elementwise("pool2", Elementwise.Op.MAXPOOL, (long) batch * 16 * 4 * 4, 9));
        b.add(new Gemm("fc", batch, 10, 256, true));
        return b.build("mnist_cnn");
    }
}
