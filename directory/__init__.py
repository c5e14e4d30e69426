"""The wellplaced directory: offers, needs, matching and the anonymised unmet-needs log."""
