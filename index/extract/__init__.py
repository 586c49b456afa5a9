"""Pure extraction: the figures and the party mentions of a text, as character spans.

- `figures.find_figures`: numbers that count something, in the title and the paragraphs,
  read with `numbers` (quantities), `counted` (the counted noun phrase), `shares`
  (percentages and shares of a population), `measures` (cue words -> killed,
  hostages_held…), `figure_context` (a figure's sentence decides its measure and inherited
  noun) and `scope` (whom it counts and where: group and place).
- `parties.find_article_mentions`: states, organisations, people, media and places, in the
  title and the paragraphs: the `gazetteer` (the bundled `data/parties.json`, its cities and
  the user's own file) matched with one `word_trie` regex and read in context
  (`mention_context`: a city as a place, nationality words describing people), plus names the
  gazetteer cannot know (`names`, with the cue words of `name_cues`), linked to their full
  forms across the article (`name_links`); `candidates` holds what they pass between them.
- `spans.article_spans`: an article's figures, parties and query matches as highlight spans.

Not imported here: the extractors compile large patterns on import.
"""
