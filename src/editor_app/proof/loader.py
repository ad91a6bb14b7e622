"""Strict loading of YAML rule packs: every mistake is a `RuleError` naming the file and the line.

A pack is a mapping with `rules:` (a list of rules), optional `pack:` (a name), `description:`,
`defaults:` (category, level, scopes, exceptions applied to every rule of the pack) and `disable:`
(ids of rules loaded earlier, e.g. bundled ones a newsroom does not want). We compose the YAML
ourselves so that each mapping remembers the line of each key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from editor_app.errors import RuleError
from editor_app.proof.findings import LEVELS
from editor_app.proof.mechanisms import MECHANISMS, mechanism
from editor_app.proof.rules import (
    CATEGORIES,
    COMMON_KEYS,
    REQUIRED_KEYS,
    SCOPE_ANY,
    SCOPES,
    Rule,
)

PACK_KEYS = ("pack", "description", "defaults", "disable", "rules")
MAX_PACK_BYTES = 16 * 1024 * 1024
# Plain data a pack may unfold to: aliases are allowed (a shared list of exceptions), but a "billion
# laughs" of nested aliases, ten lines that unfold to gigabytes, is stopped here.
MAX_NODES = 200_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
DEFAULT_KEYS = ("category", "level", "scopes", "exceptions")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_MESSAGE_FIELDS = ("text", "suggestion")


class LMap(dict):
    """A YAML mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    line: int = 0
    item_lines: list


class _Budget:
    """Counts the nodes a pack unfolds to and the aliases being unfolded (to catch a cycle)."""

    def __init__(self, path: Path):
        self.path = path
        self.nodes = 0
        self.open: set[int] = set()

    def visit(self, node) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise RuleError(
                self.path,
                node.start_mark.line + 1,
                f"the pack unfolds to more than {MAX_NODES} values (too many aliases?)",
            )
        if id(node) in self.open:
            raise RuleError(
                self.path, node.start_mark.line + 1, "an alias refers to itself (a recursive alias)"
            )


