# The featured organisations, which until now belonged to the facilitators app: the table stays
# as it is (see Meta.db_table); only Django's idea of its app changes.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ['featuredorganisation']


def move_content_types(apps, schema_editor):
    """Permissions, revisions, translations and logs point at the content type: relabel it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="facilitators", model__in=MODELS).update(
        app_label="featured"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="featured", model__in=MODELS).update(
        app_label="facilitators"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('facilitators', '0008_outbox_organisation_page'),
        ('directory', '0007_outbox_in_emails_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FeaturedOrganisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation_key', models.UUIDField(db_index=True, editable=False, verbose_name='organisation')),
                        ('starts_on', models.DateField(verbose_name='first day')),
                        ('ends_on', models.DateField(help_text='The last day it is featured.', verbose_name='last day')),
                        ('channels', models.JSONField(blank=True, default=list, verbose_name='channels')),
                        ('status', models.CharField(choices=[('planned', 'Planned'), ('posted', 'Posted'), ('skipped', 'Skipped')], default='planned', max_length=10, verbose_name='status')),
                        ('captions', models.JSONField(blank=True, default=dict, verbose_name='captions')),
                        ('link', models.URLField(blank=True, max_length=500, verbose_name='link')),
                        ('posted_url', models.URLField(blank=True, max_length=500, verbose_name='posted at')),
                        ('posted_on', models.DateField(blank=True, null=True, verbose_name='posted on')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='planned by')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='features', to='directory.organisationpage', verbose_name='organisation')),
                    ],
                    options={
                        'verbose_name': 'featured organisation',
                        'verbose_name_plural': 'featured organisations',
                        'db_table': 'facilitators_featuredorganisation',
                        'ordering': ['-starts_on', '-pk'],
                        'indexes': [models.Index(fields=['starts_on', 'ends_on'], name='featured_period_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='featured_period_in_order')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
