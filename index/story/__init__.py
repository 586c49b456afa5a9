"""The story of one count: every report's figure over time, by outlet, and who says what.

- `models`: `CountKey` (measure, group, place), `CountSummary`, `Story`, `StoryRow`,
  `Flag`, `DayConsensus`, `SourceSummary`, and `story_as_csv`.
- `store`: `FigureStore`, the SQLite store of counted figures beside the index, written
  with each batch the index commits (see its docstring for how it stays in step).
- `consensus`: `build_story` (pure): the day's consensus, outliers, stale figures, who
  says what; `filter_story`.
- `sources`: an attribution phrase -> the source it cites ("Gaza health ministry").
- `chart`: `chart_data` (pure): what the plot draws (a letter per outlet, ranges, arrows,
  the consensus line, log scale or not), for the story screen and the SVG export.
- `svg`: `story_as_svg`, the chart as a standalone SVG file.

Not imported here: `index` imports the models on every start, the rest only when used.
"""
