"""A small mutation run over the rule modules: does every rule have a test that fails when the
rule is changed by one step?

Each mutant changes one thing in one module: a comparison flipped or moved by one (< to <=,
== to !=), a whole number moved by one, ``and``/``or`` swapped, a ``not`` dropped, a ``return``
of True/False reversed. The module's tests then run (SQLite, one process, stop at the first
failure); a mutant is killed when they fail. Survivors are printed with their line, to be either
killed by a new test or explained as equivalent.

    .venv/bin/python bench/mutation.py                      # every module below
    .venv/bin/python bench/mutation.py congress/ledger/cells.py --limit 40

It rewrites the files in place one at a time and always puts them back (also on Ctrl-C).
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The rule modules and the tests that prove them.
MODULES = {
    "congress/ledger/cells.py": ["tests/test_properties.py", "tests/test_boundaries.py",
                                 "tests/test_ledger_import.py"],
    "congress/records/years.py": ["tests/test_boundaries.py", "tests/test_bad_values.py"],
    "congress/records/widgets.py": ["tests/test_boundaries.py", "tests/test_dates.py"],
    "congress/work/dates.py": ["tests/test_boundaries.py", "tests/test_suggestion_workflow.py"],
    "congress/work/workdays.py": ["tests/test_workdays.py", "tests/test_boundaries.py"],
    "congress/work/notices.py": ["tests/test_workdays.py", "tests/test_boundaries.py"],
    "proposals/services.py": ["tests/test_model_rules.py", "tests/test_suggestion_workflow.py",
                              "tests/test_portal.py", "tests/test_deputy_writes.py",
                              "tests/test_deputy_portal.py", "tests/test_events.py",
                              "tests/test_draft_files.py"],
    "proposals/models.py": ["tests/test_model_rules.py", "tests/test_boundaries.py",
                            "tests/test_suggestion_workflow.py", "tests/test_rule_parity.py",
                            "tests/test_deputy_writes.py", "tests/test_draft_files.py"],
    "proposals/reminders.py": ["tests/test_boundaries.py", "tests/test_reminders.py"],
    "meetings/models.py": ["tests/test_model_rules.py", "tests/test_rule_parity.py",
                           "tests/test_meetings_oversight.py",
                           "tests/test_members_attendance.py", "tests/test_meeting_deadlines.py"],
    "oversight/models.py": ["tests/test_model_rules.py", "tests/test_rule_parity.py",
                            "tests/test_meetings_oversight.py"],
    "deputies/models.py": ["tests/test_model_rules.py", "tests/test_rule_parity.py",
                           "tests/test_deputy_fields.py", "tests/test_deputy_activities.py",
                           "tests/test_deputy_portal.py"],
    "congress/records/filters.py": ["tests/test_model_rules.py", "tests/test_figures.py",
                                    "tests/test_bad_values.py",
                                    "tests/test_boundaries.py", "tests/test_running_year.py"],
}  # fmt: skip
for _module, _tests in MODULES.items():
    if _module.endswith("models.py"):
        # First: a field's length or default changed is caught in seconds, not after the rest.
        _tests.insert(0, "tests/test_migrations.py")

FLIP = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
}  # fmt: skip


def mutants(source: str):
    """(line, description, mutated source) for each single change."""
    tree = ast.parse(source)
    points = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in FLIP:
                    points.append((node, "op", i))
        elif (
            isinstance(node, ast.Constant) and type(node.value) is int and node.value not in (0, 1)
        ):
            points.append((node, "int", None))
        elif isinstance(node, ast.BoolOp):
            points.append((node, "bool", None))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            points.append((node, "not", None))
    for index, (target, kind, i) in enumerate(points):
        tree = ast.parse(source)
        node = [n for n in ast.walk(tree)][_position(ast.parse(source), target)]
        if kind == "op":
            old = type(node.ops[i])
            node.ops[i] = FLIP[old]()
            what = f"{old.__name__} → {FLIP[old].__name__}"
        elif kind == "int":
            what = f"{node.value} → {node.value + 1}"
            node.value += 1
        elif kind == "bool":
            old = type(node.op)
            node.op = ast.Or() if old is ast.And else ast.And()
            what = f"{old.__name__} → {'Or' if old is ast.And else 'And'}"
        else:
            what = "not dropped"
            _replace(tree, node, node.operand)
        yield target.lineno, what, ast.unparse(tree), index


def _position(tree, target) -> int:
    for i, n in enumerate(ast.walk(tree)):
        if (
            type(n) is type(target)
            and getattr(n, "lineno", None) == target.lineno
            and getattr(n, "col_offset", None) == target.col_offset
        ):
            return i
    raise LookupError


def _replace(tree, old, new) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new


def killed(tests: list[str]) -> bool:
    """Whether the tests fail with the mutant in place (they stop at the first failure)."""
    env = {**os.environ, "DJANGO_DEBUG": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:xdist",
             "-m", "not browser", *tests],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return True  # a mutant that makes the tests hang is caught too
    return done.returncode != 0


def main() -> None:
    import signal

    # Stopped with kill (not only Ctrl-C), the module being mutated is still put back.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(MODULES))
    parser.add_argument("--limit", type=int, default=0, help="at most this many mutants a module")
    parser.add_argument(
        "--only",
        default="",
        help="only the mutants on these lines, as module:line,module:line (the survivors of a "
        "run, tried again after new tests)",
    )
    args = parser.parse_args()
    only = {tuple(item.rsplit(":", 1)) for item in args.only.split(",") if item}
    if only:
        args.modules = list(dict.fromkeys(m for m, _line in only))
    total = dead = 0
    survivors = []
    started = time.monotonic()
    for module in args.modules:
        path = ROOT / module
        original = path.read_text(encoding="utf-8")
        count = 0
        try:
            for line, what, mutated, _index in mutants(original):
                if args.limit and count >= args.limit:
                    break
                if only and (module, str(line)) not in only:
                    continue
                count += 1
                path.write_text(mutated, encoding="utf-8")
                total += 1
                if killed(MODULES[module]):
                    dead += 1
                    print(f"{total:4d} killed    {module}:{line}  {what}", flush=True)
                else:
                    survivors.append(f"{module}:{line} {what}")
                    print(f"{total:4d} survived  {module}:{line}  {what}", flush=True)
        finally:
            path.write_text(original, encoding="utf-8")
    rate = 100 * dead / total if total else 100
    print(
        f"\n{dead} of {total} mutants killed ({rate:.0f} %) in {time.monotonic() - started:.0f} s"
    )
    for s in survivors:
        print("  survived:", s)


if __name__ == "__main__":
    main()
