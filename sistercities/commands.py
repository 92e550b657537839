"""What the portal's management commands share: they print in English unless
`--language` names another of settings.LANGUAGES. (Left alone, Django would print their
translated messages in LANGUAGE_CODE, Turkish, between English ones of its own.)"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class PortalCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="en",
            help="The language of the command's messages (default: en).",
        )
        return parser

    def execute(self, *args, language="en", **options):
        with translation.override(language):
            return super().execute(*args, **options)
