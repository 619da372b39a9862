package rnnlab.engine;

/** Which steps carry a target: every step (many-to-many) or only the last (many-to-one). */
public enum TargetSteps {
    ALL("all"), LAST("last");

    private final String id;

    TargetSteps(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TargetSteps fromId(String s) {
        for (TargetSteps t : values()) {
            if (t.id.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
