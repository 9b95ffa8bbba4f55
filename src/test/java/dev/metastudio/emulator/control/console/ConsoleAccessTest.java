package dev.metastudio.emulator.control.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.support.Browser;
import dev.metastudio.emulator.support.H2ServerTest;
import dev.metastudio.emulator.support.PlaneClient;
import dev.metastudio.emulator.support.RawHttp;
import dev.metastudio.emulator.support.TestProjects;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * With METASTUDIO_ADMIN_TOKEN set, the console's files load without it (they hold no data), everything they fetch
 * needs it, and the page works once the token is typed in.
 */
class ConsoleAccessTest extends H2ServerTest {

    @Test
    void thePageIsOpenAndItsDataNeedsTheToken() throws Exception {
        for (String path : new String[] {"/_emulator/console/", "/_emulator/console", "/_emulator/console/console.js",
                "/_emulator/console/console.css"}) {
            RawHttp.Response page = RawHttp.get(port, path);
            assertThat(page.status()).as(path).isEqualTo(200);
        }
        assertThat(RawHttp.get(port, "/_emulator/console/").header("Content-Type")).startsWith("text/html");
        assertThat(RawHttp.get(port, "/_emulator/console/no-such-file.js").status()).isEqualTo(404);
        for (String path : new String[] {"/_emulator/projects", "/_emulator/requests", "/_emulator/coverage",
                "/_emulator/openapi.json", "/_emulator/projects/" + TestProjects.PROJECT_A + "/assets"}) {
            assertThat(RawHttp.get(port, path).status()).as(path).isEqualTo(401);
        }
        // The open prefix is the console's own segment, nothing beside or above it.
        assertThat(RawHttp.get(port, "/_emulator/consolex").status()).isEqualTo(401);
        assertThat(RawHttp.get(port, "/_emulator/console/../requests").status()).isEqualTo(400);
    }

    @Test
    void theConsolesReadEndpointsAnswerAndRefuseBadInput() {
        PlaneClient plane = new PlaneClient(baseUrl(), ADMIN_TOKEN);
        assertThat(plane.get("/_emulator/projects").json().get("projects").findValuesAsText("project_id"))
                .contains(TestProjects.PROJECT_A, TestProjects.PROJECT_B);
        assertThat(plane.get("/_emulator/projects/" + TestProjects.PROJECT_A + "/assets").json().get("assets").isArray())
                .isTrue();
        PlaneClient.Answer badLimit = plane.get("/_emulator/projects/" + TestProjects.PROJECT_A + "/assets?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("error_msg").asText()).contains("limit");
        PlaneClient.Answer badProject = plane.get("/_emulator/projects/bad%20id/assets");
        assertThat(badProject.status()).isEqualTo(400);
        assertThat(badProject.json().get("error_msg").asText()).contains("project_id");
        PlaneClient.Answer unknownTts = plane.get("/_emulator/projects/" + TestProjects.PROJECT_A
                + "/tts-jobs/0a1b2c3d-0000-0000-0000-000000000000/files");
        assertThat(unknownTts.status()).isBetween(400, 404);
        assertThat(unknownTts.json().get("error_code").asText()).startsWith("MSS.");
    }

    @Test
    void inTheBrowserTheTokenIsTypedOnceAndSentFromThen() {
        ChromeDriver browser = Browser.start();
        try {
            browser.get(baseUrl() + "/_emulator/console/?project=" + TestProjects.PROJECT_A);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "admin token"));
            WebElement token = browser.findElement(By.id("token"));
            token.sendKeys(ADMIN_TOKEN + "\t");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Updated"));
            assertThat(browser.findElement(By.id("status")).getAttribute("class")).doesNotContain("error");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Updated"));
            assertThat(browser.findElement(By.id("token")).getAttribute("value")).isEqualTo(ADMIN_TOKEN);
        } finally {
            browser.quit();
        }
    }
}
