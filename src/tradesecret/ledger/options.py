"""
The readings of open law and the conventions an evaluation of the ledger uses.

Each is an enum whose docstring gives the reading, its reason and the alternative;
:class:`LedgerOptions` collects them (every default documented on its enum).
"""

from __future__ import annotations

import enum

import attrs

__all__ = [
    "BreachReturn",
    "CuredArrears",
    "DueConvention",
    "LedgerOptions",
    "MinimumWageMonth",
    "PartialMonth",
    "ReminderTiming",
    "UndecidedActivation",
    "UnpaidCounting",
]


# -- readings of open law and conventions ---------------------------------------------------


class DueConvention(enum.Enum):
    """
    When each monthly instalment falls due (plus ``ledger.due_offset_days``).

    LCL Art. 23(2) says compensation is paid "monthly" (按月) during the period; it does not
    say on which day. ``END_OF_PERIOD`` (default) makes each instalment due on the last day
    of its month of the restriction -- the latest day that is still "monthly" for that month.
    ``START_OF_PERIOD`` is the pay-in-advance convention some agreements use.
    """

    END_OF_PERIOD = "end_of_period"
    START_OF_PERIOD = "start_of_period"


class UnpaidCounting(enum.Enum):
    """
    How "three months' compensation unpaid" is counted (Interp. (I) Art. 38; MOHRSS §17).

    ``INSTALMENTS`` (default): count monthly instalments that have fallen due and are not
    fully paid; the right arises the day after the due date of the instalment that brings
    the count to the threshold (Art. 38: at least three; the guidance: more than three).
    Instalments count whether or not they are consecutive; with oldest-first allocation
    the unpaid ones are always the latest consecutive ones (a payment naming a later
    instalment can leave a gap).
    Reason: compensation is owed "monthly" (LCL Art. 23(2)), so "three months'
    compensation" reads most naturally as three monthly instalments; it is also the
    earlier, employee-protective reading.

    ``ELAPSED_TIME``: one instalment has stayed unpaid for three months after its due date;
    the right arises the day after the three-month period (counted by Civil Code Arts.
    201-202) ends.
    """

    INSTALMENTS = "instalments"
    ELAPSED_TIME = "elapsed_time"


class ReminderTiming(enum.Enum):
    """
    Which written reminders count for MOHRSS §17 ("more than one month late and still
    unpaid after the employee's written reminder").

    ``AFTER_DUE`` (default): any reminder given after the instalment became overdue; the
    right arises once the instalment is more than one month late *and* the reminder has
    gone unanswered (``ledger.reminder_cure_days``). ``AFTER_ONE_MONTH_LATE``: only a
    reminder given once the instalment is already more than one month late counts.
    """

    AFTER_DUE = "after_due"
    AFTER_ONE_MONTH_LATE = "after_one_month_late"


class PartialMonth(enum.Enum):
    """
    The instalment of the month in which the restriction ends early (employer release,
    effective rescission).

    ``PRO_RATA_DAYS`` (default): the month's amount times restricted days / days of that
    month of the period, rounded half up to the fen -- compensation is the price of the
    restriction, month by month (LCL Art. 23(2)), and the restriction ended inside the
    month. ``FULL_MONTH``: the whole month's amount stays owed.
    """

    PRO_RATA_DAYS = "pro_rata_days"
    FULL_MONTH = "full_month"


class BreachReturn(enum.Enum):
    """
    Which compensation an employee in breach must return (Interp. (II) Art. 15: "the
    compensation already paid").

    ``ALL_PAID`` (default) follows the text: everything paid up to the date asked about.
    ``BREACH_MONTHS`` is the narrower reading some courts apply: only what was paid for the
    months of the period during which the employee competed.
    """

    ALL_PAID = "all_paid"
    BREACH_MONTHS = "breach_months"


