package rnnlab.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated GIF (looping forever, one delay per frame) with the JDK's GIF writer,
 * which reduces each frame to a 256-colour palette of its own. The file is written beside the target
 * and renamed over it at the end, so a failure or a cancel leaves no partial file. Any thread.
 */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {
    }

    /**
     * Writes the frames; {@code delays} in hundredths of a second, one per frame. {@code progress} gets
     * 0..1 after each frame; when {@code cancelled} turns true the writing stops. Returns false if it was
     * cancelled (then no file was left behind).
     */
    public static boolean write(List<BufferedImage> frames, int[] delays, Path file, DoubleConsumer progress,
                                BooleanSupplier cancelled) throws IOException {
        if (frames.isEmpty() || delays.length != frames.size()) {
            throw new IllegalArgumentException(frames.size() + " frames but " + delays.length + " delays");
        }
        try (Writer w = open(file)) {
            for (int i = 0; i < frames.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                w.append(frames.get(i), delays[i]);
                progress.accept((i + 1.0) / frames.size());
            }
            if (cancelled.getAsBoolean()) {
                return false;
            }
            w.commit();
            return true;
        }
    }

    /** Starts a GIF at {@code file}: frames are appended one by one (so they need not all be kept in memory). */
    public static Writer open(Path file) throws IOException {
        return new Writer(file);
    }

    /**
     * An animated GIF being written to a temporary file beside its target: {@link #append} frames, then
     * {@link #commit} renames it in place; {@link #close} without a commit deletes it. One thread at a time.
     */
    public static final class Writer implements AutoCloseable {
        private final AtomicFiles.Pending pending;
        private final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        private final ImageOutputStream out;
        private boolean first = true;
        private boolean closed;

        private Writer(Path file) throws IOException {
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
                throw new java.nio.file.NoSuchFileException(String.valueOf(dir)); // an export never creates folders
            }
            pending = AtomicFiles.begin(file);
            out = ImageIO.createImageOutputStream(pending.temp().toFile());
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
        }

        /** Adds a frame shown for {@code delay} hundredths of a second. */
        public void append(BufferedImage frame, int delay) throws IOException {
            BufferedImage rgb = opaque(frame);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
            frameMetadata(meta, delay, first);
            first = false;
            writer.writeToSequence(new IIOImage(rgb, null, meta), null);
        }

        /** Finishes the file and moves it over the target. */
        public void commit() throws IOException {
            if (first) {
                throw new IOException("no frames");
            }
            writer.endWriteSequence();
            finish();
            pending.commit();
        }

        /** Releases the writer; without a {@link #commit} the temporary file is deleted. */
        @Override
        public void close() throws IOException {
            finish();
            pending.close();
        }

        private void finish() throws IOException {
            if (!closed) {
                closed = true;
                writer.dispose();
                out.close();
            }
        }
    }

    /** The frame without alpha (GIF transparency is not wanted on slides). */
    private static BufferedImage opaque(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Delay and disposal of one frame; the first frame also carries the "loop forever" extension. */
    private static void frameMetadata(IIOMetadata meta, int delay, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delay)));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // sub-block 1, loop count 0 (little endian) = forever
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
