from django.utils import timezone

from .dashboard_patient import patient_section
from .permissions import plans_for_user


def section(request):
    """The professional's plans (most recently changed first) and plans whose review date has passed."""
    user = request.user
    if user.is_authenticated and user.is_patient:
        return patient_section(request)  # plans-patient: the patient's own plan
    if not user.is_authenticated or not user.is_professional:
        return None
    plans = plans_for_user(user).select_related("team")
    overdue = plans.filter(review_date__lt=timezone.localdate()).order_by("review_date")
    return {
        "template": "plans/_dashboard.html",
        "plans": plans.order_by("-updated")[:5],
        "overdue": overdue[:10],
    }
