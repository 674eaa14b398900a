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

import functools
import importlib.util
import sys
from pathlib import Path
from typing import Any

__all__ = ["country_class", "country_holidays"]


def country_holidays(
    country: str,
    *,
    subdiv: str | None = None,
    years: int | None = None,
    language: str | None = None,
) -> Any:
    """``holidays.country_holidays`` for a known country code, loading only it."""
    found = _run_alone(country)
    if found is None:
        import holidays  # noqa: PLC0415 - heavy; only a known country needs it

        return holidays.country_holidays(
            country, subdiv=subdiv, years=years, language=language
        )
    return found(subdiv=subdiv, years=years, language=language)


def country_class(country: str) -> Any:
    """The holidays class of a known country code (its subdivisions and so on)."""
    found = _run_alone(country)
    if found is None:
        import holidays  # noqa: PLC0415 - heavy; only a known country needs it

        return getattr(holidays, country)
    return found


def _run_alone(country: str) -> Any | None:
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
