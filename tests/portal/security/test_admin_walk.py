"""Every admin URL × every staff role, built from Django's registries: each model of
`admin.site`, each URL pattern of its ModelAdmin, each list action, each autocomplete
field, the admin site's own views and the views mounted beside it (the import, the health
report). A pattern the walk does not know fails `test_the_walk_visits_every_admin_url`.

What a role may do is read from the permission codenames it holds, never from the admin's
own has_*_permission (only what the admin allows a superuser says what a view can do at
all: the footer's rows are never added). A GET answers 200, 403 or the login page by
them; a POST a role may not make changes no row of any admin model; and an Editor's POST,
whatever it is, leaves what the public sees as it was.
"""

import datetime
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test import Client, RequestFactory, override_settings
from django.urls import resolve, reverse
from django.utils import timezone, translation

from sistercities.models import Relationship
from tests.factories import (
    CityFactory,
    PersonFactory,
    PhotoFactory,
    RelationshipFactory,
    VisitFactory,
)
from tests.helpers.admin_walk import (
    admin_routes,
    alter_a_field,
    as_new,
    holds,
    permission_names,
    public_changes,
    public_state,
    row_changes,
    row_snapshot,
    view_permissions,
)
from tests.helpers.documents import clean_pdf
from tests.helpers.forms import form_data
from tests.helpers.importing import SLICE
from tests.helpers.migrated_rows import ensure_site_footer
from tests.helpers.records import SHOWCASE_RELATIONSHIP, SHOWCASE_VISIT
from visits.models import Correction, PublicationStatus, Visit

ROLES = ("anonymous", "no-permission", "view-only", "editor", "publisher", "superuser")
STAFF_ROLES = ROLES[1:]
MODEL_ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


# ------------------------------------------------------------------------------ the data


@dataclass(repr=False)  # a failure's report names the role and URL; the whole walk is noise
class Walk:
    users: dict
    permissions: dict  # role → {"app_label.codename"}
    subject: dict  # model → the row its pages edit
    deletable: dict  # model → a row nothing protects from deletion
    capable: dict  # (model, view) → whether the admin offers it to a superuser at all
    objects: dict  # named rows of the publication cases
    clients: dict = field(default_factory=dict)  # role → a client signed in for the module
    sessions: dict = field(default_factory=dict)  # role → the session it was signed in with
    forms: dict = field(default_factory=dict)  # the superuser's forms, read once
    unalterable: set = field(default_factory=set)  # forms with no field a POST could change

    def client(self, role) -> Client:
        """The role's client, on the session of the module (a view may have cycled its key in
        a test, rolled back since), without the last test's notices."""
        client = self.clients[role]
        client.cookies.pop("messages", None)
        if role in self.sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client


