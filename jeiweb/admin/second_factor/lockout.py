"""The second step counts towards the login lockout (django-axes), as the password does.

A wrong code is reported as a failed login of that account from that address (Django's
`user_login_failed`, which axes records): AXES_FAILURE_LIMIT wrong passwords and codes
together lock the account and the address for AXES_COOLOFF_HOURS. The count is cleared only
once the second factor is passed (AXES_RESET_ON_SUCCESS is off), so that signing in again with
the right password does not give an attacker a fresh set of guesses.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed

from jeiweb.security.clients import client_ip


def _credentials(user):
    return {"username": user.get_username()}


def is_locked_out(request, user):
    return not AxesProxyHandler.is_allowed(request, _credentials(user))


def lockout_response(request, user):
    """Our lockout page (429, AXES_LOCKOUT_TEMPLATE); the half-signed-in session ends with it."""
    credentials = _credentials(user)
    logout(request)
    return get_lockout_response(request, credentials=credentials)


def record_wrong_code(request, user):
    """Count a wrong code against the account and the address (AxesMiddleware answers with the
    lockout page once the limit is reached: request.axes_locked_out)."""
    AxesProxyHandler.update_request(request)
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)


def forget_failures(request, user):
    """The person proved both factors: their earlier failures no longer count."""
    AxesProxyHandler.reset_attempts(
        username=user.get_username(), ip_address=client_ip(request), ip_or_username=True
    )
