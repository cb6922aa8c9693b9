package io.quantarch.cost.table;

/**
 * One row of a component table: a unit at one size (bit width, or bytes for memories), its energy per action
 * and area, and where the numbers come from.
 */
public record Entry(String unit, double size, double energyPj, double areaUm2, String source, String citation) { }