def _save(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()


def _publication_records() -> dict:
    """The showcase's relationship and visit, each with a version of another publication
    in its history; an unpublished relationship with a draft and a released visit; a
    draft visit of the showcase that was public once; a public correction and photo."""
    relationship = Relationship.objects.get(slug=SHOWCASE_RELATIONSHIP)
    _save(relationship, is_published=False)
    _save(relationship, is_published=True)
    visit = Visit.objects.get(slug=SHOWCASE_VISIT)
    _save(visit, status=PublicationStatus.DRAFT)
    _save(visit, status=PublicationStatus.PUBLISHED)
    home = relationship.home_city
    hidden = RelationshipFactory(
        slug="walk-hidden", home_city=home, partner_city=CityFactory(slug="walk-partner")
    )
    _save(hidden, is_published=False)
    RelationshipFactory(
        slug="walk-bare",
        home_city=home,
        partner_city=CityFactory(slug="walk-bare-partner"),
        is_published=False,
    )
    CityFactory(slug="walk-spare", country="DE")
    PersonFactory(slug="walk-spare")
    once_public = VisitFactory(relationship=relationship, slug="walk-once-public")
    _save(once_public, status=PublicationStatus.DRAFT)
    return {
        "relationship": relationship,
        "visit": visit,
        "hidden relationship": hidden,
        "draft visit": VisitFactory(
            relationship=hidden, slug="walk-draft", status=PublicationStatus.DRAFT, publish_at=None
        ),
        "released hidden visit": VisitFactory(relationship=hidden, slug="walk-released-hidden"),
        "once public visit": once_public,
        "correction": Correction.objects.create(
            visit=visit,
            note_tr="Belediye başkanının adı düzeltildi.",
            note_en="The mayor's name corrected.",
        ),
        "photo": PhotoFactory(visit=visit),
    }


def _login_records():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    where = {"ip_address": "192.0.2.1", "user_agent": "walk", "path_info": "/en/admin/login/"}
    AccessAttempt.objects.create(
        username="walk", get_data="", post_data="", failures_since_start=1, **where
    )
    AccessLog.objects.create(username="walk", **where)
    AccessFailureLog.objects.create(username="walk", **where)


def _users() -> dict:
    User = get_user_model()
    # First of the users: the one whose pages the walk opens, changes and deletes.
    User.objects.create_user("walk-target", password="unused-in-tests")
    users = {"anonymous": None}
    users["no-permission"] = User.objects.create_user("nobody", is_staff=True)
    users["view-only"] = User.objects.create_user("viewer", is_staff=True)
    users["view-only"].user_permissions.set(view_permissions())
    for role, group in (("editor", "Editor"), ("publisher", "Publisher")):
        users[role] = User.objects.create_user(role, is_staff=True)
        users[role].groups.add(Group.objects.get(name=group))
    users["superuser"] = User.objects.create_superuser("root", password="unused-in-tests")
    return users


def _deletable(model, acting_users):
    for obj in model._base_manager.order_by("-pk"):
        if obj in acting_users:
            continue
        collector = NestedObjects(using=DEFAULT_DB_ALIAS)
        collector.collect([obj])
        if not collector.protected:
            return obj
    return None


def _capabilities(superuser, subject, deletable) -> dict:
    request = RequestFactory().get("/")
    request.user = superuser
    capable = {}
    for model, model_admin in MODEL_ADMINS:
        obj = subject[model]
        capable[model, "view"] = model_admin.has_view_or_change_permission(request, obj)
        capable[model, "change"] = model_admin.has_change_permission(request, obj)
        capable[model, "add"] = model_admin.has_add_permission(request)
        capable[model, "delete"] = model_admin.has_delete_permission(request, deletable[model])
        for name in model_admin.get_actions(request):
            capable[model, f"action {name}"] = True
    return capable


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker, tmp_path_factory):
    """The showcase and the publication records, built once for the module; each test
    runs in a transaction of its own, rolled back after it."""
    media = tmp_path_factory.mktemp("walk-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        translation.override("en"),
    ):
        with transaction.atomic():
            ensure_site_footer()
            call_command("load_showcase", verbosity=0)
            objects = _publication_records()
            _login_records()
            users = _users()
            acting = [user for user in users.values() if user is not None]
            subject = {
                model: model._base_manager.order_by("pk").first() for model, _ in MODEL_ADMINS
            }
            deletable = {model: _deletable(model, acting) for model, _ in MODEL_ADMINS}
            undeletable = [model._meta.label for model, obj in deletable.items() if obj is None]
            assert not undeletable, f"no row to delete of {undeletable}: add one to the walk"
            for obj in subject.values():
                if hasattr(obj, "history") and not obj.history.exists():
                    obj.save()  # a version to restore (the footer's rows come without one)
            clients, sessions = {}, {}
            for role, user in users.items():
                clients[role] = Client(raise_request_exception=False)
                if user is not None:
                    clients[role].force_login(user)
                    sessions[role] = clients[role].cookies[settings.SESSION_COOKIE_NAME].value
            yield Walk(
                clients=clients,
                sessions=sessions,
                users=users,
                permissions={role: permission_names(user) for role, user in users.items()},
                subject=subject,
                deletable=deletable,
                capable=_capabilities(users["superuser"], subject, deletable),
                objects=objects,
            )
            transaction.set_rollback(True)


# ------------------------------------------------------------------------------ the cases


def _url(name, *args, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, args=args, kwargs=kwargs)


