"""`make bench-peer`: the same 5-node flow on n8n and on DoctorsFlow, one load generator, one fake provider.

Modules: ``install`` (n8n with npm into a cache folder, once), ``provider`` (the counting fake SOLAPI, with an
endpoint for n8n's HTTP Request node), ``n8n_side`` and ``doctorsflow_side`` (start, stop, processes),
``loadgen`` (closed and open loop), ``meter`` (CPU seconds and peak RSS of each side), ``report`` (bench lines),
``run`` (interleaved rounds). See docs/bench-peer.md.
"""
