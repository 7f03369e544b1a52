"""Helpers shared by the tests of every folder (a folder's conftest.py keeps only fixtures of that folder).

- ``fakes/``: fake SOLAPI / NHN Cloud / webhook-sink servers over real local HTTP; ``fakes/fixtures.py`` and
  ``runtime.py`` are pytest plugins of tests/conftest.py, so ``solapi_fake``, ``rt``, ``clock``, ``clinic_id``
  … are fixtures everywhere.
- ``documents.py``: workflow and event builders, the example workflows.
- ``runtime.py``: publish a workflow, set clinic settings, start runs, read the outbox.
- ``solapi.py``: a clinic sending through the fake SOLAPI. ``messages.py``: outbound messages for provider clients.
- ``login.py``: users and log-in sessions without the password form. ``clients.py``: several clients of one app.
- ``webhooks.py``: signed booking-system requests. ``server.py``: the real server / command line in a process.
- ``compliance.py``: ``rule_ids`` (the rule ids the checker finds in a message) and the ad footers and templates
  the compliance tests append to the sentences they check.
"""
