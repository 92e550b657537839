from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Visits")

    def ready(self):
        from pagecache import invalidation, schedule
        from sistercities import page_tags
        from visits import mentions, page_cache
        from visits.publication import publication_moments, register_rules

        invalidation.follow(
            self.label, page_tags.tags_of, page_cache.withdraws, page_cache.pages_of
        )
        schedule.set_source(publication_moments)
        register_rules()
        mentions.add_visit_mentions()
