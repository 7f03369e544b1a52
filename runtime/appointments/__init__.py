"""The appointment book: reading appointments, changing them through the event ingest, EMR reservation import."""
