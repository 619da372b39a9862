package rnnlab.poll;

import java.util.List;
import java.util.Map;

/** Questions for the tests, in both languages. */
final class Questions {
    private Questions() {
    }

    static PollQuestion choice(String id) {
        return new PollQuestion(id, PollQuestion.Kind.CHOICE,
                Map.of("en", "Will the forget gate be above 0.5?", "zh", "遗忘门会大于 0.5 吗？"),
                Map.of("en", List.of("yes", "no", "exactly 0.5"), "zh", List.of("会", "不会", "正好 0.5")));
    }

    static PollQuestion number(String id) {
        return new PollQuestion(id, PollQuestion.Kind.NUMBER,
                Map.of("en", "What is h at step 3?", "zh", "第 3 步的 h 是多少？"), Map.of());
    }
}
