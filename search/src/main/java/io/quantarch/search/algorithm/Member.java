package io.quantarch.search.algorithm;

/** A population member carried from one generation to the next (and checkpointed): its random keys and minimised objectives. */
public record Member(double[] keys, double[] objectives) {

    public Member {
        keys = keys.clone();
        objectives = objectives.clone();
    }

    @Override
    public double[] keys() {
        return keys.clone();
    }

    @Override
    public double[] objectives() {
        return objectives.clone();
    }
}
