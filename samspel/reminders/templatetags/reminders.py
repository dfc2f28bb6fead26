from django import template

from samspel.reminders.status import reminder_rows as rows_for

register = template.Library()


@register.simple_tag
def reminder_rows(activity):
    """{% reminder_rows activity as rows %}: the fragment computes its own rows."""
    return rows_for(activity)
