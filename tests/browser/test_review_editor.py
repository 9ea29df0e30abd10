"""The review-text editor: a long paragraph keeps one line number however it wraps, and the
preview follows the cursor (the block the cursor is in is marked and scrolled into view)."""

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_line_numbers_follow_wrapping_and_the_preview_follows_the_cursor(tab, clerk, known_year):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/reports/2025/text/")
    editor = page.locator("textarea[name=text]")
    long = "本年度常委会坚持依法履职，" * 30
    sections = [f"# {n}、第{n}部分\n\n{long}第{n}部分结束。" for n in "一二三四五六七八"]
    editor.fill("\n\n".join(sections))
    page.locator("#preview p", has_text="第八部分结束").wait_for()
    # One number per line of the text, each as tall as its line is drawn.
    numbers = page.locator(".gutter div")
    assert numbers.count() == editor.input_value().count("\n") + 1
    heights = numbers.evaluate_all("els => els.map(e => e.offsetHeight)")
    assert heights[2] > 2 * heights[0]  # line 3 is a paragraph wrapped over several rows
    # The cursor at the last paragraph: that block is marked and inside the preview's view.
    last_line = editor.input_value().count("\n") + 1
    editor.evaluate("t => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); }")
    page.keyboard.press("End")
    current = page.locator("#preview .current")
    current.wait_for()
    assert current.get_attribute("data-line") == str(last_line)
    assert "第八部分结束" in current.inner_text()
    visible = page.evaluate(
        """() => { const p = document.getElementById('preview');
                   const c = p.querySelector('.current');
                   const a = p.getBoundingClientRect(), b = c.getBoundingClientRect();
                   return b.top >= a.top && b.top < a.bottom; }"""
    )
    assert visible
    # Back to the top: the first heading.
    editor.evaluate("t => { t.focus(); t.setSelectionRange(0, 0); }")
    page.keyboard.press("Home")
    page.wait_for_function(
        "() => document.querySelector('#preview .current')?.getAttribute('data-line') === '1'"
    )
