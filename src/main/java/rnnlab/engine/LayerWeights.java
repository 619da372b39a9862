package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/** The four matrices of one layer-direction (weights or their gradients). */
record LayerWeights(DMatrixRMaj ih, DMatrixRMaj hh, DMatrixRMaj bih, DMatrixRMaj bhh) {
    static LayerWeights of(Parameters p, int layer, int dir) {
        return new LayerWeights(p.get(ModelConfig.weightIh(layer, dir)), p.get(ModelConfig.weightHh(layer, dir)),
                p.get(ModelConfig.biasIh(layer, dir)), p.get(ModelConfig.biasHh(layer, dir)));
    }
}
