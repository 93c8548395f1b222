"""``newskg eval``: the gold-JSON evaluation (``gold_*`` modules) and the BRAT attribution
evaluation (``brat*``, ``attribution``, ``corenlp``), and what they share (``running``)."""
