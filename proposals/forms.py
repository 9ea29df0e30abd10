from django import forms
from django.utils import timezone

from congress.accounts.models import Unit
from congress.records.filters import date_input
from congress.records.uploads import validate_document
from deputies.fields import DeputiesField, DeputyField

from .models import Contact, Suggestion


class SuggestionForm(forms.ModelForm):
    """Registration and correction of a suggestion; the handling goes through the workflow."""

    class Meta:
        model = Suggestion
        fields = [
            "number",
            "kind",
            "title",
            "text",
            "date",
            "lead",
            "cosigners",
            "topic",
            "from_motion",
            "difficult",
        ]
        widgets = {"date": date_input()}
        field_classes = {"lead": DeputyField, "cosigners": DeputiesField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            # A new registration proposes the next number of this year's sequence for each
            # 类别 (the one 立案 gives a deputy's suggestion), and says what it would be.
            from .services import next_number

            year = timezone.localdate().year
            nexts = {k: next_number(k, year) for k, _label in Suggestion.Kind.choices}
            kind = self.initial.get("kind") or Suggestion.Kind.SUGGESTION
            self.initial.setdefault("number", nexts[kind])
            self.fields["number"].help_text = "本年度下一个编号：" + "，".join(
                f"{k}{n}" for k, n in nexts.items()
            )
            self.next_numbers = nexts

    def clean(self):
        # The record's own rules (numbers, dates) are the model's; this one needs the form's
        # list of co-signers, which is saved after the record.
        data = super().clean()
        lead, cosigners = data.get("lead"), data.get("cosigners")
        if lead and cosigners and lead in cosigners:
            self.add_error("cosigners", "领衔代表不能同时是附议代表。")
        self.notices = self._skipped(data) if self.instance.pk is None else []
        return data

    def _skipped(self, data) -> list[str]:
        """What a new number leaves out of the year's sequence (第8号 after 第4号), said after
        saving; a number used twice is the model's own error."""
        import re

        from .services import next_number

        number, kind, day = data.get("number") or "", data.get("kind"), data.get("date")
        typed = re.fullmatch(r"第(\d+)号", number.strip())
        if not (typed and kind and day):
            return []
        expected = next_number(kind, day.year)
        n, first = int(typed.group(1)), int(expected[1:-1])
        if n <= first:
            return []
        gap = f"第{first}号" if n == first + 1 else f"第{first}号至第{n - 1}号"
        return [f"编号{number.strip()}跳过了{gap}：{day.year}年{kind}的下一个编号是{expected}。"]


class AssignForm(forms.Form):
    lead_unit = forms.ModelChoiceField(Unit.objects.all(), label="主办单位")
    assist_units = forms.ModelMultipleChoiceField(
        Unit.objects.all(), label="协办单位", required=False
    )
    assigned = forms.DateField(label="交办日期", widget=date_input(), initial=timezone.localdate)
    difficult = forms.BooleanField(label="办理难度大（答复期限延长）", required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        label="说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReplyForm(forms.Form):
    date = forms.DateField(label="答复日期", widget=date_input(), initial=timezone.localdate)
    # No default: a reply's class is chosen, never assumed (an unchosen A would inflate the
    # share of suggestions "已解决或基本解决" that leaders read).
    result = forms.ChoiceField(
        label="答复类别",
        choices=[("", "请选择答复类别"), *Suggestion.Result.choices],
        error_messages={"required": "请选择答复类别（A、B、C、D）。"},
    )
    text = forms.CharField(
        label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    file = forms.FileField(label="答复文件", required=False, validators=[validate_document])

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError("请填写答复内容或上传答复文件。")
        return data


class OpinionForm(forms.Form):
    opinion = forms.ChoiceField(label="代表意见", choices=Suggestion.Opinion.choices)
    date = forms.DateField(label="代表意见日期", widget=date_input(), initial=timezone.localdate)
    reason = forms.CharField(
        label="代表的意见和理由（不满意时必填）",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = forms.FileField(label="征询意见表", required=False, validators=[validate_document])


class KeyForm(forms.Form):
    key = forms.BooleanField(label="列为重点督办", required=False)
    leader = forms.CharField(label="督办领导", max_length=30, required=False)


class ContactForm(forms.Form):
    date = forms.DateField(label="沟通日期", widget=date_input(), initial=timezone.localdate)
    form = forms.ChoiceField(label="沟通方式", choices=[("", "请选择"), *Contact.Form.choices])
    person = forms.CharField(label="沟通对象", max_length=60, help_text="如 黄代表本人")
    agreed = forms.CharField(
        label="沟通情况和商定事项", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CorrectReplyForm(forms.Form):
    text = forms.CharField(
        label="修改后的答复内容", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    file = forms.FileField(label="新的答复文件", required=False, validators=[validate_document])
