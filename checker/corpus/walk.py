"""Path expansion: which files to read, in which order, under which story.

- A directory is read recursively; files are sorted by their path relative
  to the directory (POSIX string order). Hidden files and directories (a
  name starting with ``.``, e.g. ``.git``, ``.checker-cache``) are skipped.
  Symbolic links to files are read; links to directories are not followed. A
  file reached twice (two arguments, a symbolic or hard link) is read once.
  A ``checker.toml`` inside a directory is a story's configuration
  (:func:`story_config_files`), not a report.
  Every other file is a candidate report: one with an unsupported extension
  is reported as an error, not skipped silently, so that nothing is ignored
  without a word.
- A file argument is read directly, whatever its name.
- The id of a file report is its path relative to the argument (a file
  argument: its own name), without the extension.
- The story of a report, when it has no ``story`` metadata: the first
  ``stories`` glob (fnmatch, in mapping order) matching its path relative to
  ``base_dir`` (default: the current directory; files outside it are matched
  by the path as given); else the top folder under the directory argument
  (``reports/lima-1996/x.md`` -> ``lima-1996``); else the name of the folder
  that holds it as given (``seeds`` for ``seeds`` or ``seeds/x.txt``; for
  ``.`` or ``x.md`` the name of the current directory).
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath

from checker.records import InputError

STORY_CONFIG = "checker.toml"


@dataclass(frozen=True)
class Source:
    """One file to read and where it sits in the corpus."""

    fs_path: Path
    display: str
    """``Article.path``: the argument as given joined with the relative path (POSIX)."""
    rel: str
    """Path relative to the argument (a file argument: its name), POSIX, with extension."""
    folder_story: str | None
    arg_story: str
    story_key: str
    """The path that ``stories`` globs are matched against."""

    @property
    def default_id(self) -> str:
        return str(PurePosixPath(self.rel).with_suffix(""))

    def story(self, stories: Mapping[str, str]) -> str:
        for pattern, name in stories.items():
            if fnmatch.fnmatchcase(self.story_key, pattern):
                return name
        return self.folder_story or self.arg_story


@dataclass(frozen=True)
class Expansion:
    display: str
    is_dir: bool
    sources: tuple[Source, ...] = ()
    errors: tuple[InputError, ...] = field(default=())


def _posix(path: str | PurePath) -> str:
    return PurePath(path).as_posix()


def os_message(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror.lower() if exc.strerror else str(exc)


def _story_key(path: Path, display: str, base: str) -> str:
    absolute = os.path.abspath(path)
    try:
        if os.path.commonpath([absolute, base]) == base:
            return _posix(os.path.relpath(absolute, base))
    except ValueError:  # different drives
        pass
    return display


def _folder_name(path: Path) -> str:
    return path.name or path.resolve().name or "default"


def expand(arg: str | Path, *, base_dir: Path | None = None) -> Expansion:
    """List the files one path argument stands for."""
    display = _posix(arg)
    path = Path(arg)
    base = os.path.abspath(base_dir if base_dir is not None else os.getcwd())
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Expansion(display, False, errors=(InputError(display, os_message(exc)),))
    if not stat.S_ISDIR(mode):
        source = Source(
            fs_path=path,
            display=display,
            rel=path.name,
            folder_story=None,
            arg_story=_folder_name(path.parent),
            story_key=_story_key(path, display, base),
        )
        return Expansion(display, False, sources=(source,))

    errors: list[InputError] = []
    found: list[tuple[str, Path]] = []

    def on_error(exc: OSError) -> None:
        where = display
        if exc.filename:
            rel = _posix(os.path.relpath(exc.filename, path))
            where = display if rel == "." else _join(display, rel)
        errors.append(InputError(where, os_message(exc)))

    for dirpath, dirnames, filenames in os.walk(path, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or name == STORY_CONFIG:
                continue
            full = Path(dirpath, name)
            found.append((_posix(full.relative_to(path)), full))
    found.sort(key=lambda item: item[0])
    arg_story = _folder_name(path)
    sources = []
    for rel, full in found:
        parts = PurePosixPath(rel).parts
        shown = _join(display, rel)
        sources.append(
            Source(
                fs_path=full,
                display=shown,
                rel=rel,
                folder_story=parts[0] if len(parts) > 1 else None,
                arg_story=arg_story,
                story_key=_story_key(full, shown, base),
            )
        )
    return Expansion(display, True, sources=tuple(sources), errors=tuple(errors))


def _join(display: str, rel: str) -> str:
    return rel if display == "." else f"{display.rstrip('/')}/{rel}"


def story_config_files(args: Sequence[str | Path]) -> dict[str, Path]:
    """Story name -> the ``checker.toml`` in the folder that names the story.

    For each directory argument: the folder itself (``checker check
    reports/lima-1996``) and each folder directly under it (``checker check
    reports``). The first file found for a story wins.
    """
    found: dict[str, Path] = {}
    for arg in args:
        path = Path(arg)
        if not path.is_dir():
            continue
        candidates = [
            path,
            *sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")),
        ]
        for folder in candidates:
            config = folder / STORY_CONFIG
            if config.is_file():
                found.setdefault(_folder_name(folder), config)
    return found


def file_identities(args: Sequence[str | Path]) -> dict[tuple[int, int], str]:
    """Device and inode of every file the arguments stand for (what would be read,
    and each ``checker.toml``), mapped to the path as shown: an output must not be
    one of them."""
    found: dict[tuple[int, int], str] = {}
    for arg in args:
        expansion = expand(arg)
        for source in expansion.sources:
            _add_identity(found, source.fs_path, source.display)
        if expansion.is_dir:
            for config in story_config_files([arg]).values():
                _add_identity(found, config, _posix(config))
    return found


def _add_identity(found: dict[tuple[int, int], str], path: Path, shown: str) -> None:
    try:
        info = os.stat(path)
    except OSError:
        return
    found.setdefault((info.st_dev, info.st_ino), shown)
