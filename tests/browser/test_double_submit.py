"""Double-clicking save on a new meeting whose 次数 is left blank saves one meeting, and the
button is disabled while the first submission is on its way."""

import pytest

from meetings.models import Meeting
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A submission as the browser starts it, without leaving the page: the form's own listeners run.
SUBMIT_TWICE = """async () => {
  const form = document.querySelector("form.record");
  const first = new SubmitEvent("submit", {cancelable: true});
  form.dispatchEvent(first);
  await new Promise((r) => setTimeout(r, 50));
  const second = new SubmitEvent("submit", {cancelable: true});
  form.dispatchEvent(second);
  const button = form.querySelector("button[type=submit]");
  return [first.defaultPrevented, second.defaultPrevented, button.disabled];
}"""


def test_the_button_is_disabled_while_the_first_submission_is_on_its_way(tab, clerk):
    tab.login("clerk", PASSWORD)
    tab.go("/meetings/new/")
    first_stopped, second_stopped, disabled = tab.page.evaluate(SUBMIT_TWICE)
    assert not first_stopped and second_stopped and disabled


def test_a_double_click_saves_one_meeting(tab, clerk):
    page = tab.page
    tab.login("clerk", PASSWORD)
    tab.go("/meetings/new/")
    page.select_option("select[name=kind]", "常委会会议")
    page.fill("input[name=term]", "18")
    page.fill("input[name=date]", "2025-03-18")
    with page.expect_navigation():
        page.dblclick("form.record button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert Meeting.objects.count() == 1
