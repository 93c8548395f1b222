"""What a query or update may reach outside the store: ``SERVICE`` targets and ``LOAD``.

pyoxigraph evaluates ``SERVICE <iri>`` and ``LOAD <iri>`` with its own HTTP client, and offers
no hook to vet the address it connects to. Left alone, the endpoint would be a proxy into the
host's network (``SERVICE <http://127.0.0.1:6379/>``, cloud metadata at 169.254.169.254, ...).
So the request text is read here first: every ``SERVICE`` target is resolved (prefixes, BASE)
and its host looked up, and a target on a loopback, private, link-local or otherwise
non-public address is refused unless the operator allows it; ``SERVICE ?variable`` cannot be
checked before evaluation and is refused likewise. ``LOAD`` is refused unless allowed, and
then its targets follow the same address rule.

Known limits, stated rather than hidden: the host is looked up here and again by pyoxigraph,
so a hostile DNS server could answer differently the second time (rebinding), and pyoxigraph
may follow an HTTP redirect. Operators who need certainty should also firewall the process.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from server.errors import BadRequest, Forbidden
from server.sparql_text import Token, iri_value, tokens

_PN_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True, slots=True)
class Reach:
    """What a request reaches outside the store."""

    services: tuple[str, ...]
    """Absolute ``SERVICE`` IRIs, as the engine will resolve them."""
    variable_service: bool
    """A ``SERVICE ?x`` whose target is only known during evaluation."""
    loads: tuple[str, ...]
    """Absolute IRIs of the update's ``LOAD`` operations."""


def _target(
    keyword: str, after: list[Token], base: str | None, known: Mapping[str, str]
) -> str | None:
    """The absolute IRI after ``SERVICE``/``LOAD`` [``SILENT``]; ``None`` for a variable."""
    if after and after[0].kind == "word" and after[0].text.upper() == "SILENT":
        after = after[1:]
    if not after:
        raise BadRequest(f"{keyword} without a target")
    target = after[0]
    if target.kind == "var" and keyword == "SERVICE":
        return None
    if target.kind == "iri":
        return urljoin(base or "", iri_value(target.text))
    if target.kind == "pname":
        prefix, _, local = target.text.partition(":")
        if prefix not in known:
            raise BadRequest(f"the prefix '{prefix}:' of {keyword} {target.text} is not declared")
        return known[prefix] + _PN_ESCAPE.sub(r"\1", local)
    raise BadRequest(f"cannot read the {keyword} target {target.text!r}")


def reach(text: str, *, base: str | None, prefixes: Mapping[str, str]) -> Reach:
    """Read the ``SERVICE`` targets and ``LOAD`` operations of a query or update.

    Strings and comments are skipped; ``PREFIX``/``BASE`` declarations in the text (after the
    given ``prefixes`` and ``base``) resolve prefixed and relative IRIs.

    Raises:
        BadRequest: a ``SERVICE`` or ``LOAD`` whose target cannot be read, or whose prefix is
            not declared.

    >>> reach('PREFIX w: <https://query.wikidata.org/> SELECT * { SERVICE w:sparql {} }',
    ...       base=None, prefixes={}).services
    ('https://query.wikidata.org/sparql',)
    """
    known = dict(prefixes)
    services: list[str] = []
    loads: list[str] = []
    variable = False
    toks = tokens(text)
    for i, token in enumerate(toks):
        if token.kind != "word":
            continue
        keyword = token.text.upper()
        after = toks[i + 1 : i + 3]
        if (
            keyword == "PREFIX"
            and len(after) == 2
            and after[0].kind == "pname"
            and after[1].kind == "iri"
        ):
            known[after[0].text[:-1]] = urljoin(base or "", iri_value(after[1].text))
        elif keyword == "BASE" and after and after[0].kind == "iri":
            base = urljoin(base or "", iri_value(after[0].text))
        elif keyword in ("SERVICE", "LOAD"):
            target = _target(keyword, toks[i + 1 : i + 3], base, known)
            if target is None:
                variable = True
            else:
                (services if keyword == "SERVICE" else loads).append(target)
    return Reach(tuple(services), variable, tuple(loads))


Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (empty when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _public(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_target(iri: str, resolver: Resolver = resolve_host, *, keyword: str = "SERVICE") -> None:
    """Refuse a ``SERVICE`` (or ``LOAD``) target that is not an http(s) IRI of a public host.

    Raises:
        Forbidden: another scheme, no host, or a host with a non-public address.
    """
    parts = urlsplit(iri)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise Forbidden(f"{keyword} <{iri}>: only http(s) IRIs can be fetched")
    host = parts.hostname
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = resolver(host)
    private = [a for a in addresses if not _public(a)]
    if private:
        raise Forbidden(
            f"{keyword} <{iri}>: {host} is a loopback, private or reserved address "
            f"({private[0]}); fetching from such addresses is off (the operator "
            "can allow it with --allow-private-service)"
        )


def vet(
    text: str,
    *,
    base: str | None,
    prefixes: Mapping[str, str],
    allow_private_service: bool,
    allow_load: bool,
    resolver: Resolver = resolve_host,
) -> None:
    """Refuse a query or update that would reach where the operator has not allowed.

    Raises:
        Forbidden: a ``LOAD`` while loading is off, ``SERVICE ?var`` or a non-public
            ``SERVICE`` target while those are off.
        BadRequest: a ``SERVICE`` target that cannot be read.
    """
    found = reach(text, base=base, prefixes=prefixes)
    if found.loads and not allow_load:
        raise Forbidden(
            "LOAD is disabled on this server (the operator can enable it with "
            "--allow-load); send data with the Graph Store Protocol instead"
        )
    if allow_private_service:
        return
    if found.variable_service:
        raise Forbidden(
            "SERVICE with a variable target cannot be checked before it runs and "
            "is refused; name the endpoint IRI"
        )
    for iri in found.services:
        check_target(iri, resolver)
    for iri in found.loads:
        check_target(iri, resolver, keyword="LOAD")
