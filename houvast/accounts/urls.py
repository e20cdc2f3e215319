from django.urls import path

from . import views, views_2fa, views_teams

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("aanmelden/", views.signup, name="signup"),
    path("aanmelden/verstuurd/", views.signup_done, name="signup_done"),
    path("bevestigen/<str:token>/", views.confirm_email, name="confirm_email"),
    path("bevestigen-opnieuw/", views.resend_confirmation, name="resend_confirmation"),
    path("instellingen/", views.account_settings, name="settings"),
    path("wachtwoord/wijzigen/", views.password_change, name="password_change"),
    path("wachtwoord/vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord/vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path("wachtwoord/nieuw/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("wachtwoord/nieuw/klaar/", views.password_reset_complete, name="password_reset_complete"),
    path("tweestaps/instellen/", views_2fa.setup_2fa, name="setup_2fa"),
    path("tweestaps/controle/", views_2fa.verify_2fa, name="verify_2fa"),
    path("tweestaps/uitzetten/", views_2fa.disable_2fa, name="disable_2fa"),
    path("tweestaps/reservecodes/", views_2fa.new_backup_codes, name="backup_codes"),
    path("organisaties/nieuw/", views_teams.organisation_create, name="organisation_create"),
    path("organisaties/<id:organisation_id>/", views_teams.organisation_settings, name="organisation"),
    path("teams/nieuw/", views_teams.team_create, name="team_create"),
    path("teams/<id:team_id>/", views_teams.team, name="team"),
    path("teams/<id:team_id>/uitnodigen/", views_teams.invite, name="invite"),
    path(
        "teams/<id:team_id>/uitnodigingen/<id:invitation_id>/intrekken/",
        views_teams.revoke_invitation,
        name="revoke_invitation",
    ),
    path("teams/<id:team_id>/leden/<id:membership_id>/rol/", views_teams.change_role, name="change_role"),
    path(
        "teams/<id:team_id>/leden/<id:membership_id>/verwijderen/",
        views_teams.remove_member,
        name="remove_member",
    ),
    path("teams/<id:team_id>/verlaten/", views_teams.leave, name="leave"),
    path("uitnodiging/<str:token>/", views_teams.invitation, name="invitation"),
    path(
        "uitnodigingen/<id:invitation_id>/accepteren/",
        views_teams.accept_from_dashboard,
        name="accept_invitation",
    ),
]
