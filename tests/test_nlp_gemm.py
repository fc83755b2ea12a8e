"""The pipeline's matrix products on numpy's BLAS: every layer, one thread, the same
annotations as thinc's BLIS gives."""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from threadpoolctl import threadpool_info

from checker.nlp import load_pipeline, network_layers

COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START]

TEXTS = (
    "LIMA, Peru, Dec. 18 -- Tupac Amaru rebels still hold 490 hostages inside the "
    "Japanese ambassador's residence, and President Alberto Fujimori has refused to "
    "free the 400 jailed comrades whose release they demand.",
    "At least 1,127 garment workers died when Rana Plaza, an eight-storey building in "
    "Savar near Dhaka, collapsed on 24 April 2013; about 2,500 were pulled out alive.",
    "The fire at Grenfell Tower in North Kensington killed 72 people. Firefighters "
    "reached the 23rd floor by 3 a.m., the London Fire Brigade said on Thursday.",
)


def test_every_layer_multiplies_with_numpy_on_one_thread(nlp: Any) -> None:
    layers = list(network_layers(nlp))
    assert len(layers) > 100  # tok2vec, tagger, parser, ner and their sublayers
    assert all(getattr(layer.ops, "use_blis", True) is False for layer in layers)
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_the_annotations_are_those_of_blis(nlp: Any) -> None:
    reference = load_pipeline(numpy_gemm=False)
    assert any(getattr(layer.ops, "use_blis", False) for layer in network_layers(reference))
    assert reference.pipe_names == nlp.pipe_names
    labels = set()
    for a, b in zip(reference.pipe(TEXTS), nlp.pipe(TEXTS), strict=True):
        assert len(a) == len(b) > 20
        assert (a.to_array(COMPARED) == b.to_array(COMPARED)).all()
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
        labels |= {e.label_ for e in b.ents}
    assert {"PERSON", "GPE", "CARDINAL", "DATE"} <= labels
