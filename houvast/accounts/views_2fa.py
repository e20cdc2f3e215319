"""TOTP two-factor login: set up with a QR code, confirm, backup codes, verify at login, switch off."""

from base64 import b32encode

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.lib.qr import qr_svg
from houvast.lib.ratelimit import hit

from .forms import CodeForm, DisableTwoFactorForm
from .two_factor import has_device, make_backup_codes, organisation_requires, reset_second_factor, verify_code
from .views import safe_next

BACKUP_CODE_COUNT = 10


def _new_backup_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Reservecodes"), confirmed=True)
    return make_backup_codes(device, BACKUP_CODE_COUNT)


def _show_backup_codes(request, codes):
    response = render(request, "accounts/backup_codes.html", {"codes": codes})
    response["Cache-Control"] = "no-store"
    return response


def _grouped(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
def setup_2fa(request):
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return render(request, "accounts/two_factor_on.html", {"required": organisation_requires(user)})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator-app"), confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            django_otp.login(request, device)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return _show_backup_codes(request, _new_backup_codes(user))
        form.add_error(
            "code",
            _("Deze code klopt niet. Kijk of de tijd op je telefoon goed staat en typ de nieuwste code."),
        )
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr": qr_svg(device.config_url, scale=5, title=_("QR-code voor je authenticator-app")),
        "secret": _grouped(secret),
        "required": organisation_requires(user),
    }
    return render(request, "accounts/setup_2fa.html", context)


@never_cache
@login_required
def verify_2fa(request):
    user = request.user
    if user.is_verified() or not has_device(user):
        return redirect(safe_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not hit("verify-2fa", str(user.pk), 10, 15 * 60):
            form.add_error("code", _("Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw."))
        else:
            verified = verify_code(user, form.cleaned_data["code"])
            if verified:
                django_otp.login(request, verified)
                return redirect(safe_next(request))
            form.add_error(
                "code", _("Deze code klopt niet. Typ de nieuwste code uit je app, of een reservecode.")
            )
    return render(request, "accounts/verify_2fa.html", {"form": form, "next": safe_next(request)})


@never_cache
@login_required
def disable_2fa(request):
    user = request.user
    if not has_device(user):
        return redirect("accounts:settings")
    if organisation_requires(user):
        return render(request, "accounts/disable_2fa.html", {"required": True})
    form = DisableTwoFactorForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        if verify_code(user, form.cleaned_data["code"]):
            reset_second_factor(user)
            messages.success(request, _("Tweestapsverificatie staat uit."))
            return redirect("accounts:settings")
        form.add_error(
            "code", _("Deze code klopt niet. Typ de nieuwste code uit je app, of een reservecode.")
        )
    return render(request, "accounts/disable_2fa.html", {"form": form, "required": False})


@never_cache
@require_POST
@login_required
def new_backup_codes(request):
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect("accounts:setup_2fa")
    return _show_backup_codes(request, _new_backup_codes(request.user))
