"""The combined outline table of all reference fonts, kept as one sorted binary file.

It holds some 66,000 outline keys. Decoding it from JSON into a dictionary cost 0.15 s in every
process before its first lookup (each worker of a parallel extraction paid it); a document
looks up a few hundred keys. So the keys stay one sorted buffer with their offsets, looked up
by bisection, and loading copies a few arrays (as the lexicon's word list does).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from pathlib import Path

from warraq.cache import find_packed, write_atomically

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
        k = find_packed(self._keys, self._key_at, len(self._confs), _utf8(key))
        if k is None:
            return None
        text = self._texts[self._text_at[k]: self._text_at[k + 1]].decode("utf-8", "surrogatepass")
        return text, self._confs[k], self._files[self._file_of[k]]

    def save(self, path: Path) -> None:
        """Sizes, the four arrays, the file names (NUL-separated: no file name holds one), then
        keys and texts."""
        names = "\0".join(self._files).encode("utf-8", "surrogatepass")
        head = [len(self), len(self._keys), len(self._texts), len(names)]
        write_atomically(path, _MAGIC + array("Q", head).tobytes() + self._key_at.tobytes() + self._text_at.tobytes()
                         + self._confs.tobytes() + self._file_of.tobytes() + names + self._keys + self._texts)

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
