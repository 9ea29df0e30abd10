"""The list filters' inputs and drop-downs written in Python. Django renders each widget through
its template machinery, one template per option; a list page's filter form of a dozen fields
spent a fifth of the page's time there. The HTML is the same as Django's (attributes in the same
order, values escaped the same way)."""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def flatatt(attrs: dict) -> str:
    """Attributes in their own order, as Django's attrs.html writes them (True: the name alone,
    False: left out)."""
    out = []
    for name, value in attrs.items():
        if value is False or value is None:
            continue
        if value is True:
            out.append(f" {conditional_escape(name)}")
        else:
            out.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(out))


class QuickInput:
    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        shown = self.format_value(value)
        value_attr = "" if shown is None else format_html(' value="{}"', shown)
        return format_html(
            '<input type="{}" name="{}"{}{}>', self.input_type, name, value_attr, flatatt(final)
        )


class QuickSelect:
    def render(self, name, value, attrs=None, renderer=None):
        if self.allow_multiple_selected or any(
            isinstance(c[1], list | tuple) for c in self.choices
        ):
            return super().render(name, value, attrs, renderer)  # groups, several: Django's own
        final = self.build_attrs(self.attrs, attrs)
        wanted = set(self.format_value(value))
        options, chosen = [], False
        for raw, label in self.choices:
            v = "" if raw is None else str(raw)
            selected = not chosen and v in wanted
            chosen = chosen or selected
            options.append(
                format_html(
                    '  <option value="{}"{}>{}</option>\n\n',
                    v,
                    mark_safe(" selected") if selected else "",
                    label,
                )
            )
        return mark_safe(
            f'<select name="{conditional_escape(name)}"{flatatt(final)}>\n'
            + "".join(options)
            + "</select>"
        )


QUICK = {
    forms.TextInput: type("QuickTextInput", (QuickInput, forms.TextInput), {}),
    forms.NumberInput: type("QuickNumberInput", (QuickInput, forms.NumberInput), {}),
    forms.Select: type("QuickSelect", (QuickSelect, forms.Select), {}),
}


def quicken(form: forms.Form) -> forms.Form:
    """The form, its plain inputs and drop-downs rendered by the classes above."""
    for field in form.fields.values():
        quick = QUICK.get(type(field.widget))
        if quick is not None:
            field.widget.__class__ = quick
    return form
