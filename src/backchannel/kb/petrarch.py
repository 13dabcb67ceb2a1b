"""Read PETRARCH / TABARI actor and agent dictionaries into knowledge-base records.

An actor dictionary is a series of records::

    PRIMARY_PHRASE_  [DEFAULT_CODE]   # optional default code, comments after # or ;
    +SYNONYM_PHRASE
    <TAB>[CODE 850103-130201]         # a dated restriction: d1-d2, <d, >d, or none
    <TAB>[CODE >130201]

Words are separated by ``_`` or blanks; a date is ``YYMMDD`` or ``YYYYMMDD``
(two-digit years 00-30 are 20YY, others 19YY, as KEDS and TABARI read them);
limits are inclusive, and a lone date means from that day on; the code
``---`` codes nothing. An agent dictionary has one noun per line,
``PHRASE {PLURAL} [~CODE]``, with substitution markers ``!NAME! = A, B``
and regular plurals made automatically.

``parse_actors`` and ``parse_agents`` turn the text into plain records, and
``actor_of`` / ``group_nouns_of`` map them onto the KB's model (``model.Actor``
with dated ``Role``s, ``GroupNoun``) through the CAMEO table in
``data/petrarch.yaml``. Every format problem raises ``KnowledgeBaseError``
naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.kb.records import GroupNoun
from backchannel.model import Actor, ActorKind, Role

_CODE = re.compile(r"[A-Z]{3,}|---")
_RESTRICTION = re.compile(r"^(?P<code>\S+)(?:\s+(?P<when>.*?))?\s*$")
_MARKER = re.compile(r"!([A-Z]+)!")
_COMMENT = re.compile(r"[#;]")
_WORD_BREAK = re.compile(r"[_\s]+")
NULL_CODE = "---"
CENTURY_PIVOT = 30  # YY <= 30 is 20YY


@dataclass(frozen=True, slots=True)
class Restriction:
    """One code of an actor, for the days ``start``..``end`` (ISO, inclusive; None: open)."""

    code: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One record of an actor dictionary, as written (phrases upper case, ``_`` kept)."""

    phrases: tuple[str, ...]  # the primary phrase first
    default: str  # "" when none
    restrictions: tuple[Restriction, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Cameo:
    """The CAMEO table from ``data/petrarch.yaml``."""

    sectors: dict[str, str]
    sector_codes: dict[str, str]  # KB sector → the agent code it is reported as
    plover_agent_codes: dict[str, str]  # a CAMEO agent code's part → PLOVER's
    plover_first_opposition: str  # CAMEO's OPP as a code's first part, in PLOVER
    transnational: dict[str, tuple[str, str]]
    united_nations: str
    organisation_words: frozenset[str]
    particles: frozenset[str]
    surname_first: frozenset[str]  # countries whose names put the family name first

    def plover(self, code: str) -> str:
        """A CAMEO agent code in PLOVER's types: ``HLH`` → ``MED``, ``OPPMED`` → ``CVLJRN``."""
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        out = [self.plover_agent_codes.get(p, p) for p in parts]
        if out and out[0] == "OPP":
            out[0] = self.plover_first_opposition
        return "".join(out)


@functools.cache
def cameo() -> Cameo:
    """The CAMEO code → country and sector table, read once per process."""
    path = resources.files("backchannel").joinpath("data", "petrarch.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Cameo(
        sectors={str(k): str(v) for k, v in raw["sectors"].items()},
        sector_codes={str(k): str(v) for k, v in raw["sector_codes"].items()},
        plover_agent_codes={str(k): str(v) for k, v in raw["plover_agent_codes"].items()},
        plover_first_opposition=str(raw["plover_first_opposition"]),
        transnational={
            str(k): (str(v["country"]), str(v["sector"])) for k, v in raw["transnational"].items()
        },
        united_nations=str(raw["united_nations"]),
        organisation_words=frozenset(raw["organisation_words"]),
        particles=_strings(raw["particles"], "particles"),
        surname_first=frozenset(raw["surname_first"]),
    )


def _strings(values: list[object], key: str) -> frozenset[str]:
    """A word list of ``data/petrarch.yaml``; an unquoted ``on`` would be YAML's true."""
    if not all(isinstance(v, str) for v in values):
        raise KnowledgeBaseError(f"data/petrarch.yaml: '{key}' must be words (quote yes/no/on/off)")
    return frozenset(v for v in values if isinstance(v, str))


# ── the text format ──────────────────────────────────────────────────────────


def _lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, content without comments, indented?) for every non-blank line.

    Comments run from ``#`` or ``;`` to the end of the line, or between
    ``<!--`` and ``-->`` over any number of lines.
    """
    html = "<!--" in text
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if html:
            line, in_comment = _outside_html_comment(line, in_comment)
        content = _COMMENT.split(line, maxsplit=1)[0]
        if content and not content.isspace():
            yield number, content.rstrip(), raw[:1] in {"\t", " "}


def _outside_html_comment(line: str, in_comment: bool) -> tuple[str, bool]:
    """The part of ``line`` outside ``<!-- … -->``, and whether a comment stays open."""
    if in_comment:
        end = line.find("-->")
        if end < 0:
            return "", True
        line = line[end + 3 :]
    start = line.find("<!--")
    if start < 0:
        return line, False
    end = line.find("-->", start + 4)
    if end < 0:
        return line[:start], True
    return line[:start] + line[end + 3 :], False


def _day(raw: str, where: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` → ISO day; anything else is a KnowledgeBaseError.

    As PETRARCH reads them: up to seven digits are ``YYMMDD`` and eight or more
    ``YYYYMMDD``, digits beyond those are ignored (the published dictionaries
    have a few such typos).
    """
    day = _iso_day(raw)
    if day is None:
        raise KnowledgeBaseError(f"{where}: date {raw!r} is not a day written YYMMDD or YYYYMMDD")
    return day


