"""Exactness and speed of the checker's pipeline against the model as it comes.

    .venv/bin/python bench/nlp_exactness.py [--generated N] [--no-ecb]

Runs the pipeline twice over the same texts: the "model" arm with the model's
``attribute_ruler`` and ``lemmatizer`` and thinc's BLIS matrix products, the
"checker" arm as ``load_pipeline`` sets it up, with
:class:`checker.nlp_attributes.AttributeLookup` and
:class:`checker.nlp_lemmas.LemmaLookup` in their places and numpy's BLAS for
the products (:func:`checker.nlp.numpy_gemm_ops`). In each arm every component
runs on its own, batch by batch, so that each is timed. Every token's TAG, POS,
MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB and SENT_START is compared; the
script prints the tokens compared, the mismatches (there must be none), and the
seconds each arm spent in each component.

Texts: the bundled reports (``reports/``, ``seeds/``), a generated corpus of
``--generated`` reports (bench/generate.py, default 300), and the ECB+ texts
under $CHECKER_SHARED/data/ecbplus-dev (default ../shared/data; skipped with a
message when absent). Each text is fed as the checker feeds it: its claim
parts (as the pre-filter cuts them, no entity recogniser) and its whole
text in pieces (as without the pre-filter). Exit status 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG  # noqa: E402

from checker.config import load_config  # noqa: E402
from checker.corpus import read_corpus  # noqa: E402
from checker.extract.headlines import sentence_cased  # noqa: E402
from checker.nlp import load_pipeline, parser_view  # noqa: E402
from checker.nlp_attributes import RULER, AttributeLookup  # noqa: E402
from checker.nlp_lemmas import LEMMATIZER, LemmaLookup  # noqa: E402
from checker.prefilter import cut, plan  # noqa: E402

COMPARED = (TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START)
NAMES = ("tag", "pos", "morph", "lemma", "dep", "head", "ent_type", "ent_iob", "sent_start")
BATCH = 32


def corpus_texts(paths: Sequence[Path]) -> list[str]:
    config = load_config(ROOT / "pyproject.toml")
    return [a.text for a in read_corpus(list(paths), stories=config.stories).articles]


def part_texts(texts: Iterable[str]) -> list[str]:
    """The claim parts the checker parses with the full pipeline minus NER."""
    out = []
    for text in texts:
        cased = sentence_cased(text)
        out.extend(parser_view(cased[s:e]) for s, e in plan(text).claim_parts)
    return out


def whole_texts(texts: Iterable[str]) -> list[str]:
    """Whole texts in pieces, as the checker parses them without the pre-filter."""
    out = []
    for text in texts:
        cased = sentence_cased(text)
        out.extend(parser_view(cased[s:e]) for s, e in cut(cased, 0, len(cased)))
    return out


def batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_component(component: Any, docs: list[Any]) -> list[Any]:
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=BATCH))
    return [component(doc) for doc in docs]


class Tally:
    def __init__(self) -> None:
        self.tokens = 0
        self.mismatches: dict[str, int] = defaultdict(int)
        self.seconds: dict[tuple[str, str], float] = defaultdict(float)
        self.examples: list[str] = []

    def compare(self, model_doc: Any, checker_doc: Any) -> None:
        a = model_doc.to_array(list(COMPARED))
        b = checker_doc.to_array(list(COMPARED))
        self.tokens += len(model_doc)
        if (a == b).all():
            return
        for k, name in enumerate(NAMES):
            wrong = (a[:, k] != b[:, k]).nonzero()[0]
            self.mismatches[name] += len(wrong)
            for i in wrong[: max(0, 5 - len(self.examples))]:
                t, u = model_doc[int(i)], checker_doc[int(i)]
                self.examples.append(
                    f"{name} of {t.text!r} in {model_doc.text[:60]!r}: "
                    f"{(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_)} vs "
                    f"{(u.tag_, u.pos_, str(u.morph), u.lemma_, u.dep_)}"
                )


def check(texts: list[str], model_nlp: Any, checker_nlp: Any, *, ner: bool, tally: Tally) -> None:
    """Each arm parses the texts with its own pipeline (its own vocabulary, as in
    the checker), each component timed on its own."""
    names = [n for n in model_nlp.pipe_names if ner or n != "ner"]
    streams = {
        arm: batches(iter(nlp.tokenizer.pipe(texts, batch_size=BATCH)), BATCH)
        for arm, nlp in (("model", model_nlp), ("checker", checker_nlp))
    }
    for model_batch, checker_batch in zip(streams["model"], streams["checker"], strict=True):
        arms = {"model": model_batch, "checker": checker_batch}
        for arm, nlp in (("model", model_nlp), ("checker", checker_nlp)):
            for name in names:
                start = time.perf_counter()
                arms[arm] = run_component(nlp.get_pipe(name), arms[arm])
                tally.seconds[(name, arm)] += time.perf_counter() - start
        for a, b in zip(arms["model"], arms["checker"], strict=True):
            tally.compare(a, b)


def report(label: str, tally: Tally) -> None:
    wrong = sum(tally.mismatches.values())
    print(f"{label}: {tally.tokens:,} tokens compared, {wrong} mismatches")
    for name, count in sorted(tally.mismatches.items()):
        if count:
            print(f"    {name}: {count}")
    for line in tally.examples:
        print(f"    e.g. {line}")
    components = sorted({name for name, _ in tally.seconds})
    for name in components:
        r, f = tally.seconds[(name, "model")], tally.seconds[(name, "checker")]
        print(f"    {name:16} model arm {r:7.2f} s   checker arm {f:7.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--generated", type=int, default=300, help="generated reports (0: none)")
    parser.add_argument("--no-ecb", action="store_true", help="skip the ECB+ texts")
    args = parser.parse_args()
    model_nlp = load_pipeline(attribute_lookup=False, lemma_lookup=False, numpy_gemm=False)
    checker_nlp = load_pipeline()
    if not isinstance(checker_nlp.get_pipe(RULER), AttributeLookup):
        print("the model's attribute ruler is kept (the lookup cannot reproduce it)")
    if not isinstance(checker_nlp.get_pipe(LEMMATIZER), LemmaLookup):
        print("the model's lemmatizer is kept (its results may depend on more than the key)")
    corpora: list[tuple[str, list[str]]] = [
        ("bundled", corpus_texts([ROOT / "reports", ROOT / "seeds"]))
    ]
    with tempfile.TemporaryDirectory() as tmp:
        if args.generated:
            from generate import generate

            generate(args.generated, Path(tmp) / "corpus")
            corpora.append((f"generated {args.generated}", corpus_texts([Path(tmp) / "corpus"])))
        shared = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
        ecb = shared / "data" / "ecbplus-dev"
        if args.no_ecb:
            pass
        elif ecb.is_dir():
            corpora.append(("ECB+ dev", corpus_texts([ecb])))
        else:
            print(f"ECB+ texts not found under {ecb}: skipped")
        failed = False
        for label, texts in corpora:
            for mode, pieces, ner in (
                ("claim parts", part_texts(texts), False),
                ("whole texts", whole_texts(texts), True),
            ):
                tally = Tally()
                check(pieces, model_nlp, checker_nlp, ner=ner, tally=tally)
                report(f"{label} ({len(texts)} reports), {mode}", tally)
                failed = failed or bool(sum(tally.mismatches.values()))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
