"""The durable runtime: interpreter, broker, actors, scheduler, outbox and channels."""
