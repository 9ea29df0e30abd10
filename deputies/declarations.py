"""The deputies app's section on the staff home."""

from congress.site.declarations import Section, register

register(
    Section(
        "代表工作",
        (
            ("人大代表", "deputies_list"),
            ("代表名册与构成", "deputies_roster"),
            ("代表之家和联络站", "stations_list"),
            ("代表活动", "activities_list"),
        ),
        order=40,
    )
)
