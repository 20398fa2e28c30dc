"""Quote marks and dashes in mojibake: the UTF-8 bytes of “ ” ‘ ’ – — … read back as Windows-1252
(or Thai Windows-874) by a site that copied the story ('â€œ', 'โ€™'), as aggregator copies of news
pages print them. Repaired before anything looks for quote marks (quote_marks.prepare) and before
words are matched (quote_candidates.normalize_quote): the same words the page printed, in the marks
it meant. Letters are left alone: only the three-character forms of U+2010 to U+203F are read back."""

from __future__ import annotations

import re

# E2 80 xx: 'â' (Windows-1252) or 'โ' (Windows-874), then '€', then xx as Windows-1252 shows it.
# A closing double mark's xx (9D) is a byte Windows-1252 has no character for, so pages lose it:
# 'â€' with no third character is that mark.
_THREE = re.compile("[âโ]€(.?)", re.S)
# '“Everything is clean,†Ramos said.': a closing mark and the space after it turned into a dagger,
# after a sentence's comma or stop, in a paragraph whose opening marks outnumber its closing ones.
_DAGGER_CLOSER = re.compile(r"(?<=[,.!?])†(?=(\w)?)")


def _read_back(match: re.Match) -> str:
    third = match.group(1)
    try:
        byte = third.encode("cp1252") if third else b""
    except UnicodeEncodeError:
        byte = third.encode("latin-1", errors="ignore")  # (a C1 control, as some decoders keep it)
    if len(byte) == 1 and 0x80 <= byte[0] <= 0xBF:
        char = (b"\xe2\x80" + byte).decode("utf-8")
        if "\u2010" <= char <= "\u203f":
            return char
    return "”" + third  # the lost 9D: the third character is the text that followed the mark


def repaired(text: str) -> str:
    """text with mojibake quote marks, apostrophes and dashes read back; anything else unchanged."""
    if "€" in text:
        text = _THREE.sub(_read_back, text)
    if "†" in text:
        text = "\n".join(_closers_for_daggers(line) if line.count("“") > line.count("”") else line
                         for line in text.split("\n"))
    return text


def _closers_for_daggers(line: str) -> str:
    return _DAGGER_CLOSER.sub(lambda m: "” " if m.group(1) else "”", line)
