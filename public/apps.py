from django.apps import AppConfig, apps
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        from pagecache import invalidation
        from pagecache.tags import ALL
        from public.footer import forget_footer

        # The footer is on every page.
        invalidation.follow(self.label, lambda instance: {ALL})
        # The home city's name and site are in it too.
        city = apps.get_model("sistercities", "City")
        for model in (self.get_model("Office"), self.get_model("Notice"), city):
            uid = f"footer-{model._meta.model_name}"
            post_save.connect(forget_footer, sender=model, dispatch_uid=f"{uid}-save")
            pre_delete.connect(forget_footer, sender=model, dispatch_uid=f"{uid}-delete")
