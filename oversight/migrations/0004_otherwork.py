# OtherWork (其他工作) moves from the core to the oversight app that manages it. The tables are
# renamed, not copied: every row and its history stay as they are, with the same ids; the
# content types follow, so the roles' permissions on it are kept.

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

TABLES = [
    ("congress_otherwork", "oversight_otherwork"),
    ("congress_historicalotherwork", "oversight_historicalotherwork"),
]


def rename(old_index, new_index):
    def run(apps, schema_editor):
        quote = schema_editor.quote_name
        for pair in TABLES:
            schema_editor.execute(
                f"ALTER TABLE {quote(pair[old_index])} RENAME TO {quote(pair[new_index])}"
            )

    return run


def content_types(old, new):
    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in ("otherwork", "historicalotherwork"):
            ContentType.objects.filter(app_label=new, model=model).delete()
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("oversight", "0003_documents"),
        ("congress", "0008_import_confirmed_by"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(rename(0, 1), rename(1, 0)),
                migrations.RunPython(
                    content_types("congress", "oversight"), content_types("oversight", "congress")
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='OtherWork',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='版本')),
                        ('kind', models.CharField(choices=[('学习研讨', '学习研讨'), ('请示报告', '请示报告'), ('立法调研', '立法调研'), ('宪法宣传', '宪法宣传'), ('联合执法', '联合执法'), ('宣传报道', '宣传报道'), ('荣誉', '荣誉'), ('其他', '其他')], max_length=8, verbose_name='类别')),
                        ('name', models.CharField(max_length=200, verbose_name='名称')),
                        ('date', models.DateField(verbose_name='日期')),
                        ('quantity', models.PositiveIntegerField(default=1, verbose_name='数量')),
                        ('reach', models.PositiveIntegerField(blank=True, null=True, verbose_name='覆盖人次')),
                        ('notes', models.TextField(blank=True, verbose_name='备注')),
                    ],
                    options={
                        'verbose_name': '其他工作',
                        'verbose_name_plural': '其他工作',
                        'ordering': ['-date', 'kind', 'name'],
                        'indexes': [models.Index(fields=['kind', 'date'], name='otherwork_kind_date')],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'name', 'date'), name='otherwork_natural_key')],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalOtherWork',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='版本')),
                        ('kind', models.CharField(choices=[('学习研讨', '学习研讨'), ('请示报告', '请示报告'), ('立法调研', '立法调研'), ('宪法宣传', '宪法宣传'), ('联合执法', '联合执法'), ('宣传报道', '宣传报道'), ('荣誉', '荣誉'), ('其他', '其他')], max_length=8, verbose_name='类别')),
                        ('name', models.CharField(max_length=200, verbose_name='名称')),
                        ('date', models.DateField(verbose_name='日期')),
                        ('quantity', models.PositiveIntegerField(default=1, verbose_name='数量')),
                        ('reach', models.PositiveIntegerField(blank=True, null=True, verbose_name='覆盖人次')),
                        ('notes', models.TextField(blank=True, verbose_name='备注')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical 其他工作',
                        'verbose_name_plural': 'historical 其他工作',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ],
        ),
    ]
