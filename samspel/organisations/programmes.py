"""The five built-in working models (DOMAIN.md §3), by stable key.

The programme engine defines each one fully in data; teams refer to them by key.
"""

from django.utils.translation import gettext_lazy as _

FOSTER_HOME_PROCESS = "process-i-rorelse"
TOGETHER_FOR_THE_FAMILY = "sammen-om-familien"
BFAMILY = "bfamily"
FIFA = "fifa"
FAMILY_NAVIGATOR = "familjelotsen"

PROGRAMME_CHOICES = [
    (FOSTER_HOME_PROCESS, _("En process i rörelse (foster-home support)")),
    (TOGETHER_FOR_THE_FAMILY, _("Sammen om familien (children with disabilities)")),
    (BFAMILY, _("B'family open care")),
    (FIFA, _("FIFA family-oriented substance-abuse care")),
    (FAMILY_NAVIGATOR, _("Familjelotsen (family navigator)")),
]
