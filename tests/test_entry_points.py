"""Every name spacy-pii registers resolves by name in a fresh interpreter that imports only spaCy."""
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

GROUPS = {
    "spacy_factories": "factories",
    "spacy_tokenizers": "tokenizers",
    "spacy_readers": "readers",
    "spacy_architectures": "architectures",
    "spacy_misc": "misc",
    "spacy_scorers": "scorers",
    "spacy_displacy_colors": "displacy_colors",
}


def ours():
    for group in GROUPS:
        for ep in entry_points(group=group):
            if ep.value.startswith("spacy_pii"):
                yield group, ep.name


def test_every_group_has_an_entry() -> None:
    found = {group for group, _ in ours()}
    assert found == set(GROUPS)


@pytest.mark.parametrize("group,name", sorted(ours()))
def test_resolves_in_fresh_interpreter(group: str, name: str) -> None:
    if group == "spacy_factories":
        code = f"import spacy; nlp = spacy.blank('en'); nlp.add_pipe({name!r}); print('ok')"
    elif group == "spacy_displacy_colors":
        code = (
            "from spacy import displacy; from spacy.util import registry; "
            "colors = {}; [colors.update(c) for c in registry.displacy_colors.get_all().values()]; "
            "assert 'EMAIL_ADDRESS' in colors; print('ok')"
        )
    elif group == "spacy_tokenizers":
        code = (
            "import spacy; "
            f"nlp = spacy.blank('en', config={{'nlp': {{'tokenizer': {{'@tokenizers': {name!r}}}}}}}); "
            "assert [t.text for t in nlp('ip=10.0.0.1')] == ['ip', '=', '10.0.0.1']; print('ok')"
        )
    else:
        code = (
            f"import spacy; from spacy.util import registry; "
            f"assert callable(registry.{GROUPS[group]}.get({name!r})); print('ok')"
        )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")
