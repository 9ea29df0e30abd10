"""The review in the year's archive: its PDF and its Word copy."""

from congress.documents import archive
from congress.records import confirm


def _review(year: int):
    from congress.review.gather import gather
    from congress.review.render import render_pdf
    from congress.review.word import render_docx

    context = gather(year)
    title = context["review"].title or f"{year}年度工作综述"
    pdf, pages = render_pdf(context)
    yield archive.ArchiveFile(f"{title}.pdf", pdf, pages=pages)
    yield archive.ArchiveFile(f"{title}.docx", render_docx(context["review"]))


archive.register(archive.Printable("review", "年度工作综述", 10, _review))


def _ask(years: set[int]) -> str:
    from congress.review.editions import ask

    return ask(years)


confirm.CONFIRMATIONS.register(confirm.Confirmation("issued-review", _ask))
