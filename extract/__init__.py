"""The extraction layer: spaCy ``Doc`` in, frozen typed records out (see :mod:`extract.records`).

Only this package knows spaCy. :func:`extract.document.extract_document` composes the
extractors; :func:`extract.nlp.load_pipeline` is the only place a spaCy pipeline is configured.
"""
