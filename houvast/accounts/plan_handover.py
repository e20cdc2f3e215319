"""A member who is the clinician of plans leaves a team: a beheerder first chooses who takes them over.

Without this the plans would keep an owner outside the team, and nobody could manage or delete them.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from houvast.plans.ownership import owned_plans, transfer_plans

from .models import Membership, User


class NewOwnerForm(forms.Form):
    new_owner = forms.ModelChoiceField(
        queryset=Membership.objects.none(),
        label=_("Wie neemt de plannen over?"),
        empty_label=_("Kies een collega"),
        error_messages={
            "required": _("Kies wie de plannen overneemt."),
            "invalid_choice": _("Deze persoon zit niet (meer) in het team. Kies iemand anders."),
        },
    )

    def __init__(self, *args, team, leaving, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["new_owner"]
        field.queryset = (
            team.memberships.exclude(user=leaving)
            .filter(user__kind=User.Kind.PROFESSIONAL)
            .select_related("user")
            .order_by("user__name", "user__email")
        )
        field.label_from_instance = lambda membership: membership.user.display_name


def plan_count(team, user):
    return owned_plans(team, user).count()


def handover_form(request, team, leaving):
    """The form, bound only when the page itself was posted (it has the `new_owner` field)."""
    data = request.POST if "new_owner" in request.POST else None
    return NewOwnerForm(data, team=team, leaving=leaving)


def hand_over(team, leaving, form, by_user):
    """Call inside the transaction that removes the membership."""
    return transfer_plans(team, leaving, form.cleaned_data["new_owner"].user, by_user)


def handover_page(request, team, member, form, count):
    status = 400 if form.is_bound else 200
    context = {"team": team, "member": member, "form": form, "count": count}
    return render(request, "accounts/member_plans.html", context, status=status)
