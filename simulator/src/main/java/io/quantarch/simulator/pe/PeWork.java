package io.quantarch.simulator.pe;

/**
 * The work a GEMM gives the PEs of an array: {@code macs} multiply-accumulates producing {@code outputs}
 * results over a reduction of length {@code k}, with the formats of its operands.
 */
public record PeWork(long macs, long outputs, long k, FormatPair formats) { }
