"""Appeals and letters addressed to someone are requests from their writers.

Each sentence is invented for the test: "made an appeal to the White House",
"said in a letter to the USTR" is a REQUEST from every writer to every
addressee; a letter with no addressee, a court appeal or "the appeal of a
market" is none.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _requests(extractor: Any, text: str) -> set[tuple[str, str, str]]:
    return {(e[0], e[1], e[4]) for e in _events(extractor, text, "2019-05-10") if e[2] == "REQUEST"}


def test_an_appeal_to_the_administration_is_a_request_from_each_firm(extractor: Any) -> None:
    text = (
        "Intel, Qualcomm and Micron sent an urgent appeal to the Biden administration "
        "to keep chips off the tariff list."
    )
    assert _requests(extractor, text) == {
        (firm, "group:USA:administration", "asserted") for firm in ("intel", "qualcomm", "micron")
    }


def test_what_a_firm_said_in_a_letter_to_the_ustr_asks_the_ustr(extractor: Any) -> None:
    text = (
        "Broadcom said in a letter to the Office of the US Trade Representative that the duties "
        "would raise prices."
    )
    got = _requests(extractor, text)
    assert ("broadcom", "ustr", "asserted") in got


def test_a_letter_with_no_addressee_or_a_court_appeal_is_no_request(extractor: Any) -> None:
    for text in (
        "The letter from Cisco was published on Monday.",
        "Qualcomm filed an appeal against the ruling.",
        "Huawei filed an appeal to the Supreme Court.",
        "Dell praised the appeal of the Chinese market.",
        "Xi sent a letter of congratulations to Biden.",
    ):
        assert _requests(extractor, text) == set(), text


def test_the_counted_firms_just_named_wrote_the_letter(extractor: Any) -> None:
    text = (
        "Intel, AMD and Micron opposed the rule. These three chipmakers said in a letter "
        "to the Commerce Department that the curbs would cost jobs."
    )
    got = _requests(extractor, text)
    assert {(f, "us-commerce-department", "asserted") for f in ("intel", "amd", "micron")} <= got
    # a count that fits no list of names just given is no one
    text = "Intel and AMD opposed the rule. The three chipmakers said the curbs would cost jobs."
    assert not {a for e in _events(extractor, text, "2019-05-10") for a in e[:2]} & {
        "intel",
        "amd",
    }


def test_the_person_named_beside_the_addressee_is_asked_too(extractor: Any) -> None:
    text = (
        "Qualcomm argued in its letter to the USTR, Robert Lighthizer, that "
        "the tariffs would hurt workers."
    )
    assert ("qualcomm", "robert-lighthizer", "asserted") in _requests(extractor, text)


def test_the_counted_firms_may_be_named_two_sentences_before(extractor: Any) -> None:
    text = (
        "Citigroup, Morgan Stanley and Bank of America lobbied hard. Wall Street is uneasy. "
        "The three banks said in a petition to the White House that the curbs would hurt."
    )
    got = _requests(extractor, text)
    banks = ("citigroup", "morgan-stanley", "bank-of-america")
    assert {(b, "white-house", "asserted") for b in banks} <= got


def test_every_writer_asks_every_addressee(extractor: Any) -> None:
    text = (
        "Intel, AMD, Micron and Broadcom opposed the rule. These four chipmakers said in a "
        "letter to the USTR, Robert Lighthizer, that the duties would raise prices."
    )
    got = {(s, t) for s, t, _ in _requests(extractor, text)}
    firms = ("intel", "amd", "micron", "broadcom")
    assert {(f, "robert-lighthizer") for f in firms} <= got
