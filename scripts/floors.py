#!/usr/bin/env python3
"""The core's floors, checked: each module may use only modules of its own floor or below,
and no two files may need each other (directly or around a longer loop).

Usage: scripts/floors.py [SRC]   (default: src/ of the repository; src/bin is the CLI, on top)
       scripts/floors.py --self-test (shows the check finds an up-floor use and a loop)
Reads every `crate::…` path of the core's files. Prints each dependency that runs up a floor,
each loop, and each top-level module ARCHITECTURE.md's code map does not name; exits 1 when
there is any. ARCHITECTURE.md describes the same floors.
"""
import os
import re
import sys

# Floor of each top-level module of the core, lowest first.
FLOORS = {
    # Text and dates: pure rules, no database.
    "lang": 0, "labels": 0, "text": 0, "date": 0, "calendar": 0, "token": 0, "deadline": 0,
    "timeliness": 0, "error": 0,
    # The store: SQLite, its schema, the SQL functions it registers, the search index's upkeep.
    "store": 1, "record": 1,
    # The domain: what offices keep and the rules of each write.
    "unit": 2, "person": 2, "office": 2, "meeting": 2, "draft": 2, "minutes": 2,
    "directive": 2, "followup": 2, "carry": 2, "stats": 2, "audit": 2, "attachment": 2,
    # Services over the domain.
    "search": 3, "document": 3, "backup": 3, "exchange": 3, "extract": 3, "proposal": 3,
    "intake": 3,
    # Use cases: one call per command of the CLI and the window.
    "app": 4,
    # Sample data and benchmarks.
    "demo": 5, "bench": 5,
}
NAMES = ["text and dates", "store", "domain", "services", "use cases", "sample data and benchmarks"]


def modules(src):
    """Module path (tuple) -> file, for every file of the core but the CLI."""
    found = {}
    for folder, _, files in os.walk(src):
        rel_folder = os.path.relpath(folder, src)
        if rel_folder.split(os.sep)[0] == "bin":
            continue
        for name in files:
            if not name.endswith(".rs"):
                continue
            rel = os.path.normpath(os.path.join(rel_folder, name))
            path = rel[: -len(".rs")].split(os.sep)
            if path[-1] in ("mod", "lib"):
                path = path[:-1]
            found[tuple(path)] = rel
    return found


