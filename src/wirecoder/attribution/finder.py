"""Attribution relations (Source, Cue, Content) from a parsed text.

Two evidence sources meet here. Quote marks give direct quotations, however many
sentences they run over (the parser only sees sentences); the dependency parse gives
the cue verb, its subject (the source) and its clausal complement (reported speech).
A quote is tied to the attribution clause right before or after it; a quote split
around its clause (`"We will …," he said, "never …"`) is one relation. Cue verbs come
from the lexicon in tiers: ``speech`` (statements), ``belief`` (believe, know, show)
and ``mined`` (cue lemmas mined from PolNeAR train); callers pick the tiers. The
mined tier also holds noun and adjective cues ("claim that …", "critical of …") and
verb + preposition pairs ("railed against …"). Layout gives the rest: speaker labels,
headlines ("…, Minister Says") and clauses ending in a colon before a block. The
``learned`` tier (``tagger.py``, ``cue_words.py``: models trained on PolNeAR train) adds the
cues those rules miss and keeps a non-speech rule cue only where the models read one too.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Cue, cue_lexicon
from .quotes import Quote, find_quotes
from .tagger import LABELS, cue_tagger, tagger_available

SPEECH = ("speech",)
ALL_TIERS = ("speech", "belief", "mined")
#: The ``learned`` tier adds the cues the trained tagger reads and no rule finds.
LEARNED = "learned"
#: Weight of the tagger against the parse-feature model in a token's cue score, and the
#: score on one of a cue's words that both adds a cue no rule found and keeps a rule cue
#: outside the speech tier, so a belief or mined cue stands only where the models would
#: have read a cue themselves. Set on PolNeAR dev (cue F1 0.84 against 0.78 for the rules
#: alone); speech cues are never dropped, as that lost more gold cues than false ones.
LEARNED_WEIGHT = 0.7
LEARNED_CUE_THRESHOLD = 0.6
#: A cue the models score this high stands even inside another relation's content, which
#: then ends before it ("X tweeted that A was a con and encouraged fans to …"), and when a
#: nearer cue takes its content it keeps what its own parse reports: set on PolNeAR dev,
#: where such cues are mostly gold.
LEARNED_INNER_CUE_THRESHOLD = 0.8

#: Method of a learned relation whose content is the nearest Content the tagger read, not its cue's own.
BORROWED = "tagger:nearest"

#: "call" naming something in quotation marks: a statement of what it is, not a demand.
_NAMING = Cue(lemma="call", act="state", tier="speech")

#: A quotation needs this many words to be a statement rather than scare quotes.
MIN_QUOTE_WORDS = 4
#: The farthest a quote mark can be from its cue: the clause between them is at most 14 words.
_MAX_GAP_CHARS = 600
_SUBJ = ("nsubj", "nsubjpass", "csubj")
#: What a content cut before another cue must not end on: punctuation and a conjunction.
_TRAILING_LINK = re.compile(r"(?:[\s,;—–-]+(?:and|but|or|while)\b)?[\s,;—–-]*$")
_ABOUT_PREPS = {"about", "of", "against"}  # "spoke of X", "warned against X"
_CONTENT_PREPS = {"for", "on", "upon", "over"}  # content only for these acts: "called for X"
_PREP_ACTS = {"demand", "appeal", "threaten", "condemn"}
_CUE_PARTICLES = {"out", "up", "for", "on", "upon"}
_CHARGE_PREPS = {"of", "for"}
#: What may follow a cue before the quote its speaker goes on with: the end of its sentence
#: ("said.", "said on Monday."), in the same paragraph.
_CUE_SENTENCE_END = re.compile(r"[^.\n\"“”]{0,40}\.[ \t]+")  # "accused X of …", "blamed X for …"
#: Titles and initials whose period does not end a sentence ("Ms. Moore", "John F. Kelly").
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Maj|Sgt|Capt|Prof|Rev|St|Jr|Sr|Adm|Brig|[A-Z])\.")
_NAME = r"((?:[A-Z][\w.'’-]*[ \t]){0,4}[A-Z][\w.'’-]*)"
_LABEL = re.compile(r"(?m)^[ \t]*[\"“]?" + _NAME + r"[ \t]*(:|―|—|--)[ \t]+(\S[^\n]*)$")
#: A headline closing on its source and a speech verb: "Talks will resume, minister says".
_HEAD_TRAILING = re.compile(r"^(\S[^\n]*?),[ \t]+([A-Z][^,\n]{1,80}?)[ \t]+([A-Za-z]+)\.?[ \t]*$")
#: A quote signed inside a paragraph of vox pops: "“… a real fiasco.” ― Nell Carden Grey “No …".
_SIGNED_INLINE = re.compile(r"[”\"][ \t\xa0]*(―|—)[ \t\xa0]*" + _NAME + r"(?=\.?(?:[ \t\xa0]+[“\"”A-Z]|[ \t\xa0]*(?:[“\"”]|\n|$)))")
_SIGNED = re.compile(r"(?m)^[ \t]*(\S[^\n]*?)(?:[ \t\xa0]+|(?<=[”\"]))(―|—|--)[ \t]*" + _NAME + r"\.?[ \t\xa0]*$")


def _not_speaking(tok: Token) -> bool:
    """"Say" that reports no one's words: supposing ("Let's say you …", "Say Mexico demanded …")
    and the idiom "goes without saying"."""
    head = tok.head
    return tok.lemma_.lower() == "say" and (
        head.lower_ == "without" or head.lemma_ == "let" or any(c.lower_ == "let" for c in head.children)
        or (tok.i == tok.sent.start and tok.lower_ == "say")
    )


@dataclass(slots=True)
class Attribution:
    """One attribution relation found in the text (character spans)."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str  # direct | indirect
    lemma: str | None
    act: str
    tier: str
    method: str
    confidence: float
    nominal: bool = False  # a speech act on a noun ("condemned the attack"), not reported content
    participle: bool = False  # "…, adding that …": a cue hung on another clause, sharing its source
    rejoinder: bool = False  # "…, a charge X denied": the content is another's claim, whose relation stands
    channel: str | None = None
    #: spans of the attribution clause outside content (where dates and channels live)
    clause: tuple[int, int] | None = None
    #: the learned models' cue score (tagger and parse model averaged), when they ran
    cue_score: float | None = None

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


