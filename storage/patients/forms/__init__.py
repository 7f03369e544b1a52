"""Jinja2 templates of consent forms and the privacy policy (a package so that installs carry them)."""
