from django import forms

from congress.filters import date_input

from .models import Activity, Deputy, Station


class StationForm(forms.ModelForm):
    class Meta:
        model = Station
        fields = ["name", "kind", "town", "built", "reception_days"]
        widgets = {"built": date_input()}


class DeputyForm(forms.ModelForm):
    class Meta:
        model = Deputy
        fields = [
            "name",
            "sex",
            "ethnicity",
            "birth",
            "party",
            "education",
            "workplace",
            "post",
            "category",
            "level",
            "term",
            "district",
            "delegation",
            "station",
            "election",
            "elected",
            "status",
            "ended",
            "end_reason",
            "phone",
        ]
        widgets = {"birth": date_input(), "elected": date_input(), "ended": date_input()}

    def clean(self):
        data = super().clean()
        status, ended = data.get("status"), data.get("ended")
        if status == Deputy.Status.ENDED and not ended:
            self.add_error("ended", "资格终止的代表必须填写终止日期。")
        if status == Deputy.Status.ENDED and not data.get("end_reason"):
            self.add_error("end_reason", "资格终止的代表必须填写终止原因。")
        if ended and data.get("elected") and ended < data["elected"]:
            self.add_error("ended", "终止日期不能早于当选日期。")
        if data.get("birth") and data.get("elected") and data["birth"] >= data["elected"]:
            self.add_error("birth", "出生日期必须早于当选日期。")
        return data


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "name",
            "kind",
            "date",
            "deputies",
            "station",
            "people_met",
            "problems_solved",
            "notes",
        ]
        widgets = {"date": date_input()}

    def clean(self):
        data = super().clean()
        if data.get("kind") != Activity.Kind.CONSTITUENTS:
            for name in ("people_met", "problems_solved"):
                if data.get(name):
                    self.add_error(name, "只有“联系群众”活动填写联系群众人次和解决问题数。")
        return data
