package rnnlab.io.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the pickle inside a torch.save file allowing only what a state_dict needs:
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2} (and {@code _rebuild_parameter})
 * and the storage types. Every other global is refused when its name is read, before anything is looked
 * up, constructed or called; opcodes that build arbitrary objects (INST, OBJ, NEWOBJ, EXT) are refused too.
 * Nothing in the file is ever executed: the allowed names map to the small Java functions below.
 */
final class StateDictUnpickler extends Unpickler {
    /** A global the pickle may name; {@code kind} says what it stands for. */
    record Global(String module, String name) {
        String dotted() {
            return module + "." + name;
        }
    }

    /** A storage type such as torch.FloatStorage (its element type, or null for integer types). */
    record StorageType(String name, DType dtype) {
    }

    /** A storage reference from a persistent id: ('storage', type, key, location, numel). */
    record StorageRef(StorageType type, String key, long numel) {
    }

    /** A tensor as a view into a storage. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
    }

    /**
     * The OrderedDict a state_dict is (insertion order kept); its _metadata is ignored. RNN Lab's own .pt files
     * set one more attribute, {@code rnnlab_vocab} (a list of str), kept here.
     */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {
        /** The vocabulary attribute RNN Lab writes, or null. */
        Object vocab;
    }

    /** The attribute of the state_dict that holds a character model's vocabulary (a list of str). */
    static final String VOCAB_ATTRIBUTE = "rnnlab_vocab";

