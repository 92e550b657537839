from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class SisterCitiesConfig(AppConfig):
    name = "sistercities"
    verbose_name = _("Sister cities")

    def ready(self):
        from django.contrib import admin

        from pagecache import invalidation
        from sistercities import page_tags
        from sistercities.admin_numbers import guard_date_hierarchies
        from sistercities.home_city import forget_home_city

        invalidation.follow(self.label, page_tags.tags_of, page_tags.withdraws)
        City = self.get_model("City")
        post_save.connect(forget_home_city, sender=City, dispatch_uid="home-city-save")
        pre_delete.connect(forget_home_city, sender=City, dispatch_uid="home-city-delete")
        # django.contrib.admin, before this app, has imported every app's admin module.
        guard_date_hierarchies(admin.site)