def _edges(tokens: list[Token]) -> tuple[int, int] | None:
    """Character extent of tokens, trimmed of punctuation and quote marks at the edges."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _edges_text(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A character range without the spaces and quote marks at its edges."""
    while start < end and (text[start].isspace() or text[start] in "\"“”"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”"):
        end -= 1
    return (start, end) if end > start else None


def _subtree(tok: Token, exclude: set[int] | None = None) -> list[Token]:
    return [t for t in tok.subtree if not exclude or t.i not in exclude]


def _charge(accused: Token) -> list[Token]:
    """The charge after an accusation's object, with the phrases before it: "accused
    authorities (in the north) of arming the youths", "blamed the army for the killings"; not
    a verb joined to it ("… of using force and called on the government")."""
    preps = [p for p in accused.head.children if p.dep_ == "prep" and p.i > accused.i]
    for k, p in enumerate(preps):
        if p.lower_ in _CHARGE_PREPS or any(t.dep_ == "prep" and t.lower_ in _CHARGE_PREPS for t in p.subtree):
            return [t for q in preps[: k + 1] for t in _without_joined_verbs(q)]
    return []


def _without_joined_verbs(tok: Token) -> list[Token]:
    """``tok``'s subtree less the verbs joined to a verb in it, and their words."""
    joined = {t.i for c in tok.subtree if c.dep_ == "conj" and c.pos_ == "VERB" and c.head.pos_ == "VERB"
              for t in [*c.subtree, *(x for x in c.head.children if x.dep_ == "cc" and x.i < c.i)]}
    return [t for t in tok.subtree if t.i not in joined]


def _inside(pos: int, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.open_at < pos < q.close_at:
            return q
    return None


def _stance(
    tok: Token, content: tuple[int, int], cue: tuple[int, int], source: tuple[int, int] | None,
    tier: str, method: str, nominal: bool = False,
) -> Attribution:
    """A stance held rather than words spoken ("is confident that …", "criticism of …"):
    indirect content, act ``state``, low confidence; the cue is its own clause."""
    return Attribution(
        content=[content], cue=cue, source=source, kind="indirect", lemma=tok.lemma_.lower(), act="state",
        tier=tier, method=method, confidence=0.5, nominal=nominal, clause=cue,
    )


class _Finder:
    def __init__(self, sdoc: Doc, tiers: tuple[str, ...]) -> None:
        self.sdoc = sdoc
        self.text = sdoc.text
        self.lex = cue_lexicon()
        self.tiers = tiers
        self.all_quotes = find_quotes(self.text)
        self.quotes = [q for q in self.all_quotes if q.n_words(self.text) >= MIN_QUOTE_WORDS]

    # --- cue candidates ---------------------------------------------------------------
    def cue_of(self, tok: Token) -> Cue | None:
        if tok.dep_ in {"aux", "auxpass", "amod"} or tok.pos_ not in {"VERB", "AUX"} and tok.lower_ not in {"said", "says"}:
            return None
        if tok.ent_type_ == "PERSON" and not tok.is_sent_start:
            return None  # a name: "Puntland President Said Abdullahi Deni thanked …"
        cue = self.lex.cues.get(tok.lemma_.lower()) or self._that_clause_cue(tok) or self._prep_cue(tok)
        if cue is None or cue.tier not in self.tiers or tok.lower_ == "according":
            return None
        kids = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep"}}
        if cue.lemma == "call" and not kids & {"for", "on", "upon"} and "belief" not in self.tiers:
            # only a naming in quotation marks speaks: "calling it 'a cowardly act of terror'"
            return _NAMING if self._quoted_naming(tok) else None
        if cue.lemma == "point" and not kids & {"out", "to"}:
            return None
        if _not_speaking(tok):
            return None
        return cue

    def _quoted_naming(self, tok: Token) -> bool:
        """"called it 'a cowardly act of terror'": the name given is a quotation."""
        return any(c.dep_ == "oprd" and any(q.start <= c.idx < q.end for q in self.quotes) for c in tok.children)

    def _that_clause_cue(self, tok: Token) -> Cue | None:
        """A verb outside the lexicon with a subject and a "that" clause ("X insists that …")
        reports that clause: a ``mined``-tier cue, unless the lexicon lists it as not one."""
        lemma = tok.lemma_.lower()
        if lemma in self.lex.not_cues or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < c.i for g in c.children):
                return Cue(lemma=lemma, act="state", tier="mined")
        return None

    def _prep_cue(self, tok: Token) -> Cue | None:
        """A verb outside the lexicon followed by a mined cue preposition ("railed against",
        "vouched for"): a ``mined``-tier cue."""
        if self._cue_prep(tok) is None:
            return None
        return Cue(lemma=tok.lemma_.lower(), act="state", tier="mined")

    def _cue_prep(self, tok: Token) -> Token | None:
        """The preposition right after the cue whose object is its content ("pointed to X")."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        pos = "VERB" if tok.pos_ in {"VERB", "AUX"} else tok.pos_
        if nxt is None or nxt.head.i != tok.i or nxt.dep_ != "prep" or (pos, tok.lemma_.lower(), nxt.lower_) not in self.lex.cue_preps:
            return None
        return nxt if any(g.dep_ in {"pobj", "pcomp"} for g in nxt.children) else None

    # --- parts of one relation ---------------------------------------------------------
    def content_of(self, tok: Token, cue: Cue) -> tuple[list[Token], str] | None:
        kids = list(tok.children)
        for dep in ("ccomp", "xcomp"):
            for c in kids:
                if c.dep_ == dep and not (dep == "xcomp" and c.pos_ not in {"VERB", "AUX"}):
                    return _subtree(c), dep
        agent = any(c.dep_ == "agent" for c in kids)
        for c in kids:
            if agent and c.dep_ == "nsubjpass":  # "The story was first reported by X"
                return _subtree(c), "passive"
        prep = self._cue_prep(tok)
        if prep is not None:
            return _subtree(next(g for g in prep.children if g.dep_ in {"pobj", "pcomp"})), "prep"
        if cue.dobj or cue.nominal:
            for c in kids:
                if c.dep_ in {"dobj", "attr"} and c.pos_ not in {"PRON"}:
                    charge = _charge(c) if cue.act == "accuse" else []
                    return sorted(_subtree(c) + charge, key=lambda t: t.i), "dobj"
        for c in kids:
            if c.dep_ == "oprd":  # "called the plan 'crazy'"
                return _subtree(c), "oprd"
        for c in kids:
            if c.dep_ == "prep" and (c.lower_ in _ABOUT_PREPS or c.lower_ in _CONTENT_PREPS and cue.act in _PREP_ACTS):
                objs = [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
                if objs:
                    return _subtree(objs[0]), "prep"
        clause = self._misattached_clause(tok)
        if clause is not None:
            return _subtree(clause), "misattached"
        head = tok.head
        if (
            cue.tier == "speech"
            and (tok.dep_ in {"parataxis", "advcl"} or tok.dep_ == "conj" and self._comma_conj(tok))
            and head.i != tok.i
            and head.pos_ in {"VERB", "AUX"}
            and getattr(self.lex.cues.get(head.lemma_.lower()), "tier", None) != "speech"
            and self._parenthetical(tok)
        ):
            # "The army, officials said, attacked …": the host clause is the content
            own = {t.i for t in tok.subtree}
            return [t for t in head.subtree if t.i not in own], "host"
        return None

    @staticmethod
    def _comma_conj(tok: Token) -> bool:
        """A clause the parse joined to the one before with no "and"/"but", after a comma:
        "… killed three members of the PKK, the counter-terrorism service said"."""
        head = tok.head
        if any(c.dep_ == "cc" and head.i < c.i < tok.i for c in head.children):
            return False
        first = tok.left_edge
        return first.i > 0 and tok.doc[first.i - 1].text == ","

    @staticmethod
    def _parenthetical(tok: Token) -> bool:
        """A bare attribution clause ("officials said", "as X put it"): an active subject,
        no infinitive marker, no subordinator but "as"."""
        kids = list(tok.children)
        return (
            any(c.dep_ == "nsubj" for c in kids)
            and not any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" or c.dep_ == "auxpass" for c in kids)
            and not any(c.dep_ == "mark" and c.lower_ != "as" for c in kids)
        )

    @staticmethod
    def _misattached_clause(tok: Token) -> Token | None:
        """The reported clause the parser hung on the cue's object ("told the forum he was
        …", "says in a statement that …", "telling a group that …"): a clause after the cue,
        reached through objects and prepositions only, with a subject of its own that is no
        relative pronoun (so "the plan, which officials approved" stays a relative clause)."""
        frontier = [
            c
            for c in tok.children
            if c.i > tok.i and c.dep_ in {"dobj", "dative", "prep", "npadvmod"} and not any(g.dep_ == "poss" for g in c.children)
        ]  # "doubted the governor's claim that …" is the governor's
        for _ in range(3):
            nxt: list[Token] = []
            for node in frontier:
                for c in node.children:
                    if c.dep_ in {"relcl", "acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}:
                        subj = [g for g in c.children if g.dep_ in _SUBJ]
                        wh = [g for g in c.subtree if g.tag_ in {"WDT", "WP", "WP$", "WRB"} and g.dep_ != "mark" and g.i < c.i]
                        if subj and not wh and subj[0].i > node.i:
                            return c
                    elif c.dep_ in {"pobj", "prep"}:
                        nxt.append(c)
            frontier = nxt
        return None

    def source_of(self, tok: Token) -> tuple[Token | None, str | None, Token | None]:
        """The source head token, a channel named by the source noun, and the token
        ending the cue phrase when the source is reached through it ("issued by")."""
        node: Token | None = tok
        for _ in range(3):
            if node is None:
                break
            # "it" is a source only of a speech verb ("Five others were wounded, it said"; "It
            # blamed the group"), not of a belief or a sign ("it shows that …", "it means …"); of
            # two subjects the parse gives ("…, most of them Alawite civilians, …, the Observatory
            # said"), the one next to the cue
            subjects = [c for c in node.children
                        if c.dep_ in {"nsubj", "csubj"} and (c.lower_ != "it" or self.lex.is_speech(node.lemma_))
                        or c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
            if subjects:
                return self._through_channel(min(subjects, key=lambda c: abs(c.i - node.i)))
            for c in node.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0], None, c
            for c in node.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in self.lex.channel_sources:
                    found = self._through_channel(c)
                    if found[2] is not None:
                        return found
            if node.head.i != node.i and (node.dep_ in {"xcomp", "conj"} or node.dep_ == "advcl" and node.tag_ == "VBG"):
                node = node.head
            elif node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep" and node.head.head.pos_ == "VERB":
                # a verb joined to a gerund ("accused the forces of using force … and called on the
                # government"): the gerund's subject is the verb's above its preposition
                node = node.head.head
            else:
                break
        return self._misparsed_subject(tok), None, None

    def _charge_answered(self, words: list[Token]) -> tuple[int, int] | None:
        """The true source when the parse made "a charge X" the subject's words ("He accused Unity
        of arming the youths, a charge Unity officials denied"): X, whose cue answers the clause before."""
        if len(words) < 3 or words[0].dep_ != "det" or words[1].lemma_.lower() not in self.lex.charge_nouns:
            return None
        if words[0].i == 0 or self.sdoc[words[0].i - 1].text != ",":
            return None
        return _edges(words[2:])

    @staticmethod
    def _misparsed_subject(tok: Token) -> Token | None:
        """The noun phrase right before a subjectless cue whose parse hung it on a
        conjunction ("after the United States on Thursday condemned …")."""
        chunks = [
            c
            for c in tok.sent.noun_chunks
            if tok.left_edge.i <= c.start and c.end <= tok.i and c.root.head.dep_ == "mark"
        ]
        if chunks:
            return chunks[-1].root
        prev = tok.i - 1
        while prev >= tok.sent.start and tok.doc[prev].dep_ in {"aux", "advmod", "neg"}:
            prev -= 1
        if prev >= tok.sent.start and tok.doc[prev].pos_ == "PROPN":
            return tok.doc[prev]
        return None

    def _through_channel(self, noun: Token) -> tuple[Token | None, str | None, Token | None]:
        """"a statement issued by X" / "a statement from X": the source is X."""
        if noun.lemma_.lower() not in self.lex.channel_sources:
            return noun, None, None
        channel = self.lex.channels.get(noun.lemma_.lower())
        for t in noun.subtree:
            if t.dep_ in {"agent", "prep"} and t.lower_ in {"by", "from", "of"}:
                objs = [g for g in t.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0], channel, t
        return noun, channel, None

    def cue_span(
        self, tok: Token, src: tuple[int, int] | None, upto: Token | None, content: set[int]
    ) -> tuple[int, int]:
        """The cue verb with its auxiliaries, negation, particle, adjacent adverbs ("also
        said", "said Friday") and the preposition that opens its content ("spoke of")."""
        toks = [tok]
        for c in tok.children:
            if c.i in content or (src and src[0] <= c.idx < src[1]):
                continue
            if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i:
                toks.append(c)
            if c.dep_ in {"advmod", "npadvmod"} and abs(c.i - tok.i) == 1 and not list(c.children):
                toks.append(c)
            if c.dep_ == "prep" and c.i == tok.i + 1 and any(g.i in content for g in c.children):
                toks.append(c)
            if c.dep_ == "prt" or (
                c.dep_ == "prep" and c.lower_ in _CUE_PARTICLES and c.i == tok.i + 1 and getattr(self.lex.cues.get(tok.lemma_.lower()), "act", None) in {"demand", "appeal"}
            ):
                toks.append(c)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        if upto is not None and upto.idx > end:
            end = upto.idx + len(upto.text)
        return start, end

    def channel_in(self, tokens: list[Token]) -> str | None:
        """The first lexicon channel named among the tokens (platforms before generic words)."""
        words = [t.lower_.strip(".,;:") for t in tokens if not _inside(t.idx, self.quotes)]
        pairs = {f"{w} {v}" for w, v in zip(words, words[1:], strict=False)}
        present = set(words) | pairs
        for term, channel in self.lex.channels.items():
            if term in present and (term != "x" or any(t.text.strip(".,") == "X" for t in tokens)):
                return channel
        return None

    def paragraph(self, anchor: int) -> tuple[int, int]:
        lo = self.text.rfind("\n\n", 0, anchor)
        hi = self.text.find("\n\n", anchor)
        return (0 if lo < 0 else lo + 2), (len(self.text) if hi < 0 else hi)

    def clip(self, span: tuple[int, int], anchor: int) -> tuple[int, int] | None:
        """Cut a parse-derived span at the paragraph breaks around ``anchor``, unless the
        span is a quote's own multi-paragraph extent (the parser may join paragraphs)."""
        if any(q.start <= span[0] and span[1] <= q.end for q in self.quotes):
            return span
        lo, hi = self.paragraph(anchor)
        if anchor < span[0]:
            lo = max(lo, span[0])
        start, end = max(span[0], lo), min(span[1], hi)
        seg = self.text[start:end]
        start += len(seg) - len(seg.lstrip(" \n\"“”,.;:"))
        end -= len(seg) - len(seg.rstrip(" \n\"“”,;:"))
        return (start, end) if end > start else None

    # --- quotes next to an attribution clause -------------------------------------------
    def adjacent_quotes(self, tok: Token, bare: bool = False) -> list[Quote]:
        """The quote closing just before the cue's clause ("'…,' X said") and/or the one
        opening just after it ("X said: '…'", or the second half of a split quote). A
        ``bare`` cue (no clause of its own) also takes a quote closing with a period
        ("'… missing.' Trump said.")."""
        before = after = None
        for q in self.all_quotes:
            if q.close_at + _MAX_GAP_CHARS < tok.idx or q.open_at > tok.idx + _MAX_GAP_CHARS:
                continue  # too far for a short clause: skipped before slicing, or long texts go quadratic
            if q.close_at < tok.idx and self._gap_ok(q.close_at + 1, tok.idx):
                before = q
            elif q.n_words(self.text) < MIN_QUOTE_WORDS:
                continue  # a short quote only before its clause: '"Probably not," she said
            elif q.open_at > tok.idx and after is None and self._gap_ok(tok.idx + len(tok.text), q.open_at):
                after = q
        found: list[Quote] = []
        closers = ",?!—–-." if bare else ",?!—–-"
        last = self.text[before.open_at + 1 : before.close_at].rstrip(" '’‘\"”“")[-1:] if before is not None else ""
        if last and last in closers:
            found.append(before)
        if after is not None:
            lead = self.text[tok.idx + len(tok.text) : after.open_at].rstrip()
            split = found and self.text[before.close_at - 1] in ",—–-" and lead.endswith(",")  # type: ignore[union-attr]
            # "condemned the strikes as 'a clear violation of international law'": the quote says it
            known = self.lex.cues.get(tok.lemma_.lower())
            named_as = lead.endswith(" as") and known is not None and known.nominal
            if split or (not found and lead.endswith((":", ",")) or not found and not lead) or not found and named_as:
                found.append(after)
        if found and found[-1] is before and len(found) == 1 and (more := self._continued(tok)) is not None:
            found.append(more)
        return found

    def _continued(self, tok: Token) -> Quote | None:
        """The quote the speaker goes on with after the cue's sentence ends ('"A," the general
        said. "B."'), when it ends a sentence itself, so no cue of its own follows it."""
        end = tok.idx + len(tok.text)
        nxt = next((q for q in self.quotes if q.open_at > end), None)
        if nxt is None or not _CUE_SENTENCE_END.fullmatch(self.text, end, nxt.open_at):
            return None
        return nxt if self.text[nxt.close_at - 1] in ".?!" else None

    def colon_block(self, end: int) -> tuple[int, int] | None:
        """What follows a cue clause ending in a colon, unquoted: the rest of its paragraph,
        or the next paragraph when the colon ends one ("Limbaugh added:\n\nAnd from …")."""
        rest = self.text[end : end + 3].lstrip(" ")
        if not rest.startswith(":"):
            return None
        start = self.text.index(":", end) + 1
        lo, hi = self.paragraph(start)
        if not self.text[start:hi].strip():
            if hi >= len(self.text):
                return None
            lo, hi = self.paragraph(hi + 2)
            start = lo
        return _edges_text(self.text, start, hi)

    def _gap_ok(self, start: int, end: int) -> bool:
        """Text between a quote mark and the cue: same paragraph, no sentence end, no
        other quote, a short attribution clause."""
        gap = _ABBREV.sub("", self.text[start:end])
        return (
            ("\n\n" not in gap or not gap.strip(" \n\t:"))  # "He said:\n\n'…'"
            and not any(m in gap for m in '"“”«»')
            and not any(p in gap for p in (". ", "? ", "! "))
            and len(gap.split()) <= 14
        )

    # --- the relations --------------------------------------------------------------------
    def verb_relations(self) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self.sdoc:
            cue = self.cue_of(tok)
            if cue is None or _inside(tok.idx, self.quotes):
                continue
            content = self.content_of(tok, cue)
            src_tok, channel, upto = self.source_of(tok)
            in_content = {t.i for t in content[0]} if content else set()
            src, rejoinder = None, False
            if src_tok is not None:  # a source keeps to its side of the cue ("police said, one of …"; "rebels, who say …")
                own = {t.i for t in tok.subtree} if src_tok.is_ancestor(tok) else set()
                words = [t for t in _subtree(src_tok, in_content | own) if (t.i < tok.i) == (src_tok.i < tok.i)]
                src = _edges(words)
                if (answerer := self._charge_answered(words)) is not None:
                    src, rejoinder = answerer, True
            cspan = self.cue_span(tok, src, upto, in_content)
            clause_tokens = [t for t in tok.subtree if t.i not in in_content]
            clause = _edges(clause_tokens) or cspan
            quotes = self.adjacent_quotes(tok, bare=content is None)
            if content is not None and content[1] == "ccomp" and min(t.idx for t in content[0]) > tok.idx:
                # "'…,' the mayor said, adding that …": the quote before is the host cue's
                # "Asked if …, X said, '…'": a quote after the cue's own clause is the next cue's
                end = max(t.idx for t in content[0])
                quotes = [q for q in quotes if tok.idx < q.open_at <= end]
            kind, method, conf = "indirect", f"dep:{content[1]}" if content else "", 0.8
            if quotes:
                segs = [s for q in quotes for s in q.trimmed(self.text)]
                if content is not None:
                    cs = _edges(content[0])
                    if cs and (cs[0] < segs[0][0] - 2 or cs[1] > segs[-1][1] + 2) and len(quotes) == 1 and (
                        tok.idx < cs[0] < quotes[0].open_at < cs[1]
                    ):
                        segs = [cs]  # a quote inside reported speech: "said that '…'"
                kind, method, conf, spans = "direct", "quote+cue", 0.9, segs
            elif content is not None and content[1] == "host":
                own = {t.i for t in tok.subtree}
                left = _edges([t for t in content[0] if t.i < min(own)])
                right = _edges([t for t in content[0] if t.i > max(own)])
                spans = [x for x in (left, right) if x]
            elif content is not None:
                span = _edges(content[0])
                if span is None:
                    continue
                spans = [span]
            elif (block := self.colon_block(clause[1])) is not None:
                kind, method, spans = "direct", "colon", [block]
            else:
                continue
            if cue.clausal_only and kind == "indirect" and content[1] not in {"ccomp", "host"}:
                continue
            if method != "colon":  # a colon block is cut to its paragraph already
                spans = [c for c in (self.clip(s, tok.idx) for s in spans) if c]
            src = self.clip(src, tok.idx) if src else None
            if not spans:
                continue
            nominal = cue.nominal and content is not None and content[1] in {"dobj", "prep"} and kind == "indirect"
            if cue.tier != "speech":
                conf = 0.6
            para = self.paragraph(tok.idx)
            scope = clause_tokens if content is not None and content[1] == "ccomp" else list(tok.sent)
            channel = channel or cue.channel or self.channel_in([t for t in scope if para[0] <= t.idx < para[1]])
            out.append(
                Attribution(
                    content=spans,
                    cue=cspan,
                    source=src,
                    kind=kind,
                    lemma=cue.lemma,
                    act=cue.act,
                    tier=cue.tier,
                    method=method,
                    confidence=conf,
                    nominal=nominal,
                    participle=tok.tag_ == "VBG" and tok.dep_ in {"advcl", "xcomp", "conj"},
                    rejoinder=rejoinder,
                    channel=channel,
                    clause=clause,
                )
            )
        return out

    def adjectives(self) -> list[Attribution]:
        """Belief stated with an adjective: "X is confident that …", "were frustrated that …"."""
        out: list[Attribution] = []
        if "belief" not in self.tiers:
            return out
        for tok in self.sdoc:
            ccomp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            cop = tok.head
            if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or ccomp is None or _inside(tok.idx, self.quotes):
                continue
            subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
            content = _edges(_subtree(ccomp))
            if subj is None or content is None:
                continue
            cue = (min(cop.idx, tok.idx), tok.idx + len(tok.text))
            out.append(_stance(tok, content, cue, _edges(_subtree(subj)), tier="belief", method="dep:adjective"))
        return out

    def nouns(self) -> list[Attribution]:
        """A noun cue with a that-clause ("Trump's claim that …", "the assertion by X that …")
        or a noun or adjective with a mined content preposition ("criticism of the deal",
        "is critical of the deal"): mined tier, attribution, never a statement. The
        possessor, the "by"/"from" object or the copula's subject is the source."""
        out: list[Attribution] = []
        if "mined" not in self.tiers:
            return out
        for tok in self.sdoc:
            if tok.pos_ not in {"NOUN", "ADJ"} or _inside(tok.idx, self.quotes):
                continue
            content = source = None
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.noun_cues:
                for c in tok.children:
                    if c.dep_ in {"acl", "ccomp"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                        content = _subtree(c)
                        break
            prep = self._cue_prep(tok) if content is None else None
            if prep is not None:
                content = _subtree(next(g for g in prep.children if g.dep_ in {"pobj", "pcomp"}))
            if content is None:
                continue
            for c in tok.children:
                if c.dep_ == "poss":
                    source = _edges(_subtree(c))
                elif c.dep_ == "prep" and c.lower_ in {"by", "from"} and source is None:
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    source = _edges(_subtree(objs[0])) if objs else None
            if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                source = _edges(_subtree(subj)) if subj is not None else None
            span = _edges(content)
            if span is None:
                continue
            cue = (tok.idx, prep.idx + len(prep.text) if prep is not None else tok.idx + len(tok.text))
            out.append(_stance(tok, span, cue, source, tier="mined", method="noun", nominal=True))
        return out

    def according_to(self) -> list[Attribution]:
        out: list[Attribution] = []
        phrases = [p.split() for p in self.lex.according_to]
        toks = list(self.sdoc)
        for i, tok in enumerate(toks):
            for words in phrases:
                if [t.lower_ for t in toks[i : i + len(words)]] != words or _inside(tok.idx, self.quotes):
                    continue
                last = toks[i + len(words) - 1]
                objs = [g for g in last.children if g.dep_ == "pobj"] or [
                    g for g in toks[i : i + len(words)] if g.dep_ == "pobj"
                ]
                if not objs:
                    continue
                src = _edges(_subtree(objs[0]))
                phrase = set(range(i, i + len(words))) | {t.i for t in objs[0].subtree}
                sent = tok.sent
                rest = [t for t in sent if t.i not in phrase]
                before = _edges([t for t in rest if t.i < i])
                after = _edges([t for t in rest if t.i > max(phrase)])
                spans = [s for s in (before, after) if s]
                if not spans or src is None:
                    continue
                cue = (tok.idx, last.idx + len(last.text))
                out.append(
                    Attribution(
                        content=spans,
                        cue=cue,
                        source=src,
                        kind="indirect",
                        lemma=" ".join(words),
                        act="state",
                        tier="speech",
                        method="according_to",
                        confidence=0.8,
                        clause=(cue[0], src[1]),
                    )
                )
        return out

    def headline(self) -> list[Attribution]:
        """The first line as a headline "Content, Source Says." (title case defeats the parser)."""
        line = self.text.split("\n", 1)[0]
        m = _HEAD_TRAILING.match(line)
        if m is None or len(line.split()) > 30 or len(m.group(2).split()) > 8:
            return []
        lemma = self.lex.speech_forms.get(m.group(3).lower())
        if lemma is None:
            return []
        return [
            Attribution(
                content=[m.span(1)],
                cue=m.span(3),
                source=m.span(2),
                kind="indirect",
                lemma=lemma,
                act=self.lex.cues[lemma].act,
                tier="speech",
                method="headline",
                confidence=0.5,
                clause=(m.start(2), m.end(3)),
            )
        ]

    def labels(self) -> list[Attribution]:
        """Transcript and vox-pop paragraphs: "WALLACE: …", "Jane Doe ― “…”"."""
        out: list[Attribution] = []
        found = [(m, 1, 3) for m in _LABEL.finditer(self.text)] + [(m, 3, 1) for m in _SIGNED.finditer(self.text)]
        for m, gname, gcontent in found:
            name, name_span = m.group(gname), m.span(gname)
            if gname == 3 and name.endswith("."):  # a signature closing with a period
                name, name_span = name[:-1], (name_span[0], name_span[1] - 1)
            if name.split()[0].lower().strip(".") in self.lex.label_stopwords or name.endswith("."):
                continue
            content = self.clip(m.span(gcontent), m.start(gcontent))
            if content is None:
                continue
            quotes = [q for q in self.quotes if content[0] <= q.open_at + 1 and q.close_at <= content[1] + 1]
            direct = len(quotes) == 1 and not self.text[content[0] : quotes[0].open_at].strip()
            spans = quotes[0].trimmed(self.text) if direct else [content]
            out.append(
                Attribution(
                    content=spans,
                    cue=m.span(2),
                    source=name_span,
                    kind="direct" if direct else "indirect",
                    lemma=None,
                    act="state",
                    tier="speech",
                    method="label",
                    confidence=0.6,
                    clause=name_span,
                )
            )
        return out + self.signed_inline({a.cue for a in out})

    def signed_inline(self, taken: set[tuple[int, int] | None]) -> list[Attribution]:
        """Quotes signed with a dash mid-paragraph: the quote that closes right before the dash."""
        out: list[Attribution] = []
        closing = {q.close_at: q for q in self.quotes}
        for m in _SIGNED_INLINE.finditer(self.text):
            quote = closing.get(m.start())
            name, name_span = m.group(2), m.span(2)
            if name.endswith("."):
                name, name_span = name[:-1], (name_span[0], name_span[1] - 1)
            if quote is None or m.span(1) in taken or name.split()[0].lower() in self.lex.label_stopwords:
                continue
            out.append(Attribution(content=quote.trimmed(self.text), cue=m.span(1), source=name_span, kind="direct",
                                   lemma=None, act="state", tier="speech", method="label", confidence=0.6,
                                   clause=name_span))
        return out


@functools.cache
def learned_tier_available() -> bool:
    """The tagger's packages are installed and both learned models ship."""
    from .cue_words import artefact_path  # scikit-learn loads only when the tier is asked for

    return tagger_available() and artefact_path().is_file()


def _tagged_spans(sdoc: Doc, probs: list[list[float]], role: str, threshold: float) -> list[list[Token]]:
    """Runs of tokens the tagger gives ``role`` (B- + I- at least ``threshold``); a token
    more B- than I- opens a new run."""
    b, i = LABELS.index("B-" + role), LABELS.index("I-" + role)
    runs: list[list[Token]] = []
    current: list[Token] | None = None
    for tok in sdoc:
        if tok.is_space:
            continue
        p = probs[tok.i]
        if p[b] + p[i] < threshold:
            current = None
            continue
        if current is None or p[b] > p[i]:
            current = []
            runs.append(current)
        current.append(tok)
    return runs


def _cue_scores(sdoc: Doc, quotes: list[Quote]) -> tuple[list[float], list[list[float]]]:
    """Per token, how likely it is a cue (the tagger's and the parse model's average), and
    the tagger's tag probabilities."""
    from .cue_words import cue_words

    tags = cue_tagger().probabilities(sdoc)
    words = cue_words().probabilities(sdoc, quotes)
    scores = [LEARNED_WEIGHT * (p[1] + p[2]) + (1 - LEARNED_WEIGHT) * words.get(i, 0.0) for i, p in enumerate(tags)]
    return scores, tags


def _outside(content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Content without the cue words it took in ("has no illusions about X" reports X)."""
    if content[0] < cue[1] <= content[1] and cue[0] <= content[0]:
        return cue[1], content[1]
    if content[0] <= cue[0] < content[1] and content[1] <= cue[1]:
        return content[0], cue[0]
    return content


def _learned_runs(sdoc: Doc, probs: list[list[float]], scores: list[float]) -> list[list[Token]]:
    """Candidate cues: the tagger's Cue runs, and single words the averaged score alone
    names, those with a word scoring ``LEARNED_CUE_THRESHOLD`` or more, in text order."""
    runs = _tagged_spans(sdoc, probs, "Cue", 0.2)
    in_runs = {t.i for r in runs for t in r}
    runs += [[t] for t in sdoc if t.i not in in_runs and scores[t.i] >= LEARNED_CUE_THRESHOLD]
    return sorted((r for r in runs if max(scores[t.i] for t in r) >= LEARNED_CUE_THRESHOLD), key=lambda r: r[0].i)


def _learned_relation(
    finder: "_Finder", run: list[Token], contents: list[tuple[int, int]], sources: list[tuple[int, int]]
) -> Attribution | None:
    """The relation of one learned cue: content from an adjacent quote, else the parse (as
    for a lexicon cue), else the nearest Content the tagger reads in the paragraph; source
    from the parse, else the nearest tagged Source in the sentence."""
    span = (run[0].idx, run[-1].idx + len(run[-1].text))
    from .cue_words import cue_head

    tok = cue_head(run)
    known = finder.lex.cues.get(tok.lemma_.lower())
    cue = Cue(lemma=tok.lemma_.lower(), act=known.act if known else "state", tier=LEARNED, dobj=True)
    parsed = finder.content_of(tok, cue) if tok.pos_ in {"VERB", "AUX"} else None
    spans: list[tuple[int, int]] = []
    kind, method = "indirect", "tagger"
    quotes = finder.adjacent_quotes(tok, bare=parsed is None)
    if quotes:
        spans, kind = [s for q in quotes for s in q.trimmed(finder.text)], "direct"
    elif parsed is not None and (edge := _edges(parsed[0])) is not None:
        spans = [edge]
    else:
        para = finder.paragraph(tok.idx)
        near = [c for c in contents if para[0] <= c[0] < para[1] and not (c[0] < span[1] and span[0] < c[1])]
        if near:
            spans = [min(near, key=lambda c: max(0, c[0] - span[1], span[0] - c[1]))]
            method = BORROWED
    spans = [c for c in (finder.clip(_outside(s, span), tok.idx) for s in spans) if c]
    if not spans:
        return None
    src_tok, channel, _ = finder.source_of(tok)
    in_content = {t.i for t in finder.sdoc if any(s <= t.idx < e for s, e in spans)}
    src = _edges(_subtree(src_tok, in_content)) if src_tok is not None else None
    if src is None:
        near = [c for c in sources if tok.sent.start_char <= c[0] < tok.sent.end_char]
        src = min(near, key=lambda c: abs(c[0] - span[0])) if near else None
    clause = _edges([t for t in tok.subtree if t.i not in in_content]) or span  # where its date and channel are
    return Attribution(
        content=spans, cue=span, source=src, kind=kind, lemma=cue.lemma, act=cue.act, tier=LEARNED,
        method=method, confidence=0.6, channel=channel, clause=clause,
    )


def _learned(finder: "_Finder", found: list[Attribution]) -> list[Attribution]:
    """The rule relations, less those outside the speech tier whose cue the learned
    models score below the cue bar, and a relation for each cue they read that no rule
    found; every relation with a cue gets its ``cue_score``."""
    sdoc = finder.sdoc
    scores, probs = _cue_scores(sdoc, finder.all_quotes)

    starts = [t.idx for t in sdoc]

    def best(span: tuple[int, int]) -> float:  # the top score of the tokens starting inside ``span``
        return max(scores[bisect.bisect_left(starts, span[0]) : bisect.bisect_left(starts, span[1])], default=0.0)

    for a in found:
        a.cue_score = best(a.cue) if a.cue else None
    kept = [a for a in found if a.cue_score is None or a.tier == "speech" or a.cue_score >= LEARNED_CUE_THRESHOLD]
    taken = [a.cue for a in kept if a.cue]
    contents = [e for e in (_edges(r) for r in _tagged_spans(sdoc, probs, "Content", 0.5)) if e]
    sources = [e for e in (_edges(r) for r in _tagged_spans(sdoc, probs, "Source", 0.5)) if e]
    for run in _learned_runs(sdoc, probs, scores):
        span = (run[0].idx, run[-1].idx + len(run[-1].text))
        if any(s < span[1] and span[0] < e for s, e in taken) or _inside(span[0], finder.quotes):
            continue
        relation = _learned_relation(finder, run, contents, sources)
        if relation is not None:
            relation.cue_score = best(span)
            taken.append(span)
            kept.append(relation)
    return kept


def find_attributions(sdoc: Doc, tiers: tuple[str, ...] = SPEECH, nested: bool = False) -> list[Attribution]:
    """Attribution relations in a parsed document, in text order. Unless ``nested``, none
    sits in another's content (an outer relation wins: "X said Y claimed …" is X's
    statement); PolNeAR annotates the inner ones too."""
    finder = _Finder(sdoc, tiers)
    found = finder.verb_relations() + finder.according_to() + finder.labels() + finder.adjectives() + finder.nouns()
    found += finder.headline()
    if LEARNED in tiers and learned_tier_available():
        found = _learned(finder, found)
    found.sort(key=lambda a: (a.cue or (a.start, a.start))[0])
    for a in found:  # "X said A, adding that B": B is its own relation, A ends before it
        if a.participle and a.cue:
            for o in found:
                if o is not a and o.content and o.content[-1][0] < a.cue[0] < o.content[-1][1]:
                    cut = finder.text[o.content[-1][0] : a.clause[0] if a.clause else a.cue[0]].rstrip(" ,;—–-\n")
                    if cut:
                        o.content[-1] = (o.content[-1][0], o.content[-1][0] + len(cut))
        if a.participle and a.cue:  # “A,” X said, adding, “B”: A is the said, B the added
            for o in found:
                if o is a or a.source is None or o.source != a.source or not o.cue or o.cue[0] > a.cue[0]:
                    continue
                before = [c for c in o.content if c[1] <= a.cue[0]]
                after = [c for c in o.content if c[0] >= a.cue[1]]
                if before and after and any(c[0] >= a.cue[1] for c in a.content):
                    o.content, a.content = before, after
    _end_before_confident_cues(found, finder.text, finder.lex.nested)
    # one content claimed by two cues ("Asked …, X said, '…'"): the nearer cue speaks, a verb
    # before a noun, and a cue whose own quote or parse gives the content before one that borrowed it
    nearest: dict[tuple[tuple[int, int], ...], Attribution] = {}
    rank = lambda a: (a.method == BORROWED, a.method == "noun", _distance(a))  # noqa: E731
    for a in found:
        key = tuple(a.content)
        if key not in nearest or rank(a) < rank(nearest[key]):
            nearest[key] = a
    for a in found:  # a confident cue that lost its content keeps what its own parse reports
        winner = nearest[tuple(a.content)]
        if winner is not a and a.cue and a.cue_score is not None and a.cue_score >= LEARNED_INNER_CUE_THRESHOLD:
            own = _own_object(sdoc, a.cue, winner.content)
            if own is not None and (own,) not in nearest:
                a.content = [own]
                nearest[(own,)] = a
    kept: list[Attribution] = []
    for a in found:
        anchor = a.cue[0] if a.cue else a.start
        if not (nested and a.lemma in finder.lex.nested) and any(o is not a and not o.nominal and not o.rejoinder and any(s <= anchor < e for s, e in o.content) for o in found):
            continue
        if nearest[tuple(a.content)] is not a:
            continue
        kept.append(a)
    return kept


def _end_before_confident_cues(found: list[Attribution], text: str, nesting_lemmas: frozenset[str]) -> None:
    """Cut each content that holds a cue the learned models are sure of, at that cue's
    source (or the cue itself when the source is elsewhere), so both relations stand.
    Cues that report inside others by nature ("X said Y believes …") are left nested."""
    for a in found:
        if a.cue is None or a.cue_score is None or a.cue_score < LEARNED_INNER_CUE_THRESHOLD or a.lemma in nesting_lemmas:
            continue
        anchor = a.cue[0]
        for o in found:
            if o is a or o.nominal:
                continue
            for k, (s, e) in enumerate(o.content):
                if s <= anchor < e:
                    stop = a.source[0] if a.source and s < a.source[0] < anchor else anchor
                    kept = _TRAILING_LINK.sub("", text[s:stop])
                    if kept:
                        o.content[k] = (s, s + len(kept))


#: Dependents of a cue word that carry what it reports when no clause or quote does.
_OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "prep", "attr", "acomp"}


def _own_object(sdoc: Doc, cue: tuple[int, int], taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """What a cue word reports by its own parse (its object, complement or preposition
    phrase after it), when that overlaps none of ``taken``: "…," Tester said, referring to
    the 1 percent excuse, "…" reports the excuse; the quote is the said."""
    from .cue_words import cue_head

    span = sdoc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return None
    head = cue_head(list(span))
    words = [t for c in head.rights if c.dep_ in _OBJECT_DEPS and c.idx >= cue[1] for t in c.subtree]
    edge = _edges(words)
    if edge is None or any(s < edge[1] and edge[0] < e for s, e in taken):
        return None
    return edge


def _distance(a: Attribution) -> int:
    """Characters between a relation's cue and its content."""
    if a.cue is None:
        return 0
    return max(0, a.start - a.cue[1], a.cue[0] - a.end)
