"""`.bulletin` project files: a zip of manifest.json, issue.json and content-addressed images/.

Opening validates everything before the user sees anything (zip structure, member names, sizes,
manifest, schema, JSON shape, images); saving is atomic and keeps `NAME.bulletin.bak`.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from editor_app import __version__
from editor_app.errors import InputError, ProjectError
from editor_app.imaging import inspect_image, make_embeddable
from editor_app.messages import msg
from editor_app.model.document import Issue
from editor_app.model.serialize import SCHEMA_VERSION, SchemaError, dumps, issue_from_dict
from editor_app.storable import clean_tree, storable_json
from editor_app.storage.atomic import ReadOnlyFileError, atomic_writer, real_target
from editor_app.storage.identity import FileIdentity, identity_of, still_same
from editor_app.storage.lock import ProjectLock, ProjectLockedError, check_can_write
from editor_app.storage.migrations import migrate
from editor_app.storage.rounds import attach_snapshots, round_members
from editor_app.textio import read_capped

log = logging.getLogger(__name__)

FORMAT_NAME = "editor-app.bulletin"
SUFFIX = ".bulletin"
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed: far beyond JSON or photos, typical of zip bombs
RATIO_FLOOR = 64 * 1024  # members smaller than this cannot hide much, whatever their ratio
MAX_PROJECT_BYTES = MAX_TOTAL_BYTES + 64 * 1024 * 1024  # the file itself (images are stored as they are)


@dataclass
class Project:
    """An issue with the images it references, and where it was loaded from."""

    issue: Issue
    images: dict[str, bytes] = field(default_factory=dict)  # "images/<hash>.<ext>" -> bytes
    path: Path | None = None
    # the file as last opened or saved: a save checks it is still that file before replacing it
    identity: FileIdentity | None = None
    notes: list[str] = field(default_factory=list)  # what opening changed (the user is told)
    lock: ProjectLock | None = None  # held while the window has the project open
    read_only: bool = False  # opened while somebody else had it: saving goes to another name

    def add_image(self, data: bytes, name: str = "image", notes: list[str] | None = None) -> str:
        """Validate and store an image; return its project path (same bytes → same path).

        A picture Word cannot embed as it is (a CMYK JPEG, a JPEG without JFIF/Exif marker) is
        re-encoded first; the reason goes to `notes` when given.
        """
        inspect_image(data, name)
        data, reason = make_embeddable(data)
        if reason and notes is not None:
            notes.append(
                msg(
                    "{name}: the picture was re-encoded so that Word can print it ({reason})",
                    name=name,
                    reason=reason,
                )
            )
        info = inspect_image(data, name)
        key = f"images/{hashlib.sha256(data).hexdigest()[:24]}.{info.ext}"
        self.images[key] = data
        return key

    def add_image_file(self, path: Path | str, notes: list[str] | None = None) -> str:
        from editor_app.imaging import MAX_IMAGE_BYTES

        path = Path(path)
        try:
            data = read_capped(path, MAX_IMAGE_BYTES)
        except InputError as exc:
            raise InputError(path, msg("cannot read the image: {reason}", reason=exc.problem)) from None
        return self.add_image(data, str(path), notes)

    def referenced_images(self) -> set[str]:
        refs = set()
        for _, block in self.issue.blocks():
            if getattr(block, "image", None):
                refs.add(block.image)
            for photo in getattr(block, "photos", ()):
                if photo.image:
                    refs.add(photo.image)
        return refs


def _safe_member(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name.split("/")[0]:
        return False
    norm = posixpath.normpath(name)
    return not (norm.startswith("../") or norm == ".." or "/../" in f"/{name}/")


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise ProjectError(path, msg("no such file"))
    if path.is_dir():
        raise ProjectError(path, msg("is a folder, not a project file"))
    if not path.is_file():  # a device or a pipe: a project is a zip, read from a file
        raise ProjectError(path, msg("is not a regular file"))
    try:
        return read_capped(path, MAX_PROJECT_BYTES)
    except InputError as exc:
        raise ProjectError(path, exc.problem) from None


def _check_members(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse hostile archives before anything is unpacked: names, sizes, compression ratios."""
    if len(infos) > MAX_MEMBERS:
        raise ProjectError(path, msg("too many members ({count})", count=len(infos)))
    total = packed = 0
    for info in infos:
        if not _safe_member(info.filename):
            raise ProjectError(
                path, msg("unsafe member name {name} (absolute path or '..')", name=repr(info.filename))
            )
        if info.file_size > MAX_MEMBER_BYTES:
            raise ProjectError(
                path,
                msg("member {name} is too large ({size} bytes)", name=info.filename, size=info.file_size),
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ProjectError(path, msg("member {name} looks like a zip bomb", name=info.filename))
        total += info.file_size
        packed += info.compress_size
    if total > MAX_TOTAL_BYTES:
        raise ProjectError(path, msg("the project unpacks to {size} bytes, over the limit", size=total))
    if total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1):  # many small members, each under the floor
        raise ProjectError(
            path, msg("the project looks like a zip bomb (it unpacks to {size} bytes)", size=total)
        )


