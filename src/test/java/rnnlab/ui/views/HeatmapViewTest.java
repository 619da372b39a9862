package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.ui.controls.HiddenStateHeatmap;
import rnnlab.ui.controls.HiddenStateHeatmapSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.ui.controls.NumberText;

class HeatmapViewTest extends ViewTestBase {

    @Test
    void cellsAreColouredByValueAndFutureStepsAreBlank() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        show(view, f, 900, 420);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        WritableImage img = skin.image();
        double[][] h = f.layer(0, 0).h();
        for (int[] tu : new int[][] {{2, 3}, {5, 0}, {0, 7}}) {
            int[] o = skin.cellOrigin(tu[0], tu[1]);
            int got = img.getPixelReader().getArgb(o[0] + 1, o[1] + 1);
            assertThat(got).isEqualTo(Palette.diverging(h[tu[0]][tu[1]], Palette.LIGHT_NEUTRAL));
        }
        // same colour on the painted canvas
        Rectangle2D row = region(view, "heatmap.unit.3");
        WritableImage canvas = canvasPixels(view);
        int[] o = skin.cellOrigin(2, 3);
        double cx = row.getMaxX() - img.getWidth() + o[0] + 2;
        assertThat(distance(argb(canvas, cx, row.getMinY() + 2), Palette.diverging(h[2][3], Palette.LIGHT_NEUTRAL)))
                .isLessThanOrEqualTo(2);
        // step 9 (index 8) is not computed: the panel grey, not a value colour
        int[] fut = skin.cellOrigin(8, 3);
        assertThat(img.getPixelReader().getArgb(fut[0] + 1, fut[1] + 1)).isEqualTo(Palette.argb(Theme.LIGHT.panel()));
        screenshot(view, "heatmap");
    }

    /** Issue 12: heatmap.step.N spotlit the axis label, not the step's cells; over a cell the unit still answers. */
    @Test
    void aStepsRegionIsItsColumnOfCellsAndTheUnitStillAnswersTheHover() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        show(view, f, 900, 420);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        int[] top = skin.cellOrigin(4, 0);
        int[] low = skin.cellOrigin(4, 7);
        Rectangle2D step = region(view, "heatmap.step.4");
        Rectangle2D canvasRow = region(view, "heatmap.unit.0");
        // the image's cell origins are relative to the image; the unit row gives the canvas offset
        double y0 = canvasRow.getMinY() - top[1];
        assertThat(step.getMinY()).isLessThanOrEqualTo(y0 + top[1] + 0.5);
        assertThat(step.getMaxY()).isGreaterThan(y0 + low[1] + 1);
        assertThat(skin.hitTest(step.getMinX() + step.getWidth() / 2, canvasRow.getMinY() + 1)).isEqualTo("heatmap.unit.0");
        assertThat(skin.hitTest(step.getMinX() + step.getWidth() / 2, step.getMaxY() - 2)).isEqualTo("heatmap.step.4");
    }

    @Test
    void theCellStateCheckBoxSwitchesTheLstmMapToCAndIsHiddenForOtherCells() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        show(view, f, 900, 420);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        HiddenStateHeatmap c = (HiddenStateHeatmap) view.node();
        assertThat(skin.cellStateBox().isVisible()).isTrue();
        assertThat(c.getQuantity()).isEqualTo("h");
        interact(() -> skin.cellStateBox().fire());
        assertThat(c.getQuantity()).isEqualTo("c");
        assertThat(c.isSymlog()).isTrue();
        assertThat(c.getValues()[2][3]).isEqualTo(f.layer(0, 0).c()[2][3]);
        repaint(view);
        screenshot(view, "heatmap-cell-state");
        interact(() -> skin.cellStateBox().fire());
        assertThat(c.getQuantity()).isEqualTo("h");
        assertThat(c.getValues()[2][3]).isEqualTo(f.layer(0, 0).h()[2][3]);
        show(view, FrameBuilder.build(ViewFixtures.run(CellType.GRU, 5, 6, 0, 1)), 900, 420);
        assertThat(skin(view) == skin ? skin.cellStateBox().isVisible() : ((HiddenStateHeatmapSkin) skin(view)).cellStateBox().isVisible())
                .isFalse();
    }

    /**
     * Issue 12: in a narrow tile (lessons 05, 08, 13 and 20 at 1024x768) the check box read "show the cell stat…":
     * it wraps, and is given the lines its wrapped text needs, at every width a tile takes.
     */
    @Test
    void theCellStateCheckBoxIsNeverCutInANarrowTile() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        java.util.List<String> cut = new java.util.ArrayList<>();
        // the window's type (DejaVu Sans at the app's size), larger than the test stage's default
        interact(() -> root.setStyle("-fx-font-family: 'DejaVu Sans'; -fx-font-size: 15px;"));
        for (int w = 120; w <= 420; w += 15) {
            for (int h : new int[] {80, 100, 140, 220, 320}) {
                show(view, f, w, h);
                HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
                javafx.scene.control.CheckBox box = skin.cellStateBox();
                int ww = w;
                interact(() -> {
                    var problems = rnnlab.ui.layout.LayoutChecker.check(root,
                            new javafx.geometry.BoundingBox(0, 0, 1280, 720), 0);
                    problems.stream().filter(p -> box.getText().equals(p.text()))
                            .forEach(p -> cut.add(ww + "x" + h + ": " + p.kind()));
                });
            }
        }
        assertThat(cut).isEmpty();
        // the full wording where it fits, the short one (with the full one as its tooltip) where it does not
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        assertThat(skin.cellStateBox().getText()).isEqualTo(rnnlab.i18n.Messages.get("heatmap.check.cell"));
        show(view, f, 120, 80);
        assertThat(skin(view) == skin ? skin.cellStateBox().getText() : null)
                .isEqualTo(rnnlab.i18n.Messages.get("heatmap.check.cell.short"));
        assertThat(skin.cellStateBox().getTooltip().getText()).isEqualTo(rnnlab.i18n.Messages.get("heatmap.check.cell"));
        // a short tile (a lesson's at 1024x768, 320x150): the check box shares the colour scale's row and the
        // symbols' row goes, so that each unit's row of cells is a few px tall, not 1 px
        show(view, f, 320, 150);
        HiddenStateHeatmapSkin s2 = (HiddenStateHeatmapSkin) skin(view);
        javafx.scene.control.CheckBox box = s2.cellStateBox();
        // at the foot of the view (inside its padding), level with the colour scale
        assertThat(box.getLayoutY() + box.getHeight()).isCloseTo(150, org.assertj.core.api.Assertions.within(6.0));
        Rectangle2D legend = region(view, "heatmap.legend");
        assertThat(box.getLayoutY()).isLessThan(legend.getMaxY() + 6);
        assertThat(box.getWidth()).isLessThan(160);
        assertThat(s2.cellOrigin(0, 1)[1]).as("a unit's row height").isGreaterThanOrEqualTo(3);
    }

    /** "not computed yet" only where the empty cells are a line tall (over one unit's row it crossed the selection box). */
    @Test
    void notComputedYetOnlyWhereTheCellsAreALineTall() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        String future = rnnlab.i18n.Messages.get("heatmap.future");
        show(view, f, 1200, 420);
        assertThat(placedTexts(view)).contains(future);
        show(view, f, 1200, 100);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        assertThat(skin.image().getHeight()).as("the cells' height").isLessThan(16);
        assertThat(placedTexts(view)).doesNotContain(future);
    }

    /**
     * "not computed yet" sat in the middle of the empty cells, across the selected unit's box when that row was in the
     * middle (the layout checker's "drawn over graphics", lesson 14 at 1280x720): the box is kept clear, and the words
     * go to the middle of the taller run of empty rows above or below it.
     */
    @Test
    void notComputedYetKeepsClearOfTheSelectedUnitsBox() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        String future = rnnlab.i18n.Messages.get("heatmap.future");
        show(view, f, 1200, 420);
        rnnlab.ui.controls.HiddenStateHeatmap c = (rnnlab.ui.controls.HiddenStateHeatmap) view.node();
        for (int sel : new int[] {3, 4}) {
            interact(() -> c.setSelectedUnit(sel));
            repaint(view);
            Rectangle2D row = region(view, "heatmap.unit." + sel);
            var words = ((rnnlab.ui.controls.CanvasLabels) skin(view).canvas().getProperties().get(rnnlab.ui.controls.CanvasLabels.KEY))
                    .placed().stream().filter(p -> p.text().equals(future)).toList();
            assertThat(words).as("'not computed yet' shows with unit %d selected", sel + 1).hasSize(1);
            var p = words.get(0);
            // the box is drawn 1 px outside the row with a 2 px line
            assertThat(p.overlaps(row.getMinX(), row.getMinY() - 2, row.getWidth(), row.getHeight() + 4))
                    .as("'not computed yet' %s clear of unit %d's box %s", p, sel + 1, row).isFalse();
        }
    }

    private static java.util.List<String> placedTexts(HeatmapView view) {
        return ((rnnlab.ui.controls.CanvasLabels) skin(view).canvas().getProperties().get(rnnlab.ui.controls.CanvasLabels.KEY))
                .placed().stream().map(rnnlab.ui.controls.CanvasLabels.Placed::text).toList();
    }

    @Test
    void hoverNamesUnitStepAndValueAndClickSelectsTheUnit() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        ViewContext ctx = show(view, f, 900, 420);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        Rectangle2D row = region(view, "heatmap.unit.5");
        int[] o = skin.cellOrigin(3, 5);
        double x = row.getMaxX() - skin.image().getWidth() + o[0] + 2;
        String[] text = new String[1];
        interact(() -> text[0] = skin.hoverAt(x, row.getMinY() + 1));
        String value = NumberText.num(f.layer(0, 0).h()[3][5]);
        assertThat(text[0]).contains("[6]").contains("t = 4").contains(value);
        assertThat(skin.hoverLabel().isVisible()).isTrue();
        interact(() -> skin.clickAt(x, row.getMinY() + 1));
        assertThat(ctx.selectedUnitProperty().get()).isEqualTo(5);
    }

    @Test
    void nanCellsAreHatchedNotColoured() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        show(view, f, 900, 420);
        HiddenStateHeatmap c = view.control();
        double[][] v = f.layer(0, 0).h().clone();
        v[1] = v[1].clone();
        v[1][2] = Double.NaN;
        interact(() -> c.setValues(v));
        repaint(view);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        int[] o = skin.cellOrigin(1, 2);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int dx = 0; dx < 8; dx++) {
            colours.add(skin.image().getPixelReader().getArgb(o[0] + dx, o[1]));
        }
        assertThat(colours).containsExactlyInAnyOrder(0xFF000000, Palette.argb(Palette.YELLOW));
    }

    @Test
    void largeLstmRedrawIsCheap() {
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 128, rnnlab.ui.views.ViewFixtures.TEXT.repeat(9).substring(0, 100),
                60, 0, 3));
        HeatmapView view = new HeatmapView();
        show(view, f, 1280, 720);
        long[] ns = new long[1];
        interact(() -> {
            for (int k = 0; k < 5; k++) {
                skin(view).redrawNow();
            }
            long t0 = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                skin(view).redrawNow();
            }
            ns[0] = (System.nanoTime() - t0) / 20;
        });
        System.out.printf("heatmap H=128 T=100 full repaint: %.2f ms%n", ns[0] / 1e6);
        assertThat(((HiddenStateHeatmapSkin) skin(view)).image().getWidth()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void animationFramesReuseThePixelsNewDataRefillsThem() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        ViewContext ctx = show(view, f, 900, 420);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        int fills = skin.fillCount();
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            interact(() -> ctx.stepProgressProperty().set(p));
            repaint(view);
        }
        interact(() -> ctx.selectedUnitProperty().set(2));
        repaint(view);
        assertThat(skin.fillCount()).isEqualTo(fills);
        Frame next = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, 7, 0, 7));
        interact(() -> ctx.frameProperty().set(next));
        repaint(view);
        assertThat(skin.fillCount()).isEqualTo(fills + 1);
        int[] o = skin.cellOrigin(6, 2);
        assertThat(skin.image().getPixelReader().getArgb(o[0] + 1, o[1] + 1))
                .isEqualTo(Palette.diverging(next.layer(0, 0).h()[6][2], Palette.LIGHT_NEUTRAL));
    }

    /** Issue 17: while training with dropout, the units the step dropped are crossed out, exactly those of its mask. */
    @Test
    void theUnitsTheTrainingStepDroppedAreCrossedOutAsInItsMask() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        rnnlab.training.tasks.Task task = rnnlab.training.tasks.Tasks.create("adding", 10);
        rnnlab.training.Trainer tr = new rnnlab.training.Trainer(task, task.defaults().withCell(CellType.LSTM)
                .withHidden(8).withLayers(1).withBatch(1).withSeed(11)
                .withRegularisation(new rnnlab.training.optim.Regularisation(0.4, true, 0, false)));
        for (int i = 0; i < 3; i++) {
            tr.advance();
        }
        rnnlab.training.DropoutMask m = tr.dropoutMask();
        HeatmapView view = new HeatmapView();
        ViewContext ctx = show(view, f, 900, 420);
        HiddenStateHeatmapSkin skin = (HiddenStateHeatmapSkin) skin(view);
        assertThat(view.control().getDropped()).isNull();
        assertThat(skin.droppedDrawn()).isZero();
        interact(() -> ctx.trainingDropoutProperty().set(m));
        repaint(view);
        HiddenStateHeatmap.Dropped d = view.control().getDropped();
        int steps = f.layer(0, 0).h().length;
        int expected = 0;
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < 8; u++) {
                assertThat(d.at(t, u)).as("t=%d u=%d", t, u).isEqualTo(m.dropped(0, t, u));
                expected += t < m.length() && m.dropped(0, t, u) ? 1 : 0;
            }
        }
        assertThat(expected).isPositive();
        assertThat(skin.droppedDrawn()).isEqualTo(expected);
        // on the canvas: a dropped cell has the cross through its centre, a kept one its plain colour
        WritableImage canvas = canvasPixels(view);
        double[][] h = f.layer(0, 0).h();
        int checkedDropped = 0;
        int checkedKept = 0;
        for (int t = 0; t < Math.min(steps, f.forwardSteps()); t++) {
            for (int u = 0; u < 8; u++) {
                Rectangle2D row = region(view, "heatmap.unit." + u);
                int[] o = skin.cellOrigin(t, u);
                int[] o2 = skin.cellOrigin(t + 1, u + 1);
                double x0 = row.getMaxX() - skin.image().getWidth();
                double cx = x0 + (o[0] + o2[0]) / 2.0;
                double cy = row.getMinY() + (o2[1] - o[1]) / 2.0;
                int got = argb(canvas, cx, cy);
                int plain = Palette.diverging(h[t][u], Palette.LIGHT_NEUTRAL);
                if (m.dropped(0, t, u)) {
                    assertThat(distance(got, plain)).as("dropped t=%d u=%d", t, u).isGreaterThan(40);
                    checkedDropped++;
                } else {
                    assertThat(distance(got, plain)).as("kept t=%d u=%d", t, u).isLessThanOrEqualTo(2);
                    checkedKept++;
                }
            }
        }
        assertThat(checkedDropped).isPositive();
        assertThat(checkedKept).isPositive();
        screenshot(view, "heatmap-dropout");
        interact(() -> ctx.darkThemeProperty().set(true));
        repaint(view);
        screenshot(view, "heatmap-dropout-dark");
        // training ended: nothing is marked
        interact(() -> ctx.trainingDropoutProperty().set(null));
        repaint(view);
        assertThat(view.control().getDropped()).isNull();
        assertThat(skin.droppedDrawn()).isZero();
        // a mask of another model (other width) marks nothing
        rnnlab.training.DropoutMask other = new rnnlab.training.DropoutMask(1, 0.5, 4, 5,
                new boolean[][] {new boolean[20]});
        interact(() -> ctx.trainingDropoutProperty().set(other));
        assertThat(view.control().getDropped()).isNull();
    }
}
