"""Choosing deputies by typing: a name (or several, separated by 、), never a 368-line list.
Without JavaScript the typed names are the value; with it, static/js/deputies.js offers the
deputies whose name or pinyin initials match what is typed (张明远: zmy)."""

from __future__ import annotations

import re

from django import forms
from django.urls import reverse_lazy

from congress.records.filters import is_id

SEPARATORS = re.compile(r"[、，,；;\n]+")
# 张明（河清镇代表团） picks among namesakes by their delegation.
QUALIFIED = re.compile(r"^(?P<name>[^（(]+)[（(](?P<delegation>[^）)]+)[）)]$")


def initials(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()


def matching(typed: str, people, limit: int = 10) -> list:
    """Of ``people``, those whose name contains what is typed or whose pinyin initials start
    with it (at most ``limit``), the newest 届 first."""
    q = typed.replace("\x00", "").strip().lower()[:20]
    if not q:
        return []
    people = people.order_by("-term", "name")
    if q.isascii():
        return [
            d
            for d in people.only("pk", "name", "delegation", "term")
            if initials(d.name).startswith(q)
        ][:limit]
    return list(people.filter(name__contains=q)[:limit])


def label(deputy) -> str:
    return f"{deputy.name}（{deputy.delegation}）" if deputy.delegation else deputy.name


def find(typed: str):
    """The one deputy a typed name means, or a ValidationError saying why not."""
    from .models import Deputy

    typed = typed.strip()
    if "\x00" in typed or len(typed) > 60:
        raise forms.ValidationError("代表姓名中含有无效字符或过长。")
    if is_id(typed):
        # An id, as a form filled by the page's own script (or an older form) posts it.
        by_id = Deputy.objects.filter(pk=int(typed)).first()
        if by_id is not None:
            return by_id
    m = QUALIFIED.match(typed)
    name, delegation = (m["name"].strip(), m["delegation"].strip()) if m else (typed, "")
    found = Deputy.objects.filter(name=name)
    if delegation:
        found = found.filter(delegation=delegation)
    in_office = found.exclude(status=Deputy.Status.ENDED)
    matches = list((in_office if in_office.exists() else found).order_by("-term", "pk")[:5])
    if not matches:
        raise forms.ValidationError(f"找不到代表“{typed}”。")
    if len(matches) > 1 and matches[0].term == matches[1].term:
        options = "、".join(label(d) for d in matches)
        raise forms.ValidationError(
            f"“{typed}”有同名代表（{options}），请在姓名后注明代表团，如 {label(matches[0])}。"
        )
    return matches[0]


class DeputyInput(forms.TextInput):
    def __init__(self, multiple: bool = False):
        super().__init__(
            attrs={
                "data-deputy-lookup": reverse_lazy("deputies_lookup"),
                "autocomplete": "off",
                **({"data-multiple": ""} if multiple else {}),
            }
        )

    def value_from_datadict(self, data, files, name):
        if "data-multiple" in self.attrs and hasattr(data, "getlist"):
            return "、".join(v for v in data.getlist(name) if v)
        return super().value_from_datadict(data, files, name)

    def format_value(self, value):
        from .models import Deputy

        if value in (None, "", []):
            return ""
        if isinstance(value, str):
            return value
        items = value if isinstance(value, (list, tuple)) else [value]
        ids = [getattr(v, "pk", v) for v in items]
        people = Deputy.objects.in_bulk(ids)
        return "、".join(
            label(people[i]) if people[i].delegation else people[i].name for i in ids if i in people
        )


class DeputyField(forms.Field):
    """One deputy, typed by name."""

    def __init__(self, *, queryset=None, **kwargs):
        kwargs.setdefault("widget", DeputyInput())
        kwargs.pop("to_field_name", None)
        kwargs.pop("limit_choices_to", None)
        kwargs.pop("blank", None)
        super().__init__(**kwargs)
        self.help_text = self.help_text or "输入姓名，可用拼音首字母查找"

    def clean(self, value):
        value = (value or "").strip()
        if not value:
            if self.required:
                raise forms.ValidationError("请填写代表姓名。")
            return None
        return find(value)


class DeputiesField(forms.Field):
    """Several deputies, typed by name and separated by 、."""

    def __init__(self, *, queryset=None, **kwargs):
        kwargs.setdefault("widget", DeputyInput(multiple=True))
        kwargs.pop("to_field_name", None)
        kwargs.pop("limit_choices_to", None)
        kwargs.pop("blank", None)
        super().__init__(**kwargs)
        self.help_text = self.help_text or "输入姓名，多人用、分隔，可用拼音首字母查找"

    def clean(self, value):
        names = [n for n in SEPARATORS.split(value or "") if n.strip()]
        if not names:
            if self.required:
                raise forms.ValidationError("请填写代表姓名。")
            return []
        found, errors = [], []
        for name in names:
            try:
                found.append(find(name))
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return list(dict.fromkeys(found))
