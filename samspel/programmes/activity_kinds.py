"""The values of an activity's kind and place: the words the programme files are written in,
without Django (no models, no translations); they live with the programmes, below the apps
that give them labels.

`samspel.activities.models.ActivityKind` and `Context` give them their translated labels; the
programme loader (`samspel.programmes.loader`) checks the data files against the same values.
"""

from __future__ import annotations

STARTUP_TALK = "startup_talk"
CHILD_CONVERSATION = "child_conversation"
CHILD_OBSERVATION = "child_observation"
CHILD_FOCUS_TALK = "child_focus_talk"
PARENT_FOCUS_TALK = "parent_focus_talk"
GROUP_TALK = "group_talk"
NETWORK_MEETING = "network_meeting"
FOLLOW_UP_MEETING = "follow_up_meeting"
HOME_VISIT = "home_visit"
VIDEO_CALL = "video_call"
PHONE_CALL = "phone_call"
SMS = "sms"
CONTACT_VISIT = "contact_visit"
HANDOVER_MEETING = "handover_meeting"
SUPERVISION_VISIT = "supervision_visit"
CONSIDERATION = "consideration"

ACTIVITY_KINDS = frozenset(
    {
        STARTUP_TALK,
        CHILD_CONVERSATION,
        CHILD_OBSERVATION,
        CHILD_FOCUS_TALK,
        PARENT_FOCUS_TALK,
        GROUP_TALK,
        NETWORK_MEETING,
        FOLLOW_UP_MEETING,
        HOME_VISIT,
        VIDEO_CALL,
        PHONE_CALL,
        SMS,
        CONTACT_VISIT,
        HANDOVER_MEETING,
        SUPERVISION_VISIT,
        CONSIDERATION,
    }
)

# Where an activity takes place.
HOME = "home"
OFFICE = "office"
NEUTRAL = "neutral"
VIDEO = "video"
PHONE = "phone"

CONTEXTS = frozenset({HOME, OFFICE, NEUTRAL, VIDEO, PHONE})
