package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rnnlab.io.UserFiles;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.viewmodel.LanguageSetting;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/** {@code --lang} on the command line, then the saved setting, then the system locale; CLI commands unharmed. */
class LangOptionTest {

    @AfterEach
    void english() throws Exception {
        AppLanguage.set(Locale.ENGLISH);
        AppLanguage.overrideInstalledFamilies(null);
        UserFiles.putSetting(LanguageSetting.KEY, null);
    }

    @Test
    void langIsTakenOutOfTheArgumentsInBothSpellings() {
        LaunchOptions a = LaunchOptions.parse(List.of("--lang", "zh"), null);
        assertThat(a.lang()).isEqualTo("zh");
        assertThat(a.rest()).isEmpty();
        assertThat(a.opensApp()).isTrue();
        assertThat(Launcher.appArgs(a)).containsExactly("--lang=zh");

        LaunchOptions b = LaunchOptions.parse(List.of("--lang=en", "lesson.rnnlab.json"), null);
        assertThat(b.lang()).isEqualTo("en");
        assertThat(b.opensApp()).isTrue();
        assertThat(Launcher.appArgs(b)).containsExactly("--lang=en", "lesson.rnnlab.json");
    }

    @Test
    void aCommandAfterLangStillRunsTheCliWithItsOwnArguments() {
        LaunchOptions o = LaunchOptions.parse(List.of("--lang", "zh", "trace", "--model", "m.model.json"), null);
        assertThat(o.opensApp()).isFalse();
        assertThat(o.rest()).containsExactly("trace", "--model", "m.model.json");
        assertThat(LaunchOptions.parse(List.of("train", "--task", "sine"), null).rest()).containsExactly("train", "--task", "sine");
        assertThat(LaunchOptions.parse(List.of("gradcheck"), null).opensApp()).isFalse();
    }

    @Test
    void theLanguageReachesAnAppStartedByTheOpenCommandThroughAProperty() {
        LaunchOptions o = LaunchOptions.parse(List.of("--lang", "zh", "open", "x.rnnlab.json"), null);
        assertThat(o.opensApp()).isFalse();
        String before = System.getProperty(LaunchOptions.PROPERTY);
        try {
            System.setProperty(LaunchOptions.PROPERTY, o.lang());
            LaunchOptions app = LaunchOptions.parse(List.of("/abs/x.rnnlab.json"), null);
            assertThat(app.langOrProperty()).isEqualTo("zh");
            assertThat(LanguageSetting.choose(app.langOrProperty(), "en", Locale.US)).isEqualTo(AppLanguage.CHINESE);
        } finally {
            if (before == null) {
                System.clearProperty(LaunchOptions.PROPERTY);
            } else {
                System.setProperty(LaunchOptions.PROPERTY, before);
            }
        }
    }

