"""Scale the bundled dataset to N reports: ``python bench/generate.py N OUT_DIR``.

Each copy of the bundled story (``reports/`` + ``seeds/``, 51 reports) becomes
its own story in ``OUT_DIR/story-NNNNN/``, written as Markdown with front
matter. Copy ``k`` renames the people and outlets (surnames and given names
drawn from a fixed pool by ``k``), moves every figure of two digits or more
by a story-specific amount, and shifts the years; copy 0 is the original
wording. So every report is a distinct text (no cache, no de-duplication can
serve one report for another), while the mix of sentences, figures, dates
and names stays that of real reports. Reports without a publication date in
their metadata stay undated, so date inference is exercised too.
Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.config import load_config  # noqa: E402
from checker.corpus import read_corpus  # noqa: E402
from checker.records import Article, PublishedBasis  # noqa: E402

SURNAMES = [
    "Alvarez",
    "Bianchi",
    "Castro",
    "Duarte",
    "Esposito",
    "Ferreira",
    "Garrido",
    "Herrera",
    "Ibarra",
    "Jimenez",
    "Kovacs",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quiroga",
    "Rinaldi",
    "Salgado",
    "Tanaka",
    "Urquiza",
    "Valdivia",
    "Watanabe",
    "Yamada",
    "Zelaya",
    "Andrade",
    "Benitez",
    "Cardenas",
    "Delgado",
    "Echeverria",
    "Figueroa",
    "Guerrero",
]
GIVEN = [
    "Ana",
    "Bruno",
    "Carla",
    "Diego",
    "Elena",
    "Felipe",
    "Gloria",
    "Hugo",
    "Irene",
    "Javier",
    "Kenji",
    "Lucia",
    "Mateo",
    "Nadia",
    "Oscar",
    "Paula",
    "Rafael",
    "Sofia",
    "Tomas",
    "Valeria",
]
OUTLETS = [
    "Wire",
    "Post",
    "Daily",
    "Courier",
    "Ledger",
    "Radio",
    "Herald",
    "Gazette",
    "Digest",
    "Feed",
    "Tribune",
]

# Names of the bundled story that get replaced (surname, given name).
PEOPLE = {
    "Fujimori": "Alberto",
    "Cerpa": "Néstor",
    "Serpa": "Néstor",
    "Aoki": "Morihisa",
    "Tudela": "Francisco",
    "Hashimoto": "Ryutaro",
    "Cipriani": "Juan",
    "Cipriany": "Juan",
    "Palermo": "Domingo",
    "Minnig": "Michel",
    "Terada": "Terusuke",
    "Gumucio": "Jorge",
    "Rojas": "Roli",
    "Mejia": "Juan",
}
_NUMBER = re.compile(r"(?<![\d.,:/-])(\d{2,3})(?![\d:/]|,\d)")
_YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")


def _variant(k: int) -> dict[str, str]:
    rng = random.Random(k)
    surnames = rng.sample(SURNAMES, len(PEOPLE))
    mapping: dict[str, str] = {}
    for (surname, given), new in zip(PEOPLE.items(), surnames, strict=True):
        mapping[surname] = new
        mapping.setdefault(given, rng.choice(GIVEN))
    return mapping


def _mutate(text: str, k: int) -> str:
    if k == 0:
        return text
    names = _variant(k)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len)[::-1])) + r")\b")
    text = pattern.sub(lambda m: names[m.group(1)], text)
    delta = k % 9 + 1
    text = _NUMBER.sub(lambda m: str(int(m.group(1)) + delta), text)
    shift = k % 25
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def _outlet(source: str | None, k: int) -> str | None:
    if source is None or k == 0:
        return source
    rng = random.Random(f"{source}-{k}")
    return f"{rng.choice(SURNAMES)} {rng.choice(OUTLETS)}"


def bundled() -> list[Article]:
    config = load_config(ROOT / "pyproject.toml")
    corpus = read_corpus([ROOT / "reports", ROOT / "seeds"], stories=config.stories)
    return sorted(corpus.articles, key=lambda a: a.id)


def render(article: Article, k: int, index: int) -> str:
    meta: dict[str, object] = {"id": f"story-{k:05d}/{index:03d}", "story": f"story-{k:05d}"}
    if article.title:
        meta["title"] = _mutate(article.title, k)
    source = _outlet(article.source, k)
    if source:
        meta["source"] = source
    if article.published is not None and article.published_basis is PublishedBasis.METADATA:
        meta["published"] = _mutate(article.published.isoformat(), k)
    front = yaml.safe_dump(meta, sort_keys=True, allow_unicode=True)
    return f"---\n{front}---\n{_mutate(article.text, k)}\n"


def generate(n: int, out: Path, *, clean: bool = True) -> list[Path]:
    """Write ``n`` reports under ``out``; returns their paths in order."""
    if clean and out.exists():
        shutil.rmtree(out)
    source = bundled()
    paths: list[Path] = []
    k = 0
    while len(paths) < n:
        folder = out / f"story-{k:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        for index, article in enumerate(source):
            if len(paths) >= n:
                break
            path = folder / f"{index:03d}.md"
            path.write_text(render(article, k, index), encoding="utf-8")
            paths.append(path)
        k += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("out", type=Path, help="output directory (replaced)")
    args = parser.parse_args()
    paths = generate(args.n, args.out)
    print(f"wrote {len(paths)} reports to {args.out}")


if __name__ == "__main__":
    main()
