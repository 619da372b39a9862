package rnnlab.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages is the one text lookup: it finds a key of any of the app's bundles, and no key is in two. */
class MessagesTest {

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void findsTheKeysOfEveryBundleInTheAppsLanguage() {
        Language.set(Language.ENGLISH);
        for (String base : Messages.BUNDLES) {
            ResourceBundle en = Messages.bundle(base);
            String key = en.getKeys().nextElement();
            assertThat(Messages.has(key)).as(base + " " + key).isTrue();
            assertThat(Messages.get(key)).as(base + " " + key).isEqualTo(en.getString(key));
        }
        assertThat(Messages.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Messages.has("no.such.key")).isFalse();
        Language.set(Locale.CHINESE);
        // a view key (views bundle) and a poll key (poll bundle) come out in Chinese
        assertThat(Messages.get("poll.menu")).isEqualTo(Messages.bundle(Messages.POLL).getString("poll.menu"))
                .isNotEqualTo(Bundles.bundle(Messages.POLL, Language.ENGLISH).getString("poll.menu"));
    }

    @Test
    void noKeyIsInTwoBundles() {
        List<ResourceBundle> bundles = Messages.BUNDLES.stream().map(b -> Bundles.bundle(b, Language.ENGLISH)).toList();
        assertThat(collisions(Messages.BUNDLES, bundles)).isEmpty();
        // the check bites: a planted key that two bundles share is reported
        ResourceBundle planted = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"poll.menu", "x"}};
            }
        };
        assertThat(collisions(List.of("a", "b"), List.of(bundles.get(3), planted))).containsExactly("poll.menu in a and b");
    }

    static List<String> collisions(List<String> names, List<ResourceBundle> bundles) {
        Map<String, String> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            for (String k : bundles.get(i).keySet()) {
                String before = seen.putIfAbsent(k, names.get(i));
                if (before != null) {
                    out.add(k + " in " + before + " and " + names.get(i));
                }
            }
        }
        return out;
    }

    @Test
    void rememberedLabelsFollowTheArgumentsAndTheLanguage() {
        // labels formatted at every frame are remembered (bench-ui): the text must still follow arguments and language
        Language.set(Language.ENGLISH);
        assertThat(Messages.format("heatmap.title", "h")).isEqualTo("Hidden state h \u00b7 units \u00d7 time steps");
        assertThat(Messages.format("unrolled.title", "LSTM", 12)).isEqualTo("LSTM unrolled in time \u00b7 12");
        assertThat(Messages.format("unrolled.title", "LSTM", 13)).isEqualTo("LSTM unrolled in time \u00b7 13");
        assertThat(Messages.format("unrolled.title", "LSTM", 12)).isEqualTo("LSTM unrolled in time \u00b7 12");
        assertThat(Messages.format("unrolled.title", "LSTM", 1234)).isEqualTo("LSTM unrolled in time \u00b7 1,234");
        assertThat(Messages.format("unrolled.title", "LSTM", 0.5)).isEqualTo("LSTM unrolled in time \u00b7 0.5");
        Language.set(Locale.CHINESE);
        assertThat(Messages.format("heatmap.title", "h")).isEqualTo("\u9690\u85cf\u72b6\u6001 h \u00b7 \u9690\u85cf\u5355\u5143 \u00d7 \u65f6\u95f4\u6b65");
        assertThat(Messages.format("unrolled.title", "LSTM", 12)).isEqualTo("LSTM \u6309\u65f6\u95f4\u5c55\u5f00 \u00b7 12");
    }
}
