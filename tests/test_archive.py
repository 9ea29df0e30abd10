"""年度归档: print_year writes the demo year's documents, each PDF passing the layout checker,
with an index of pages and checksums; staff download the same archive as one zip."""

import csv
import hashlib
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.layoutcheck import Spec, check


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive") / "2025"
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        call_command("print_year", "--year", "2025", "--output", str(folder), stderr=io.StringIO())
        yield folder
        call_command("flush", interactive=False, verbosity=0)


def _index(folder):
    with (folder / "索引.csv").open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_the_archive_holds_every_kind_with_an_index(archive):
    rows = _index(archive)
    kinds = {r["类别"] for r in rows}
    assert {"年度工作综述", "交办函", "名册", "会议纪要"} <= kinds
    letters = [r for r in rows if r["类别"] == "交办函"]
    assert letters[0]["文号"] == "安人常办〔2025〕1号" and len(letters) > 100
    # In the order of their 文号 read as numbers.
    numbers = [int(r["文号"].split("〕")[1].rstrip("号")) for r in letters]
    assert numbers == sorted(numbers) and numbers[:3] == [1, 2, 3]
    for r in rows:
        data = (archive / r["文件"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["SHA-256"] and len(data) == int(r["字节"])
    names = {r["文件"].split("/")[1] for r in rows}
    assert "安州区人大常委会2025年人事任免名册.pdf" in names
    assert "安州区人大常委会2025年人事任免名册.xlsx" in names
    assert any(n.endswith("人大代表名册.pdf") for n in names)
    assert any(n.endswith(".docx") for n in names)


def test_every_pdf_of_the_archive_passes_the_layout_checker(archive):
    rows = [r for r in _index(archive) if r["文件"].endswith(".pdf")]
    for r in rows:
        data = (archive / r["文件"]).read_bytes()
        review = r["类别"] == "年度工作综述"
        letters = r["类别"] in ("交办函", "会议通知", "会议纪要")
        spec = Spec(closing=letters, grid=review, numbered_from=3 if review else 1)
        assert check(data, spec) == [], r["文件"]
        assert int(r["页数"]) >= 1


def test_the_demo_years_appointments_fit_four_pages(archive):
    row = next(r for r in _index(archive) if r["文件"].endswith("人事任免名册.pdf"))
    assert 1 <= int(row["页数"]) <= 4


def test_the_word_copy_is_in_the_archive(archive):
    path = next(archive.glob("年度工作综述/*.docx"))
    doc = Document(str(path))
    assert any("常委会会议11次" in p.text for p in doc.paragraphs)


def test_print_year_refuses_a_folder_in_use_and_a_year_out_of_range(archive, db, tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="不是空的"):
        call_command("print_year", "--year", "2025", "--output", str(tmp_path))
    with pytest.raises(CommandError, match="不在"):
        call_command("print_year", "--year", "20250", "--output", str(tmp_path / "new"))
    assert not (tmp_path / "new").exists()


def test_the_zip_is_the_same_archive(archive, db):
    from congress.documents.archive import zipped

    data, entries = zipped(2025)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        assert "索引.csv" in names and {e.path for e in entries} <= names
        first = next(e for e in entries if e.number == "安人常办〔2025〕1号")
        assert hashlib.sha256(z.read(first.path)).hexdigest() == first.sha256