class MinimumWageMonth(enum.Enum):
    """
    Which minimum wage applies to a month of the period under the Interp. (I) Art. 36 floor.

    ``PERIOD_END`` (default, the same reading as
    :class:`tradesecret.noncompete.MinimumWageDay` ``LAST_DAY``): the standard in force on
    the last day of that month of the restriction, so a rise applies to the month in which
    it takes effect. ``PERIOD_START``: the standard in force on its first day (a rise
    applies from the next month).
    """

    PERIOD_START = "period_start"
    PERIOD_END = "period_end"


class CuredArrears(enum.Enum):
    """
    Whether paying the arrears later ends a release right that has already arisen.

    ``RIGHT_REMAINS`` (default): a right, once arisen, stays until the end of the
    restriction even if the employer later pays what was owed. Interp. (I) Art. 38 attaches
    the right to the fact of three months' non-payment, and neither it nor MOHRSS §17 says
    that a later payment takes it away; reading a cure into the text would let an employer
    defeat the right by paying just before the employee acts.

    ``RIGHT_LAPSES``: the right exists only while its condition still holds; it lapses from
    the day after the payment that brings the unpaid instalments below the threshold (or
    pays the instalment that founded it), and can arise again. A rescission is effective
    only if a right stands on its date. Some tribunals read Art. 38 this way (the purpose
    of the right is to stop unpaid performance, which ended when the employer paid).
    """

    RIGHT_REMAINS = "right_remains"
    RIGHT_LAPSES = "right_lapses"


class UndecidedActivation(enum.Enum):
    """
    Where the agreement reserved the employer's decision to activate the restriction at
    departure (:attr:`LedgerTerms.activation_reserved`) and no :class:`Activation` or
    :class:`Waiver` is recorded on or before the termination date.

    ``CLAUSE_APPLIES`` (default): the restriction runs and compensation is owed month by
    month. Interp. (I) Art. 37: termination does not end an agreed non-compete; unless
    otherwise agreed, the employer may require performance and the employee who performed
    may claim compensation. An employer that reserved a decision and did not make it cannot
    leave the employee uncertain at the employee's cost; a finding says the decision is
    missing.

    ``NOT_STARTED``: the reservation was not exercised, so the restriction never started
    and no instalment is due (the employer's reading; an :class:`Activation` after the
    termination date is then reported, not applied).
    """

    CLAUSE_APPLIES = "clause_applies"
    NOT_STARTED = "not_started"


@attrs.frozen(kw_only=True)
class LedgerOptions:
    """
    The readings and conventions an evaluation uses; every default is documented on its enum.

    Attributes:
        due_convention: When instalments fall due.
        unpaid_counting: How "three months unpaid" is counted.
        reminder_timing: Which reminders count for the guidance ground.
        partial_month: The instalment of a month in which the restriction ends early.
        breach_return: What compensation an employee in breach returns.
        minimum_wage_month: Which month's minimum wage floors the default.
        extra_on_pre_period_release: Whether an employer release given on or before the
            termination date (before the period starts) still owes the extra months of
            Interp. (I) Art. 39. Default ``False``: Art. 39 speaks of a release "during the
            non-compete period" (在竞业限制期限内).
        cured_arrears: Whether paying the arrears later ends a right that has arisen.
        undecided_activation: A reserved activation with no decision at departure.
    """

    due_convention: DueConvention = DueConvention.END_OF_PERIOD
    unpaid_counting: UnpaidCounting = UnpaidCounting.INSTALMENTS
    reminder_timing: ReminderTiming = ReminderTiming.AFTER_DUE
    partial_month: PartialMonth = PartialMonth.PRO_RATA_DAYS
    breach_return: BreachReturn = BreachReturn.ALL_PAID
    minimum_wage_month: MinimumWageMonth = MinimumWageMonth.PERIOD_END
    extra_on_pre_period_release: bool = False
    cured_arrears: CuredArrears = CuredArrears.RIGHT_REMAINS
    undecided_activation: UndecidedActivation = UndecidedActivation.CLAUSE_APPLIES
