"""WebSocket routes of every app, gathered for asgi.py."""

from houvast.workshops.routing import websocket_urlpatterns as workshop_routes

websocket_urlpatterns = [*workshop_routes]
