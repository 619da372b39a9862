package rnnlab.ui.controls;

/**
 * Colour-vision deficiency simulation and colour difference, for testing the palettes.
 * <ul>
 * <li>Simulation: Machado, Oliveira &amp; Fernandes (2009), "A physiologically-based model for
 * simulation of color vision deficiency", IEEE TVCG 15(6) — the severity 1.0 matrices (dichromacy),
 * applied to linear RGB.</li>
 * <li>Difference: CIEDE2000 (Sharma, Wu &amp; Dalal 2005) between CIELAB colours (D65, 2°).</li>
 * </ul>
 */
final class ColourVision {
    enum Deficiency {
        NONE(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
            {0.004733, 0.691367, 0.303900}});

        final double[][] m;

        Deficiency(double[][] m) {
            this.m = m;
        }
    }

    private ColourVision() {
    }

    /** The colour (packed RGB) as seen with the deficiency. */
    static int simulate(int rgb, Deficiency d) {
        double[] lin = {toLinear((rgb >> 16) & 0xFF), toLinear((rgb >> 8) & 0xFF), toLinear(rgb & 0xFF)};
        int out = 0xFF000000;
        for (int i = 0; i < 3; i++) {
            double v = d.m[i][0] * lin[0] + d.m[i][1] * lin[1] + d.m[i][2] * lin[2];
            out |= toByte(Math.max(0, Math.min(1, v))) << (16 - 8 * i);
        }
        return out;
    }

    private static double toLinear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static int toByte(double lin) {
        double s = lin <= 0.0031308 ? 12.92 * lin : 1.055 * Math.pow(lin, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, s)) * 255);
    }

    /** CIELAB (D65) of a packed RGB colour. */
    static double[] lab(int rgb) {
        double r = toLinear((rgb >> 16) & 0xFF);
        double g = toLinear((rgb >> 8) & 0xFF);
        double b = toLinear(rgb & 0xFF);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double e = 216.0 / 24389;
        return t > e ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 colour difference of two packed RGB colours. */
    static double deltaE(int rgb1, int rgb2) {
        return ciede2000(lab(rgb1), lab(rgb2));
    }

    static double ciede2000(double[] p, double[] q) {
        double c1 = Math.hypot(p[1], p[2]);
        double c2 = Math.hypot(q[1], q[2]);
        double cBar7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + Math.pow(25, 7))));
        double a1 = (1 + g) * p[1];
        double a2 = (1 + g) * q[1];
        double cp1 = Math.hypot(a1, p[2]);
        double cp2 = Math.hypot(a2, q[2]);
        double h1 = hue(a1, p[2]);
        double h2 = hue(a2, q[2]);
        double dL = q[0] - p[0];
        double dC = cp2 - cp1;
        double dh = 0;
        if (cp1 * cp2 != 0) {
            dh = h2 - h1;
            if (dh > 180) {
                dh -= 360;
            } else if (dh < -180) {
                dh += 360;
            }
        }
        double dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(Math.toRadians(dh / 2));
        double lBar = (p[0] + q[0]) / 2;
        double cBar = (cp1 + cp2) / 2;
        double hBar;
        if (cp1 * cp2 == 0) {
            hBar = h1 + h2;
        } else if (Math.abs(h1 - h2) <= 180) {
            hBar = (h1 + h2) / 2;
        } else {
            hBar = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        }
        double t = 1 - 0.17 * cos(hBar - 30) + 0.24 * cos(2 * hBar) + 0.32 * cos(3 * hBar + 6) - 0.20 * cos(4 * hBar - 63);
        double dTheta = 30 * Math.exp(-Math.pow((hBar - 275) / 25, 2));
        double cBarP7 = Math.pow(cBar, 7);
        double rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lBar - 50, 2) / Math.sqrt(20 + Math.pow(lBar - 50, 2));
        double sc = 1 + 0.045 * cBar;
        double sh = 1 + 0.015 * cBar * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double l = dL / sl;
        double c = dC / sc;
        double h = dH / sh;
        return Math.sqrt(l * l + c * c + h * h + rt * c * h);
    }

    private static double hue(double a, double b) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    private static double cos(double deg) {
        return Math.cos(Math.toRadians(deg));
    }
}
