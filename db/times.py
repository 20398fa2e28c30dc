"""Every time in the database is ISO 8601 UTC text, YYYY-MM-DDTHH:MM:SSZ."""
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime(FORMAT)


def to_utc(value) -> str | None:
    """Normalise an ISO 8601 or RFC 822 time (or datetime) to the database format; None stays None."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            try:
                moment = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                raise ValueError(f"not a recognisable date/time: {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # the platforms give UTC when they omit a zone
    return moment.astimezone(timezone.utc).strftime(FORMAT)


def days_ago(days: float) -> str:
    """The moment `days` days before now, in the database format."""
    return (datetime.now(timezone.utc) - timedelta(days=days)).strftime(FORMAT)
