"""What the reports are about: the home city's own relationships."""

from django.conf import settings
from django.db.models import Q

from sistercities.models import Relationship


def home_relationships():
    """Every relationship the home city takes part in, published or not."""
    home = settings.HOME_CITY_SLUG
    return Relationship.objects.filter(Q(home_city__slug=home) | Q(partner_city__slug=home))
