"""Find and read source files, turning every unusable one into a reason instead of a crash."""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tuopin.decode import try_strict

MEGABYTE = 1024 * 1024
# A file that ends inside a multibyte character was cut off mid-write or mid-download.
INCOMPLETE = ("unexpected end of data", "incomplete multibyte sequence")


@dataclass(frozen=True)
class Source:
    path: str
    raw: bytes | None
    sha256: str | None
    error: str | None = None
    byte_size: int | None = None
    mtime_ns: int | None = None
    unchanged: bool = False  # same size and modification time as when last seen: not read again

    @classmethod
    def seen_before(cls, path: str, sha256: str | None, byte_size: int | None, mtime_ns: int | None) -> "Source":
        """Return a file whose content the last run already loaded: not read, or not processed, again."""
        return cls(path, None, sha256, None, byte_size, mtime_ns, unchanged=True)

    def record(self, outcome: str) -> dict:
        """Return what the warehouse keeps of this file, with what became of it."""
        return {"source_path": self.path, "byte_size": self.byte_size, "mtime_ns": self.mtime_ns,
                "content_sha256": self.sha256, "outcome": outcome}


@dataclass(frozen=True)
class Seen:
    """What the warehouse remembers of a source file from the last run that saw it."""
    byte_size: int
    mtime_ns: int
    sha256: str | None

    def matches(self, info: os.stat_result) -> bool:
        """Tell whether a file's status shows the same size and modification time as when seen."""
        return (self.byte_size, self.mtime_ns) == (info.st_size, info.st_mtime_ns)


@dataclass(frozen=True)
class Skipped:
    """A path that was found but cannot be a document, with the reason."""
    path: str
    reason: str


def walk(folder: Path) -> tuple[list[str], list[Skipped]]:
    """List the files under folder, following folder links once and reporting loops and broken links."""
    files, skipped, visited = [], [], set()
    for root, dirs, names in os.walk(folder, followlinks=True, onerror=lambda e: skipped.append(
            Skipped(e.filename, f"unreadable folder: {e.strerror}"))):
        real = os.path.realpath(root)
        if real in visited:
            skipped.append(Skipped(root, f"symlink loop: folder already visited as {real}"))
            dirs[:] = []
            continue
        visited.add(real)
        dirs.sort()
        for name in sorted(names):
            if not name.startswith("."):
                files.append(os.path.join(root, name))
    return files, skipped


def discover(sources: list[str]) -> tuple[list[str], list[Skipped]]:
    """Return the files under sources (recursively, sorted) and the paths that cannot be read."""
    files, skipped = [], []
    for source in sources:
        if os.path.isdir(source):
            found, bad = walk(Path(source))
            files += found
            skipped += bad
        elif os.path.lexists(source):
            files.append(source)
        else:
            skipped.append(Skipped(source, "source does not exist"))
    return list(dict.fromkeys(files)), skipped


def examine(path: str, max_bytes: int) -> tuple[os.stat_result | None, str | None]:
    """Return the file's status and why it cannot be read as a document (None when it can)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return None, "broken symlink: its target does not exist"
        return None, "file vanished before it could be read"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symlink loop: the link points back at itself"
        return None, f"unreadable file: {exc.strerror}"
    if not stat.S_ISREG(info.st_mode):
        return info, "not a regular file (device, pipe or socket)"
    if info.st_size > max_bytes:
        return info, f"file too large: {info.st_size / MEGABYTE:.1f} MB exceeds the {max_bytes / MEGABYTE:.0f} MB limit"
    return info, None


def truncation(raw: bytes) -> str | None:
    """Return a reason when raw is UTF-8 or GB18030 text cut off inside its last character."""
    for codec in ("utf-8", "gb18030"):
        try:
            raw.decode(codec)
            return None
        except UnicodeDecodeError as exc:
            cut_short = exc.reason in INCOMPLETE and exc.start >= len(raw) - 4
            if cut_short and try_strict(raw[:exc.start], codec) is not None:
                return f"truncated: the file ends inside a {codec} multibyte character"
    return None


def read_source(path: str, max_bytes: int, seen: Seen | None = None) -> Source:
    """Read a file's bytes and hash, unless its size and mtime show it unchanged since last seen."""
    info, reason = examine(path, max_bytes)
    if reason:  # keep size and mtime when there are some: an unchanged bad file is not retried
        return Source(path, None, None, reason, getattr(info, "st_size", None), getattr(info, "st_mtime_ns", None))
    if seen and seen.matches(info):
        return Source.seen_before(path, seen.sha256, info.st_size, info.st_mtime_ns)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return Source(path, None, None, "file vanished before it could be read")
    except OSError as exc:
        return Source(path, None, None, f"unreadable file: {exc.strerror or exc}")
    return Source(path, raw, hashlib.sha256(raw).hexdigest(), None, info.st_size, info.st_mtime_ns)
