"""The patient's part of the dashboard: their own plan, one tap from the crisis part."""

from .models import Plan


def patient_section(request):
    plans = list(Plan.objects.filter(patient=request.user).select_related("owner"))
    if not plans:
        return None
    return {"template": "plans/_patient_dashboard.html", "plans": plans}
