"""`{% layout_part "name" %}…{% endlayout_part %}`: a part of the site's layout rendered once and kept.

The header and footer around every page (navigation, language form, account links, crisis numbers) cost
~0.6 ms of template work per page, the same for everyone who sees the same page in the same language.
The part is rendered once per process for each page template, language, signed in or not, and current
navigation item, and kept; only the CSRF token and the page's own address (the language form's `next`)
differ per request and are put in afterwards, escaped. Inside the part, use `{% csrf_token %}` as usual
and `{{ layout_next }}` for the page's own address.

Nothing personal may go in a part: it is shared by everyone with the same key. Use the page template's
blocks and context for that.
"""

import secrets

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_MARK = secrets.token_hex(8)
CSRF_MARK = f"csrf{_MARK}"
NEXT_MARK = f"next{_MARK}"
MAX_PARTS = 2000  # (page templates × languages × signed in or not × nav items): a few hundred in practice

_parts = {}


@register.tag
def layout_part(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('layout_part takes a name: {% layout_part "header" %}')
    nodelist = parser.parse(("endlayout_part",))
    parser.delete_first_token()
    return LayoutPartNode(bits[1].strip("\"'"), nodelist)


class LayoutPartNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        key = self._key(context, request)
        html = _parts.get(key)
        if html is None:
            with context.push(csrf_token=CSRF_MARK, layout_next=NEXT_MARK):
                html = self.nodelist.render(context)
            if len(_parts) >= MAX_PARTS:
                _parts.clear()
            _parts[key] = html
        if CSRF_MARK in html:
            html = html.replace(CSRF_MARK, conditional_escape(get_token(request)))
        if NEXT_MARK in html:
            html = html.replace(NEXT_MARK, conditional_escape(request.get_full_path()))
        return mark_safe(html)

    def _key(self, context, request):
        match = getattr(request, "resolver_match", None)
        user = context.get("user")
        return (
            self.name,
            context.template.origin.name if context.template else None,
            get_language(),
            bool(getattr(user, "is_authenticated", False)),
            (match.app_name, match.url_name) if match else None,
            settings.DEBUG,
        )
