package io.quantarch.workloads.onnx;

import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ONNX model zoo's ResNet-50 against quantarch's zoo:resnet50 (torchvision): the convolutions and the classifier
 * in graph order have the same MACs one for one, and the same total (4,089,184,256): the ONNX graph puts the stride of
 * each downsampling bottleneck where torchvision's v1.5 does. Parameters differ by the BN convention only: the zoo
 * counts each BatchNormalization's scale and shift, the import folds them into the convolution as a bias.
 */
class ResNet50OnnxVsZooTest {

    @Test
    void perLayerMacsEqualTheZooModel() throws Exception {
        Workload onnx = OnnxWorkload.read(Path.of("src", "test", "resources", "onnx", "models", "resnet50", "model.onnx"), Map.of());
        Workload zoo = Zoo.byName("resnet50");
        List<Long> a = onnx.layers().stream().filter(l -> l instanceof Conv2d || l instanceof Gemm).map(Layer::macs).toList();
        List<Long> b = zoo.layers().stream().filter(l -> l instanceof Conv2d || l instanceof Gemm).map(Layer::macs).toList();
        assertEquals(b.size(), a.size(), "54 matrix layers");
        assertEquals(b.stream().mapToLong(Long::longValue).sum(), a.stream().mapToLong(Long::longValue).sum());
        assertEquals(4_089_184_256L, a.stream().mapToLong(Long::longValue).sum());
        assertEquals(b, a, "the same MACs layer by layer, in graph order");
    }
}
