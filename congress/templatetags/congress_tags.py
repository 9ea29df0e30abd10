import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# Control characters that Word and web pages leave in pasted text, except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


@register.filter
def paragraphs(text: str) -> str:
    """Plain text as paragraphs: each non-empty line one <p>, escaped."""
    if not text:
        return ""
    text = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    paras = [line.strip() for line in text.split("\n") if line.strip()]
    return mark_safe("".join(f"<p>{escape(p)}</p>" for p in paras))
