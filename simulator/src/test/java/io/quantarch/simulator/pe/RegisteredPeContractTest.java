package io.quantarch.simulator.pe;

import java.util.ArrayList;
import java.util.List;

/**
 * The PE contract on every registered PE kind at its defaults, plus the configurations whose datapaths differ from the
 * defaults (fixed-point minifloat accumulation, NVFP4 and integer-group scale paths, the dequantize-every-MAC baseline):
 * a newly registered kind is checked here without writing a test.
 */
class RegisteredPeContractTest implements PeContract {

    @Override
    public List<PeSpec> pes() {
        List<PeSpec> out = new ArrayList<>();
        for (PeKind k : PeKinds.REGISTRY.all()) {
            out.add(k.defaults());
        }
        out.add(new MiniFloatMacSpec(true, 48, 24));
        out.add(new MxDotSpec(32, 32, BlockScale.E4M3));
        out.add(new MxDotSpec(32, 32, BlockScale.FP32));
        out.add(new ShiftAddMixedSpec(4, 8, 32, true));
        out.add(new ShiftAddMixedSpec(8, 8, 32, false));
        out.add(new ShiftAddMixedSpec(4, 8, 32, false, true));
        out.add(new BitSerialSpec(8, 16, 32, 16));                 // Stripes' 16-lane serial inner-product unit
        out.add(new MxDotSpec(32, 32, BlockScale.E8M0, "mxint4"));
        out.add(new MxDotSpec(32, 32, BlockScale.E4M3, "nvfp4"));
        return out;
    }
}
