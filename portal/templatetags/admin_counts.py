from django import template

from portal.admin_counts import count_of as _count_of

register = template.Library()


@register.simple_tag
def count_of(opts, count):
    """{% count_of cl.opts cl.result_count %}: "4 kişi" (portal.admin_counts)."""
    return _count_of(opts, count)
