from django.apps import AppConfig
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
        for name in ("Office", "Notice"):
            model = self.get_model(name)
            uid = f"footer-{name.lower()}"
            post_save.connect(forget_footer, sender=model, dispatch_uid=f"{uid}-save")
            pre_delete.connect(forget_footer, sender=model, dispatch_uid=f"{uid}-delete")
