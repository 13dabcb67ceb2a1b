"""Write the bad-input corpus: every kind of input a run must survive, with its expected outcome.

    python scripts/make_bad_corpus.py                 # (re)write tests/data/bad/ (small files)
    python scripts/make_bad_corpus.py DEST --large    # also the 50 MB file and the symlinks

``tests/data/bad/`` is committed small: the 50 MB text file and the symlinks
(one pointing outside the input folder, one dangling) are only made with
``--large``, which ``tests/test_bad_inputs.py`` does in a temporary folder.
``.expected.json`` (hidden, so a run passes over it) maps each file name
(``name:LINE`` for a JSON line) to ``"stored"`` or the skip reason a run must record for it.
Everything is deterministic: the same bytes on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

DEFAULT_DEST = Path(__file__).resolve().parents[1] / "tests" / "data" / "bad"
LARGE_BYTES = 50 * 1024 * 1024
EXPECTED = ".expected.json"  # hidden: a run passes over it
LONG_SENTENCE_TOKENS = 20_000

_SENTENCES = (
    "Wang Yi met Antony Blinken in Beijing on Monday to discuss export controls.",
    "Scott Bessent spoke with He Lifeng by video call about tariffs.",
    "Jake Sullivan and Wang Yi held talks in Vienna over two days.",
    "Xi Jinping met Joe Biden in Woodside, California.",
    "Gina Raimondo met Wang Wentao in Beijing to discuss trade.",
    "Janet Yellen met He Lifeng in Guangzhou.",
)

_FRENCH = (
    "Le ministre des affaires étrangères a rencontré son homologue américain à Pékin. "
    "Les deux parties ont discuté des droits de douane et de la situation dans le détroit. "
    "Selon le communiqué, les entretiens ont été francs et constructifs, et une nouvelle "
    "réunion est prévue le mois prochain à Washington pour poursuivre le dialogue."
)
_SPANISH = (
    "El ministro de Asuntos Exteriores de China se reunió con el secretario de Estado en "
    "Pekín. Ambas partes hablaron de los aranceles y de la situación en el estrecho, y "
    "acordaron que los equipos económicos seguirán en contacto durante las próximas semanas."
)
_CHINESE = (
    "中共中央政治局委员、外交部长王毅在北京会见美国国务卿布林肯。双方就中美关系以及共同关心的"
    "国际和地区问题深入交换意见。王毅表示，中方始终按照相互尊重、和平共处、合作共赢的原则看待"
    "和发展中美关系。"
)


def article(title: str, date: str, *sentences: str) -> str:
    return f"Title: {title}\nDate: {date}\n\n" + "\n\n".join(sentences) + "\n"


def write(dest: Path, *, large: bool = False) -> dict[str, str]:
    """Write the corpus into ``dest``; return {name: expected outcome}."""
    dest.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, content: bytes | str, outcome: str) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (dest / name).write_bytes(data)
        expected[name] = outcome

    # good documents: the run must store these whatever surrounds them
    put("good-1.txt", article("Talks", "2024-06-03", _SENTENCES[0], _SENTENCES[1]), "stored")
    put("good-2.txt", article("Vienna", "2023-05-12", _SENTENCES[2]), "stored")
    put(
        "good-3.html",
        "<!doctype html><html><head><title>Summit</title>"
        '<meta name="date" content="2023-11-16"></head><body><article>'
        f"<h1>Summit</h1><p>{_SENTENCES[3]}</p><p>{_SENTENCES[4]}</p>"
        "</article></body></html>",
        "stored",
    )
    put("zz-copy-of-good-2.txt", article("Vienna", "2023-05-12", _SENTENCES[2]), "duplicate")

    # empty and binary
    put("empty.txt", b"", "empty")
    put("whitespace-only.txt", b" \n\t\r\n  \n", "empty")
    put("empty.html", b"", "empty")
    put("empty.jsonl", b"", "nothing")  # no lines, nothing to report per line
    rng = random.Random(20250101)
    put("random.bin", bytes(rng.randrange(256) for _ in range(4096)), "binary-file")
    put(
        "png-named.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(512)),
        "binary-file",
    )
    nul = b"<html><body><p>Wang Yi\x00\x00\x00 met</p></body></html>"
    put("nul-in-html.html", nul, "binary-file")

    # encodings
    put(
        "cp1252.txt",
        article("Caf\u00e9 talks", "2024-03-01", _SENTENCES[5]).encode("cp1252"),
        "stored",
    )
    put(
        "utf16-bom.txt",
        article("UTF-16", "2024-03-02", "Wang Yi met Jake Sullivan in Bangkok on Friday.").encode(
            "utf-16"
        ),
        "stored",
    )
    # UTF-8 with one cp1252 paragraph pasted in: the text is kept, the odd bytes decoded
    mixed = article(
        "Mixed",
        "2024-03-04",
        "Antony Blinken met Wang Yi in Munich \u2014 the first talks this year.",
    ).encode("utf-8") + "Le caf\u00e9 \u00e9tait ferm\u00e9, said one aide.\n".encode("cp1252")
    put("mixed-encoding.txt", mixed, "stored")
    # a lead byte of every multi-byte encoding, then a newline: valid in none we try
    put("undecodable.txt", b"\x81\n" * 300, "undecodable")

    # HTML
    depth = 5000
    put(
        "deeply-nested.html",
        "<!doctype html><html><body>"
        + "<div>" * depth
        + f"<p>{_SENTENCES[4]}</p>"
        + "</div>" * depth
        + "</body></html>",
        "any",  # stored or html-error/html-no-text: what matters is that the run goes on
    )
    put(
        "unterminated.html",
        "<html><head><title>Open tags</title><body><article><p>Janet Yellen met He Lifeng in "
        "Guangzhou on Saturday. <p>The two sides agreed to keep talking <div><span><b><i",
        "any",
    )
    put(
        "no-body.html",
        "<!doctype html><html><head><title>Only a head</title>"
        '<meta name="date" content="2024-01-01"></head></html>',
        "html-no-text",
    )
    put("script-only.html", "<html><body><script>var a = 1;</script></body></html>", "html-no-text")

    # feeds that are not feeds
    put(
        "feed-is-html.xml",
        "<!doctype html><html><head><title>News</title></head><body><p>"
        f"{_SENTENCES[0]}</p></body></html>",
        "not-a-feed",
    )
    put("feed-is-html.rss", "<html><body><p>Subscribe to our feed.</p></body></html>", "not-a-feed")
    put("feed-truncated.rss", '<?xml version="1.0"?><rss version="2.0"><channel><ite', "any")

    # JSON Lines with broken lines and wrong types, around good ones
    lines = [
        json.dumps({"id": "ok-1", "text": _SENTENCES[1], "published": "2025-05-12"}),
        '{"id": "cut", "text": "Wang Yi met',
        "not json at all",
        json.dumps(["an", "array"]),
        json.dumps({"id": "t", "text": 42}),
        json.dumps({"id": "d", "text": _SENTENCES[0], "published": 20240101}),
        json.dumps({"id": ["x"], "text": _SENTENCES[0]}),
        json.dumps({"id": "n", "title": "no text"}),
        json.dumps({"id": "nul", "text": None, "html": None}),
        "",
        json.dumps({"id": "ok-2", "html": f"<p>{_SENTENCES[2]} Again, in 2025.</p>"}),
        '{"id": "big-number", "text": 1e999}',
        json.dumps({"id": "nested", "text": {"body": "x"}}),
        '{"id": "dupkey", "text": "first", "text": "Wang Yi met Blinken in Rome on Monday."}',
        json.dumps({"id": "fr", "text": _FRENCH + " Fin.", "published": "2024-02-02"}),
    ]
    put("broken.jsonl", "\n".join(lines) + "\n", "per-line")
    expected.update(
        {
            "broken.jsonl:1": "stored",
            "broken.jsonl:2": "bad-json",
            "broken.jsonl:3": "bad-json",
            "broken.jsonl:4": "not-an-object",
            "broken.jsonl:5": "bad-field",
            "broken.jsonl:6": "bad-field",
            "broken.jsonl:7": "bad-field",
            "broken.jsonl:8": "no-text",
            "broken.jsonl:9": "no-text",
            "broken.jsonl:11": "stored",
            "broken.jsonl:12": "bad-field",
            "broken.jsonl:13": "bad-field",
            "broken.jsonl:14": "stored",
            "broken.jsonl:15": "not-english",
        }
    )
    put("invalid-utf8.jsonl", b'{"text": "caf\xe9 talks in Beijing"}\n', "per-line")
    expected["invalid-utf8.jsonl:1"] = "undecodable"

    # not English
    put("french.txt", article("Pékin", "2024-02-02", _FRENCH), "not-english")
    put("spanish.md", article("Pekín", "2024-02-03", _SPANISH), "not-english")
    put("chinese-gb18030.txt", _CHINESE.encode("gb18030"), "not-english")
    chinese = article("王毅会见布林肯", "2024-02-04", _CHINESE + "完。")
    put("chinese-utf8.txt", chinese, "not-english")

    # a date after the run's day: kept, dated from the text, with a warning
    put(
        "future-date.txt",
        article("From the future", "2031-05-01", "Wang Yi met Antony Blinken in Paris."),
        "stored",
    )

    # one sentence of 20,000 tokens: bounded by the per-sentence token cap
    words = [rng.choice(("talks", "tariffs", "Beijing", "officials", "said", "and")) for _ in
             range(LONG_SENTENCE_TOKENS)]  # fmt: skip
    put(
        "long-sentence.txt",
        article("Long", "2024-01-05", " ".join(words) + "."),
        "sentence-too-long",
    )

    # other file types
    put("notes.docx", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(256)), "binary-file")
    put("list.urls", "https://example.com/a\nnot a url\n", "per-line")
    expected["list.urls:1"] = "url-fetch-disabled"
    expected["list.urls:2"] = "not-a-url"

    if large:
        _write_large(dest / "large-50mb.txt")
        expected["large-50mb.txt"] = "too-large"
        outside = dest.parent / "outside-secret.txt"
        outside.write_text(article("Secret", "2024-01-01", "Wang Yi met Antony Blinken."))
        os.symlink(outside, dest / "link-outside.txt")
        expected["link-outside.txt"] = "symlink-outside-input"
        os.symlink(dest / "does-not-exist.txt", dest / "link-dangling.txt")
        expected["link-dangling.txt"] = "broken-symlink"
        os.symlink(dest / "good-1.txt", dest / "link-inside.txt")
        expected["link-inside.txt"] = "duplicate"

    (dest / EXPECTED).write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    return expected


def _write_large(path: Path) -> None:
    line = (" ".join(_SENTENCES) + "\n").encode("utf-8")
    with path.open("wb") as handle:
        written = 0
        while written < LARGE_BYTES:
            handle.write(line)
            written += len(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", nargs="?", type=Path, default=DEFAULT_DEST)
    parser.add_argument("--large", action="store_true", help="also the 50 MB file and symlinks")
    args = parser.parse_args()
    expected = write(args.dest, large=args.large)
    print(f"wrote {len(expected)} expectations to {args.dest}")


if __name__ == "__main__":
    main()