def _plain(node, path: Path, constructor=None, budget: _Budget | None = None):
    """Plain data from a composed node; scalars are resolved by PyYAML's safe constructor.

    Dates stay text as written (`terms: [2024-01-01]` is a term, not a date); aliases are unfolded
    within a budget and a recursive alias is an error, not a stack overflow.
    """
    if constructor is None:
        constructor = yaml.constructor.SafeConstructor()
    if budget is None:
        budget = _Budget(path)
    budget.visit(node)
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        budget.open.add(id(node))
        constructor.flatten_mapping(node)
        result = LMap()
        result.line, result.key_lines = line, {}
        for key_node, value_node in node.value:
            key = _plain(key_node, path, constructor, budget)
            if not isinstance(key, str):
                raise RuleError(path, key_node.start_mark.line + 1, f"key {key!r} is not a string")
            if key in result:
                raise RuleError(path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            result[key] = _plain(value_node, path, constructor, budget)
            result.key_lines[key] = key_node.start_mark.line + 1
        budget.open.discard(id(node))
        return result
    if isinstance(node, yaml.SequenceNode):
        budget.open.add(id(node))
        items = LList(_plain(item, path, constructor, budget) for item in node.value)
        items.line, items.item_lines = line, [item.start_mark.line + 1 for item in node.value]
        budget.open.discard(id(node))
        return items
    if node.tag == _TIMESTAMP:
        return node.value
    value = constructor.construct_object(node, deep=True)
    if not isinstance(value, (str, int, float, bool)) and value is not None:  # !!binary, !!set …
        raise RuleError(path, line, f"unsupported value {node.value!r} (tag {node.tag})")
    return value


def read_yaml(path: Path, text: str | None = None):
    """Parse one YAML file (or `text` as if it were that file) into LMap/LList/scalars; syntax errors
    become RuleErrors with a line."""
    from editor_app.errors import InputError
    from editor_app.textio import read_capped

    if text is None:
        try:
            text = read_capped(path, MAX_PACK_BYTES).decode("utf-8")
        except InputError as exc:
            raise RuleError(path, None, f"cannot read rule pack: {exc.problem}") from None
        except UnicodeDecodeError as exc:
            raise RuleError(path, None, f"cannot read rule pack: {exc}") from None
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return None if node is None else _plain(node, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(path, mark.line + 1 if mark else None, f"YAML syntax error: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise RuleError(path, None, f"YAML error: {exc}") from None
    except RecursionError:
        raise RuleError(path, None, "the pack is nested too deeply") from None


class PackContext:
    """What a mechanism's `build` may use: data-file lookup and errors that point at the rule."""

    def __init__(self, path: Path, rule_map: LMap | None = None, trusted: bool = True):
        self.path = path
        self.rule_map = rule_map
        # bundled packs are tested with the app; a newsroom's own patterns are guarded (see guarded_regex)
        self.trusted = trusted

    def error(self, problem: str, key: str | None = None) -> RuleError:
        line = None
        if self.rule_map is not None:
            line = self.rule_map.line_of(key) if key else self.rule_map.line
        return RuleError(self.path, line, problem)

    def resolve(self, name: str, key: str | None = None) -> Path:
        """A data file named in a rule: relative to the pack's folder, or its `data/` subfolder."""
        candidate = Path(name)
        for path in (
            [candidate]
            if candidate.is_absolute()
            else [self.path.parent / candidate, self.path.parent / "data" / candidate]
        ):
            if path.is_file():
                return path
        raise self.error(f"data file '{name}' not found next to the pack or in its data/ folder", key)


def read_table(path: Path, min_columns: int = 1) -> list[tuple[int, list[str]]]:
    """(line number, columns) of a UTF-8 TSV/text data file; blank lines and `#` comments skipped."""
    from editor_app.errors import InputError
    from editor_app.textio import read_capped

    try:
        text = read_capped(path, MAX_PACK_BYTES * 4).decode("utf-8-sig")
    except InputError as exc:
        raise RuleError(path, None, f"cannot read data file: {exc.problem}") from None
    except UnicodeDecodeError as exc:
        raise RuleError(path, None, f"cannot read data file: {exc}") from None
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        if len(columns) < min_columns or not columns[0]:
            raise RuleError(path, number, f"expected at least {min_columns} tab-separated columns")
        rows.append((number, columns))
    return rows


def _check_type(value, expected, ctx: PackContext, key: str) -> None:
    if isinstance(expected, tuple) and isinstance(value, list) and list in expected:
        expected = list
    if expected is list and isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise ctx.error(f"'{key}' must be a list of strings", key)
        return
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        names = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
        raise ctx.error(f"'{key}' must be a {names}", key)


def _string_list(value, ctx: PackContext, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ctx.error(f"'{key}' must be a list of strings", key)
    return tuple(value)


def _check_message(message: str, ctx: PackContext, key: str) -> None:
    for name in _PLACEHOLDER_RE.findall(message):
        if name not in _MESSAGE_FIELDS:
            raise ctx.error(
                f"unknown placeholder {{{name}}} in message (use {{text}} or {{suggestion}})", key
            )


def build_rule(data: LMap, path: Path, defaults: dict, trusted: bool = True) -> Rule:
    ctx = PackContext(path, data, trusted)
    merged = {**defaults, **data}
    rule_type = merged.get("type")
    if rule_type is not None and rule_type not in MECHANISMS:
        raise ctx.error(f"unknown rule type '{rule_type}' (known: {', '.join(MECHANISMS)})", "type")
    try:
        module = mechanism(rule_type) if rule_type else None
    except KeyError as exc:
        raise ctx.error(f"rule type '{rule_type}' is not available in this installation", "type") from exc
    extra = getattr(module, "KEYS", {}) if module else {}
    for key in data:
        if key not in COMMON_KEYS and key not in extra:
            allowed = ", ".join(list(COMMON_KEYS) + list(extra))
            raise ctx.error(f"unknown key '{key}' (allowed here: {allowed})", key)
    for key in REQUIRED_KEYS + tuple(getattr(module, "REQUIRED", ()) if module else ()):
        if key not in merged or merged[key] in (None, ""):
            raise ctx.error(f"missing required key '{key}'")
    rule_id = merged["id"]
    if not isinstance(rule_id, str) or not _ID_RE.match(rule_id):
        raise ctx.error("'id' must be lower-case ASCII letters, digits, '.', '_' or '-'", "id")
    if merged["category"] not in CATEGORIES:
        raise ctx.error(
            f"unknown category '{merged['category']}' (known: {' '.join(CATEGORIES)})", "category"
        )
    if merged["level"] not in LEVELS:
        raise ctx.error(f"level must be one of {', '.join(LEVELS)}", "level")
    if not isinstance(merged["message"], str):
        raise ctx.error("'message' must be a string", "message")
    _check_message(merged["message"], ctx, "message")
    scopes = _string_list(merged.get("scopes", [SCOPE_ANY]), ctx, "scopes")
    for scope in scopes:
        if scope != SCOPE_ANY and scope not in SCOPES:
            raise ctx.error(f"unknown scope '{scope}' (known: any, {', '.join(SCOPES)})", "scopes")
    examples = merged["examples"]
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"} or "bad" not in examples:
        raise ctx.error("'examples' must be a mapping with 'bad' (and optionally 'good') lists", "examples")
    bad = _string_list(examples["bad"], ctx, "examples")
    good = _string_list(examples.get("good", []), ctx, "examples")
    if not bad:
        raise ctx.error("'examples.bad' needs at least one example", "examples")
    assert rule_type and module is not None  # 'type' is a required key, checked above
    options = {key: data[key] for key in data if key in extra}
    for key, value in options.items():
        _check_type(value, extra[key], ctx, key)
    rule = Rule(
        id=rule_id,
        type=rule_type,
        category=merged["category"],
        level=merged["level"],
        message=merged["message"],
        suggestions=_string_list(merged.get("suggestions", []), ctx, "suggestions"),
        scopes=frozenset(SCOPES) if SCOPE_ANY in scopes else frozenset(scopes),
        exceptions=_string_list(merged.get("exceptions", []), ctx, "exceptions"),
        examples_bad=bad,
        examples_good=good,
        description=str(merged.get("description", "")),
        path=path,
        line=data.line,
        options=options,
    )
    try:
        rule.detector = module.build(rule, ctx)
    except RuleError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        # a value of the wrong kind deep inside an option (a number where text belongs …)
        raise ctx.error(f"a value of this rule cannot be used ({exc.__class__.__name__}: {exc})") from None
    return rule


def load_pack(
    path: Path, trusted: bool = True, text: str | None = None
) -> tuple[list[Rule], tuple[str, ...]]:
    """The rules of one pack file (or of `text` as that file) and the ids it disables."""
    data = read_yaml(path, text)
    if data is None:
        return [], ()
    if not isinstance(data, LMap):
        raise RuleError(path, getattr(data, "line", 1), "a rule pack must be a mapping with a 'rules:' list")
    ctx = PackContext(path, data)
    for key in data:
        if key not in PACK_KEYS:
            raise ctx.error(f"unknown key '{key}' (allowed: {', '.join(PACK_KEYS)})", key)
    defaults = data.get("defaults") or LMap()
    if not isinstance(defaults, LMap):  # every YAML mapping is read as an LMap
        raise ctx.error("'defaults' must be a mapping", "defaults")
    for key in defaults:
        if key not in DEFAULT_KEYS:
            raise RuleError(
                path,
                defaults.line_of(key),
                f"unknown key '{key}' in defaults (allowed: {', '.join(DEFAULT_KEYS)})",
            )
    disable = _string_list(data.get("disable", []), ctx, "disable")
    items = data.get("rules", [])
    if not isinstance(items, list):
        raise ctx.error("'rules' must be a list", "rules")
    lines = getattr(items, "item_lines", [None] * len(items))
    for item, line in zip(items, lines):
        if not isinstance(item, dict):
            raise RuleError(path, line, "each rule must be a mapping (id:, type:, …)")
    return [build_rule(item, path, dict(defaults), trusted) for item in items], disable


def pack_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError as exc:
        raise RuleError(folder, None, f"cannot read the rules folder: {exc.strerror or exc}") from exc


def _bundled(folder: Path) -> bool:
    from editor_app import paths

    try:
        return folder.resolve() == paths.resource("rules").resolve()
    except (OSError, FileNotFoundError):
        return False


def load_rules(
    folders: list[Path], lenient: tuple[Path, ...] = (), problems: list[str] | None = None
) -> list[Rule]:
    """All rules of the packs in `folders`, in order; a later rule with the same id replaces an earlier
    one (a newsroom overrides a bundled rule), a duplicate id within one folder is an error.

    Packs outside the bundled folder are loaded with their patterns guarded. In a `lenient` folder
    (the user's own rules folder, read by the window) a pack that does not load is skipped and the
    reason added to `problems`, so one bad file does not switch proofreading off altogether."""
    rules: dict[str, Rule] = {}
    for folder in folders:
        seen_here: dict[str, Rule] = {}
        trusted = _bundled(folder)
        for path in pack_files(folder):
            try:
                pack_rules, disabled = load_pack(path, trusted)
            except RuleError as exc:
                if folder not in lenient:
                    raise
                if problems is not None:
                    problems.append(str(exc))
                continue
            for rule_id in disabled:
                rules.pop(rule_id, None)
            for rule in pack_rules:
                if rule.id in seen_here:
                    other = seen_here[rule.id]
                    raise RuleError(
                        path,
                        rule.line,
                        f"duplicate rule id '{rule.id}' (also in {(other.path or path).name}:{other.line})",
                    )
                seen_here[rule.id] = rule
                rules.pop(rule.id, None)
                rules[rule.id] = rule
    return list(rules.values())


def option(rule: Rule, key: str, default: Any = None) -> Any:
    return rule.options.get(key, default)


def validate_pack(path: Path, text: str | None = None) -> list[RuleError]:
    """What is wrong with one pack, as the rules dialog checks it before saving: the first loading
    error (YAML, keys, regexes, data files), else every example that does not behave (a bad example
    the rule misses, a good one it flags), each naming the file and the rule's line. Empty: sound."""
    from editor_app.proof.examples import example_problems

    path = Path(path)
    try:
        rules, _ = load_pack(path, trusted=False, text=text)  # a house rule: guarded as the user folder is
    except RuleError as exc:
        return [exc]
    errors = []
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            errors.append(
                RuleError(
                    path, rule.line, f"duplicate rule id '{rule.id}' (also at line {seen[rule.id].line})"
                )
            )
        seen[rule.id] = rule
        errors.extend(
            RuleError(path, rule.line, f"{rule.id}: {problem}") for problem in example_problems(rule)
        )
    return errors
