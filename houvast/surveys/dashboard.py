from .permissions import rounds_for_user


def section(request):
    """The stellingen rounds of the user's teams, newest first."""
    if not request.user.is_authenticated or not request.user.is_professional:
        return None
    return {"template": "surveys/_dashboard.html", "rounds": list(rounds_for_user(request.user)[:10])}
