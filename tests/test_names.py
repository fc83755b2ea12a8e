from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.tokens import Doc, Span

from checker.name_match import tokens_match
from checker.names import NameMention, cluster_names, name_mentions
from checker.records import FindingType, Severity
from checker.spelling import spelling_findings
from tests.factories import article

NLP = spacy.blank("en")
ALIASES = {
    "Tupac Amaru Revolutionary Movement": [
        "MRTA",
        "Movimiento Revolucionario Tupac Amaru",
        "Tupac Amaru",
    ]
}


def doc_with(words: Sequence[str], ents: Sequence[tuple[int, int, str]]) -> Doc:
    doc = Doc(NLP.vocab, words=list(words))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def m(text: str, article_id: str = "a1", label: str = "PERSON", story: str = "lima") -> NameMention:
    return NameMention(article_id, story, label, text, 0, len(text), f"{text} spoke.")


def cluster_of(clusters: Sequence[object], spelling: str) -> object:
    for c in clusters:
        if any(v[0] == spelling for v in c.variants):  # type: ignore[attr-defined]
            return c
    raise AssertionError(spelling)


def test_mentions_strip_title_and_possessive() -> None:
    doc = doc_with(
        ["President", "Alberto", "Fujimori", "'s", "aides", "met", "Lt.", "Col.", "Juan", "Valer"],
        [(0, 4, "PERSON"), (6, 10, "PERSON")],
    )
    art = article("pc-1", None, text=doc.text, story="lima")
    got = name_mentions(doc, art)
    assert [(x.text, x.title, x.label, x.story) for x in got] == [
        ("Alberto Fujimori", "President", "PERSON", "lima"),
        ("Juan Valer", "Lt. Col.", "PERSON", "lima"),
    ]
    first = got[0]
    assert doc.text[first.start : first.end] == "Alberto Fujimori"
    assert doc.text[got[1].start : got[1].end] == "Juan Valer"


def test_mentions_keep_people_organisations_and_places() -> None:
    doc = doc_with(
        ["the", "MRTA", "in", "Lima", "on", "Monday"],
        [(0, 2, "ORG"), (3, 4, "GPE"), (5, 6, "DATE")],
    )
    got = name_mentions(doc, article("a", None, story="lima"))
    assert [(x.text, x.label) for x in got] == [("MRTA", "ORG"), ("Lima", "GPE")]
    assert doc.text[got[0].start : got[0].end] == "MRTA"


def test_surname_and_title_join_full_name_but_other_given_name_does_not() -> None:
    mentions = [
        m("Alberto Fujimori", "a1"),
        m("Alberto Fujimori", "a2"),
        m("Fujimori", "a2"),
        m("Fujimori", "a3"),
        m("Pedro Fujimori", "a3"),
    ]
    clusters = cluster_names(mentions)
    alberto = cluster_of(clusters, "Alberto Fujimori")
    assert alberto.canonical == "Alberto Fujimori"  # type: ignore[attr-defined]
    assert {v[0] for v in alberto.variants} == {"Alberto Fujimori", "Fujimori"}  # type: ignore[attr-defined]
    pedro = cluster_of(clusters, "Pedro Fujimori")
    assert pedro is not alberto
    # title/first-name differences are not spelling variants
    assert spelling_findings(clusters, lambda x: f"{x.article_id}:{x.text}") == []


def test_cerpa_serpa_variants_with_counts_and_reports() -> None:
    mentions = [
        m("Néstor Cerpa Cartolini", "a1"),
        m("Néstor Cerpa Cartolini", "a2"),
        m("Cerpa", "a2"),
        m("Cerpa", "a3"),
        m("Nestor Serpa Cartolini", "a4"),
        m("Serpa", "a4"),
    ]
    clusters = cluster_names(mentions)
    assert len(clusters) == 1
    (c,) = clusters
    assert c.canonical == "Néstor Cerpa Cartolini"
    assert ("Serpa", 1, ("a4",)) in c.variants
    assert ("Cerpa", 2, ("a2", "a3")) in c.variants
    (f,) = spelling_findings(clusters, lambda x: f"{x.article_id}:{x.text}")
    assert f.type is FindingType.SPELLING and f.severity is Severity.WARNING
    assert f.slot == "name:Néstor Cerpa Cartolini"
    assert "Cerpa/Serpa" in f.message
    assert "Néstor/Nestor (accent only)" in f.message
    assert '"Nestor Serpa Cartolini" (1 mention in 1 report)' in f.message
    assert "a4" not in f.message  # report ids are fields, not prose
    assert f.outlier_reports == ("a4",)
    assert set(f.outliers) == {"a4:Nestor Serpa Cartolini", "a4:Serpa"}
    assert f.claim_ids[: len(f.outliers)] == f.outliers
    assert '"Néstor Cerpa Cartolini" (2 mentions in 2 reports)' in f.message
    assert "a4:Serpa" in f.claim_ids
    rest = f.claim_ids[len(f.outliers) :]
    assert list(rest) == sorted(rest) and "a1:Néstor Cerpa Cartolini" in rest


