"""Create the four role groups with their permissions, and the installation profile."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from congress.accounts.roles import sync_roles

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)
    Profile = apps.get_model("congress", "Profile")
    if not Profile.objects.exists():
        Profile.objects.create()


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["录入员", "领导", "承办单位", "管理员"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("congress", "0001_initial"),
        ("meetings", "0002_initial"),
        ("oversight", "0001_initial"),
        ("deputies", "0001_initial"),
        ("proposals", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
