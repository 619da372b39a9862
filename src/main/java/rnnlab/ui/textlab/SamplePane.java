package rnnlab.ui.textlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import rnnlab.analysis.StepSampler;
import rnnlab.analysis.UnitId;
import rnnlab.engine.CellType;
import rnnlab.ui.viewmodel.CharModel;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * Sampling with a view inside: the model writes character by character from a prime text at a chosen
 * temperature (or, for the poem model, a 五言 / 七言 quatrain from a first character); the written text is
 * shaded by the followed unit, and under it every gate and the cell-state belt of layer 0 are drawn for
 * the character just written, so the class watches them change while the model writes.
 */
public final class SamplePane extends BorderPane {
    static final int SHOWN_UNITS = 64;
    private final TextField prime = new TextField("public ");
    private final Slider temperature = new Slider(0.1, 2.0, 0.8);
    private final Label tempLabel = new Label();
    private final ComboBox<String> form = new ComboBox<>();
    private final Button write = new Button(Messages.get("textlab.sample.write"));
    private final LongTextView out = new LongTextView();
    private final Canvas inside = new Canvas(900, 150);
    private final Label insideLabel = new Label();
    private final TextLabRunner runner;
    private CharModel model;
    private UnitId followed = new UnitId(0, 0, false);
    private final StringBuilder written = new StringBuilder();
    private final List<Float> shade = new ArrayList<>();
    private double[][] lastGates;
    private double[] lastCell;
    private boolean dark;

    /** How the pane runs its work: the window's progress bar and Cancel. */
    interface TextLabRunner {
        void run(String what, TextLabWindow.Work work, java.util.function.Consumer<Object> done);
    }

    private final java.util.function.Consumer<String> status;

