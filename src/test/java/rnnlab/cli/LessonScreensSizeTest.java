package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Window sizes with a screen scale for the commands that show lesson steps: {@code 1280x720@2}. */
class LessonScreensSizeTest {
    @Test
    void aSizeMayEndInAScreenScale() {
        assertThat(LessonScreens.Size.parse("1280x720")).isEqualTo(new LessonScreens.Size(1280, 720, 1));
        assertThat(LessonScreens.Size.parse(" 1280x720@2 ")).isEqualTo(new LessonScreens.Size(1280, 720, 2));
        assertThat(LessonScreens.Size.parse("1024×768@1.5")).isEqualTo(new LessonScreens.Size(1024, 768, 1.5));
        assertThat(LessonScreens.Size.parse("1280x720@2").label()).isEqualTo("1280x720@2");
        assertThat(LessonScreens.Size.parse("1280x720@1").label()).isEqualTo("1280x720");
        assertThat(LessonScreens.Size.parse("1280x720@1.5").label()).isEqualTo("1280x720@1.5");
    }

    @Test
    void aScaleOutside1To4OrNotANumberIsRefusedNamingTheValue() {
        for (String bad : new String[] {"1280x720@0.5", "1280x720@5", "1280x720@", "1280x720@x", "1280x720@NaN"}) {
            assertThatThrownBy(() -> LessonScreens.Size.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a screen scale is 1 to 4 (e.g. 1280x720@2 for a HiDPI screen), not \"" + bad + "\"");
        }
        assertThatThrownBy(() -> LessonScreens.Size.parse("big@2")).hasMessageContaining("a window size is WIDTHxHEIGHT");
    }
}