def code_of(text):
    """`text` without its string literals and comments (a `//` inside a string is no comment)."""
    # A quote as a character ('"', b'"') opens no string.
    text = re.sub(r"b?'(?:\\.|[^'\\\n])'", "''", text)
    text = re.sub(r'r(#*)"[\s\S]*?"\1', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    text = re.sub(r"/\*[\s\S]*?\*/", "", text)
    return re.sub(r"//[^\n]*", "", text)


def use_tree(text, i, prefix, paths):
    """Reads the use tree at `text[i:]` (`a::b`, `a::{b, c::{d, e}}`, `a as x`, `*`) below
    `prefix`, adding every path it names to `paths`; returns where it ends."""
    n = len(text)
    path = list(prefix)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i < n and text[i] == "{":
            i += 1
            while True:
                while i < n and text[i] in " \t\r\n,":
                    i += 1
                if i >= n or text[i] == "}":
                    return i + 1
                i = use_tree(text, i, path, paths)
        m = re.match(r"\w+|\*", text[i:])
        if not m:
            if len(path) > len(prefix):
                paths.append(path)
            return i
        word = m.group(0)
        i += len(word)
        if word != "*" and word != "self":
            path = path + [word]
        rest = re.match(r"\s*::\s*", text[i:])
        if rest:
            i += len(rest.group(0))
            continue
        if len(path) > len(prefix) or word == "self":
            paths.append(path if len(path) > len(prefix) else list(prefix))
        alias = re.match(r"\s+as\s+\w+", text[i:])
        return i + (len(alias.group(0)) if alias else 0)


def used_paths(text, here=()):
    """Every path to a module of the crate named in `text`: `crate::a::b`, and `super::` or
    `self::` paths read from the module `here`; use trees expanded however deep they nest;
    `crate` under another name (`use crate as x;`) read as `crate`; comments and strings
    left out. Each path is given from the crate's root."""
    text = code_of(text)
    for alias in re.findall(r"\buse\s+crate\s+as\s+(\w+)\s*;", text) + re.findall(
        r"\bextern\s+crate\s+self\s+as\s+(\w+)\s*;", text
    ):
        text = re.sub(r"(?<![\w:])" + re.escape(alias) + r"\s*::", "crate::", text)
    paths = []
    for m in re.finditer(r"\b((?:crate|self|super)(?:\s*::\s*super)*)\s*::", text):
        heads = re.split(r"\s*::\s*", m.group(1))
        if heads[0] == "crate":
            base = []
        else:
            base = list(here)
            for h in heads:
                if h == "super":
                    base = base[:-1]
        use_tree(text, m.end(), base, paths)
    return paths


def root_exports(src):
    """What the crate's root re-exports (`pub use error::{Error, Result}`): name -> module."""
    try:
        with open(os.path.join(src, "lib.rs"), encoding="utf8") as f:
            text = code_of(f.read())
    except OSError:
        return {}
    out = {}
    for module, group, last in re.findall(r"pub use (\w+)::(?:\{([^}]*)\}|(\w+))", text):
        for name in ([last] if last else re.findall(r"\w+", group)):
            out[name] = module
    return out


def owner(path, mods):
    """The file a path leads to: its longest prefix that is a module."""
    for n in range(len(path), 0, -1):
        if tuple(path[:n]) in mods:
            return tuple(path[:n])
    return None


def write_tree(root, files):
    """Writes `files` (relative path -> text) below `root`."""
    for rel, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
        with open(os.path.join(root, rel), "w", encoding="utf8") as f:
            f.write(text)


def self_test():
    """Tiny cores and windows with each kind of fault the check must find."""
    import tempfile

    def core(files):
        with tempfile.TemporaryDirectory() as src:
            write_tree(src, files)
            return check(src)

    # The store uses the domain; two domain files need each other.
    found = core({
        "lib.rs": "pub mod store; pub mod unit; pub mod person;",
        "store/mod.rs": "use crate::unit::Unit;",
        "unit.rs": "use crate::{person, store::Tx};",
        "person.rs": "pub fn f() { crate::unit::g() }",
    })
    assert any("store/mod.rs" in p and "up a floor" in p for p in found), found
    assert any(p.startswith("loop:") and "person.rs" in p and "unit.rs" in p for p in found), found
    assert any(p.startswith("loop between modules:") for p in found), found
    assert len(found) == 3, found
    # Up a floor through `super::`, through a name the root re-exports, and after a string
    # holding `//`; and two modules needing each other through a folder's own files.
    found = core({
        "lib.rs": "pub mod store; pub mod app; pub mod search; pub mod document; pub use app::Target;",
        "store/mod.rs": "pub mod clock;",
        "store/clock.rs": 'const U: &str = "http://x"; use super::super::app::Target;',
        "unit.rs": "",
        "app.rs": "pub struct Target;",
        "search/mod.rs": "fn f(_: crate::Target) {} use crate::document::report::X;",
        "document/mod.rs": "pub mod report; use crate::search::f;",
        "document/report.rs": "pub struct X;",
    })
    assert any("store/clock.rs" in p and "up a floor" in p for p in found), found
    assert any("search/mod.rs" in p and "up a floor" in p for p in found), found
    assert any(p == "loop between modules: document <-> search" for p in found), found
    # Up a floor inside a nested use tree, and through `crate` under another name.
    found = core({
        "lib.rs": "pub mod store; pub mod app; pub mod unit; pub mod person;",
        "store/mod.rs": "pub struct Tx;",
        "app.rs": "pub mod documents {}",
        "unit.rs": "use crate::{store::{Tx}, app::documents};",
        "person.rs": "use crate as r; fn f() { r::app::g() }",
    })
    assert any("unit.rs" in p and "up a floor" in p for p in found), found
    assert any("person.rs" in p and "up a floor" in p for p in found), found
    with tempfile.TemporaryDirectory() as root:
        ui = os.path.join(root, "ui", "src")
        files = {
            "lib/route.ts": 'import type { F } from "../features/a/A.svelte";',
            "features/a/A.svelte": 'import B from "../b/B.svelte";',
            "features/b/B.svelte": 'import C from "../c/C.svelte";',
            "features/c/C.svelte": 'import A from "../a/A.svelte";',
        }
        write_tree(ui, files)
        write_tree(root, {"ARCHITECTURE.md": "`a/` `b/` `c/`"})
        found = ui_check(ui)
    assert any("lib/route.ts" in p and "up a floor" in p for p in found), found
    assert any(p == "loop: ui features a <-> b <-> c" for p in found), found
    assert len(found) == 2, found
    print("floors: the self-test finds every up-floor use and loop it plants")
    return 0


def unmapped(src):
    """Top-level modules of the core, and files of the core, the shell and the window's
    shared code (ui/src/lib), that ARCHITECTURE.md's code map does not name."""
    with open(os.path.join(src, "..", "ARCHITECTURE.md"), encoding="utf8") as f:
        text = f.read()
    names = sorted({n[: -len(".rs")] if n.endswith(".rs") else n for n in os.listdir(src)} - {"bin", "lib"})
    problems = [
        f"ARCHITECTURE.md's code map does not name `{n}`"
        for n in names
        if f"`{n}.rs`" not in text and f"`{n}/`" not in text
    ]
    root = os.path.join(src, "..")
    for folder, skip in [("src", ("mod.rs", "lib.rs", "tests.rs")), ("src-tauri/src", ("mod.rs",)), ("ui/src/lib", ())]:
        base = os.path.join(root, folder)
        for dirpath, _, files in os.walk(base):
            if os.path.relpath(dirpath, base).split(os.sep)[0] == "bin":
                continue
            for name in files:
                code = name.endswith(".rs") or (name.endswith(".ts") and not name.endswith(".test.ts"))
                if code and name not in skip and name not in text:
                    rel = os.path.relpath(os.path.join(dirpath, name), root)
                    problems.append(f"ARCHITECTURE.md's code map does not name the file {rel}")
    return problems


# The window's floors (ui/src): shared code, shared components, feature folders, the shell.
UI_FLOORS = {"lib": 0, "locales": 0, "components": 1, "features": 2}
UI_NAMES = ["lib", "components", "features", "App"]


def ui_check(ui_src):
    """The window's problems: an import up a floor (lib → components → features → App.svelte
    and main.ts) and features that need each other; and feature folders ARCHITECTURE.md
    does not name."""
    problems, needs = [], {}
    for folder, _, files in os.walk(ui_src):
        for name in files:
            if not name.endswith((".ts", ".svelte")) or name == "bindings.ts":
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, ui_src)
            parts = rel.split(os.sep)
            floor = UI_FLOORS.get(parts[0], 3) if len(parts) > 1 else 3
            with open(path, encoding="utf8") as f:
                text = f.read()
            for spec in re.findall(r"""(?:from|import)\s*\(?\s*["'](\.[^"']+)["']""", text):
                target = os.path.relpath(os.path.normpath(os.path.join(folder, spec)), ui_src).split(os.sep)
                if target[0] == "..":
                    continue  # outside the window's code (a test fixture)
                up = UI_FLOORS.get(target[0], 3) if len(target) > 1 else 3
                if up > floor:
                    problems.append(f"ui/src/{rel} ({UI_NAMES[floor]}) imports {spec} ({UI_NAMES[up]}): up a floor")
                if parts[0] == target[0] == "features" and parts[1] != target[1]:
                    needs.setdefault(parts[1], set()).add(target[1])
    for loop in loops_of(needs):
        problems.append(f"loop: ui features {' <-> '.join(sorted(loop))}")
    with open(os.path.join(ui_src, "..", "..", "ARCHITECTURE.md"), encoding="utf8") as f:
        arch = f.read()
    features = os.path.join(ui_src, "features")
    for name in sorted(os.listdir(features)) if os.path.isdir(features) else []:
        if f"`{name}/`" not in arch:
            problems.append(f"ARCHITECTURE.md's code map does not name the feature folder `{name}/`")
    return problems


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    problems = check(src) + unmapped(src)
    ui = os.path.join(src, "..", "ui", "src")
    if os.path.isdir(ui):
        problems += ui_check(ui)
    for p in problems:
        print(p)
    return 1 if problems else 0


