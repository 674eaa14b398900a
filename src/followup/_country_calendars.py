"""A country's calendar from ``holidays``, without loading all its countries.

The package's own way in, ``holidays.country_holidays("US")``, imports
``holidays.countries``, whose ``__init__`` imports every one of its 250-odd
countries: about 50 ms on the project's machines, a third of what
`followup plan --example` takes.  Yet each country is one module of that
folder, and most import nothing but the package's base classes.

So while nothing in the process has imported ``holidays.countries``, a
country's module is run on its own, under a name of followup's that is
never put in ``sys.modules``: what any other code imports stays as the
package made it.  The module is the package's own file, its class the
package's class (with another ``__module__``), so the dates are the same; a
test holds them equal for every country.  Wherever that cannot be done (the
package is not plain files, its registry reads otherwise, or the module
will not run alone), and once ``holidays.countries`` is loaded anyway, the
package's own `country_holidays` is used.  A country whose module imports
another country (American Samoa imports the United States) loads them all
that way, as before.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import sys
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["country_class", "country_holidays", "without_range_warnings"]

# `warnings.catch_warnings` saves and restores the process's filters: two
# threads inside it at once leave one's "ignore" behind for good, or let the
# other's warning out.  One thread at a time, then.
_WARNINGS = threading.Lock()


@contextlib.contextmanager
def without_range_warnings() -> Iterator[None]:
    """Hold back the package's warning that a year's holidays are not known.

    India's lunisolar holidays are known from 2001 to 2035 only; a plan in
    another year has the rest, and says nothing of those.  Only that
    warning: another of the host's, in another thread meanwhile, is shown.
    """
    with _WARNINGS, warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore",
            message="Requested Holidays are available only",
            category=UserWarning,
        )
        yield


def country_holidays(
    country: str,
    *,
    subdiv: str | None = None,
    years: int | None = None,
    language: str | None = None,
) -> Any:
    """``holidays.country_holidays`` for a known country code, loading only it."""
    # The class under the lock (`_run_alone`); its holidays made outside it,
    # as `holidays.country_holidays` makes them, for many threads at once.
    try:
        found = country_class(country)
    except AttributeError:
        # The package's own error for a code it lacks.
        raise NotImplementedError(f"Country {country} not available") from None
    return found(subdiv=subdiv, years=years, language=language)


def country_class(country: str) -> Any:
    """The holidays class of a known country code (its subdivisions and so on)."""
    found = _run_alone(country)
    if found is None:
        import holidays  # noqa: PLC0415 - heavy; only a known country needs it
        from holidays import registry  # noqa: PLC0415

        # The package's own lazy import, whole, as in `_run_alone`.
        with registry.IMPORT_LOCK:
            return getattr(holidays, country)
    return found


def _run_alone(country: str) -> Any | None:
    from holidays import registry  # noqa: PLC0415 - heavy; only when asked

    # One thread at a time, under the lock holidays takes for its own lazy
    # imports: a module run alone may import another country (American
    # Samoa the United States), and with it every country, while another
    # thread imports one of them; Python's locks of the two modules then
    # deadlock (`_DeadlockError`), or the package is seen half made.
    with registry.IMPORT_LOCK:
        # Once the package has loaded every country anyway, its classes serve.
        return None if "holidays.countries" in sys.modules else _alone(country)


@functools.cache
def _alone(country: str) -> Any | None:
    """The class of `country`, its module run on its own; `None` if it cannot be."""
    from holidays import registry  # noqa: PLC0415 - heavy; only when asked

    # Each module's class name first, then its codes and aliases.
    named = next(
        (
            (module, names[0])
            for module, names in registry.COUNTRIES.items()
            if country in names[1:]
        ),
        None,
    )
    if named is None:
        return None
    module, name = named
    try:
        folder = importlib.util.find_spec("holidays.countries")
        if folder is None or not folder.submodule_search_locations:
            return None
        path = Path(next(iter(folder.submodule_search_locations)), f"{module}.py")
        if not path.is_file():
            return None
        spec = importlib.util.spec_from_file_location(f"{__name__}.{module}", path)
        if spec is None or spec.loader is None:
            return None
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        return getattr(loaded, name, None)
    # The package as installed is not as this expects: its own way, then.
    except (ImportError, OSError, ValueError):
        return None
