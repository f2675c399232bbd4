"""The admin site: it speaks as the institute, and each role sees its part of it.

`EditingSite` is the default admin site (jeiweb/admin/apps.py), so every package registers
its model admins on it. Every model admin view, Django's and the packages' own, goes through
`admin_view` (ModelAdmin.get_urls wraps each view with `self.admin_site.admin_view`), and
there the site checks that a staff user holds a permission on the model whose pages the URL
is under, `<app_label>/<model_name>/…` (or on what that model serves:
jeiweb/admin/roles.py): a news editor asking for any page of cms, versioning, aliases, users,
groups, sites or axes gets 403 before the view runs. Django and the packages check
permissions view by view; some of their views (django CMS's draft previews, its placeholder
endpoints, the version list) let any staff user in. Superusers pass; anonymous visitors and
users who are not staff are sent to the login page, as Django's admin_view does.

Every staff member also needs a second factor (jeiweb/admin/second_factor/): `has_permission`
asks that the session passed one, and a staff member signed in with the password alone is
sent on from the login page and from every admin view to the second step (or, with no device
yet, to the enrolment). django CMS's editing runs under these URLs, so it is covered too.
"""

from functools import wraps

from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from jeiweb.admin.cms_views import DRAFT_VIEWS, answer_bad_input, may_read_drafts_of
from jeiweb.admin.review_views import review_count, review_queue_view, review_record_view
from jeiweb.admin.roles import may_enter
from jeiweb.admin.second_factor import views as second_factor
from jeiweb.admin.second_factor.devices import passed_second_factor
from jeiweb.admin.views import editors_guide_view, translation_status_view


class EditingSite(AdminSite):
    """The staff's side of the website, in the editor's language (never "Django administration")."""

    site_header = _("CQMU–UoL Joint Educational Institute")
    site_title = _("Website editing")
    index_title = _("Edit the website")

    def has_permission(self, request):
        return super().has_permission(request) and passed_second_factor(request.user)

    @staticmethod
    def awaits_second_factor(request):
        """A staff member signed in with the password only: the second step comes next."""
        user = request.user
        return user.is_active and user.is_staff and not passed_second_factor(user)

    def to_second_factor(self, request, target):
        return HttpResponseRedirect(second_factor.with_next("admin:second-factor", target))

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """Django's login (the password, counted by django-axes), then the second step."""
        if self.awaits_second_factor(request):
            return self.to_second_factor(request, second_factor.next_url(request))
        response = super().login(request, extra_context)
        if request.method == "POST" and self.awaits_second_factor(request):
            return self.to_second_factor(request, second_factor.next_url(request))
        return response

    def model_label(self, request):
        """The "app_label.model_name" of the model admin whose URLs the request is in; None
        for the site's own views (the index, an app's index, the password change…)."""
        root = reverse(f"{self.name}:index", current_app=self.name)
        if not request.path.startswith(root):
            # LocaleMiddleware makes the URL's language the active one, so this never happens;
            # if it did, the request would be refused rather than let through unchecked.
            raise PermissionDenied
        app_label, _slash, rest = request.path.removeprefix(root).partition("/")
        label = f"{app_label}.{rest.partition('/')[0]}"
        registered = {model._meta.label_lower for model in self._registry}
        return label if label in registered else None

    def admin_view(self, view, cacheable=False):
        """Django's admin_view (staff only, no caching, CSRF), with the role's check inside it."""

        @wraps(view)
        def in_role(request, *args, **kwargs):
            user = request.user
            url_name = request.resolver_match.url_name if request.resolver_match else None
            if not user.is_superuser:
                label = self.model_label(request)
                if label is not None and not may_enter(user, label):
                    raise PermissionDenied
                if url_name in DRAFT_VIEWS and not may_read_drafts_of(user, args[0]):
                    raise PermissionDenied
            return answer_bad_input(view, url_name, request, *args, **kwargs)

        guarded = super().admin_view(in_role, cacheable)

        @wraps(view)
        def second_factor_first(request, *args, **kwargs):
            if self.awaits_second_factor(request):
                if request.resolver_match and request.resolver_match.url_name == "logout":
                    return self.logout(request)  # leaving needs no second factor
                return self.to_second_factor(request, request.get_full_path())
            return guarded(request, *args, **kwargs)

        return second_factor_first

    def get_urls(self):
        return [
            path("translations/", self.admin_view(translation_status_view), name="translation-status"),
            path("guide/", self.admin_view(editors_guide_view), name="editors-guide"),
            path("review/", self.admin_view(review_queue_view), name="review-queue"),
            path(
                "review/<str:app_label>/<str:model_name>/<int:pk>/",
                self.admin_view(review_record_view),
                name="review-record",
            ),
            path("second-factor/", second_factor.verify_view, name="second-factor"),
            path("second-factor/enrol/", second_factor.enrol_view, name="second-factor-enrol"),
            path(
                "second-factor/recovery-codes/",
                self.admin_view(second_factor.recovery_codes_view),
                name="recovery-codes",
            ),
            path(
                "sign-in-security/",
                self.admin_view(second_factor.sign_in_security_view),
                name="sign-in-security",
            ),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        """The index, with how many records await this approver's review (none: not an approver)."""
        extra_context = {"review_count": review_count(request.user), **(extra_context or {})}
        return super().index(request, extra_context)

    def replace(self, model, admin_class):
        """Register `admin_class` for `model` in place of the admin a package registered."""
        if isinstance(self._registry.get(model), admin_class):
            return
        if self.is_registered(model):
            self.unregister(model)
        self.register(model, admin_class)
