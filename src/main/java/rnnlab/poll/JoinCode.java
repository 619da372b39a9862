package rnnlab.poll;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;

/** The short code a student types (or the QR code carries) to join: letters and digits that cannot be mixed up. */
public final class JoinCode {
    /** No 0/O, 1/I/L: easy to read off a projector and to type on a phone. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {
    }

    public static String random() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Whether {@code given} is {@code code}, ignoring case and spaces; compared in constant time. */
    static boolean matches(String code, String given) {
        if (given == null || given.length() > 16) {
            return false;
        }
        String g = given.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), g.getBytes(StandardCharsets.UTF_8));
    }
}
