"""The e-mail reports in a real browser (Debian's Chromium through Playwright), offline and inert.

Every request other than the page itself and data: URLs is recorded and aborted; any dialog is recorded.
Skipped only when /usr/bin/chromium is missing outside CI; under CI (env CI set) a missing Chromium fails.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from minzheng import paths
from minzheng.writers import atomic_write

# The session's pipeline runs live in test_pipeline; importing its fixtures shares them (tests/ as a package or not).
try:
    from .test_pipeline import seeds_run, tiny_runs  # noqa: F401
except ImportError:
    from test_pipeline import seeds_run, tiny_runs  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
BROKEN_IMAGES_JS = "() => Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.outerHTML.slice(0, 80))"

pytestmark = pytest.mark.slow


@dataclass
class Visit:
    """What happened while a page was open: requests leaving the page, dialogs, broken images, its text."""

    outside_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    images: int = 0
    text: str = ""


def chromium_or_skip() -> Path:
    """Return Chromium's path; skip when it is missing outside CI, fail when it is missing under CI."""
    if CHROMIUM.is_file():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing under CI: install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing (set CI=1 to make this a failure)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium that Playwright drives; Playwright never downloads a browser."""
    executable = chromium_or_skip()
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def visit(browser: object, page_path: Path, screenshot: Path | None = None) -> Visit:
    """Open a local HTML file with every outside request aborted; record requests, dialogs, images and text."""
    seen = Visit()
    own_url = page_path.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    page = context.new_page()

    def guard(route: object) -> None:
        url = route.request.url
        if url == own_url or url.startswith("data:"):
            route.continue_()
        else:
            seen.outside_requests.append(url)
            route.abort()

    def on_dialog(dialog: object) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request: object) -> None:
        outside = request.url != own_url and not request.url.startswith("data:")
        if outside and request.url not in seen.outside_requests:
            seen.outside_requests.append(request.url)

    page.route("**/*", guard)
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.goto(own_url, wait_until="load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    seen.broken_images = page.evaluate(BROKEN_IMAGES_JS)
    seen.images = page.evaluate("() => document.images.length")
    seen.text = page.inner_text("body")
    if screenshot is not None:
        atomic_write(screenshot, page.screenshot(full_page=True))
    context.close()
    return seen


def test_request_guard_and_dialog_recorder_catch_a_leaky_page(browser, tmp_path):
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        '<html><body><p>民政</p><img src="https://example.invalid/x.png"><img src="local.png"><script>alert(1)</script></body></html>',
        encoding="utf-8",
    )
    seen = visit(browser, leaky)
    assert "https://example.invalid/x.png" in seen.outside_requests
    assert (tmp_path / "local.png").as_uri() in seen.outside_requests
    assert seen.dialogs == ["alert: 1"]
    assert seen.broken_images


def test_every_email_report_renders_offline_with_images_and_chinese_text(browser, seeds_run):
    pages = sorted((seeds_run.outputs / "email").glob("*.html"))
    assert pages
    screens = paths.outputs_subdir("screens")
    for page_path in pages:
        seen = visit(browser, page_path, screens / f"{page_path.stem}.png")
        assert seen.outside_requests == [], page_path.name
        assert seen.dialogs == [], page_path.name
        assert seen.images > 0 and seen.broken_images == [], page_path.name
        assert CHINESE.search(seen.text), page_path.name
        assert (screens / f"{page_path.stem}.png").stat().st_size > 0


def test_hostile_report_text_runs_nothing_and_reads_as_text(browser, tiny_runs):
    for folder in ("email", "html"):
        seen = visit(browser, tiny_runs.first.outputs / folder / "10_hostile.html")
        assert seen.dialogs == [], folder
        assert seen.outside_requests == [], folder
        assert seen.broken_images == [], folder
        assert "<script>alert(1)</script>" in seen.text, folder
