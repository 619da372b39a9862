package rnnlab.io.imports;

import java.util.Arrays;

/**
 * One named array read from a foreign file, as doubles in row-major order, with where it came from.
 *
 * @param source      how the gate map names the origin (a key, or "W of ONNX node 'LSTM_3', direction 0")
 * @param shape       the dimensions (a bias has one)
 * @param data        the numbers, row-major; length is the product of the shape
 * @param blockOrigin for gate blocks: the source row (or element) where destination block b starts, or
 *                    null when the rows are where PyTorch has them
 */
public record Tensor(String source, int[] shape, double[] data, int[] blockOrigin) {
    public Tensor {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " numbers");
        }
    }

    public static Tensor of(String source, int[] shape, double[] data) {
        return new Tensor(source, shape, data, null);
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int i) {
        return shape[i];
    }

    public String shapeText() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(']').toString();
    }
}
