"""Helpers shared by the tests of every package: fake provider servers, log-ins, workflow and event builders."""
