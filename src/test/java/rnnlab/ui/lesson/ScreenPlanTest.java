package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Which screen shows what with two screens (issue 12): pure, no display needed. */
class ScreenPlanTest {
    /** A laptop (primary, left) and a projector on its right, as on the X server tried by hand. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1280, 0, 1024, 768);
    private static final List<Rectangle2D> TWO = List.of(LAPTOP, PROJECTOR);

    @Test
    void oneScreenHasNoPlanAndThePresenterViewOpensBesideTheWindow() {
        Rectangle2D window = new Rectangle2D(100, 100, 900, 600);
        assertThat(ScreenPlan.of(List.of(LAPTOP), 0, window)).isNull();
        assertThat(ScreenPlan.presenterScreen(List.of(LAPTOP), 0, window)).isEqualTo(-1);
    }

    @Test
    void theWindowOnTheLaptopGoesToTheProjectorAndThePresenterViewStaysOnTheLaptop() {
        ScreenPlan plan = ScreenPlan.of(TWO, 0, new Rectangle2D(2, 51, 958, 575));
        assertThat(plan).isEqualTo(new ScreenPlan(1, 0));
    }

    @Test
    void aWindowDraggedToTheProjectorStaysThere() {
        ScreenPlan plan = ScreenPlan.of(TWO, 0, new Rectangle2D(1400, 50, 800, 600));
        assertThat(plan).isEqualTo(new ScreenPlan(1, 0));
    }

    @Test
    void theScreenTheWindowMostlyCoversCounts() {
        // 180 px on the laptop, 620 px on the projector
        assertThat(ScreenPlan.screenOf(TWO, new Rectangle2D(1100, 0, 800, 600))).isEqualTo(1);
        // 700 px on the laptop, 100 on the projector
        assertThat(ScreenPlan.screenOf(TWO, new Rectangle2D(480, 0, 900, 600))).isEqualTo(0);
        assertThat(ScreenPlan.screenOf(TWO, new Rectangle2D(5000, 5000, 100, 100))).isEqualTo(-1);
    }

    @Test
    void thePrimaryScreenIsTheTeachersWhateverItsPlace() {
        // the primary screen is the teacher's whatever its place; a window off every screen goes to the other one
        List<Rectangle2D> screens = List.of(PROJECTOR, LAPTOP);
        assertThat(ScreenPlan.of(screens, 1, new Rectangle2D(5000, 5000, 10, 10))).isEqualTo(new ScreenPlan(0, 1));
        assertThat(ScreenPlan.of(screens, 1, new Rectangle2D(1300, 10, 500, 400))).isEqualTo(new ScreenPlan(0, 1));
        assertThat(ScreenPlan.of(screens, 0, new Rectangle2D(1300, 10, 500, 400))).isEqualTo(new ScreenPlan(1, 0));
    }

    @Test
    void threeScreensThePresenterViewIsOnThePrimaryAndTheClassOnTheWindowsScreen() {
        Rectangle2D third = new Rectangle2D(-1920, 0, 1920, 1080);
        List<Rectangle2D> screens = List.of(LAPTOP, PROJECTOR, third);
        assertThat(ScreenPlan.of(screens, 0, new Rectangle2D(-1500, 100, 800, 600))).isEqualTo(new ScreenPlan(2, 0));
        assertThat(ScreenPlan.of(screens, 0, new Rectangle2D(100, 100, 800, 600))).isEqualTo(new ScreenPlan(1, 0));
    }

    @Test
    void byHandThePresenterViewNeverGoesToTheProjector() {
        // not presenting, the window on the laptop: the presenter view opens beside it (the class would
        // read the teacher notes on the projector)
        assertThat(ScreenPlan.presenterScreen(TWO, 0, new Rectangle2D(2, 51, 958, 575))).isEqualTo(-1);
        // presenting, the window full screen on the projector: the presenter view goes to the laptop
        assertThat(ScreenPlan.presenterScreen(TWO, 0, PROJECTOR)).isEqualTo(0);
    }

    @Test
    void aWindowMovedToTheClassScreenFitsInsideItCentred() {
        Rectangle2D b = ScreenPlan.windowOn(PROJECTOR, 1200, 700);
        assertThat(b).isEqualTo(new Rectangle2D(1280, 34, 1024, 700));
        Rectangle2D small = ScreenPlan.windowOn(PROJECTOR, 800, 600);
        assertThat(small).isEqualTo(new Rectangle2D(1392, 84, 800, 600));
    }

    @Test
    void swappingExchangesTheScreensWhereverTheWindowIs() {
        // the projector made primary (index 0), the laptop second: unswapped the class would get the laptop
        List<Rectangle2D> projectorPrimary = List.of(PROJECTOR, LAPTOP);
        Rectangle2D onLaptop = new Rectangle2D(1300, 10, 900, 600);
        assertThat(ScreenPlan.of(projectorPrimary, 0, onLaptop, false)).isEqualTo(new ScreenPlan(1, 0));
        assertThat(ScreenPlan.of(projectorPrimary, 0, onLaptop, true)).isEqualTo(new ScreenPlan(0, 1));
        // once presenting the window is full screen on the class screen (the projector): the swap still holds
        assertThat(ScreenPlan.of(projectorPrimary, 0, PROJECTOR, true)).isEqualTo(new ScreenPlan(0, 1));
        assertThat(new ScreenPlan(1, 0).swapped()).isEqualTo(new ScreenPlan(0, 1));
        assertThat(new ScreenPlan(1, 0).swapped().swapped()).isEqualTo(new ScreenPlan(1, 0));
        assertThat(ScreenPlan.of(List.of(LAPTOP), 0, onLaptop, true)).isNull();
    }

    @Test
    void swappedByHandThePresenterViewGoesToTheOtherScreen() {
        // swapped, presenting full screen on the primary screen (the class's now): the presenter view goes to
        // the second one; the window on the second screen (the teacher's now): beside it
        assertThat(ScreenPlan.presenterScreen(TWO, 0, LAPTOP, true)).isEqualTo(1);
        assertThat(ScreenPlan.presenterScreen(TWO, 0, new Rectangle2D(1400, 50, 800, 600), true)).isEqualTo(-1);
        assertThat(ScreenPlan.presenterScreen(TWO, 0, LAPTOP, false)).isEqualTo(-1);
    }
}
