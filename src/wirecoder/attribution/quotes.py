"""Find direct quotations by their marks, before any parsing.

Wire copy mixes straight "…", curly “…”, guillemets «…» and low „…“ marks, sometimes
in one quote (“… ," opened curly, closed straight). Single marks ‘…’ nest inside double
quotes and are part of the quoted words. A quote running over several paragraphs leaves
the mark open at each paragraph end and reopens it at the next paragraph's start: those
paragraphs are one quote with several segments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPENERS = frozenset('"“«„')
CLOSERS = frozenset('"”»“')


@dataclass(slots=True)
class Quote:
    """A direct quotation: the quoted words as segments between the marks."""

    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark
    segments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def trimmed(self, doc_text: str) -> list[tuple[int, int]]:
        """Segments without surrounding spaces and a trailing comma or colon."""
        out = []
        for s, e in self.segments:
            while s < e and doc_text[s].isspace():
                s += 1
            while e > s and (doc_text[e - 1].isspace() or doc_text[e - 1] in ",;:"):
                e -= 1
            if e > s:
                out.append((s, e))
        return out

    def n_words(self, doc_text: str) -> int:
        return sum(len(doc_text[s:e].split()) for s, e in self.segments)


def _is_opening(text: str, i: int) -> bool:
    """A straight mark opens when what precedes it is a space, start or opening punctuation."""
    prev = text[i - 1] if i else " "
    return prev.isspace() or prev in "([{—–-:"


def find_quotes(text: str) -> list[Quote]:
    """All balanced double-mark quotations in ``text``, in order."""
    quotes: list[Quote] = []
    i, n = 0, len(text)
    current: Quote | None = None
    seg_start = 0
    while i < n:
        ch = text[i]
        if current is None:
            if ch in "“«„" or (ch == '"' and _is_opening(text, i)):
                current = Quote(open_at=i, close_at=-1)
                seg_start = i + 1
        elif ch == "\n":
            # paragraph end inside a quote: continues only if the next paragraph reopens it
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j + 1 < n and text[j] in OPENERS and not text[j + 1].isspace():
                current.segments.append((seg_start, i))
                seg_start = j + 1
                i = j
            elif text.count("\n", i, j) >= 2 or j >= n:
                current = None  # unbalanced: drop it
        elif ch in CLOSERS and (ch != "“" or not _is_opening(text, i)):
            current.segments.append((seg_start, i))
            current.close_at = i
            if any(e > s for s, e in current.segments):
                quotes.append(current)
            current = None
        i += 1
    return quotes