def test_a_transliterated_given_name_is_one_person() -> None:
    clusters = cluster_names([m("Sohel Rana", "a1"), m("Sohel Rana", "a2"), m("Sohail Rana", "a3")])
    (f,) = spelling_findings(clusters, lambda x: x.article_id)
    assert "Sohel/Sohail" in f.message and f.outlier_reports == ("a3",)
    # different people whose names share letters stay apart
    apart = cluster_names([m("John Smith", "a1"), m("Joan Smith", "a2")])
    assert spelling_findings(apart, lambda x: x.article_id) == []


def test_two_spellings_inside_one_report_are_not_across_reports() -> None:
    clusters = cluster_names([m("Charlene Kafoury", "a1"), m("Charlie Kafoury", "a1")])
    assert spelling_findings(clusters, lambda x: x.text) == []


def test_british_and_american_spellings_of_an_organisation_are_one_name() -> None:
    org = [
        m("Internationally Recognised Transit Corridor", "a1", label="ORG"),
        m("Internationally Recognized Transit Corridor", "a2", label="ORG"),
        m("Labour Party", "a1", label="ORG"),
        m("Labor Party", "a2", label="ORG"),
    ]
    assert spelling_findings(cluster_names(org), lambda x: x.article_id) == []
    people = cluster_names([m("Mourad Benali", "a1"), m("Morad Benali", "a2")])
    assert len(spelling_findings(people, lambda x: x.article_id)) == 1  # a person's name is


def test_accent_only_variant_is_reported_as_such() -> None:
    clusters = cluster_names([m("Néstor Cerpa", "a1"), m("Nestor Cerpa", "a2")])
    (f,) = spelling_findings(clusters, lambda x: x.article_id)
    assert "(accent only)" in f.message
    assert f.claim_ids == ("a1", "a2")


def test_unrelated_people_stay_apart() -> None:
    clusters = cluster_names([m("Alberto Fujimori"), m("Fujimura"), m("Juan Cipriani")])
    assert len(clusters) == 3


def test_org_alias_table_and_acronym() -> None:
    mentions = [
        m("MRTA", "a1", "ORG"),
        m("MRTA", "a2", "ORG"),
        m("Tupac Amaru Revolutionary Movement", "a2", "ORG"),
        m("Túpac Amaru Revolutionary Movement", "a3", "ORG"),
        m("International Committee of the Red Cross", "a1", "ORG"),
        m("ICRC", "a3", "ORG"),
        m("Peruvian Congress", "a1", "ORG"),
    ]
    clusters = cluster_names(mentions, aliases=ALIASES)
    mrta = cluster_of(clusters, "MRTA")
    assert {v[0] for v in mrta.variants} == {  # type: ignore[attr-defined]
        "MRTA",
        "Tupac Amaru Revolutionary Movement",
        "Túpac Amaru Revolutionary Movement",
    }
    icrc = cluster_of(clusters, "ICRC")  # acronym of the capitalised words, no table needed
    assert "International Committee of the Red Cross" in {v[0] for v in icrc.variants}  # type: ignore[attr-defined]
    assert cluster_of(clusters, "Peruvian Congress") not in (mrta, icrc)
    findings = spelling_findings(clusters, lambda x: x.article_id)
    # an acronym is not a misspelling, nor an organisation's accent (a house style)
    assert findings == []


def test_spanish_alias_is_not_a_misspelling() -> None:
    clusters = cluster_names(
        [
            m("Tupac Amaru Revolutionary Movement", "a1", "ORG"),
            m("Movimiento Revolucionario Tupac Amaru", "a2", "ORG"),
        ],
        aliases=ALIASES,
    )
    assert len(clusters) == 1
    assert spelling_findings(clusters, lambda x: x.article_id) == []


def test_stories_are_clustered_separately() -> None:
    clusters = cluster_names([m("Cerpa", story="lima"), m("Serpa", story="other")])
    assert len(clusters) == 2


