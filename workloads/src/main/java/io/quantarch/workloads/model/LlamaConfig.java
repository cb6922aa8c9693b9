package io.quantarch.workloads.model;

/**
 * Shape of a llama2.c checkpoint (run.c {@code Config}): model width, FFN width, layers, query and
 * key/value heads, vocabulary, maximum sequence length, and whether the classifier shares the token
 * embedding.
 */
public record LlamaConfig(int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocab, int seqLen,
                          boolean sharedClassifier) {

    public int headSize() {
        return dim / heads;
    }

    public int kvDim() {
        return kvHeads * headSize();
    }

    /** Query heads per key/value head (grouped-query attention). */
    public int groupSize() {
        return heads / kvHeads;
    }
}
