"""What boilerplate lines look like: the stateless shape rules of `index.parse.clean`.

A line is boilerplate when it is only symbols or numbers ("2024", "1920 1080 true"), a locale
code ("en_EN"), a section word ("News", "world"), a link teaser ("See also …", "Also Read: …",
"Read more", "Lee también …", "Read Full Article at …", "X – live updates"), a comment form
or footer (English, Spanish, Portuguese, French), a syndication note ("The post … appeared
first on …"), a photo credit, a byline, a labelled URL or counter ("Points: 52"), or only
URLs and e-mail addresses.
"""

from __future__ import annotations

import re

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
"""A web address (with scheme or "www.")."""
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address."""
_NO_LETTERS = r"[\W\d_]*$"
_IMAGE_SIZE = r"(?i:\d{2,5}(?:\s*[x×]\s*|\s+)\d{2,5}(?:\s+(?:true|false))?$)"
_LOCALE = r"[a-z]{2}[_-][A-Za-z]{2}$"
_SECTION_WORDS_TEXT = (
    "news world home latest politics opinion opinions business sport sports culture "
    "video videos live analysis features technology tech science health entertainment "
    "lifestyle international more menu search share advertisement comments related "
    "trending noticias mundo internacional monde notícias ads sponsored"
)
SECTION_WORDS = frozenset(_SECTION_WORDS_TEXT.split()) | {
    "middle east",
    "breaking news",
    "top stories",
    "most read",
    "world news",
    "read more",
}
_TEASER = (
    r"(?i:see also|also read|read also|read more|related(?: articles?| stories| news)?\s*:|"
    r"more\s*:|recommended\s*:|watch\s*:|listen\s*:|click here|lee también|lea también|"
    r"ver también|leia também|leia mais|veja também|lire aussi|voir aussi|à lire aussi|"
    r"continue read|subscribe to|sign up for|follow us|share this|share on|leer más|"
    r"lire la suite|saiba mais|read (?:the )?full (?:article|story)|see all our|get our .{0,80}"
    r"(?:emails?|newsletters?|app|podcasts?)\b|warning: (?:this|the following) \w+ contains?)"
)
_LIVE_LINK = re.compile(
    r"^[•·*-]?\s*.{3,80}(?:[-–—:]\s*|\b)(?:live|latest)(?: news and live)? updates$"
)
SOURCE_LINE = re.compile(r"^(?:source|sources|fuente|fonte|quelle|origem)\s*:\s*(.*)$", re.I)
_BOILERPLATE_PHRASES = (
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "required fields are marked",
    "cancel reply",
    "post comment",
    "save my name, email",
    "you must be logged in to post",
    "deja una respuesta",
    "deja un comentario",
    "tu dirección de correo",
    "tu correo electrónico no será",
    "los campos obligatorios",
    "deixe um comentário",
    "deixe uma resposta",
    "o seu endereço de email",
    "o seu endereço de e-mail",
    "campos obrigatórios",
    "laisser un commentaire",
    "laisser une réponse",
    "votre adresse e-mail ne sera pas",
    "votre adresse email ne sera pas",
    "les champs obligatoires",
    "en esta categoría",
    "nesta categoria",
    "dans cette catégorie",
    "in this category",
    "all rights reserved",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tous droits réservés",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "terms of service",
    "newsletter",
    "appeared first on",
    "read the original post",
    "read the original article",
)
"""Phrases of comment forms, footers and syndication notes (lines under 160 characters)."""
_BOILERPLATE_WORDS = frozenset(
    [
        "reply",
        "comment",
        "email",
        "published",
        "required",
        "cancel",
        "post",
        "save",
        "logged",
        "respuesta",
        "comentario",
        "correo",
        "campos",
        "comentário",
        "resposta",
        "endereço",
        "obrigatórios",
        "commentaire",
        "réponse",
        "adresse",
        "champs",
        "categoría",
        "categoria",
        "catégorie",
        "category",
        "rights",
        "derechos",
        "direitos",
        "droits",
        "cookie",
        "privacy",
        "terms",
        "newsletter",
        "newsletters",
        "appeared",
        "original",
    ]
)
"""Every phrase above holds one of these words: a cheap test before the phrase search."""
_PUNCT = re.compile(r"[.,:;!?*()\[\]\"“”'’|/]")
"""What separates the words looked up in `_BOILERPLATE_WORDS`, besides spaces."""
_BOILERPLATE_STARTS = (
    "©",
    "copyright ",
    "this is a post from",
    "this article was originally",
    "this article originally",
    "this story was originally",
    "this article first appeared",
    "follow our ",
)
_CREDIT_LINE = (
    r"(?i:\(?(?:photo|foto|image|picture|video|photograph|illustration|imagen|imagem)s?"
    r"(?: credit)?\s*(?::|by\b(?=.{0,60}$)))"
)
_SHAPE = re.compile(f"{_NO_LETTERS}|{_IMAGE_SIZE}|{_LOCALE}|{_TEASER}|{_CREDIT_LINE}")
"""Boilerplate by how a line starts: symbols or numbers only, an image size, a locale code, a
link teaser, a photo credit. One pattern (matched at the start) for the five: each call of a
pattern costs more than its failure does on most lines."""
_BYLINE = r"(?:[Bb]y|[Pp]or|[Pp]ar|[Vv]on)\s+[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}$"
_LABELLED = (
    r"(?i:(?:[#\w][\w ]{0,24}:\s*(?:https?://|www\.)\S+|#?\s*(?:points|comments|votes|likes|"
    r"shares|views|replies)\s*:\s*\d[\d,.]*)$)"
)
_BYLINE_OR_LABELLED = re.compile(f"{_BYLINE}|{_LABELLED}")
"""A byline ("By Jane Doe") or a labelled URL or counter ("Points: 52"), matched at the start."""


def is_boilerplate_line(line: str) -> bool:
    """Whether a stripped, non-empty line is boilerplate by its shape alone."""
    if _SHAPE.match(line):
        return True
    low = line.lower()
    if low.strip(" .:|") in SECTION_WORDS:
        return True
    if len(line) <= 100 and line.endswith("updates") and _LIVE_LINK.match(line):
        return True
    if len(line) < 160:
        if low.startswith(_BOILERPLATE_STARTS):
            return True
        # A substitution, not `str.translate`: that looks every character up in the table.
        words = _PUNCT.sub(" ", low).split()
        if not _BOILERPLATE_WORDS.isdisjoint(words) and any(
            phrase in low for phrase in _BOILERPLATE_PHRASES
        ):
            return True
    if ("@" in line or "http" in line or "www." in line) and not URL.sub(
        "", EMAIL.sub("", line)
    ).strip(" .,;:|-–—()[]<>"):
        return True
    return len(line) <= 60 and _BYLINE_OR_LABELLED.match(line) is not None
