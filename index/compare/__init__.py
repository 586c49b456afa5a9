"""Two reports side by side: aligned passages, figures paired by measure, parties.

- `comparison.compare_articles`: two `Article`s -> `Comparison` (pure, deterministic), and
  `comparison_as_json`, the `newsdesk compare --json` shape.
- `models`: `Comparison`, `AlignedPassage`, `FigureRow`, `FigureStatus`, `PartyComparison`.
- `alignment` (sentence alignment, tolerant of reordering) and `figure_pairing` (which
  figures count the same thing, and whether they agree).

Not imported here: `index` imports the models on every start, the comparison only when used.
"""
