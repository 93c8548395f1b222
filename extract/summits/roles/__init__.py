"""Argument roles of a summit mention: who takes part, where it is, who invited.

:data:`ROLE_RULES` is the ordered registry :func:`read_roles` runs: first the trigger word's own
dependents (``roles/trigger.py``, one rule per construction, the first that claims a dependent
wins), then the clause around it (``roles/clause.py``). Every rule reads a frozen
:class:`~extract.summits.roles.state.Site` and adds to the :class:`Roles` being filled.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.rules import Registry
from extract.summits.roles.clause import (
    VERB_DEPENDENT_RULES,
    conference_partner,
    invitation_possessor,
    invitation_to_make,
    read_verb_dependents,
    verb_subject,
    visitor_by_on_verb,
)
from extract.summits.roles.state import Roles, Site
from extract.summits.roles.trigger import (
    TRIGGER_DEPENDENT_RULES,
    office_chain_owner,
    read_trigger_dependents,
)

ClauseRule = Callable[[Site, Roles], None]

ROLE_RULES: Registry[ClauseRule] = Registry("summit role")
# The order rules run in: the trigger's own words first, then the clause around it.
for _name, _rule in (
    ("trigger_dependents", read_trigger_dependents),
    ("office_chain_owner", office_chain_owner),
    ("visitor_by_on_verb", visitor_by_on_verb),
    ("conference_partner", conference_partner),
    ("verb_subject", verb_subject),
    ("invitation_possessor", invitation_possessor),
    ("verb_dependents", read_verb_dependents),
    ("invitation_to_make", invitation_to_make),
):
    ROLE_RULES.register(_name)(_rule)


def read_roles(site: Site) -> Roles:
    """Run :data:`ROLE_RULES` over one trigger."""
    roles = Roles()
    for rule in ROLE_RULES:
        rule(site, roles)
    return roles


__all__ = [
    "ROLE_RULES",
    "TRIGGER_DEPENDENT_RULES",
    "VERB_DEPENDENT_RULES",
    "Roles",
    "Site",
    "read_roles",
]
