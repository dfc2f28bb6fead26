from django import template

from samspel.reminders.status import reminder_rows as rows_for

register = template.Library()


@register.simple_tag(takes_context=True)
def reminder_rows(context, activity):
    """{% reminder_rows activity as rows %}: the fragment computes its own rows for the request's
    user. The read is audited by the page that includes it (the activity page's one view event,
    whose path names the activity)."""
    return rows_for(activity, context["request"].user)
