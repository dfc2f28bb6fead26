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
    context = {"form": form, "sends_later": sends_later_by_itself()}
    return render(request, "reminders/settings.html", context)


def sends_later_by_itself() -> bool:
    """False with the immediate task backend (`make run`): it cannot defer a task, so reminders
    due later go out only while `manage.py send_due_reminders --loop` runs."""
    from samspel.reminders.tasks import send_reminder

    return send_reminder.get_backend().supports_defer
