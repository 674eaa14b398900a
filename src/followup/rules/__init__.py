"""The default rules, one module per piece of advice.

Rules apply in the order of `DEFAULT_RULES`: first the ones that propose
steps, then the ones that drop steps (performance, call limits, decisions),
then the ones that move them (late steps, working time).

| code  | name                              | advice            |
|-------|-----------------------------------|-------------------|
| FU001 | close-on-a-positive-note          | A1, A2            |
| FU002 | ask-for-contact-details           | A2                |
| FU003 | thank-you-immediately             | A3, A4            |
| FU004 | follow-up-after-two-to-three-days | A5, A7, A8, A9    |
| FU006 | call-after-one-to-two-weeks       | A10, A12, A13     |
| FU007 | call-back-as-agreed               | A11               |
| FU005 | follow-up-on-performance          | A6                |
| FU008 | do-not-call-frequently            | A14               |
| FU009 | decision-ends-follow-up           | (refinement)      |
| FU010 | late-steps-still-planned          | (refinement)      |
| FU011 | working-time                      | (refinement)      |
"""

from __future__ import annotations

from followup.rules.call_back import CallBackAsAgreed, CallBackParams
from followup.rules.call_frequency import CallSpacingParams, CallSparingly
from followup.rules.close_call import CloseCallParams, CloseOnPositiveNote
from followup.rules.contact_details import AskForContactDetails, ContactDetailsParams
from followup.rules.decision import DecisionEndsFollowUp, NoParams
from followup.rules.follow_up import FollowUpAfterDays, FollowUpParams
from followup.rules.late_steps import LateStepsStillPlanned
from followup.rules.params import DayCount
from followup.rules.performance import FollowUpOnPerformance, PerformanceParams
from followup.rules.phone_call import CallAfterWeeks, CallParams
from followup.rules.thank_you import ThankYouImmediately, ThankYouParams
from followup.rules.working_time import WorkingHoursParams, WorkingTime
from followup.ruleset import RuleSet

__all__ = [
    "DEFAULT_RULES",
    "AskForContactDetails",
    "CallAfterWeeks",
    "CallBackAsAgreed",
    "CallBackParams",
    "CallParams",
    "CallSpacingParams",
    "CallSparingly",
    "CloseCallParams",
    "CloseOnPositiveNote",
    "ContactDetailsParams",
    "DayCount",
    "DecisionEndsFollowUp",
    "FollowUpAfterDays",
    "FollowUpOnPerformance",
    "FollowUpParams",
    "LateStepsStillPlanned",
    "NoParams",
    "PerformanceParams",
    "ThankYouImmediately",
    "ThankYouParams",
    "WorkingHoursParams",
    "WorkingTime",
]

#: The rules that encode the advice, in the order they apply.
DEFAULT_RULES = RuleSet(
    (
        CloseOnPositiveNote(),
        AskForContactDetails(),
        ThankYouImmediately(),
        FollowUpAfterDays(),
        CallAfterWeeks(),
        CallBackAsAgreed(),
        FollowUpOnPerformance(),
        CallSparingly(),
        DecisionEndsFollowUp(),
        LateStepsStillPlanned(),
        WorkingTime(),
    )
)
