"""The name django-axes counts failed logins under: the email address, lower-cased."""


def lockout_username(request, credentials):
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return value.strip().lower() if isinstance(value, str) else None


def client_description(username, ip_address, user_agent, path_info, request):
    """How django-axes names a client in its log lines: the page only, never the address or the account."""
    return f"{{path_info: {path_info!r}}}"