def test_canonical_ties_alphabetical() -> None:
    (c,) = cluster_names([m("Serpa", "a1"), m("Cerpa", "a2")])
    assert c.canonical == "Cerpa"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("cerpa", "serpa", True),
        ("fujimori", "fujimura", False),
        ("li", "lu", False),
        ("cartolini", "cartolini", True),
        ("smith", "smithsonian", False),
    ],
)
def test_tokens_match(a: str, b: str, same: bool) -> None:
    assert tokens_match(a, b) is same


def test_findings_deterministic_under_shuffle() -> None:
    import random

    mentions = [m("Néstor Cerpa Cartolini", f"a{k}") for k in range(3)] + [
        m("Serpa", "b1"),
        m("Cerpa", "b2"),
    ]
    base = spelling_findings(cluster_names(mentions), lambda x: x.article_id)
    for seed in range(3):
        shuffled = list(mentions)
        random.Random(seed).shuffle(shuffled)
        assert spelling_findings(cluster_names(shuffled), lambda x: x.article_id) == base


@pytest.mark.slow
def test_real_model_mentions(nlp: object) -> None:
    text = (
        "President Alberto Fujimori said on Tuesday that Nestor Cerpa's group, the Tupac Amaru "
        "Revolutionary Movement, still held 72 hostages."
    )
    doc = nlp(text)  # type: ignore[operator]
    got = name_mentions(doc, article("a1", None, text=text, story="lima"))
    texts = {x.text for x in got}
    assert "Alberto Fujimori" in texts
    for x in got:
        assert text[x.start : x.end] == x.text
        assert not x.text.endswith("'s")


def test_a_given_name_spelt_two_ways_is_one_person() -> None:
    clusters = cluster_names(
        [m("Stuart Cundy", "a1"), m("Stuart Cundy", "a2"), m("Stewart Cundy", "a3")]
    )
    assert len(clusters) == 1
    (finding,) = spelling_findings(clusters, lambda x: x.article_id)
    assert "Stuart/Stewart" in finding.message


def test_close_given_names_of_one_family_stay_apart() -> None:
    clusters = cluster_names([m("John Kelly", "a1"), m("Joan Kelly", "a2")])
    assert len(clusters) == 2


def test_a_surname_written_as_one_word_or_two_is_one_person() -> None:
    mentions = [
        m("Michael Del Giudice", "a1"),
        m("Michael Del Giudice", "a2"),
        m("Michael DelGiudice", "a3"),
        m("DelGiudice", "a3"),
    ]
    clusters = cluster_names(mentions)
    assert len(clusters) == 1
    (finding,) = spelling_findings(clusters, lambda x: f"{x.article_id}:{x.text}")
    assert "(Del Giudice/DelGiudice)" in finding.message
    assert finding.outlier_reports == ("a3",)


def test_lone_words_two_letters_apart_are_two_people() -> None:
    clusters = cluster_names([m("Charlene", "a1"), m("Charlie", "a2")])
    assert len(clusters) == 2
    (one,) = cluster_names([m("Kulaev", "a1"), m("Kulayev", "a2")])
    assert {v[0] for v in one.variants} == {"Kulaev", "Kulayev"}


def test_a_spelling_tagged_person_and_organisation_takes_its_usual_label() -> None:
    mentions = [m("Gordon Advisors", f"a{k}", label="ORG") for k in range(4)]
    mentions += [
        m("Gordon Advisors", "a5", label="PERSON"),
        m("Gordon Advisers", "a6", label="ORG"),
        m("Gordon Advisers", "a6", label="PERSON"),
    ]
    clusters = cluster_names(mentions)
    assert [(c.label, c.canonical) for c in clusters] == [("ORG", "Gordon Advisors")]
    findings = spelling_findings(clusters, lambda x: f"{x.article_id}:{x.label}")
    assert len(findings) == 1


def test_places_are_names_and_numbered_streets_are_not_misspellings() -> None:
    mentions = [
        m("Gulf of Aden", "a1", label="LOC"),
        m("Gulf of Aden", "a2", label="LOC"),
        m("Gulf of Eden", "a3", label="LOC"),
        m("117th Street", "a1", label="FAC"),
        m("117th Street", "a2", label="FAC"),
        m("115th Street", "a3", label="FAC"),
        m("Mount Cook National Park", "a1", label="FAC"),
        m("Mt Cook National Park", "a2", label="FAC"),
    ]
    findings = spelling_findings(cluster_names(mentions), lambda x: f"{x.article_id}:{x.text}")
    assert [f.message.split(" is spelt")[0] for f in findings] == ["place Gulf of Aden"]
