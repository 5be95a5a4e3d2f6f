"""An update of the index from start to end: which files changed, reading them in a pool of
workers, finding edges, regrouping the stories they touch and syncing Whoosh."""
