"""The organisation's reminder settings, for its org admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.organisations.access import organisation_for_admin
from samspel.reminders.forms import ReminderSettingsForm
from samspel.reminders.scheduling import settings_for


@require_http_methods(["GET", "POST"])
@login_required
def reminder_settings(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    current = settings_for(organisation)
    form = ReminderSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.organisation = organisation
            saved.save()
            record(
                request,
                Action.UPDATE,
                saved,
                lead_times=saved.lead_times,
                email=saved.email_enabled,
                sms=saved.sms_enabled,
            )
        messages.success(
            request,
            _("Reminder settings saved. They apply to activities planned or moved from now on."),
        )
        return redirect("reminders:settings")
    return render(request, "reminders/settings.html", {"form": form})
