"""The hand-made demo corpus shown by `storyreader` with no argument."""
