"""The oversight app's section on the staff home."""

from congress.site.declarations import Section, register

register(
    Section(
        "监督工作",
        (
            ("监督工作", "oversight_list"),
            ("意见建议", "opinions_list"),
            ("逾期未报告", "opinions_overdue"),
            ("民生实事", "projects_list"),
            ("民生实事督导", "visits_list"),
            ("其他工作", "otherwork_list"),
        ),
        order=30,
    )
)
