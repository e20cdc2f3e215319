"""The tablet hand-over: while a patient picks cards on the professional's device, the rest is locked.

Opening the "kies een kaartje" view locks the session to that selection's patient pages. Everything
else (the plans, the dashboard, other selections) asks for the professional's password first, so a
patient holding the tablet cannot walk into other patients' data.
"""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve

SESSION_KEY = "cards_handed_over"
PATIENT_VIEWS = {"cards:choose", "cards:chosen"}
ALWAYS_ALLOWED_VIEWS = {"cards:hand_back", "accounts:logout"}
ALWAYS_ALLOWED_PREFIXES = ("/static/", "/i18n/", "/healthz")


def lock(request, selection):
    request.session[SESSION_KEY] = selection.pk


def unlock(request):
    request.session.pop(SESSION_KEY, None)


def locked_selection_id(request):
    if not hasattr(request, "session"):
        return None
    return request.session.get(SESSION_KEY)


def is_allowed_while_locked(request, selection_id):
    if request.path.startswith(ALWAYS_ALLOWED_PREFIXES):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    if match.view_name in ALWAYS_ALLOWED_VIEWS:
        return True
    return match.view_name in PATIENT_VIEWS and match.kwargs.get("selection_id") == selection_id


class HandOverMiddleware:
    """While a device is handed to a patient, only their card pages open; the rest asks for a password."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        selection_id = locked_selection_id(request)
        user = getattr(request, "user", None)
        if (
            selection_id is not None
            and user is not None
            and user.is_authenticated
            and not is_allowed_while_locked(request, selection_id)
        ):
            return redirect("cards:hand_back")
        return self.get_response(request)
