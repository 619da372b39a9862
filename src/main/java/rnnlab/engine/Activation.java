package rnnlab.engine;

import java.util.Locale;

/** Activation of the output head. */
public enum Activation {
    SOFTMAX, SIGMOID, IDENTITY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromId(String s) {
        for (Activation a : values()) {
            if (a.id().equals(s)) {
                return a;
            }
        }
        return null;
    }
}
