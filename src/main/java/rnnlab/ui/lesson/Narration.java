package rnnlab.ui.lesson;

import rnnlab.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import rnnlab.tex.MathSpans;
import rnnlab.ui.formula.TexImages;

/**
 * A lesson's narration as JavaFX nodes: Markdown paragraphs, headings, emphasis, strong, code, lists and
 * block quotes become wrapping {@link TextFlow}s in a {@link VBox}; {@code $inline$} and {@code $$display$$}
 * math is typeset by {@link TexImages}. Math is cut out before Markdown sees it (so {@code W_{hh}} never
 * turns into emphasis), except inside code spans. Links show as their text; images and HTML are dropped.
 */
final class Narration {
    /** Marks a cut-out formula in the text Markdown parses: a private-use character and its index. */
    private static final char MARK = '\uE000';
    private static final Parser PARSER = Parser.builder().build();

    private final double fontPx;
    private final Color fg;
    private final TexImages tex;
    private final List<String> formulas = new ArrayList<>();
    private final List<Boolean> display = new ArrayList<>();

    /** The lesson's folder, where figures are looked up; null: figures show as their alt text. */
    private final java.nio.file.Path dir;

    private Narration(double fontPx, Color fg, TexImages tex, java.nio.file.Path dir) {
        this.fontPx = fontPx;
        this.fg = fg;
        this.tex = tex;
        this.dir = dir;
    }

    /** The narration as a box of blocks, text at {@code fontPx} (via CSS), math typeset at that size in {@code fg}. */
    static VBox render(String markdown, double fontPx, Color fg, TexImages tex) {
        return render(markdown, fontPx, fg, tex, null);
    }

    /** The narration with its figures ({@code ![alt](figures/x.png)}) read from the lesson folder {@code dir}. */
    static VBox render(String markdown, double fontPx, Color fg, TexImages tex, java.nio.file.Path dir) {
        Narration n = new Narration(fontPx, fg, tex, dir);
        VBox box = new VBox(fontPx * 0.6);
        box.getStyleClass().add("narration");
        String source = n.cutMath(markdown == null ? "" : markdown);
        org.commonmark.node.Node doc = PARSER.parse(source);
        n.blocks(doc, box.getChildren(), 0);
        return box;
    }

