"""The combined outline table of all reference fonts, kept as one sorted binary file.

It holds some 66,000 outline keys. Decoding it from JSON into a dictionary cost 0.15 s in every
process before its first lookup (each worker of a parallel extraction paid it); a document
looks up a few hundred keys. So the keys stay one sorted buffer with their offsets, looked up
by bisection, and loading copies a few arrays (as the lexicon's word list does).
"""

from __future__ import annotations

import os
import threading
from array import array
from collections.abc import Mapping
from pathlib import Path

_MAGIC = b"warraq outline table 2\n"


class SignatureTable:
    """Outline key -> (text, confidence, reference file name), read-only, keys in byte order."""

    def __init__(self, keys: bytes, key_at: array[int], texts: bytes, text_at: array[int],
                 confs: array[float], file_of: array[int], files: list[str]) -> None:
        self._keys, self._key_at = keys, key_at  # key k is keys[key_at[k]: key_at[k + 1]]
        self._texts, self._text_at = texts, text_at
        self._confs, self._file_of, self._files = confs, file_of, files

    def __len__(self) -> int:
        return len(self._confs)

    @classmethod
    def from_dict(cls, table: Mapping[str, tuple[str, float, str]]) -> SignatureTable:
        keys = sorted(table, key=_utf8)  # UTF-8 byte order, the order get() bisects in
        files = sorted({table[k][2] for k in keys})
        number = {name: i for i, name in enumerate(files)}
        key_at, text_at = array("I", [0]), array("I", [0])
        key_parts, text_parts = [], []
        for k in keys:
            kb, tb = _utf8(k), _utf8(table[k][0])
            key_parts.append(kb)
            text_parts.append(tb)
            key_at.append(key_at[-1] + len(kb))
            text_at.append(text_at[-1] + len(tb))
        return cls(b"".join(key_parts), key_at, b"".join(text_parts), text_at,
                   array("d", [table[k][1] for k in keys]), array("I", [number[table[k][2]] for k in keys]),
                   files)

    def get(self, key: str) -> tuple[str, float, str] | None:
        want = _utf8(key)
        keys, at = self._keys, self._key_at
        lo, hi = 0, len(self._confs)
        while lo < hi:  # bisect_left over the keys
            mid = (lo + hi) // 2
            if keys[at[mid]: at[mid + 1]] < want:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(self._confs) or keys[at[lo]: at[lo + 1]] != want:
            return None
        text = self._texts[self._text_at[lo]: self._text_at[lo + 1]].decode("utf-8", "surrogatepass")
        return text, self._confs[lo], self._files[self._file_of[lo]]

    def save(self, path: Path) -> None:
        """Sizes, the four arrays, the file names (NUL-separated: no file name holds one), then
        keys and texts."""
        names = "\0".join(self._files).encode("utf-8", "surrogatepass")
        head = [len(self), len(self._keys), len(self._texts), len(names)]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
        tmp.write_bytes(_MAGIC + array("Q", head).tobytes() + self._key_at.tobytes() + self._text_at.tobytes()
                        + self._confs.tobytes() + self._file_of.tobytes() + names + self._keys + self._texts)
        tmp.replace(path)  # readers never see a half-written file

    @classmethod
    def load(cls, path: Path) -> SignatureTable | None:
        """The table saved at `path`, None if the file is not a whole one."""
        data = path.read_bytes()
        if not data.startswith(_MAGIC):
            return None
        head = array("Q")
        at = len(_MAGIC) + 4 * head.itemsize
        head.frombytes(data[len(_MAGIC): at])
        n, key_len, text_len, names_len = head
        key_at, text_at, confs, file_of = array("I"), array("I"), array("d"), array("I")
        size = at + 2 * (n + 1) * key_at.itemsize + n * (confs.itemsize + file_of.itemsize)
        if len(data) != size + names_len + key_len + text_len:
            return None
        for arr, count in ((key_at, n + 1), (text_at, n + 1), (confs, n), (file_of, n)):
            end = at + count * arr.itemsize
            arr.frombytes(data[at: end])
            at = end
        names = data[at: at + names_len].decode("utf-8", "surrogatepass")
        at += names_len
        keys, texts = data[at: at + key_len], data[at + key_len: at + key_len + text_len]
        files = names.split("\0")
        if key_at[-1] != key_len or text_at[-1] != text_len or max(file_of, default=-1) >= len(files):
            return None
        return cls(keys, key_at, texts, text_at, confs, file_of, files)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")
