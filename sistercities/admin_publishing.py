"""The admin's side of sistercities.publishing: every ContentAdmin form and inline formset
asks the publication rule before it is valid, so the change page, the add page and
django-simple-history's revert page refuse an unpermitted change of publication with the
rule's message, on the form, before anything is saved."""

from django.core.exceptions import ValidationError

from sistercities import publishing


class PublicationGuardFormMixin:
    publication_user = None  # set per request by publication_guarded_form()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publishing.withhold_if_needed(user=self.publication_user, instance=self.instance)

    def _post_clean(self):
        super()._post_clean()
        if self._errors:
            return  # the instance is only partly built from the form
        rule = publishing.refusal(user=self.publication_user, instance=self.instance)
        if rule is not None:
            field = rule.field if rule.field in self.fields else None
            self.add_error(field, ValidationError(rule.message, code="publish_permission"))


class PublicationGuardFormSetMixin:
    publication_user = None  # set per request by publication_guarded_formset()

    def clean(self):
        super().clean()
        user = self.publication_user
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                rule = publishing.deletion_refusal(user=user, instance=form.instance)
            elif form.is_valid() and form.has_changed():
                rule = publishing.refusal(user=user, instance=form.instance)
            else:
                continue
            if rule is not None:
                raise ValidationError(rule.message, code="publish_permission")


def publication_guarded_form(form_class, user):
    attrs = {"publication_user": user}
    return type(form_class.__name__, (PublicationGuardFormMixin, form_class), attrs)


def publication_guarded_formset(formset_class, user):
    attrs = {"publication_user": user}
    return type(formset_class.__name__, (PublicationGuardFormSetMixin, formset_class), attrs)
