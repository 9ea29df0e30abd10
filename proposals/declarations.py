"""The suggestions app's section on the staff home, and its link on a handling unit's home."""

from congress.site.declarations import UNIT, Section, register

register(
    Section(
        "代表建议",
        (
            ("代表建议", "suggestions_list"),
            ("逾期未答复", "suggestions_overdue"),
            ("承办单位办理情况", "suggestions_units"),
            ("承办单位", "units_list"),
        ),
        order=50,
    ),
    Section("承办事项", (("全部承办事项", "portal"),), order=10, role=UNIT),
)
