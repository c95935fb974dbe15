package org.ccsim.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a page of a run folder in headless Chromium (Debian's {@code chromium}) and reports what
 * the browser shows in a window {@value #WIDTH} pixels wide: a copy of the page, next to it so relative
 * image paths resolve, gets a script that counts, once everything has loaded, the tables, the images,
 * the images decoded with a non-zero width, and the table cells (not headings) whose text takes more
 * than one line; {@code --dump-dom} prints the result.
 */
final class HeadlessChromium {

  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final String PROBE = """
      <script>window.addEventListener('load', function () {
        var images = Array.from(document.images);
        document.body.setAttribute('data-tables', document.querySelectorAll('table').length);
        document.body.setAttribute('data-images', images.length);
        document.body.setAttribute('data-loaded', images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length);
        var cells = Array.from(document.querySelectorAll('td'));
        document.body.setAttribute('data-wrapped', cells.filter(function (cell) {
          var text = document.createRange();
          text.selectNodeContents(cell);
          var lines = new Set(Array.from(text.getClientRects()).map(function (r) { return Math.round(r.top); }));
          return lines.size > 1;
        }).length);
      });</script>
      """;
  private static final Pattern RESULT = Pattern.compile("data-(tables|images|loaded|wrapped)=\"(\\d+)\"");
  /** The width of the window the page is shown in: a common laptop screen. */
  static final int WIDTH = 1280;

  private HeadlessChromium() {
  }

  /**
   * The counts {@code tables}, {@code images}, {@code loaded} and {@code wrapped} of {@code html}
   * shown from {@code folder}.
   */
  static Map<String, String> render(Path folder, String html) throws IOException, InterruptedException {
    Path page = folder.resolve("report-rendered-by-test.html");
    Files.writeString(page, html.replace("</body>", PROBE + "</body>"));
    Path profile = Files.createTempDirectory("chromium-profile");
    Process process = new ProcessBuilder(executable(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",900", "--virtual-time-budget=10000", "--dump-dom",
        page.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("chromium failed to render " + page + ": " + dom);
    }
    Map<String, String> counts = new LinkedHashMap<>();
    Matcher m = RESULT.matcher(dom);
    while (m.find()) {
      counts.put(m.group(1), m.group(2));
    }
    return counts;
  }

  private static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : NAMES) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    throw new AssertionError("this test renders report.html in headless Chromium, but none of " + NAMES
        + " is on the PATH: install it (Debian: sudo apt-get install chromium; .ci/run does this)");
  }
}
