"""`newsdesk figures`: every report's figure for one count, or (`--list`) the counts held.

    newsdesk figures --list [--json | --csv]
    newsdesk figures --measure M [--group G] [--place P] [--from D] [--to D] [--source S]
                     [--json | --csv]

A count is a measure plus, where the text says them, a group and a place, as `--list`
prints them: `--measure killed --place Gaza` is "killed · Gaza", and `--measure killed`
alone the figures that name neither.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date

from index import CountKey, InvalidRequest, Library, filter_story, story_as_csv
from tui.cli.commands.options import add_json_flag, require_articles

NAME = "figures"
COUNT_COLUMNS = (
    "label",
    "measure",
    "group",
    "place",
    "reports",
    "figures",
    "first",
    "last",
    "undated",
)
"""The columns of `figures --list --csv`."""
LIST_HINT = "`newsdesk figures --list` shows the counts the library holds"


def iso_date(text: str) -> date:
    """An argparse type for --from/--to: YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `figures` command."""
    parser = subparsers.add_parser(
        NAME,
        help="every report's figure for one count, by date and outlet",
        description="The story of one count (measure, group, place): each report's figure "
        "by publication date, with each day's consensus, outliers, stale figures and who "
        "says what. Undated reports are listed apart. --list shows the counts held.",
    )
    parser.add_argument("--list", action="store_true", help="list the counts, most reports first")
    parser.add_argument("--measure", metavar="M", help="killed, hostages_held, released, …")
    parser.add_argument("--group", metavar="G", help="whom it counts, as --list shows it")
    parser.add_argument("--place", metavar="P", help="where, as --list shows it (Gaza, Israel…)")
    parser.add_argument("--from", dest="start", type=iso_date, metavar="D", help="from this day")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="D", help="to this day")
    parser.add_argument("--source", metavar="S", default="", help="only outlets matching S")
    formats = parser.add_mutually_exclusive_group()
    add_json_flag(formats)  # type: ignore[arg-type]  # a mutually exclusive group adds arguments too
    formats.add_argument("--csv", action="store_true", help="print CSV (one row per figure)")
    parser.set_defaults(command=sys.modules[__name__])


def count_key(args: argparse.Namespace) -> CountKey:
    """The count the arguments name ("hostages held" and "hostages_held" are one measure).

    Raises:
        InvalidRequest: No --measure was given.
    """
    if not args.measure:
        raise InvalidRequest("Say which count: --measure M (or --list).", LIST_HINT)
    measure = "_".join(args.measure.strip().lower().split())
    return CountKey(measure, args.group or None, args.place or None)


def run(args: argparse.Namespace, library: Library) -> int:
    """Print the counts, or the story of one."""
    require_articles(library)
    if args.list:
        return _print_counts(args, library)
    key = count_key(args)
    story = library.story(key)
    if not story.all_rows:
        raise InvalidRequest(f"No report states a figure for {key.label}.", LIST_HINT)
    story = filter_story(story, start=args.start, end=args.end, outlet=args.source)
    if args.json:
        print(json.dumps(story.as_json(), ensure_ascii=False))
    elif args.csv:
        sys.stdout.write(story_as_csv(story))
    else:
        from tui.cli.report.figures import render_story

        render_story(story)
    return 0


def _print_counts(args: argparse.Namespace, library: Library) -> int:
    """`--list`: the counts, most reports first."""
    counts = library.figure_counts()
    if args.json:
        print(json.dumps([count.as_json() for count in counts], ensure_ascii=False))
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COUNT_COLUMNS)
        for count in counts:
            row = count.as_json()
            writer.writerow(["" if row[name] is None else row[name] for name in COUNT_COLUMNS])
    else:
        from tui.cli.report.figures import render_counts

        render_counts(counts)
    return 0
