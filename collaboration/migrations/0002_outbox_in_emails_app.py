import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('collaboration', '0001_initial'),
        ('emails', '0001_initial'),
    ]

    operations = [
        # The outbox moved to the emails app with its table: only Django's state changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='expressionofinterest',
                    name='outbox_email',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='emails.outboxemail', verbose_name='email to the organisation of the call'),
                ),
            ],
            database_operations=[],
        ),
    ]
