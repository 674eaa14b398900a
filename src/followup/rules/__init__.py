"""The built-in rules, one module per piece of advice.

Each rule acts in one or more phases (`followup.Phase`); within a phase the
rules apply in the order of `followup.DEFAULT_RULES`:

| code  | name                              | advice         | phases         |
|-------|-----------------------------------|----------------|----------------|
| FU001 | close-on-a-positive-note          | A1, A2         | propose, place |
| FU002 | ask-for-contact-details           | A2             | propose        |
| FU003 | thank-you-immediately             | A3, A4         | propose, place |
| FU004 | follow-up-after-two-to-three-days | A5, A7-A9      | propose, place |
| FU006 | call-after-one-to-two-weeks       | A10, A12, A13  | propose        |
| FU007 | call-back-as-agreed               | A11            | propose        |
| FU005 | follow-up-on-performance          | A6             | drop           |
| FU008 | do-not-call-frequently            | A14            | place          |
| FU009 | decision-ends-follow-up           | (refinement)   | drop           |
| FU010 | late-steps-still-planned          | (refinement)   | place          |
| FU012 | steps-in-order-and-apart          | A5, A10        | place          |
| FU013 | wait-while-away-paused-or-deciding | A10           | place          |
| FU011 | working-time                      | (refinement)   | place          |

The rules that propose a step of a kind also govern every step of that
kind in the place phase, whoever proposed it: a thank-you never goes out
before the call ends, a follow-up never before its window opens.
"""

from __future__ import annotations

from followup.rules._params import DayCount
from followup.rules._shared import NoParams
from followup.rules.call_back import CallBackAsAgreed, CallBackParams
from followup.rules.call_frequency import CallSpacingParams, CallSparingly
from followup.rules.close_call import CloseCallParams, CloseOnPositiveNote
from followup.rules.contact_details import AskForContactDetails, ContactDetailsParams
from followup.rules.decision import DecisionEndsFollowUp
from followup.rules.follow_up import FollowUpAfterDays, FollowUpParams
from followup.rules.late_steps import LateStepsStillPlanned
from followup.rules.performance import FollowUpOnPerformance, PerformanceParams
from followup.rules.phone_call import CallAfterWeeks, CallParams
from followup.rules.spacing import SpacingParams, StepsInOrder
from followup.rules.thank_you import ThankYouImmediately, ThankYouParams
from followup.rules.waiting import WaitForThem
from followup.rules.working_time import WorkingHoursParams, WorkingTime

__all__ = [
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
    "SpacingParams",
    "StepsInOrder",
    "ThankYouImmediately",
    "ThankYouParams",
    "WaitForThem",
    "WorkingHoursParams",
    "WorkingTime",
]
