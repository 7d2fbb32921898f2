"""The `madoguchi` command: data, operators, training and running the stack.

    madoguchi setup                      .env with a fresh API token, database, demo orders
    madoguchi orders import FILE.csv     load orders (all rows or none)
    madoguchi operator add NAME [--password-stdin] [--display-name TEXT]
    madoguchi operator display-name NAME [TEXT]   what customers see after 担当者
    madoguchi audit [--limit N] [--user NAME] [--action A]   logins and operator actions
    madoguchi train [--force] [--validated]   train when the training inputs changed
    madoguchi run                        action server, Rasa server and web/desk
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path


def cmd_setup(args: argparse.Namespace) -> int:
    from madoguchi.first_run import prepare

    prepare()
    return 0


def cmd_orders_import(args: argparse.Namespace) -> int:
    from madoguchi.store import orders
    from madoguchi.store.db import database

    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return 2
    try:
        n = orders.import_csv(database(), path)
    except orders.OrderImportError as e:
        print(f"error: {path}: {e}", file=sys.stderr)
        return 1
    print(f"imported {n} orders from {path}")
    return 0


def cmd_operator_add(args: argparse.Namespace) -> int:
    from madoguchi.store import operators
    from madoguchi.store.db import database

    generated = not args.password_stdin
    if generated:
        password = secrets.token_urlsafe(12)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        operators.add(database(), args.name, password, args.display_name)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if generated:
        print(f"operator {args.name} added; password: {password}")
    else:
        print(f"operator {args.name} added")
    return 0


def cmd_operator_display_name(args: argparse.Namespace) -> int:
    from madoguchi.store import operators
    from madoguchi.store.db import database

    db = database()
    if not operators.exists(db, args.name):
        print(f"error: there is no operator {args.name}", file=sys.stderr)
        return 1
    try:
        operators.set_display_name(db, args.name, args.display_name)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    shown = operators.display_name(db, args.name)
    print(f"customers see {args.name} as: 担当者{' ' + shown if shown else ''}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from madoguchi.store import audit
    from madoguchi.store.db import database
    from madoguchi.web.timefmt import iso_jst

    entries = audit.recent(
        database(), limit=max(1, args.limit), actor=args.user, action=args.action, outcome=args.outcome
    )
    for e in reversed(entries):  # oldest first, as a log reads
        fields = [iso_jst(e.at) or "", e.actor, e.action, e.target or "-", e.address or "-", e.outcome, e.detail]
        print("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields).rstrip())
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from madoguchi.model import train

    train(force=args.force, validated=args.validated)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from madoguchi.stack import run_stack

    return run_stack(train_first=not args.no_train)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="madoguchi", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="create .env and the database, import demo orders").set_defaults(func=cmd_setup)

    orders = sub.add_parser("orders", help="shop orders").add_subparsers(dest="action", required=True)
    imp = orders.add_parser("import", help="import orders from a CSV file")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_orders_import)

    ops = sub.add_parser("operator", help="desk operators").add_subparsers(dest="action", required=True)
    add = ops.add_parser("add", help="add an operator (or set a new password)")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--display-name", help="what customers see after 担当者 (never the login name)")
    add.set_defaults(func=cmd_operator_add)
    shown = ops.add_parser("display-name", help="set what customers see after 担当者")
    shown.add_argument("name")
    shown.add_argument("display_name", nargs="?", default="", help="empty: 担当者 alone (or the shop's default)")
    shown.set_defaults(func=cmd_operator_display_name)

    aud = sub.add_parser(
        "audit", help="the desk's audit log (logins, replies, releases, closes, takeovers, personal data requests)"
    )
    aud.add_argument("--limit", type=int, default=100, help="how many of the newest entries (default 100)")
    aud.add_argument("--user", help="only this operator (or name typed at a login)")
    aud.add_argument("--action", help="only this action: login, logout, message, release, close")
    aud.add_argument("--outcome", help="only this outcome: ok, failed, locked, refused, unknown")
    aud.set_defaults(func=cmd_audit)

    tr = sub.add_parser("train", help="train the model when its inputs changed")
    tr.add_argument("--force", action="store_true")
    tr.add_argument("--validated", action="store_true",
                    help="the data was just validated (python -m madoguchi.validate): rasa train does not again")
    tr.set_defaults(func=cmd_train)

    run = sub.add_parser("run", help="start the action server, Rasa and the web/desk")
    run.add_argument("--no-train", action="store_true")
    run.set_defaults(func=cmd_run)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
