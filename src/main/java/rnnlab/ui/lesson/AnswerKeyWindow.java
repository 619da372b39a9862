package rnnlab.ui.lesson;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.io.AtomicFiles;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.session.AnswerKey;
import rnnlab.ui.common.Ids;
import rnnlab.ui.formula.TexImages;

/**
 * Lesson ▸ Answer key…: every checkpoint and exercise of the open lesson with its answer (the engine's
 * value, the right option, the author's answer and explanation), in the window's language, for the
 * teacher to print (Print, disabled with a reason when the system has no printer) or keep (Save as HTML,
 * written atomically). The answers are computed off the FX thread; a window beside the main one.
 */
public final class AnswerKeyWindow {
    private static final TexImages TEX = new TexImages();
    private static Stage open;

    private AnswerKeyWindow() {
    }

    /** The key's words in the window's language. */
    static Function<String, String> words() {
        return k -> Messages.get("answerKey." + k);
    }

    /** Opens the key of the player's lesson in the window's language (nothing when no lesson is open). */
    public static Stage show(LessonHost w) {
        Lesson shown = w.lessons().lesson();
        if (shown == null) {
            return null;
        }
        String lang = Messages.bundle().getLocale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? "zh" : "en";
        LessonEntry entry = w.lessons().library() == null ? null : w.lessons().library().entry(shown.id());
        Lesson lesson = entry != null && entry.lesson(lang) != null ? entry.lesson(lang) : shown;
        if (open != null) {
            open.close();
        }
        double px = LessonHost.ThemeSettings.BASE_PX * w.theme().fontScale();
        Color fg = rnnlab.ui.controls.Theme.of(w.theme().isDark(), w.theme().projectorProperty().get()).css("-rl-text");
        VBox body = new VBox(px * 0.5);
        body.setPadding(new Insets(16));
        body.setId(Ids.of("answerKey.body"));
        Label heading = new Label(String.format("%02d %s", lesson.number(), lesson.title()));
        heading.setFont(Font.font(null, FontWeight.BOLD, px * 1.3));
        Label status = new Label(Messages.get("answerKey.computing"));
        status.setId(Ids.of("answerKey.status"));
        status.setWrapText(true);
        body.getChildren().addAll(heading, status);

        Button print = new Button(Messages.get("answerKey.print"));
        print.setId(Ids.of("answerKey.print"));
        Button save = new Button(Messages.get("answerKey.save"));
        save.setId(Ids.of("answerKey.save"));
        print.setDisable(true);
        save.setDisable(true);
        Label message = new Label();
        message.setId(Ids.of("answerKey.message"));
        message.setWrapText(true);
        print.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, print, save, message);
        bar.setPadding(new Insets(8, 16, 8, 16));

        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("lesson-body", w.theme().isDark() ? "dark" : "light");
        BorderPane root = new BorderPane(scroll);
        root.setTop(bar);
        root.setId(Ids.of("answerKey"));
        root.setStyle(w.scene().getRoot().getStyle());
        Scene scene = new Scene(root, Math.min(900, w.stage().getWidth() * 0.9), Math.min(720, w.stage().getHeight() * 0.9));
        scene.getStylesheets().setAll(w.scene().getStylesheets());
        Stage s = new Stage();
        s.setTitle(Messages.get("answerKey.title") + " — " + lesson.title());
        s.setScene(scene);
        s.initOwner(w.stage());
        open = s;

