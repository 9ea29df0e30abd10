"""The petitions app's section on the staff home, and its link on a handling unit's home."""

from congress.site.declarations import UNIT, Section, register

register(
    Section("信访", (("信访登记", "petitions_list"),), order=60),
    Section("信访", (("转来的信访件", "unit_petitions"),), order=20, role=UNIT),
)