def _parse_json(path: Path, name: str, raw: bytes):
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProjectError(path, msg("{name} is not UTF-8 text", name=name)) from None
    except RecursionError:
        raise ProjectError(path, msg("{name} is nested too deeply to be a project", name=name)) from None
    except ValueError as exc:
        raise ProjectError(path, msg("{name} is not valid JSON ({reason})", name=name, reason=exc)) from None


def open_project(path: Path | str) -> Project:
    """Read and validate a project; raise ProjectError naming the file and the problem."""
    path = Path(path)
    raw = _read_file(path)
    identity = identity_of(path, raw)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except zipfile.BadZipFile:
        raise ProjectError(path, msg("not an editor-app project (the file is not a zip archive)")) from None
    except Exception as exc:  # noqa: BLE001 - zipfile meets a hostile directory: any of its errors
        raise ProjectError(
            path, msg("the project file is damaged ({reason})", reason=exc.__class__.__name__)
        ) from None
    with archive:
        _check_members(path, infos)
        names = {info.filename for info in infos}

        def read(name: str, limit: int) -> bytes:
            try:
                with archive.open(name) as member:
                    data = member.read(limit + 1)
            except Exception as exc:  # noqa: BLE001 - bad CRC, corrupt deflate stream, encryption …
                raise ProjectError(
                    path,
                    msg(
                        "member {name} is damaged ({reason})",
                        name=name,
                        reason=str(exc) or exc.__class__.__name__,
                    ),
                ) from None
            if len(data) > limit:
                raise ProjectError(path, msg("member {name} is larger than it claims", name=name))
            return data

        if "manifest.json" not in names:
            raise ProjectError(path, msg("not an editor-app project (manifest.json is missing)"))
        manifest = _parse_json(path, "manifest.json", read("manifest.json", 1024 * 1024))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise ProjectError(path, msg("manifest.json is not an editor-app manifest (foreign format)"))
        if "issue.json" not in names:
            raise ProjectError(path, msg("issue.json is missing"))
        data = _parse_json(path, "issue.json", read("issue.json", MAX_JSON_BYTES))
        data, replaced = clean_tree(data)
        try:
            issue = issue_from_dict(migrate(data))
        except SchemaError as exc:
            raise ProjectError(path, msg("issue.json: {problem}", problem=exc)) from None
        except RecursionError:
            raise ProjectError(
                path, msg("{name} is nested too deeply to be a project", name="issue.json")
            ) from None
        try:
            attach_snapshots(issue, names, read)
        except SchemaError as exc:
            raise ProjectError(path, str(exc)) from None
        images = {}
        for name in sorted(names):
            if name.startswith("images/") and not name.endswith("/"):
                blob = read(name, MAX_MEMBER_BYTES)
                try:
                    inspect_image(blob, name)
                except InputError as exc:
                    raise ProjectError(path, f"{name}: {exc.problem}") from None
                images[name] = blob
    project = Project(issue=issue, images=images, path=path, identity=identity)
    if replaced:
        project.notes.append(
            msg(
                "{count} unreadable character(s) (lone UTF-16 surrogates) were replaced "
                "by \ufffd so that the project can be saved",
                count=replaced,
            )
        )
    missing = sorted(ref for ref in project.referenced_images() if ref not in images)
    if missing:
        raise ProjectError(
            path, msg("images referenced but not in the project: {names}", names=", ".join(missing))
        )
    return project


