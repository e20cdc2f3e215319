from django.db import models
from django.utils.translation import gettext_lazy as _


class SweepState(models.Model):
    """How each recurring sweep (houvast/lib/periodic.py) last went; the "heartbeat" row is the worker's
    pulse.

    Kept in the database, not the cache, so every app process reads the same heartbeat.
    """

    name = models.CharField(_("naam"), max_length=50, primary_key=True)
    last_started_at = models.DateTimeField(_("laatst gestart"), null=True, blank=True)
    last_succeeded_at = models.DateTimeField(_("laatst gelukt"), null=True, blank=True)
    last_failed_at = models.DateTimeField(_("laatst mislukt"), null=True, blank=True)
    # The exception's class only: its message could hold an address or a name.
    last_error = models.CharField(_("laatste fout"), max_length=200, blank=True)
    failures_in_a_row = models.PositiveIntegerField(_("keren achter elkaar mislukt"), default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("terugkerende taak")
        verbose_name_plural = _("terugkerende taken")

    def __str__(self):
        return self.name
