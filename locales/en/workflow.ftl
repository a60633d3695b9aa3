# The vendor's day: saving, start screen, keyboard, navigator (issue 15).

# Saving
file-suggested-name = { $product } { $version } disclosure statement
file-untitled = Disclosure statement
export-offer-title = Export instead?
export-offer-body = “{ $file }” is not a statement file (JSON). Statements are saved as JSON; this file can be written as an export.
browser-up = ↑ Parent folder
browser-folder = Folder: { $folder }
browser-empty = (no matching files or folders)
browser-name = File name

# Start screen
start-excerpts = The catalogues that come with the app (the MDS and SDS examples) are short excerpts; the full question list comes from importing the official checklist workbook (Excel).
start-from-checklist = Start from the official checklist (Excel)
start-choose-catalogue = Choose a catalogue file…
start-catalogue-loaded = Loaded the catalogue “{ $title }” from { $file }
catalogue-short = { $title } ({ $kind } Ver.{ $version }, { $count } questions)
