"""The jieba tokens of report texts and sentences, stored once in the cache as Parquet (keyed by the text's hash), so a
text is segmented once however many notebooks and runs read it, and a warm run needs no jieba at all."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from minzheng.corpus.cache import Store, text_key
from minzheng.words.tokens import tokenize

STORE_KIND = "tokens-"


TABLES = ("tokens",)


def token_store() -> Store:
    """The token store of this library version in the cache folder."""
    return Store.default(STORE_KIND, TABLES)


def tokens_by_key(texts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Text key → tokens of the given texts (key → text): from the store, the texts it lacks segmented and stored."""
    if not texts:
        return {}
    store = token_store()
    found = store.read("tokens", texts)
    out = {key: tuple(tokens) for key, tokens in zip(found["key"], found["tokens"])} if len(found) else {}
    fresh = {key: tuple(tokenize(text)) for key, text in texts.items() if key not in out}
    if fresh:
        frame = pd.DataFrame({"key": list(fresh), "tokens": [list(tokens) for tokens in fresh.values()]})
        try:
            store.write({"tokens": frame})
        except OSError:
            pass  # a cache that cannot be written only costs time
        out.update(fresh)
    return out


def stored_tokens(reports: Iterable[Any]) -> dict[str, tuple[str, ...]]:
    """Text key → tokens of the reports that carry a text key (those loaded through the extraction cache)."""
    return tokens_by_key({r.text_key: r.text for r in reports if getattr(r, "text_key", "")})


def text_tokens(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Text → tokens of some texts (sentences), through the store."""
    keys = {text: text_key(text) for text in texts}
    found = tokens_by_key({key: text for text, key in keys.items()})
    return {text: found[key] for text, key in keys.items()}


def tokens_stored(keys: list[str]) -> bool:
    """Whether the token store holds the tokens of every text key."""
    found = set(token_store().read("tokens", keys, columns=[])["key"]) if keys else set()
    return all(key in found for key in keys)
