#!/bin/sh
# Run by the build at its start (the parent POM, phase validate, unless tests are skipped): one test
# renders a run's report.html in headless Chromium, so a build without it would fail only minutes later,
# in the last module. Exits 1 with the way to install it when none of the names below is on the PATH.
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done
echo "ccsim: the tests render report.html in headless Chromium, but none of chromium, chromium-browser," \
  "google-chrome is on the PATH: install it (Debian: sudo apt-get install chromium; .ci/run does this)," \
  "or build without tests (-DskipTests)" >&2
exit 1
