from django import template

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.reminders.status import reminder_rows as rows_for

register = template.Library()


@register.simple_tag(takes_context=True)
def reminder_rows(context, activity):
    """{% reminder_rows activity as rows %}: the fragment computes its own rows for the request's
    user, and the read is audited (who saw which reminders of which activity)."""
    request = context["request"]
    rows = rows_for(activity, request.user)
    record(
        request,
        Action.VIEW,
        activity,
        object_type="reminders.status",
        case=str(activity.case.public_id),
        rows=len(rows),
    )
    return rows
