"""Outside the admin, a session that has not passed its second factor is a visitor's."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from jeiweb.admin.second_factor.devices import passed_second_factor


class SecondFactorMiddleware:
    """After OTPMiddleware: a signed-in user who has not passed the second factor is anonymous
    everywhere but under the admin (where the login, the second step and the enrolment live,
    and EditingSite refuses the rest). A password alone so shows no CMS toolbar, no draft
    preview and no staff page of the public site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: the session is left untouched, so an
        # anonymous page gains no `Vary: Cookie` (as in StaffContentSecurityPolicyMiddleware).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not passed_second_factor(user) and not self._in_admin(request):
            request.user = AnonymousUser()
            request.auser = self._anonymous
        return self.get_response(request)

    @staticmethod
    async def _anonymous():
        return AnonymousUser()

    @staticmethod
    def _in_admin(request):
        # The admin's root in the request's language (LocaleMiddleware activated it).
        return request.path.startswith(reverse("admin:index"))
