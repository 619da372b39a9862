package rnnlab.io;

/**
 * Text from a file made safe to print: control and formatting characters (NUL, ESC, a bidi override,
 * a lone surrogate …) become escapes such as {@code \u0000}, and quotes are cut to a bounded length,
 * so no message can move a terminal's cursor, ring its bell, reorder its text or fill a screen.
 */
public final class SafeText {
    /** The longest message part kept whole (longer ones are cut with "…"). */
    public static final int MAX_MESSAGE = 400;

    private SafeText() {
    }

    /** {@code s} with every unsafe character escaped, at most {@code max} characters of it kept. */
    public static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 16);
        int kept = 0;
        for (int i = 0; i < s.length(); i++) {
            if (kept >= max) {
                sb.append("…");
                break;
            }
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = s.codePointAt(i);
                if (unsafe(cp)) {
                    sb.append(escape(c)).append(escape(s.charAt(i + 1)));
                } else {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c) || unsafe(c)) {
                sb.append(escape(c));
            } else {
                sb.append(c);
            }
            kept++;
        }
        return sb.toString();
    }

    /** {@link #clean(String, int)} with the message bound. */
    public static String clean(String s) {
        return clean(s, MAX_MESSAGE);
    }

    /** A short quote of file content: at most 40 characters, cleaned. */
    public static String quote(String s) {
        return clean(s, 40);
    }

    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    private static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
