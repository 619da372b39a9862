package rnnlab.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rnnlab.i18n.Messages;

/**
 * Issue 12 and the team's zh terminology: BPTT is 通过时间反向传播 everywhere the app shows it (the timeline
 * said 随时间反向传播), in every bundle and shipped lesson.
 */
class BpttTermTest {
    @Test
    void chineseSaysTongGuoShiJianFanXiangChuanBo() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src", "main", "resources")), Files.walk(Path.of("lessons")))) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".properties") || p.toString().endsWith(".md")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path p : files) {
            assertThat(Files.readString(p, StandardCharsets.UTF_8)).as(p.toString()).doesNotContain("随时间反向传播");
        }
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            Messages.setLocale(java.util.Locale.CHINESE);
            assertThat(Messages.get("timeline.part.backward")).isEqualTo("通过时间反向传播");
        } finally {
            Messages.setLocale(before);
        }
    }
}
