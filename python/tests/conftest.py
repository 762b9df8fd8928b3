"""Fixtures of the Python module's tests: the sample corpus (sample/news.jsonl,
written by the project) and generated articles for long calls."""
import json
import os
import random
import subprocess

import pytest

SOURCE = os.environ.get("PX_SOURCE_DIR") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(SOURCE, "sample", "news.jsonl")


@pytest.fixture(scope="session")
def sample_path():
    return SAMPLE


@pytest.fixture(scope="session")
def sample_records():
    with open(SAMPLE, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def cli():
    """The command-line tool built beside the module (ctest sets PX_CLI)."""
    path = os.environ.get("PX_CLI") or os.path.join(SOURCE, "build", "parallax")
    if not os.path.exists(path):
        pytest.skip("the parallax command is not built")
    return path


def run_cli(cli, *args):
    return subprocess.run([cli, *args], capture_output=True, text=True, check=False)


PEOPLE = ["Anneli Korhonen", "Tomas Varga", "Ines Duarte", "Kwame Mensah", "Liu Fang",
          "Sofia Lindqvist", "Omar Haddad", "Greta Novak", "Rafael Ortiz", "Mei Tanaka"]
PLACES = ["Tampere", "Porto", "Gdansk", "Accra", "Bergen", "Valencia", "Graz", "Cork"]
THINGS = ["the harbour bridge", "the wind farm", "the rail tunnel", "the hospital wing",
          "the water plant", "the tram line", "the school campus", "the flood barrier"]
OUTLETS = ["Northern Wire", "Harbor Post", "Meridian News", "Capital Courier", "Lowland Gazette"]


def make_article(i, rng):
    p, q = rng.sample(PEOPLE, 2)
    place, thing = rng.choice(PLACES), rng.choice(THINGS)
    n = rng.randint(2, 900)
    paras = [
        f"{place.upper()} - Officials in {place} approved {thing} on Tuesday after {n} days "
        f"of talks, the city council said.",
        f'"This is a good day for {place}," {p} told reporters after the vote. '
        f"{p} said the work would start in {rng.choice(['May', 'June', 'October'])}.",
        f"Critics led by {q} said the cost of {rng.randint(3, 80)} million euros was too high. "
        f'"We will keep asking questions," {q} said.',
        f"The project number {i} is expected to employ {rng.randint(10, 400)} people, "
        f"according to the regional development agency.",
    ]
    rng.shuffle(paras[2:])
    return {"id": f"gen-{i}", "source": OUTLETS[i % len(OUTLETS)],
            "title": f"{place} approves {thing} ({i})",
            "date": f"2024-0{1 + i % 9}-{10 + i % 18}T{i % 24:02d}:00:00Z",
            "body": "\n\n".join(paras)}


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """A JSON Lines file of 2500 generated articles (an ingest long enough to
    be interrupted: its progress callback runs at the first record)."""
    rng = random.Random(18)
    path = tmp_path_factory.mktemp("gen") / "generated.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(2500):
            f.write(json.dumps(make_article(i, rng)) + "\n")
    return str(path)


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0
