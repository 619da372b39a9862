package rnnlab.io.imports;

import java.nio.ByteBuffer;

/** The floating-point element types RNN Lab reads from foreign files, and how to widen them to double. */
public enum DType {
    F64(8), F32(4), F16(2), BF16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** Reads {@code n} elements at the buffer's position (its byte order decides endianness). */
    public void decode(ByteBuffer b, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = switch (this) {
                case F64 -> b.getDouble();
                case F32 -> b.getFloat();
                case F16 -> halfToFloat(b.getShort());
                case BF16 -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
            };
        }
    }

    /** Reads element {@code index} (absolute, in elements) without moving the buffer. */
    public double get(ByteBuffer b, long index) {
        int at = Math.toIntExact(index * bytes);
        return switch (this) {
            case F64 -> b.getDouble(at);
            case F32 -> b.getFloat(at);
            case F16 -> halfToFloat(b.getShort(at));
            case BF16 -> Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
        };
    }

    /** IEEE 754 binary16 to float (exact: every half is a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero)
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
