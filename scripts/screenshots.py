"""Take the README's screenshots from a running server with the demo data.

./dev run &   # or any server at BASE
.venv/bin/python scripts/screenshots.py [BASE]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def login(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{BASE}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-2025-anzhou")
    page.click("button[type=submit]")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        login(page, "leader")
        page.goto(f"{BASE}/dashboard/?year=2025")
        page.screenshot(path=OUT / "dashboard.png", full_page=True)
        page.goto(f"{BASE}/suggestions/?year=2025&key=true")
        page.click("table.list tbody tr:first-child td:nth-child(2) a")
        page.screenshot(path=OUT / "suggestion.png", full_page=True)
        for user, name in (
            ("clerk", "home-staff"),
            ("unit", "home-unit"),
            ("leader", "home-leader"),
        ):
            login(page, user)
            page.goto(f"{BASE}/")
            page.screenshot(path=OUT / f"{name}.png", full_page=name == "home-leader")
        login(page, "clerk")
        page.goto(f"{BASE}/reports/2025/text/")
        page.locator("#preview a.figure").first.wait_for()
        page.screenshot(path=OUT / "report-text.png")
        for name in sys.argv[2:]:
            page.goto(f"{BASE}{name}")
            page.screenshot(path=OUT / "extra.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
