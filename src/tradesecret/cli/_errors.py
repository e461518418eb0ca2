"""
How the command line says an input error (exit 2): every problem, in the command's locale.

``--locale zh_CN`` (the default) and ``--locale en`` print one line per problem, framed by the
catalog's ``error.prefix`` (``错误：`` / ``error: ``). ``--locale bilingual`` prints each problem
twice, its Chinese line first and then its English line. A locale the library does not know
(the error being reported may be exactly that) is answered bilingually.
"""

from __future__ import annotations

from typing import TextIO

from tradesecret.exceptions import InvalidInputError, TradeSecretError
from tradesecret.i18n import Localizer, normalize_locale

__all__ = ["error_locales", "one_locale", "say_error"]

_BILINGUAL = ("bilingual", "both")


def error_locales(locale: object) -> tuple[str, ...]:
    """The catalogs an error is said in: one, or ``zh_CN`` then ``en`` for bilingual."""
    if not isinstance(locale, str) or locale in _BILINGUAL:
        return ("zh_CN", "en")
    try:
        return (normalize_locale(locale),)
    except InvalidInputError:
        return ("zh_CN", "en")


def one_locale(locale: str) -> str:
    """The one locale a command writes its output in: ``zh_CN`` for ``bilingual``."""
    return "zh_CN" if locale in _BILINGUAL else locale


def say_error(error: TradeSecretError, locale: object, err: TextIO) -> None:
    """Write every problem of ``error`` to ``err``, one framed line per problem and locale."""
    localizers = [Localizer.for_locale(loc) for loc in error_locales(locale)]
    lines = [loc.error(error) for loc in localizers]
    prefixes = [loc.catalog_texts().get("error.prefix") or "error: " for loc in localizers]
    for i in range(len(lines[0])):
        for prefix, said in zip(prefixes, lines, strict=True):
            err.write(f"{prefix}{said[i]}\n")
