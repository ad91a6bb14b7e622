"""`.bulletin` project files: a zip of manifest.json, issue.json and content-addressed images/.

Opening validates everything before the user sees anything (zip structure, member names, sizes,
manifest, schema, JSON shape, images); saving is atomic and keeps `NAME.bulletin.bak`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from editor_app import __version__
from editor_app.errors import InputError, ProjectError
from editor_app.imaging import inspect_image
from editor_app.messages import msg
from editor_app.model.document import Issue
from editor_app.model.serialize import SCHEMA_VERSION, SchemaError, dumps, issue_from_dict
from editor_app.storage.atomic import atomic_writer
from editor_app.storage.migrations import migrate
from editor_app.storage.rounds import attach_snapshots, round_members

FORMAT_NAME = "editor-app.bulletin"
SUFFIX = ".bulletin"
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed: far beyond JSON or photos, typical of zip bombs


@dataclass
class Project:
    """An issue with the images it references, and where it was loaded from."""

    issue: Issue
    images: dict[str, bytes] = field(default_factory=dict)  # "images/<hash>.<ext>" -> bytes
    path: Path | None = None

    def add_image(self, data: bytes, name: str = "image") -> str:
        """Validate and store an image; return its project path (same bytes → same path)."""
        info = inspect_image(data, name)
        digest = hashlib.sha256(data).hexdigest()[:24]
        key = f"images/{digest}.{info.ext}"
        self.images[key] = data
        return key

    def add_image_file(self, path: Path | str) -> str:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(path, msg("cannot read the image: {reason}", reason=exc.strerror or exc)) from None
        return self.add_image(data, str(path))

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


def open_project(path: Path | str) -> Project:
    """Read and validate a project; raise ProjectError naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise ProjectError(path, msg("no such file"))
    if path.is_dir():
        raise ProjectError(path, msg("is a folder, not a project file"))
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ProjectError(path, msg("not an editor-app project (the file is not a zip archive)")) from None
    except OSError as exc:
        raise ProjectError(path, msg("cannot read the file: {reason}", reason=exc.strerror or exc)) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ProjectError(path, msg("too many members ({count})", count=len(infos)))
        total = 0
        for info in infos:
            if not _safe_member(info.filename):
                raise ProjectError(path, msg("unsafe member name {name} (absolute path or '..')", name=repr(info.filename)))
            if info.file_size > MAX_MEMBER_BYTES:
                raise ProjectError(path, msg("member {name} is too large ({size} bytes)", name=info.filename, size=info.file_size))
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                    and info.file_size > 1024 * 1024:
                raise ProjectError(path, msg("member {name} looks like a zip bomb", name=info.filename))
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ProjectError(path, msg("the project unpacks to {size} bytes, over the limit", size=total))
        names = {info.filename for info in infos}

        def read(name: str, limit: int) -> bytes:
            with archive.open(name) as member:
                data = member.read(limit + 1)
            if len(data) > limit:
                raise ProjectError(path, msg("member {name} is larger than it claims", name=name))
            return data

        if "manifest.json" not in names:
            raise ProjectError(path, msg("not an editor-app project (manifest.json is missing)"))
        try:
            manifest = json.loads(read("manifest.json", 1024 * 1024).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ProjectError(path, msg("manifest.json is not valid JSON ({reason})", reason=exc)) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise ProjectError(path, msg("manifest.json is not an editor-app manifest (foreign format)"))
        if "issue.json" not in names:
            raise ProjectError(path, msg("issue.json is missing"))
        try:
            data = json.loads(read("issue.json", MAX_JSON_BYTES).decode("utf-8"))
        except UnicodeDecodeError:
            raise ProjectError(path, msg("issue.json is not UTF-8 text")) from None
        except ValueError as exc:
            raise ProjectError(path, msg("issue.json is not valid JSON ({reason})", reason=exc)) from None
        try:
            issue = issue_from_dict(migrate(data))
        except SchemaError as exc:
            raise ProjectError(path, msg("issue.json: {problem}", problem=exc)) from None
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
    project = Project(issue=issue, images=images, path=path)
    missing = sorted(ref for ref in project.referenced_images() if ref not in images)
    if missing:
        raise ProjectError(path, msg("images referenced but not in the project: {names}", names=", ".join(missing)))
    return project


def project_bytes_writer(project: Project):
    """A callback writing the project zip into a binary file (used by save and autosave)."""
    manifest = {"format": FORMAT_NAME, "schema": SCHEMA_VERSION, "app_version": __version__}
    issue_json = dumps(project.issue).encode("utf-8")
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


def save_project(project: Project, path: Path | str | None = None, backup: bool = True) -> Path:
    """Save atomically (temp, fsync, replace), keeping the previous file as NAME.bulletin.bak."""
    target = Path(path) if path is not None else project.path
    if target is None:
        raise ProjectError(msg("(unsaved)"), msg("no file name given"))
    missing = sorted(r for r in project.referenced_images() if r not in project.images)
    if missing:
        raise ProjectError(target, msg("images referenced but not loaded: {names}", names=", ".join(missing)))
    write = project_bytes_writer(project)
    try:
        with atomic_writer(target, backup=backup) as handle:
            write(handle)
    except PermissionError:
        raise ProjectError(target, msg("cannot write here (permission denied); choose another folder")) from None
    except FileNotFoundError:
        if target.parent.is_dir():
            raise ProjectError(target, msg("this folder does not accept new files; choose another folder")) from None
        raise ProjectError(target, msg("the folder does not exist")) from None
    except OSError as exc:
        raise ProjectError(target, msg("could not save: {reason}", reason=exc.strerror or exc)) from None
    project.path = target
    return target
