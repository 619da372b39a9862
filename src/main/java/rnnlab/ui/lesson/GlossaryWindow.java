package rnnlab.ui.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.ui.formula.TexImages;
import rnnlab.ui.common.Ids;

/**
 * Help ▸ Glossary and the lesson panel's "Glossary" link: the notation bridge (RNN Lab's W_xh/W_hh, the
 * textbooks' U/W/V, colah's W_f·[h, x], PyTorch's weight_ih_l0 and its gate row blocks) and the English–Chinese
 * term table, in the window's language. The text is {@code rnnlab/glossary/glossary_<lang>.md}; the English one
 * is docs/glossary.md (GlossaryTest keeps them equal). Paragraphs are typeset like a lesson's narration, tables
 * cell by cell. A window beside the main one, not blocking it; a second call replaces it.
 */
public final class GlossaryWindow {
    private static Stage open;
    private static final TexImages TEX = new TexImages();

    private GlossaryWindow() {
    }

    /** The glossary's Markdown in {@code lang} ("en" or "zh"; anything else gets English). */
    public static String text(String lang) {
        String name = "/rnnlab/glossary/glossary_" + ("zh".equals(lang) ? "zh" : "en") + ".md";
        try (InputStream in = GlossaryWindow.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** The tables of a glossary text: rows of cells, the separator rows left out. */
    public static List<List<List<String>>> tables(String markdown) {
        List<List<List<String>>> out = new ArrayList<>();
        List<List<String>> table = null;
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("|")) {
                table = null;
                continue;
            }
            if (table == null) {
                table = new ArrayList<>();
                out.add(table);
            }
            if (l.matches("\\|[\\s|:-]+\\|")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String c : l.substring(1, l.endsWith("|") ? l.length() - 1 : l.length()).split("\\|")) {
                cells.add(c.strip());
            }
            table.add(cells);
        }
        return out;
    }

    public static Stage show(LessonHost w) {
        if (open != null) {
            open.close();
        }
        String lang = Messages.bundle().getLocale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? "zh" : "en";
        double px = LessonHost.ThemeSettings.BASE_PX * w.theme().fontScale();
        Color fg = rnnlab.ui.controls.Theme.of(w.theme().isDark(), w.theme().projectorProperty().get()).css("-rl-text");
        VBox body = new VBox(px);
        body.setPadding(new Insets(16));
        body.setId(Ids.of("glossary.body"));
        StringBuilder prose = new StringBuilder();
        List<String> tableLines = new ArrayList<>();
        for (String line : (text(lang) + "\n").split("\n", -1)) {
            if (line.strip().startsWith("|")) {
                if (prose.length() > 0) {
                    body.getChildren().add(Narration.render(prose.toString(), px, fg, TEX));
                    prose.setLength(0);
                }
                tableLines.add(line);
            } else {
                if (!tableLines.isEmpty()) {
                    body.getChildren().add(table(String.join("\n", tableLines), px, fg));
                    tableLines.clear();
                }
                prose.append(line).append('\n');
            }
        }
        if (!prose.toString().isBlank()) {
            body.getChildren().add(Narration.render(prose.toString(), px, fg, TEX));
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setId(Ids.of("glossary"));
        scroll.getStyleClass().add("lesson-body");
        Scene scene = new Scene(scroll, Math.min(980, w.stage().getWidth() * 0.9), Math.min(720, w.stage().getHeight() * 0.9));
        scene.getStylesheets().setAll(w.scene().getStylesheets());
        scroll.getStyleClass().add(w.theme().isDark() ? "dark" : "light");
        scroll.setStyle(w.scene().getRoot().getStyle());
        Stage s = new Stage();
        s.setTitle(Messages.get("glossary.title"));
        s.setScene(scene);
        s.initOwner(w.stage());
        open = s;
        s.show();
        return s;
    }

    private static GridPane table(String markdown, double px, Color fg) {
        GridPane g = new GridPane();
        g.setHgap(px * 1.2);
        g.setVgap(px * 0.4);
        g.getStyleClass().add("glossary-table");
        List<List<List<String>>> ts = tables(markdown);
        if (ts.isEmpty()) {
            return g;
        }
        List<List<String>> rows = ts.get(0);
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String md = r == 0 ? "**" + cells.get(c) + "**" : cells.get(c);
                VBox cell = Narration.render(md.isEmpty() ? " " : md, px, fg, TEX);
                cell.setMaxWidth(cells.size() > 2 ? 260 : 420);
                g.add(cell, c, r);
            }
        }
        return g;
    }
}
