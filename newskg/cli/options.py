"""What the verbs share: options made from the declared settings, and the steps every verb
turns from an exception into one clear line (opening the store, reading the settings, loading
the model)."""

from __future__ import annotations

from typing import Any

import click

from newskg.settings import Settings, declaration, env_var
from server.config import ServerConfig, declared


def _help(name: str) -> str:
    d = declaration(name)
    shown = "unset" if d.default is None else d.default
    return f"{d.help} [env {env_var(name)}; default {shown}]"


def setting_option(name: str, *flags: str, **kwargs: Any) -> Any:
    """A click option for the declared setting ``name``: its environment variable, default and
    help come from the declaration, and the command receives it under the setting's field name
    (so the values go straight into :meth:`Settings.from_env`, never mapped by hand)."""
    d = declaration(name)
    # The help already names the default (and the variable): click need not repeat it.
    return click.option(
        *flags, d.field, envvar=env_var(name), default=d.default, help=_help(name), **kwargs
    )


def server_option(name: str, *flags: str, **kwargs: Any) -> Any:
    """A click option for the ServerConfig field ``name`` that has no environment variable:
    default and help from its declaration, received under the field's name."""
    d = next(d for d in declared(ServerConfig) if d.field == name)
    return click.option(*flags, name, default=d.default, help=d.help, **kwargs)


class _ByteSizeType(click.ParamType):
    """Bytes, or a size such as 800M or 1.5G (:func:`server.config.parse_size`)."""

    name = "size"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from server.config import ByteSize, parse_size

        if value is None or isinstance(value, int):
            return value
        try:
            return ByteSize(parse_size(str(value)))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


BYTE_SIZE = _ByteSizeType()

store_option = setting_option(
    "store", "-s", "--store", show_default=False, type=click.Path(file_okay=False)
)
model_option = setting_option("model", "--model")
date_option = click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for plain-text files without a NAME.meta.json.",
)


def open_store(path: str, *, read_only: bool = False, base: str | None = None) -> Any:
    from graph.store import KnowledgeStore, StoreError

    try:
        return KnowledgeStore(
            path, read_only=read_only, base=base or Settings.from_env().server.base_iri
        )
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def settings_of_run(**values: Any) -> Settings:
    """The settings of this run: declared defaults, NEWSKG_* variables, then these options."""
    try:
        return Settings.from_env(**values)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def load_nlp(model: str, gazetteer: tuple[str, ...]) -> Any:
    from extract.nlp import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model, gazetteer)
    except (ModelNotFound, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
