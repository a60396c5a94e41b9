"""Quality gate: F1 on the development corpus must not drop below the pinned floor.

Raise a floor when the extractor gets better; never lower one to make a change pass.
"""

from pathlib import Path

import pytest

from eventcoder import api
from eventcoder.corpus import embeddings
from eventcoder.corpus.merge import MergeOptions

from .conftest import SHARED

DEV = Path(__file__).parent / "data" / "dev"
HELDOUT = Path(__file__).parent / "data" / "heldout"

# Pinned floors, measured on tests/data/dev.
F1_FLOOR = 0.85
ACTOR_FLOOR = 0.85  # issue 3 asks at least 0.85
TARGET_FLOOR = 0.85  # issue 3 asks at least 0.85
DATE_FLOOR = 0.88
PLACE_FLOOR = 0.90  # issue 5 asks at least 0.9
FATALITIES_FLOOR = 0.95
INJURIES_FLOOR = 0.94
CLAIMANT_FLOOR = 0.90
# The held-out set is never tuned on: its floor only catches a collapse (measured at F1 0.84).
HELDOUT_F1_FLOOR = 0.75

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report():
    golds = sorted((DEV / "gold").glob("*.gold.json"))
    assert len(golds) >= 40
    return api.evaluate(golds, inputs=[str(DEV / "docs")])


def test_dev_corpus_f1_floor(report):
    print(report.format())
    assert report.f1 >= F1_FLOOR


def test_dev_corpus_slot_floors(report):
    assert report.slot_accuracy["actor"] >= ACTOR_FLOOR
    assert report.slot_accuracy["target"] >= TARGET_FLOOR
    assert report.slot_accuracy["date"] >= DATE_FLOOR
    assert report.slot_accuracy["place"] >= PLACE_FLOOR
    assert report.slot_accuracy["fatalities"] >= FATALITIES_FLOOR
    assert report.slot_accuracy["injuries"] >= INJURIES_FLOOR


def test_dev_corpus_claimants(report):
    """attributed_to right on the development events that have a claimant (issue 6)."""
    assert report.total("claimed") >= 100
    assert report.claimant_accuracy >= CLAIMANT_FLOOR


@pytest.mark.skipif(
    not (SHARED / "gold" / "seed.gold.json").exists(), reason="shared/ not beside the checkout"
)
def test_seed_article():
    """The seed article: every core event found, actor and target right on each."""
    report = api.evaluate(
        [SHARED / "gold" / "seed.gold.json"], inputs=[str(SHARED / "seed" / "000_dd6600ad609501c8.txt")]
    )
    assert report.recall == 1.0
    assert report.precision >= 0.8
    assert report.slot_accuracy["actor"] == 1.0 and report.slot_accuracy["target"] == 1.0
    assert report.slot_accuracy["date"] == 1.0
    assert report.slot_accuracy["place"] == 1.0
    assert report.slot_accuracy["fatalities"] == 1.0 and report.slot_accuracy["injuries"] == 1.0


def test_heldout_set_does_not_collapse():
    golds = sorted((HELDOUT / "gold").glob("*.gold.json"))
    assert len(golds) >= 10
    report = api.evaluate(golds, inputs=[str(HELDOUT / "docs")])
    print(report.format())
    assert report.f1 >= HELDOUT_F1_FLOOR


MERGE = Path(__file__).parent / "data" / "merge"
MERGE_F1_FLOOR = 0.9  # B-cubed on tests/data/merge (issue 7 asks at least 0.9)


def test_merging_bcubed_floor():
    report = api.evaluate_merge(MERGE / "gold.json", [str(MERGE / "docs")], manifest=MERGE / "manifest.json")
    print(report.format())
    assert report.found >= 50
    assert report.f1 >= MERGE_F1_FLOOR


@pytest.mark.skipif(not embeddings.available(), reason="the 'embed' extra is not installed")
def test_merging_with_sentence_embeddings():
    report = api.evaluate_merge(
        MERGE / "gold.json",
        [str(MERGE / "docs")],
        manifest=MERGE / "manifest.json",
        merge_options=MergeOptions(use_embeddings=True),
    )
    print(report.format())
    assert report.f1 >= 0.88
