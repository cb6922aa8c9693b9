package io.quantarch.workloads.onnx;

import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A node's attributes by name, with the operator spec's defaults given at each use. */
final class NodeAttrs {

    private final Map<String, Onnx.Attribute> byName = new HashMap<>();

    NodeAttrs(Onnx.Node n) {
        for (Onnx.Attribute a : n.getAttributeList()) {
            byName.put(a.getName(), a);
        }
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    long integer(String name, long otherwise) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? otherwise : a.getI();
    }

    double real(String name, double otherwise) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? otherwise : a.getF();
    }

    long[] integers(String name) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    String text(String name, String otherwise) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? otherwise : a.getS().toString(StandardCharsets.UTF_8);
    }

    Onnx.Tensor tensor(String name) {
        Onnx.Attribute a = byName.get(name);
        return a == null || !a.hasT() ? null : a.getT();
    }

    float[] reals(String name) {
        Onnx.Attribute a = byName.get(name);
        if (a == null) {
            return null;
        }
        float[] v = new float[a.getFloatsCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getFloats(i);
        }
        return v;
    }
}
