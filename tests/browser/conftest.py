"""Playwright with Debian's chromium against the live test server; nothing is downloaded."""

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CJK = re.compile(r"[\u4e00-\u9fff]")
ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    setattr(item, f"rep_{outcome.get_result().when}", outcome.get_result())


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (./dev test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


# Page shapes already audited in this run, by any of its processes (pytest-xdist's run id).
AUDITED = (
    Path(tempfile.gettempdir())
    / f"congress-axe-{os.environ.get('PYTEST_XDIST_TESTRUNUID', os.getpid())}"
)


def first_to_claim(shape: str) -> bool:
    AUDITED.mkdir(exist_ok=True)
    try:
        os.close(os.open(AUDITED / shape, os.O_CREAT | os.O_EXCL))
        return True
    except FileExistsError:
        return False


DIGITS = re.compile(r"\d+")
KINDS = """() => [...new Set(Array.from(document.querySelectorAll("*"), (e) =>
  [e.tagName, e.className, e.getAttribute("role"), e.getAttribute("type")].join("|")))]
  .sort().join(";")"""


class Session:
    """A browser tab that checks every page it lands on."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.problems: list[str] = []
        page.on(
            "console",
            lambda m: m.type == "error" and self.problems.append(f"console: {m.text} ({page.url})"),
        )
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e} ({page.url})"))

    def check(self) -> None:
        self.audit()
        title = self.page.title()
        assert CJK.search(title), f"no Chinese <title> on {self.page.url}: {title!r}"
        heading = self.page.locator("h1").first.inner_text()
        assert CJK.search(heading), f"no Chinese heading on {self.page.url}: {heading!r}"

    def audit(self) -> None:
        """axe-core on the page: any serious or critical accessibility violation is a problem.
        A page already audited in this run is not audited again when it has the same kind
        of address and the same kinds of elements (tag, class, role, type): another record's
        detail page, or the same list with other counts, would give axe nothing new to find,
        while a page with an error list, a badge or a dialog it had not shown before is
        audited afresh."""
        import hashlib

        from axe_playwright_python.sync_playwright import Axe

        kinds = self.page.evaluate(KINDS)
        path = DIGITS.sub("N", urlsplit(self.page.url).path)
        shape = hashlib.sha1(f"{path}|{kinds}".encode()).hexdigest()
        if not first_to_claim(shape):
            return
        results = Axe().run(self.page)
        for v in results.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"][:3]]
                self.problems.append(f"axe {v['id']} ({v['impact']}) on {self.page.url}: {targets}")

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.check()

    def click(self, selector: str) -> None:
        with self.page.expect_navigation():
            self.page.click(selector)
        self.check()

    def login(self, username: str, password: str) -> None:
        self.page.context.clear_cookies()
        self.go("/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.click("button[type=submit]")

    def text(self) -> str:
        return self.page.inner_text("body")


@pytest.fixture
def tab(browser, live_server, request):
    context = browser.new_context(
        viewport={"width": 1360, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    session = Session(page, live_server.url)
    yield session
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()
    assert not session.problems, session.problems
