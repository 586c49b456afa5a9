"""The stop words: one list of English function words for every part of newsdesk.

The index drops `STOP_WORDS` (frequent, no topic, and they cost postings); the passage
alignment also drops `REPORTING_WORDS`, which every news sentence has ("said", "according")
and which would make unrelated sentences look alike.
"""

from __future__ import annotations

STOP_WORDS: frozenset[str] = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such
    than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves also may must shall upon whether""".split()  # noqa: SIM905
)
"""English function words: frequent, carry no topic, and cost postings."""

REPORTING_WORDS: frozenset[str] = frozenset(
    """said says say told according one two three since still it's there's""".split()  # noqa: SIM905
)
"""Words of reporting and small counts that say nothing about what a sentence claims."""
