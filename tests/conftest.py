"""Shared fixtures: one named user per role, and a handling unit for the unit user."""

import pytest
from django.contrib.auth.models import Group, User

from congress.accounts import roles
from congress.accounts.models import Unit


def pytest_collection_modifyitems(items):
    """The slowest tests first (real workers, then the browser), so that parallel processes
    start them at once and fill the rest of their time with the quick ones."""

    def weight(item) -> int:
        path = str(item.path)
        return (
            0
            if "/faults/" in path or item.get_closest_marker("real_worker")
            else (1 if "/browser/" in path else 2)
        )

    items.sort(key=weight)  # stable: the files' own order otherwise


PASSWORD = "correct-horse-battery-9"


def forget_cached_values() -> None:
    """Drop the application's cached values (figures, charts, panels, holiday notices). On
    Redis only the application's keys go: the same database carries the Celery broker's queues,
    which a running worker still needs."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        cache.clear()
        return
    try:
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(match=cache.make_key("congress:*"), count=1000):
            client.delete(key)
    except Exception:  # noqa: BLE001 - a test of Redis being away runs without it
        pass


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts from an empty cache: a value cached from rows that an earlier test
    created and rolled back must not answer for this test's rows."""
    from congress.work import safecache

    safecache.reset()
    forget_cached_values()
    yield
    safecache.reset()


def make_user(username: str, *groups: str, **extra) -> User:
    user = User.objects.create_user(username, password=PASSWORD, **extra)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


KEPT = {"django_content_type", "auth_permission"}  # what migrations made; no test changes them


@pytest.fixture(scope="session", autouse=True)
def quick_flush():
    """Empty the tables after a transactional test (the browser and worker tests) with DELETE
    rather than TRUNCATE: on PostgreSQL a TRUNCATE gives every table new files, ten times
    slower for the few rows a test leaves. Foreign keys are deferred, so the order does not
    matter. Content types and permissions stay, so that post_migrate has nothing to rebuild."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return truncate(self, style, tables, reset_sequences=True, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED"] + [
            f"DELETE FROM {self.quote_name(table)}" for table in tables if table not in KEPT
        ]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture(scope="session", autouse=True)
def no_stray_sessions(django_db_setup, django_db_blocker):
    """After the last test, end the sessions that threads and worker processes of earlier tests
    left on this process's test database: PostgreSQL would wait five seconds for them and then
    refuse to drop it."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def set_eager(on: bool) -> bool:
    """Tasks in-process (True) or through the broker; returns the previous setting. Celery 5.6
    reads the key under the settings' CELERY_ namespace and ignores the plain one once set from
    Django's settings, so both are set."""
    from congress.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = app.conf.CELERY_TASK_ALWAYS_EAGER = on
    return previous


@pytest.fixture(autouse=True)
def eager_celery(request, settings, tmp_path):
    """Tasks run in-process unless a test asks for the real worker."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if "real_worker" in request.keywords:
        yield
        return
    previous = set_eager(True)
    yield
    set_eager(previous)


@pytest.fixture
def clerk(db):
    return make_user("clerk", roles.CLERK, first_name="录入员")


@pytest.fixture
def leader(db):
    return make_user("leader", roles.LEADER, first_name="领导")


@pytest.fixture
def admin_user(db):
    return make_user("admin", roles.ADMIN, is_staff=True)


@pytest.fixture
def unit(db):
    return Unit.objects.create(name="区住房和城乡建设局")


@pytest.fixture
def other_unit(db):
    return Unit.objects.create(name="区教育局")


@pytest.fixture
def unit_user(db, unit):
    user = make_user("unit", roles.UNIT)
    unit.users.add(user)
    return user


@pytest.fixture
def other_unit_user(db, other_unit):
    user = make_user("unit2", roles.UNIT)
    other_unit.users.add(user)
    return user


@pytest.fixture
def member_user(db):
    """A member of the standing committee (委员 since 2021) with their account."""
    import datetime

    from meetings.models import Member

    user = make_user("member", roles.MEMBER, first_name="吕玉梅")
    Member.objects.create(
        name="吕玉梅", post="委员", term=18, start=datetime.date(2021, 10, 1), user=user
    )
    return user


@pytest.fixture
def deputy_user(db):
    """A county deputy in office with their account."""
    import datetime

    from deputies.models import Deputy

    user = make_user("deputy", roles.DEPUTY, first_name="黄代表")
    Deputy.objects.create(
        name="黄代表", sex="女", term=18, elected=datetime.date(2021, 10, 1), user=user
    )
    return user


@pytest.fixture
def deputy_client(deputy_user):
    return client_for(deputy_user)


@pytest.fixture
def member_client(member_user):
    return client_for(member_user)


@pytest.fixture
def outsider(db):
    """A logged-in account with no role at all."""
    return make_user("outsider")


def client_for(user):
    """A client of its own per role, so two roles in one test never share a session."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clerk_client(clerk):
    return client_for(clerk)


@pytest.fixture
def leader_client(leader):
    return client_for(leader)


@pytest.fixture
def unit_client(unit_user):
    return client_for(unit_user)


# The known data set of the figures' tests, shared by the dashboard, report and ledger tests.
from tests.test_figures import known_year  # noqa: E402, F401
