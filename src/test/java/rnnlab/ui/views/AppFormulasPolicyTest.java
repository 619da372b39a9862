package rnnlab.ui.views;

import rnnlab.session.Frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.tex.TexPolicy;
import rnnlab.ui.formula.FormulaPanel.Formula;

/**
 * The app's own formulas (forward and backward, every cell, every step) pass the TeX policy they are
 * typeset under: a command added to them without adding it to the allow-list fails here, not on screen.
 */
class AppFormulasPolicyTest {

    @Test
    void everyFormulaTheViewsWriteIsAllowed() {
        List<String> all = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            Frame f = ViewFixtures.backward(cell, 3, ViewFixtures.TEXT.length(), 0);
            Frame.LayerFrame lf = f.layer(0, 0);
            for (int t = 0; t < f.length(); t++) {
                for (int u = 0; u < 3; u++) {
                    for (Formula x : FormulaView.formulas(f, lf, t, u)) {
                        all.add(x.tex());
                    }
                    for (Formula x : BackwardFormulas.formulas(f, lf, t, u)) {
                        all.add(x.tex());
                    }
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(500).anyMatch(s -> s.contains("\\textcolor"))
                .anyMatch(s -> s.contains("\\underbrace")).anyMatch(s -> s.contains("\\mathrel{+}="));
        for (String tex : all) {
            assertThat(TexPolicy.check(tex)).as(tex).isEmpty();
        }
    }
}
