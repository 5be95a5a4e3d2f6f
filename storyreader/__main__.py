from storyreader.tui.cli import main

main(prog_name="storyreader")
