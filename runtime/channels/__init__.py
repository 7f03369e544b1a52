"""Channels deliver outbox messages: sandbox (default), solapi, nhncloud."""
