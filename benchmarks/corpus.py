"""Deterministic benchmark corpora: articles recombined from examples/corpus, GDELT-shaped rows.

``articles(n, seed)`` shuffles the paragraphs of the example articles into new
articles of 5–9 paragraphs (~350–600 words), swaps officials for others on the
same side and moves dates, so each article is new text (a new document id) that
reads like the news the pipeline is built for. ``write_gdelt(path, n, seed)``
writes n rows in the GDELT 2.0 event export format (61 tab-separated columns).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from backchannel.model import Document
from backchannel.sources import read_inputs

ROOT = Path(__file__).resolve().parents[1]
US = [
    "Donald Trump",
    "Joe Biden",
    "Antony Blinken",
    "Marco Rubio",
    "Jake Sullivan",
    "Scott Bessent",
    "Janet Yellen",
    "Gina Raimondo",
    "Kurt Campbell",
    "Nicholas Burns",
    "Jamieson Greer",
    "Howard Lutnick",
]
CN = [
    "Xi Jinping",
    "Li Qiang",
    "Wang Yi",
    "He Lifeng",
    "Liu He",
    "Qin Gang",
    "Xie Feng",
    "Wang Wentao",
    "Ma Zhaoxu",
    "Li Chenggang",
    "Cui Tiankai",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (20\d\d)\b")
OUTLETS = ["Example Wire", "Pacific Ledger", "Capital Dispatch", "Harbour Times", "Daily Relay"]


def _paragraphs() -> list[str]:
    out = []
    for item in read_inputs([str(ROOT / "examples" / "corpus")]):
        if isinstance(item, Document):
            out += [p.strip() for p in item.text.split("\n\n") if len(p.split()) >= 12]
    return out


def documents(n: int, paragraphs: tuple[int, int] = (5, 9)) -> list[Document]:
    """``articles(n)`` as the pipeline's documents."""
    return [
        Document(
            doc_id=Document.make_id(a["text"]),
            text=a["text"],
            title=a["title"],
            url=a["url"],
            published=a["published"],
            source=a["source"],
            origin=a["id"],
        )
        for a in articles(n, paragraphs=paragraphs)
    ]


def articles(
    n: int, seed: int = 20251030, paragraphs: tuple[int, int] = (5, 9)
) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    pool = _paragraphs()
    names = re.compile("|".join(re.escape(x) for x in sorted(US + CN, key=len, reverse=True)))
    for i in range(n):
        us, cn = US[:], CN[:]
        rng.shuffle(us)
        rng.shuffle(cn)
        swap = dict(zip(US, us, strict=True)) | dict(zip(CN, cn, strict=True))
        day = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(3200))
        shift = dt.timedelta(days=rng.randrange(-400, 30))

        def move(m: re.Match[str], shift: dt.timedelta = shift) -> str:
            try:
                d = dt.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
            except ValueError:
                return m.group(0)
            d = d + shift
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"

        body = [
            DATE.sub(move, names.sub(lambda m, swap=swap: swap[m.group(0)], p))
            for p in rng.sample(pool, rng.randint(*paragraphs))
        ]
        outlet = rng.choice(OUTLETS)
        lead = f"WASHINGTON, {MONTHS[day.month - 1]} {day.day} ({outlet}) — "
        text = lead + "\n\n".join(body)
        yield {
            "id": f"bench-{seed}-{i}",
            "title": body[0].split(".")[0][:90],
            "text": text,
            "published": day.isoformat(),
            "source": outlet,
            "url": f"https://news.example.org/{day:%Y/%m/%d}/{i}",
        }


def write_articles(
    path: Path, n: int, seed: int = 20251030, paragraphs: tuple[int, int] = (5, 9)
) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for a in articles(n, seed, paragraphs):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


# -- GDELT -------------------------------------------------------------------------------

_ACTORS = [
    ("USAGOV", "UNITED STATES", "USA", "GOV"),
    ("CHNGOV", "CHINA", "CHN", "GOV"),
    ("USA", "UNITED STATES", "USA", ""),
    ("CHN", "CHINA", "CHN", ""),
    ("RUSGOV", "RUSSIA", "RUS", "GOV"),
    ("JPNGOV", "JAPAN", "JPN", "GOV"),
    ("USAMIL", "PENTAGON", "USA", "MIL"),
    ("CHNBUS", "CHINESE COMPANY", "CHN", "BUS"),
    ("", "", "", ""),
]
_CODES = [
    "010",
    "012",
    "020",
    "036",
    "040",
    "041",
    "042",
    "043",
    "046",
    "051",
    "057",
    "061",
    "0871",
    "111",
    "112",
    "1312",
    "163",
    "172",
    "190",
]
_PLACE = ["4", "Beijing, Beijing, China", "CH", "CH22", "", "39.9289", "116.388", "-1898541"]


def write_gdelt(path: Path, n: int, seed: int = 7) -> Path:
    """``n`` GDELT 2.0 export rows (~1 in 2,000 malformed), written in blocks."""
    rng = random.Random(seed)
    urls = [f"https://news.example.org/{k:07d}" for k in range(max(1, n // 4))]
    with path.open("w", encoding="utf-8") as f:
        block = []
        for i in range(n):
            a1, a2 = rng.choice(_ACTORS), rng.choice(_ACTORS[:-1])
            code = rng.choice(_CODES)
            day = f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            fields = [
                str(1_200_000_000 + i),
                day,
                day[:6],
                "2025",
                "2025.5000",
                a1[0],
                a1[1],
                a1[2],
                "",
                "",
                "",
                "",
                a1[3],
                "",
                "",
                a2[0],
                a2[1],
                a2[2],
                "",
                "",
                "",
                "",
                a2[3],
                "",
                "",
                "1",
                code,
                code[:3],
                code[:2],
                "1",
                "1.9",
                "4",
                "1",
                "4",
                "-2.1",
                *_PLACE,
                *_PLACE,
                *_PLACE,
                day + "121500",
                rng.choice(urls),
            ]
            line = "\t".join(fields)
            if i % 2000 == 1999:
                line = "\t".join(fields[:30])
            block.append(line)
            if len(block) == 50_000:
                f.write("\n".join(block) + "\n")
                block = []
        if block:
            f.write("\n".join(block) + "\n")
    return path
