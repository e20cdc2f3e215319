from django.urls import re_path

from .consumers import SessionConsumer

websocket_urlpatterns = [re_path(r"^ws/sessies/(?P<code>[A-Za-z0-9]{4,12})/$", SessionConsumer.as_asgi())]
