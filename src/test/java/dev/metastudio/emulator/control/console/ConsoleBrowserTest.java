package dev.metastudio.emulator.control.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import dev.metastudio.emulator.support.Browser;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: a video job created through the official SDK reaches SUCCEED on the page without a
 * reload, its video really plays, and the journal shows the call that created it with its body.
 */
class ConsoleBrowserTest extends ServerTest {
    private static final Duration RENDER = Duration.ofMinutes(4);

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Lists are re-rendered by polling: a row found a moment ago may be replaced before the click lands. */
    private static void click(WebDriverWait wait, By row) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(row).click();
            return true;
        });
    }

    @Test
    void aVideoJobReachesSucceedWithoutReloadPlaysAndItsRequestIsInTheJournal() {
        MetaStudioClient client = clientA();
        String text = "Hello from the console test " + System.nanoTime() + ".";
        String jobId = Videos.submit(client, Videos.textJob(Videos.systemAvatar(client, "Anna (landscape)"), text));

        browser.get(baseUrl() + "/_emulator/console/?project=" + TestProjects.PROJECT_A);
        JavascriptExecutor js = browser;
        js.executeScript("window.__consoleLoadedOnce = 'still the same page';");
        WebDriverWait render = new WebDriverWait(browser, RENDER);
        By state = By.cssSelector("tr[data-job-id='" + jobId + "'] .job-state");
        render.until(ExpectedConditions.presenceOfElementLocated(state));
        render.until(ExpectedConditions.textToBe(state, "SUCCEED"));
        assertThat(js.executeScript("return window.__consoleLoadedOnce")).as("the page was not reloaded")
                .isEqualTo("still the same page");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        click(wait, By.cssSelector("tr[data-job-id='" + jobId + "']"));
        WebElement video = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-video")));
        js.executeScript("arguments[0].muted = true; arguments[0].play();", video);
        wait.until(d -> ((Number) js.executeScript("return arguments[0].readyState", video)).intValue() >= 2);
        double first = ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue();
        wait.until(d -> ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue()
                > first + 0.2);
        assertThat(js.executeScript("return arguments[0].error", video)).as("media error").isNull();
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", video);
        Path jobs = Browser.screenshot(browser, "console-job");

        browser.findElement(By.cssSelector(".tabs button[data-tab='journal']")).click();
        By created = By.xpath("//table[@id='journal-table']//tr[td[4][text()='Create2DDigitalHumanVideo']]");
        click(wait, created);
        WebElement requestBody = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-body")));
        wait.until(d -> requestBody.getText().contains(text));
        assertThat(browser.findElement(By.id("response-body")).getText()).contains(jobId);
        Path journal = Browser.screenshot(browser, "console-journal");

        assertThat(jobs).isNotEmptyFile();
        assertThat(journal).isNotEmptyFile();
        assertThat(Files.exists(Browser.SCREENSHOTS)).isTrue();
    }
}
