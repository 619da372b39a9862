package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures: a PNG in the lesson's folder, size-limited, never outside it or a URL; each refusal planted. */
public class FiguresTest {
    static final Path GOOD = LessonParserTest.GOOD;

    public static void png(Path file, int w, int h) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x60);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    /** The good pair in {@code dir}, with {@code line} added to the English narration of step 1 (as line 16). */
    static List<String> problemsWith(Path dir, String line) throws Exception {
        String en = Files.readString(GOOD.resolve("01-forget.en.md"));
        String[] lines = en.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
            if (i == 14) { // after the scene block (lines 8-15): the figure is line 16
                sb.append(line).append("\n\n");
            }
        }
        Files.writeString(dir.resolve("01-forget.en.md"), sb.toString());
        Files.copy(GOOD.resolve("01-forget.zh.md"), dir.resolve("01-forget.zh.md"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return LessonLibrary.load(dir).allProblems().stream().map(x -> x.describe(dir)).toList();
    }

    @Test
    void aFigureInTheFolderPasses(@TempDir Path dir) throws Exception {
        png(dir.resolve("figures/belt.png"), 320, 120);
        assertThat(problemsWith(dir, "![The belt](figures/belt.png)")).isEmpty();
        Figures.Found f = Figures.resolve(dir, "figures/belt.png");
        assertThat(f.width()).isEqualTo(320);
        assertThat(f.height()).isEqualTo(120);
        assertThat(Figures.find("a\n\n![The belt](figures/belt.png \"title\")")).containsExactly(
                new Figures.Ref("The belt", "figures/belt.png", 3));
    }

    @Test
    void plantedMistakesAreNamedOnTheirLine(@TempDir Path dir) throws Exception {
        assertThat(problemsWith(dir, "![x](https://example.org/a.png)")).containsExactly("01-forget.en.md:16: figure "
                + "\"https://example.org/a.png\" is a URL; a figure must be a PNG file in the lesson's folder "
                + "(nothing is fetched from the network)");
        assertThat(problemsWith(dir, "![x](/etc/a.png)")).containsExactly("01-forget.en.md:16: figure \"/etc/a.png\" "
                + "must be a relative path with / inside the lesson's folder, e.g. figures/belt.png");
        png(dir.getParent().resolve(dir.getFileName() + "-outside.png"), 4, 4);
        assertThat(problemsWith(dir, "![x](../" + dir.getFileName() + "-outside.png)")).containsExactly(
                "01-forget.en.md:16: figure \"../" + dir.getFileName() + "-outside.png\" is outside the lesson's folder; "
                        + "put the image in the folder (e.g. figures/) and name it from there");
        assertThat(problemsWith(dir, "![x](figures/missing.png)")).singleElement().asString()
                .startsWith("01-forget.en.md:16: figure \"figures/missing.png\" does not exist in the lesson's folder ");
        Files.writeString(dir.resolve("notes.png"), "not an image at all, just text pretending");
        assertThat(problemsWith(dir, "![x](notes.png)")).containsExactly(
                "01-forget.en.md:16: figure \"notes.png\" is not a PNG image; a figure must be a .png file");
        png(dir.resolve("wide.png"), 3000, 10);
        assertThat(problemsWith(dir, "![x](wide.png)")).containsExactly(
                "01-forget.en.md:16: figure \"wide.png\" is 3000×10 pixels; a figure may be at most 2400 pixels wide and high");
        byte[] big = new byte[(int) Figures.MAX_BYTES + 10];
        System.arraycopy(Files.readAllBytes(dir.resolve("wide.png")), 0, big, 0, 24);
        Files.write(dir.resolve("big.png"), big);
        assertThat(problemsWith(dir, "![x](big.png)")).containsExactly(
                "01-forget.en.md:16: figure \"big.png\" is 2048 KB; a figure may be at most 2048 KB");
        assertThat(problemsWith(dir, "![belt] figures/belt.png")).containsExactly("01-forget.en.md:16: \"![\" starts a "
                + "figure but is not one; write ![what it shows](figures/name.png)");
        assertThat(problemsWith(dir, "![x]()")).containsExactly(
                "01-forget.en.md:16: a figure needs a file name: ![what it shows](figures/name.png)");
    }

    @Test
    void aLinkOutOfTheFolderIsRefused(@TempDir Path dir) throws Exception {
        Path outside = Files.createTempFile("rnnlab-figure", ".png");
        try {
            png(outside, 8, 8);
            Files.createSymbolicLink(dir.resolve("linked.png"), outside);
            assertThat(problemsWith(dir, "![x](linked.png)")).containsExactly("01-forget.en.md:16: figure \"linked.png\" "
                    + "leads outside the lesson's folder (a link); copy the image into the folder");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    /** A shipped lesson uses a figure (made by lessons/figures/make-figures.sh): both languages name it and it loads. */
    @Test
    void theShippedConveyorBeltLessonShowsItsFigure() throws Exception {
        Path shipped = Path.of("lessons");
        LessonEntry belt = LessonLibrary.load(shipped).entry("conveyor-belt");
        assertThat(belt.problems()).isEmpty();
        for (String lang : List.of("en", "zh")) {
            String text = Files.readString(shipped.resolve("10-conveyor-belt." + lang + ".md"));
            assertThat(Figures.find(text)).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("figures/belt-station.png");
                assertThat(r.alt()).as("alt text, a sentence").hasSizeGreaterThan(20);
            });
        }
        Figures.Found f = Figures.resolve(shipped, "figures/belt-station.png");
        assertThat(f.width()).isEqualTo(640);
        assertThat(f.height()).isEqualTo(160);
        BufferedImage img = ImageIO.read(shipped.resolve("figures/belt-station.png").toFile());
        assertThat(img.getRGB(170, 100) & 0xFFFFFF).as("a station box is drawn").isEqualTo(0xF3D27A);
        assertThat(Files.size(shipped.resolve("figures/belt-station.png"))).isLessThan(Figures.MAX_BYTES);
    }

    /**
     * The shipped lessons are read from inside the jar (a zip file system): the figure must resolve there
     * too. It threw UnsupportedOperationException ('NOFOLLOW_LINKS' not allowed), so `lessons check` from
     * the jar ended in an internal error.
     */
    @Test
    void aFigureResolvesInsideAZipAsInTheJar(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("lessons.zip");
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip,
                java.util.Map.of("create", "true"))) {
            Path lessons = fs.getPath("/lessons");
            Files.createDirectories(lessons.resolve("figures"));
            Files.copy(Path.of("lessons/figures/belt-station.png"), lessons.resolve("figures/belt-station.png"));
        }
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            Figures.Found f = Figures.resolve(fs.getPath("/lessons"), "figures/belt-station.png");
            assertThat(f.width()).isEqualTo(640);
            assertThat(f.height()).isEqualTo(160);
            assertThat(f.file().toUri().getScheme()).isEqualTo("jar");
        }
    }
}
