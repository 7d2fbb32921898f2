"""A phone callback instead of typing: what the customer is offered and asked, the slots
they can choose, and how their choices come back.

The offer goes out with every handoff (`actions.takeover.hand_off`) and, when an operator
offers it, from the desk (`madoguchi.desk.callbacks`): a text with one button. Every
choice after it is a button too, its payload naming what was chosen:

    /callback{"start":true}                        電話で折り返してほしい
    /callback{"id":5,"phone":"0312345678"}         この番号にお願いします（a number known）
    /callback{"id":5,"day":"2026-11-21"}           11月21日(土)
    /callback{"id":5,"at":"2026-11-21T09:00"}      9時〜11時
    /callback{"id":5,"change":"time"}              日時を変更する
    /callback{"id":5,"change":"phone"}             電話番号を変更する
    /callback{"id":5,"cancel":true}                取り消す / やめる

and the phone number is the customer's own words. None of it reaches Rasa: the channels
answer first (`madoguchi.channels.callback`), as they do the 「解決しましたか」 survey.

Slots come from the rules file (`operators.callbacks`): each inside operator hours, on the
next operator days (closed dates and holidays skipped, as `madoguchi.shop.calendar` says).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from madoguchi.handoff.survey import button_data, is_id
from madoguchi.shop import calendar
from madoguchi.shop.rules import Rules

OFFER = (
    "お電話でのご相談をご希望でしたら、担当者からお電話いたします。"
    "下の「電話で折り返してほしい」を押してください。"
)
WANT = "電話で折り返してほしい"
ASK_PHONE = "お電話番号を数字でお書きください。（例：090-1234-5678）"
ASK_PHONE_KNOWN = "おかけするお電話番号をお選びいただくか、別の番号を数字でお書きください。"
USE_KNOWN = "この番号にお願いします（{phone}）"
PHONE_UNREAD = (
    "恐れ入りますが、お電話番号として読み取れませんでした。"
    "市外局番から、数字でお書きください。（例：03-1234-5678、090-1234-5678）"
)
ASK_DAY = "{phone} へおかけします。ご都合のよい日をお選びください。"
ASK_SLOT = "{day}の、ご都合のよい時間帯をお選びください。"
NO_DAYS = "申し訳ございません。ただいまお選びいただける日時がございません。このままチャットでご用件をお書きください。"
SLOT_GONE = "申し訳ございません。その時間帯はお受けできなくなりました。ほかの日時をお選びください。"
BOOKED = (
    "承りました。{slot}に、{phone} へ当店の担当者からお電話いたします。"
    "ご都合が変わりましたら、下のボタンから変更・取り消しができます。"
)
ALREADY = "{slot}に、{phone} へのお電話を承っております。変更・取り消しは下のボタンからどうぞ。"
CANCELLED = "お電話のお申し込みを取り消しました。ほかにご用件がございましたら、このままお書きください。"
NOT_YOURS = "恐れ入りますが、こちらのお申し込みは受け付けられませんでした。ご用件がございましたら、そのままお書きください。"
FINISHED = "こちらのお申し込みはすでに終了しております。改めてお電話をご希望の場合は、その旨をお書きください。"

ANOTHER_DAY = "別の日にする"
CHANGE_TIME, CHANGE_PHONE, CANCEL, STOP = "日時を変更する", "電話番号を変更する", "取り消す", "やめる"

PREFIX = "/callback"
PAYLOAD = re.compile(r"^/callback(\{.{1,200}\})$")
WEEKDAY = "月火水木金土日"


# ---------------------------------------------------------------- payloads


@dataclass(frozen=True)
class Choice:
    """What a callback button said: start, or for callback `id` a phone, day, slot, change or cancel."""

    id: int | None = None
    start: bool = False
    phone: str | None = None
    day: date | None = None
    at: datetime | None = None  # naive, the shop's local time
    change: str | None = None  # "time" or "phone"
    cancel: bool = False


def payload(**fields: Any) -> str:
    """A callback button's payload."""
    return PREFIX + json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


def is_callback(text: str | None) -> bool:
    """Whether a message is a callback button's payload (cheap: no JSON parsed)."""
    return isinstance(text, str) and text.startswith(PREFIX + "{")


