package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rnnlab.i18n.Messages;
import rnnlab.training.Metric;

/** The training panel's metric line: the character model shows bits per char and perplexity, in both languages. */
class MetricTextTest {
    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void bitsPerCharComeWithPerplexityOnHeldOutText() {
        Metric m = Metric.error("bits per char", 2.0, Double.NaN);
        Messages.setLocale(Locale.ENGLISH);
        assertThat(MetricText.display(m)).isEqualTo("bits per char 2.000 on held-out text (perplexity 4.000)");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(MetricText.display(m)).isEqualTo("每字符比特数 2.000（留出文本上；困惑度 4.000）");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(MetricText.display(Metric.error("test MSE", 0.5, Double.NaN))).isEqualTo("test MSE 0.5000");
    }
}
