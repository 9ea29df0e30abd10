"""Which fonts the printed review gets on this server.

Offices install the commercial 仿宋_GB2312 and 方正小标宋; where a server has them the review uses
them, else the free substitutes Debian ships (official-layout.md). The settings page says which.
"""

from __future__ import annotations

import functools
import subprocess

BODY = ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong")
TITLE = ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK")
KAI = ("楷体_GB2312", "楷体", "KaiTi", "AR PL UKai CN")
HEI = ("黑体", "SimHei", "Noto Sans CJK SC")
BODY_SUBSTITUTE = "Noto Serif CJK SC"
TITLE_SUBSTITUTE = "Noto Serif CJK SC（粗体）"


@functools.cache
def installed_families() -> frozenset[str]:
    try:
        out = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def first_installed(candidates: tuple[str, ...], substitute: str) -> tuple[str, bool]:
    """(the font used, whether it is the office's own rather than a substitute)."""
    families = installed_families()
    for name in candidates:
        if name in families:
            return name, True
    return substitute, False


def report_fonts() -> list[tuple[str, str, bool]]:
    """(use, font, is the office's font) for the settings page."""
    return [
        ("正文", *first_installed(BODY, BODY_SUBSTITUTE)),
        ("标题", *first_installed(TITLE, TITLE_SUBSTITUTE)),
        ("一级标题（黑体）", *first_installed(HEI, "Noto Sans CJK SC")),
        ("二级标题（楷体）", *first_installed(KAI, "AR PL UKai CN")),
    ]
