package rnnlab.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The students' page in a real browser: Debian's headless Chromium (driven by chromium-driver) at a
 * phone-sized window, in English and in Chinese, joins with the code from the address, answers, and the
 * poll's count (what the class screen shows) changes. Screenshots go to target/screenshots. Loopback
 * only; skipped, with the reason, where chromium or chromedriver is not installed (.ci/run installs them).
 */
@Timeout(120)
class PollBrowserTest {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    @Test
    void aPhoneAnswersInEnglishAndInChineseAndIsCounted(@TempDir Path profiles) throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        PollSession session = new PollSession();
        session.ask(Questions.choice("q1"));
        try (PollServer server = new PollServer(session, "BR4W", Interfaces.loopback(), 0)) {
            server.start();
            answer(server, session, "en", "yes", profiles.resolve("en"), 1);
            answer(server, session, "zh", "会", profiles.resolve("zh"), 2);
            assertThat(session.distribution("en").counts().get(0)).containsExactly(0, 2, 0);
        }
    }

    private void answer(PollServer server, PollSession session, String lang, String firstOption, Path profile, int expected)
            throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=390,844",
                "--lang=" + (lang.equals("zh") ? "zh-CN" : "en-US"));
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang.equals("zh") ? "zh-CN,zh" : "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        WebDriver d = new ChromeDriver(service, o);
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            d.get(server.joinUrl());
            wait.until(x -> x.findElements(By.id("option-1")).stream().anyMatch(e -> e.isDisplayed()));
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            assertThat(d.findElement(By.id("option-1")).getText()).isEqualTo(firstOption);
            // phone-sized: nothing wider than the window
            Number scroll = (Number) ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(scroll.intValue()).isLessThanOrEqualTo(0);
            shot(d, "class-poll-page-" + lang);
            int before = session.count();
            d.findElement(By.id("option-2")).click();
            wait.until(x -> session.count() == before + 1);
            wait.until(x -> x.findElement(By.id("option-2")).getAttribute("class").contains("chosen"));
            // change of mind: still one answer from this phone
            d.findElement(By.id("option-1")).click();
            wait.until(x -> x.findElement(By.id("option-1")).getAttribute("class").contains("chosen"));
            d.findElement(By.id("option-2")).click();
            wait.until(x -> x.findElement(By.id("option-2")).getAttribute("class").contains("chosen"));
            assertThat(session.count()).isEqualTo(expected);
            shot(d, "class-poll-page-" + lang + "-answered");
        } finally {
            d.quit();
        }
    }

    private static void shot(WebDriver d, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }
}
