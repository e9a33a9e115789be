from django.core.management.base import BaseCommand

from newsletter.sending import run_due


class Command(BaseCommand):
    help = (
        "Start sending the newsletter issues scheduled for now or earlier (once published), and "
        "resume a sending whose run stopped half way: it continues after the last subscriber "
        "written to, never twice to one. The scheduler (manage.py run_schedule) runs it every "
        "5 minutes."
    )

    def handle(self, *args, verbosity, **options):
        started, resumed = run_due()
        if verbosity > 1 or (verbosity and (started or resumed)):
            self.stdout.write(f"started {started} issue(s), resumed {resumed}")