def parse(text: str | None) -> Choice | None:
    """The choice a payload carries; None when it is no well-formed callback payload."""
    data = button_data(PAYLOAD, text)
    if data is None:
        return None
    if data.get("start") is True:
        return Choice(start=True)
    callback_id = data.get("id")
    if not is_id(callback_id):
        return None
    try:
        if data.get("cancel") is True:
            return Choice(callback_id, cancel=True)
        if data.get("change") in ("time", "phone"):
            return Choice(callback_id, change=data["change"])
        if isinstance(data.get("phone"), str) and data["phone"].isdigit():
            return Choice(callback_id, phone=data["phone"])
        if isinstance(data.get("day"), str):
            return Choice(callback_id, day=date.fromisoformat(data["day"]))
        if isinstance(data.get("at"), str):
            return Choice(callback_id, at=datetime.fromisoformat(data["at"]).replace(tzinfo=None))
    except ValueError:
        return None
    return None


def offer() -> tuple[str, list[dict[str, str]]]:
    """The offer and its button (the bot's at a handoff, or an operator's)."""
    return OFFER, [{"title": WANT, "payload": payload(start=True)}]


# ---------------------------------------------------------------- the words


def phone_text(digits: str) -> str:
    """A phone number as customers write it: 090-1234-5678, 03-1234-5678, 045-123-4567."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10 and digits[:2] in ("03", "06"):
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def day_text(d: date) -> str:
    """11月21日(土)"""
    return calendar.ja_date(d)


def hours_text(starts: datetime, ends: datetime) -> str:
    """9時〜11時"""
    return f"{calendar.ja_time(starts.time())}〜{calendar.ja_time(ends.time())}"


def slot_text(starts: datetime, ends: datetime) -> str:
    """11月21日(土) 9時〜11時"""
    return f"{day_text(starts.date())} {hours_text(starts, ends)}"


# ---------------------------------------------------------------- slots


@dataclass(frozen=True)
class Slot:
    """A time a customer can be called: aware datetimes in the shop's time zone."""

    starts: datetime
    ends: datetime

    @property
    def label(self) -> str:
        return slot_text(self.starts, self.ends)


def _slots_of_day(rules: Rules, now: datetime, day: date) -> list[Slot]:
    if not calendar.is_operator_day(rules, day):
        return []
    lead = timedelta(minutes=rules.callback_lead_minutes)
    slots = [
        Slot(datetime.combine(day, start, rules.tz), datetime.combine(day, end, rules.tz))
        for start, end in rules.callback_slots
    ]
    return [s for s in slots if s.ends - lead >= now]


def days_offered(rules: Rules, now: datetime) -> list[date]:
    """The next operator days that still have a slot, from today, as many as the rules say."""
    local = now.astimezone(rules.tz)
    found: list[date] = []
    day = local.date()
    for _ in range(60):  # a shop closed longer than this has no callbacks to offer
        if len(found) >= rules.callback_days:
            break
        if _slots_of_day(rules, local, day):
            found.append(day)
        day += timedelta(days=1)
    return found


def slots_on(rules: Rules, now: datetime, day: date) -> list[Slot]:
    """The slots of one of the days offered; none on any other day."""
    if day not in days_offered(rules, now):
        return []
    return _slots_of_day(rules, now.astimezone(rules.tz), day)


def slot_at(rules: Rules, now: datetime, starts: datetime) -> Slot | None:
    """The slot starting at `starts` (local time, naive) if it can still be chosen."""
    for slot in slots_on(rules, now, starts.date()):
        if slot.starts.replace(tzinfo=None) == starts:
            return slot
    return None


# ---------------------------------------------------------------- buttons


def phone_buttons(callback_id: int, known: str | None) -> list[dict[str, str]]:
    buttons = [{"title": USE_KNOWN.format(phone=phone_text(known)), "payload": payload(id=callback_id, phone=known)}] if known else []
    return buttons + [{"title": STOP, "payload": payload(id=callback_id, cancel=True)}]


def day_buttons(callback_id: int, days: list[date]) -> list[dict[str, str]]:
    return [{"title": day_text(d), "payload": payload(id=callback_id, day=d.isoformat())} for d in days] + [
        {"title": STOP, "payload": payload(id=callback_id, cancel=True)}
    ]


def slot_buttons(callback_id: int, slots: list[Slot]) -> list[dict[str, str]]:
    return [
        {
            "title": hours_text(s.starts, s.ends),
            "payload": payload(id=callback_id, at=s.starts.replace(tzinfo=None).isoformat(timespec="minutes")),
        }
        for s in slots
    ] + [{"title": ANOTHER_DAY, "payload": payload(id=callback_id, change="time")}]


def booked_buttons(callback_id: int) -> list[dict[str, str]]:
    return [
        {"title": CHANGE_TIME, "payload": payload(id=callback_id, change="time")},
        {"title": CHANGE_PHONE, "payload": payload(id=callback_id, change="phone")},
        {"title": CANCEL, "payload": payload(id=callback_id, cancel=True)},
    ]
