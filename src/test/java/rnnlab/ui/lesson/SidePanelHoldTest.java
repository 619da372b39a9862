package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import rnnlab.ui.lesson.SidePanelHold.Reason;

/**
 * The side panel's reasons to hide, taken and given back in every order: it shows exactly when the user wants it
 * and none holds it; the user showing it overrides the reasons, hiding it is the choice kept for when they go.
 */
class SidePanelHoldTest {
    @Test
    void theUsersChoiceComesBackWhenTheLastReasonGoesInAnyOrder() {
        Reason[][] orders = {{Reason.TRAINING, Reason.PRESENTING}, {Reason.PRESENTING, Reason.TRAINING}};
        for (Reason[] taken : orders) {
            for (Reason[] given : orders) {
                for (boolean wanted : new boolean[] {true, false}) {
                    BooleanProperty shown = new SimpleBooleanProperty(wanted);
                    SidePanelHold h = new SidePanelHold(shown);
                    h.hide(taken[0]);
                    assertThat(shown.get()).isFalse();
                    h.hide(taken[1]);
                    h.hide(taken[1]); // again: no change
                    h.release(given[0]);
                    assertThat(shown.get()).as("one reason left").isFalse();
                    h.release(given[1]);
                    assertThat(shown.get()).as("none left, wanted " + wanted).isEqualTo(wanted);
                    assertThat(h.wanted()).isEqualTo(wanted);
                    h.release(Reason.LESSON); // not held: no change
                    assertThat(shown.get()).isEqualTo(wanted);
                }
            }
        }
    }

    @Test
    void theUserShowingItOverridesTheReasonsAndHidingItIsKept() {
        BooleanProperty shown = new SimpleBooleanProperty(true);
        SidePanelHold h = new SidePanelHold(shown);
        h.hide(Reason.TRAINING);
        h.hide(Reason.LESSON);
        shown.set(true); // View ▸ Side panel
        assertThat(h.holds(Reason.TRAINING)).isFalse();
        assertThat(h.holds(Reason.LESSON)).isFalse();
        h.release(Reason.TRAINING);
        assertThat(shown.get()).isTrue();
        shown.set(false); // the user hides it: kept through a reason taken and given back
        h.hide(Reason.PRESENTING);
        h.release(Reason.PRESENTING);
        assertThat(shown.get()).isFalse();
        assertThat(h.wanted()).isFalse();
    }
}
