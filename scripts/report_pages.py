"""The README's picture of the year-end review's first pages, from the demo year's PDF.

.venv/bin/python scripts/report_pages.py   # needs the demo data (./dev run loads it)
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "report.png"


def main() -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "review.pdf"
        subprocess.run(
            [sys.executable, "manage.py", "annual_report", "--year", "2025", "--output", str(pdf)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "DJANGO_DEBUG": os.environ.get("DJANGO_DEBUG", "1")},
        )
        # The cover, then the first two pages of text (the cover's blank back is skipped).
        pages = []
        for number in (1, 3, 4):
            stem = Path(tmp) / f"p{number}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "70",
                    "-png",
                    "-singlefile",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            pages.append(Image.open(f"{stem}.png").convert("RGB"))
        gap = 16
        width = sum(p.width for p in pages) + gap * (len(pages) + 1)
        height = max(p.height for p in pages) + gap * 2
        sheet = Image.new("RGB", (width, height), (225, 225, 225))
        x = gap
        for page in pages:
            sheet.paste(page, (x, gap))
            x += page.width + gap
        sheet.save(OUT, optimize=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
