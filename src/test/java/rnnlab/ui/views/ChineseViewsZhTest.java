package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/** The views in Chinese: titles, drawn labels and hover texts are Chinese and the glyphs are real (no boxes). */
class ChineseViewsZhTest extends ViewTestBase {

    @BeforeEach
    void chinese() {
        AppLanguage.set(AppLanguage.CHINESE);
    }

    @AfterEach
    void english() {
        AppLanguage.set(AppLanguage.ENGLISH);
    }

    /** The pixels of one text drawn in the canvas font of the views. */
    private int[] glyphs(String text) {
        int[][] out = new int[1][];
        interact(() -> {
            Canvas c = new Canvas(120, 60);
            var g = c.getGraphicsContext2D();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, 120, 60);
            g.setFill(Color.BLACK);
            g.setFont(Font.font(AppLanguage.family(), 40));
            g.fillText(text, 10, 45);
            WritableImage img = c.snapshot(new SnapshotParameters(), null);
            PixelReader r = img.getPixelReader();
            int[] px = new int[120 * 60];
            r.getPixels(0, 0, 120, 60, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, 120);
            out[0] = px;
        });
        return out[0];
    }

    @Test
    void chineseCharactersAreDrawnAsDistinctGlyphsNotBoxes() {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        int[] blank = glyphs("");
        int[] forget = glyphs("遗");
        int[] gate = glyphs("门");
        // a missing glyph draws the same box for every character; real glyphs differ from each other
        assertThat(forget).isNotEqualTo(blank);
        assertThat(gate).isNotEqualTo(blank);
        assertThat(forget).isNotEqualTo(gate);
        long inked = Arrays.stream(forget).filter(p -> (p & 0xFF) < 128).count();
        assertThat(inked).as("ink of one character at 40 px").isGreaterThan(60);
    }

    @Test
    void lstmViewTitleLabelsAndHoverAreChinese() throws Exception {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        ViewContext ctx = show(view, f, 1280, 720);
        interact(() -> ctx.selectedUnitProperty().set(3));
        repaint(view);
        assertThat(ViewCatalog.title(view)).isEqualTo("LSTM 单元");
        assertThat(Messages.format("lstm.title", 6, 4)).isEqualTo("LSTM 单元 · t = 6 · 隐藏单元 4");
        Rectangle2D fg = region(view, "lstm.gate.f.unit.3");
        String hover = fx(() -> skin(view).hoverAt(fg.getMinX() + fg.getWidth() / 2, fg.getMinY() + fg.getHeight() / 2));
        assertThat(hover).startsWith("遗忘门 f_t").contains("，隐藏单元 4：");
        // clicking a gate still gives its equation with the numbers
        Rectangle2D o = region(view, "lstm.gate.o");
        interact(() -> skin(view).clickAt(o.getMinX() + 1, o.getMinY() + 1));
        assertThat(view.control().getEquation()).startsWith("o[4] = σ(");
        screenshot(view, "lstm-zh");
    }

    @Test
    void candidateTildeInChineseOnTheProjectorTheme() throws Exception {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        ViewContext ctx = show(view, f, 1280, 720);
        interact(() -> {
            ctx.projectorThemeProperty().set(true);
            ctx.selectedUnitProperty().set(3);
        });
        repaint(view);
        rnnlab.ui.controls.CanvasLabels l = (rnnlab.ui.controls.CanvasLabels) skin(view).canvas().getProperties()
                .get(rnnlab.ui.controls.CanvasLabels.KEY);
        // the candidate's name (with c̃) is drawn whole above its box, not dropped
        Rectangle2D g = region(view, "lstm.gate.g");
        assertThat(l.placed()).anyMatch(p -> p.text().contains("c\u0303") && p.y() + p.h() <= g.getMinY() + 1);
        screenshot(view, "lstm-zh-projector");
    }

    @Test
    void everyViewDrawsInChinese() throws Exception {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        Frame f = ViewFixtures.lstmMiddle();
        for (LabView v : ViewCatalog.createAll()) {
            show(v, f, 1000, 560);
            assertThat(ViewCatalog.title(v)).as(v.id()).matches(".*[\\u4e00-\\u9fff].*");
            screenshot(v, v.id().replace("view.", "") + "-zh");
            // a small tile: Chinese sentences wrap between characters instead of running off the edge
            show(v, f, 460, 300);
            screenshot(v, "small-" + v.id().replace("view.", "") + "-zh");
            interact(v::unbind);
        }
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        Object[] out = new Object[1];
        Exception[] err = new Exception[1];
        interact(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        if (err[0] != null) {
            throw err[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
