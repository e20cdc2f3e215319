"""Response headers that every answer carries, static files and error pages included."""

from django.conf import settings


def permissions_policy(features_on):
    """The Permissions-Policy value: every powerful browser feature off, except those we use ourselves."""
    parts = []
    for feature in settings.PERMISSIONS_POLICY_FEATURES:
        parts.append(f"{feature}=(self)" if feature in features_on else f"{feature}=()")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    """Camera, microphone, location, payment, USB and the rest: off for this site and all it embeds.

    Placed first in MIDDLEWARE, so WhiteNoise's static files and the error pages get the header too.
    Fullscreen stays on for our own pages (the presenter view); the clipboard is not listed (copy buttons).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy(features_on={"fullscreen"})

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.value)
        return response
