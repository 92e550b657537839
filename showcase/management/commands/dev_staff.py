import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.urls import reverse

from sistercities.commands import PortalCommand


class Command(PortalCommand):
    help = "Create or reset the local development staff login and print it (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="staff")
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, username, base_url, **options):
        if not settings.DEBUG:
            raise CommandError("dev_staff is for development only: set DJANGO_DEBUG=1.")
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name="Publisher"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Staff login for {base_url}{reverse('admin:index')}\n"
                f"  username: {username}\n  password: {password}"
            )
        )