@functools.lru_cache(maxsize=65536)
def _iso_day(raw: str) -> str | None:
    if not raw.isdigit() or len(raw) < 6:
        return None
    if len(raw) <= 7:
        century = "20" if int(raw[:2]) <= CENTURY_PIVOT else "19"
        raw = century + raw[:6]
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()
    except ValueError:
        return None


def _bracket(content: str, where: str) -> tuple[str, str]:
    """Split ``PHRASE [INSIDE]`` into the phrase and what the brackets hold ("" when none)."""
    if "[" not in content:
        return content.strip(), ""
    phrase, _, rest = content.partition("[")
    inside, closed, after = rest.partition("]")
    if not closed:
        raise KnowledgeBaseError(f"{where}: '[' is not closed by ']'")
    if after.strip():
        raise KnowledgeBaseError(f"{where}: unexpected text after ']': {after.strip()!r}")
    return phrase.strip(), inside.strip()


def _check_code(code: str, where: str) -> str:
    if not _CODE.fullmatch(code):
        raise KnowledgeBaseError(
            f"{where}: {code!r} is not a CAMEO code (capital letters, e.g. USAGOV, or ---)"
        )
    return code


def _restriction(inside: str, where: str) -> Restriction:
    """``CODE``, ``CODE <d``, ``CODE >d`` or ``CODE d1-d2`` (blanks after < and > allowed)."""
    match = _RESTRICTION.match(inside)
    if match is None:
        raise KnowledgeBaseError(f"{where}: empty date restriction '[]'")
    code = _check_code(match["code"], where)
    when = (match["when"] or "").replace(" ", "")
    if not when:
        return Restriction(code, None, None)
    if when[0] == "<":
        return Restriction(code, None, _day(when[1:], where))
    if when[0] == ">":
        return Restriction(code, _day(when[1:], where), None)
    first, dash, last = when.partition("-")
    if not dash:  # a lone date: from that day on, as the published files use it
        return Restriction(code, _day(first, where), None)
    return Restriction(code, _day(first, where), _day(last, where))


