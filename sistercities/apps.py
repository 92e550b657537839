from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class SisterCitiesConfig(AppConfig):
    name = "sistercities"
    verbose_name = _("Sister cities")

    def ready(self):
        from pagecache import invalidation
        from sistercities import casing_patches, mentions, page_tags
        from sistercities.home_city import forget_home_city

        casing_patches.apply()
        invalidation.follow(self.label, page_tags.tags_of, page_tags.withdraws)
        mentions.add_relationship_mentions()
        City = self.get_model("City")
        post_save.connect(forget_home_city, sender=City, dispatch_uid="home-city-save")
        pre_delete.connect(forget_home_city, sender=City, dispatch_uid="home-city-delete")
