// Placeholder so the package builds; the command-line tests replace it.
