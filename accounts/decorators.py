"""Opt-outs from the deny-by-default middleware, for the few pages a person needs before a second factor."""

from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V", bound=Callable[..., object])


def second_factor_not_required(view: V) -> V:
    """Mark a view as reachable by a user who has signed in with a password but not yet a security code."""
    view.second_factor_not_required = True  # type: ignore[attr-defined]
    return view
