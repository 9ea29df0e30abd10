from congress.review import paragraphs as review
from congress.site.declarations import Section, register

register(Section("备案审查", (("备案文件", "filings_list"),), order=70))
review.register(
    review.Clause(
        "filings", "法治建设", "filings", "审查报备的规范性文件{{备案文件|数}}件", order=320
    )
)
