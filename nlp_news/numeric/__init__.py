"""nlp-news."""
