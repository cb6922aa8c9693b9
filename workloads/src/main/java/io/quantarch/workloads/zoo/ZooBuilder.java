package io.quantarch.workloads.zoo;

import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Workload;

import java.util.ArrayList;
import java.util.List;

/** Accumulates layers while tracking the current CNN activation shape. */
final class ZooBuilder {

    private final List<Layer> layers = new ArrayList<>();
    final int batch;
    int channels;
    int size;

    ZooBuilder(int batch, int channels, int size) {
        this.batch = batch;
        this.channels = channels;
        this.size = size;
    }

    ZooBuilder add(Layer l) {
        layers.add(l);
        return this;
    }

    /** Convolution + batch norm (+ activation), updating the tracked shape. */
    ZooBuilder convBn(String conv, String bn, int out, int kernel, int stride, int groups, Elementwise.Op act, String actName) {
        Conv2d c = Conv2d.of(conv, batch, channels, out, size, kernel, stride, kernel / 2, groups, false);
        layers.add(c);
        channels = out;
        size = c.outH();
        layers.add(new Norm(bn, Norm.Kind.BATCH, (long) batch * size * size, out));
        if (act != null) {
            layers.add(Elementwise.of(actName, act, elements()));
        }
        return this;
    }

    long elements() {
        return (long) batch * channels * size * size;
    }

    Workload build(String name) {
        return new Workload(name, layers);
    }
}