    @Test
    void anUnknownLanguageIsReportedAndIgnored() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LaunchOptions o = LaunchOptions.parse(List.of("--lang", "fr"), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(o.lang()).isNull();
        assertThat(o.opensApp()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'fr'").contains("en or zh");
    }

    @Test
    void commandLineBeatsSavedSettingBeatsSystemLocale() {
        assertThat(LanguageSetting.choose("zh", "en", Locale.ENGLISH)).isEqualTo(AppLanguage.CHINESE);
        assertThat(LanguageSetting.choose("en", "zh", Locale.SIMPLIFIED_CHINESE)).isEqualTo(AppLanguage.ENGLISH);
        assertThat(LanguageSetting.choose(null, "zh", Locale.US)).isEqualTo(AppLanguage.CHINESE);
        assertThat(LanguageSetting.choose(null, "en", Locale.SIMPLIFIED_CHINESE)).isEqualTo(AppLanguage.ENGLISH);
        assertThat(LanguageSetting.choose(null, null, Locale.SIMPLIFIED_CHINESE)).isEqualTo(AppLanguage.CHINESE);
        assertThat(LanguageSetting.choose(null, null, Locale.GERMANY)).isEqualTo(AppLanguage.ENGLISH);
        // a broken saved value falls through to the system
        assertThat(LanguageSetting.choose(null, "klingon", Locale.CHINA)).isEqualTo(AppLanguage.CHINESE);
        assertThat(LanguageSetting.choose("zh-CN", null, Locale.US)).isEqualTo(AppLanguage.CHINESE);
    }

    @Test
    void theMenuChoiceIsSavedInTheUserSettings() {
        assertThat(LanguageSetting.save(AppLanguage.CHINESE)).isNull();
        assertThat(LanguageSetting.saved()).isEqualTo("zh");
        assertThat(UserFiles.setting("lang", null)).isEqualTo("zh");
        assertThat(LanguageSetting.choose(null, LanguageSetting.saved(), Locale.US)).isEqualTo(AppLanguage.CHINESE);
        assertThat(LanguageSetting.choose("en", LanguageSetting.saved(), Locale.US)).isEqualTo(AppLanguage.ENGLISH);
    }

    @Test
    void chineseWithoutACjkFontStaysEnglishAndNamesThePackageInBothLanguages() {
        AppLanguage.overrideInstalledFamilies(List.of("DejaVu Sans", "DejaVu Sans Mono"));
        String notice = LanguageSetting.apply(AppLanguage.CHINESE);
        assertThat(AppLanguage.isChinese()).isFalse();
        assertThat(notice).contains("fonts-wqy-microhei").contains("CJK font").contains("中文字体");
        assertThat(Messages.get("menu.file")).isEqualTo("File");

        AppLanguage.overrideInstalledFamilies(List.of("DejaVu Sans", "Noto Sans CJK SC"));
        assertThat(LanguageSetting.apply(AppLanguage.CHINESE)).isNull();
        assertThat(AppLanguage.isChinese()).isTrue();
        assertThat(AppLanguage.family()).isEqualTo("Noto Sans CJK SC");
        assertThat(Messages.get("menu.file")).isEqualTo("文件");
    }

    @Test
    void bothBundlesFollowTheOneAppLanguageWithDotDecimals() {
        AppLanguage.set(AppLanguage.CHINESE);
        assertThat(Messages.get("menu.view")).isEqualTo("视图");
        assertThat(Messages.get("view.lstm.title")).isEqualTo("LSTM 单元");
        assertThat(Messages.format("timeline.speedValue", 1.5)).isEqualTo("1.5×");
        assertThat(Messages.format("training.figures", "0.25", 12345.6, 3)).isEqualTo("损失 0.25 · 每秒 12,346 个词元 · 裁剪 3 次");
        assertThat(NumberText.num(-0.25)).isEqualTo("−0.25");
        AppLanguage.set(AppLanguage.ENGLISH);
        assertThat(Messages.get("menu.view")).isEqualTo("View");
        assertThat(Messages.get("view.lstm.title")).isEqualTo("LSTM cell");
    }

    @Test
    void lessonsFolderOpensTheAppAndIsPassedOnToIt() {
        LaunchOptions o = LaunchOptions.parse(List.of("--lessons", "my-lessons", "--lang=zh"), null);
        assertThat(o.lessons()).isEqualTo("my-lessons");
        assertThat(o.lang()).isEqualTo("zh");
        assertThat(o.rest()).isEmpty();
        assertThat(o.opensApp()).isTrue();
        assertThat(Launcher.appArgs(o)).containsExactly("--lang=zh", "--lessons=my-lessons");
        assertThat(LaunchOptions.parse(List.of("--lessons=x"), null).lessons()).isEqualTo("x");
        // a command's own --lessons stays the command's
        LaunchOptions cmd = LaunchOptions.parse(List.of("lessons", "check", "--lessons", "d"), null);
        assertThat(cmd.lessons()).isNull();
        assertThat(cmd.rest()).containsExactly("lessons", "check", "--lessons", "d");
    }
}