    /** The narration's words as plain text (math as its TeX source), for tests and screen readers. */
    static String text(Node n) {
        StringBuilder b = new StringBuilder();
        collect(n, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getText());
        } else if (n instanceof javafx.scene.control.Label l && l.getStyleClass().contains("code-span")) {
            b.append(l.getText());
        } else if (n instanceof ImageView iv && iv.getProperties().get("figure") != null) {
            b.append("[figure: ").append(iv.getProperties().get("figure")).append(']');
        } else if (n instanceof ImageView iv && iv.getUserData() != null) {
            b.append('$').append(iv.getUserData()).append('$');
        } else if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, b);
            }
            if (n instanceof TextFlow) {
                b.append('\n');
            }
        }
    }

    /** Replaces $$…$$ (own paragraph) and $…$ with marks ({@link MathSpans}: the spans lessons check checks). */
    private String cutMath(String md) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (MathSpans.Span sp : MathSpans.find(md)) {
            out.append(md, from, sp.start());
            formulas.add(sp.source());
            display.add(sp.display());
            String mark = String.valueOf(MARK) + (char) (MARK + formulas.size());
            out.append(sp.display() ? "\n\n" + mark + "\n\n" : mark);
            from = sp.end();
        }
        out.append(md, from, md.length());
        return out.toString();
    }

    private void blocks(org.commonmark.node.Node parent, List<Node> into, int depth) {
        for (org.commonmark.node.Node b = parent.getFirstChild(); b != null; b = b.getNext()) {
            if (b instanceof Paragraph || b instanceof Heading) {
                TextFlow flow = flow(b instanceof Heading h ? "heading-" + Math.min(3, h.getLevel()) : "paragraph");
                inline(b, flow, new ArrayList<>());
                into.add(centredIfDisplay(flow));
            } else if (b instanceof FencedCodeBlock f) {
                into.add(codeBlock(f.getLiteral()));
            } else if (b instanceof IndentedCodeBlock f) {
                into.add(codeBlock(f.getLiteral()));
            } else if (b instanceof BulletList || b instanceof OrderedList) {
                int number = b instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
                for (org.commonmark.node.Node item = b.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem) {
                        String bullet = b instanceof OrderedList ? (number++) + "." : "•";
                        into.add(listItem(item, bullet, depth));
                    }
                }
            } else if (b instanceof BlockQuote) {
                VBox quote = new VBox(fontPx * 0.4);
                quote.getStyleClass().add("quote");
                blocks(b, quote.getChildren(), depth);
                into.add(quote);
            }
        }
    }

    private Node listItem(org.commonmark.node.Node item, String bullet, int depth) {
        Text mark = new Text(bullet);
        mark.getStyleClass().addAll("nt", "bullet");
        VBox body = new VBox(fontPx * 0.3);
        blocks(item, body.getChildren(), depth + 1);
        HBox row = new HBox(fontPx * 0.5, mark, body);
        row.getStyleClass().add("list-item");
        HBox.setHgrow(body, javafx.scene.layout.Priority.ALWAYS);
        return row;
    }

    /** Characters above which an inline code span with spaces wraps as text instead of standing as a chip. */
    static final int LONG_CODE = 24;

    /**
     * Inline code as a chip: monospaced on the chip colour, so `h_t` reads as code and not as a word
     * (a Text alone cannot have a background).
     */
    private static Node codeSpan(String literal, List<String> styles) {
        if (literal.length() > LONG_CODE && literal.strip().contains(" ")) {
            // a long span (a whole command line, a sample of generated text) as a chip is one unbreakable box
            // that runs out of a narrow lesson panel (issue 12): as monospaced text it wraps at its spaces
            return text(literal, plus(plus(styles, "code"), "code-long"));
        }
        javafx.scene.control.Label chip = new javafx.scene.control.Label(literal);
        chip.getStyleClass().add("code-span");
        chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return chip;
    }

    /**
     * A figure: a PNG in the lesson's folder, checked by {@link rnnlab.lessons.Figures} (inside the folder,
     * size-limited, never a URL), shown at most as wide as the panel. A refused one shows its alt text and
     * a one-line notice.
     */
    private List<Node> figure(org.commonmark.node.Image img, TextFlow flow) {
        StringBuilder alt = new StringBuilder();
        for (org.commonmark.node.Node c = img.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Text t) {
                alt.append(t.getLiteral());
            }
        }
        String path = img.getDestination();
        List<Node> refused = List.of(text("[" + (alt.length() > 0 ? alt : path) + "] ", List.of("em")),
                text(Messages.format("lesson.figure.refused", path) + " ", List.of("tex-warning")));
        if (dir == null) {
            return refused;
        }
        try {
            rnnlab.lessons.Figures.Found f = rnnlab.lessons.Figures.resolve(dir, path);
            Image image = new Image(f.file().toUri().toString(), false);
            if (image.isError()) {
                return refused;
            }
            ImageView iv = new ImageView(image);
            iv.getStyleClass().add("figure");
            iv.getProperties().put("figure", alt.length() > 0 ? alt.toString() : path);
            iv.setPreserveRatio(true);
            iv.setSmooth(true);
            javafx.scene.control.Tooltip.install(iv, new javafx.scene.control.Tooltip(alt.toString()));
            // a figure wider than the panel shrinks to fit rather than being cut off
            iv.setFitWidth(Math.min(f.width(), Math.max(40, flow.getWidth() - 4)));
            flow.widthProperty().addListener((o, a, w) -> {
                double room = w.doubleValue() - 4;
                iv.setFitWidth(room > 20 ? Math.min(f.width(), room) : f.width());
            });
            flow.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            return List.of(iv);
        } catch (rnnlab.lessons.Figures.Refused e) {
            return refused;
        }
    }

    private Node codeBlock(String literal) {
        TextFlow flow = flow("code-block");
        flow.getChildren().add(text(literal.stripTrailing(), List.of("code")));
        return flow;
    }

    private static TextFlow flow(String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        flow.setLineSpacing(2);
        return flow;
    }

    /** A paragraph that is one display formula stands centred. */
    private Node centredIfDisplay(TextFlow flow) {
        if (flow.getChildren().size() == 1 && flow.getChildren().get(0) instanceof ImageView iv
                && Boolean.TRUE.equals(iv.getProperties().get("display"))) {
            flow.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            flow.getStyleClass().add("display-math");
            // a formula wider than the panel shrinks to fit rather than being cut off
            iv.setPreserveRatio(true);
            iv.setSmooth(true);
            flow.widthProperty().addListener((o, a, w) -> {
                double room = w.doubleValue() - 4;
                Image img = iv.getImage();
                double k = pixelScale(iv);
                if (img != null && k != 1) {
                    iv.setFitHeight(0); // the ratio kept from the width
                }
                iv.setFitWidth(img != null && room > 20 && room < img.getWidth() / k ? room
                        : img != null && k != 1 ? img.getWidth() / k : 0);
            });
        }
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, TextFlow flow, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                words(t.getLiteral(), flow, styles);
            } else if (n instanceof Code c) {
                flow.getChildren().add(codeSpan(c.getLiteral(), styles));
            } else if (n instanceof org.commonmark.node.Image img) {
                flow.getChildren().addAll(figure(img, flow));
            } else if (n instanceof Emphasis) {
                inline(n, flow, plus(styles, "em"));
            } else if (n instanceof StrongEmphasis) {
                inline(n, flow, plus(styles, "strong"));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (n.getFirstChild() != null) {
                // links and anything else: their text
                inline(n, flow, styles);
            }
        }
    }

    /** Text with formula marks split out into typeset images. */
    private void words(String s, TextFlow flow, List<String> styles) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == MARK && i + 1 < s.length()) {
                int k = s.charAt(i + 1) - MARK - 1;
                if (k >= 0 && k < formulas.size()) {
                    if (i > from) {
                        flow.getChildren().add(text(s.substring(from, i), styles));
                    }
                    List<Node> m = math(formulas.get(k), display.get(k));
                    flow.getChildren().addAll(m);
                    if (!display.get(k) && m.size() == 1 && m.get(0) instanceof ImageView iv) {
                        // an inline formula wider than the panel shrinks to fit rather than being cut off (issue 12:
                        // lesson 9 step 2's f_t = σ(…) in the presentation strip at 1920x1080)
                        flow.widthProperty().addListener((o, a, w) -> fitInline(iv, w.doubleValue()));
                    }
                    i++;
                    from = i + 1;
                }
            }
        }
        if (from < s.length()) {
            flow.getChildren().add(text(s.substring(from), styles));
        }
    }

    /**
     * A formula typeset (now, or when the typesetting thread has it); one the TeX policy refuses, or that
     * breaks the time budget, shows as its source and a one-line warning.
     */
    private List<Node> math(String source, boolean block) {
        float size = (float) (fontPx * (block ? 1.25 : 1.1));
        ImageView iv = new ImageView();
        // typeset with the screen's pixels (twice as many each way on a HiDPI screen), shown at its size
        double k = TexImages.pixelScale();
        iv.getProperties().put(PIXEL_SCALE, k);
        size *= (float) k;
        iv.setUserData(source);
        iv.getProperties().put("display", block);
        iv.getStyleClass().add("math");
        TexImages.Result now = tex.render(source, size, fg, later -> {
            if (later.image() != null) {
                place(iv, later.image(), block);
            } else if (iv.getParent() instanceof javafx.scene.layout.Pane p && p.getChildren().contains(iv)) {
                int at = p.getChildren().indexOf(iv);
                p.getChildren().remove(at);
                p.getChildren().addAll(at, refused(source, later.refusal()));
            }
        });
        if (now != null && now.image() == null) {
            return refused(source, now.refusal());
        }
        if (now != null) {
            place(iv, now.image(), block);
        }
        return List.of(iv);
    }

    private void place(ImageView iv, Image img, boolean block) {
        iv.setImage(img);
        double k = pixelScale(iv);
        double h = img.getHeight() / k;
        if (k != 1) {
            double w = img.getWidth() / k;
            if (iv.getFitWidth() <= 0 || iv.getFitWidth() > w) {
                iv.setFitWidth(w); // not wider than a display formula's panel made it
            }
            iv.setFitHeight(h);
        }
        // a TextFlow stands an image on the baseline; a formula's own baseline is higher (subscripts
        // hang below it): move it down so its letters line up with the words
        if (!block) {
            iv.setTranslateY(Math.max(h * 0.3, h - fontPx * 0.95));
            if (iv.getParent() instanceof TextFlow flow) {
                fitInline(iv, flow.getWidth());
            }
        }
    }

    /** An inline formula at its size, or scaled down (with its baseline shift) to the flow's width when wider. */
    private void fitInline(ImageView iv, double flowWidth) {
        Image img = iv.getImage();
        if (img == null) {
            return;
        }
        double k = pixelScale(iv);
        double w = img.getWidth() / k;
        double h = img.getHeight() / k;
        double room = flowWidth - 4;
        double s = room > 20 && w > room ? room / w : 1;
        iv.setPreserveRatio(true);
        iv.setSmooth(true);
        if (s < 1 || k != 1) {
            iv.setFitWidth(w * s);
            iv.setFitHeight(h * s);
        } else {
            iv.setFitWidth(0);
            iv.setFitHeight(0);
        }
        iv.setTranslateY(Math.max(h * s * 0.3, h * s - fontPx * 0.95));
    }

    /** The image pixels per logical pixel a formula was typeset with ({@link TexImages#pixelScale()}). */
    private static final String PIXEL_SCALE = "pixelScale";

    private static double pixelScale(ImageView iv) {
        return iv.getProperties().get(PIXEL_SCALE) instanceof Double d ? d : 1;
    }

    /** The source as code, then the reason it is not typeset. */
    private static List<Node> refused(String source, rnnlab.tex.TexRefusal why) {
        Text src = text("$" + source + "$", List.of("code", "math-refused"));
        Text warn = text(" " + rnnlab.i18n.Messages.format(why.kind().bundleKey(), why.detail()) + " ",
                List.of("tex-warning"));
        return List.of(src, warn);
    }

    private static Text text(String s, List<String> styles) {
        Text t = new Text(s);
        t.getStyleClass().add("nt");
        t.getStyleClass().addAll(styles);
        return t;
    }

    private static List<String> plus(List<String> styles, String s) {
        List<String> l = new ArrayList<>(styles);
        l.add(s);
        return l;
    }
}