def parse_actors(text: str, label: str) -> list[ActorEntry]:
    """Every record of an actor dictionary, in file order."""
    entries: list[ActorEntry] = []
    phrases: list[str] = []
    default = ""
    restrictions: list[Restriction] = []
    first_line = 0

    def close() -> None:
        if phrases:
            entries.append(ActorEntry(tuple(phrases), default, tuple(restrictions), first_line))

    for number, content, indented in _lines(text):
        where = f"{label}: line {number}"
        stripped = content.strip()
        if indented and stripped.startswith("["):
            if not phrases:
                raise KnowledgeBaseError(f"{where}: a date restriction before any actor phrase")
            _, inside = _bracket(stripped, where)
            restrictions.append(_restriction(inside, where))
        elif stripped.startswith("+"):
            if not phrases:
                raise KnowledgeBaseError(f"{where}: a '+' synonym before any actor phrase")
            phrase, _ = _bracket(stripped[1:], where)  # a synonym's own code is not used
            phrases.append(_phrase(phrase, where))
        else:
            close()
            phrase, inside = _bracket(stripped, where)
            phrases, restrictions, first_line, default = [_phrase(phrase, where)], [], number, ""
            if inside:  # a default code, or a restriction written on the same line
                first = _restriction(inside, where)
                if first.start is None and first.end is None:
                    default = first.code
                else:
                    restrictions.append(first)
    close()
    return entries


def _phrase(phrase: str, where: str) -> str:
    if not phrase.strip("_ "):
        raise KnowledgeBaseError(f"{where}: an empty phrase")
    return phrase


def words(phrase: str) -> list[str]:
    """The words of a dictionary phrase: separated by ``_`` or blanks."""
    return [w for w in _WORD_BREAK.split(phrase) if w]


def parse_agents(text: str, label: str) -> list[tuple[str, str]]:
    """(noun phrase in lower case, CAMEO agent code) for every singular and plural form.

    A line without a code codes nothing and is left out, as the null code is.
    """
    markers: dict[str, list[str]] = {}
    found: list[tuple[str, str]] = []
    for number, content, _ in _lines(text):
        where = f"{label}: line {number}"
        stripped = content.strip()
        if stripped.startswith("!") and "=" in stripped:
            name, _, values = stripped.partition("=")
            marker = _MARKER.fullmatch(name.strip())
            if marker is None:
                raise KnowledgeBaseError(f"{where}: a substitution marker is written !NAME! = A, B")
            markers[marker[1]] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        if "[" in stripped and stripped.endswith("}") and "]" not in stripped:
            stripped = stripped[:-1] + "]"  # "[~LEG}", as PETRARCH's own manual writes it
        phrase, code = _bracket(stripped, where)
        if not code:
            continue
        if "~" not in code:
            raise KnowledgeBaseError(f"{where}: agent code {code!r} has no '~' (e.g. [~GOV])")
        code = code.replace("~", "")
        if code:
            _check_code(code, where)
        for form in _agent_forms(phrase, markers, where):
            found.append((form, code))
    return found


def _agent_forms(phrase: str, markers: dict[str, list[str]], where: str) -> list[str]:
    """The singular and plural forms of one agent phrase, markers expanded."""
    root, brace, rest = phrase.partition("{")
    plurals: list[str]
    if brace:
        inside, closed, _ = rest.partition("}")
        if not closed:
            raise KnowledgeBaseError(f"{where}: '{{' is not closed by '}}'")
        plurals = [inside] if inside.strip() else []
    else:
        plurals = [] if _MARKER.search(root) else [plural(root.strip().rstrip("_"))]
    forms: list[str] = []
    for written in (root, *plurals):
        for form in _expand(written.strip().rstrip("_"), markers, where):
            text = " ".join(words(form)).casefold()
            if text and text not in forms:
                forms.append(text)
    return forms


def _expand(phrase: str, markers: dict[str, list[str]], where: str) -> list[str]:
    match = _MARKER.search(phrase)
    if match is None:
        return [phrase]
    if match[1] not in markers:
        raise KnowledgeBaseError(f"{where}: unknown substitution marker !{match[1]}!")
    out: list[str] = []
    for value in markers[match[1]]:
        out.extend(_expand(phrase[: match.start()] + value + phrase[match.end() :], markers, where))
    return out


def plural(phrase: str) -> str:
    """The regular plural of the last word of a phrase in upper case: +S, Y → IES, SS → ES."""
    if phrase.endswith("SS"):
        return phrase + "ES"
    if phrase.endswith("Y") and phrase[-2:-1] not in {"A", "E", "O", "U"}:
        return phrase[:-1] + "IES"
    return phrase + "S"


# ── onto the KB's model ──────────────────────────────────────────────────────


