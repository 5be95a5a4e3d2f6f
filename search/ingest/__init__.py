"""Files to articles: read and decode, split into lines, mark site furniture, cut into
articles, and clean each into title, date, source and body."""
