package dev.metastudio.emulator.control.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import dev.metastudio.emulator.support.Browser;
import dev.metastudio.emulator.support.PlaneClient;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's rule management in a real browser, over the control plane's fault, progression and reset endpoints:
 * a fault rule added on the page makes the SDK fail with the chosen status and code until it is removed on the page;
 * a progression mode is set and restored; a project is reset.
 */
class ConsoleRulesBrowserTest extends ServerTest {
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** The server is shared by every test class: a rule left by a failed run here would fail the SDK elsewhere. */
    @AfterEach
    void closeBrowserAndRemoveRules() {
        if (browser != null) {
            browser.quit();
        }
        PlaneClient plane = new PlaneClient(baseUrl(), null);
        plane.delete("/_emulator/faults");
        plane.delete("/_emulator/progression/TTS");
    }

    /** Tables are re-rendered by polling: a button found a moment ago may be replaced before the click lands. */
    private void click(By button) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(button).click();
            return true;
        });
    }

    @Test
    void faultAndProgressionRulesAreAddedAndRemovedAndAProjectIsReset() {
        PlaneClient plane = new PlaneClient(baseUrl(), null);
        browser.get(baseUrl() + "/_emulator/console/?tab=rules&project=" + TestProjects.PROJECT_B);

        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fault-form")));
        form.findElement(By.name("operation")).sendKeys("ListAssets");
        WebElement status = form.findElement(By.name("status"));
        status.clear();
        status.sendKeys("503");
        WebElement code = form.findElement(By.name("error_code"));
        code.clear();
        code.sendKeys("MSS.00000503");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        By rule = By.cssSelector("#faults-table tr[data-rule-id]");
        String ruleId = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(rule).getAttribute("data-rule-id"));
        assertThat(plane.get("/_emulator/faults").json().get("rules").findValuesAsText("rule_id")).contains(ruleId);

        ServiceResponseException faulted = catchThrowableOfType(ServiceResponseException.class,
                () -> clientB().listAssets(new ListAssetsRequest()));
        assertThat(faulted.getHttpStatusCode()).isEqualTo(503);
        assertThat(faulted.getErrorCode()).isEqualTo("MSS.00000503");
        Browser.screenshot(browser, "console-rules");

        click(By.cssSelector("#faults-table tr[data-rule-id='" + ruleId + "'] .remove-rule"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-rule-id='" + ruleId + "']"), 0));
        assertThat(plane.get("/_emulator/faults").json().get("rules").findValuesAsText("rule_id")).doesNotContain(ruleId);
        assertThat(clientB().listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);

        WebElement progression = browser.findElement(By.id("progression-form"));
        new Select(progression.findElement(By.name("job_kind"))).selectByVisibleText("TTS");
        new Select(progression.findElement(By.name("mode"))).selectByVisibleText("manual");
        progression.findElement(By.cssSelector("button[type='submit']")).click();
        By tts = By.cssSelector("#progression-table tr[data-job-kind='TTS']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(tts, "manual"));
        click(By.cssSelector("#progression-table tr[data-job-kind='TTS'] button"));
        wait.until(ExpectedConditions.numberOfElementsToBe(tts, 0));
        assertThat(plane.get("/_emulator/progression").json().get("rules").findValuesAsText("job_kind"))
                .doesNotContain("TTS");

        browser.findElement(By.id("reset-open")).click();
        browser.findElement(By.id("reset-project")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reset-result"), "Removed:"));
        assertThat(browser.findElement(By.id("reset-result")).getText()).contains("requests");
    }
}
