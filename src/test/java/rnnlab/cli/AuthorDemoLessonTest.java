package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: lessons/examples/author-demo is a lesson pair written from lessons/README.md alone and uses
 * every authoring feature the README documents. It must keep passing the checker in both languages, and
 * it must keep using each feature (so that a change to the format shows up here first).
 */
class AuthorDemoLessonTest {
    static final Path DEMO = Path.of("lessons/examples/author-demo");

    @Test
    void theDemoPassesTheCheckerInBothLanguages() {
        MainTest.Result en = MainTest.run("lessons", "check", DEMO.toString(), "--answers");
        assertThat(en.status()).as(en.out() + en.err()).isZero();
        assertThat(en.out()).contains("1 lessons checked in " + DEMO + ": all fine")
                .contains("f-unit2: gate f unit 2 step 4 = ")
                .contains("c-end: cell unit 2 step end = ")
                .contains("grad-unit2: grad_h unit 2 step 1 = ")
                .contains("exercise ex-sigma: sigma_max = ");
        MainTest.Result zh = MainTest.run("lessons", "check", DEMO.toString(), "--lang", "zh");
        assertThat(zh.status()).as(zh.out() + zh.err()).isZero();
    }

    @Test
    void theDemoUsesEveryAuthoringFeatureOfTheReadme() throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String s = Files.readString(DEMO.resolve("01-forget-demo." + lang + ".md"));
            assertThat(s).as(lang)
                    .contains("reveal: step: ")
                    .contains("require: answer")
                    .contains("hint: ")
                    .contains("| 0.45 <= x < 0.65")            // a range with two bounds
                    .contains("value: grad_h unit 2 step 1")   // a per-unit quantity
                    .contains("value: cell unit 2 step end")   // step end
                    .contains("set: rnn.bias_hh_l0[9] = 5")
                    .contains("](figures/fading-belt.png)")
                    .contains("```note")
                    .contains("reference: ")
                    .contains("```exercise")
                    .contains("mask: gates");
            // two checkpoints in the step "Open the gate with one bias"
            int set = s.indexOf("set: rnn.bias_hh_l0");
            String step3 = s.substring(set, s.indexOf("\n## ", set));
            assertThat(step3.split("```check", -1)).as(lang).hasSize(3);
        }
        assertThat(DEMO.resolve("figures/fading-belt.png")).exists();
    }
}
