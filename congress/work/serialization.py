"""The backup's JSON: Django's own, but with times to the microsecond. Django's encoder cuts
them to milliseconds, so a restore would not give back what was saved (history entries, the
order of notifications). Registered as the serialization format "fulljson"; its output is
plain JSON, read back by Django's own json deserializer."""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = Encoder


Deserializer = django_json.Deserializer
