"""Words and numbers in a language: translations, number formatting, presenting a figure."""
