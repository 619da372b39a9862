package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keys and words agree (issue 12): the training panel's temperature is a text field, so no shipped
 * lesson tells students to drag or move a temperature slider (lesson 13 did, in both languages).
 */
class LessonControlWordsTest {
    @Test
    void noLessonCallsTheTemperatureFieldASlider() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("lessons"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    boolean temperature = l.contains("Temperature") || l.contains("温度");
                    if (temperature && (l.contains("slider") || l.contains("滑块"))) {
                        found.add(p.getFileName() + ":" + (i + 1) + ": " + l);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