def _admin_url(model, view, *args) -> str:
    return _url(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", *args)


@dataclass(frozen=True)
class Get:
    """A page, and the status each role gets: `granted` (200) where its permissions allow,
    else one of `refused` (403); an anonymous reader is sent to `anonymous_to`."""

    name: str
    url: Callable[[Walk], str]
    allows: Callable[[Walk, set], bool]
    refused: tuple = (403,)
    granted: int = 200
    anonymous: int = 302
    anonymous_to: str = "admin:login"


@dataclass(frozen=True)
class Post:
    """A form posted as a browser would send it, built from the superuser's page."""

    name: str
    url: Callable[[Walk], str]
    data: Callable[[Walk, Client], dict]
    allows: Callable[[Walk, set], bool]
    is_action: bool = False
    writes: bool = True  # False: a step that keeps its work in the session, not in rows


def _may(model, view, *actions):
    """A role may if the admin offers `view` at all and the role holds one of `actions`."""

    def allows(walk, permissions):
        return walk.capable[model, view] and any(
            holds(permissions, model, action) for action in actions
        )

    return allows


def _earliest_version(walk, model):
    return walk.subject[model].history.order_by("history_id").first().history_id


def _version_where(obj, **values):
    return obj.history.filter(**values).order_by("history_id").first().history_id


def _page_form(walk, client, url) -> dict:
    if url not in walk.forms:
        response = client.get(url)
        assert response.status_code == 200, f"superuser: {url} answers {response.status_code}"
        walk.forms[url] = form_data(response)
    return dict(walk.forms[url])


def _changed_form(model, url_of):
    def data(walk, superuser):
        data = _page_form(walk, superuser, url_of(walk))
        if not alter_a_field(model, data):  # every field read-only (the login records)
            walk.unalterable.add(url_of(walk))
        return data

    return data


def _with_a_document(walk, model):
    """The subject's id, its scanned document stored in the test's own media folder."""
    subject = walk.subject[model]
    name = "protocols/walk.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(clean_pdf()))
    model._base_manager.filter(pk=subject.pk).update(document=name)
    return subject.pk


def _model_cases(model, model_admin) -> tuple[list[Get], list[Post]]:
    """The pages and forms of one ModelAdmin, from its URL patterns and its actions."""
    label = model._meta.label
    change = lambda walk: _admin_url(model, "change", walk.subject[model].pk)  # noqa: E731
    gets, posts = [], []
    for pattern in model_admin.get_urls():
        kind = (pattern.name or "").removeprefix(
            f"{model._meta.app_label}_{model._meta.model_name}_"
        )
        if pattern.name is None:  # <object_id>/ redirects to the change page
            gets.append(
                Get(
                    f"{label} object",
                    lambda walk: (
                        _url("admin:index") + f"{model._meta.app_label}/"
                        f"{model._meta.model_name}/{walk.subject[model].pk}/"
                    ),
                    lambda walk, permissions: False,
                    refused=(302,),
                )
            )
        elif kind == "changelist":
            gets.append(
                Get(
                    f"{label} list",
                    lambda walk: _admin_url(model, "changelist"),
                    _may(model, "view", "view", "change"),
                )
            )
        elif kind == "add":
            url = lambda walk: _admin_url(model, "add")  # noqa: E731
            gets.append(Get(f"{label} add", url, _may(model, "add", "add")))
            posts.append(
                Post(
                    f"{label} add",
                    url,
                    lambda walk, superuser, url=url: as_new(
                        model,
                        _page_form(walk, superuser, url(walk)),
                        _page_form(walk, superuser, change(walk)),
                    ),
                    _may(model, "add", "add"),
                )
            )
        elif kind == "change":
            gets.append(Get(f"{label} change", change, _may(model, "view", "view", "change")))
            posts.append(
                Post(
                    f"{label} change",
                    change,
                    _changed_form(model, change),
                    _may(model, "change", "change"),
                )
            )
        elif kind == "delete":
            url = lambda walk: _admin_url(model, "delete", walk.deletable[model].pk)  # noqa: E731
            gets.append(Get(f"{label} delete", url, _may(model, "delete", "delete")))
            posts.append(
                Post(
                    f"{label} delete",
                    url,
                    lambda walk, superuser: {"post": "yes"},
                    _may(model, "delete", "delete"),
                )
            )
        elif kind == "history":
            gets.append(
                Get(
                    f"{label} history",
                    lambda walk: _admin_url(model, "history", walk.subject[model].pk),
                    _may(model, "view", "view", "change"),
                )
            )
        elif kind == "simple_history":
            version = lambda walk: _admin_url(  # noqa: E731
                model, "simple_history", walk.subject[model].pk, _earliest_version(walk, model)
            )
            gets.append(Get(f"{label} history version", version, _may(model, "change", "change")))
            posts.append(
                Post(
                    f"{label} history version",
                    version,
                    _changed_form(model, version),
                    _may(model, "change", "change"),
                )
            )
            gets.append(
                Get(
                    f"{label} history version abc",
                    lambda walk: _admin_url(model, "history", walk.subject[model].pk) + "abc/",
                    _may(model, "change", "change"),
                    granted=404,
                    refused=(403, 404),
                )
            )
        elif kind == "document":
            gets.append(
                Get(
                    f"{label} document",
                    lambda walk: _admin_url(model, "document", _with_a_document(walk, model)),
                    _may(model, "view", "view", "change"),
                )
            )
        elif kind == "password_change":
            url = lambda walk: _admin_url(model, "password_change", walk.subject[model].pk)  # noqa: E731
            gets.append(Get(f"{label} password", url, _may(model, "change", "change")))
            posts.append(
                Post(
                    f"{label} password",
                    url,
                    lambda walk, superuser, url=url: {
                        **_page_form(walk, superuser, url(walk)),
                        "password1": "Walk-the-admin-2026!",
                        "password2": "Walk-the-admin-2026!",
                    },
                    _may(model, "change", "change"),
                )
            )
        # Any other pattern is left to test_the_walk_visits_every_admin_url, which fails.
    for _function, name, _description in model_admin._get_base_actions():
        posts.append(_action(model, model_admin, name))
    return gets, posts


def _action(model, model_admin, name) -> Post:
    needed = getattr(model_admin.get_action(name)[0], "allowed_permissions", ())

    def rows(walk, superuser):
        if name == "delete_selected":
            selected = [walk.deletable[model].pk]
        else:
            selected = list(model._base_manager.values_list("pk", flat=True))
        return {"action": name, "_selected_action": selected, "index": "0", "post": "yes"}

    def allows(walk, permissions):
        """The action's own permissions (the right to change where it names none), and
        the right to see the list it is run from."""
        return (
            walk.capable.get((model, f"action {name}"), False)
            and any(holds(permissions, model, action) for action in ("view", "change"))
            and all(holds(permissions, model, action) for action in needed or ("change",))
        )

    return Post(
        f"{model._meta.label} action {name}",
        lambda walk: _admin_url(model, "changelist"),
        rows,
        allows,
        is_action=True,
    )


def _autocomplete_cases() -> list[Get]:
    """Each autocomplete field of every admin and inline: its list needs the right to see
    the model it lists."""
    cases = []
    for _model, model_admin in MODEL_ADMINS:
        for owner in (model_admin, *model_admin.inlines):
            source = owner.model
            for field_name in owner.autocomplete_fields:
                remote = source._meta.get_field(field_name).related_model
                query = (
                    f"?app_label={source._meta.app_label}&model_name={source._meta.model_name}"
                    f"&field_name={field_name}&term=a"
                )
                cases.append(
                    Get(
                        f"autocomplete {source._meta.label}.{field_name}",
                        lambda walk, query=query: _url("admin:autocomplete") + query,
                        _may(remote, "view", "view", "change"),
                    )
                )
    return cases


def _any_in_app(app_label):
    return lambda walk, permissions: any(name.startswith(f"{app_label}.") for name in permissions)


def _site_cases() -> list[Get]:
    """The admin site's own pages, and the views mounted beside it."""
    staff = lambda walk, permissions: True  # noqa: E731
    visit_type = lambda walk: ContentType.objects.get_for_model(Visit).pk  # noqa: E731
    cases = [
        Get("index", lambda walk: _url("admin:index"), staff),
        Get(
            "login",
            lambda walk: _url("admin:login"),
            lambda w, p: False,
            refused=(302,),
            anonymous=200,
        ),
        Get(
            "logout (GET)",
            lambda walk: _url("admin:logout"),
            lambda w, p: False,
            refused=(405,),
            anonymous_to="admin:index",
        ),
        Get("password change", lambda walk: _url("admin:password_change"), staff),
        Get("password change done", lambda walk: _url("admin:password_change_done"), staff),
        Get("jsi18n", lambda walk: _url("admin:jsi18n"), staff),
        Get(
            "view on site",
            lambda walk: _url("admin:view_on_site", visit_type(walk), walk.objects["visit"].pk),
            lambda w, p: False,
            refused=(302,),
        ),
        Get(
            "unknown page",
            lambda walk: _url("admin:index") + "no/such/page/",
            lambda w, p: False,
            refused=(404,),
        ),
        Get(
            "relationship health",
            lambda walk: _url("reports-admin:relationship-health"),
            _may(Relationship, "view", "view"),
        ),
        Get(
            "import upload",
            lambda walk: _url("relationship-import:upload"),
            _may(Relationship, "add", "add"),
        ),
        Get(
            "import preview",
            lambda walk: _url("relationship-import:preview", token="walk"),
            _may(Relationship, "add", "add"),
        ),
        Get(
            "import confirm (GET)",
            lambda walk: _url("relationship-import:confirm", token="walk"),
            lambda w, p: False,
            refused=(405,),
            anonymous=405,
        ),
    ]
    for app_label in sorted({model._meta.app_label for model, _ in MODEL_ADMINS}):
        cases.append(
            Get(
                f"app {app_label}",
                lambda walk, app_label=app_label: _url("admin:app_list", app_label),
                _any_in_app(app_label),
                refused=(404,),
            )
        )
    return cases


def _import_upload(walk, superuser):
    return {"file": SimpleUploadedFile("twin_cities.csv", SLICE.read_bytes()), "publish": "on"}


def _import_posts() -> list[Post]:
    return [
        Post(
            "import upload",
            lambda walk: _url("relationship-import:upload"),
            _import_upload,
            _may(Relationship, "add", "add"),
            writes=False,
        ),
        Post(
            "import preview mapping",
            lambda walk: _url("relationship-import:preview", token="walk"),
            lambda walk, superuser: {"columns": "", "values": "", "home_country": "TR"},
            _may(Relationship, "add", "add"),
            writes=False,
        ),
        Post(
            "import confirm",
            lambda walk: _url("relationship-import:confirm", token="walk"),
            lambda walk, superuser: {},
            _may(Relationship, "add", "add"),
        ),
    ]


GETS: list[Get] = [*_site_cases(), *_autocomplete_cases()]
POSTS: list[Post] = [*_import_posts()]
for _model, _model_admin in MODEL_ADMINS:
    _gets, _posts = _model_cases(_model, _model_admin)
    GETS += _gets
    POSTS += _posts


def _with_import_token(client, url: str) -> str:
    """An import's pages need a file the role uploaded first, under its own token."""
    if "/import/walk/" not in url:
        return url
    response = client.post(_url("relationship-import:upload"), _import_upload(None, None))
    if response.status_code != 302 or "/import/" not in response.url:
        return url  # refused: the role asks for a token it does not have
    token = response.url.rstrip("/").rsplit("/", 1)[1]
    return url.replace("/import/walk/", f"/import/{token}/", 1)


# ------------------------------------------------------------------------------ the tests


def test_the_walk_visits_every_admin_url(walk, db):
    """Every pattern of the admin's resolver, the import's and the health report's; a
    model, a ModelAdmin view or a view beside the admin added later is walked or fails
    here."""
    prefix = f"en/{settings.ADMIN_PATH}"
    visited = {resolve(case.url(walk).split("?")[0]).route for case in [*GETS, *POSTS]}
    missing = admin_routes(prefix) - visited
    assert not missing, f"admin URL patterns the walk does not visit: {sorted(missing)}"


@contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("case", GETS, ids=lambda case: case.name)
def test_get(walk, db, subtests, case):
    """Each role opens the page: 200 where its permissions allow, 403 (or the page's own
    refusal) where not, the login page for an anonymous reader."""
    for role in ROLES:
        with subtests.test(role=role), _rolled_back():
            client = walk.client(role)
            url = _with_import_token(client, case.url(walk))
            response = client.get(url)

            if role == "anonymous":
                expected = (case.anonymous,)
            elif case.allows(walk, walk.permissions[role]):
                expected = (case.granted,)
            else:
                expected = case.refused
            assert response.status_code in expected, (
                f"{role} GET {url}: {response.status_code}, "
                f"expected {' or '.join(map(str, expected))}"
            )
            if role == "anonymous" and response.status_code == 302:
                target = _url(case.anonymous_to)
                assert response.url.split("?")[0] == target, f"{url} sends {role} to {response.url}"


def _post_and_compare(walk, role, url, data):
    client = walk.client(role)
    url = _with_import_token(client, url)
    rows, public = row_snapshot(), public_state()
    response = client.post(url, data)
    return url, response, row_changes(rows, row_snapshot()), public_changes(public, public_state())


def _form_errors(response) -> str:
    context = response.context or {}
    errors = context.get("errors") or ""
    return f"{response.status_code} {errors}"[:1500]


def _post_data(walk, case) -> dict:
    """The form the superuser's page gives, with a field changed; where no one may post
    it, the page as it is, if it opens at all."""
    superuser = walk.client("superuser")
    if case.allows(walk, walk.permissions["superuser"]):
        return case.data(walk, superuser)
    page = superuser.get(_with_import_token(superuser, case.url(walk)))
    return form_data(page) if page.status_code == 200 else {}


@pytest.mark.parametrize("case", POSTS, ids=lambda case: case.name)
def test_post(walk, db, subtests, case):
    """Each role posts the form: where its permissions allow, it is saved; where not, no
    row of any admin model changes. Whatever an Editor posts, the public sees the same."""
    for role in ROLES:
        with subtests.test(role=role), _rolled_back():
            data = _post_data(walk, case)
            url, response, changed, public = _post_and_compare(walk, role, case.url(walk), data)

            assert response.status_code < 500, f"{role} POST {url}: {response.status_code}"
            if role != "anonymous" and case.allows(walk, walk.permissions[role]):
                assert response.status_code == 302, (
                    f"{role} POST {url} refused: {_form_errors(response)}"
                )
                writes = case.writes and case.url(walk) not in walk.unalterable
                assert changed or not writes, f"{role} POST {url} changed no row"
            else:
                assert not changed, f"{role} POST {url} changed rows it may not:\n" + "\n".join(
                    changed
                )
                if role == "anonymous":
                    assert response.status_code in (302, 405)
                elif not case.is_action:
                    assert response.status_code == 403, f"{role} POST {url}: {response.status_code}"
            if role == "editor":
                assert not public, f"editor POST {url} changed what the public sees:\n" + "\n".join(
                    public
                )


# ------------------------------------------------------------------------------ publication


def _visit_form(walk, superuser, name, **values):
    data = _page_form(walk, superuser, _admin_url(Visit, "change", walk.objects[name].pk))
    data.update(values)
    return data


def _inline_delete(walk, superuser, name):
    """The visit's change form with the inline row of `name` (a photo, a correction)
    marked for deletion."""
    obj = walk.objects[name]
    data = _page_form(walk, superuser, _admin_url(Visit, "change", walk.objects["visit"].pk))
    prefix = obj._meta.get_field("visit").remote_field.get_accessor_name(model=False)
    row = next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.startswith(f"{prefix}-") and key.endswith("-id") and value == str(obj.pk)
    )
    data[f"{row}-DELETE"] = "on"
    return data


