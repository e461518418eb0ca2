"""The criterion codes of a preservation assessment, and which of them decide what."""

from __future__ import annotations

from typing import Final

__all__ = [
    "BALANCE",
    "BASIS",
    "CONTENTS",
    "EX_PARTE",
    "FACTORS",
    "HARM",
    "LIKELIHOOD",
    "PUBLIC_INTEREST",
    "READINESS",
    "REQUESTS",
    "SECURITY",
    "URGENCY",
]

BASIS: Final = "preservation.factor.basis"
LIKELIHOOD: Final = "preservation.factor.likelihood"
HARM: Final = "preservation.factor.irreparable_harm"
BALANCE: Final = "preservation.factor.balance"
PUBLIC_INTEREST: Final = "preservation.factor.public_interest"
URGENCY: Final = "preservation.urgency"
EX_PARTE: Final = "preservation.ex_parte"
REQUESTS: Final = "preservation.readiness.requests"
SECURITY: Final = "preservation.readiness.security"
CONTENTS: Final = "preservation.readiness.contents"

#: The five factors of SPC IP-preservation provisions Art. 7, in order.
FACTORS: Final = (BASIS, LIKELIHOOD, HARM, BALANCE, PUBLIC_INTEREST)
#: The completeness of the application (Arts. 4, 11): they decide ``ready``.
READINESS: Final = (REQUESTS, SECURITY, CONTENTS)
