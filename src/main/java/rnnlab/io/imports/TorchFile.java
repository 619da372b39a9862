package rnnlab.io.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.io.Formats;
import rnnlab.io.InputException;
import rnnlab.io.Limits;

/**
 * The zip format torch.save has written since PyTorch 1.6: {@code NAME/data.pkl} (a pickle of the
 * state_dict, read by {@link StateDictUnpickler}) and one raw storage per tensor in {@code NAME/data/KEY},
 * little-endian unless {@code NAME/byteorder} says otherwise. Entry sizes come from the zip's directory
 * and are checked against the file's real size before anything is read.
 */
public final class TorchFile {
    static final int MAX_ENTRIES = 100_000;

    private TorchFile() {
    }

    /** A state_dict's tensors and, for RNN Lab's own files, the vocabulary it keeps (else null). */
    public record Contents(Map<String, Tensor> tensors, java.util.List<String> vocab) {
    }

    public static Map<String, Tensor> read(Path path) throws InputException {
        return readContents(path).tensors();
    }

    /** The tensors and the vocabulary (attribute {@code rnnlab_vocab} of the state_dict) if there is one. */
    public static Contents readContents(Path path) throws InputException {
        String file = path.toString();
        try {
            long size = Files.size(path);
            if (size > Limits.MAX_FILE_BYTES) {
                throw new InputException(file, "", "file is too large (" + (size >> 20) + " MB); RNN Lab reads at most "
                        + (Limits.MAX_FILE_BYTES >> 20) + " MB");
            }
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(path)) {
                int n = in.readNBytes(head, 0, 4);
                if (n == 4 && (head[0] & 0xff) == 0x80) {
                    throw new InputException(file, "", "a .pt file in the legacy format of PyTorch before 1.6; load it "
                            + "and save it again with a current PyTorch (torch.save(torch.load(f), g))");
                }
                if (n < 4 || head[0] != 'P' || head[1] != 'K') {
                    throw new InputException(file, "", "not a torch.save file (expected a zip archive, which starts "
                            + "with \"PK\")");
                }
            }
            if (path.getFileSystem() != FileSystems.getDefault()) {
                Path tmp = Files.createTempFile("rnnlab-", ".pt");
                try {
                    Files.copy(path, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return readZip(file, tmp, size);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return readZip(file, path, size);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "", "no such file");
        } catch (ZipException e) {
            throw new InputException(file, "", "damaged zip archive: " + SafetensorsFile.oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read: " + SafetensorsFile.oneLine(e.getMessage()));
        }
    }

    private static Contents readZip(String file, Path path, long fileSize) throws IOException, InputException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new InputException(file, "", zip.size() + " zip entries; a state_dict has far fewer");
            }
            String prefix = null;
            boolean torchScript = false;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                String n = en.nextElement().getName();
                if (n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length()) {
                    prefix = n.substring(0, n.length() - "data.pkl".length());
                }
                torchScript |= n.endsWith("/constants.pkl") || n.contains("/code/");
            }
            if (torchScript) {
                throw new InputException(file, "", "a TorchScript archive (torch.jit.save), not a state_dict; in PyTorch "
                        + "save the weights with torch.save(model.state_dict(), path)");
            }
            if (prefix == null) {
                throw new InputException(file, "", "a zip archive without NAME/data.pkl: not a torch.save file");
            }
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            ZipEntry bo = zip.getEntry(prefix + "byteorder");
            if (bo != null) {
                String s = new String(entryBytes(file, zip, bo, 16, fileSize), StandardCharsets.US_ASCII).trim();
                if (s.equals("big")) {
                    order = ByteOrder.BIG_ENDIAN;
                } else if (!s.equals("little")) {
                    throw new InputException(file, prefix + "byteorder", "expected \"little\" or \"big\"");
                }
            }
            byte[] pkl = entryBytes(file, zip, zip.getEntry(prefix + "data.pkl"), 64L << 20, fileSize);
            Object root;
            try {
                root = StateDictUnpickler.load(pkl);
            } catch (StateDictUnpickler.Refused e) {
                throw new InputException(file, prefix + "data.pkl", e.getMessage());
            }
            if (!(root instanceof Map<?, ?> sd)) {
                throw new InputException(file, prefix + "data.pkl", "the pickle holds "
                        + (root == null ? "None" : "a " + root.getClass().getSimpleName())
                        + ", not a state_dict (a dict of tensors)");
            }
            Map<String, ByteBuffer> storages = new HashMap<>();
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : sd.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new InputException(file, prefix + "data.pkl", "a state_dict key that is not a string");
                }
                if (!(e.getValue() instanceof StateDictUnpickler.TensorRef t)) {
                    throw new InputException(file, StateDictUnpickler.printable(key), "expected a tensor, found "
                            + (e.getValue() == null ? "None" : e.getValue().getClass().getSimpleName())
                            + " (a nested dict? save model.state_dict(), not a checkpoint of several things)");
                }
                out.put(key, tensor(file, prefix, zip, fileSize, order, storages, StateDictUnpickler.printable(key), t));
            }
            java.util.List<String> vocab = null;
            if (sd instanceof StateDictUnpickler.OrderedDict od && od.vocab != null) {
                String where = prefix + "data.pkl (" + StateDictUnpickler.VOCAB_ATTRIBUTE + ")";
                if (!(od.vocab instanceof java.util.List<?> l)) {
                    throw new InputException(file, where, "expected a list of str (the vocabulary)");
                }
                vocab = new java.util.ArrayList<>(l.size());
                for (int i = 0; i < l.size(); i++) {
                    if (!(l.get(i) instanceof String sym) || sym.isEmpty()) {
                        throw new InputException(file, where + "[" + i + "]", "expected a non-empty str");
                    }
                    if (vocab.contains(sym)) {
                        throw new InputException(file, where + "[" + i + "]", "the symbol \""
                                + StateDictUnpickler.printable(sym) + "\" is already in the vocabulary");
                    }
                    vocab.add(sym);
                }
            }
            return new Contents(out, vocab);
        }
    }

    private static Tensor tensor(String file, String prefix, ZipFile zip, long fileSize, ByteOrder order,
                                 Map<String, ByteBuffer> storages, String key, StateDictUnpickler.TensorRef t)
            throws IOException, InputException {
        StateDictUnpickler.StorageRef s = t.storage();
        DType dt = s.type().dtype();
        if (dt == null) {
            throw new InputException(file, key, "a tensor of " + s.type().name() + "; RNN Lab reads float32, float64, "
                    + "float16 and bfloat16 weights");
        }
        String entryName = prefix + "data/" + s.key();
        ByteBuffer buf = storages.get(entryName);
        if (buf == null) {
            ZipEntry ze = zip.getEntry(entryName);
            if (ze == null) {
                throw new InputException(file, key, "its storage " + StateDictUnpickler.printable(entryName)
                        + " is missing from the archive");
            }
            if (s.numel() < 0) {
                throw new InputException(file, key, "its storage has a negative size (" + s.numel()
                        + " numbers); a storage holds 0 or more");
            }
            if (s.numel() > fileSize / dt.bytes()) {
                throw new InputException(file, key, "its storage declares " + s.numel() + " numbers, more than the "
                        + fileSize + "-byte file can hold");
            }
            byte[] b = entryBytes(file, zip, ze, fileSize, fileSize);
            if (b.length < s.numel() * dt.bytes()) {
                throw new InputException(file, key, "its storage has " + b.length + " bytes; " + s.numel() + " numbers of "
                        + s.type().name() + " need " + s.numel() * dt.bytes());
            }
            buf = ByteBuffer.wrap(b).order(order);
            storages.put(entryName, buf);
        }
        long[] size = t.size();
        long[] stride = t.stride();
        if (size.length != stride.length || size.length > 4) {
            throw new InputException(file, key, "sizes " + java.util.Arrays.toString(size) + " and strides "
                    + java.util.Arrays.toString(stride) + " do not fit together");
        }
        long count = 1;
        long last = t.offset();
        for (int i = 0; i < size.length; i++) {
            if (size[i] < 0 || stride[i] < 0 || size[i] > Integer.MAX_VALUE) {
                throw new InputException(file, key, "negative or huge size or stride");
            }
            count *= size[i];
            if (count > s.numel()) {
                throw new InputException(file, key, "more numbers than its storage holds");
            }
            last += (size[i] - 1) * stride[i];
        }
        if (t.offset() < 0 || (count > 0 && last >= s.numel())) {
            throw new InputException(file, key, "a view (offset " + t.offset() + ", strides "
                    + java.util.Arrays.toString(stride) + ") that runs past its storage of " + s.numel() + " numbers");
        }
        int[] shape = new int[size.length];
        for (int i = 0; i < size.length; i++) {
            shape[i] = (int) size[i];
        }
        double[] data = new double[(int) count];
        long[] idx = new long[size.length];
        for (int n = 0; n < count; n++) {
            long at = t.offset();
            for (int i = 0; i < idx.length; i++) {
                at += idx[i] * stride[i];
            }
            data[n] = dt.get(buf, at);
            for (int i = idx.length - 1; i >= 0; i--) {
                if (++idx[i] < size[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return Tensor.of(key, shape, data);
    }

    /** An entry's bytes, refusing compressed entries and sizes past {@code max} or the file itself. */
    private static byte[] entryBytes(String file, ZipFile zip, ZipEntry e, long max, long fileSize)
            throws IOException, InputException {
        long n = e.getSize();
        if (e.getMethod() != ZipEntry.STORED) {
            throw new InputException(file, e.getName(), "a compressed entry; torch.save stores entries uncompressed");
        }
        if (n < 0 || n > max || n > fileSize) {
            throw new InputException(file, StateDictUnpickler.printable(e.getName()), "declares " + n + " bytes in a "
                    + fileSize + "-byte file");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) n);
            if (b.length != n) {
                throw new InputException(file, e.getName(), "ends after " + b.length + " of " + n + " bytes");
            }
            return b;
        }
    }

    // ---- writing: a state_dict torch.load(path, weights_only=True) reads ----

    /** Writes the model's state_dict (float64, PyTorch's names) in torch.save's zip format, atomically. */
    public static void write(Model model, Path path) throws IOException {
        ModelConfig c = model.config();
        String dir = "archive/";
        ByteArrayOutputStream pkl = new ByteArrayOutputStream();
        pkl.write(new byte[] {(byte) 0x80, 2});
        global(pkl, "collections", "OrderedDict");
        pkl.write(')');
        pkl.write('R');
        pkl.write('(');
        int k = 0;
        for (ModelConfig.ParamShape s : c.parameterShapes()) {
            unicode(pkl, s.name());
            global(pkl, "torch._utils", "_rebuild_tensor_v2");
            pkl.write('(');
            pkl.write('(');
            unicode(pkl, "storage");
            global(pkl, "torch", "DoubleStorage");
            unicode(pkl, Integer.toString(k++));
            unicode(pkl, "cpu");
            binint(pkl, s.size());
            pkl.write('t');
            pkl.write('Q');
            binint(pkl, 0);
            pkl.write('(');
            binint(pkl, s.rows());
            if (!s.isVector()) {
                binint(pkl, s.cols());
            }
            pkl.write('t');
            pkl.write('(');
            if (!s.isVector()) {
                binint(pkl, s.cols());
            }
            binint(pkl, 1);
            pkl.write('t');
            pkl.write(0x89); // NEWFALSE: requires_grad
            global(pkl, "collections", "OrderedDict");
            pkl.write(')');
            pkl.write('R');
            pkl.write('t');
            pkl.write('R');
        }
        pkl.write('u');
        if (c.vocab() != null) {
            // the vocabulary as an attribute of the OrderedDict (BUILD sets its __dict__): torch.load(f,
            // weights_only=True) accepts it, load_state_dict ignores it, sd.rnnlab_vocab reads it
            pkl.write('}');
            unicode(pkl, StateDictUnpickler.VOCAB_ATTRIBUTE);
            pkl.write(']');
            pkl.write('(');
            for (String sym : c.vocab()) {
                unicode(pkl, sym);
            }
            pkl.write('e');
            pkl.write('s');
            pkl.write('b');
        }
        pkl.write('.');
        Formats.writeAtomically(path, (OutputStream os) -> {
            try (ZipOutputStream zip = new ZipOutputStream(os)) {
                stored(zip, dir + "data.pkl", pkl.toByteArray());
                stored(zip, dir + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
                int i = 0;
                for (ModelConfig.ParamShape s : c.parameterShapes()) {
                    DMatrixRMaj m = model.param(s.name());
                    ByteBuffer b = ByteBuffer.allocate(8 * s.size()).order(ByteOrder.LITTLE_ENDIAN);
                    for (int j = 0; j < s.size(); j++) {
                        b.putDouble(m.data[j]);
                    }
                    stored(zip, dir + "data/" + i++, b.array());
                }
                stored(zip, dir + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static void global(ByteArrayOutputStream o, String module, String name) {
        o.write('c');
        o.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void unicode(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write('X');
        o.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        o.writeBytes(b);
    }

    private static void binint(ByteArrayOutputStream o, int v) {
        o.write('J');
        o.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }
}
