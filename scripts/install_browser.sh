#!/usr/bin/env bash
# Install Debian's Chromium (+ chromedriver) for the browser tests (tests/browser).
# Playwright's own browser downloads are not reachable here; the tests drive
# /usr/bin/chromium instead. Exits 0 in every case: where nothing can be
# installed it says why, and the browser tests skip with that reason.
set -u

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "install_browser: chromium already installed ($(command -v chromium))"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install_browser: not root, cannot apt-get install chromium; browser tests will skip"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get on this machine; browser tests will skip"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq; then
    echo "install_browser: apt-get update failed; browser tests will skip"
    exit 0
fi
if ! apt-get install -y -qq chromium chromium-driver fonts-dejavu-core fonts-liberation >/dev/null; then
    echo "install_browser: apt-get install chromium failed; browser tests will skip"
    exit 0
fi
echo "install_browser: installed $(chromium --version 2>/dev/null || echo chromium)"
exit 0
