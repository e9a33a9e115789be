import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('collaboration', '0002_outbox_in_emails_app'),
        ('directory', '0007_outbox_in_emails_app'),
        ('emails', '0001_initial'),
        ('facilitators', '0008_outbox_organisation_page'),
        ('featured', '0001_initial'),
    ]

    operations = [
        # Email and the featured organisations now have apps of their own (emails/0001_initial,
        # featured/0001_initial), with the same tables: only Django's state changes here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='featuredorganisation',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='featuredorganisation',
                    name='organisation',
                ),
                migrations.AlterField(
                    model_name='contactlog',
                    name='featured',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='contacts', to='featured.featuredorganisation', verbose_name='featured on social media'),
                ),
                migrations.RemoveField(
                    model_name='outboxemail',
                    name='organisation',
                ),
                migrations.AlterField(
                    model_name='contactlog',
                    name='email',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contacts', to='emails.outboxemail', verbose_name='email'),
                ),
                migrations.DeleteModel(
                    name='EmailTemplate',
                ),
                migrations.DeleteModel(
                    name='FeaturedOrganisation',
                ),
                migrations.DeleteModel(
                    name='OutboxEmail',
                ),
            ],
            database_operations=[],
        ),
    ]
