"""A mentor's profile changed after approval (or rejection) goes back to a facilitator: the time
it was last sent for approval (`submitted_at`, first the registration's) decides which pending
mentors are new to a facilitator's digest, instead of the highest id they were told of."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F, Max


def fill(apps, schema_editor):
    db = schema_editor.connection.alias
    MentorProfile = apps.get_model("mentoring", "MentorProfile")
    Digest = apps.get_model("mentoring", "FacilitatorMentoringDigest")
    MentorProfile.objects.using(db).update(submitted_at=F("created_at"))
    for marker in Digest.objects.using(db).filter(approvals_upto__gt=0):
        told = MentorProfile.objects.using(db).filter(pk__lte=marker.approvals_upto)
        marker.approvals_seen_upto = told.aggregate(newest=Max("created_at"))["newest"]
        marker.save(update_fields=["approvals_seen_upto"])


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0003_mentee_guardian_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="facilitatormentoringdigest",
            name="approvals_seen_upto",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="submitted_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="When the profile was registered, or last changed, for a facilitator to read.",
                verbose_name="sent for approval",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="facilitatormentoringdigest",
            name="approvals_upto",
        ),
    ]
