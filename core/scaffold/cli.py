"""The `cloudcat plugin` commands: `new` writes a plugin package to start from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cloudcat.core.errors import BadInput
from cloudcat.core.scaffold import KINDS, new_plugin

plugin_app = typer.Typer(help="Write new plugins.", no_args_is_help=True)
console = Console()


@plugin_app.command("new")
def new(
    name: Annotated[str, typer.Argument(help="The plugin's name (lowercase, underscores).")],
    kind: Annotated[str, typer.Option(help=f"What it provides: {', '.join(KINDS)}.")],
    directory: Annotated[
        Path, typer.Option("--dir", help="Where to write the package's folder.")
    ] = Path("."),
) -> None:
    """Write a pip package for a new plugin: pyproject, provider, config model, README, tests."""
    try:
        target = new_plugin(name, kind, directory)
    except BadInput as exc:
        problems = "; ".join(e.message for e in exc.fields)
        console.print(f"[red]error:[/] {exc}: {problems}")
        raise typer.Exit(2) from exc
    next_steps = f"cd {target} && pip install -e '.[test]' && pytest"
    console.print(f"wrote {target}\n  {next_steps}", markup=False)