    /** Thrown for anything a state_dict does not contain; the message is for the user. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Global ORDERED_DICT = new Global("collections", "OrderedDict");
    private static final Global REBUILD_TENSOR = new Global("torch._utils", "_rebuild_tensor_v2");
    private static final Global REBUILD_PARAMETER = new Global("torch._utils", "_rebuild_parameter");
    private static final Map<String, DType> STORAGES = Map.of(
            "FloatStorage", DType.F32, "DoubleStorage", DType.F64, "HalfStorage", DType.F16,
            "BFloat16Storage", DType.BF16);
    private static final Set<String> INTEGER_STORAGES = Set.of("LongStorage", "IntStorage", "ShortStorage",
            "CharStorage", "ByteStorage", "BoolStorage");

    private final ByteArrayInputStream in;

    private StateDictUnpickler(ByteArrayInputStream in) {
        this.in = in;
    }

    /** Unpickles {@code data.pkl}; a {@link Refused} says what was not allowed. */
    static Object load(byte[] pickle) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(pickle);
        StateDictUnpickler u = new StateDictUnpickler(in);
        try {
            return u.load(in);
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException e) {
            throw new Refused("malformed pickle: " + SafetensorsFile.oneLine(String.valueOf(e.getMessage())));
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case 'c' -> { // GLOBAL module\nname\n
                String module = PickleUtils.readline(in);
                String name = PickleUtils.readline(in);
                stack.add(allow(module, name));
                return NO_RETURN_VALUE;
            }
            case 0x93 -> { // STACK_GLOBAL
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(name instanceof String) || !(module instanceof String)) {
                    throw new Refused("malformed pickle: STACK_GLOBAL without names");
                }
                stack.add(allow((String) module, (String) name));
                return NO_RETURN_VALUE;
            }
            case 'R' -> { // REDUCE
                Object args = stack.pop();
                Object callable = stack.pop();
                stack.add(call(callable, args));
                return NO_RETURN_VALUE;
            }
            case 'b' -> { // BUILD: only an OrderedDict's state (its _metadata, ignored; RNN Lab's vocabulary)
                Object state = stack.pop();
                if (!(stack.peek() instanceof OrderedDict od)) {
                    throw new Refused("the pickle sets the state of an object; a state_dict has none");
                }
                if (state instanceof Map<?, ?> m && m.containsKey(VOCAB_ATTRIBUTE)) {
                    od.vocab = m.get(VOCAB_ATTRIBUTE);
                }
                return NO_RETURN_VALUE;
            }
            case 's' -> { // SETITEM, keeping order
                Object value = stack.pop();
                Object k = stack.pop();
                map(stack.peek()).put(k, value);
                return NO_RETURN_VALUE;
            }
            case 'u' -> { // SETITEMS, keeping order
                List<Object> items = stack.pop_all_since_marker();
                Map<Object, Object> m = map(stack.peek());
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    m.put(items.get(i), items.get(i + 1));
                }
                return NO_RETURN_VALUE;
            }
            case 'i', 'o', 0x81, 0x92, 0x82, 0x83, 0x84 ->
                throw new Refused("the pickle builds objects (opcode 0x" + Integer.toHexString(key)
                        + "); a state_dict holds only tensors");
            case 'T', 'X', 'B' -> checkLength(4);
            case 0x8d, 0x8e, 0x96 -> checkLength(8);
            default -> {
            }
        }
        return super.dispatch(key);
    }

    /** A length-prefixed item must fit in the bytes that are left, before anything is allocated for it. */
    private void checkLength(int width) {
        in.mark(16);
        byte[] b = new byte[width];
        int n = in.readNBytes(b, 0, width);
        in.reset();
        long len = 0;
        for (int i = n - 1; i >= 0; i--) {
            len = (len << 8) | (b[i] & 0xff);
        }
        if (n < width || len < 0 || len > in.available() - width) {
            throw new Refused("malformed pickle: an item of " + Long.toUnsignedString(len) + " bytes in the "
                    + in.available() + " that are left");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new Refused("malformed pickle: items set on something that is not a dict");
        }
        return (Map<Object, Object>) o;
    }

    private static Object allow(String module, String name) {
        Global g = new Global(module, name);
        if (g.equals(ORDERED_DICT) || g.equals(REBUILD_TENSOR) || g.equals(REBUILD_PARAMETER)) {
            return g;
        }
        if (module.equals("torch") && STORAGES.containsKey(name)) {
            return new StorageType(name, STORAGES.get(name));
        }
        if (module.equals("torch") && INTEGER_STORAGES.contains(name)) {
            return new StorageType(name, null);
        }
        if (module.startsWith("torch.nn") || module.equals("__main__") || module.startsWith("torch.jit")) {
            throw new Refused("the file holds a pickled module (" + printable(g.dotted()) + "), not a state_dict; "
                    + "in PyTorch save the weights with torch.save(model.state_dict(), path) and open that file");
        }
        throw new Refused("the pickle names " + printable(g.dotted()) + ", which a state_dict does not need; refused "
                + "without running anything (allowed: collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
                + "torch storage types)");
    }

    private static Object call(Object callable, Object args) {
        if (!(args instanceof Object[] a)) {
            throw new Refused("malformed pickle: REDUCE without an argument tuple");
        }
        if (ORDERED_DICT.equals(callable)) {
            if (a.length != 0) {
                throw new Refused("malformed pickle: OrderedDict with arguments");
            }
            return new OrderedDict();
        }
        if (REBUILD_TENSOR.equals(callable)) {
            if (a.length < 4 || !(a[0] instanceof StorageRef s)) {
                throw new Refused("malformed pickle: _rebuild_tensor_v2 expects (storage, offset, size, stride, ...)");
            }
            return new TensorRef(s, number(a[1]), longs(a[2]), longs(a[3]));
        }
        if (REBUILD_PARAMETER.equals(callable)) {
            if (a.length < 1 || !(a[0] instanceof TensorRef t)) {
                throw new Refused("malformed pickle: _rebuild_parameter expects a tensor");
            }
            return t;
        }
        throw new Refused("the pickle calls something other than OrderedDict or _rebuild_tensor_v2; refused");
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length != 5 || !"storage".equals(t[0])
                || !(t[1] instanceof StorageType type) || !(t[2] instanceof String k)) {
            throw new Refused("malformed pickle: a persistent id that is not ('storage', type, key, location, numel)");
        }
        return new StorageRef(type, k, number(t[4]));
    }

    private static long number(Object o) {
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        throw new Refused("malformed pickle: expected an integer, found " + (o == null ? "None" : o.getClass().getSimpleName()));
    }

    private static long[] longs(Object o) {
        if (!(o instanceof Object[] a) || a.length > 8) {
            throw new Refused("malformed pickle: expected a tuple of sizes");
        }
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = number(a[i]);
        }
        return out;
    }

    static String printable(String s) {
        String t = s.replaceAll("[^\\p{Print}]", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
