"""The relation filter options of the CLI, declared once: ``geokg query ...`` and ``geokg export`` take them.

They are the HTTP query string's filters (``--since``, ``--until``, ``--types``, ``--min-weight``,
``--min-confidence``, ``--actor-types``, ``--countries``, ``--modalities``, ``--ego``, ``--ego-hops``,
``--weight-by``): :data:`FILTER_OPTIONS` declares them, :func:`filter_options` adds them to a command
and hands it their :class:`~graph.filters.RelationFilter`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

Since = Annotated[str | None, typer.Option("--since", help="Earliest record date, YYYY-MM-DD (inclusive)")]
Until = Annotated[str | None, typer.Option("--until", help="Latest record date, YYYY-MM-DD (inclusive)")]
Types = Annotated[str | None, typer.Option("--types", help="Relation types, comma-separated; "
                                                           "opposes/cooperatesWith include their sub-types")]
MinWeight = Annotated[int, typer.Option("--min-weight", min=1, help="Least weight per pair and type")]
MinConfidence = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Least confidence")]
ActorTypes = Annotated[str | None, typer.Option("--actor-types", help="Actor classes, comma-separated")]
Countries = Annotated[str | None, typer.Option("--countries", help="ISO alpha-3 codes, comma-separated")]
Modalities = Annotated[str | None, typer.Option("--modalities", help="Default: asserted,reported")]
Ego = Annotated[str | None, typer.Option("--ego", help="Only the ego network of this actor")]
EgoHops = Annotated[int, typer.Option("--ego-hops", min=1, max=4, help="Radius of --ego")]
WeightBy = Annotated[str, typer.Option("--weight-by", help="documents (default), sources or mentions")]

def _option(name: str, annotation: Any, default: object) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)


FILTER_OPTIONS: tuple[inspect.Parameter, ...] = (
    _option("since", Since, None),
    _option("until", Until, None),
    _option("types", Types, None),
    _option("min_weight", MinWeight, 1),
    _option("min_confidence", MinConfidence, 0.0),
    _option("actor_types", ActorTypes, None),
    _option("countries", Countries, None),
    _option("modalities", Modalities, None),
    _option("ego", Ego, None),
    _option("ego_hops", EgoHops, 1),
    _option("weight_by", WeightBy, "documents"),
)
"""The filter options every query command takes (the HTTP query string's filters), in --help order.
Declared here once; :func:`filter_options` adds them to a command."""
EGO_OPTIONS = frozenset({"ego", "ego_hops"})
"""The filter options a command that is itself about one actor's neighbourhood leaves out."""


def filter_options(*, ego: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a query command the filter options and hand it their :class:`~graph.filters.RelationFilter`.

    The decorated command declares a keyword parameter ``flt`` instead of the options: the
    command typer sees has the command's own parameters, then :data:`FILTER_OPTIONS` (without
    ``--ego``/``--ego-hops`` when ``ego`` is False), and calls the command with ``flt`` built
    from them. A bad value (``--types befriends``, ``--since`` after ``--until``) is the
    CLI's one-line error with exit code 1. Put it under ``@query_app.command()``.

    Parameters
    ----------
    ego
        Whether the command takes ``--ego`` and ``--ego-hops``.

    Returns
    -------
    Callable
        The decorator.
    """
    options = [o for o in FILTER_OPTIONS if ego or o.name not in EGO_OPTIONS]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command).parameters.values() if p.name != "flt"]
        clash = {p.name for p in own} & {o.name for o in FILTER_OPTIONS}
        if clash:
            raise TypeError(f"{command.__name__} declares filter options itself: {sorted(clash)}")

        @functools.wraps(command)
        def run(**values: Any) -> None:
            from graph.filters import make_filter

            chosen = {o.name: values.pop(o.name) for o in options}
            from api.cli import _reported  # (api.cli imports this module)

            with _reported():
                flt = make_filter(since=chosen["since"], until=chosen["until"], types=chosen["types"],
                                  min_weight=chosen["min_weight"], min_confidence=chosen["min_confidence"],
                                  actor_types=chosen["actor_types"], countries=chosen["countries"],
                                  modalities=chosen["modalities"], actor=chosen.get("ego"),
                                  hops=chosen.get("ego_hops", 1), weight_by=chosen["weight_by"])
            command(**values, flt=flt)

        # typer reads the parameters from inspect.signature (which takes __signature__ over the
        # wrapped command's) and their types from __annotations__; the command's own annotations
        # are strings (postponed evaluation), resolved here.
        resolved = [p.replace(annotation=_resolved(command, p.annotation)) for p in own]
        run.__signature__ = inspect.Signature([*resolved, *options])  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in [*resolved, *options]}
        return run

    return decorate


def _resolved(command: Callable[..., None], annotation: Any) -> Any:
    """An annotation of ``command`` as an object (it is a string under postponed evaluation)."""
    if isinstance(annotation, str):
        return eval(annotation, command.__globals__)  # noqa: S307 - the module's own annotations
    return annotation
