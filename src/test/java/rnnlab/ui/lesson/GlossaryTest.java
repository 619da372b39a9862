package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The glossary the app shows (Help ▸ Glossary, the lesson panel's link) is the project's docs/glossary.md in
 * English, and a Chinese text with the same tables: the same notation rows (four columns, the PyTorch names
 * identical) and the same bilingual term table, so the two languages never teach different terms.
 */
class GlossaryTest {
    @Test
    void theEnglishGlossaryIsDocsGlossaryAndTheChineseOneHasTheSameTermsAndNotation() throws Exception {
        String doc = Files.readString(Path.of("docs/glossary.md"), StandardCharsets.UTF_8);
        assertThat(GlossaryWindow.text("en")).isEqualTo(doc);
        var en = GlossaryWindow.tables(GlossaryWindow.text("en"));
        var zh = GlossaryWindow.tables(GlossaryWindow.text("zh"));
        assertThat(en).hasSize(2);
        assertThat(zh).hasSize(2);
        // notation bridge: same number of rows, four columns, PyTorch's names the same in both
        assertThat(zh.get(0)).hasSameSizeAs(en.get(0));
        for (int r = 0; r < en.get(0).size(); r++) {
            assertThat(zh.get(0).get(r)).hasSize(4);
            if (r > 0) {
                assertThat(zh.get(0).get(r).get(3).replaceAll("[^`a-z_0-9.+ ]", ""))
                        .contains(en.get(0).get(r).get(3).replaceAll(".*?(`[^`]+`).*", "$1"));
            }
        }
        // the term table is the same bilingual table in both texts
        assertThat(zh.get(1)).isEqualTo(en.get(1));
        assertThat(en.get(1).size()).isGreaterThan(25);
        List<String> header = en.get(1).get(0);
        assertThat(header).containsExactly("English", "中文");
        assertThat(en.get(1)).contains(List.of("hidden unit (one component of $h_t$)", "隐藏单元"),
                List.of("backpropagation through time (BPTT)", "通过时间反向传播"));
    }

    @Test
    void tablesSkipSeparatorRowsAndSplitCells() {
        var t = GlossaryWindow.tables("text\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| x |\n");
        assertThat(t).containsExactly(List.of(List.of("a", "b"), List.of("1", "2")), List.of(List.of("x")));
    }
}
