"""The meetings app's section on the staff home."""

from congress.site.declarations import Section, register

register(
    Section(
        "会议与任免",
        (
            ("会议", "meetings_list"),
            ("决议决定", "decisions_list"),
            ("人事任免", "appointments_list"),
            ("待宪法宣誓", "appointments_oath"),
        ),
        order=20,
    )
)
