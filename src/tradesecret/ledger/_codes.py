"""
The enums of the ledger's results that the batch path writes as small integer codes.

Defined apart from :mod:`tradesecret.ledger.state` (which re-exports them) so that the
batch path loads them without the object path's result classes.
"""

from __future__ import annotations

import enum

__all__ = ["EndedBy", "InstalmentStatus", "ReleaseGround"]


class InstalmentStatus(enum.Enum):
    """The status of one instalment as of a date. ``code`` is its batch integer code."""

    PAID = "paid"  # 已按期支付
    PAID_LATE = "paid_late"  # 逾期后已付清
    PARTLY_PAID = "partly_paid"  # 已逾期，部分支付
    OVERDUE = "overdue"  # 已逾期，未支付
    DEFERRED = "deferred"  # 付款期限经约定或因劳动者原因推迟，尚未届至
    NOT_YET_DUE = "not_yet_due"  # 尚未到期
    CANCELLED = "cancelled"  # 因解除或放弃而不再发生

    @property
    def code(self) -> int:
        """Stable small integer used by the batch path (0 = paid ... 6 = cancelled)."""
        return _STATUS_CODES[self]

    @classmethod
    def from_code(cls, code: int) -> InstalmentStatus:
        """The status with batch code ``code``."""
        return _STATUS_BY_CODE[code]


_STATUS_CODES = {s: n for n, s in enumerate(InstalmentStatus)}
_STATUS_BY_CODE = dict(enumerate(InstalmentStatus))


class ReleaseGround(enum.Enum):
    """Why a release right arose."""

    #: Interp. (I) Art. 38: three months' compensation unpaid for reasons attributable to
    #: the employer (binding).
    UNPAID_THREE_MONTHS = "unpaid_three_months"
    #: MOHRSS guidelines §17: more than one month late and unpaid after a written reminder.
    LATE_AFTER_REMINDER = "late_after_reminder"
    #: MOHRSS guidelines §17: unpaid for more than three months.
    UNPAID_OVER_THREE_MONTHS = "unpaid_over_three_months"


class EndedBy(enum.Enum):
    """What ended (or will end) the restriction."""

    SCHEDULED_END = "scheduled_end"
    WAIVER = "waiver"
    EMPLOYER_RELEASE = "employer_release"
    RESCISSION = "rescission"
    #: Activation was reserved, no decision was recorded at departure, and the evaluation
    #: reads that as the restriction never starting (``UndecidedActivation.NOT_STARTED``).
    NOT_ACTIVATED = "not_activated"
