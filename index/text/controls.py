"""Control characters: no escape sequence from an article ever reaches a terminal.

Raw ESC, CSI, OSC and the other C0/C1 control characters in an article's text, title,
source or URL would be interpreted by the terminal that shows them: OSC 52 writes the
clipboard, OSC 0/2 sets the window title, `CSI 2J` clears the screen, `CSI 5n` makes the
terminal type a reply into the shell. Every C0 and C1 control character except newline and
tab is therefore made visible, one character for one (so span offsets stay valid): C0 as
its Unicode control picture (ESC becomes "␛"), DEL as "␡", C1 (including the 8-bit CSI,
U+009B) as "�". Ingest does it once (`clean_controls`), every place that draws text does
it again (`visible_controls`), and JSON for a terminal escapes C1 as well (`json_for_terminal`).
"""

from __future__ import annotations

import json
import re

_C0 = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_TRANSLATION: dict[int, int] = {**_C0, 0x7F: 0x2421, **dict.fromkeys(range(0x80, 0xA0), 0xFFFD)}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f]")


def has_controls(text: str) -> bool:
    """True when `text` holds a control character other than newline and tab."""
    return _CONTROL.search(text) is not None


def visible_controls(text: str) -> str:
    """`text` with every control character but newline and tab made visible, one for one.

    The result has the same length as `text`, so character offsets into it stay valid.
    """
    if _CONTROL.search(text) is None:
        return text
    return text.translate(_TRANSLATION)


def clean_controls(text: str) -> str:
    """Text for ingest: line breaks normalised to newline, other controls made visible.

    CR, CR LF, vertical tab, form feed and NEL become newlines (they separate lines in
    real files); everything else is made visible by `visible_controls`.
    """
    if _CONTROL.search(text) is None:
        return text
    return visible_controls(_LINE_BREAKS.sub("\n", text))


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_for_terminal(value: object, *, indent: int | None = None) -> str:
    """`json.dumps(value, ensure_ascii=False)` with DEL and the C1 controls escaped too.

    `json.dumps` escapes C0 but, with `ensure_ascii=False`, writes DEL and C1 (the 8-bit
    CSI among them) as they are. Outside strings JSON holds only ASCII, so escaping these
    characters anywhere in the output is the same as escaping them in the strings.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(_escape, text)
