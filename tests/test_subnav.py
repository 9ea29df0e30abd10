"""Each section's sub-navigation, declared by the apps with their home sections."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_a_page_shows_its_sections_links_and_marks_itself(clerk_client):
    page = clerk_client.get(reverse("decisions_list"), follow=True).content.decode()
    nav = page[
        page.index('<nav class="subnav"') : page.index("</nav>", page.index('<nav class="subnav"'))
    ]
    for label in ("会议", "决议决定", "人事任免", "待宪法宣誓", "组成人员"):
        assert f">{label}</a>" in nav
    assert f'href="{reverse("decisions_list")}" aria-current="page"' in nav
    other = clerk_client.get(reverse("suggestions_list"), follow=True).content.decode()
    assert "代表提交的建议" in other.split('<nav class="subnav"')[1].split("</nav>")[0]


@pytest.mark.django_db
def test_portals_have_no_office_sub_navigation(unit_client, member_client):
    assert 'class="subnav"' not in unit_client.get(reverse("portal")).content.decode()
    assert 'class="subnav"' not in member_client.get(reverse("member_meetings")).content.decode()


@pytest.mark.django_db
def test_yes_no_filters_read_all_yes_no(clerk_client):
    page = clerk_client.get(reverse("suggestions_list"), follow=True).content.decode()
    assert "未知" not in page and '<option value="" selected>全部</option>' in page


@pytest.mark.django_db
def test_a_new_meeting_is_of_the_current_term(clerk_client):
    page = clerk_client.get(reverse("meetings_create")).content.decode()
    assert 'name="term" value="18"' in page


@pytest.mark.django_db
def test_detail_pages_show_file_names_and_people_not_paths_and_logins(clerk, clerk_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests import factories as fx

    s = fx.suggestion("第77号", fx.deputy("叶代表"))
    s.reply_file = SimpleUploadedFile("答复函.pdf", b"%PDF-1.4\n%%EOF\n")
    s.save()
    page = clerk_client.get(reverse("suggestions_detail", args=[s.pk])).content.decode()
    assert "答复函" in page and "replies/" not in page.replace('href="/suggestions/', "")
