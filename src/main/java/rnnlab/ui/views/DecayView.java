package rnnlab.ui.views;


import java.util.List;
import rnnlab.ui.controls.GradientDecay;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/**
 * view.decay: ‖δh_t‖ (and ‖δc_t‖) against t on a log scale as BPTT fills it in, the last step's
 * gradient alone and the Jacobian product norms from the frame's analysis, the spectral radius of the
 * selected layer's recurrent weights, and a slider bound to {@link ViewContext#recurrentScaleProperty()}.
 */
public final class DecayView extends FrameView<GradientDecay> {
    private ViewContext scaleBound;

    public DecayView() {
        super(new GradientDecay(), "view.decay.title");
    }

    @Override
    public void bind(ViewContext ctx) {
        super.bind(ctx);
        control.recurrentScaleProperty().bindBidirectional(ctx.recurrentScaleProperty());
        scaleBound = ctx;
    }

    @Override
    public void unbind() {
        if (scaleBound != null) {
            control.recurrentScaleProperty().unbindBidirectional(scaleBound.recurrentScaleProperty());
            scaleBound = null;
        }
        super.unbind();
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        boolean back = f.phase() == Frame.Phase.BACKWARD;
        int reached = back ? f.time() : f.length();
        control.stepsProperty().set(f.length());
        control.backwardProperty().set(back);
        control.currentStepProperty().set(back ? f.time() : -1);
        double[] last = null;
        double[] prod = null;
        double radius = Double.NaN;
        Frame.Analysis a = f.analysis();
        int index = lf.layer() * f.directions() + lf.direction();
        if (a != null) {
            last = pick(a.lastStepGradNorms(), index);
            prod = pick(a.productNorms(), index);
            for (Frame.Spectrum s : a.spectra()) {
                if (s.layer() == lf.layer() && s.direction() == lf.direction()) {
                    radius = Double.isNaN(radius) ? s.radius() : Math.max(radius, s.radius());
                }
            }
        }
        double[] dh = norms(lf.gradH(), reached, f.length());
        control.setData(dh, lf.gradC() == null ? null : norms(lf.gradC(), reached, f.length()), last, prod);
        control.spectralRadiusProperty().set(radius);
        control.bannerProperty().set(DecayReadout.lines(flow(a, index), dh, lf.direction() == 1));
    }

    private static Frame.Flow flow(Frame.Analysis a, int index) {
        return a == null || a.flows() == null || index >= a.flows().size() ? null : a.flows().get(index);
    }

    private static double[] pick(List<double[]> list, int index) {
        return list != null && index < list.size() ? list.get(index) : null;
    }

    /** ‖row t‖ for the steps BPTT has reached (t ≥ from), NaN before. */
    static double[] norms(double[][] g, int from, int len) {
        double[] out = new double[len];
        for (int t = 0; t < len; t++) {
            if (g == null || t < from || t >= g.length) {
                out[t] = Double.NaN;
                continue;
            }
            double s = 0;
            for (double v : g[t]) {
                s += v * v;
            }
            out[t] = Math.sqrt(s);
        }
        return out;
    }

    /** Per step: ‖δh_t‖, ‖δc_t‖ (LSTM), ‖∂L_T/∂h_t‖ and the Jacobian product norm; ρ in the caption. */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        boolean back = f.phase() == Frame.Phase.BACKWARD;
        int reached = back ? f.time() : f.length();
        double[] dh = norms(lf.gradH(), reached, f.length());
        double[] dc = lf.gradC() == null ? null : norms(lf.gradC(), reached, f.length());
        Frame.Analysis a = f.analysis();
        int index = lf.layer() * f.directions() + lf.direction();
        double[] last = a == null ? null : pick(a.lastStepGradNorms(), index);
        double[] prod = a == null ? null : pick(a.productNorms(), index);
        double radius = Double.NaN;
        if (a != null) {
            for (Frame.Spectrum s : a.spectra()) {
                if (s.layer() == lf.layer() && s.direction() == lf.direction()) {
                    radius = Double.isNaN(radius) ? s.radius() : Math.max(radius, s.radius());
                }
            }
        }
        List<String> cols = new java.util.ArrayList<>(List.of(Messages.get("values.col.step"), "\u2016\u03b4h_t\u2016"));
        if (dc != null) {
            cols.add("\u2016\u03b4c_t\u2016");
        }
        cols.add("\u2016\u2202L_T/\u2202h_t\u2016");
        cols.add(Messages.get("values.col.product"));
        cols.add(Messages.get("values.col.stepFactor"));
        double[] factors = DecayReadout.stepFactors(dh, lf.direction() == 1);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int t = 0; t < f.length(); t++) {
            List<String> r = new java.util.ArrayList<>();
            r.add(Integer.toString(t + 1));
            r.add(Double.isNaN(dh[t]) ? "" : ValuesTable.sci(dh[t]));
            if (dc != null) {
                r.add(Double.isNaN(dc[t]) ? "" : ValuesTable.sci(dc[t]));
            }
            r.add(last == null || t >= last.length ? "" : ValuesTable.sci(last[t]));
            r.add(prod == null || t >= prod.length ? "" : ValuesTable.sci(prod[t]));
            r.add(Double.isNaN(factors[t]) ? "" : ValuesTable.num(factors[t]));
            rows.add(r);
        }
        Frame.Flow flow = flow(a, index);
        String caption = Messages.format("values.decay.caption", lf.layer() + 1, ValuesTable.num(radius),
                ValuesTable.num(flow == null ? Double.NaN : flow.sigmaMax()));
        return new ValuesTable(caption, cols, rows);
    }
}
