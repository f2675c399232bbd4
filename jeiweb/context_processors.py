from django.conf import settings


def site_settings(request):
    """Site-wide settings that templates show: the ICP licence number in the footer."""
    return {"ICP_LICENCE": settings.ICP_LICENCE}
