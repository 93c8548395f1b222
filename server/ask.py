"""``GET /ask?q=...``: a question in plain English, answered with the SPARQL that answers it.

``Accept: application/json`` (or ``format=json``) gives ``{"question", "status", "sparql",
"results", "understood", ...}``, the same JSON as ``newskg ask --format json``; browsers get a
page showing what was understood, the SPARQL (one click opens it in the query editor) and the
rows. A question no pattern fits, or a name that means several resources, is an answer too
(200, with ``status`` saying which); only a missing or overlong question is a 400.

The question parser needs the spaCy pipeline named by ``ServerConfig.model`` (``newskg serve
--model`` / ``NEWSKG_MODEL``). spaCy is imported and the model loaded on the first question,
so a server that only answers SPARQL never pays for them; an embedding program may instead put
a loaded pipeline in ``app.extensions["newskg.ask.nlp"]``. A model that cannot be loaded makes
/ask answer 503 (and is tried again on the next question).

The queries a question needs (resolving its names, then its pattern's query) run like any
other request's: in the query workers, under the time limit (503 past it) and the row cap
(announced in ``X-Result-Truncated`` and the answer's ``truncated``).
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from pyoxigraph import QuerySolutions

from extract.question_records import Question
from graph.questions import MAX_RESULTS, Answer, answer
from server.errors import BadRequest, QuerySyntaxError, QueryTimeout, ServerError
from server.pages import select
from server.state import get_state

bp = Blueprint("ask", __name__)

NLP_EXTENSION = "newskg.ask.nlp"
_LOCK = threading.Lock()
_PARSING = threading.Lock()
_clock = time.monotonic


class ParserUnavailable(ServerError):
    status, title = 503, "Service Unavailable"


def _nlp() -> Any:
    """The app's spaCy pipeline, loaded once (the lock keeps two first questions from both
    loading it)."""
    with _LOCK:
        nlp = current_app.extensions.get(NLP_EXTENSION)
        if nlp is None:
            from extract.nlp import ModelNotFound, load_pipeline

            model = get_state().config.model
            try:
                nlp = load_pipeline(model)
            except (ModelNotFound, OSError, ValueError) as exc:
                raise ParserUnavailable(f"questions cannot be read: {exc}") from exc
            current_app.extensions[NLP_EXTENSION] = nlp
        return nlp


class _WorkerQueries:
    """The store as :func:`graph.questions.answer` reads it (``query(sparql)``), each query run
    through :func:`server.pages.select`; remembers whether the row cap cut any result.

    A question takes several queries (its names, then its pattern's), each under the time
    limit; once the question as a whole is past it, no further query starts, so one question
    holds a request thread for at most about twice the limit.
    """

    def __init__(self, budget_s: float) -> None:
        self.truncated = False
        self._deadline = _clock() + budget_s

    def query(self, sparql: str) -> QuerySolutions:
        if _clock() > self._deadline:
            raise QueryTimeout("the question's queries ran past the time limit")
        solutions, truncated = select(sparql)
        self.truncated = self.truncated or truncated
        return solutions


def _answer(question: Question) -> Answer:
    """:func:`graph.questions.answer` over the query workers, with the server's limits."""
    config = get_state().config
    queries = _WorkerQueries(config.query_timeout_s)
    try:
        result = answer(queries, question)
    except QueryTimeout:
        raise QueryTimeout(
            f"answering this question took longer than the time limit of "
            f"{config.query_timeout_s:g} s, so it was stopped; name fewer or more specific "
            "things, or narrow the dates"
        ) from None
    except QuerySyntaxError as exc:  # the query is ours, so this is a fault, not a 400
        raise ServerError(
            f"the query made for this question does not parse: {exc.message}"
        ) from None
    return replace(result, truncated=True) if queries.truncated else result


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    accept = request.accept_mimetypes
    return accept.best_match(["text/html", "application/json"]) == "application/json"


def _local_link(iri: str) -> str:
    """Where an IRI of this graph is shown on this server (its /resource/ page)."""
    base = get_state().config.base_iri
    if iri.startswith(base) and len(iri) > len(base):
        return url_for("pages.resource", rest=iri[len(base) :])
    return iri


@bp.route("/ask", methods=["GET"])
def ask() -> Response | str:
    text = request.args.get("q", "")
    if not text.strip():
        if _wants_json():
            raise BadRequest("no question: give it as ?q=, e.g. ?q=what did Xi say about Taiwan")
        return render_template("ask.html", answer=None, data=None)
    nlp = _nlp()
    from extract.questions import QuestionError, parse_question

    try:
        with _PARSING:  # one question at a time through the shared pipeline
            question = parse_question(nlp, text)
    except QuestionError as exc:
        raise BadRequest(str(exc)) from exc
    result = _answer(question)
    data = result.as_json()
    max_rows = min(get_state().config.max_rows, MAX_RESULTS)
    if result.truncated:
        data["maxRows"] = max_rows
    if _wants_json():
        response = jsonify(data)
        _announce(response, result.truncated, max_rows)
        return response
    editor = url_for("pages.index") + "#query=" + quote(result.sparql, safe="")
    plain = url_for("pages.index", query=result.sparql)
    html = render_template(
        "ask.html",
        answer=result,
        data=data,
        editor_link=editor,
        plain_link=plain,
        local=_local_link,
        nearest_links=[(p.example, url_for("ask.ask", q=p.example)) for p in result.nearest],
    )
    response = Response(html, mimetype="text/html")
    _announce(response, result.truncated, max_rows)
    return response


def _announce(response: Response, truncated: bool, max_rows: int) -> None:
    response.headers["X-Result-Truncated"] = "true" if truncated else "false"
    response.headers["X-Result-Max-Rows"] = str(max_rows)
    response.vary.add("Accept")
