from houvast.accounts.permissions import teams_for_user

from .engine import werkvorm_of
from .models import Session


def section(request):
    """The live sessions of the professional's teams, newest first; None for anyone else."""
    user = request.user
    if not user.is_authenticated or not user.is_professional:
        return None
    sessions = list(Session.objects.filter(team__in=teams_for_user(user)).select_related("team")[:10])
    for session in sessions:
        werkvorm = werkvorm_of(session)
        session.title = werkvorm.title if werkvorm else session.werkvorm
    return {"template": "workshops/_dashboard.html", "sessions": sessions}
