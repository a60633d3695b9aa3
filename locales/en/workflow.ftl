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
