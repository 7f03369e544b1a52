"""Outcomes (성과): what the clinic's messages did — delivery, cost, staff time, attendance, consent.

``periods`` (the period asked for), ``daily`` (one day's counts from the database), ``cache`` (closed days
kept in ``outcome_days``), ``figures`` (days' counts → the answer), ``stats`` (rates and intervals),
``service`` (all of it for one request), ``report`` and ``charts`` (the monthly report), ``api`` and ``cli``.
How each figure is computed: docs/outcomes.md.
"""
