"""The graph layer: the only code that knows IRIs, triples and the store.

Records from :mod:`extract` become quads (:mod:`graph.mapping`), one named graph per document,
kept in an Oxigraph store (:mod:`graph.store`).
"""
