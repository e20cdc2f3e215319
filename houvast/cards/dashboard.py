from django.utils import timezone

from .models import ShareLink
from .permissions import selections_for_user


def section(request):
    """Your card selections and the share links that still work; None for non-professionals."""
    user = request.user
    if not user.is_authenticated or not user.is_professional:
        return None
    selections = selections_for_user(user)
    links = ShareLink.objects.filter(
        selection__in=selections, revoked=None, expires__gt=timezone.now()
    ).select_related("selection")
    return {"template": "cards/_dashboard.html", "selections": selections[:5], "links": links[:5]}
