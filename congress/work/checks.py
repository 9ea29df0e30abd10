"""System checks of what the background work runs on."""


def check_version(app_configs=None, **kwargs) -> list:
    """Celery 5.7.0's worker exits for good when Redis restarts while it holds a job
    (tests/faults/test_outages.py); pyproject.toml keeps Celery below 5.7. Says so when another
    version was installed by hand."""
    import celery
    from django.core.checks import Warning

    major, minor = (int(part) for part in celery.__version__.split(".")[:2])
    if (major, minor) < (5, 7):
        return []
    return [
        Warning(
            f"已安装的 Celery {celery.__version__} 在 Redis 重启时后台进程会退出且不再恢复。",
            hint="请按 pyproject.toml 安装 5.7 以下的版本：pip install 'celery[redis]>=5.4,<5.7'",
            id="congress.W001",
        )
    ]