        Function<String, String> words = words();
        Thread t = new Thread(() -> {
            List<AnswerKey.Item> items = AnswerKey.items(lesson, words);
            Platform.runLater(() -> {
                body.getChildren().remove(status);
                for (AnswerKey.Item i : items) {
                    body.getChildren().add(itemNode(i, px, fg));
                }
                save.setDisable(false);
                save.setOnAction(e -> saveAs(s, lesson, items, message));
                boolean printer = Printer.getDefaultPrinter() != null;
                print.setDisable(!printer);
                if (!printer) {
                    // a disabled button shows no tooltip: say it beside the buttons
                    message.setText(Messages.get("answerKey.noPrinter"));
                    print.setTooltip(new Tooltip(Messages.get("answerKey.noPrinter")));
                }
                print.setOnAction(e -> print(s, items, px, message));
            });
        }, "answer-key");
        t.setDaemon(true);
        t.start();
        s.show();
        return s;
    }

    /** One question: heading, question, engine's value, answer, explanation (typeset like the narration). */
    static VBox itemNode(AnswerKey.Item i, double px, Color fg) {
        Function<String, String> t = words();
        StringBuilder md = new StringBuilder();
        md.append("**").append(t.apply(i.exercise() ? "exercise" : "checkpoint")).append(' ').append(i.number())
                .append("** ").append(AnswerKey.stepOf(i, t)).append("\n\n").append(i.question()).append("\n\n");
        if (i.value() != null) {
            md.append(t.apply("value")).append(" `").append(i.value().replace("`", "'")).append("`\n\n");
        }
        if (i.answer() != null && !i.answer().isBlank()) {
            md.append("**").append(t.apply("answer")).append("** ").append(i.answer()).append("\n\n");
        }
        if (i.explain() != null && !i.explain().isBlank()) {
            md.append("*").append(t.apply("explain")).append("* ").append(i.explain()).append("\n\n");
        }
        VBox v = Narration.render(md.toString(), px, fg, TEX);
        v.getStyleClass().add("answer-key-item");
        v.setPadding(new Insets(px * 0.6, 0, 0, 0));
        v.setId("answer-key-" + (i.exercise() ? "exercise-" : "checkpoint-") + i.number());
        return v;
    }

    private static void saveAs(Stage owner, Lesson lesson, List<AnswerKey.Item> items, Label message) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("answerKey.save"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("answerKey.filter"), "*.html"));
        fc.setInitialFileName(String.format("%02d-%s-answer-key.html", lesson.number(), lesson.id()));
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            save(f.toPath(), lesson, items, message);
        }
    }

    /** Writes the key as HTML to {@code file} (atomically) and says so, or why not, in {@code message}. */
    static void save(Path file, Lesson lesson, List<AnswerKey.Item> items, Label message) {
        byte[] html = AnswerKey.html(lesson, items, words()).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(html));
            message.setText(Messages.format("answerKey.saved", file.getFileName()));
        } catch (IOException e) {
            message.setText(Messages.format("answerKey.error", file, String.valueOf(e.getMessage())));
        }
    }

    /** Prints the key, page by page, on a printer the teacher picks. */
    private static void print(Stage owner, List<AnswerKey.Item> items, double px, Label message) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            message.setText(Messages.get("answerKey.noPrinter"));
            return;
        }
        if (!job.showPrintDialog(owner)) {
            return;
        }
        PageLayout page = job.getJobSettings().getPageLayout();
        List<VBox> sheets = sheets(items, px, page.getPrintableWidth(), page.getPrintableHeight(),
                owner.getScene().getStylesheets(), owner.getScene().getRoot().getStyle());
        message.setText(Messages.get("answerKey.printing"));
        // the pages are sent from a thread of their own (the API's advice), so the window stays responsive
        Thread t = new Thread(() -> {
            boolean ok = true;
            for (VBox sheet : sheets) {
                ok &= job.printPage(page, sheet);
            }
            boolean done = ok && job.endJob();
            Platform.runLater(() -> message.setText(Messages.get(done ? "answerKey.printed" : "answerKey.printFailed")));
        }, "answer-key-print");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The pages to print: each item typeset as in the window (the window's stylesheets and root style, light
     * theme for paper, at 0.8 of the screen's size), measured after CSS, grouped into pages of the printable
     * height ({@link #pages}), each page laid out off screen in a scene of its own at the printable width.
     */
    static List<VBox> sheets(List<AnswerKey.Item> items, double px, double width, double height, List<String> stylesheets,
            String rootStyle) {
        double size = px * PRINT_SCALE;
        double gap = size * 0.5;
        String style = (rootStyle == null ? "" : rootStyle.replaceAll("-fx-font-size:\\s*[0-9.]+px;\\s*", ""))
                + String.format(Locale.ROOT, " -fx-font-size: %.1fpx;", size);
        VBox measure = new VBox();
        measure.setStyle(style);
        Scene measuring = new Scene(measure);
        measuring.getStylesheets().setAll(stylesheets);
        List<VBox> nodes = new ArrayList<>();
        for (AnswerKey.Item i : items) {
            VBox n = itemNode(i, size, Color.BLACK);
            n.setPrefWidth(width);
            n.setMaxWidth(width);
            nodes.add(n);
        }
        measure.getChildren().setAll(nodes);
        measure.applyCss();
        List<Double> heights = new ArrayList<>();
        for (VBox n : nodes) {
            heights.add(n.prefHeight(width) + gap);
        }
        measure.getChildren().clear();
        List<VBox> sheets = new ArrayList<>();
        // the page's spacing is the gap counted after each item: a page holds at most height + one gap
        for (List<Integer> p : pages(heights, height + gap)) {
            VBox sheet = new VBox(gap);
            sheet.setStyle(style);
            sheet.setPrefWidth(width);
            sheet.setMaxWidth(width);
            for (int k : p) {
                sheet.getChildren().add(nodes.get(k));
            }
            Scene scene = new Scene(sheet); // lays out and styles the page off screen
            scene.getStylesheets().setAll(stylesheets);
            sheet.applyCss();
            sheet.resize(width, sheet.prefHeight(width));
            sheet.layout();
            sheets.add(sheet);
        }
        return sheets;
    }

    /** Paper's type size against the window's. */
    static final double PRINT_SCALE = 0.8;

    /** Items grouped into pages of at most {@code pageHeight}; an item taller than a page gets a page of its own. */
    static List<List<Integer>> pages(List<Double> heights, double pageHeight) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < heights.size(); i++) {
            double h = heights.get(i);
            if (!cur.isEmpty() && used + h > pageHeight) {
                out.add(cur);
                cur = new ArrayList<>();
                used = 0;
            }
            cur.add(i);
            used += h;
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
