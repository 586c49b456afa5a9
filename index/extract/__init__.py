"""Pure extraction: the figures and the party mentions of a text, as character spans.

- `figures.find_figures`: numbers that count something, read with `numbers` (quantities),
  `counted` (the counted noun phrase), `measures` (cue words -> killed, hostages_held…)
  and `figure_context` (a figure's sentence decides its measure and inherited noun).
- `parties.find_mentions`: states, organisations, people, media and places, from the
  `gazetteer` (the bundled `data/parties.json` plus the user's own file).
- `spans.article_spans`: an article's figures, parties and query matches as highlight spans.

Not imported here: the extractors compile large patterns on import.
"""
