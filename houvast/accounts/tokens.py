"""Signed email-confirmation links and random invitation tokens (stored only as a hash)."""

import hashlib
import secrets

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "houvast.accounts.confirm-email"


def make_confirm_token(user):
    """The signature covers the address, so a link stops working when the address changes."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    return signer.sign_object({"id": user.pk, "email": user.email})


def read_confirm_token(token):
    """Return (user_id, email) or raise signing.SignatureExpired / signing.BadSignature."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    data = signer.unsign_object(token, max_age=settings.EMAIL_CONFIRM_MAX_AGE)
    return data["id"], data["email"]


def new_invitation_token():
    """A random token for the link, and the hash we keep in the database."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()