@functools.lru_cache(maxsize=4096)
def country_and_sector(code: str, states: frozenset[str]) -> tuple[str, str] | None:
    """(KB country, sector) of a CAMEO actor code; None when the country is unknown.

    ``CHNGOV`` → (CHN, government); ``IGOEUREEC`` → (IGO, government);
    ``IGOUNO`` → (UNO, government); a bare ``FRA`` → (FRA, "").
    """
    table = cameo()
    head, parts = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head in table.transnational:
        country, fallback = table.transnational[head]
        if head == "IGO" and parts[:1] == [table.united_nations]:
            country = table.united_nations
    elif head in states:
        country, fallback = head, ""
    else:
        return None
    sector = next((table.sectors[p] for p in parts if p in table.sectors), fallback)
    return country, sector


def kind_of(phrase: str) -> ActorKind:
    """A body when the primary phrase ends in an organisation word, else a person."""
    split = words(phrase)
    last = split[-1].casefold() if split else ""
    return "organization" if last in cameo().organisation_words else "person"


def display_name(phrase: str) -> str:
    """``FRANCOIS_MITTERRAND_`` → ``Francois Mitterrand``: for tables, never matched."""
    return " ".join(words(phrase)).title()


def actor_of(entry: ActorEntry, actor_id: str, states: frozenset[str]) -> Actor | None:
    """The entry as a KB actor with dated roles; None when it names only a place.

    A record whose every code is a bare country (``AFGHANISTAN_ [AFG]`` with its
    cities and provinces as synonyms) names places, which the KB's states
    cover. Codes of countries the KB does not know are left out.
    """
    codes = [entry.default, *(r.code for r in entry.restrictions)]
    bare = {NULL_CODE, *(c for c in codes if len(c) == 3 and c not in cameo().transnational)}
    if all(c in bare for c in codes if c):
        return None
    undated = [r.code for r in entry.restrictions if r.start is None and r.end is None]
    default_code = entry.default or (undated[0] if undated else "")
    roles = []
    for r in entry.restrictions:
        mapped = country_and_sector(r.code, states) if r.code != NULL_CODE else None
        # a range that ends before it starts (a typo in the published files) never holds
        dated = r.start is not None or r.end is not None
        if mapped is not None and dated and not (r.start and r.end and r.end < r.start):
            country, sector = mapped
            roles.append(Role(r.code, country=country, sector=sector, start=r.start, end=r.end))
    default = None
    if default_code and default_code != NULL_CODE:
        default = country_and_sector(default_code, states)
    if default is None and not roles:
        return None
    country, sector = default or (_commonest([r.country for r in roles]), "")
    return Actor(
        actor_id=actor_id,
        name=display_name(entry.phrases[0]),
        kind=kind_of(entry.phrases[0]),
        country=country,
        sector=sector,
        aliases=tuple(dict.fromkeys(display_name(p) for p in entry.phrases[1:])),
        roles=tuple(roles),
        origin="dictionary",
    )


def _commonest(values: list[str]) -> str:
    """The most frequent value, the first one seen on a tie: a person's usual country."""
    return max(dict.fromkeys(values), key=values.count) if values else ""


def group_nouns_of(agents: list[tuple[str, str]]) -> list[GroupNoun]:
    """Agent nouns as KB offices ("soldier" → military), each with its code (``GOVMIL``).

    A noun whose code names no sector ("criminal", ``CRM``) comes with sector
    "": only ``resolve`` reports it (by its code); the linker takes none. Of
    a noun listed twice, the first entry whose code names a sector is kept.
    """
    sectors = {code: _agent_sector(code) for code in {code for _, code in agents}}
    nouns: dict[str, GroupNoun] = {}
    for noun, code in agents:
        if noun not in nouns or (sectors[code] and not nouns[noun].sector):
            nouns[noun] = GroupNoun(
                noun, sectors[code], office=True, origin="dictionary", code=code
            )
    return list(nouns.values())


def _agent_sector(code: str) -> str:
    """The sector of an agent code: its first listed part (``GOVMIL`` → government)."""
    table = cameo()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    sector = next((table.sectors[p] for p in parts if p in table.sectors), "")
    if not sector and parts and parts[0] in table.transnational:
        sector = table.transnational[parts[0]][1]
    return sector
