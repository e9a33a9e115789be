from django.core.management.base import BaseCommand, CommandError

from mentoring import links
from mentoring.models import Mentee, MentorProfile


class Command(BaseCommand):
    help = (
        "Print the signed link to the mentoring page of the mentor, and of each mentee, with "
        "this email address (for support staff helping someone who lost their email)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        found = False
        for mentor in MentorProfile.objects.filter(email__iexact=email.strip()):
            found = True
            self.stdout.write(f"Mentor {mentor.name} ({mentor.get_approval_display()}):")
            self.stdout.write(f"  {links.mentor_url(mentor)}")
        for mentee in Mentee.objects.filter(email__iexact=email.strip()).order_by("created_at"):
            found = True
            registered = mentee.created_at.date().isoformat()
            self.stdout.write(f"Mentee {mentee.first_name} (registered {registered}):")
            self.stdout.write(f"  {links.mentee_url(mentee)}")
        if not found:
            raise CommandError(f"No mentor nor mentee has the address {email!r}.")
