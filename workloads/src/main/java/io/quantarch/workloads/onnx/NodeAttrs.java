package io.quantarch.workloads.onnx;

import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A node's attributes by name, with the operator spec's defaults given at each use. */
public final class NodeAttrs {

    private final Map<String, Onnx.Attribute> byName = new HashMap<>();

    public NodeAttrs(Onnx.Node n) {
        for (Onnx.Attribute a : n.getAttributeList()) {
            byName.put(a.getName(), a);
        }
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public long integer(String name, long otherwise) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? otherwise : a.getI();
    }

    public double real(String name, double otherwise) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? otherwise : a.getF();
    }

    public long[] integers(String name) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    public String text(String name, String otherwise) {
        Onnx.Attribute a = byName.get(name);
        return a == null ? otherwise : a.getS().toString(StandardCharsets.UTF_8);
    }

    public Onnx.Tensor tensor(String name) {
        Onnx.Attribute a = byName.get(name);
        return a == null || !a.hasT() ? null : a.getT();
    }

    public float[] reals(String name) {
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
