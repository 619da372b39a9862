package rnnlab.ui.poll;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A QR code (ZXing) drawn into a JavaFX image: black modules on white, a quiet zone of 4 modules, square pixels. */
final class QrImage {
    private QrImage() {
    }

    /** The code for {@code text}, {@code pixelsPerModule} pixels to a module. */
    static WritableImage of(String text, int pixelsPerModule) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
        int w = m.getWidth() * pixelsPerModule;
        int h = m.getHeight() * pixelsPerModule;
        WritableImage img = new WritableImage(w, h);
        PixelWriter px = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px.setColor(x, y, m.get(x / pixelsPerModule, y / pixelsPerModule) ? Color.BLACK : Color.WHITE);
            }
        }
        return img;
    }
}
