# The email templates and the outbox, which until now belonged to the facilitators app: the
# tables stay as they are (see Meta.db_table); only Django's idea of their app changes.

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


MODELS = ['emailtemplate', 'outboxemail']


def move_content_types(apps, schema_editor):
    """Permissions, revisions, translations and logs point at the content type: relabel it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="facilitators", model__in=MODELS).update(
        app_label="emails"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="emails", model__in=MODELS).update(
        app_label="facilitators"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('facilitators', '0008_outbox_organisation_page'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EmailTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('key', models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration')], max_length=40, verbose_name='email')),
                        ('subject', models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}', max_length=200, verbose_name='subject')),
                        ('body', models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}', verbose_name='body')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'email template',
                        'verbose_name_plural': 'email templates',
                        'db_table': 'facilitators_emailtemplate',
                        'ordering': ['key'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('key', 'locale'), name='unique_email_template_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='OutboxEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.JSONField(default=list, verbose_name='to')),
                        ('reply_to', models.JSONField(blank=True, default=list, verbose_name='reply to')),
                        ('from_email', models.CharField(max_length=254, verbose_name='from')),
                        ('subject', models.CharField(max_length=255, verbose_name='subject')),
                        ('body_text', models.TextField(verbose_name='text')),
                        ('language', models.CharField(blank=True, max_length=12, verbose_name='language')),
                        ('template_key', models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration')], max_length=40, verbose_name='template')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Sending'), ('sent', 'Sent'), ('delivered', 'Delivered'), ('retrying', 'Waiting to retry'), ('failed', 'Failed'), ('bounced', 'Bounced'), ('complained', 'Marked as spam'), ('rejected', 'Rejected by the provider')], default='queued', max_length=12, verbose_name='status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                        ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='next attempt')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                        ('provider_message_id', models.CharField(blank=True, db_index=True, max_length=255, verbose_name="provider's message id")),
                        ('provider_status', models.CharField(blank=True, max_length=40, verbose_name="provider's status")),
                        ('provider_event_at', models.DateTimeField(blank=True, null=True, verbose_name="provider's last event")),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='emails', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='organisation')),
                    ],
                    options={
                        'verbose_name': 'outbox email',
                        'verbose_name_plural': 'outbox',
                        'db_table': 'facilitators_outboxemail',
                        'ordering': ['-created_at', '-pk'],
                        'permissions': [('resend_outboxemail', 'Can resend outbox email')],
                        'default_permissions': ('view',),
                        'indexes': [models.Index(fields=['status'], name='outbox_status_idx'), models.Index(fields=['next_attempt_at'], name='outbox_next_attempt_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
