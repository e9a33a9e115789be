from django.conf import settings
from django.core.checks import Error, Tags, register

from .deployment import problems


@register(Tags.security, deploy=True)
def check_production_settings(app_configs, **kwargs):
    """`check --deploy` fails for each setting production cannot do without (core/deployment.py)."""
    return [Error(str(problem), id=f"core.E{problem.number:03d}") for problem in problems(settings)]
