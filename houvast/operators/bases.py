"""The two kinds of admin pages in /beheer/: no adding or deleting, and reading only."""

from django.contrib import admin


class NoAddOrDeleteAdmin(admin.ModelAdmin):
    """Operators look and change a few fields; accounts, organisations and teams are made and removed in
    the app, where the rules for them live."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoAddOrDeleteAdmin):
    def has_change_permission(self, request, obj=None):
        return False