def _relationship_form(walk, superuser, name, published):
    data = _page_form(walk, superuser, _admin_url(Relationship, "change", walk.objects[name].pk))
    data.pop("is_published", None)
    if published:
        data["is_published"] = "on"
    return data


def _revert(model, name, **version):
    def url(walk):
        obj = walk.objects[name]
        return _admin_url(model, "simple_history", obj.pk, _version_where(obj, **version))

    return url, lambda walk, superuser: _page_form(walk, superuser, url(walk))


def _change(model, name):
    return lambda walk: _admin_url(model, "change", walk.objects[name].pk)


def _tomorrow():
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


@dataclass(frozen=True)
class Publication:
    name: str
    url: Callable[[Walk], str]
    data: Callable[[Walk, Client], dict]
    changes_publication: bool = True


PUBLICATION = [
    Publication(
        "public visit withdrawn",
        _change(Visit, "visit"),
        lambda walk, su: _visit_form(walk, su, "visit", status=PublicationStatus.DRAFT),
    ),
    Publication(
        "public visit's publication time moved to tomorrow",
        _change(Visit, "visit"),
        lambda walk, su: _visit_form(walk, su, "visit", publish_at_0=_tomorrow()),
    ),
    Publication(
        "draft visit published",
        _change(Visit, "once public visit"),
        lambda walk, su: _visit_form(
            walk, su, "once public visit", status=PublicationStatus.PUBLISHED
        ),
    ),
    Publication(
        "public visit moved into an unpublished relationship",
        _change(Visit, "visit"),
        lambda walk, su: _visit_form(
            walk, su, "visit", relationship=str(walk.objects["hidden relationship"].pk)
        ),
    ),
    Publication(
        "released visit moved into the published relationship",
        _change(Visit, "released hidden visit"),
        lambda walk, su: _visit_form(
            walk, su, "released hidden visit", relationship=str(walk.objects["relationship"].pk)
        ),
    ),
    Publication(
        "public visit's correction deleted in its inline",
        _change(Visit, "visit"),
        lambda walk, su: _inline_delete(walk, su, "correction"),
    ),
    Publication(
        "public visit's photo deleted in its inline",
        _change(Visit, "visit"),
        lambda walk, su: _inline_delete(walk, su, "photo"),
        changes_publication=False,
    ),
    Publication(
        "published relationship withdrawn",
        _change(Relationship, "relationship"),
        lambda walk, su: _relationship_form(walk, su, "relationship", published=False),
    ),
    Publication(
        "unpublished relationship published",
        _change(Relationship, "hidden relationship"),
        lambda walk, su: _relationship_form(walk, su, "hidden relationship", published=True),
    ),
    Publication(
        "public visit reverted to its draft version",
        *_revert(Visit, "visit", status=PublicationStatus.DRAFT),
    ),
    Publication(
        "draft visit reverted to its published version",
        *_revert(Visit, "once public visit", status=PublicationStatus.PUBLISHED),
    ),
    Publication(
        "published relationship reverted to its unpublished version",
        *_revert(Relationship, "relationship", is_published=False),
    ),
    Publication(
        "unpublished relationship reverted to its published version",
        *_revert(Relationship, "hidden relationship", is_published=True),
    ),
    Publication(
        "visits published from the list",
        lambda walk: _admin_url(Visit, "changelist"),
        lambda walk, su: {
            "action": "publish_selected",
            "_selected_action": list(Visit.objects.values_list("pk", flat=True)),
            "index": "0",
        },
    ),
    Publication(
        "relationships published from the list",
        lambda walk: _admin_url(Relationship, "changelist"),
        lambda walk, su: {
            "action": "publish_selected",
            "_selected_action": list(Relationship.objects.values_list("pk", flat=True)),
            "index": "0",
        },
    ),
    Publication(
        "import confirmed with publish on",
        lambda walk: _url("relationship-import:confirm", token="walk"),
        lambda walk, su: {},
    ),
]


@pytest.mark.parametrize("case", PUBLICATION, ids=lambda case: case.name)
def test_editor_leaves_the_public_view_as_it_was(walk, db, case):
    data = case.data(walk, walk.client("superuser"))
    url, response, changed, public = _post_and_compare(walk, "editor", case.url(walk), data)

    assert response.status_code < 500, f"editor POST {url}: {response.status_code}"
    assert not public, f"editor POST {url} changed what the public sees:\n" + "\n".join(public)
    if not case.changes_publication:
        assert changed, f"editor POST {url} was refused: {_form_errors(response)}"


@pytest.mark.parametrize("case", PUBLICATION, ids=lambda case: case.name)
def test_publisher_may_change_the_public_view(walk, db, case):
    """The same posts change what the public sees when a Publisher makes them: each case
    above is one that would show a hole."""
    data = case.data(walk, walk.client("superuser"))
    url, response, changed, public = _post_and_compare(walk, "publisher", case.url(walk), data)

    assert response.status_code == 302, f"publisher POST {url}: {_form_errors(response)}"
    assert changed, f"publisher POST {url} changed no row"
    assert bool(public) == case.changes_publication, f"publisher POST {url}: {public}"
