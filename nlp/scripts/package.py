"""Copy the best trained pipeline into nlp/model/ with its public name and version."""
import sys
from pathlib import Path

import spacy

import onrecord.nlp.stance_features  # noqa: F401  registers the architecture

NAME = "onrecord_stance"


def package(best: Path, out: Path, version: str) -> None:
    pipeline = spacy.load(best)
    pipeline.meta.update(
        name=NAME,
        version=version,
        description="onrecord stance toward the watchlist topic: condemning / supporting / silent",
        license="Apache-2.0",
        author="onrecord",
    )
    pipeline.meta.pop("performance", None)
    pipeline.to_disk(out)
    print(f"{NAME}-{version} -> {out}")


if __name__ == "__main__":
    package(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
