package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in headless Chromium (Debian's chromium and chromedriver, no browser download)
 * against {@code kirinuki serve} run from the built jar over the bundled sample posts.
 */
class SearchPageIT {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path indexDir;
  @TempDir static Path profiles;

  private static ServeProcess server;

  @BeforeAll
  static void startServer() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    server = ServeProcess.start(indexDir.resolve("index"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.terminate();
    }
  }

  /** A fresh headless Chromium with its own profile; JavaScript on or off. */
  private static WebDriver browser(String profile, boolean javascript) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=ja",
        "--window-size=1280,1400",
        "--user-data-dir=" + profiles.resolve(profile));
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    // The driver path is given, so Selenium Manager never runs and nothing is downloaded.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static WebDriverWait waitFor(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  private static void screenshot(WebDriver driver, String name) throws IOException {
    Files.write(
        SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private static List<String> texts(WebDriver driver, String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  @Test
  void searchFilterOnAnOutletOpenAnArticleAndFollowItsPost() throws IOException {
    WebDriver driver = browser("search", true);
    try {
      driver.get(server.url());
      // Keyboard: Tab first reaches the skip link; "/" jumps to the search box (the script).
      driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      assertEquals("本文へ移動", driver.switchTo().activeElement().getText()); // skip to content
      driver.findElement(By.tagName("body")).sendKeys("/");
      assertEquals("q", driver.switchTo().activeElement().getAttribute("id"));
      WebElement box = driver.findElement(By.id("q"));
      box.sendKeys("マイナンバー"); // "My Number" (the national ID number)
      box.sendKeys(Keys.ENTER);
      waitFor(driver).until(ExpectedConditions.urlContains("q="));
      // Highlighted: the word itself, and its listed synonyms (個人番号, 共通番号) too.
      assertTrue(texts(driver, ".hits .snippet mark").contains("マイナンバー"));
      screenshot(driver, "search.png");

      driver
          .findElement(By.xpath("//aside[@class='facets']//a[.//span[text()='読売新聞']]"))
          .click(); // Yomiuri Shimbun
      waitFor(driver).until(ExpectedConditions.urlContains("outlet="));
      // Exactly its three articles, in the order of relevance (the same as /api/search)
      assertEquals(
          List.of(
              "マイナンバーは分離、自治体の92%…流出防止", // My Number kept apart, 92% of cities
              "流出対策自治体まだまだ…マイナンバーの情報管理", // cities still behind on leaks
              "マイナンバー システム設計発注巡り収賄の疑い 厚労省職員逮捕"), // bribery arrest
          texts(driver, ".hits .hit-title"));
      assertEquals(List.of("読売新聞", "読売新聞", "読売新聞"), texts(driver, ".hits .outlet"));
      assertEquals(List.of("記事", "記事", "記事"), texts(driver, ".hits .kind")); // article
      screenshot(driver, "search-outlet.png");

      String title = "マイナンバーは分離、自治体の92%…流出防止";
      driver.findElement(By.linkText(title)).click();
      waitFor(driver).until(ExpectedConditions.urlContains("/documents/"));
      assertEquals(title, driver.findElement(By.tagName("h1")).getText());
      assertEquals("読売新聞", driver.findElement(By.cssSelector(".doc-meta .outlet")).getText());
      assertEquals("2015年10月11日", driver.findElement(By.cssSelector(".doc-meta time")).getText());
      screenshot(driver, "document.png");

      driver.findElement(By.cssSelector("a.quoting-post")).click();
      waitFor(driver)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".quoted-articles")));
      assertEquals("投稿", driver.findElement(By.cssSelector(".doc-meta .kind")).getText()); // post
      assertTrue(texts(driver, ".quoted-articles a").contains(title));
      screenshot(driver, "post.png");

      // Back and forward walk the same URLs again.
      driver.navigate().back();
      waitFor(driver).until(ExpectedConditions.textToBe(By.tagName("h1"), title));
      driver.navigate().back();
      waitFor(driver).until(ExpectedConditions.urlContains("outlet="));
      assertEquals(3, driver.findElements(By.cssSelector(".hits .hit")).size());
    } finally {
      driver.quit();
    }
  }

  @Test
  void everythingWorksWithoutJavaScript() {
    WebDriver driver = browser("no-javascript", false);
    try {
      driver.get(server.url());
      // The "/" shortcut is the script's; without it the key does nothing.
      driver.findElement(By.tagName("body")).sendKeys("/");
      assertEquals("body", driver.switchTo().activeElement().getTagName());

      WebElement box = driver.findElement(By.id("q"));
      box.sendKeys("マイナンバー"); // "My Number"
      box.sendKeys(Keys.ENTER);
      waitFor(driver).until(ExpectedConditions.urlContains("q="));
      assertFalse(driver.findElements(By.cssSelector(".hits .snippet mark")).isEmpty());

      driver
          .findElement(By.xpath("//aside[@class='facets']//a[.//span[text()='読売新聞']]"))
          .click(); // Yomiuri Shimbun
      waitFor(driver).until(ExpectedConditions.urlContains("outlet="));
      assertEquals(3, driver.findElements(By.cssSelector(".hits .hit")).size());

      // A bar of the timeline narrows the search to its month.
      driver.findElement(By.cssSelector("a.tl-link[aria-label='2015年10月：2件']")).click();
      waitFor(driver).until(ExpectedConditions.urlContains("from=2015-10-01&to=2015-10-31"));
      assertEquals(
          List.of("2015年10月11日", "2015年10月13日"),
          texts(driver, ".hits .hit-meta time").stream().sorted().toList());
    } finally {
      driver.quit();
    }
  }

  @Test
  void aPhoneWidthScreenShowsTheSameResultsInOneColumn() throws IOException {
    WebDriver driver = browser("phone", true);
    try {
      driver.manage().window().setSize(new Dimension(390, 1600));
      driver.get(server.url() + "?q=%E3%83%9E%E3%82%A4%E3%83%8A%E3%83%B3%E3%83%90%E3%83%BC");
      int width =
          ((Number)
                  ((JavascriptExecutor) driver)
                      .executeScript("return document.documentElement.scrollWidth;"))
              .intValue();
      int viewport =
          ((Number)
                  ((JavascriptExecutor) driver)
                      .executeScript("return document.documentElement.clientWidth;"))
              .intValue();
      assertEquals(viewport, width, "the page scrolls sideways on a phone");
      screenshot(driver, "search-phone.png");
    } finally {
      driver.quit();
    }
  }
}
