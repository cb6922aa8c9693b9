package io.quantarch.cost.memory;

import io.quantarch.config.component.Declaration;

import java.util.List;

/**
 * SRAM priced from CACTI 7 ({@link CactiSurface}): each bank is one CACTI macro of its own capacity and word, so an
 * access pays one bank's decoders, bitlines, sense amplifiers and internal routing; area and leakage are the banks'
 * sum. The default SRAM model.
 */
public record CactiSram() implements SramModel {

    public static final String NAME = "cacti";

    @Override
    public Declaration declaration() {
        return new Declaration("sram-model", NAME, "CACTI 7 per-bank access energy, leakage and area (ITRS low-standby-power "
                + "cells, Accelergy's configuration), interpolated over a shipped grid of runs, 22-90 nm and scaled beyond", List.of());
    }

    @Override
    public SramCosts costs(SramMacro m, PricingNode node) {
        CactiSurface.Point p = CactiSurface.GRID.macro(m.bankBytes(), m.wordBits(), 1, node.nodeNm());
        return new SramCosts(p.readPj(), p.writePj(), m.wordBits(), p.leakageMw() * m.banks(), p.areaUm2() * m.banks());
    }
}
