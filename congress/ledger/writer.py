"""Writing one sheet's parsed rows, fast and by the same rules as a form.

Names are resolved with one query per column, the sheet's existing records are found with one
query, and every row is checked by its model's rules (``full_clean``) before anything is written;
new and changed records are then written in bulk, with their history. A row equal to its record
writes nothing (format 2), and a row whose record changed in the application since the export
waits for a person's decision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, models, router, transaction
from django.utils import timezone

from congress.ledger.sheets import CHILDREN, PLAIN, REF, REFS, Col, RowError, Sheet

CHUNK = 500  # names per IN (…): well under every database's parameter limit


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _constraint(exc: IntegrityError) -> str:
    """The columns a refused row repeats, as the database names them."""
    text = str(exc)
    return text.split(":", 1)[-1].strip() if "UNIQUE" in text else text.splitlines()[0]


class Outcome(Exception):
    """A row that writes nothing: unchanged, kept, or a conflict waiting for a decision."""

    def __init__(self, what: str, record=None, differs: list[str] | None = None):
        super().__init__(what)
        self.what, self.record, self.differs = what, record, differs or []


class SheetWriter:
    """Applies a sheet's rows to records in memory, then writes them in bulk."""

    def __init__(self, sheet: Sheet, exported: dict, decide: Callable[[int], str | None], user):
        self.sheet, self.model = sheet, sheet.model
        self.exported = exported  # key text -> the version the workbook was exported with
        self.decide = decide  # row number -> "keep", "take" or None
        self.user = user
        self.names: dict[str, dict[str, list]] = {}
        self.records: dict[str, models.Model] = {}  # key text -> record (saved or new)
        self.new: list[tuple[int, models.Model]] = []
        self.changed: list[tuple[int, models.Model]] = []
        self.shared: dict = {}  # for the sheet's adjust hook
        self.notes: list[str] = []
        self.deleted: set[str] = (
            set()
        )  # keys of records deleted in the application  # what the check tells besides errors (units to be created)
        self._staged: set[int] = set()

    # --- reading what exists, one query per column --------------------------------------

    def load(self, rows: list[tuple[int, dict]]) -> None:
        for col in self.sheet.columns:
            if col.shape in (REF, REFS):
                self.names[col.header] = self._named(col, rows)
        self._existing(rows)
        self.deleted = self._deleted_keys()

    def _deleted_keys(self) -> set[str]:
        """The keys of records deleted in the application (their history says so): a row of an
        exported workbook naming one is not a new record. A workbook imported into an empty
        installation, where nothing was ever deleted, brings every row in as new."""
        from congress.ledger.versions import key_text, normalized

        history = getattr(self.model, "history", None)
        if history is None or not self.exported:
            return set()
        keys = set()
        for entry in history.filter(history_type="-").order_by("-history_date")[:5000]:
            try:
                key = key_text(self.sheet, normalized(self.sheet, entry.instance))
            except Exception:  # noqa: BLE001 - an old entry that no longer reads: not a key
                continue
            if key is not None:
                keys.add(key)
        return keys

    def _named(self, col: Col, rows) -> dict[str, list]:
        wanted: set[str] = set()
        for _number, values in rows:
            value = values.get(col.header)
            wanted.update(value if isinstance(value, list) else [value] if value else [])
        found: dict[str, list] = defaultdict(list)
        manager = col.related._default_manager
        for chunk in _chunks(sorted(wanted)):
            for obj in manager.filter(**{f"{col.target}__in": chunk}).order_by("pk"):
                found[getattr(obj, col.target)].append(obj)
        if col.create:
            # A handling unit named for the first time is a new unit.
            fresh = [col.related(**{col.target: n}) for n in sorted(wanted) if n not in found]
            if fresh:
                names = "、".join(getattr(obj, col.target) for obj in fresh)
                self.notes.append(f"“{self.sheet.name}”表的“{col.header}”将新建：{names}")
            for obj in manager.bulk_create(fresh):
                found[getattr(obj, col.target)].append(obj)
        return found

    def _existing(self, rows) -> None:
        from congress.ledger.versions import key_text, normalized

        first = self.sheet.column(self.sheet.key[0])
        wanted = sorted({str(v[first.header]) for _n, v in rows if v.get(first.header)})
        manager = self.model._default_manager
        for chunk in _chunks(wanted):
            queryset = manager.filter(**{f"{first.field}__in": chunk}).order_by("pk")
            for record in self.sheet.prepare(queryset):
                record._ledger_before = normalized(self.sheet, record)
                key = key_text(self.sheet, record._ledger_before)
                if key is not None:
                    self.records.setdefault(key, record)

    # --- one row, in memory ---------------------------------------------------------------

    def row(self, number: int, values: dict) -> bool:
        """Apply a row; True when it makes a new record. Raises RowError or Outcome."""
        from congress.ledger.versions import key_text, normalized

        key = key_text(self.sheet, values)
        record = self.records.get(key) if key is not None else None
        if record is None and key is not None and key in self.exported and key in self.deleted:
            # The workbook was exported with this record, which has been deleted since: brought
            # back only when the person importing says so (it may be in the recycle bin).
            choice = self.decide(number)
            if choice == "keep":
                raise Outcome("kept")
            if choice != "take":
                raise Outcome("deleted")
        if record is None:
            obj = self.model()
            self._apply(obj, values)
            self._check(obj)
            self.new.append((number, obj))
            if key is not None:
                self.records[key] = obj
            return True
        if record.pk is None or id(record) in self._staged:
            # Named again by a later row of this workbook: the later row wins.
            self._apply(record, values)
            self._check(record)
            return False
        self._apply(record, values)
        after = normalized(self.sheet, record)
        differs = [h for h in after if after[h] != record._ledger_before.get(h)]
        if not differs:
            raise Outcome("unchanged")
        version = self.exported.get(key)
        if version is not None and record.version != version:
            choice = self.decide(number)
            if choice == "keep":
                raise Outcome("kept")
            if choice != "take":
                raise Outcome("conflict", record, differs)
        self._check(record)
        self._staged.add(id(record))
        self.changed.append((number, record))
        return False

    def _apply(self, obj: models.Model, values: dict) -> None:
        for col in self.sheet.columns:
            raw = values.get(col.header)
            value = col.stored(raw)
            if col.put is not None:
                col.put(obj, value, values)
            elif col.shape == PLAIN:
                setattr(obj, col.model_field.attname, value)
            elif col.shape == REF:
                setattr(obj, col.model_field.name, self._one(col, raw, values))
            elif col.shape == REFS:
                found = [self._one(col, name, values) for name in value]
                self.set_many(obj, col, list(dict.fromkeys(found)))
            else:  # CHILDREN: lines owned by the record, in order
                child = col.related
                ordered = any(f.name == "order" for f in child._meta.fields)
                self.set_many(
                    obj,
                    col,
                    [
                        child(**{col.target: text}, **({"order": i} if ordered else {}))
                        for i, text in enumerate(value, start=1)
                    ],
                )
        if self.sheet.adjust is not None:
            self.sheet.adjust(obj, values, self)
        complete = getattr(obj, "complete", None)
        if complete is not None:
            complete()

    def one(self, header: str, name: str, values: dict):
        """The record a name in this row's column refers to (for adjust hooks)."""
        return self._one(self.sheet.column(header), name, values)

    def _one(self, col: Col, name, values: dict):
        if not name:
            return None
        found = self.names[col.header].get(name, [])
        if not found:
            raise RowError(col.header, col.missing.format(name=name), name)
        if len(found) == 1:
            return found[0]
        chosen = col.pick(found, values) if col.pick else None
        if chosen is None:
            raise RowError(col.header, col.ambiguous.format(name=name), name)
        return chosen

    def set_many(self, obj: models.Model, col: Col, items: list) -> None:
        """The records a many-valued column will hold, visible to the export's reading of the
        record (so that the comparison with the record as saved sees them) before they are."""
        pending = obj.__dict__.setdefault("_ledger_many", {})
        pending[col.header] = (col, items)
        f = col.model_field
        cache_name = f.name if col.shape == REFS else f.remote_field.cache_name
        queryset = col.related._default_manager.none()
        queryset._result_cache, queryset._prefetch_done = list(items), True
        obj.__dict__.setdefault("_prefetched_objects_cache", {})[cache_name] = queryset

    def _check(self, obj: models.Model) -> None:
        """The model's own rules, the same the forms ask; related names are already resolved,
        so foreign keys are not looked up again one by one."""
        related = [f.name for f in self.model._meta.fields if f.is_relation]
        # The row's record was found by the sheet's natural key: no other record has it.
        obj.key_checked = True
        try:
            obj.full_clean(exclude=related, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            name, errors = next(iter(exc.message_dict.items()))
            label = ""
            if name != "__all__":
                col = next(
                    (c for c in self.sheet.columns if c.model_field and c.model_field.name == name),
                    None,
                )
                label = col.header if col else str(self.model._meta.get_field(name).verbose_name)
            raise RowError(label, "；".join(errors)) from exc

    # --- writing, in bulk -------------------------------------------------------------------

    def flush(self) -> list[tuple[int, str]]:
        """Write what the rows staged; the rows a database constraint refuses, with why."""
        try:
            with transaction.atomic():
                self._write([o for _n, o in self.new], [o for _n, o in self.changed])
            return []
        except IntegrityError:
            pass
        # Find the rows at fault, one at a time (rare: the natural keys are checked above).
        failed = []
        clash = "与已有记录或本表前面的行重复（{}），请核对后再导入"
        for number, obj in self.new:
            try:
                with transaction.atomic():
                    self._write([obj], [])
            except IntegrityError as exc:
                obj.pk = None
                failed.append((number, clash.format(_constraint(exc))))
        for number, obj in self.changed:
            try:
                with transaction.atomic():
                    self._write([], [obj])
            except IntegrityError as exc:
                failed.append((number, clash.format(_constraint(exc))))
        return failed

    def _write(self, new: list, changed: list) -> None:
        manager = self.model._default_manager
        if new:
            manager.bulk_create(new, batch_size=CHUNK)
            self._history(new, "+")
        if changed:
            for obj in changed:
                obj.version = (obj.version or 0) + 1
            fields = [f.name for f in self.model._meta.concrete_fields if not f.primary_key]
            manager.bulk_update(changed, fields, batch_size=CHUNK)
            self._history(changed, "~")
        self._write_many(new, changed)

    def _history(self, objs: list, kind: str) -> None:
        """The history rows django-simple-history would write for these saves ("+" created,
        "~" changed), by the confirming user; in one statement, since building a historical
        model instance per row costs more than the rows themselves."""
        history = getattr(self.model, "history", None)
        if history is None:
            return
        table = history.model
        connection = connections[router.db_for_write(table)]
        own = {f.attname: f for f in self.model._meta.concrete_fields}
        fixed = {
            "history_date": timezone.now(),
            "history_type": kind,
            "history_user_id": getattr(self.user, "pk", None),
            "history_change_reason": None,
        }
        columns, fields = [], []
        for f in table._meta.concrete_fields:
            if f.primary_key:
                continue
            columns.append(connection.ops.quote_name(f.column))
            fields.append((own.get(f.attname), f))
        values = [
            tuple(
                source.get_db_prep_save(getattr(obj, source.attname), connection)
                if source is not None
                else target.get_db_prep_save(fixed.get(target.attname), connection)
                for source, target in fields
            )
            for obj in objs
        ]
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            connection.ops.quote_name(table._meta.db_table),
            ", ".join(columns),
            ", ".join(["%s"] * len(columns)),
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)

    def _write_many(self, new: list, changed: list) -> None:
        by_col: dict[str, list] = defaultdict(list)
        was_saved = {id(obj) for obj in changed}
        for obj in [*new, *changed]:
            for header, (col, items) in getattr(obj, "_ledger_many", {}).items():
                by_col[header].append((obj, col, items))
        for entries in by_col.values():
            col = entries[0][1]
            f = col.model_field
            saved = [obj.pk for obj, _c, _i in entries if id(obj) in was_saved]
            if col.shape == REFS:
                through = getattr(self.model, f.name).through
                source, target = f.m2m_field_name(), f.m2m_reverse_field_name()
                if saved:
                    through.objects.filter(**{f"{source}__in": saved}).delete()
                through.objects.bulk_create(
                    [
                        through(**{f"{source}_id": obj.pk, f"{target}_id": item.pk})
                        for obj, _c, items in entries
                        for item in items
                    ],
                    batch_size=CHUNK,
                )
            elif col.shape == CHILDREN:
                child, parent = col.related, f.field.name
                if saved:
                    child._default_manager.filter(**{f"{parent}__in": saved}).delete()
                for obj, _c, items in entries:
                    for item in items:
                        setattr(item, parent, obj)
                child._default_manager.bulk_create(
                    [item for _o, _c, items in entries for item in items], batch_size=CHUNK
                )
