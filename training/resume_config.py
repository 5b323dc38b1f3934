"""Write a config that continues training a pipeline `spacy train` already trained.

Every component is sourced from the trained pipeline (encoder and NER keep their weights,
the listener stays attached); the corpus, steps and schedule come from the command line of
`spacy train` as usual. Used for a second stage on the same corpus version:

    python training/resume_config.py training/output/student/model-last training/output/resume.cfg
    spacy train training/output/resume.cfg --paths.train ... --paths.dev ...
"""
import sys
from pathlib import Path

from spacy.util import load_config


def main(trained: Path, out: Path) -> None:
    config = load_config(trained / "config.cfg", interpolate=False)
    for name in config["nlp"]["pipeline"]:
        config["components"][name] = {"source": str(trained)}
    config["paths"]["transformer"] = None
    config["training"]["frozen_components"] = []
    config["training"]["annotating_components"] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(out)
    print(f"wrote {out}: {', '.join(config['nlp']['pipeline'])} sourced from {trained}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
