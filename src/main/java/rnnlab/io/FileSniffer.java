package rnnlab.io;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Looks at the first bytes of a file before it is parsed as text, so files a user might try by
 * mistake (a PyTorch {@code torch.save} file, a pickle, an image, any binary) get a message that
 * names what they are and what to do, instead of a parser's complaint quoting binary bytes.
 */
final class FileSniffer {
    /** What the README says to run to turn a PyTorch model into a model file. */
    static final String EXPORT_HINT = "write a model file from PyTorch with src/main/python/export_pytorch.py "
            + "(README: \"Bring your own PyTorch model\")";
    private static final int PEEK = 512;

    private FileSniffer() {
    }

    /** Refuses a binary file; leaves the stream at its start for the parser. */
    static void refuseBinary(String name, BufferedInputStream in) throws IOException, InputException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        String kind = kind(head);
        if (kind != null) {
            throw new InputException(name, "", kind);
        }
    }

    /** A description of a binary file's format and what to do, or null when it may be text. */
    static String kind(byte[] b) {
        int n = b.length;
        if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6)) {
            return "this is a zip archive, not JSON: probably a PyTorch file written by torch.save (.pt, .pth), "
                    + "which RNN Lab cannot open; " + EXPORT_HINT;
        }
        if (n >= 2 && (b[0] & 0xff) == 0x80 && b[1] >= 2 && b[1] <= 5) {
            return "this is a Python pickle, not JSON: probably an older PyTorch torch.save file, "
                    + "which RNN Lab cannot open; " + EXPORT_HINT;
        }
        if (starts(b, 0x89, 'P', 'N', 'G') || starts(b, 0xff, 0xd8, 0xff) || starts(b, 'G', 'I', 'F', '8')) {
            return "this is an image, not JSON; expected a JSON file";
        }
        if (starts(b, 0x1f, 0x8b)) {
            return "this is a gzip archive, not JSON; unpack it first";
        }
        if (starts(b, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return "this is a NumPy .npy file, not JSON; " + EXPORT_HINT;
        }
        if (starts(b, 0xfe, 0xff) || starts(b, 0xff, 0xfe)) {
            return "this text is in UTF-16; expected UTF-8 JSON";
        }
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0c)) {
                return "this is a binary file (byte " + i + " is 0x" + String.format("%02x", c)
                        + "), not JSON; expected a UTF-8 text file";
            }
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
