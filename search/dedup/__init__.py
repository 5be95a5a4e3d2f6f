"""Articles to stories: exact copies by hash, near copies by MinHash, rewrites by rare
shared words (`edges`), grouped into stories (`grouping`) and merged into one text (`story`)."""