def check(src):
    """The problems of the core at `src`: uses up a floor, and loops between files or
    between top-level modules."""
    mods = modules(src)
    exports = root_exports(src)
    problems = []
    edges = {m: set() for m in mods}
    tops = {}
    for mod, rel in sorted(mods.items()):
        if not mod:
            continue  # lib.rs declares every module
        top = mod[0]
        if top not in FLOORS:
            problems.append(f"{rel}: module `{top}` is on no floor (add it to scripts/floors.py)")
            continue
        with open(os.path.join(src, rel), encoding="utf8") as f:
            text = f.read()
        # A file `a/b.rs` is module a::b; `super::` in it is `a`. A folder's mod.rs is the folder.
        for path in used_paths(text, mod):
            if len(path) == 1 and path[0] in exports:
                path = [exports[path[0]]] + path
            target = owner(path, mods)
            if not target or target == mod:
                continue
            if target[0] != top:
                tops.setdefault(top, set()).add(target[0])
            # A folder's mod.rs and its own children may name each other.
            if target[: len(mod)] == mod or mod[: len(target)] == target:
                continue
            up = FLOORS.get(target[0], 0)
            if up > FLOORS[top]:
                problems.append(
                    f"{rel} ({NAMES[FLOORS[top]]}) uses {'::'.join(path)} ({NAMES[up]}): up a floor"
                )
            edges[mod].add(target)
    problems += [f"loop: {' <-> '.join(sorted(mods[g] for g in loop))}" for loop in loops_of(edges)]
    problems += [f"loop between modules: {' <-> '.join(sorted(loop))}" for loop in loops_of(tops)]
    deps = sum(len(e) for e in edges.values())
    print(f"floors: {len(mods)} files, {deps} dependencies, {len(problems)} problems")
    return problems


def loops_of(edges):
    """The strongly connected groups of more than one node of a graph (Tarjan)."""
    index, low, stack, on, loops, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                loops.append(group)

    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index:
            visit(v)
    return loops


if __name__ == "__main__":
    sys.exit(main())
