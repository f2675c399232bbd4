"""Staff accounts: the password reset by e-mail.

django-axes locks out an account or an address after repeated failed logins (settings:
AXES_*; the address is jeiweb.security.clients.client_ip). The password reset is Django's own
views, wired under the admin's URLs so that the admin's login page shows its "Forgotten your
password?" link, in the language of the URL.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.urls import path, reverse_lazy


class StaffPasswordResetForm(PasswordResetForm):
    """Only staff accounts can be reset here: the public site has no accounts.

    The answer is the same whether or not an account has the address (Django's view always
    redirects to "done"), so the form tells nobody which addresses are known.
    """

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


# Under /<language>/admin/, ahead of the admin's own URLs. The names are those the admin's
# login template (admin_password_reset) and Django's views (the others) look for.
password_reset_urls = [
    path(
        "admin/password_reset/",
        auth_views.PasswordResetView.as_view(
            form_class=StaffPasswordResetForm,
            subject_template_name="registration/jeiweb_password_reset_subject.txt",
            email_template_name="registration/jeiweb_password_reset_email.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("password_reset_complete")),
        name="password_reset_confirm",
    ),
    path(
        "admin/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