def project_bytes_writer(project: Project):
    """A callback writing the project zip into a binary file (used by save and autosave)."""
    manifest = {"format": FORMAT_NAME, "schema": SCHEMA_VERSION, "app_version": __version__}
    issue_json = storable_json(dumps(project.issue)).encode("utf-8")
    referenced = project.referenced_images()
    rounds = round_members(project.issue)

    def write(handle) -> None:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
            archive.writestr("issue.json", issue_json)
            for name, data in rounds.items():
                archive.writestr(name, data)
            for name in sorted(referenced):
                if name in project.images:
                    archive.writestr(name, project.images[name], compress_type=zipfile.ZIP_STORED)

    return write


def project_bytes(project: Project) -> bytes:
    buffer = io.BytesIO()
    project_bytes_writer(project)(buffer)
    return buffer.getvalue()


def _same_file(a: Path | None, b: Path) -> bool:
    if a is None:
        return False
    try:
        return real_target(a.absolute()) == real_target(b.absolute()) or (
            a.exists() and b.exists() and a.samefile(b)
        )
    except OSError:
        return False


def save_project(
    project: Project, path: Path | str | None = None, backup: bool = True, overwrite_changed: bool = False
) -> Path:
    """Save atomically (temp, fsync, replace), keeping the previous file as NAME.bulletin.bak.

    Refuses (ProjectError) to write a project another editor-app has open (its lock), a read-only
    file, and — unless `overwrite_changed` — the project's own file when another program changed it
    since it was opened or last saved here (two saves of one project must not silently lose one).
    """
    target = Path(path) if path is not None else project.path
    if target is None:
        raise ProjectError(msg("(unsaved)"), msg("no file name given"))
    missing = sorted(r for r in project.referenced_images() if r not in project.images)
    if missing:
        raise ProjectError(target, msg("images referenced but not loaded: {names}", names=", ".join(missing)))
    data = project_bytes(project)
    check_can_write(target, project.lock)
    own_file = _same_file(project.path, target)
    try:
        with _target_guard(target):
            if (
                own_file
                and not overwrite_changed
                and project.identity is not None
                and target.exists()
                and not still_same(real_target(target), project.identity)
            ):
                raise ProjectChangedError(target)
            with atomic_writer(target, backup=backup) as handle:
                handle.write(data)
    except (ProjectError, ProjectLockedError):
        raise
    except ReadOnlyFileError:
        raise ProjectError(target, msg("the file is read-only; save under another name")) from None
    except PermissionError:
        raise ProjectError(
            target, msg("cannot write here (permission denied); choose another folder")
        ) from None
    except FileNotFoundError:
        if target.parent.is_dir():
            raise ProjectError(
                target, msg("this folder does not accept new files; choose another folder")
            ) from None
        raise ProjectError(target, msg("the folder does not exist")) from None
    except OSError as exc:
        raise ProjectError(target, msg("could not save: {reason}", reason=exc.strerror or exc)) from None
    project.path = target
    project.identity = identity_of(real_target(target), data)
    log.info("saved %s", target)
    return target


class ProjectChangedError(ProjectError):
    """The project's file was replaced by someone else since we opened or saved it."""

    def __init__(self, path: Path):
        super().__init__(
            path,
            msg(
                "was changed by another program since it was opened here; "
                "save under another name (or reload it) so that neither version is lost"
            ),
        )


def _target_guard(target: Path):
    """Hold an advisory lock on the existing target while checking and replacing it, so two saves of
    one project run one after the other and the second sees the first one's file."""
    from editor_app.storage.atomic import locked_existing

    return locked_existing(target)
