"""The Telegram adapter of wellplaced: turns updates into directory calls and renders answers."""