    SamplePane(TextLabRunner runner, java.util.function.Consumer<String> status) {
        this.runner = runner;
        this.status = status;
        prime.setId(Ids.of("textlab.sample.prime"));
        temperature.setId(Ids.of("textlab.sample.temperature"));
        form.setId(Ids.of("textlab.sample.form"));
        write.setId(Ids.of("textlab.sample.write"));
        out.setId(Ids.of("textlab.sample.text"));
        form.getItems().setAll("free", "5", "7");
        form.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : Messages.get("textlab.sample.form." + s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        form.setValue("free");
        tempLabel.textProperty().bind(temperature.valueProperty().asString(Locale.ROOT, "τ = %.2f"));
        write.setOnAction(e -> write());
        HBox bar = new HBox(8, new Label(Messages.get("textlab.sample.prime")), prime,
                new Label(Messages.get("textlab.sample.form")), form, temperature, tempLabel, write);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        VBox below = new VBox(2, insideLabel, inside);
        below.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        setCenter(out);
        setBottom(below);
        insideLabel.setText(Messages.get("textlab.sample.inside"));
        widthProperty().addListener((o, a, b) -> {
            inside.setWidth(Math.max(200, b.doubleValue() - 20));
            drawInside();
        });
    }

    void setModel(CharModel m) {
        model = m;
        boolean poem = m.writesIdeographs();
        prime.setText(poem ? Messages.get("textlab.sample.poemPrime") : "public ");
        form.setValue(poem ? "5" : "free");
    }

    void follow(UnitId u) {
        followed = u;
    }

    void setDark(boolean d) {
        dark = d;
        out.setDark(d);
    }

    public void setPrime(String s) {
        prime.setText(s);
    }

    public void setTemperature(double t) {
        temperature.setValue(t);
    }

    public String written() {
        return written.toString();
    }

    public LongTextView output() {
        return out;
    }

    /** Gate values of layer 0 at the last written character (block × unit), or null. */
    public double[][] lastGates() {
        return lastGates;
    }

    /** Writes 400 characters (or a quatrain) from the prime text, streaming them onto the screen. */
    public void write() {
        if (model == null) {
            return;
        }
        CharModel m = model;
        String p = prime.getText();
        double tau = temperature.getValue();
        String f = form.getValue();
        UnitId u = followed.layer() < m.layers() ? followed : new UnitId(0, 0, false);
        written.setLength(0);
        shade.clear();
        written.append(p);
        for (int i = 0; i < p.codePointCount(0, p.length()); i++) {
            shade.add(0f);
        }
        show();
        runner.run(Messages.get("textlab.sample.writing"), job -> {
            StepSampler s = m.sampler(tau, System.nanoTime());
            s.prime(p.isEmpty() ? " " : p);
            int n = "free".equals(f) ? 0 : Integer.parseInt(f);
            int total = n == 0 ? 400 : 4 * (n + 1);
            int col = p.codePointCount(0, p.length());
            int line = 0;
            for (int k = 0; k < total && !job.isCancelled(); k++) {
                String ch;
                if (n == 0) {
                    ch = s.step();
                } else if (col == n) {
                    ch = line % 2 == 0 ? "，" : "。\n";
                    for (int q = 0; q < ch.length(); q++) {
                        s.force(ch.substring(q, q + 1));
                    }
                    col = 0;
                    line++;
                    if (line == 4) {
                        k = total;
                    }
                } else {
                    ch = s.stepIdeograph();
                    col++;
                }
                float v = (float) s.unit(u);
                double[][] gates = gates(s);
                double[] cell = row(s, 0, m.cell().hasCellState());
                String fch = ch;
                Platform.runLater(() -> {
                    written.append(fch);
                    for (int q = 0; q < fch.codePointCount(0, fch.length()); q++) {
                        shade.add(v);
                    }
                    lastGates = gates;
                    lastCell = cell;
                    show();
                    drawInside();
                });
                job.progress(k + 1, total);
                Thread.sleep(12);
            }
            return written;
        }, r -> status.accept(Messages.format("textlab.sample.done", written.codePointCount(0, written.length()))));
    }

    private static double[][] gates(StepSampler s) {
        CellType c = s.cell();
        int blocks = c.gates().size();
        int h = Math.min(SHOWN_UNITS, s.hiddenSize());
        double[][] g = new double[blocks][h];
        for (int b = 0; b < blocks; b++) {
            for (int u = 0; u < h; u++) {
                g[b][u] = s.gate(0, b, u);
            }
        }
        return g;
    }

    private static double[] row(StepSampler s, int layer, boolean cell) {
        int h = Math.min(SHOWN_UNITS, s.hiddenSize());
        double[] r = new double[h];
        for (int u = 0; u < h; u++) {
            r[u] = s.unit(new UnitId(layer, u, cell));
        }
        return r;
    }

    private void show() {
        int[] cps = written.codePoints().toArray();
        float[] v = new float[cps.length];
        for (int i = 0; i < v.length && i < shade.size(); i++) {
            v[i] = shade.get(i);
        }
        out.setText(cps);
        out.setValues(v, true);
        out.scrollBy(1e9);
    }

    private void drawInside() {
        GraphicsContext g = inside.getGraphicsContext2D();
        double w = inside.getWidth();
        double h = inside.getHeight();
        g.setFill(rnnlab.ui.controls.Theme.of(dark).background());
        g.fillRect(0, 0, w, h);
        if (lastGates == null || model == null) {
            return;
        }
        List<CellType.Gate> names = model.cell().gates();
        int rowsN = lastGates.length + 1;
        double rh = h / Math.max(1, rowsN);
        double lw = 70;
        g.setFill(dark ? Color.WHITE : Color.BLACK);
        for (int b = 0; b < rowsN; b++) {
            double[] r = b < lastGates.length ? lastGates[b] : lastCell;
            String name = b < lastGates.length ? names.get(b).name() : model.cell().hasCellState() ? "c" : "h";
            boolean unsigned = b < lastGates.length && names.get(b).sigmoid();
            double y = b * rh;
            g.setFill(dark ? Color.WHITE : Color.BLACK);
            g.fillText(name, 4, y + rh * 0.7);
            double cw = (w - lw) / r.length;
            double scale = unsigned ? 1 : 1;
            for (int u = 0; u < r.length; u++) {
                Color c = Shading.of(r[u], b < lastGates.length ? scale : Math.max(1, maxAbs(r)), !unsigned);
                if (c != null) {
                    g.setFill(c);
                    g.fillRect(lw + u * cw, y + 2, Math.max(1, cw - 1), rh - 4);
                }
            }
        }
    }

    private static double maxAbs(double[] r) {
        double m = 0;
        for (double x : r) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
