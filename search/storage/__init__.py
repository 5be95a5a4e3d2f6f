"""Where a built index lives: the SQLite store of files, texts, edges and stories, and the
Whoosh index of stories with its numpy ranking."""
